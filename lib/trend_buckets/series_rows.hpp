// The rows of one series of buckets (estimate, rolling, smoothed, change,
// mdc, control limits, adjusted p-values), made the same way whether the
// series' responses are at hand (TimeBuckets) or only their per-day tallies
// (TimeBucketsAccumulated): each supplies a SeriesSource.
#ifndef CANDOR_TREND_BUCKETS_SERIES_ROWS_HPP_
#define CANDOR_TREND_BUCKETS_SERIES_ROWS_HPP_

#include <candor/score.hpp>
#include <candor/status.hpp>
#include <candor/trend_buckets.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/time/time.h"
#include "buckets_estimate.hpp"
#include "calendar.hpp"

namespace candor::internal {

// One series' responses, by bucket k of the grid (EstimateSlice's
// semantics for every estimate).
class SeriesSource {
 public:
  virtual ~SeriesSource() = default;
  virtual Result<Estimate> Bucket(size_t k) = 0;
  // Over the responses with time in [start, the end of bucket k).
  virtual Result<Estimate> Window(size_t k, int64_t start) = 0;
  // The exponentially weighted estimate at the end of bucket k; called for
  // k = 0, 1, ... in order.
  virtual Result<Estimate> Smoothed(size_t k) = 0;
  // Bucket k minus bucket `previous` (CompareSlices' semantics).
  virtual Result<Comparison> Change(size_t k, size_t previous) = 0;
  // Over all of the series' responses.
  virtual SpreadOfValues Spread() = 0;
};

// Fills rows[0 .. grid.size()), the series' rows, which sit at index
// `first_row` of the result (`previous` is a result index).
Status FillSeries(const Metric& metric, const IntervalOptions& interval,
                  const BucketOptions& options, const CalendarGrid& grid,
                  const absl::TimeZone& zone, int32_t segment, size_t first_row,
                  SeriesSource* source, TrendBucket* rows);

}  // namespace candor::internal

#endif  // CANDOR_TREND_BUCKETS_SERIES_ROWS_HPP_
