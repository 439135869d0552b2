// Hamed & Rao's (1998) variance correction factor for the Mann-Kendall S of
// an autocorrelated series; formula in include/candor/trend_series.hpp.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "common/normal.hpp"
#include "series.hpp"

namespace candor::internal {
namespace {

// Ranks 1..n of v, ties given their average rank (scipy.stats.rankdata).
std::vector<double> AverageRanks(const std::vector<double>& v) {
  std::vector<size_t> order(v.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
  std::vector<double> ranks(v.size());
  size_t start = 0;
  while (start < order.size()) {
    size_t end = start + 1;
    while (end < order.size() && v[order[end]] == v[order[start]]) ++end;
    const double rank = 0.5 * static_cast<double>(start + 1 + end);  // mean of start+1..end
    for (size_t k = start; k < end; ++k) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}

}  // namespace

double HamedRaoFactor(const double* x, size_t n, double slope, double alpha, size_t max_lag,
                      bool signed_sum, int64_t* significant_lags) {
  std::vector<double> detrended(n);
  for (size_t t = 0; t < n; ++t) detrended[t] = x[t] - static_cast<double>(t + 1) * slope;
  std::vector<double> centred = AverageRanks(detrended);
  const double mean = static_cast<double>(n + 1) / 2;  // ranks always average (n+1)/2
  double sum_squares = 0;
  for (double& r : centred) {
    r -= mean;
    sum_squares += r * r;
  }
  *significant_lags = 0;
  if (sum_squares == 0) return 1;  // a constant detrended series: no autocorrelation

  const size_t last_lag = (max_lag == 0 || max_lag > n - 1) ? n - 1 : max_lag;
  const double bound = NormalQuantile(1 - alpha / 2) / std::sqrt(static_cast<double>(n));
  const double dn = static_cast<double>(n);
  double weighted = 0;
  for (size_t lag = 1; lag <= last_lag; ++lag) {
    double products = 0;
    for (size_t t = 0; t + lag < n; ++t) products += centred[t] * centred[t + lag];
    const double r = products / sum_squares;
    if (r > bound || r < -bound) {
      const double m = dn - static_cast<double>(lag);
      weighted += m * (m - 1) * (m - 2) * r;
      ++*significant_lags;
    }
  }
  return 1 + 2 / (dn * (dn - 1) * (dn - 2)) * (signed_sum ? weighted : std::fabs(weighted));
}

}  // namespace candor::internal
