// bench/outer_loop_bench.cc — candor::RankThemesByCost (counts, ARR at risk
// with its bootstrap by account, drivers' impact) on the comments
// bench/peers_outer_loop.py writes (scores f64, accounts i32, ARR per
// account f64, CSR offsets i64 and theme ids i32, raw little-endian files in
// --data DIR); the pandas + numpy code a user would write runs on the same
// files in the same bench/run_outer_loop.sh run.
//
//   --data=DIR  --reps=N (7)  --threads=T (1; 0 = all cores)
// Prints one JSON object (median and min in seconds) and writes each theme's
// ARR at risk and interval (theme order) to DIR/candor_outer_loop.f64 for
// the agreement check in peers_outer_loop.py.
#include <algorithm>
#include <candor/outer_loop.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_io.hpp"

int main(int argc, char** argv) {
  const candor::bench::BenchArgs args = candor::bench::ParseBenchArgs(argc, argv);
  const auto scores = candor::bench::ReadAll<double>(args.dir + "/scores.f64");
  const auto accounts = candor::bench::ReadAll<int32_t>(args.dir + "/accounts.i32");
  const auto arr = candor::bench::ReadAll<double>(args.dir + "/arr.f64");
  const auto offsets = candor::bench::ReadAll<int64_t>(args.dir + "/offsets.i64");
  const auto ids = candor::bench::ReadAll<int32_t>(args.dir + "/ids.i32");
  const size_t n = scores.size();
  int32_t themes = 0;
  for (int32_t id : ids) themes = std::max(themes, id + 1);
  candor::OuterLoopOptions options;
  options.threads = args.threads;
  candor::OuterLoopInputs inputs;
  inputs.accounts = accounts.data();
  inputs.account_arr = arr.data();
  inputs.account_count = arr.size();
  std::vector<double> seconds;
  candor::OuterLoop last;
  for (int r = 0; r < args.reps; ++r) {
    const auto start = std::chrono::steady_clock::now();
    auto mentions =
        candor::ThemeMentions::FromCsr(offsets.data(), ids.data(), n, static_cast<size_t>(themes));
    if (!mentions.ok()) {
      std::fprintf(stderr, "%s\n", mentions.status().message().c_str());
      return 1;
    }
    auto result = candor::RankThemesByCost(candor::Metric::Nps(), scores.data(), n, *mentions, {},
                                           inputs, options);
    const auto stop = std::chrono::steady_clock::now();
    if (!result.ok()) {
      std::fprintf(stderr, "%s\n", result.status().message().c_str());
      return 1;
    }
    seconds.push_back(std::chrono::duration<double>(stop - start).count());
    last = std::move(result).value();
  }
  std::vector<double> out(3 * static_cast<size_t>(themes));
  for (const candor::ThemeCost& t : last.themes) {
    out[3 * t.theme] = t.arr_at_risk;
    out[3 * t.theme + 1] = t.arr_ci_low;
    out[3 * t.theme + 2] = t.arr_ci_high;
  }
  candor::bench::WriteAll(args.dir + "/candor_outer_loop.f64", out);
  std::vector<double> sorted = seconds;
  std::sort(sorted.begin(), sorted.end());
  std::printf(
      "{\"rows\": %zu, \"themes\": %d, \"accounts\": %zu, \"threads\": %d, "
      "\"replicates\": %d, \"median_s\": %.6f, \"min_s\": %.6f}\n",
      n, themes, arr.size(), args.threads, options.replicates, sorted[sorted.size() / 2],
      sorted.front());
  return 0;
}
