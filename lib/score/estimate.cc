// EstimateScores, EstimateInt8, EstimateAccumulated.
#include <candor/score.hpp>
#include <new>
#include <string>

#include "int8_kernel.hpp"
#include "score/estimate_internal.hpp"
#include "score/tally.hpp"
#include "weight_scale.hpp"

namespace candor {
namespace {

// One group's estimate: the first bootstrap stream, so that it equals
// Compare's estimate of its first group.
Result<Estimate> EstimateOneGroup(const Metric& metric, const internal::Tally& tally,
                                  const internal::ResponsesView* responses,
                                  const IntervalOptions& options,
                                  internal::ProgressTicker* ticker = nullptr) {
  Result<internal::GroupEstimate> group = internal::EstimateGroup(
      metric, tally, responses, options, internal::kFirstGroupStream, ticker);
  if (!group.ok()) return group.status();
  if (ticker != nullptr && !ticker->Finish()) return ticker->CancelledStatus();
  return group->estimate;
}

}  // namespace

Result<Estimate> EstimateScores(const Metric& metric, const double* scores, const double* weights,
                                size_t n, const IntervalOptions& options) {
  try {
    CANDOR_RETURN_IF_ERROR(internal::ValidateRequest(metric, options));
    if (n == 0) return Empty("no responses");
    internal::Tally tally = internal::Tally::Empty(metric.scale_min, metric.scale_max);
    const internal::ScaledWeights scaled(weights, n);
    CANDOR_RETURN_IF_ERROR(internal::TallyResponses(scores, scaled.data(), n, &tally));
    const internal::ResponsesView responses{scores, scaled.data(), n};
    // Progress: bootstrap replicates (options.progress).
    internal::ProgressTicker ticker(options.progress, options.replicates, "score bootstrap");
    const bool told = ticker.active() && options.method == IntervalMethod::kBootstrap;
    return EstimateOneGroup(metric, tally, &responses, options, told ? &ticker : nullptr);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory estimating scores");
  }
}

Result<Estimate> EstimateInt8(const Metric& metric, const int8_t* scores, size_t n,
                              const IntervalOptions& options) {
  try {
    CANDOR_RETURN_IF_ERROR(internal::ValidateRequest(metric, options));
    if (n == 0) return Empty("no responses");
    internal::Tally tally = internal::Tally::Empty(metric.scale_min, metric.scale_max);
    CANDOR_RETURN_IF_ERROR(internal::CountInt8Scores(scores, n, metric.scale_min, metric.scale_max,
                                                     options.threads, tally.counts.data()));
    for (size_t j = 0; j < tally.counts.size(); ++j) {
      tally.weight_sums[j] = static_cast<double>(tally.counts[j]);
      tally.weight_square_sums[j] = static_cast<double>(tally.counts[j]);
    }
    return EstimateOneGroup(metric, tally, nullptr, options);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory estimating scores");
  }
}

Result<Estimate> EstimateAccumulated(const Metric& metric, const ScoreAccumulator& acc,
                                     const IntervalOptions& options) {
  try {
    CANDOR_RETURN_IF_ERROR(internal::ValidateRequest(metric, options));
    if (acc.scale_min() != metric.scale_min || acc.scale_max() != metric.scale_max) {
      return InvalidArgument("the accumulator's scale " + std::to_string(acc.scale_min()) + ".." +
                             std::to_string(acc.scale_max()) + " differs from the metric's " +
                             std::to_string(metric.scale_min) + ".." +
                             std::to_string(metric.scale_max));
    }
    const internal::Tally tally = internal::Tally::FromAccumulator(acc);
    return EstimateOneGroup(metric, tally, nullptr, options);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory estimating scores");
  }
}

}  // namespace candor
