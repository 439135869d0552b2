// Calendar buckets in a time zone: the grid of [start, end) instants of the
// days, ISO weeks, months or quarters spanning some times, and their labels.
#ifndef CANDOR_TREND_BUCKETS_CALENDAR_HPP_
#define CANDOR_TREND_BUCKETS_CALENDAR_HPP_

#include <candor/status.hpp>
#include <candor/trend_buckets.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "trend_buckets/time_zone.hpp"

namespace candor::internal {

// OK when times is non-null (or n = 0) and every time is in the sane range;
// sets *first and *last to the earliest and latest time.
Status CheckTimes(const int64_t* times, size_t n, int64_t* first, int64_t* last);

// The contiguous buckets from the one holding `first` to the one holding
// `last`: bounds has one more entry than labels, bucket k is
// [bounds[k], bounds[k + 1]).
struct CalendarGrid {
  std::vector<std::string> labels;
  std::vector<int64_t> bounds;

  size_t size() const { return labels.size(); }
  // The bucket holding t (bounds[0] <= t < bounds.back()).
  size_t BucketOf(int64_t t) const;
};
Result<CalendarGrid> MakeCalendarGrid(int64_t first, int64_t last, BucketPeriod period,
                                      const absl::TimeZone& zone);

// The first instant whose local civil time is at or after `day` 00:00 (the
// instant of the jump when local midnight is skipped).
int64_t StartOfDay(absl::CivilDay day, const absl::TimeZone& zone);

// The instant at the same local wall-clock time as t, `days` civil days
// earlier.
int64_t DaysBefore(int64_t t, int days, const absl::TimeZone& zone);

}  // namespace candor::internal

#endif  // CANDOR_TREND_BUCKETS_CALENDAR_HPP_
