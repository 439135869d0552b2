// bench/trend_series_bench.cc — the Mann-Kendall test on 1 million points,
// next to the O(n^2) definition of S (a plain double loop over pairs) in the
// same run. The loop is timed in full at smaller n (--naive_sizes) and its
// n^2 scaling is fitted and extrapolated by bench/peers_trend_series.py, which
// also times scipy.stats.kendalltau on the same values.
//
// Data: x_i = floor(u_i * 10000) + floor(i / 100000), u_i = SplitMix64(seed
// + i) >> 11 scaled to [0, 1): integers with ties and a weak trend, written
// identically in numpy. Before anything is timed, candor's S must equal the
// double loop's on the first max(--naive_sizes) points and the whole series'
// S is written to --check_out for the Python side to compare. Flags, before
// Google Benchmark's own:
//   --n=N (1000000)  --seed=S (20261127)  --naive_sizes=a,b,c (10000,30000,100000)
//   --check_out=FILE (JSON: n, seed, s, var_s, z, p, tau)
#include <benchmark/benchmark.h>

#include <candor/trend_series.hpp>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_flags.hpp"
#include "splitmix64.hpp"

namespace candor_bench {
namespace {

struct Flags {
  size_t n = 1'000'000;
  uint64_t seed = 20261127;
  std::vector<size_t> naive_sizes = {10'000, 30'000, 100'000};
  std::string check_out;
};

std::vector<double> Generate(size_t n, uint64_t seed) {
  std::vector<double> x(n);
  for (size_t i = 0; i < n; ++i) {
    const double u = static_cast<double>(candor::bench::SplitMix64(seed + i) >> 11) * 0x1.0p-53;
    x[i] = std::floor(u * 10000) + std::floor(static_cast<double>(i) / 100000);
  }
  return x;
}

// The definition: S = sum_{i<j} sign(x_j - x_i), every pair visited.
int64_t NaiveS(const double* x, size_t n) {
  int64_t s = 0;
  for (size_t i = 0; i < n; ++i) {
    const double xi = x[i];
    for (size_t j = i + 1; j < n; ++j) s += (x[j] > xi) - (x[j] < xi);
  }
  return s;
}

}  // namespace
}  // namespace candor_bench

int main(int argc, char** argv) {
  using candor::bench::Flag;
  using namespace candor_bench;
  // Our flags out of argv first, so that Google Benchmark sees only its own.
  Flags flags;
  candor::bench::TakeFlags(
      &argc, argv,
      {Flag("n", &flags.n), Flag("seed", &flags.seed), Flag("naive_sizes", &flags.naive_sizes),
       Flag("check_out", &flags.check_out)});
  CANDOR_BENCHMARK_INITIALIZE(&argc, argv);

  static const std::vector<double> x = Generate(flags.n, flags.seed);
  const candor::Result<candor::MannKendall> full = candor::MannKendallTest(x.data(), x.size());
  if (!full.ok()) {
    std::fprintf(stderr, "candor failed: %s\n", full.status().message().c_str());
    return 1;
  }
  for (size_t m : flags.naive_sizes) {
    if (m > x.size()) continue;
    const auto part = candor::MannKendallTest(x.data(), m);
    const int64_t naive = NaiveS(x.data(), m);
    if (!part.ok() || part->s != naive) {
      std::fprintf(stderr, "candor S disagrees with the double loop at n=%zu: not benchmarking\n",
                   m);
      return 1;
    }
    std::fprintf(stderr, "n=%zu: candor S = double-loop S = %" PRId64 "\n", m, naive);
  }
  if (!flags.check_out.empty()) {
    FILE* f = std::fopen(flags.check_out.c_str(), "w");
    if (f == nullptr) return 1;
    std::fprintf(f,
                 "{\"n\": %zu, \"seed\": %" PRIu64 ", \"s\": %" PRId64
                 ", \"var_s\": %.17g, \"z\": %.17g, \"p\": %.17g, \"tau\": %.17g}\n",
                 flags.n, flags.seed, full->s, full->var_s, full->z, full->p_value, full->tau);
    std::fclose(f);
  }

  benchmark::RegisterBenchmark("candor_mann_kendall", [](benchmark::State& state) {
    for (auto _ : state) {
      auto r = candor::MannKendallTest(x.data(), x.size());
      benchmark::DoNotOptimize(r);
    }
  })->Unit(benchmark::kMillisecond)->UseRealTime()->Arg(static_cast<int64_t>(x.size()));
  for (size_t m : flags.naive_sizes) {
    if (m > x.size()) continue;
    benchmark::RegisterBenchmark("candor_mann_kendall", [m](benchmark::State& state) {
      for (auto _ : state) {
        auto r = candor::MannKendallTest(x.data(), m);
        benchmark::DoNotOptimize(r);
      }
    })->Unit(benchmark::kMillisecond)->UseRealTime()->Arg(static_cast<int64_t>(m));
    benchmark::RegisterBenchmark("naive_pairs_s", [m](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(NaiveS(x.data(), m));
    })->Unit(benchmark::kMillisecond)->UseRealTime()->Arg(static_cast<int64_t>(m));
  }
  benchmark::AddCustomContext("n", std::to_string(flags.n));
  benchmark::AddCustomContext("seed", std::to_string(flags.seed));
  CANDOR_BENCHMARK_RUN();
}
