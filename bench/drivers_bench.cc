// bench/drivers_bench.cc — candor::EstimateThemeDrivers (the per-theme table
// and the key-driver model) on the comments bench/peers_drivers.py writes
// (scores f64, CSR offsets i64 and theme ids i32, raw little-endian files in
// --data DIR); pandas and scikit-learn run on the same files in the same
// bench/run_drivers.sh run. Plain clocks: one call takes tenths of a second.
//
//   --data=DIR  --reps=N (7)  --threads=T (1; 0 = all cores)
// Prints one JSON object (medians in seconds) and writes each theme's impact,
// relative risk and coefficient to DIR/candor_drivers.f64 for the agreement
// check in peers_drivers.py.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <candor/drivers.hpp>

#include "bench_io.hpp"

int main(int argc, char** argv) {
  const candor::bench::BenchArgs args = candor::bench::ParseBenchArgs(argc, argv);
  const auto scores = candor::bench::ReadAll<double>(args.dir + "/scores.f64");
  const auto offsets = candor::bench::ReadAll<int64_t>(args.dir + "/offsets.i64");
  const auto ids = candor::bench::ReadAll<int32_t>(args.dir + "/ids.i32");
  const size_t n = scores.size();
  int32_t themes = 0;
  for (int32_t id : ids) themes = std::max(themes, id + 1);
  candor::IntervalOptions interval;
  interval.threads = args.threads;
  std::vector<double> seconds, mention_seconds;
  candor::ThemeDrivers last;
  for (int r = 0; r < args.reps; ++r) {
    const auto start = std::chrono::steady_clock::now();
    // Building the validated mentions is part of what a caller pays.
    auto mentions = candor::ThemeMentions::FromCsr(offsets.data(), ids.data(), n,
                                                   static_cast<size_t>(themes));
    const auto built = std::chrono::steady_clock::now();
    if (!mentions.ok()) {
      std::fprintf(stderr, "%s\n", mentions.status().message().c_str());
      return 1;
    }
    auto result = candor::EstimateThemeDrivers(candor::Metric::Nps(), scores.data(), n,
                                               *mentions, {}, {}, interval, {});
    const auto stop = std::chrono::steady_clock::now();
    if (!result.ok()) {
      std::fprintf(stderr, "%s\n", result.status().message().c_str());
      return 1;
    }
    seconds.push_back(std::chrono::duration<double>(stop - start).count());
    mention_seconds.push_back(std::chrono::duration<double>(built - start).count());
    last = std::move(result).value();
  }
  std::vector<double> out;
  for (const candor::ThemeDriver& row : last.themes) {
    out.push_back(row.impact.difference);
    out.push_back(row.relative_risk);
    out.push_back(row.coefficient);
  }
  candor::bench::WriteAll(args.dir + "/candor_drivers.f64", out);
  std::printf(
      "{\"rows\": %zu, \"themes\": %d, \"mentions\": %zu, \"threads\": %d, \"reps\": %d, "
      "\"median_seconds\": %.6f, \"median_mentions_seconds\": %.6f, \"model_iterations\": %d, "
      "\"model_converged\": %s}\n",
      n, themes, ids.size(), args.threads, args.reps, candor::bench::Median(seconds),
      candor::bench::Median(mention_seconds), last.model.iterations,
      last.model.converged ? "true" : "false");
  return 0;
}
