// BootstrapArrAtRisk: replicate totals per theme, then percentiles.
#include "arr_bootstrap.hpp"

#include <algorithm>
#include <cmath>

#include "common/parallel.hpp"
#include "common/random.hpp"

namespace candor::internal {

double BootstrapQuantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::nan("");
  const double position = p * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

std::vector<PercentileInterval> BootstrapArrAtRisk(const AccountsAtRisk& accounts,
                                                   size_t theme_count, int replicates,
                                                   uint64_t seed, double level, int threads) {
  const size_t k = accounts.arr.size();
  const size_t b = static_cast<size_t>(replicates);
  // totals[j * b + r]: theme j's total in replicate r.
  std::vector<double> totals(theme_count * b, 0.0);
  ParallelChunks(b, threads, [&](size_t, size_t begin, size_t end) {
    std::vector<double> replicate(theme_count);
    for (size_t r = begin; r < end; ++r) {
      std::fill(replicate.begin(), replicate.end(), 0.0);
      RandomStream stream = RandomStream::ForReplicate(seed, 0, r);
      for (size_t draw = 0; draw < k; ++draw) {
        // Uniform index in [0, k): floor(u k), u with 53 bits (k < 2^31).
        size_t a = static_cast<size_t>(stream.Uniform() * static_cast<double>(k));
        if (a >= k) a = k - 1;
        for (int64_t t = accounts.offsets[a]; t < accounts.offsets[a + 1]; ++t) {
          replicate[accounts.themes[t]] += accounts.arr[a];
        }
      }
      for (size_t j = 0; j < theme_count; ++j) totals[j * b + r] = replicate[j];
    }
  });
  std::vector<PercentileInterval> intervals(theme_count);
  const double tail = (1 - level) / 2;
  std::vector<double> sorted(b);
  for (size_t j = 0; j < theme_count; ++j) {
    std::copy(totals.begin() + j * b, totals.begin() + (j + 1) * b, sorted.begin());
    std::sort(sorted.begin(), sorted.end());
    intervals[j].low = BootstrapQuantile(sorted, tail);
    intervals[j].high = BootstrapQuantile(sorted, 1 - tail);
  }
  return intervals;
}

}  // namespace candor::internal
