// Compare: two independent groups, difference a - b.
#include <candor/score.hpp>
#include <new>
#include <string>

#include "score/estimate_internal.hpp"
#include "score/tally.hpp"
#include "weight_scale.hpp"

namespace candor {
namespace {

Result<internal::GroupEstimate> EstimateOneGroup(const Metric& metric, const double* scores,
                                                 const double* weights, size_t n,
                                                 const IntervalOptions& options, uint64_t stream,
                                                 const char* name,
                                                 internal::ProgressTicker* ticker) {
  if (n == 0) return Empty(std::string("group ") + name + " has no responses");
  internal::Tally tally = internal::Tally::Empty(metric.scale_min, metric.scale_max);
  const internal::ScaledWeights scaled(weights, n);
  Status status = internal::TallyResponses(scores, scaled.data(), n, &tally);
  if (!status.ok())
    return Status(status.code(), std::string("group ") + name + ": " + status.message());
  const internal::ResponsesView responses{scores, scaled.data(), n};
  Result<internal::GroupEstimate> group =
      internal::EstimateGroup(metric, tally, &responses, options, stream, ticker);
  if (!group.ok() && group.status().code() == CANDOR_CANCELLED) return group.status();
  if (!group.ok()) {
    return Status(group.status().code(),
                  std::string("group ") + name + ": " + group.status().message());
  }
  return group;
}

}  // namespace

Result<Comparison> Compare(const Metric& metric, const double* scores_a, const double* weights_a,
                           size_t n_a, const double* scores_b, const double* weights_b, size_t n_b,
                           const IntervalOptions& options) {
  try {
    CANDOR_RETURN_IF_ERROR(internal::ValidateRequest(metric, options));
    // Progress: bootstrap replicates of a, then of b (options.progress).
    internal::ProgressTicker ticker(options.progress, 2 * int64_t{options.replicates},
                                    "comparison bootstrap");
    internal::ProgressTicker* const told =
        ticker.active() && options.method == IntervalMethod::kBootstrap ? &ticker : nullptr;
    Result<internal::GroupEstimate> a = EstimateOneGroup(metric, scores_a, weights_a, n_a, options,
                                                         internal::kFirstGroupStream, "a", told);
    if (!a.ok()) return a.status();
    Result<internal::GroupEstimate> b = EstimateOneGroup(metric, scores_b, weights_b, n_b, options,
                                                         internal::kSecondGroupStream, "b", told);
    if (!b.ok()) return b.status();
    if (told != nullptr && !told->Finish()) return told->CancelledStatus();
    const Comparison comparison = internal::CompareIndependentGroups(metric, *a, *b, options);
    CANDOR_RETURN_IF_ERROR(internal::CheckReportable(comparison));
    return comparison;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory comparing groups");
  }
}

}  // namespace candor
