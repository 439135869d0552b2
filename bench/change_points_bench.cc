// bench/change_points_bench.cc — how fast candor finds change points in
// time-ordered NPS responses: PELT's exact search with BIC (max_grid_points =
// 0) on the sizes a plain numpy PELT can do (bench/peers_change_points.py
// runs it on the same bytes); PELT with BIC on the default grid (at most 4096
// candidates, then exact refinement) up to 10 million responses; and the
// default, the calibrated scan, on the same grid: with its null distributions
// cached (every call after the first on data of that shape) and cold (a new
// seed each call, so every null is drawn: a first call's cost); and the
// cluster-robust scan with accounts (BM_CalibratedClustered).
//
// Data: NPS scores with four segments, changes at 20%, 45% and 70% of the
// series, NPS +30 (50% promoters, 20% detractors), 0 (35%, 35%), +30, 0;
// seeded. Before timing, every search is run once and must find exactly
// three changes, each within 2% of the series of the true one (a fast wrong
// answer is not a result). Extra flags, before Google Benchmark's own:
//   --seed=S (20261127)  --data_dir=DIR: write each series as int8 bytes
//   (DIR/series_N.i8) and candor's exact answer (DIR/exact_N.txt: total cost
//   and change indices) for the peer to check against.
#include <benchmark/benchmark.h>

#include <candor/trend_change_points.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "bench_flags.hpp"

namespace {

uint64_t g_seed = 20261127;
std::string g_data_dir;

constexpr double kAt[] = {0.2, 0.45, 0.7};
constexpr double kPromoters[] = {0.5, 0.35, 0.5, 0.35};
constexpr double kDetractors[] = {0.2, 0.35, 0.2, 0.35};

const std::vector<double>& Series(size_t n) {
  static std::map<size_t, std::vector<double>> cache;
  auto& scores = cache[n];
  if (!scores.empty()) return scores;
  std::mt19937_64 rng(g_seed + n);
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<int> det(0, 6), pas(7, 8), pro(9, 10);
  scores.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    int segment = 0;
    while (segment < 3 && i >= static_cast<size_t>(kAt[segment] * n)) ++segment;
    const double x = u(rng);
    scores.push_back(x < kDetractors[segment]                         ? det(rng)
                     : x < kDetractors[segment] + kPromoters[segment] ? pro(rng)
                                                                      : pas(rng));
  }
  return scores;
}

candor::ChangePoints Run(size_t n, int64_t max_grid_points,
                         candor::ChangePenalty penalty = candor::ChangePenalty::kBic,
                         uint64_t seed = 42) {
  const std::vector<double>& scores = Series(n);
  candor::ChangePointOptions options;
  options.max_grid_points = max_grid_points;
  options.penalty = penalty;
  options.seed = seed;
  auto result = candor::DetectChangePoints(scores.data(), nullptr, nullptr, n, options);
  if (!result.ok()) {
    std::fprintf(stderr, "change points failed: %s\n", result.status().message().c_str());
    std::exit(1);
  }
  return std::move(result).value();
}

// Stops the program unless the three true changes were found within 2%.
void CheckFound(size_t n, const candor::ChangePoints& result, const char* what) {
  bool ok = result.changes.size() == 3;
  for (size_t j = 0; ok && j < 3; ++j) {
    ok = std::abs(static_cast<double>(result.changes[j].index) - kAt[j] * n) <= 0.02 * n;
  }
  if (!ok) {
    std::fprintf(stderr, "%s search on n = %zu did not find the three changes; found", what, n);
    for (const auto& change : result.changes)
      std::fprintf(stderr, " %lld", (long long)change.index);
    std::fprintf(stderr, "\n");
    std::exit(1);
  }
}

void WritePeerData(size_t n, const candor::ChangePoints& exact) {
  if (g_data_dir.empty()) return;
  const std::vector<double>& scores = Series(n);
  std::vector<int8_t> bytes(scores.begin(), scores.end());
  std::ofstream(g_data_dir + "/series_" + std::to_string(n) + ".i8", std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(n));
  std::ofstream answer(g_data_dir + "/exact_" + std::to_string(n) + ".txt");
  char cost[64];
  std::snprintf(cost, sizeof(cost), "%.17g", exact.total_cost);
  answer << cost;
  for (const auto& change : exact.changes) answer << ' ' << change.index;
  answer << '\n';
}

void BM_ExactPelt(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const candor::ChangePoints first = Run(n, 0);
  CheckFound(n, first, "exact");
  WritePeerData(n, first);
  for (auto _ : state) benchmark::DoNotOptimize(Run(n, 0).total_cost);
  state.counters["responses"] = static_cast<double>(n);
  state.counters["changes"] = static_cast<double>(first.changes.size());
}

const int64_t kGrid = candor::ChangePointOptions().max_grid_points;

void BM_BicGrid(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const candor::ChangePoints first = Run(n, kGrid);
  CheckFound(n, first, "BIC grid");
  for (auto _ : state) benchmark::DoNotOptimize(Run(n, kGrid).total_cost);
  state.counters["responses"] = static_cast<double>(n);
  state.counters["block_size"] = static_cast<double>(first.block_size);
}

void BM_CalibratedCached(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const auto calibrated = candor::ChangePenalty::kCalibrated;
  const candor::ChangePoints first = Run(n, kGrid, calibrated);
  CheckFound(n, first, "calibrated");
  for (auto _ : state) benchmark::DoNotOptimize(Run(n, kGrid, calibrated).critical_value);
  state.counters["responses"] = static_cast<double>(n);
  state.counters["critical_value"] = first.critical_value;
}

void BM_CalibratedCold(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const auto calibrated = candor::ChangePenalty::kCalibrated;
  uint64_t seed = 1000;
  CheckFound(n, Run(n, kGrid, calibrated, seed), "calibrated");
  for (auto _ : state) {
    benchmark::DoNotOptimize(Run(n, kGrid, calibrated, ++seed).critical_value);
  }
  state.counters["responses"] = static_cast<double>(n);
}

// Clustered by account: n / 10 accounts, each response's drawn at random
// (about 10 responses per account spread over the whole series), so the
// cluster-robust scan runs (its null drawn every call: it depends on the
// data). Arg 1: 1 = candidates at 19 period starts (every 5% of the
// series, as month starts would be), 0 = the default grid (thinned to 512
// candidates for the test).
const std::vector<int32_t>& Accounts(size_t n) {
  static std::map<size_t, std::vector<int32_t>> cache;
  auto& accounts = cache[n];
  if (!accounts.empty()) return accounts;
  std::mt19937_64 rng(g_seed + 7 * n);
  std::uniform_int_distribution<int32_t> account(0, static_cast<int32_t>(n / 10) - 1);
  accounts.resize(n);
  for (int32_t& a : accounts) a = account(rng);
  return accounts;
}

void BM_CalibratedClustered(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::vector<double>& scores = Series(n);
  candor::SurveyDesign design;
  design.clusters = Accounts(n).data();
  candor::ChangePointOptions options;
  if (state.range(1) == 1) {
    for (int k = 1; k < 20; ++k) options.boundaries.push_back(static_cast<int64_t>(k * n / 20));
  }
  auto run = [&] {
    auto result = candor::DetectChangePoints(scores.data(), nullptr, design, n, options);
    if (!result.ok()) {
      std::fprintf(stderr, "clustered change points failed: %s\n",
                   result.status().message().c_str());
      std::exit(1);
    }
    return std::move(result).value();
  };
  const candor::ChangePoints first = run();
  if (state.range(1) == 1) {
    CheckFound(n, first, "clustered");
  } else {  // binary segmentation on the grid may add a change beside a true one
    for (double at : kAt) {
      bool near = false;
      for (const auto& change : first.changes) {
        near = near || std::abs(static_cast<double>(change.index) - at * n) <= 0.02 * n;
      }
      if (!near) {
        std::fprintf(stderr, "clustered grid search on n = %zu missed the change at %g\n", n, at);
        std::exit(1);
      }
    }
  }
  for (auto _ : state) benchmark::DoNotOptimize(run().critical_value);
  state.counters["responses"] = static_cast<double>(n);
  state.counters["candidates"] = static_cast<double>(first.candidates);
}

BENCHMARK(BM_ExactPelt)->Arg(10'000)->Arg(30'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BicGrid)->Arg(100'000)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CalibratedCached)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CalibratedCold)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CalibratedClustered)
    ->Args({1'000'000, 1})
    ->Args({10'000'000, 1})
    ->Args({1'000'000, 0})
    ->Args({10'000'000, 0})
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  using candor::bench::Flag;
  // Our flags out of argv first, so that Google Benchmark sees only its own.
  candor::bench::TakeFlags(&argc, argv, {Flag("seed", &g_seed), Flag("data_dir", &g_data_dir)});
  CANDOR_BENCHMARK_MAIN_END(&argc, argv);
}
