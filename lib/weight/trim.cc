// TrimWeights: cap at a multiple of the mean, or winsorize at quantiles,
// then rescale to the original sum (balance's trim_weights with
// keep_sum_of_weights=True).
#include <algorithm>
#include <candor/weight.hpp>
#include <cmath>
#include <new>

#include "weight_internal.hpp"

namespace candor {
namespace {

// Sample quantile with linear interpolation between order statistics
// (Hyndman and Fan 1996, type 7; R's quantile default).
double Quantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

Status ValidateOptions(const TrimOptions& options) {
  if (options.kind == TrimOptions::Kind::kRatio) {
    if (!(std::isfinite(options.ratio) && options.ratio > 0)) {
      return InvalidArgument("trimming ratio must be positive and finite, got " +
                             internal::FormatNumber(options.ratio));
    }
    return OkStatus();
  }
  if (options.kind != TrimOptions::Kind::kQuantile) {
    return InvalidArgument("unknown trimming kind " +
                           std::to_string(static_cast<int>(options.kind)));
  }
  const double lo = options.lower_quantile;
  const double hi = options.upper_quantile;
  if (!(lo >= 0 && lo <= 1) || !(hi >= 0 && hi <= 1)) {
    return InvalidArgument("trimming quantiles must be in [0, 1], got lower " +
                           internal::FormatNumber(lo) + " and upper " + internal::FormatNumber(hi));
  }
  if (!(lo < hi)) {
    return InvalidArgument("lower trimming quantile " + internal::FormatNumber(lo) +
                           " must be below the upper " + internal::FormatNumber(hi));
  }
  return OkStatus();
}

}  // namespace

Result<std::vector<double>> TrimWeights(const double* weights, size_t n,
                                        const TrimOptions& options) {
  try {
    CANDOR_RETURN_IF_ERROR(ValidateOptions(options));
    CANDOR_RETURN_IF_ERROR(internal::ValidateWeights(weights, n, "weights"));
    if (n == 0) return Empty("no weights to trim");
    double sum = 0;
    for (size_t i = 0; i < n; ++i) sum += weights[i];
    if (!(sum > 0)) return InvalidArgument("all " + std::to_string(n) + " weights are 0");
    if (!std::isfinite(sum)) {
      return OutOfRange("the " + std::to_string(n) +
                        " weights sum to more than the largest double; rescale them");
    }

    double lower_cap = 0;
    double upper_cap = 0;
    if (options.kind == TrimOptions::Kind::kRatio) {
      upper_cap = options.ratio * sum / static_cast<double>(n);
    } else {
      std::vector<double> sorted(weights, weights + n);
      std::sort(sorted.begin(), sorted.end());
      lower_cap = Quantile(sorted, options.lower_quantile);
      upper_cap = Quantile(sorted, options.upper_quantile);
    }
    std::vector<double> trimmed(weights, weights + n);
    double trimmed_sum = 0;
    for (double& w : trimmed) {
      w = std::clamp(w, lower_cap, upper_cap);
      trimmed_sum += w;
    }
    if (!(trimmed_sum > 0)) return InvalidArgument("all weights are 0 after trimming");
    // w / trimmed_sum <= 1 first: sum / trimmed_sum overflowed when every
    // weight was clamped to a tiny cap.
    for (double& w : trimmed) w = w / trimmed_sum * sum;
    return trimmed;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory trimming weights");
  }
}

}  // namespace candor
