// The estimation core shared by EstimateScores, Compare and Breakdown.
#ifndef CANDOR_SCORE_ESTIMATE_INTERNAL_HPP_
#define CANDOR_SCORE_ESTIMATE_INTERNAL_HPP_

#include <candor/score.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/progress_ticker.hpp"
#include "score/tally.hpp"

namespace candor::internal {

// The raw responses behind a tally; needed only by the weighted bootstrap.
struct ResponsesView {
  const double* scores = nullptr;
  const double* weights = nullptr;
  size_t n = 0;
};

struct GroupEstimate {
  Estimate estimate;  // reported scale, interval clipped
  // What the interval is built around (reported scale): the estimate, the
  // adjusted estimate (adjusted Wald) or the posterior mean (Bayes).
  double centre = 0;
  std::vector<double> replicates;  // bootstrap only, reported scale
};

// Bootstrap streams: group 0 for a single estimate and for the first group of
// a comparison, 1 for the second; so Compare(a, b).a == EstimateScores(a).
constexpr uint64_t kFirstGroupStream = 0;
constexpr uint64_t kSecondGroupStream = 1;

// `responses` may be null; a weighted bootstrap without it is UNSUPPORTED.
// Expects a validated metric and options, and a tally on the metric's scale.
// A bootstrap tells `ticker` (may be null) each replicate it draws, and
// returns its CancelledStatus() when the callback stops it.
Result<GroupEstimate> EstimateGroup(const Metric& metric, const Tally& tally,
                                    const ResponsesView* responses, const IntervalOptions& options,
                                    uint64_t stream, ProgressTicker* ticker = nullptr);

// a - b for two independent groups estimated with the same options.
Comparison CompareIndependentGroups(const Metric& metric, const GroupEstimate& a,
                                    const GroupEstimate& b, const IntervalOptions& options);

// The q-quantile of sorted values, linear interpolation (R's type 7).
double SortedQuantile(const std::vector<double>& sorted, double q);

// An estimate or comparison fit to return with CANDOR_OK: value, standard
// error and bounds finite, and ci_low <= ci_high. Inputs are validated (and
// weights scaled) so that this always holds; if it does not, the error is
// CANDOR_INTERNAL with the numbers, rather than an OK with a NaN.
Status CheckReportable(const Estimate& estimate);
Status CheckReportable(const Comparison& comparison);

// Validates metric and options together.
Status ValidateRequest(const Metric& metric, const IntervalOptions& options);

}  // namespace candor::internal

#endif  // CANDOR_SCORE_ESTIMATE_INTERNAL_HPP_
