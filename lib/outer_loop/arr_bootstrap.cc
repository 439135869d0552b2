// BootstrapArrAtRisk: replicate totals per theme, then percentiles.
#include "arr_bootstrap.hpp"

#include <algorithm>
#include <cmath>

#include "common/parallel.hpp"
#include "common/progress_ticker.hpp"
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
                                                   uint64_t seed, double level, int threads,
                                                   ProgressTicker* ticker) {
  ProgressTicker none(Progress(), 0, "");
  if (ticker == nullptr) ticker = &none;
  const size_t k = accounts.arr.size();
  const size_t b = static_cast<size_t>(replicates);
  // Theme-major lists of the accounts at risk and their ARR: a replicate's
  // total for theme j is sum over its list of ARR_a * (times a was drawn),
  // a gather from the replicate's draw counts (sequential in the list).
  // A theme at risk for more than a quarter of the accounts gets a dense
  // row of K values instead (a contiguous dot product the compiler
  // vectorizes), while the dense rows stay under kDenseLimit values.
  constexpr size_t kDenseLimit = size_t{1} << 23;
  std::vector<std::vector<int32_t>> members(theme_count);
  std::vector<std::vector<double>> values(theme_count);
  for (size_t a = 0; a < k; ++a) {
    for (int64_t t = accounts.offsets[a]; t < accounts.offsets[a + 1]; ++t) {
      members[accounts.themes[t]].push_back(static_cast<int32_t>(a));
      values[accounts.themes[t]].push_back(accounts.arr[a]);
    }
  }
  std::vector<std::vector<double>> dense(theme_count);
  size_t dense_values = 0;
  for (size_t j = 0; j < theme_count; ++j) {
    if (members[j].size() * 4 <= k || dense_values + k > kDenseLimit) continue;
    dense[j].assign(k, 0.0);
    for (size_t i = 0; i < members[j].size(); ++i) dense[j][members[j][i]] = values[j][i];
    dense_values += k;
  }
  // totals[j * b + r]: theme j's total in replicate r.
  std::vector<double> totals(theme_count * b, 0.0);
  ParallelChunks(b, threads, [&](size_t, size_t begin, size_t end) {
    std::vector<double> counts(k);
    for (size_t r = begin; r < end; ++r) {
      if (r > begin && !ticker->Add(1)) return;
      std::fill(counts.begin(), counts.end(), 0.0);
      RandomStream stream = RandomStream::ForReplicate(seed, 0, r);
      for (size_t draw = 0; draw < k; ++draw) {
        // Uniform index in [0, k): floor(u k), u with 53 bits (k < 2^31).
        size_t a = static_cast<size_t>(stream.Uniform() * static_cast<double>(k));
        if (a >= k) a = k - 1;
        counts[a] += 1;
      }
      for (size_t j = 0; j < theme_count; ++j) {
        if (!dense[j].empty()) {
          const double* row = dense[j].data();
          double sum[4] = {0, 0, 0, 0};
          size_t i = 0;
          for (; i + 4 <= k; i += 4) {
            sum[0] += row[i] * counts[i];
            sum[1] += row[i + 1] * counts[i + 1];
            sum[2] += row[i + 2] * counts[i + 2];
            sum[3] += row[i + 3] * counts[i + 3];
          }
          for (; i < k; ++i) sum[0] += row[i] * counts[i];
          totals[j * b + r] = (sum[0] + sum[1]) + (sum[2] + sum[3]);
          continue;
        }
        const int32_t* index = members[j].data();
        const double* value = values[j].data();
        const size_t m = members[j].size();
        double sum[4] = {0, 0, 0, 0};  // four chains hide the add latency
        size_t i = 0;
        for (; i + 4 <= m; i += 4) {
          sum[0] += value[i] * counts[index[i]];
          sum[1] += value[i + 1] * counts[index[i + 1]];
          sum[2] += value[i + 2] * counts[index[i + 2]];
          sum[3] += value[i + 3] * counts[index[i + 3]];
        }
        for (; i < m; ++i) sum[0] += value[i] * counts[index[i]];
        totals[j * b + r] = (sum[0] + sum[1]) + (sum[2] + sum[3]);
      }
    }
    if (end > begin) ticker->Add(1);
  }, ticker);
  if (!ticker->Running()) return {};
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
