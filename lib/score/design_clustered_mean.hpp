// A fused EstimateDesign for the common design "weights + clusters, no
// calibration": one pass over the rows, no per-row vectors.
#ifndef CANDOR_SCORE_DESIGN_CLUSTERED_MEAN_HPP_
#define CANDOR_SCORE_DESIGN_CLUSTERED_MEAN_HPP_

#include <candor/design.hpp>
#include <candor/score.hpp>
#include <cstddef>
#include <optional>

namespace candor::internal {

// The estimate EstimateDesign gives for a design with clusters and no
// calibration, or nullopt when this path does not apply or the request is
// invalid in any way (bad options, score, weight or code, zero total weight,
// fewer than two clusters, sparse codes): the general path then reports the
// error with its usual message, or computes the estimate.
std::optional<Estimate> TryClusteredMean(const Metric& metric, const double* scores, size_t n,
                                         const SurveyDesign& design,
                                         const IntervalOptions& options);

}  // namespace candor::internal

#endif  // CANDOR_SCORE_DESIGN_CLUSTERED_MEAN_HPP_
