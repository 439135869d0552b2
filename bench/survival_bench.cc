// bench/survival_bench.cc — candor's concordance (Harrell and Uno, with the
// jackknife standard error), Kaplan-Meier by group and the log-rank test on
// the columns bench/run_survival.sh writes (time, event, risk f64 and group
// i32, raw little-endian files in --data DIR); R's survival runs on the same
// files in the same run (bench/peers_survival.R). Plain clocks.
//
//   --data=DIR  --reps=N (7)
// Prints one JSON object: medians in seconds and the values, which
// run_survival.sh compares with R's.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <candor/survival.hpp>

#include "bench_io.hpp"

using candor::bench::Median;
using candor::bench::ReadAll;

namespace {

template <typename Call>
double MedianSeconds(int reps, Call&& call) {
  std::vector<double> seconds;
  for (int r = 0; r < reps; ++r) {
    const auto start = std::chrono::steady_clock::now();
    call();
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return Median(seconds);
}

void Check(const candor::Status& status) {
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const candor::bench::BenchArgs args = candor::bench::ParseBenchArgs(argc, argv);
  const auto time = ReadAll<double>(args.dir + "/time.f64");
  const auto event = ReadAll<double>(args.dir + "/event.f64");
  const auto risk = ReadAll<double>(args.dir + "/risk.f64");
  const auto group = ReadAll<int32_t>(args.dir + "/group.i32");
  const size_t n = time.size();

  candor::Concordance harrell, uno;
  candor::ConcordanceOptions uno_options;
  uno_options.time_weight = candor::TimeWeight::kUno;
  const double harrell_s = MedianSeconds(args.reps, [&] {
    auto r = candor::EstimateConcordance(risk.data(), time.data(), event.data(), nullptr, n, {});
    Check(r.status());
    harrell = *r;
  });
  const double uno_s = MedianSeconds(args.reps, [&] {
    auto r = candor::EstimateConcordance(risk.data(), time.data(), event.data(), nullptr, n,
                                         uno_options);
    Check(r.status());
    uno = *r;
  });
  size_t km_points = 0;
  double km_last = 0;
  const double km_s = MedianSeconds(args.reps, [&] {
    auto r = candor::EstimateKaplanMeier(time.data(), event.data(), group.data(), nullptr, n, {});
    Check(r.status());
    km_points = 0;
    for (const auto& c : r->curves) km_points += c.time.size();
    km_last = r->curves[0].survival.back();
  });
  candor::LogRank log_rank;
  const double log_rank_s = MedianSeconds(args.reps, [&] {
    auto r = candor::LogRankTest(time.data(), event.data(), group.data(), n);
    Check(r.status());
    log_rank = *r;
  });
  std::printf(
      "{\"rows\": %zu, \"reps\": %d, \"concordance_seconds\": %.6f, \"uno_seconds\": %.6f, "
      "\"kaplan_meier_seconds\": %.6f, \"log_rank_seconds\": %.6f, \"concordance\": %.17g, "
      "\"concordance_std_error\": %.17g, \"uno\": %.17g, \"uno_std_error\": %.17g, "
      "\"km_points\": %zu, \"km_first_curve_last_survival\": %.17g, \"chi_square\": %.17g}\n",
      n, args.reps, harrell_s, uno_s, km_s, log_rank_s, harrell.value, harrell.std_error,
      uno.value, uno.std_error, km_points, km_last, log_rank.chi_square);
  return 0;
}
