// bench/trend_accounts_bench.cc — candor::EstimateAccountTrends on the
// responses bench/peers_trend_accounts.py writes (scores f64, times i64,
// accounts i32, raw little-endian files in --data DIR); pandas and numpy run
// on the same files in the same bench/run_trend_accounts.sh run. Plain
// clocks: one call takes tens of milliseconds to seconds.
//
//   --data=DIR  --reps=N (7)  --threads=T (1; 0 = all cores)
// Prints one JSON object (medians in seconds) and writes every account's
// slope to DIR/candor_slopes.f64 (in account-code order) for the agreement
// check in peers_trend_accounts.py.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include <candor/trend_accounts.hpp>

#include "bench_io.hpp"

int main(int argc, char** argv) {
  const candor::bench::BenchArgs args = candor::bench::ParseBenchArgs(argc, argv);
  const auto scores = candor::bench::ReadAll<double>(args.dir + "/scores.f64");
  const auto times = candor::bench::ReadAll<int64_t>(args.dir + "/times.i64");
  const auto accounts = candor::bench::ReadAll<int32_t>(args.dir + "/accounts.i32");
  if (scores.size() != times.size() || scores.size() != accounts.size()) {
    std::fprintf(stderr, "the data files differ in length\n");
    return 2;
  }
  candor::IntervalOptions interval;
  interval.threads = args.threads;
  candor::AccountTrendOptions options;
  std::vector<double> seconds;
  candor::Result<candor::AccountTrends> result = candor::Empty("not run");
  for (int r = 0; r < args.reps + 1; ++r) {  // the first run warms up
    const auto start = std::chrono::steady_clock::now();
    result = candor::EstimateAccountTrends(candor::Metric::Nps(), scores.data(), times.data(),
                                           accounts.data(), nullptr, scores.size(), interval,
                                           options);
    const auto stop = std::chrono::steady_clock::now();
    if (!result.ok()) {
      std::fprintf(stderr, "EstimateAccountTrends: %s\n", result.status().message().c_str());
      return 1;
    }
    if (r > 0) seconds.push_back(std::chrono::duration<double>(stop - start).count());
  }
  int32_t max_code = 0;
  for (const candor::AccountTrend& row : result->rows) max_code = std::max(max_code, row.account);
  std::vector<double> slopes(static_cast<size_t>(max_code) + 1, std::numeric_limits<double>::quiet_NaN());
  for (const candor::AccountTrend& row : result->rows) slopes[row.account] = row.slope;
  candor::bench::WriteAll(args.dir + "/candor_slopes.f64", slopes);
  std::printf(
      "{\"rows\": %zu, \"accounts\": %zu, \"threads\": %d, \"reps\": %d, "
      "\"declining\": %lld, \"median_seconds\": %.6f, \"min_seconds\": %.6f}\n",
      scores.size(), result->rows.size(), args.threads, args.reps,
      static_cast<long long>(result->declining), candor::bench::Median(seconds),
      *std::min_element(seconds.begin(), seconds.end()));
  return 0;
}
