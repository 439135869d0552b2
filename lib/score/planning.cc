// MarginOfError and RequiredSampleSize (formulas in include/candor/score.hpp).
#include <candor/score.hpp>
#include <cmath>
#include <string>

#include "common/normal.hpp"

namespace candor {
namespace {

Status ValidateShares(double promoters, double detractors, double level) {
  if (!(promoters >= 0.0 && promoters <= 1.0)) {
    return InvalidArgument("promoters must be a share in [0, 1], got " + std::to_string(promoters));
  }
  if (!(detractors >= 0.0 && detractors <= 1.0)) {
    return InvalidArgument("detractors must be a share in [0, 1], got " +
                           std::to_string(detractors));
  }
  if (promoters + detractors > 1.0 + 1e-12) {
    return InvalidArgument("promoters + detractors must be at most 1, got " +
                           std::to_string(promoters + detractors));
  }
  if (!(level > 0.0 && level < 1.0)) {
    return InvalidArgument("level must be in (0, 1), got " + std::to_string(level));
  }
  return OkStatus();
}

// Per-response variance (p + d) - (p - d)^2 (R package NPS, nps_var).
double ResponseVariance(double promoters, double detractors) {
  const double difference = promoters - detractors;
  return std::max(0.0, promoters + detractors - difference * difference);
}

}  // namespace

Result<double> MarginOfError(double promoters, double detractors, int64_t n, double level) {
  CANDOR_RETURN_IF_ERROR(ValidateShares(promoters, detractors, level));
  if (n <= 0) return InvalidArgument("n must be positive, got " + std::to_string(n));
  const double z = internal::NormalQuantile(0.5 * (1.0 + level));
  return 100.0 * z * std::sqrt(ResponseVariance(promoters, detractors) / static_cast<double>(n));
}

Result<int64_t> RequiredSampleSize(double promoters, double detractors, double margin,
                                   double level) {
  CANDOR_RETURN_IF_ERROR(ValidateShares(promoters, detractors, level));
  if (!(margin > 0.0) || !std::isfinite(margin)) {
    return InvalidArgument("margin must be positive (points on the 0..100 scale), got " +
                           std::to_string(margin));
  }
  const double z = internal::NormalQuantile(0.5 * (1.0 + level));
  const double root = 100.0 * z / margin;
  const double exact = ResponseVariance(promoters, detractors) * root * root;
  if (exact > 9.0e18) return OutOfRange("the required sample size overflows int64");
  // Shave rounding noise so that an exact integer is not pushed up by one; at
  // least one response is always needed.
  const double needed = std::ceil(exact * (1.0 - 1e-12));
  return static_cast<int64_t>(std::max(1.0, needed));
}

}  // namespace candor
