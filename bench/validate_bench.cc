// bench/validate_bench.cc — candor::EstimateAuc (the AUC with DeLong's
// interval) and candor::CompareAuc (the paired DeLong test) on 5 million
// rows; R's pROC (ci.auc(method = "delong"), roc.test(paired = TRUE)) runs
// on the same bytes in bench/run_validate.sh (bench/peers_validate.R), and
// so does the Python API.
//
// Data (seeded, SplitMix64): outcome_i = 1 with probability 0.27 (a churn
// rate), score_a_i = u_i + 0.35 outcome_i (continuous, AUC about 0.80),
// score_b_i = round(100 (0.6 u_i + 0.4 v_i + 0.25 outcome_i)) / 100 (two
// decimals: many ties; correlated with score_a). Written to --data DIR as
// raw little-endian files (score_a.f64, score_b.f64, outcome.u8) with the
// answers in DIR/candor.json for the agreement check. Flags, before Google
// Benchmark's own:
//   --n=N (5000000)  --seed=S (20261206)  --data=DIR (nothing written if empty)
#include <benchmark/benchmark.h>

#include <candor/validate.hpp>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_flags.hpp"
#include "bench_io.hpp"
#include "splitmix64.hpp"

namespace candor_bench {
namespace {

struct Flags {
  size_t n = 5'000'000;
  uint64_t seed = 20261206;
  std::string data;
};

double Uniform(uint64_t seed, uint64_t i, uint64_t stream) {
  return static_cast<double>(candor::bench::SplitMix64(seed + 3 * i + stream) >> 11) * 0x1.0p-53;
}

struct Data {
  std::vector<double> score_a;
  std::vector<double> score_b;
  std::vector<uint8_t> outcome;
};

Data Generate(size_t n, uint64_t seed) {
  Data d;
  d.score_a.resize(n);
  d.score_b.resize(n);
  d.outcome.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t y = Uniform(seed, i, 0) < 0.27 ? 1 : 0;
    const double u = Uniform(seed, i, 1);
    const double v = Uniform(seed, i, 2);
    d.outcome[i] = y;
    d.score_a[i] = u + 0.35 * y;
    d.score_b[i] = std::round(100 * (0.6 * u + 0.4 * v + 0.25 * y)) / 100;
  }
  return d;
}

}  // namespace
}  // namespace candor_bench

int main(int argc, char** argv) {
  using namespace candor_bench;
  using candor::bench::Flag;
  Flags flags;
  candor::bench::TakeFlags(
      &argc, argv, {Flag("n", &flags.n), Flag("seed", &flags.seed), Flag("data", &flags.data)});
  CANDOR_BENCHMARK_INITIALIZE(&argc, argv);

  static const Data data = Generate(flags.n, flags.seed);
  const size_t n = flags.n;
  const auto auc = candor::EstimateAuc(data.score_a.data(), data.outcome.data(), n, 0.95);
  const auto auc_b = candor::EstimateAuc(data.score_b.data(), data.outcome.data(), n, 0.95);
  const auto paired =
      candor::CompareAuc(data.score_a.data(), data.score_b.data(), data.outcome.data(), n, 0.95);
  if (!auc.ok() || !auc_b.ok() || !paired.ok()) {
    std::fprintf(stderr, "candor failed\n");
    return 1;
  }
  if (!flags.data.empty()) {
    const std::string dir = flags.data;
    candor::bench::WriteAll(dir + "/score_a.f64", data.score_a);
    candor::bench::WriteAll(dir + "/score_b.f64", data.score_b);
    candor::bench::WriteAll(dir + "/outcome.u8", data.outcome);
    FILE* f = std::fopen((dir + "/candor.json").c_str(), "w");
    if (f == nullptr) return 1;
    std::fprintf(f,
                 "{\"n\": %zu, \"seed\": %" PRIu64
                 ", \"auc_a\": %.17g, \"std_error_a\": %.17g, \"ci_low_a\": %.17g, "
                 "\"ci_high_a\": %.17g, \"auc_b\": %.17g, \"std_error_b\": %.17g, "
                 "\"z\": %.17g, \"p_value\": %.17g, \"ci_low_d\": %.17g, \"ci_high_d\": %.17g}\n",
                 n, flags.seed, auc->value, auc->std_error, auc->ci_low, auc->ci_high, auc_b->value,
                 auc_b->std_error, paired->z, paired->p_value, paired->ci_low, paired->ci_high);
    std::fclose(f);
  }

  benchmark::RegisterBenchmark("candor_auc_delong",
                               [n](benchmark::State& state) {
                                 for (auto _ : state) {
                                   auto r = candor::EstimateAuc(data.score_a.data(),
                                                                data.outcome.data(), n, 0.95);
                                   benchmark::DoNotOptimize(r);
                                 }
                               })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime()
      ->Arg(static_cast<int64_t>(n));
  benchmark::RegisterBenchmark("candor_auc_delong_ties",
                               [n](benchmark::State& state) {
                                 for (auto _ : state) {
                                   auto r = candor::EstimateAuc(data.score_b.data(),
                                                                data.outcome.data(), n, 0.95);
                                   benchmark::DoNotOptimize(r);
                                 }
                               })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime()
      ->Arg(static_cast<int64_t>(n));
  benchmark::RegisterBenchmark("candor_compare_auc",
                               [n](benchmark::State& state) {
                                 for (auto _ : state) {
                                   auto r =
                                       candor::CompareAuc(data.score_a.data(), data.score_b.data(),
                                                          data.outcome.data(), n, 0.95);
                                   benchmark::DoNotOptimize(r);
                                 }
                               })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime()
      ->Arg(static_cast<int64_t>(n));
  benchmark::AddCustomContext("n", std::to_string(n));
  benchmark::AddCustomContext("seed", std::to_string(flags.seed));
  CANDOR_BENCHMARK_RUN();
}
