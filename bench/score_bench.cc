// bench/score_bench.cc — how fast candor counts NPS, next to the plain sum
// over the same bytes (the memory-bandwidth ceiling any counting loop has to
// live under). numpy and pandas run on identical data in bench/peers_score.py;
// bench/run_score.sh runs both and prints them side by side.
//
// Every candor result is checked against scalar reference counts before
// anything is timed; a mismatch stops the program (a fast wrong kernel is not
// a result). Extra flags, before Google Benchmark's own:
//   --rows=N (100000000)  --segments=K (1000)  --seed=S (20240601)
//   --breakdown_rows=M (10000000)  --check_out=FILE (JSON for peers_score.py;
//   the per-segment reference counts go to FILE.segment_counts, int64 LE).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <candor/score.hpp>

#include "bench_flags.hpp"
#include "score_bench_data.hpp"

#if __has_include("int8_kernel.hpp")
#include "int8_kernel.hpp"
#define CANDOR_BENCH_HAS_SEGMENT_KERNEL 1
#else
#define CANDOR_BENCH_HAS_SEGMENT_KERNEL 0
#endif

namespace candor_bench {
namespace {

struct Flags {
  size_t rows = 100'000'000;
  int32_t segments = 1000;
  uint64_t seed = 20240601;
  size_t breakdown_rows = 10'000'000;
  std::string check_out;
};

// Takes our flags out of argv so Google Benchmark sees only its own.
Flags ParseFlags(int* argc, char** argv) {
  using candor::bench::Flag;
  Flags flags;
  candor::bench::TakeFlags(
      argc, argv,
      {Flag("rows", &flags.rows), Flag("segments", &flags.segments), Flag("seed", &flags.seed),
       Flag("breakdown_rows", &flags.breakdown_rows), Flag("check_out", &flags.check_out)});
  if (flags.rows == 0 || flags.segments <= 0) {
    std::fprintf(stderr, "--rows and --segments must be positive\n");
    std::exit(2);
  }
  flags.breakdown_rows = std::min(flags.breakdown_rows, flags.rows);
  return flags;
}

// Runs fn(begin, end, part) on `threads` contiguous parts of [0, n); part 0
// on the calling thread. Threads are started per call, as candor does.
void ForEachPart(int threads, size_t n, const std::function<void(size_t, size_t, int)>& fn) {
  std::vector<std::thread> workers;
  const size_t step = (n + threads - 1) / threads;
  for (int t = 1; t < threads; ++t) {
    const size_t begin = std::min(n, t * step), end = std::min(n, begin + step);
    workers.emplace_back(fn, begin, end, t);
  }
  fn(0, std::min(n, step), 0);
  for (std::thread& worker : workers) worker.join();
}

// ---- Baselines: the plain sum over the same bytes, same compiler flags. ----

int64_t SumInt8(const int8_t* values, size_t n) {
  int64_t sum = 0;
  for (size_t i = 0; i < n; ++i) sum += values[i];
  return sum;
}

int64_t SumInt32(const int32_t* values, size_t n) {
  int64_t sum = 0;
  for (size_t i = 0; i < n; ++i) sum += values[i];
  return sum;
}

// The same loop compiled twice, AVX2 and baseline, picked at load time like
// candor's int8 kernel (which uses target_clones): the fair ceiling when the
// build flags themselves do not enable AVX2.
__attribute__((target_clones("avx2", "default"))) int64_t SumInt8Clones(const int8_t* values,
                                                                          size_t n) {
  int64_t sum = 0;
  for (size_t i = 0; i < n; ++i) sum += values[i];
  return sum;
}

// Read bandwidth: the same bytes as 64-bit words, summed with wraparound (no
// widening work at all), so this is memory-bound, not compute-bound.
uint64_t SumWords(const int8_t* bytes, size_t n) {
  uint64_t sum = 0;
  const size_t words = n / 8;
  for (size_t i = 0; i < words; ++i) {
    uint64_t word;
    std::memcpy(&word, bytes + 8 * i, sizeof(word));
    sum += word;
  }
  for (size_t i = words * 8; i < n; ++i) sum += static_cast<uint8_t>(bytes[i]);
  return sum;
}

// Context, not a target: the textbook histogram loop.
void NaiveHistogram(const int8_t* scores, size_t n, int64_t* counts) {
  for (size_t i = 0; i < n; ++i) ++counts[scores[i]];
}

void NaiveSegmentHistogram(const int8_t* scores, const int32_t* segments, size_t n,
                           int64_t* counts) {
  for (size_t i = 0; i < n; ++i) ++counts[static_cast<size_t>(segments[i]) * kScorePoints + scores[i]];
}

// ---- candor ----

candor::IntervalOptions WaldOptions(int threads) {
  candor::IntervalOptions options;
  options.method = candor::IntervalMethod::kWald;
  options.threads = threads;
  return options;
}

// The internal segment kernel (lib/score/int8_kernel.hpp; no public API takes
// int8 scores with segments yet): counts[segment * 11 + score] for all rows,
// on `threads` threads. Returns false when the kernel is not available.
bool CandorCountBySegment(const ScoreData& data, int threads, std::vector<int64_t>* counts) {
  counts->assign(static_cast<size_t>(data.segment_count) * kScorePoints, 0);
#if CANDOR_BENCH_HAS_SEGMENT_KERNEL
  const candor::Status status = candor::internal::CountInt8ScoresBySegment(
      data.scores.data(), data.segments.data(), data.scores.size(), 0, 10, data.segment_count,
      threads, counts->data());
  if (!status.ok()) {
    std::fprintf(stderr, "CountInt8ScoresBySegment failed: %s\n", status.message().c_str());
    return false;
  }
  return true;
#else
  (void)threads;
  return false;
#endif
}

// ---- Checks before timing ----

bool SameCounts(const std::vector<int64_t>& a, const std::vector<int64_t>& b) { return a == b; }

// Checks candor against the reference counts; returns false on any mismatch.
bool CheckCandor(const Flags& flags, const ScoreData& data, const ReferenceCounts& reference,
                 double* candor_nps) {
  bool ok = true;
  const double expected = NpsFromCounts(reference.overall.data());
  for (int threads : {1, 2}) {
    candor::Result<candor::Estimate> estimate = candor::EstimateInt8(
        candor::Metric::Nps(), data.scores.data(), data.scores.size(), WaldOptions(threads));
    if (!estimate.ok()) {
      std::fprintf(stderr, "EstimateInt8 failed: %s\n", estimate.status().message().c_str());
      return false;
    }
    *candor_nps = estimate->value;
    const bool n_ok = estimate->n == static_cast<int64_t>(data.scores.size());
    // The NPS is a ratio of integers: any counting error moves it far more
    // than the last-bit rounding a different (equivalent) formula may give.
    const bool value_ok = std::fabs(estimate->value - expected) <= 1e-9;
    std::fprintf(stderr, "check EstimateInt8 threads=%d: nps=%.17g reference=%.17g%s n=%" PRId64
                 " %s\n", threads, estimate->value, expected,
                 estimate->value == expected ? " (bit-identical)" : " (differs in last bits)",
                 estimate->n, n_ok && value_ok ? "OK" : "MISMATCH");
    ok = ok && n_ok && value_ok;
  }
  for (int threads : {1, 2}) {
    std::vector<int64_t> counts;
    if (!CandorCountBySegment(data, threads, &counts)) {
      std::fprintf(stderr, "check segment kernel: not available\n");
      break;
    }
    const bool same = SameCounts(counts, reference.by_segment);
    std::fprintf(stderr, "check segment kernel threads=%d: %s\n", threads,
                 same ? "OK (counts identical)" : "MISMATCH");
    ok = ok && same;
  }
  // Breakdown on the first breakdown_rows rows, as doubles.
  const size_t n = flags.breakdown_rows;
  std::vector<double> scores(data.scores.begin(), data.scores.begin() + n);
  candor::Result<std::vector<candor::BreakdownRow>> rows =
      candor::Breakdown(candor::Metric::Nps(), scores.data(), nullptr, n,
                        {data.segments.data()}, WaldOptions(2), candor::PAdjust::kHolm);
  if (!rows.ok()) {
    std::fprintf(stderr, "Breakdown failed: %s\n", rows.status().message().c_str());
    return false;
  }
  std::vector<int64_t> sub(static_cast<size_t>(data.segment_count) * kScorePoints, 0);
  for (size_t i = 0; i < n; ++i) ++sub[static_cast<size_t>(data.segments[i]) * kScorePoints + data.scores[i]];
  double worst = 0;
  bool rows_ok = true;
  for (const candor::BreakdownRow& row : *rows) {
    if (row.codes.size() != 1 || row.codes[0] < 0 || row.codes[0] >= data.segment_count) {
      rows_ok = false;
      break;
    }
    const int64_t* counts = &sub[static_cast<size_t>(row.codes[0]) * kScorePoints];
    worst = std::max(worst, std::fabs(row.estimate.value - NpsFromCounts(counts)));
  }
  rows_ok = rows_ok && worst <= 1e-9 && rows->size() == static_cast<size_t>(data.segment_count);
  std::fprintf(stderr, "check Breakdown (%zu rows, %zu segments): max |nps - reference| = %.3g %s\n",
               n, rows->size(), worst, rows_ok ? "OK" : "MISMATCH");
  return ok && rows_ok;
}

void WriteCheckFile(const Flags& flags, const ReferenceCounts& reference, double candor_nps) {
  const std::string counts_path = flags.check_out + ".segment_counts";
  FILE* bin = std::fopen(counts_path.c_str(), "wb");
  FILE* json = std::fopen(flags.check_out.c_str(), "w");
  if (bin == nullptr || json == nullptr) {
    std::fprintf(stderr, "cannot write %s\n", flags.check_out.c_str());
    std::exit(2);
  }
  std::fwrite(reference.by_segment.data(), sizeof(int64_t), reference.by_segment.size(), bin);
  std::fclose(bin);
  std::fprintf(json, "{\"rows\": %zu, \"segments\": %d, \"seed\": %" PRIu64 ",\n", flags.rows,
               flags.segments, flags.seed);
  std::fprintf(json, " \"counts\": [");
  for (int k = 0; k < kScorePoints; ++k) {
    std::fprintf(json, "%s%" PRId64, k ? ", " : "", reference.overall[k]);
  }
  std::fprintf(json, "],\n \"reference_nps\": \"%.17g\", \"candor_nps\": \"%.17g\",\n",
               NpsFromCounts(reference.overall.data()), candor_nps);
  std::fprintf(json, " \"segment_counts_file\": \"%s\"}\n", counts_path.c_str());
  std::fclose(json);
}

// ---- Benchmarks ----

void SetThroughput(benchmark::State& state, size_t rows, size_t bytes_per_row) {
  const int64_t iterations = static_cast<int64_t>(state.iterations());
  state.SetItemsProcessed(iterations * static_cast<int64_t>(rows));
  state.SetBytesProcessed(iterations * static_cast<int64_t>(rows * bytes_per_row));
}

// Registers `name`: each of `threads` parts of the rows stores its
// part_sum(begin, end), so that no sum is optimized away.
template <typename PartSum>
benchmark::internal::Benchmark* RegisterPartSums(const std::string& name, int threads, size_t rows,
                                                 size_t bytes_per_row, PartSum part_sum) {
  return benchmark::RegisterBenchmark(name.c_str(), [=](benchmark::State& state) {
    std::vector<decltype(part_sum(size_t{0}, size_t{0}))> sums(threads);
    for (auto _ : state) {
      ForEachPart(threads, rows, [&](size_t b, size_t e, int t) { sums[t] = part_sum(b, e); });
      benchmark::DoNotOptimize(sums.data());
    }
    SetThroughput(state, rows, bytes_per_row);
  });
}

void RegisterAll(const Flags& flags, const ScoreData& data) {
  const size_t rows = data.scores.size();
  const int8_t* scores = data.scores.data();
  const int32_t* segments = data.segments.data();
  auto options = [](benchmark::internal::Benchmark* b) {
    b->UseRealTime()->Unit(benchmark::kMillisecond);
  };
  for (int threads : {1, 2}) {
    const std::string suffix = "/threads:" + std::to_string(threads);
    options(RegisterPartSums("plain_sum_int8" + suffix, threads, rows, 1,
                             [=](size_t b, size_t e) { return SumInt8(scores + b, e - b); }));
    options(RegisterPartSums("plain_sum_int8_avx2clone" + suffix, threads, rows, 1,
                             [=](size_t b, size_t e) { return SumInt8Clones(scores + b, e - b); }));
    options(RegisterPartSums("read_bandwidth_int8_as_u64" + suffix, threads, rows, 1,
                             [=](size_t b, size_t e) { return SumWords(scores + b, e - b); }));
    options(benchmark::RegisterBenchmark(("candor_EstimateInt8" + suffix).c_str(),
        [=](benchmark::State& state) {
          const candor::Metric nps = candor::Metric::Nps();
          const candor::IntervalOptions wald = WaldOptions(threads);
          for (auto _ : state) {
            candor::Result<candor::Estimate> estimate =
                candor::EstimateInt8(nps, scores, rows, wald);
            benchmark::DoNotOptimize(estimate);
          }
          SetThroughput(state, rows, 1);
        }));
    options(RegisterPartSums("plain_sum_segment_int32_score_int8" + suffix, threads, rows, 5,
                             [=](size_t b, size_t e) {
                               return SumInt32(segments + b, e - b) + SumInt8(scores + b, e - b);
                             }));
    options(benchmark::RegisterBenchmark(("candor_segment_kernel" + suffix).c_str(),
        [=, &data](benchmark::State& state) {
          std::vector<int64_t> counts;
          if (!CandorCountBySegment(data, threads, &counts)) {
            state.SkipWithError("segment kernel not available");
            return;
          }
          for (auto _ : state) {
            CandorCountBySegment(data, threads, &counts);
            benchmark::DoNotOptimize(counts.data());
          }
          SetThroughput(state, rows, 5);
        }));
  }
  // Context: textbook scalar loops, single thread.
  options(benchmark::RegisterBenchmark("naive_histogram_int8/threads:1",
      [=](benchmark::State& state) {
        for (auto _ : state) {
          int64_t counts[kScorePoints] = {};
          NaiveHistogram(scores, rows, counts);
          benchmark::DoNotOptimize(counts);
        }
        SetThroughput(state, rows, 1);
      }));
  options(benchmark::RegisterBenchmark("naive_segment_histogram/threads:1",
      [=, &data](benchmark::State& state) {
        std::vector<int64_t> counts(static_cast<size_t>(data.segment_count) * kScorePoints);
        for (auto _ : state) {
          std::fill(counts.begin(), counts.end(), 0);
          NaiveSegmentHistogram(scores, segments, rows, counts.data());
          benchmark::DoNotOptimize(counts.data());
        }
        SetThroughput(state, rows, 5);
      }));
  // Context: the public Breakdown on double scores (smaller n).
  const size_t n = flags.breakdown_rows;
  auto double_scores = std::make_shared<std::vector<double>>(scores, scores + n);
  for (int threads : {1, 2}) {
    options(benchmark::RegisterBenchmark(
        ("candor_Breakdown_double_" + std::to_string(n) + "rows/threads:" +
         std::to_string(threads)).c_str(),
        [=](benchmark::State& state) {
          const candor::Metric nps = candor::Metric::Nps();
          const candor::IntervalOptions wald = WaldOptions(threads);
          for (auto _ : state) {
            auto rows_out = candor::Breakdown(nps, double_scores->data(), nullptr, n, {segments},
                                              wald, candor::PAdjust::kHolm);
            benchmark::DoNotOptimize(rows_out);
          }
          SetThroughput(state, n, 12);
        }));
  }
  // The default interval (Jeffreys: two posterior quantiles per segment by
  // numerical integration) next to the Wald rows above: its cost per segment.
  options(benchmark::RegisterBenchmark(
      ("candor_Breakdown_double_" + std::to_string(n) + "rows_jeffreys/threads:1").c_str(),
      [=](benchmark::State& state) {
        const candor::Metric nps = candor::Metric::Nps();
        candor::IntervalOptions jeffreys;
        jeffreys.threads = 1;
        for (auto _ : state) {
          auto rows_out = candor::Breakdown(nps, double_scores->data(), nullptr, n, {segments},
                                            jeffreys, candor::PAdjust::kHolm);
          benchmark::DoNotOptimize(rows_out);
        }
        SetThroughput(state, n, 12);
      }));
  // Many small groups (accounts, days): 10,000 segments of 10 responses,
  // where the Jeffreys quantiles come from the exact posterior CDF, not the
  // Cornish-Fisher expansion; Wald next to it.
  constexpr size_t kSmallRows = 100'000;
  constexpr int32_t kSmallSegments = 10'000;
  auto small_codes = std::make_shared<std::vector<int32_t>>(kSmallRows);
  for (size_t i = 0; i < kSmallRows; ++i) {
    (*small_codes)[i] = static_cast<int32_t>(i % kSmallSegments);
  }
  for (const bool use_jeffreys : {false, true}) {
    options(benchmark::RegisterBenchmark(
        (std::string("candor_Breakdown_double_10000segments_of_10_") +
         (use_jeffreys ? "jeffreys" : "wald") + "/threads:1")
            .c_str(),
        [=](benchmark::State& state) {
          const candor::Metric nps = candor::Metric::Nps();
          candor::IntervalOptions interval = WaldOptions(1);
          if (use_jeffreys) interval.method = candor::IntervalMethod::kJeffreys;
          for (auto _ : state) {
            auto rows_out = candor::Breakdown(nps, double_scores->data(), nullptr, kSmallRows,
                                              {small_codes->data()}, interval,
                                              candor::PAdjust::kHolm);
            benchmark::DoNotOptimize(rows_out);
          }
          SetThroughput(state, kSmallRows, 12);
        }));
  }
}

}  // namespace
}  // namespace candor_bench

int main(int argc, char** argv) {
  using namespace candor_bench;
  const Flags flags = ParseFlags(&argc, argv);
  CANDOR_BENCHMARK_INITIALIZE(&argc, argv);

  std::fprintf(stderr, "generating %zu rows, %d segments, seed %" PRIu64 "\n", flags.rows,
               flags.segments, flags.seed);
  static const ScoreData data = GenerateScoreData(flags.rows, flags.segments, flags.seed);
  const ReferenceCounts reference = CountScores(data);
  std::fprintf(stderr, "reference nps=%.17g\n", NpsFromCounts(reference.overall.data()));
  double candor_nps = 0;
  if (!CheckCandor(flags, data, reference, &candor_nps)) {
    std::fprintf(stderr, "candor disagrees with the reference counts: not benchmarking\n");
    return 1;
  }
  if (!flags.check_out.empty()) WriteCheckFile(flags, reference, candor_nps);

  RegisterAll(flags, data);
  benchmark::AddCustomContext("rows", std::to_string(flags.rows));
  benchmark::AddCustomContext("segments", std::to_string(flags.segments));
  benchmark::AddCustomContext("seed", std::to_string(flags.seed));
  CANDOR_BENCHMARK_RUN();
}
