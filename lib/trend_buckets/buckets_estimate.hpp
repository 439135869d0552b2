// Estimates over a slice of responses for the bucket trend: a bucket, a
// rolling window, an exponentially weighted prefix, or two buckets compared.
#ifndef CANDOR_TREND_BUCKETS_BUCKETS_ESTIMATE_HPP_
#define CANDOR_TREND_BUCKETS_BUCKETS_ESTIMATE_HPP_

#include <candor/score.hpp>
#include <candor/status.hpp>

#include <cstddef>
#include <cstdint>

#include "score/tally.hpp"

namespace candor::internal {

// Responses of one slice; weights and accounts may be null.
struct Slice {
  const double* scores = nullptr;
  const double* weights = nullptr;
  const int32_t* accounts = nullptr;
  size_t n = 0;
};

// An estimate with NaN statistics, n = 0 and effective n 0.
Estimate NanEstimate(double level);

// The slice's estimate (EstimateScores, or EstimateDesign with accounts).
// An empty slice gives NanEstimate; a slice whose variance is undefined (one
// weighted response, a single account, zero total weight) keeps n, the
// effective n and the point estimate (NaN for zero weight) with NaN
// std_error and interval. Other failures are returned.
Result<Estimate> EstimateSlice(const Metric& metric, const IntervalOptions& options,
                               const Slice& slice);

// EstimateSlice's estimate of the responses a tally holds (no accounts).
Result<Estimate> EstimateTally(const Metric& metric, const IntervalOptions& options,
                               const Tally& tally);

// this - previous: Compare for independent groups, or CompareGroups over the
// two slices as domains of one design when they carry accounts. A change
// whose variance is undefined is all NaN (a and b still set).
Result<Comparison> CompareSlices(const Metric& metric, const IntervalOptions& options,
                                 const Slice& current, const Slice& previous);

// CompareSlices of the responses two tallies hold (no accounts).
Result<Comparison> CompareTallies(const Metric& metric, const IntervalOptions& options,
                                  const Tally& current, const Tally& previous);

// The exponentially weighted estimate at successive bucket ends without
// revisiting old responses: per score point, the count and the decayed sums
// of w and w^2 (decaying by 2^(-dt / half_life) and its square between ends),
// estimated as EstimateScores would estimate those weights. Not for
// accounts or the weighted bootstrap, which need the responses.
class SmoothedTally {
 public:
  SmoothedTally(const Metric& metric, double half_life_seconds);
  // Decays the sums to `end` (>= the previous end) and adds the responses of
  // one bucket, all with time < end.
  void Advance(int64_t end, const Slice& bucket, const int64_t* times);
  // Decays the sums to `end` (>= the previous end).
  void DecayTo(int64_t end);
  // Adds per-point counts and sums of w d and (w d)^2 decayed to `at` (<=
  // the current end), decaying them on to the current end.
  void AddDecayed(int64_t at, const int64_t* counts, const double* sums,
                  const double* square_sums);
  Result<Estimate> Current(const IntervalOptions& options) const;

 private:
  Metric metric_;
  double half_life_;
  bool started_ = false;
  int64_t end_ = 0;
  Tally tally_;
};

// Over all responses of a series: the weighted mean m of the metric's values
// and the per-response standard deviation sqrt(sum w (s - m)^2 / sum w),
// both times the metric's multiplier. NaN when the weights sum to 0.
struct SpreadOfValues {
  double mean = 0;
  double sd = 0;
};
SpreadOfValues Spread(const Metric& metric, const Slice& slice);
// The same over the responses a tally holds.
SpreadOfValues SpreadOfTally(const Metric& metric, const Tally& tally);

}  // namespace candor::internal

#endif  // CANDOR_TREND_BUCKETS_BUCKETS_ESTIMATE_HPP_
