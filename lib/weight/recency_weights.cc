// RecencyWeights: exponential half-life decay by response age.
#include <candor/weight.hpp>
#include <cmath>
#include <new>

#include "weight_internal.hpp"

namespace candor {

Result<std::vector<double>> RecencyWeights(const int64_t* times, size_t n, double half_life_days,
                                           int64_t reference_time) {
  try {
    CANDOR_RETURN_IF_ERROR(internal::RequireArray(times, n, "times"));
    if (!(std::isfinite(half_life_days) && half_life_days > 0)) {
      return InvalidArgument("half_life_days must be positive and finite, got " +
                             internal::FormatNumber(half_life_days));
    }
    const double half_life_seconds = half_life_days * 86400.0;
    std::vector<double> weights(n);
    for (size_t i = 0; i < n; ++i) {
      if (times[i] > reference_time) {
        return OutOfRange("times[" + std::to_string(i) + "] = " + std::to_string(times[i]) +
                          " is after the reference time " + std::to_string(reference_time));
      }
      // Unsigned difference: exact even when the signed one would overflow.
      const uint64_t age = static_cast<uint64_t>(reference_time) - static_cast<uint64_t>(times[i]);
      weights[i] = std::exp2(-static_cast<double>(age) / half_life_seconds);
    }
    return weights;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory computing recency weights");
  }
}

}  // namespace candor
