// BusinessCalendar's deadlines and business hours, which read a cached table
// of each local day's opening and closing instants and start their walk from
// the UTC day, against a direct walk that converts civil times with Abseil
// for every day and starts from the local day (the calendar's definition,
// written out): identical over zones with daylight saving, half-hour and
// skipped-day changes, and over opening hours that a change skips or repeats.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/business_hours.hpp>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace candor {
namespace {

const absl::CivilDay kEpoch(1970, 1, 1);
constexpr int64_t kNone = INT64_MIN;

// The definition in include/candor/business_hours.hpp, day by day.
class DirectWalk {
 public:
  explicit DirectWalk(const BusinessCalendarSpec& spec) : spec_(spec) {
    EXPECT_TRUE(absl::LoadTimeZone(spec.time_zone, &zone_)) << spec.time_zone;
  }

  int64_t Instant(absl::CivilDay day, int minute) const {
    const absl::TimeZone::TimeInfo info = zone_.At(absl::CivilSecond(day) + int64_t{minute} * 60);
    return absl::ToUnixSeconds(info.kind == absl::TimeZone::TimeInfo::SKIPPED ? info.trans
                                                                              : info.pre);
  }
  bool Working(absl::CivilDay day) const {
    if ((spec_.weekdays >> static_cast<int>(absl::GetWeekday(day)) & 1) == 0) return false;
    const int32_t n = static_cast<int32_t>(day - kEpoch);
    return std::find(spec_.holidays.begin(), spec_.holidays.end(), n) == spec_.holidays.end();
  }
  absl::CivilDay LocalDay(int64_t t) const {
    return absl::CivilDay(zone_.At(absl::FromUnixSeconds(t)).cs);
  }
  // kNone when no deadline before 2200.
  int64_t Deadline(int64_t start, int64_t seconds) const {
    int64_t remaining = seconds;
    for (absl::CivilDay day = LocalDay(start) - 1;; ++day) {
      const int64_t opens = Instant(day, spec_.open_minute);
      if (opens >= kLatestBusinessTime) return kNone;
      if (!Working(day)) continue;
      const int64_t lo = std::max(opens, start);
      const int64_t hi = Instant(day, spec_.close_minute);
      if (hi <= lo) continue;
      if (remaining == 0) return lo;
      if (hi - lo >= remaining)
        return lo + remaining >= kLatestBusinessTime ? kNone : lo + remaining;
      remaining -= hi - lo;
    }
  }
  int64_t SecondsBetween(int64_t start, int64_t end) const {
    int64_t total = 0;
    for (absl::CivilDay day = LocalDay(start) - 1; day <= LocalDay(end) + 1; ++day) {
      if (!Working(day)) continue;
      const int64_t lo = std::max(Instant(day, spec_.open_minute), start);
      const int64_t hi = std::min(Instant(day, spec_.close_minute), end);
      if (hi > lo) total += hi - lo;
    }
    return total;
  }

 private:
  BusinessCalendarSpec spec_;
  absl::TimeZone zone_;
};

struct Hours {
  int open, close;
};

TEST(BusinessHoursReferenceTest, CachedWalkEqualsTheDirectWalk) {
  const std::vector<std::string> zones = {"UTC",
                                          "America/New_York",
                                          "Europe/Berlin",
                                          "Australia/Lord_Howe",
                                          "Pacific/Apia",
                                          "Pacific/Kwajalein",
                                          "America/St_Johns",
                                          "Asia/Kathmandu",
                                          "Pacific/Kiritimati",
                                          "America/Sao_Paulo",
                                          "Europe/London",
                                          "Africa/Casablanca"};
  // Including hours a change skips (02:30 in New York, Berlin) or repeats,
  // midnight openings (Sao Paulo's changes were at midnight) and whole days.
  const std::vector<Hours> hours = {{540, 1020}, {150, 180}, {0, 1440}, {0, 60}, {1380, 1440}};
  std::mt19937_64 random(20261206);
  // Mostly 1990-2040, some across the whole range.
  std::uniform_int_distribution<int64_t> recent(631152000, 2208988800);
  std::uniform_int_distribution<int64_t> anywhere(kEarliestBusinessTime, kLatestBusinessTime - 1);
  std::uniform_int_distribution<int> seconds(0, 200 * 3600);
  int compared = 0;
  for (const std::string& zone : zones) {
    for (const Hours& h : hours) {
      for (const uint8_t weekdays : {uint8_t{0x1F}, uint8_t{0x7F}, uint8_t{0x41}}) {
        BusinessCalendarSpec spec;
        spec.time_zone = zone;
        spec.open_minute = h.open;
        spec.close_minute = h.close;
        spec.weekdays = weekdays;
        spec.holidays = {20447, 20448, 15340};  // 2025-12-25, 26; 2012-01-01
        Result<BusinessCalendar> calendar = BusinessCalendar::Make(spec);
        ASSERT_TRUE(calendar.ok()) << calendar.status().message();
        const DirectWalk direct(spec);
        for (int k = 0; k < 150; ++k) {
          const int64_t start = k % 5 == 0 ? anywhere(random) : recent(random);
          const int64_t s = k % 7 == 0 ? 0 : seconds(random);
          const Result<int64_t> deadline = calendar->Deadline(start, s / 3600.0);
          const int64_t expected = direct.Deadline(start, s);
          if (expected == kNone) {
            EXPECT_FALSE(deadline.ok()) << zone << " " << start << " " << s;
          } else {
            ASSERT_TRUE(deadline.ok()) << zone << " " << start << " " << s;
            EXPECT_EQ(*deadline, expected) << zone << " " << start << " " << s;
          }
          const int64_t end = start + seconds(random) * 3;
          if (end < kLatestBusinessTime) {
            const Result<double> between = calendar->BusinessHoursBetween(start, end);
            ASSERT_TRUE(between.ok());
            EXPECT_EQ(*between, static_cast<double>(direct.SecondsBetween(start, end)) / 3600.0)
                << zone << " " << start << " " << end;
          }
          ++compared;
        }
      }
    }
  }
  EXPECT_EQ(compared, 12 * 5 * 3 * 150);
}

// Starts just around every transition of the zones (where the local day and
// the UTC day differ most and a walk starts at a change).
TEST(BusinessHoursReferenceTest, StartsAroundTransitions) {
  for (const std::string zone :
       {"Pacific/Apia", "Pacific/Kwajalein", "Australia/Lord_Howe", "America/St_Johns"}) {
    absl::TimeZone tz;
    ASSERT_TRUE(absl::LoadTimeZone(zone, &tz));
    for (const Hours& h : std::vector<Hours>{{0, 1440}, {540, 1020}, {60, 150}}) {
      BusinessCalendarSpec spec;
      spec.time_zone = zone;
      spec.open_minute = h.open;
      spec.close_minute = h.close;
      spec.weekdays = 0x7F;
      Result<BusinessCalendar> calendar = BusinessCalendar::Make(spec);
      ASSERT_TRUE(calendar.ok());
      const DirectWalk direct(spec);
      absl::Time t = absl::FromUnixSeconds(kEarliestBusinessTime);
      absl::TimeZone::CivilTransition transition;
      int transitions = 0;
      while (tz.NextTransition(t, &transition) && transitions < 400) {
        const int64_t at = absl::ToUnixSeconds(tz.At(transition.to).trans);
        if (at >= kLatestBusinessTime - 10 * 86400) break;
        for (const int64_t offset : {-86400, -3601, -1, 0, 1, 1800, 43200, 86399}) {
          const int64_t start = at + offset;
          for (const int64_t s : {int64_t{0}, int64_t{1}, int64_t{3600}, int64_t{30 * 3600}}) {
            const Result<int64_t> deadline = calendar->Deadline(start, s / 3600.0);
            ASSERT_TRUE(deadline.ok());
            EXPECT_EQ(*deadline, direct.Deadline(start, s)) << zone << " " << start << " " << s;
          }
        }
        t = absl::FromUnixSeconds(at);
        ++transitions;
      }
      EXPECT_GT(transitions, 2) << zone;
    }
  }
}

}  // namespace
}  // namespace candor
