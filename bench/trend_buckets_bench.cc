// bench/trend_buckets_bench.cc — monthly buckets with NPS per bucket on many
// responses in a DST time zone (America/New_York). pandas runs the same job
// (tz_convert + to_period + groupby) on the same data in
// bench/peers_trend_buckets.py; bench/run_trend_buckets.sh runs both.
//
// Flags, before Google Benchmark's own:
//   --rows=N (10000000)  --seed=S (20261127)  --data_out=PREFIX (writes
//   PREFIX.times (int64 LE) and PREFIX.scores (int8) for the peer, and
//   PREFIX.result.csv with label,n,value for its agreement check).
#include <benchmark/benchmark.h>

#include <candor/trend_buckets.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "bench_flags.hpp"

namespace {

struct Flags {
  size_t rows = 10'000'000;
  uint64_t seed = 20261127;
  std::string data_out;
};

struct Data {
  std::vector<int64_t> times;
  std::vector<double> scores;
  std::vector<int8_t> scores_i8;
};

// Uniform times over 2024-2025 (unsorted), scores 0..10 with a drift.
Data Make(const Flags& flags) {
  Data d;
  std::mt19937_64 rng(flags.seed);
  std::uniform_int_distribution<int64_t> when(1704067200, 1767225599);
  std::uniform_int_distribution<int> score(0, 10);
  d.times.resize(flags.rows);
  d.scores.resize(flags.rows);
  d.scores_i8.resize(flags.rows);
  for (size_t i = 0; i < flags.rows; ++i) {
    d.times[i] = when(rng);
    d.scores_i8[i] = static_cast<int8_t>(score(rng));
    d.scores[i] = d.scores_i8[i];
  }
  return d;
}

const Data* g_data = nullptr;

candor::BucketOptions Monthly() {
  candor::BucketOptions o;
  o.every = candor::BucketPeriod::kMonth;
  o.time_zone = "America/New_York";
  return o;
}

void BM_MonthlyNps(benchmark::State& state) {
  const candor::BucketResponses r{g_data->scores.data(), g_data->times.data(),
                                  g_data->scores.size(), nullptr, nullptr, nullptr};
  for (auto _ : state) {
    auto rows = candor::TimeBuckets(candor::Metric::Nps(), candor::IntervalOptions{}, r, Monthly());
    if (!rows.ok()) state.SkipWithError(rows.status().message().c_str());
    benchmark::DoNotOptimize(rows);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(g_data->times.size()));
}
BENCHMARK(BM_MonthlyNps)->Unit(benchmark::kMillisecond)->UseRealTime();

bool WriteData(const Flags& flags, const Data& d) {
  const std::string prefix = flags.data_out;
  FILE* f = std::fopen((prefix + ".times").c_str(), "wb");
  if (f == nullptr) return false;
  std::fwrite(d.times.data(), sizeof(int64_t), d.times.size(), f);
  std::fclose(f);
  f = std::fopen((prefix + ".scores").c_str(), "wb");
  if (f == nullptr) return false;
  std::fwrite(d.scores_i8.data(), 1, d.scores_i8.size(), f);
  std::fclose(f);
  const candor::BucketResponses r{d.scores.data(), d.times.data(), d.scores.size(), nullptr,
                                  nullptr, nullptr};
  auto rows = candor::TimeBuckets(candor::Metric::Nps(), candor::IntervalOptions{}, r, Monthly());
  if (!rows.ok()) return false;
  f = std::fopen((prefix + ".result.csv").c_str(), "w");
  if (f == nullptr) return false;
  std::fprintf(f, "label,n,value\n");
  for (const auto& b : *rows) {
    std::fprintf(f, "%s,%lld,%.17g\n", b.label.c_str(), static_cast<long long>(b.estimate.n),
                 b.estimate.value);
  }
  std::fclose(f);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using candor::bench::Flag;
  // Our flags out of argv first, so that Google Benchmark sees only its own.
  Flags flags;
  candor::bench::TakeFlags(
      &argc, argv,
      {Flag("rows", &flags.rows), Flag("seed", &flags.seed), Flag("data_out", &flags.data_out)});
  const Data data = Make(flags);
  g_data = &data;
  if (!flags.data_out.empty() && !WriteData(flags, data)) {
    std::fprintf(stderr, "cannot write %s.*\n", flags.data_out.c_str());
    return 1;
  }
  CANDOR_BENCHMARK_MAIN_END(&argc, argv);
}
