#include "trend/series.hpp"

#include <cmath>
#include <string>

namespace candor::internal {

Status CheckTrendSeries(const double* values, size_t n) {
  if (values == nullptr && n > 0) return InvalidArgument("values is null with n > 0");
  if (n < 3) {
    return Empty("a trend needs at least 3 values; got " + std::to_string(n));
  }
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(values[i])) {
      return OutOfRange("value at index " + std::to_string(i) +
                        " is not finite (NaN or infinite); drop missing values first");
    }
  }
  return OkStatus();
}

double MannKendallVariance(const std::vector<double>& sorted) {
  // Doubles: n(n-1)(2n+5) overflows int64 near n = 1.6 million.
  const double n = static_cast<double>(sorted.size());
  double ties = 0;
  size_t start = 0;
  while (start < sorted.size()) {
    size_t end = start + 1;
    while (end < sorted.size() && sorted[end] == sorted[start]) ++end;
    const double t = static_cast<double>(end - start);
    ties += t * (t - 1) * (2 * t + 5);
    start = end;
  }
  return (n * (n - 1) * (2 * n + 5) - ties) / 18.0;
}

}  // namespace candor::internal
