// BusinessCalendar: deadlines and business hours between instants, across
// weekends, holidays and daylight-saving changes. Expected instants are from
// Python's zoneinfo (an implementation of the tz database independent of
// Abseil's), e.g. int(datetime(2026, 12, 7, 10, tzinfo=ZoneInfo("UTC")).timestamp()).
#include <gtest/gtest.h>

#include <candor/business_hours.hpp>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace candor {
namespace {

constexpr int64_t kHour = 3600;

BusinessCalendar MakeCalendar(BusinessCalendarSpec spec) {
  Result<BusinessCalendar> calendar = BusinessCalendar::Make(spec);
  EXPECT_TRUE(calendar.ok()) << calendar.status().message();
  return *calendar;
}

BusinessCalendarSpec AllDay(const std::string& zone) {
  BusinessCalendarSpec spec;
  spec.time_zone = zone;
  spec.open_minute = 0;
  spec.close_minute = 1440;
  spec.weekdays = 0x7F;
  return spec;
}

TEST(BusinessHoursTest, DeadlineCarriesOverTheWeekend) {
  const BusinessCalendar calendar = MakeCalendar({});  // UTC, Mon-Fri 09-17
  const int64_t friday_1600 = 1796400000;              // 2026-12-04 16:00 UTC
  const int64_t monday_1000 = 1796637600;              // 2026-12-07 10:00 UTC
  EXPECT_EQ(*calendar.Deadline(friday_1600, 2), monday_1000);
  EXPECT_DOUBLE_EQ(*calendar.BusinessHoursBetween(friday_1600, monday_1000), 2.0);
  EXPECT_DOUBLE_EQ(*calendar.BusinessHoursBetween(monday_1000, friday_1600), -2.0);
}

TEST(BusinessHoursTest, StartOutsideHoursCountsFromTheNextOpening) {
  const BusinessCalendar calendar = MakeCalendar({});
  const int64_t monday_0900 = 1796637600 - kHour;
  const int64_t saturday_noon = monday_0900 - 45 * kHour;
  EXPECT_EQ(*calendar.Deadline(saturday_noon, 0), monday_0900);
  EXPECT_EQ(*calendar.Deadline(saturday_noon, 1.5), monday_0900 + 90 * 60);
  // A start inside hours with no hours is the start itself.
  EXPECT_EQ(*calendar.Deadline(monday_0900 + 5, 0), monday_0900 + 5);
  // Monday evening counts from Tuesday 09:00.
  EXPECT_EQ(*calendar.Deadline(monday_0900 + 10 * kHour, 1), monday_0900 + 25 * kHour);
}

TEST(BusinessHoursTest, DeadlineOnAClosingInstantIsThatInstant) {
  const BusinessCalendar calendar = MakeCalendar({});
  const int64_t monday_0900 = 1796637600 - kHour;
  EXPECT_EQ(*calendar.Deadline(monday_0900, 8), monday_0900 + 8 * kHour);
  EXPECT_EQ(*calendar.Deadline(monday_0900, 8.5), monday_0900 + 24 * kHour + 30 * 60);
}

TEST(BusinessHoursTest, DeadlineRoundsUpToTheSecond) {
  const BusinessCalendar calendar = MakeCalendar({});
  const int64_t monday_0900 = 1796637600 - kHour;
  EXPECT_EQ(*calendar.Deadline(monday_0900, 1.0 / 7200), monday_0900 + 1);  // half a second
  EXPECT_EQ(*calendar.Deadline(monday_0900, 0.1), monday_0900 + 360);
}

TEST(BusinessHoursTest, HolidaysAreSkipped) {
  BusinessCalendarSpec spec;
  spec.holidays = {20812};  // 2026-12-25, a Friday
  const BusinessCalendar calendar = MakeCalendar(spec);
  const int64_t thursday_1600 = 1798128000;  // 2026-12-24 16:00 UTC
  const int64_t monday_1000 = 1798452000;    // 2026-12-28 10:00 UTC
  EXPECT_EQ(*calendar.Deadline(thursday_1600, 2), monday_1000);
  EXPECT_DOUBLE_EQ(*calendar.BusinessHoursBetween(thursday_1600, monday_1000), 2.0);
  // Without the holiday Friday counts.
  const BusinessCalendar open_friday = MakeCalendar({});
  EXPECT_DOUBLE_EQ(*open_friday.BusinessHoursBetween(thursday_1600, monday_1000), 10.0);
}

TEST(BusinessHoursTest, DaysAcrossDaylightSavingLastTheirRealLength) {
  // Local midnight to local midnight, open all day.
  const BusinessCalendar new_york = MakeCalendar(AllDay("America/New_York"));
  EXPECT_DOUBLE_EQ(*new_york.BusinessHoursBetween(1772946000, 1773028800), 23.0);  // 2026-03-08
  EXPECT_DOUBLE_EQ(*new_york.BusinessHoursBetween(1793505600, 1793595600), 25.0);  // 2026-11-01
  const BusinessCalendar lord_howe = MakeCalendar(AllDay("Australia/Lord_Howe"));
  EXPECT_DOUBLE_EQ(*lord_howe.BusinessHoursBetween(1791034200, 1791118800), 23.5);  // 2026-10-04
  // Samoa skipped 2011-12-30: two civil days, 24 real hours.
  const BusinessCalendar apia = MakeCalendar(AllDay("Pacific/Apia"));
  EXPECT_DOUBLE_EQ(*apia.BusinessHoursBetween(1325152800, 1325239200), 24.0);
}

TEST(BusinessHoursTest, OpeningSkippedOrRepeatedByDaylightSaving) {
  BusinessCalendarSpec spec = AllDay("Europe/Berlin");
  spec.open_minute = 150;   // 02:30
  spec.close_minute = 240;  // 04:00
  const BusinessCalendar calendar = MakeCalendar(spec);
  const int64_t march_29 = 1774738800;  // 2026-03-29 00:00 CET; 02:00 -> 03:00 CEST
  // 02:30 does not exist: the day opens at the jump, 01:00 UTC, until 04:00 CEST.
  EXPECT_EQ(*calendar.Deadline(march_29, 0), march_29 + 2 * kHour);
  EXPECT_DOUBLE_EQ(*calendar.BusinessHoursBetween(march_29, march_29 + 23 * kHour), 1.0);
  const int64_t october_25 = 1792879200;  // 2026-10-25 00:00 CEST; 03:00 -> 02:00 CET
  // 02:30 happens twice: the day opens at the first, 00:30 UTC, until 04:00 CET.
  EXPECT_EQ(*calendar.Deadline(october_25, 0), october_25 + 150 * 60);
  EXPECT_DOUBLE_EQ(*calendar.BusinessHoursBetween(october_25, october_25 + 25 * kHour), 2.5);
}

TEST(BusinessHoursTest, SkippedDayInSamoa) {
  // Thursday 2011-12-29 16:00 local + 2 h: Friday 30th never happened.
  BusinessCalendarSpec spec;
  spec.time_zone = "Pacific/Apia";
  const BusinessCalendar calendar = MakeCalendar(spec);
  EXPECT_EQ(*calendar.Deadline(1325210400, 2), 1325448000);  // Monday 2012-01-02 10:00
}

TEST(BusinessHoursTest, DeadlineAndBetweenAreInverse) {
  BusinessCalendarSpec spec;
  spec.time_zone = "America/New_York";
  spec.holidays = {20812, 20813, 20454};
  const BusinessCalendar calendar = MakeCalendar(spec);
  std::mt19937_64 random(14);
  std::uniform_int_distribution<int64_t> start(1735689600, 1830297600);  // 2025..2028
  std::uniform_int_distribution<int> seconds(0, 300 * 3600);
  for (int i = 0; i < 2000; ++i) {
    const int64_t s = start(random);
    const int need = seconds(random);
    const int64_t deadline = *calendar.Deadline(s, need / 3600.0);
    EXPECT_EQ(*calendar.BusinessHoursBetween(s, deadline), need / 3600.0) << s << " " << need;
    if (need > 0) {  // one second earlier is not enough
      EXPECT_LT(*calendar.BusinessHoursBetween(s, deadline - 1), need / 3600.0);
    }
  }
}

TEST(BusinessHoursTest, BatchFormsMatchTheScalarOnesAndNameTheRow) {
  const BusinessCalendar calendar = MakeCalendar({});
  const std::vector<int64_t> starts = {1796400000, 1796637600, 1796000000};
  const std::vector<double> hours = {2, 0.25, 30};
  std::vector<int64_t> deadlines(3);
  ASSERT_TRUE(calendar.Deadlines(starts.data(), hours.data(), 3, deadlines.data()).ok());
  std::vector<double> between(3);
  ASSERT_TRUE(
      calendar.BusinessHoursBetweenMany(starts.data(), deadlines.data(), 3, between.data()).ok());
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(deadlines[i], *calendar.Deadline(starts[i], hours[i]));
    EXPECT_DOUBLE_EQ(between[i], hours[i]);
  }
  const std::vector<double> bad = {1, -1, 2};
  const Status status = calendar.Deadlines(starts.data(), bad.data(), 3, deadlines.data());
  EXPECT_EQ(status.code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(status.message().find("row 1"), std::string::npos) << status.message();
  EXPECT_TRUE(calendar.Deadlines(nullptr, nullptr, 0, nullptr).ok());
  EXPECT_EQ(calendar.Deadlines(nullptr, hours.data(), 1, deadlines.data()).code(),
            CANDOR_INVALID_ARGUMENT);
}

void ExpectMakeFails(const BusinessCalendarSpec& spec, const std::string& needle) {
  const Result<BusinessCalendar> calendar = BusinessCalendar::Make(spec);
  ASSERT_FALSE(calendar.ok()) << needle;
  EXPECT_EQ(calendar.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(calendar.status().message().find(needle), std::string::npos)
      << calendar.status().message();
}

TEST(BusinessHoursTest, BadSpecsAreClearErrors) {
  BusinessCalendarSpec spec;
  spec.time_zone = "Mars/Olympus_Mons";
  ExpectMakeFails(spec, "unknown time zone \"Mars/Olympus_Mons\"");
  spec.time_zone = "../etc/passwd";
  ExpectMakeFails(spec, "not a tz database name");
  spec = {};
  spec.close_minute = spec.open_minute;
  ExpectMakeFails(spec, "close (minute 540) must be after open");
  spec = {};
  spec.close_minute = 1441;
  ExpectMakeFails(spec, "[0, 1440]");
  spec = {};
  spec.weekdays = 0;
  ExpectMakeFails(spec, "no working weekday");
  spec.weekdays = 0x81;
  ExpectMakeFails(spec, "bit 7");
  spec = {};
  spec.holidays = {20812, 1, 20812};
  ExpectMakeFails(spec, "holiday 2026-12-25 is given twice");
  spec.holidays = {200000};
  ExpectMakeFails(spec, "outside 1900-01-01..2200-01-01");
}

TEST(BusinessHoursTest, BadArgumentsAreClearErrors) {
  const BusinessCalendar calendar = MakeCalendar({});
  EXPECT_EQ(calendar.Deadline(0, -1).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(calendar.Deadline(0, std::numeric_limits<double>::quiet_NaN()).status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(calendar.Deadline(0, 1e300).status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(calendar.Deadline(kLatestBusinessTime, 1).status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(calendar.BusinessHoursBetween(kEarliestBusinessTime - 1, 0).status().code(),
            CANDOR_OUT_OF_RANGE);
  // The last opening before 2200 cannot fit 9 hours.
  const Result<int64_t> late = calendar.Deadline(kLatestBusinessTime - 30 * kHour, 9);
  EXPECT_EQ(late.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(late.status().message().find("before 2200-01-01"), std::string::npos);
}

TEST(BusinessHoursTest, AllWeekdaysHolidaysLeaveNoOpenHour) {
  BusinessCalendarSpec spec;
  spec.weekdays = 1;  // Mondays
  // Every Monday from 2199-06-03 to the end of the range is a holiday.
  for (int32_t day = 83794; day < kLatestBusinessDay; day += 7) spec.holidays.push_back(day);
  const BusinessCalendar calendar = MakeCalendar(spec);
  const Result<int64_t> deadline = calendar.Deadline(int64_t{83794} * 86400 - 1, 0);
  EXPECT_EQ(deadline.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(deadline.status().message().find("no open hour"), std::string::npos);
}

TEST(BusinessHoursJsonTest, ParsesTheRulesObject) {
  const Result<BusinessCalendarSpec> spec = ParseBusinessCalendarJson(
      R"({"time_zone": "Europe/Berlin", "open": "08:30", "close": "24:00",
          "weekdays": [0, 2, 6], "holidays": ["2026-12-25", "1900-01-01"]})");
  ASSERT_TRUE(spec.ok()) << spec.status().message();
  EXPECT_EQ(spec->time_zone, "Europe/Berlin");
  EXPECT_EQ(spec->open_minute, 510);
  EXPECT_EQ(spec->close_minute, 1440);
  EXPECT_EQ(spec->weekdays, 0x45);
  EXPECT_EQ(spec->holidays, (std::vector<int32_t>{20812, -25567}));
  const Result<BusinessCalendarSpec> defaults = ParseBusinessCalendarJson("{}");
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->open_minute, 540);
  EXPECT_EQ(defaults->weekdays, kMondayToFriday);
}

TEST(BusinessHoursJsonTest, BadJsonNamesTheProblem) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"[]", "expected an object"},
      {"{", "not valid JSON"},
      {R"({"open": "9:00"})", "\"open\" time of day '9:00'"},
      {R"({"close": "24:01"})", "\"close\""},
      {R"({"open": 540})", "must be a string"},
      {R"({"weekdays": [0, 7]})", "weekdays are integers 0 (Monday) to 6"},
      {R"({"weekdays": [1, 1]})", "holds 1 twice"},
      {R"({"holidays": ["2026-02-30"]})", "not a calendar date"},
      {R"({"holidays": [20812]})", "holidays are \"YYYY-MM-DD\" strings"},
      {R"({"open": "09:00", "open": "10:00"})", "\"open\" is given twice"},
      {R"({"opening": "09:00"})", "unknown key 'opening'"},
      {R"({"weekdays": [[0]]})", "nested deeper"},
  };
  for (const auto& [json, needle] : cases) {
    const Result<BusinessCalendarSpec> spec = ParseBusinessCalendarJson(json);
    ASSERT_FALSE(spec.ok()) << json;
    EXPECT_EQ(spec.status().code(), CANDOR_PARSE_ERROR) << json;
    EXPECT_NE(spec.status().message().find(needle), std::string::npos)
        << json << ": " << spec.status().message();
  }
}

TEST(BusinessHoursJsonTest, TimesAndDates) {
  EXPECT_EQ(*ParseTimeOfDay("00:00"), 0);
  EXPECT_EQ(*ParseTimeOfDay("17:45"), 1065);
  EXPECT_FALSE(ParseTimeOfDay("17:60").ok());
  EXPECT_FALSE(ParseTimeOfDay("1745").ok());
  EXPECT_EQ(*ParseCivilDate("1970-01-01"), 0);
  EXPECT_EQ(*ParseCivilDate("2024-02-29"), 19782);
  EXPECT_FALSE(ParseCivilDate("2023-02-29").ok());
  EXPECT_FALSE(ParseCivilDate("2023-1-01").ok());
}

}  // namespace
}  // namespace candor
