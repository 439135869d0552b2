// The bootstrap by account of each theme's ARR at risk (outer_loop.hpp).
#ifndef CANDOR_OUTER_LOOP_ARR_BOOTSTRAP_HPP_
#define CANDOR_OUTER_LOOP_ARR_BOOTSTRAP_HPP_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor::internal {

class ProgressTicker;

// The K sampled accounts, each with its ARR and the themes it is at risk
// from: themes[offsets[k] .. offsets[k + 1]).
struct AccountsAtRisk {
  std::vector<double> arr;
  std::vector<int64_t> offsets{0};
  std::vector<int32_t> themes;
};

struct PercentileInterval {
  double low = 0;
  double high = 0;
};

// Per theme (0..theme_count-1) the percentile interval at `level` of the
// sum of ARR * [at risk] over K accounts drawn with replacement, from
// `replicates` replicates; replicate r uses RandomStream::ForReplicate(seed,
// 0, r), so the result does not depend on `threads`.
// Counts one unit per replicate on `ticker` (may be null);
// returns nothing once it is cancelled.
std::vector<PercentileInterval> BootstrapArrAtRisk(const AccountsAtRisk& accounts,
                                                   size_t theme_count, int replicates,
                                                   uint64_t seed, double level, int threads,
                                                   ProgressTicker* ticker = nullptr);

// The type-7 quantile (numpy's default) of sorted values, p in [0, 1].
double BootstrapQuantile(const std::vector<double>& sorted, double p);

}  // namespace candor::internal

#endif  // CANDOR_OUTER_LOOP_ARR_BOOTSTRAP_HPP_
