// SummarizeWeights: Kish effective sample size and design effect.
#include <candor/weight.hpp>

#include "weight/weight_internal.hpp"

namespace candor {

Result<WeightSummary> SummarizeWeights(const double* weights, size_t n) {
  try {
    CANDOR_RETURN_IF_ERROR(internal::ValidateWeights(weights, n, "weights"));
    if (n == 0) return Empty("no weights to summarize");
    const WeightSummary summary =
        internal::SummarizeUnchecked(std::vector<double>(weights, weights + n));
    if (summary.sum == 0) return InvalidArgument("all " + std::to_string(n) + " weights are 0");
    return summary;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory summarizing weights");
  }
}

}  // namespace candor
