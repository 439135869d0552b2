#include "weight_internal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace candor::internal {

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  double back = 0;
  if (std::sscanf(buffer, "%lf", &back) != 1 || back != value) {
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
  }
  return buffer;
}

Status RequireArray(const void* pointer, size_t n, const std::string& what) {
  if (pointer == nullptr && n > 0) {
    return InvalidArgument(what + " is null but n = " + std::to_string(n));
  }
  return OkStatus();
}

Status ValidateWeights(const double* weights, size_t n, const std::string& what) {
  CANDOR_RETURN_IF_ERROR(RequireArray(weights, n, what));
  for (size_t i = 0; i < n; ++i) {
    const double w = weights[i];
    if (!std::isfinite(w)) {
      return InvalidArgument(what + "[" + std::to_string(i) + "] is not finite (" +
                             FormatNumber(w) + ")");
    }
    if (w < 0) {
      return InvalidArgument(what + "[" + std::to_string(i) + "] is negative (" + FormatNumber(w) +
                             ")");
    }
  }
  return OkStatus();
}

Status ValidateCodes(const int32_t* codes, size_t n, int32_t levels, const std::string& what) {
  CANDOR_RETURN_IF_ERROR(RequireArray(codes, n, what));
  for (size_t i = 0; i < n; ++i) {
    if (codes[i] < 0 || codes[i] >= levels) {
      return OutOfRange(what + "[" + std::to_string(i) + "] = " + std::to_string(codes[i]) +
                        " is outside 0.." + std::to_string(levels - 1));
    }
  }
  return OkStatus();
}

std::vector<double> BaseWeightsOrOnes(const double* base, size_t n) {
  if (base == nullptr) return std::vector<double>(n, 1.0);
  return std::vector<double>(base, base + n);
}

WeightSummary SummarizeUnchecked(const std::vector<double>& weights) {
  WeightSummary summary;
  if (weights.empty()) return summary;
  double sum = 0;
  double min = weights[0];
  double max = weights[0];
  double largest = 0;  // |w|: linear calibration's weights may be negative
  double min_positive = 0;
  for (double w : weights) {
    sum += w;
    min = std::min(min, w);
    max = std::max(max, w);
    largest = std::max(largest, std::fabs(w));
    if (w > 0 && (min_positive == 0 || w < min_positive)) min_positive = w;
  }
  summary.sum = sum;
  summary.min = min;
  summary.max = max;
  if (sum == 0 || largest == 0) return summary;
  summary.max_to_min = min_positive > 0 ? max / min_positive : 0;
  // Kish (1965): n_eff = (sum w)^2 / sum w^2, deff = n / n_eff; both are
  // ratios, computed on w / max|w| so that w^2 neither overflows (1e308)
  // nor underflows.
  double scaled_sum = 0;
  double scaled_square_sum = 0;
  for (double w : weights) {
    const double u = w / largest;
    scaled_sum += u;
    scaled_square_sum += u * u;
  }
  summary.effective_n = scaled_sum * scaled_sum / scaled_square_sum;
  summary.design_effect =
      static_cast<double>(weights.size()) * scaled_square_sum / (scaled_sum * scaled_sum);
  return summary;
}

}  // namespace candor::internal
