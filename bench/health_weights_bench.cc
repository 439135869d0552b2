// bench/health_weights_bench.cc — candor::SuggestHealthWeights on the
// accounts bench/health_bench.cc writes (run it first with --rows=100000):
// 20 measures, 5 folds, L2 penalty 1; scikit-learn doing the same in
// bench/peers_health_weights.py, both in bench/run_health_weights.sh.
//
// Churn (seeded, SplitMix64 per account): logistic in the points of five
// measures (missing points at 50), so that some measures matter and the rest
// do not:
//   eta = 1.5 - 0.03 nps - 0.02 logins_30d - 0.015 days_overdue
//         - 0.01 csat + 0.01 discount_pct   (points).
//
//   --data=DIR (required)  --seed=S (7)  --reps=N (5)  --folds=K (5)
// Reads DIR/scorecard.json, DIR/<measure>.f64, DIR/segment.i32; writes
// DIR/points.f64 (n x m, row-major), churn.u8, fold.i32,
// candor_coefficient.f64, candor_intercept.f64 and candor_oof.f64 for the
// peer's check; prints one JSON object with the median wall and CPU seconds
// (ScoreHealth included: SuggestHealthWeights scores the table itself).
#include <candor/health.hpp>
#include <candor/health_weights.hpp>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_flags.hpp"
#include "bench_io.hpp"
#include "splitmix64.hpp"

namespace {

using candor::bench::Check;
using candor::bench::CpuSeconds;
using candor::bench::Median;
using candor::bench::ReadAll;
using candor::bench::WriteAll;

struct Flags {
  std::string data;
  uint64_t seed = 7;
  int reps = 5;
  int folds = 5;
};

}  // namespace

int main(int argc, char** argv) {
  using candor::bench::Flag;
  Flags flags;
  candor::bench::TakeFlags(&argc, argv,
                           {Flag("data", &flags.data), Flag("seed", &flags.seed),
                            Flag("reps", &flags.reps), Flag("folds", &flags.folds)});
  if (flags.data.empty() || flags.reps < 1 || argc > 1) {
    std::fprintf(stderr, "usage: %s --data=DIR [--seed=S] [--reps=N] [--folds=K]\n", argv[0]);
    return 2;
  }
  const std::string& dir = flags.data;
  std::stringstream json;
  json << std::ifstream(dir + "/scorecard.json").rdbuf();
  const candor::Scorecard card = Check(candor::ParseScorecardJson(json.str()));
  const size_t m = card.measures.size();
  std::vector<std::vector<double>> columns;
  candor::HealthTable table;
  for (const candor::HealthMeasure& measure : card.measures) {
    columns.push_back(ReadAll<double>(dir + "/" + measure.name + ".f64"));
    table.names.push_back(measure.name);
  }
  for (const auto& c : columns) table.columns.push_back(c.data());
  table.n = columns[0].size();
  const std::vector<int32_t> segment = ReadAll<int32_t>(dir + "/segment.i32");
  table.segment = segment.data();
  table.segment_names = {"trial", "starter", "growth", "business", "enterprise"};
  const size_t n = table.n;

  const candor::HealthScores scores = Check(candor::ScoreHealth(card, table));
  const auto points = [&](size_t i, const char* name) {
    for (size_t j = 0; j < m; ++j) {
      if (card.measures[j].name == name) {
        const double p = scores.points[i * m + j];
        return std::isnan(p) ? 50.0 : p;
      }
    }
    std::fprintf(stderr, "no measure %s\n", name);
    std::exit(1);
  };
  std::vector<uint8_t> churn(n);
  for (size_t i = 0; i < n; ++i) {
    const double eta = 1.5 - 0.03 * points(i, "nps") - 0.02 * points(i, "logins_30d") -
                       0.015 * points(i, "days_overdue") - 0.01 * points(i, "csat") +
                       0.01 * points(i, "discount_pct");
    const double u =
        static_cast<double>(candor::bench::SplitMix64(flags.seed + i) >> 11) * 0x1.0p-53;
    churn[i] = u < 1 / (1 + std::exp(-eta)) ? 1 : 0;
  }

  candor::SuggestWeightsOptions options;
  options.folds = flags.folds;
  candor::SuggestedWeights weights;
  std::vector<double> walls, cpus;
  for (int r = 0; r < flags.reps; ++r) {
    const double cpu = CpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    weights = Check(candor::SuggestHealthWeights(card, table, churn.data(), options));
    walls.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    cpus.push_back(CpuSeconds() - cpu);
  }
  WriteAll(dir + "/points.f64", scores.points);
  WriteAll(dir + "/churn.u8", churn);
  WriteAll(dir + "/fold.i32", weights.fold);
  WriteAll(dir + "/candor_coefficient.f64", weights.coefficient);
  WriteAll(dir + "/candor_intercept.f64", std::vector<double>{weights.intercept});
  WriteAll(dir + "/candor_oof.f64", weights.oof_probability);
  int64_t churned = 0;
  for (uint8_t c : churn) churned += c;
  std::string wall_list;
  for (double w : walls) wall_list += (wall_list.empty() ? "" : ", ") + std::to_string(w);
  std::printf("{\"rows\": %zu, \"measures\": %zu, \"folds\": %d, \"churned\": %" PRId64
              ", \"iterations\": %d, \"oof_auc\": %.6f, \"current_auc\": %.6f, "
              "\"suggest_weights\": {\"wall\": %.6f, \"cpu\": %.6f, \"walls\": [%s]}}\n",
              n, m, flags.folds, churned, weights.iterations, weights.auc.value,
              weights.current_auc.value, Median(walls), Median(cpus), wall_list.c_str());
  return 0;
}
