// Calendar grids with Abseil civil time and time zones (tz database).
#include "calendar.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "trend_buckets/time_zone.hpp"

namespace candor::internal {
namespace {

// The first day of the bucket holding `day`.
absl::CivilDay BucketFloor(absl::CivilDay day, BucketPeriod period) {
  switch (period) {
    case BucketPeriod::kDay:
      return day;
    case BucketPeriod::kWeek:
      // The Monday on or before `day` (ISO weeks start on Monday).
      return absl::PrevWeekday(day + 1, absl::Weekday::monday);
    case BucketPeriod::kMonth:
      return absl::CivilDay(absl::CivilMonth(day));
    case BucketPeriod::kQuarter: {
      const int month = day.month() - (day.month() - 1) % 3;
      return absl::CivilDay(day.year(), month, 1);
    }
  }
  return day;
}

absl::CivilDay NextBucket(absl::CivilDay start, BucketPeriod period) {
  switch (period) {
    case BucketPeriod::kDay: return start + 1;
    case BucketPeriod::kWeek: return start + 7;
    case BucketPeriod::kMonth: return absl::CivilDay(absl::CivilMonth(start) + 1);
    case BucketPeriod::kQuarter: return absl::CivilDay(absl::CivilMonth(start) + 3);
  }
  return start + 1;
}

std::string Label(absl::CivilDay start, BucketPeriod period) {
  char text[32];
  const long long year = static_cast<long long>(start.year());
  switch (period) {
    case BucketPeriod::kDay:
      std::snprintf(text, sizeof text, "%04lld-%02d-%02d", year, start.month(), start.day());
      break;
    case BucketPeriod::kWeek: {
      // ISO 8601: the week belongs to the year of its Thursday and is
      // numbered from the week holding that year's first Thursday.
      const absl::CivilDay thursday = start + 3;
      const int week = (absl::GetYearDay(thursday) - 1) / 7 + 1;
      std::snprintf(text, sizeof text, "%04lld-W%02d", static_cast<long long>(thursday.year()),
                    week);
      break;
    }
    case BucketPeriod::kMonth:
      std::snprintf(text, sizeof text, "%04lld-%02d", year, start.month());
      break;
    case BucketPeriod::kQuarter:
      std::snprintf(text, sizeof text, "%04lld-Q%d", year, (start.month() - 1) / 3 + 1);
      break;
  }
  return text;
}

}  // namespace

Status LoadZone(std::string_view name, absl::TimeZone* zone) {
  // Abseil opens TZDIR/name (or name itself when absolute): only a name of
  // the tz database's form may reach it.
  CANDOR_RETURN_IF_ERROR(CheckTimeZoneName(name));
  if (!absl::LoadTimeZone(std::string(name), zone)) {
    return InvalidArgument("unknown time zone \"" + std::string(name) +
                           "\" (not an IANA name in the tz database, e.g. \"Europe/London\")");
  }
  return OkStatus();
}

Status CheckTimes(const int64_t* times, size_t n, int64_t* first, int64_t* last) {
  if (times == nullptr && n > 0) return InvalidArgument("times is null");
  *first = kLatestBucketTime;
  *last = kEarliestBucketTime;
  for (size_t i = 0; i < n; ++i) {
    const int64_t t = times[i];
    if (t < kEarliestBucketTime || t >= kLatestBucketTime) {
      return OutOfRange("time at index " + std::to_string(i) + " (" + std::to_string(t) +
                        " Unix seconds) is outside 1900-01-01..2200-01-01 UTC");
    }
    *first = std::min(*first, t);
    *last = std::max(*last, t);
  }
  return OkStatus();
}

size_t CalendarGrid::BucketOf(int64_t t) const {
  return static_cast<size_t>(std::upper_bound(bounds.begin(), bounds.end(), t) - bounds.begin()) -
         1;
}

int64_t StartOfDay(absl::CivilDay day, const absl::TimeZone& zone) {
  // FromCivil maps a skipped civil time to the transition instant.
  return absl::ToUnixSeconds(absl::FromCivil(absl::CivilSecond(day), zone));
}

int64_t DaysBefore(int64_t t, int days, const absl::TimeZone& zone) {
  const absl::CivilSecond local = absl::ToCivilSecond(absl::FromUnixSeconds(t), zone);
  return absl::ToUnixSeconds(absl::FromCivil(local - int64_t{86400} * days, zone));
}

Result<CalendarGrid> MakeCalendarGrid(int64_t first, int64_t last, BucketPeriod period,
                                      const absl::TimeZone& zone) {
  const absl::CivilDay first_day = absl::ToCivilDay(absl::FromUnixSeconds(first), zone);
  const absl::CivilDay last_day = absl::ToCivilDay(absl::FromUnixSeconds(last), zone);
  CalendarGrid grid;
  absl::CivilDay day = BucketFloor(first_day, period);
  grid.bounds.push_back(StartOfDay(day, zone));
  while (day <= last_day) {
    if (grid.labels.size() >= kMaxBucketRows) {
      return Unsupported("more than " + std::to_string(kMaxBucketRows) + " " +
                         BucketPeriodName(period) + " buckets between the first and last time");
    }
    grid.labels.push_back(Label(day, period));
    day = NextBucket(day, period);
    grid.bounds.push_back(StartOfDay(day, zone));
  }
  return grid;
}

}  // namespace candor::internal
