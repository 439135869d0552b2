// bench/change_monitor_bench.cc — the online change monitor's Update
// throughput: a year of daily buckets of 17 NPS responses (about 500 a
// month), and single responses, each Update checking the scores, summing
// their values and advancing both CUSUMs. bench/peers_change_monitor.py
// times a numpy CUSUM over the same buckets in the same run.
//
// Data: score_i = SplitMix64(seed + i) % 11 (0..10), written identically in
// numpy. Flags, before Google Benchmark's own: --seed=S (20261206).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <candor/trend_monitor.hpp>
#include <cstdint>
#include <vector>

#include "bench_flags.hpp"
#include "splitmix64.hpp"

namespace candor_bench {
namespace {

uint64_t g_seed = 20261206;

std::vector<double> Scores(size_t n, uint64_t offset) {
  std::vector<double> x(n);
  for (size_t i = 0; i < n; ++i) {
    x[i] = static_cast<double>(candor::bench::SplitMix64(g_seed + offset + i) % 11);
  }
  return x;
}

// 365 buckets of `state.range(0)` responses per iteration, after a history
// of 90 such buckets.
void BM_UpdateYear(benchmark::State& state) {
  const size_t per_bucket = static_cast<size_t>(state.range(0));
  const size_t buckets = 365;
  const std::vector<double> history = Scores(std::max<size_t>(90 * per_bucket, 30), 0);
  const std::vector<double> year = Scores(buckets * per_bucket, 1u << 30);
  candor::ChangeMonitorOptions options;
  options.alpha = 0.001;
  options.bucket_size = static_cast<int64_t>(per_bucket);
  auto made = candor::ChangeMonitor::Create(history.data(), history.size(), nullptr, 0, options);
  if (!made.ok()) {
    state.SkipWithError(made.status().message().c_str());
    return;
  }
  candor::ChangeMonitor monitor = *made;
  int64_t alarms = 0;
  for (auto _ : state) {
    monitor.Reset();
    for (size_t b = 0; b < buckets; ++b) {
      auto s = monitor.Update(year.data() + b * per_bucket, per_bucket);
      alarms += s->alarm ? 1 : 0;
    }
    benchmark::DoNotOptimize(alarms);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * buckets));
  state.counters["responses_per_bucket"] = static_cast<double>(per_bucket);
}
BENCHMARK(BM_UpdateYear)->Arg(1)->Arg(17)->Arg(500)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace candor_bench

int main(int argc, char** argv) {
  candor::bench::TakeFlags(&argc, argv, {candor::bench::Flag("seed", &candor_bench::g_seed)});
  CANDOR_BENCHMARK_INITIALIZE(&argc, argv);
  CANDOR_BENCHMARK_RUN();
}
