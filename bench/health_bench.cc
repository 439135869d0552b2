// bench/health_bench.cc — candor::ScoreHealth on 1,000,000 accounts x 20
// measures on one thread (issue 13: under 1 s), with the pandas peer
// (bench/peers_health.py) and the Python API on the same bytes in
// bench/run_health.sh.
//
// Data (seeded, SplitMix64 per row and column): five segments of unequal
// size (trial, starter, growth, business, enterprise) that scale the usage
// measures; integer counts with long right tails (tickets, logins, API
// calls, days overdue), ratings, booleans, growth rates, nine of them
// correlated through a latent health per account; each value missing (NaN)
// with probability 2-8% (5% on average).
//
// The scorecard (written to DIR/scorecard.json): 20 measures in 4 groups
// (support, usage, relationship, financial) — 8 linear, 4 tiers (3 or 4
// bands), 4 boolean, 2 percentiles and 2 z-scores within segment; missing =
// renormalize; 3 reasons. Also timed: the same columns with every measure
// linear (the cheapest transform) and the scorecard with worst_of, and
// HealthReasonText over every account's reasons (words are made on demand,
// not by ScoreHealth).
//
//   --data=DIR (required)  --rows=N (1000000)  --seed=S (20261207)  --reps=N (5)
// Writes to DIR the columns (<measure>.f64, segment.i32, segments.txt), the
// scorecards (scorecard.json, scorecard_linear.json,
// scorecard_worst_of.json) and candor's answers for the peer's check
// (candor_score.f64, candor_coverage.f64, candor_grade.i32,
// candor_top_reason.i32: the measure of the first reason, -1 without one);
// prints one JSON object with median wall and CPU seconds.
#include <candor/health.hpp>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "bench_flags.hpp"
#include "bench_io.hpp"
#include "splitmix64.hpp"

namespace {

using candor::bench::Check;
using candor::bench::CpuSeconds;
using candor::bench::Median;
using candor::bench::WriteAll;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr uint64_t kStreams = 128;  // per row: 4 per measure, the last for the segment

struct Flags {
  std::string data;
  size_t rows = 1'000'000;
  uint64_t seed = 20261207;
  int reps = 5;
};

// Uniform in [0, 1) for row i and stream s.
double Uniform(uint64_t seed, uint64_t i, uint64_t s) {
  return static_cast<double>(candor::bench::SplitMix64(seed + kStreams * i + s) >> 11) * 0x1.0p-53;
}

// A standard normal (Box-Muller) from streams s and s + 1.
double Normal(uint64_t seed, uint64_t i, uint64_t s) {
  const double u = 1 - Uniform(seed, i, s);  // in (0, 1]
  const double v = Uniform(seed, i, s + 1);
  return std::sqrt(-2 * std::log(u)) * std::cos(6.283185307179586 * v);
}

double Clamp(double x, double low, double high) { return x < low ? low : (x > high ? high : x); }

double Round(double x, double unit) { return std::round(x / unit) * unit; }

const char* const kSegments[] = {"trial", "starter", "growth", "business", "enterprise"};
constexpr double kSegmentShare[] = {0.15, 0.35, 0.25, 0.17, 0.08};
constexpr double kSegmentSize[] = {0.3, 1, 2, 4, 10};  // scales the usage counts

// One measure: its column's generator (from the account's size, a uniform
// and a normal), its missing rate, its JSON in the scorecard, and its
// bounds when every measure is made linear.
struct MeasureSpec {
  const char* name;
  const char* group;
  double missing;
  std::function<double(double size, double u, double z)> draw;
  std::string json;  // the keys after name and group
  double linear_zero_at;
  double linear_full_at;
  double latent = 0;  // the normal's correlation with the account's latent health
};

std::vector<MeasureSpec> Specs() {
  const auto tiers = [](const char* bands) {
    return std::string("\"transform\": \"tiers\", \"tiers\": [") + bands + "]";
  };
  return {
      // support
      {"open_tickets", "support", 0.05,
       [](double size, double u, double) {
         return std::floor(-std::log(1 - u) * 2 * std::sqrt(size));
       },
       R"("label": "Open tickets", "transform": "linear", "zero_at": 20, "full_at": 0)", 20, 0},
      {"resolve_days", "support", 0.08,
       [](double, double, double z) { return Round(std::exp(1 + 0.6 * z), 0.1); },
       R"("label": "Days to resolve", "transform": "linear", "zero_at": 10, "full_at": 1)", 10, 1,
       -0.5},
      {"escalations", "support", 0.05,
       [](double, double u, double) { return std::floor(-std::log(1 - u) * 0.8); },
       R"("label": "Escalations", )" + tiers(R"({"high": 1, "points": 100, "label": "none"},
                    {"low": 1, "high": 3, "points": 60, "label": "1 or 2"},
                    {"low": 3, "points": 0, "label": "3 or more"})"),
       5, 0},
      {"csat", "support", 0.08,
       [](double, double, double z) { return Round(Clamp(4 + 0.8 * z, 1, 5), 0.1); },
       R"("label": "CSAT", "transform": "linear", "zero_at": 1, "full_at": 5)", 1, 5, 0.5},
      {"p1_open", "support", 0.02, [](double, double u, double) { return u < 0.07 ? 1.0 : 0.0; },
       R"("label": "Open P1 ticket", "transform": "boolean", "true_points": 0, "false_points": 100)",
       1, 0},
      // usage
      {"logins_30d", "usage", 0.05,
       [](double size, double, double z) { return std::floor(std::exp(2.5 + 1.2 * z) * size); },
       R"("label": "Logins in 30 days", "weight": 2, "transform": "percentile")", 0, 100, 0.6},
      {"active_users", "usage", 0.05,
       [](double size, double, double z) { return std::round(5 * size * std::exp(0.7 * z)); },
       R"("label": "Active users", "weight": 1.5, "transform": "z_score", "z_span": 2)", 0, 50,
       0.6},
      {"seat_utilization", "usage", 0.05,
       [](double, double, double z) { return Round(Clamp(0.65 + 0.2 * z, 0, 1.2), 0.01); },
       R"("label": "Seat utilization", "transform": "linear", "zero_at": 0.2, "full_at": 0.9)", 0.2,
       0.9, 0.5},
      {"features_adopted", "usage", 0.05,
       [](double, double u, double) { return std::floor(20 * std::pow(u, 1.5)); },
       R"("label": "Features adopted", "transform": "linear", "zero_at": 0, "full_at": 12)", 0, 12},
      {"api_calls", "usage", 0.05,
       [](double size, double u, double z) {
         return u < 0.3 ? 0.0 : std::floor(std::exp(4 + 2 * z) * size);
       },
       R"("label": "API calls", "transform": "percentile")", 0, 1000, 0.4},
      {"usage_growth", "usage", 0.05,
       [](double, double u, double z) {
         return Round(0.02 + 0.15 * z * (0.5 - std::log(1 - u)), 0.001);
       },
       R"("label": "Usage growth", "weight": 0.5, "transform": "z_score", "z_span": 2.5)", -0.2,
       0.2, 0.3},
      // relationship
      {"nps", "relationship", 0.08,
       [](double, double, double z) { return Clamp(std::round(7.5 + 2.2 * z), 0, 10); },
       R"("label": "NPS rating", "weight": 2, "transform": "linear", "zero_at": 0, "full_at": 10)",
       0, 10, 0.6},
      {"has_champion", "relationship", 0.03,
       [](double, double u, double) { return u < 0.6 ? 1.0 : 0.0; },
       R"("label": "Champion", "transform": "boolean", "true_points": 100, "false_points": 20)", 0,
       1},
      {"exec_sponsor", "relationship", 0.03,
       [](double size, double u, double) { return u < 0.1 + 0.05 * size ? 1.0 : 0.0; },
       R"("label": "Executive sponsor", "weight": 0.5, "transform": "boolean")", 0, 1},
      {"meetings_90d", "relationship", 0.05,
       [](double, double u, double) { return std::floor(-std::log(1 - u) * 2.5); },
       R"("label": "Meetings in 90 days", )" + tiers(R"({"high": 1, "points": 0, "label": "none"},
                    {"low": 1, "high": 3, "points": 50, "label": "1 or 2"},
                    {"low": 3, "high": 6, "points": 80, "label": "3 to 5"},
                    {"low": 6, "points": 100, "label": "6 or more"})"),
       0, 6},
      {"survey_response_rate", "relationship", 0.06,
       [](double, double u, double) { return Round(u * u, 0.01); },
       R"("label": "Survey response rate", "weight": 0.5, "transform": "linear", "zero_at": 0, "full_at": 0.6)",
       0, 0.6},
      // financial
      {"days_overdue", "financial", 0.04,
       [](double, double u, double) {
         return u < 0.8 ? 0.0 : std::floor(-std::log((1 - u) / 0.2) * 30);
       },
       R"("label": "Days overdue", "weight": 2, )" +
           tiers(R"({"high": 1, "points": 100, "label": "paid"},
                    {"low": 1, "high": 30, "points": 70, "label": "under 30 days"},
                    {"low": 30, "high": 90, "points": 30, "label": "30 to 89 days"},
                    {"low": 90, "points": 0, "label": "90 days or more"})"),
       90, 0},
      {"months_to_renewal", "financial", 0.05,
       [](double, double u, double) { return std::floor(u * 37); },
       R"("label": "Months to renewal", )" +
           tiers(R"({"high": 3, "points": 30, "label": "under 3 months"},
                    {"low": 3, "high": 12, "points": 70, "label": "3 to 11 months"},
                    {"low": 12, "points": 100, "label": "a year or more"})"),
       0, 12},
      {"auto_renew", "financial", 0.02,
       [](double, double u, double) { return u < 0.55 ? 1.0 : 0.0; },
       R"("label": "Auto-renew", "transform": "boolean", "true_points": 100, "false_points": 30)",
       0, 1},
      {"discount_pct", "financial", 0.05,
       [](double, double, double z) { return std::max(0.0, std::round(10 + 10 * z)); },
       R"("label": "Discount %", "transform": "linear", "zero_at": 40, "full_at": 0)", 40, 0, -0.3},
  };
}

enum class Variant { kMixed, kLinear, kWorstOf };

std::string ScorecardJson(const std::vector<MeasureSpec>& specs, Variant variant) {
  std::string json = R"({
  "version": 1,
  "groups": [{"name": "support", "weight": 1}, {"name": "usage", "weight": 2},
             {"name": "relationship", "weight": 1}, {"name": "financial", "weight": 1}],
  "missing": "renormalize",
  "combine": ")";
  json += variant == Variant::kWorstOf ? "worst_of" : "weighted_mean";
  json += "\",\n  \"reasons\": 3,\n  \"measures\": [\n";
  for (size_t i = 0; i < specs.size(); ++i) {
    const MeasureSpec& s = specs[i];
    json += std::string("    {\"name\": \"") + s.name + "\", \"group\": \"" + s.group + "\", ";
    if (variant == Variant::kLinear) {
      char bounds[96];
      std::snprintf(bounds, sizeof(bounds),
                    "\"transform\": \"linear\", \"zero_at\": %.17g, \"full_at\": %.17g",
                    s.linear_zero_at, s.linear_full_at);
      json += bounds;
    } else {
      json += s.json;
    }
    json += i + 1 < specs.size() ? "},\n" : "}\n";
  }
  return json + "  ]\n}\n";
}

struct Table {
  std::vector<std::vector<double>> columns;
  std::vector<int32_t> segment;
};

Table Generate(const std::vector<MeasureSpec>& specs, size_t n, uint64_t seed) {
  Table t;
  t.columns.assign(specs.size(), std::vector<double>(n));
  t.segment.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const double u = Uniform(seed, i, kStreams - 1);
    int32_t s = 0;
    for (double cumulative = kSegmentShare[0]; s < 4 && u >= cumulative;) {
      cumulative += kSegmentShare[++s];
    }
    t.segment[i] = s;
    // A latent health that the normal-based measures share, so that
    // scores spread as real accounts' do.
    const double health = Normal(seed, i, kStreams - 3);
    for (size_t j = 0; j < specs.size(); ++j) {
      const uint64_t stream = 4 * j;  // missing, u, and the normal's two
      const double c = specs[j].latent;
      const double z = c * health + std::sqrt(1 - c * c) * Normal(seed, i, stream + 2);
      t.columns[j][i] = Uniform(seed, i, stream) < specs[j].missing
                            ? kNaN
                            : specs[j].draw(kSegmentSize[s], Uniform(seed, i, stream + 1), z);
    }
  }
  return t;
}

struct Timing {
  double wall = 0;
  double cpu = 0;
  std::vector<double> walls;
};

// The median wall and CPU seconds of `reps` calls.
Timing Time(int reps, const std::function<void()>& call) {
  std::vector<double> cpus;
  Timing t;
  for (int r = 0; r < reps; ++r) {
    const double cpu = CpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    call();
    t.walls.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    cpus.push_back(CpuSeconds() - cpu);
  }
  t.wall = Median(t.walls);
  t.cpu = Median(cpus);
  return t;
}

std::string TimingJson(const char* name, const Timing& t) {
  std::string walls;
  for (double w : t.walls) walls += (walls.empty() ? "" : ", ") + std::to_string(w);
  char buffer[160];
  std::snprintf(buffer, sizeof(buffer), "\"%s\": {\"wall\": %.6f, \"cpu\": %.6f, \"walls\": [",
                name, t.wall, t.cpu);
  return buffer + walls + "]}";
}

}  // namespace

int main(int argc, char** argv) {
  using candor::bench::Flag;
  Flags flags;
  candor::bench::TakeFlags(&argc, argv,
                           {Flag("data", &flags.data), Flag("rows", &flags.rows),
                            Flag("seed", &flags.seed), Flag("reps", &flags.reps)});
  if (flags.data.empty() || flags.reps < 1 || flags.rows == 0 || argc > 1) {
    std::fprintf(stderr, "usage: %s --data=DIR [--rows=N] [--seed=S] [--reps=N]\n", argv[0]);
    return 2;
  }
  const std::string& dir = flags.data;
  const std::vector<MeasureSpec> specs = Specs();
  const size_t n = flags.rows;
  const size_t m = specs.size();

  const auto generate_start = std::chrono::steady_clock::now();
  const Table data = Generate(specs, n, flags.seed);
  const double generate_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - generate_start).count();
  candor::HealthTable table;
  table.n = n;
  for (size_t j = 0; j < m; ++j) {
    table.names.push_back(specs[j].name);
    table.columns.push_back(data.columns[j].data());
    WriteAll(dir + "/" + specs[j].name + ".f64", data.columns[j]);
  }
  table.segment = data.segment.data();
  table.segment_names.assign(std::begin(kSegments), std::end(kSegments));
  WriteAll(dir + "/segment.i32", data.segment);
  {
    std::ofstream names(dir + "/segments.txt");
    for (const char* s : kSegments) names << s << "\n";
  }

  candor::Scorecard cards[3];
  const char* const files[] = {"scorecard.json", "scorecard_linear.json",
                               "scorecard_worst_of.json"};
  for (int v = 0; v < 3; ++v) {
    const std::string json = ScorecardJson(specs, static_cast<Variant>(v));
    std::ofstream(dir + "/" + files[v]) << json;
    cards[v] = Check(candor::ParseScorecardJson(json));
  }

  // The answers for the peer's check, from the first call, timed apart: it
  // also pays for the first touch of the output's memory (on a VM that has
  // handed free pages back to its host, the dearest part), which the
  // repetitions then reuse.
  candor::HealthScores scores;
  const Timing first = Time(1, [&] { scores = Check(candor::ScoreHealth(cards[0], table)); });
  {
    std::vector<int32_t> top(n, -1);
    for (size_t i = 0; i < n; ++i) {
      if (scores.reason_count[i] > 0) top[i] = scores.reason_measure[i * scores.max_reasons];
    }
    WriteAll(dir + "/candor_score.f64", scores.score);
    WriteAll(dir + "/candor_coverage.f64", scores.coverage);
    WriteAll(dir + "/candor_grade.i32", scores.grade);
    WriteAll(dir + "/candor_top_reason.i32", top);
  }
  double score_sum = 0, coverage_sum = 0;
  size_t scored = 0, reasons = 0;
  std::vector<size_t> by_grade(cards[0].grades.size() + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    if (!std::isnan(scores.score[i])) {
      score_sum += scores.score[i];
      ++scored;
    }
    coverage_sum += scores.coverage[i];
    reasons += static_cast<size_t>(scores.reason_count[i]);
    ++by_grade[scores.grade[i] < 0 ? cards[0].grades.size() : static_cast<size_t>(scores.grade[i])];
  }

  const Timing mixed =
      Time(flags.reps, [&] { scores = Check(candor::ScoreHealth(cards[0], table)); });
  candor::HealthScores other;
  const Timing linear =
      Time(flags.reps, [&] { other = Check(candor::ScoreHealth(cards[1], table)); });
  const Timing worst_of =
      Time(flags.reps, [&] { other = Check(candor::ScoreHealth(cards[2], table)); });
  size_t text_bytes = 0;
  const Timing text = Time(flags.reps, [&] {
    text_bytes = 0;
    for (size_t i = 0; i < n; ++i) {
      for (int32_t k = 0; k < scores.reason_count[i]; ++k) {
        text_bytes +=
            Check(candor::HealthReasonText(cards[0], scores, i, static_cast<size_t>(k))).size();
      }
    }
  });

  std::string grades;
  for (size_t g = 0; g < by_grade.size(); ++g) {
    grades += (g == 0 ? "" : ", ") + std::to_string(by_grade[g]);
  }
  std::printf("{\"rows\": %zu, \"measures\": %zu, \"seed\": %" PRIu64
              ", \"reps\": %d, \"generate_seconds\": %.3f, \"scored\": %zu, \"mean_score\": %.6f, "
              "\"mean_coverage\": %.6f, \"reasons\": %zu, \"reason_text_bytes\": %zu, "
              "\"accounts_by_grade\": [%s],\n %s,\n %s,\n %s,\n %s,\n %s}\n",
              n, m, flags.seed, flags.reps, generate_seconds, scored,
              score_sum / static_cast<double>(scored), coverage_sum / static_cast<double>(n),
              reasons, text_bytes, grades.c_str(), TimingJson("first_call", first).c_str(),
              TimingJson("mixed", mixed).c_str(), TimingJson("all_linear", linear).c_str(),
              TimingJson("worst_of", worst_of).c_str(), TimingJson("reason_text", text).c_str());
  return 0;
}
