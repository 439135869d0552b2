#include "weight_scale.hpp"

#include <cmath>

namespace candor::internal {
namespace {

// n * w^2 stays below 2^1024 for n < 2^63 while w < 2^480, and w^2 stays
// a normal double while w > 2^-480.
constexpr int kSafeExponent = 480;

}  // namespace

ScaledWeights::ScaledWeights(const double* weights, size_t n) : data_(weights) {
  if (weights == nullptr) return;
  double largest = 0;
  for (size_t i = 0; i < n; ++i) {
    // Invalid weights are left for validation to report as the caller gave them.
    if (!(weights[i] >= 0) || std::isinf(weights[i])) return;
    if (weights[i] > largest) largest = weights[i];
  }
  if (largest == 0) return;
  const int exponent = std::ilogb(largest);
  if (exponent >= -kSafeExponent && exponent < kSafeExponent) return;
  copy_.resize(n);
  for (size_t i = 0; i < n; ++i) copy_[i] = std::ldexp(weights[i], -exponent);
  data_ = copy_.data();
}

ScaledDesign::ScaledDesign(const SurveyDesign& design, size_t n)
    : weights_(design.calibration == nullptr || design.calibration->empty() ? design.weights
                                                                            : nullptr,
               n),
      design_(design) {
  if (weights_.data() != nullptr) design_.weights = weights_.data();
}

}  // namespace candor::internal
