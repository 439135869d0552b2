// SummarizeWeights: Kish effective sample size and design effect.
#include <candor/weight.hpp>

#include <cmath>

#include "weight_internal.hpp"

namespace candor {

Result<WeightSummary> SummarizeWeights(const double* weights, size_t n) {
  try {
    CANDOR_RETURN_IF_ERROR(internal::ValidateWeights(weights, n, "weights"));
    if (n == 0) return Empty("no weights to summarize");
    const WeightSummary summary =
        internal::SummarizeUnchecked(std::vector<double>(weights, weights + n));
    if (summary.sum == 0) return InvalidArgument("all " + std::to_string(n) + " weights are 0");
    if (!std::isfinite(summary.sum)) {
      return OutOfRange("the " + std::to_string(n) +
                        " weights sum to more than the largest double; rescale them");
    }
    if (!std::isfinite(summary.max_to_min)) {
      return OutOfRange(
          "the largest weight over the smallest positive one exceeds the largest "
          "double; rescale or trim the weights");
    }
    return summary;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory summarizing weights");
  }
}

}  // namespace candor
