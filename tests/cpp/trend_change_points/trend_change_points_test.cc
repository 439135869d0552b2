// Change points: exactness against brute-force optimal partitioning
// (tests/crosscheck/change_points_reference.py), the grid approximation
// against the exact search, seeded simulations of detection and false alarm
// rates, levels and changes, and bad input.
#include <gtest/gtest.h>

#include <candor/trend_change_points.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/nps_responses.hpp"

namespace candor {
namespace {

std::string DataPath(const std::string& name) {
  return std::string(CANDOR_TEST_DATA) + "/change_points/" + name;
}

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, sep)) fields.push_back(field);
  return fields;
}

std::vector<std::map<std::string, std::string>> ReadCsv(const std::string& name) {
  std::ifstream in(DataPath(name));
  EXPECT_TRUE(in.good()) << name;
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = Split(line, ',');
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> fields = Split(line, ',');
    if (!line.empty() && line.back() == ',') fields.push_back("");
    EXPECT_EQ(fields.size(), header.size()) << line;
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(row);
  }
  return rows;
}

Metric MetricNamed(const std::string& name, int lo, int hi) {
  if (name == "nps") return Metric::Nps();
  if (name == "top_box") return Metric::TopBox(lo, hi, 2);
  if (name == "bottom_box") return Metric::BottomBox(lo, hi, 2);
  return Metric::Mean(lo, hi);
}

ChangePenalty PenaltyNamed(const std::string& name) {
  if (name == "aic") return ChangePenalty::kAic;
  if (name == "manual") return ChangePenalty::kManual;
  return ChangePenalty::kBic;
}

// The penalized multinomial search (the default is the calibrated scan,
// tested in calibrated_test.cc).
ChangePointOptions Bic() {
  ChangePointOptions options;
  options.penalty = ChangePenalty::kBic;
  return options;
}

TEST(ChangePoints, EqualsBruteForceOptimalPartitioning) {
  const auto cases = ReadCsv("expected.csv");
  ASSERT_GE(cases.size(), 8u);
  int unique = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.at("case"));
    std::vector<double> scores;
    std::vector<int64_t> times;
    for (const auto& row : ReadCsv("series_" + c.at("case") + ".csv")) {
      scores.push_back(std::stod(row.at("score")));
      if (row.count("time")) times.push_back(std::stoll(row.at("time")));
    }
    ASSERT_EQ(scores.size(), std::stoul(c.at("n")));
    ChangePointOptions options;
    options.metric =
        MetricNamed(c.at("metric"), std::stoi(c.at("scale_min")), std::stoi(c.at("scale_max")));
    options.penalty = PenaltyNamed(c.at("penalty"));
    options.penalty_value = std::stod(c.at("penalty_value"));
    options.min_size = std::stoll(c.at("min_size"));
    for (int64_t grid : {int64_t{0}, int64_t{4096}}) {  // both exact for these n
      options.max_grid_points = grid;
      auto result = DetectChangePoints(scores.data(), times.empty() ? nullptr : times.data(),
                                       nullptr, scores.size(), options);
      ASSERT_TRUE(result.ok()) << result.status().message();
      EXPECT_EQ(result->block_size, 1);
      EXPECT_NEAR(result->penalty, std::stod(c.at("beta")), 1e-12);
      const double total = std::stod(c.at("total_cost"));
      EXPECT_NEAR(result->total_cost, total, 1e-9 * total);
      std::vector<int64_t> got;
      for (const ChangePoint& p : result->changes) got.push_back(p.index);
      std::vector<int64_t> want;
      for (const std::string& s : Split(c.at("changes"), ' ')) want.push_back(std::stoll(s));
      if (c.at("unique") == "1") EXPECT_EQ(got, want);
    }
    unique += c.at("unique") == "1";
  }
  EXPECT_EQ(unique, static_cast<int>(cases.size()));  // else the fixtures test costs only
}

using testing::AppendNps;

TEST(ChangePoints, GridSearchMatchesExactOnClearChanges) {
  std::mt19937_64 rng(7);
  for (int rep = 0; rep < 3; ++rep) {
    std::vector<double> scores;
    AppendNps(rng, 7023, 0.5, 0.2, &scores);  // changes inside blocks of 50
    AppendNps(rng, 4988, 0.35, 0.3, &scores);
    AppendNps(rng, 7989, 0.55, 0.15, &scores);
    ChangePointOptions exact = Bic();
    exact.max_grid_points = 0;
    ChangePointOptions grid = Bic();
    grid.max_grid_points = 400;  // blocks of 50
    auto a = DetectChangePoints(scores.data(), nullptr, nullptr, scores.size(), exact);
    auto b = DetectChangePoints(scores.data(), nullptr, nullptr, scores.size(), grid);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(b->block_size, 50);
    // The exact search is optimal: the grid can only do as well or worse.
    EXPECT_GE(b->total_cost, a->total_cost - 1e-6);
    ASSERT_EQ(a->changes.size(), b->changes.size());
    for (size_t j = 0; j < a->changes.size(); ++j) {
      std::printf("rep %d change %zu: exact %lld, grid %lld\n", rep, j,
                  static_cast<long long>(a->changes[j].index),
                  static_cast<long long>(b->changes[j].index));
      EXPECT_EQ(a->changes[j].index, b->changes[j].index) << "rep " << rep << " change " << j;
    }
    EXPECT_NEAR(b->total_cost, a->total_cost, 1e-9 * a->total_cost);
  }
}

// A strong change inside a long block: on the grid it shows up as two changes
// around that block (isolating the mixed block pays more than the penalty);
// the refinement must leave one change, where the exact search puts it.
TEST(ChangePoints, GridDoesNotSplitAStrongChangeInTwo) {
  std::mt19937_64 rng(3);
  for (int rep = 0; rep < 3; ++rep) {
    std::vector<double> scores;
    AppendNps(rng, 10200, 0.6, 0.1, &scores);  // +50
    AppendNps(rng, 9800, 0.2, 0.5, &scores);   // -30
    ChangePointOptions exact = Bic();
    exact.max_grid_points = 0;
    ChangePointOptions grid = Bic();
    grid.max_grid_points = 50;  // blocks of 400: the change is mid-block
    auto a = DetectChangePoints(scores.data(), nullptr, nullptr, scores.size(), exact);
    auto b = DetectChangePoints(scores.data(), nullptr, nullptr, scores.size(), grid);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(b->block_size, 400);
    ASSERT_EQ(a->changes.size(), 1u);
    ASSERT_EQ(b->changes.size(), 1u);
    EXPECT_EQ(a->changes[0].index, b->changes[0].index);
    EXPECT_NEAR(b->total_cost, a->total_cost, 1e-9 * a->total_cost);
  }
}

// Simulated NPS series of n = 10000 with a change from +30 (50% promoters, 20%
// detractors) to +10 (40%, 30%) at 60% of the series, and series without a
// change (+30 throughout), 120 seeded replicates each, BIC, min_size 30, grid
// of blocks of 3 then refinement. The two halves are separate tests so that
// they run side by side (together they were the slowest test under ASan).
// The location error of even the exact maximum-likelihood change is a random
// walk's argmax with drift 0.03 nats per response (the KL divergence of the
// two mixes) and SD about 0.25, a scale of sigma^2 / mu^2 ~ 70 responses;
// +-2% of n = 10000 is +-200, about three such scales.
constexpr int kSimulatedSeries = 120;
constexpr size_t kSimulatedN = 10000;

TEST(ChangePoints, SimulatedDetectionRate) {
  constexpr size_t kAt = 6000;
  std::mt19937_64 rng(20261127);
  int detected = 0, one_change = 0;
  for (int r = 0; r < kSimulatedSeries; ++r) {
    std::vector<double> scores;
    AppendNps(rng, kAt, 0.5, 0.2, &scores);
    AppendNps(rng, kSimulatedN - kAt, 0.4, 0.3, &scores);
    auto result = DetectChangePoints(scores.data(), nullptr, nullptr, kSimulatedN, Bic());
    ASSERT_TRUE(result.ok());
    const double tolerance = 0.02 * kSimulatedN;
    one_change += result->changes.size() == 1;
    if (result->changes.size() == 1 &&
        std::abs(static_cast<double>(result->changes[0].index) - kAt) <= tolerance) {
      ++detected;
    }
  }
  const double detection = static_cast<double>(detected) / kSimulatedSeries;
  std::printf(
      "change points, %d series of n = %zu: exactly one change in %.3f, within "
      "+-2%% of the truth in %.3f\n",
      kSimulatedSeries, kSimulatedN, static_cast<double>(one_change) / kSimulatedSeries, detection);
  RecordProperty("detection_rate", std::to_string(detection));
  EXPECT_GE(detection, 0.90);
}

TEST(ChangePoints, SimulatedFalseAlarmRate) {
  std::mt19937_64 rng(20261128);
  int quiet = 0;
  for (int r = 0; r < kSimulatedSeries; ++r) {
    std::vector<double> flat;
    AppendNps(rng, kSimulatedN, 0.5, 0.2, &flat);
    auto none = DetectChangePoints(flat.data(), nullptr, nullptr, kSimulatedN, Bic());
    ASSERT_TRUE(none.ok());
    quiet += none->changes.empty();
  }
  const double no_false_alarm = static_cast<double>(quiet) / kSimulatedSeries;
  std::printf("change points, %d series of n = %zu without a change: none found in %.3f\n",
              kSimulatedSeries, kSimulatedN, no_false_alarm);
  RecordProperty("no_false_alarm_rate", std::to_string(no_false_alarm));
  EXPECT_GE(no_false_alarm, 0.95);
}

TEST(ChangePoints, LevelsAndChangesAreThoseOfTheSegments) {
  std::mt19937_64 rng(11);
  std::vector<double> scores;
  AppendNps(rng, 600, 0.6, 0.1, &scores);
  AppendNps(rng, 500, 0.2, 0.5, &scores);
  std::vector<int64_t> times(scores.size());
  for (size_t i = 0; i < times.size(); ++i) times[i] = 1'700'000'000 + 60 * int64_t(i / 3);
  ChangePointOptions options = Bic();
  auto result = DetectChangePoints(scores.data(), times.data(), nullptr, scores.size(), options);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->changes.size(), 1u);
  ASSERT_EQ(result->segments.size(), 2u);
  EXPECT_TRUE(result->has_times);
  const ChangePoint& change = result->changes[0];
  EXPECT_EQ(change.index % 3, 0);  // only between distinct times
  EXPECT_EQ(change.time, times[change.index]);
  EXPECT_EQ(result->segments[0].end, change.index);
  EXPECT_EQ(result->segments[1].time_begin, times[change.index]);
  EXPECT_EQ(result->segments[1].time_end, times.back());
  const auto before =
      EstimateScores(options.metric, scores.data(), nullptr, change.index, options.interval);
  const auto after = EstimateScores(options.metric, scores.data() + change.index, nullptr,
                                    scores.size() - change.index, options.interval);
  EXPECT_DOUBLE_EQ(result->segments[0].level.value, before->value);
  EXPECT_DOUBLE_EQ(result->segments[1].level.ci_low, after->ci_low);
  EXPECT_EQ(result->segments[1].level.n, static_cast<int64_t>(scores.size()) - change.index);
  EXPECT_DOUBLE_EQ(change.change.difference, after->value - before->value);
  EXPECT_LT(change.change.difference, -30);
  EXPECT_LT(change.change.p_value, 1e-6);
  EXPECT_NEAR(result->penalty, 3 * std::log(1100.0), 1e-12);
}

TEST(ChangePoints, EqualTimesAreNeverSplit) {
  // A change exactly at 100, but responses 90..129 share one time: changes
  // must land on boundaries of that run (90 or 130), never inside it.
  std::vector<double> scores(100, 10.0);
  scores.insert(scores.end(), 100, 0.0);
  std::vector<int64_t> times(200);
  for (int i = 0; i < 200; ++i) times[i] = (i >= 90 && i < 130) ? 90 : i;
  ChangePointOptions options = Bic();
  options.min_size = 10;
  auto result = DetectChangePoints(scores.data(), times.data(), nullptr, 200, options);
  ASSERT_TRUE(result.ok());
  ASSERT_GE(result->changes.size(), 1u);
  for (const ChangePoint& change : result->changes) {
    EXPECT_TRUE(change.index == 90 || change.index == 130) << change.index;
  }
  auto untimed = DetectChangePoints(scores.data(), nullptr, nullptr, 200, options);
  ASSERT_EQ(untimed->changes.size(), 1u);
  EXPECT_EQ(untimed->changes[0].index, 100);
}

TEST(ChangePoints, BadInput) {
  std::vector<double> scores(100, 9.0);
  std::vector<int64_t> times(100);
  for (int i = 0; i < 100; ++i) times[i] = i;
  ChangePointOptions options = Bic();
  EXPECT_TRUE(DetectChangePoints(scores.data(), times.data(), nullptr, 100, options).ok());

  times[57] = 3;  // unsorted
  auto r = DetectChangePoints(scores.data(), times.data(), nullptr, 100, options);
  EXPECT_EQ(r.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(r.status().message().find("times[57]"), std::string::npos) << r.status().message();
  times[57] = 57;

  EXPECT_EQ(DetectChangePoints(scores.data(), nullptr, nullptr, 0, options).status().code(),
            CANDOR_EMPTY);
  EXPECT_EQ(DetectChangePoints(nullptr, nullptr, nullptr, 10, options).status().code(),
            CANDOR_INVALID_ARGUMENT);
  r = DetectChangePoints(scores.data(), nullptr, nullptr, 59, options);  // < 2 * 30
  EXPECT_EQ(r.status().code(), CANDOR_EMPTY);
  EXPECT_NE(r.status().message().find("too short"), std::string::npos);
  EXPECT_TRUE(DetectChangePoints(scores.data(), nullptr, nullptr, 60, options).ok());
  ChangePointOptions huge = options;
  huge.min_size = std::numeric_limits<int64_t>::max();
  EXPECT_EQ(DetectChangePoints(scores.data(), nullptr, nullptr, 100, huge).status().code(),
            CANDOR_EMPTY);

  scores[42] = std::numeric_limits<double>::quiet_NaN();
  r = DetectChangePoints(scores.data(), nullptr, nullptr, 100, options);
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("index 42"), std::string::npos);
  scores[42] = 11;
  EXPECT_EQ(DetectChangePoints(scores.data(), nullptr, nullptr, 100, options).status().code(),
            CANDOR_OUT_OF_RANGE);
  scores[42] = 9;

  const std::vector<double> weights(100, 1.0);
  EXPECT_EQ(
      DetectChangePoints(scores.data(), nullptr, weights.data(), 100, options).status().code(),
      CANDOR_UNSUPPORTED);

  ChangePointOptions bad = options;
  bad.penalty = ChangePenalty::kManual;
  bad.penalty_value = -1;
  EXPECT_EQ(DetectChangePoints(scores.data(), nullptr, nullptr, 100, bad).status().code(),
            CANDOR_INVALID_ARGUMENT);
  bad.penalty_value = std::numeric_limits<double>::infinity();
  EXPECT_EQ(DetectChangePoints(scores.data(), nullptr, nullptr, 100, bad).status().code(),
            CANDOR_INVALID_ARGUMENT);
  bad = options;
  bad.min_size = 0;
  EXPECT_EQ(DetectChangePoints(scores.data(), nullptr, nullptr, 100, bad).status().code(),
            CANDOR_INVALID_ARGUMENT);
  bad = options;
  bad.max_grid_points = -1;
  EXPECT_EQ(DetectChangePoints(scores.data(), nullptr, nullptr, 100, bad).status().code(),
            CANDOR_INVALID_ARGUMENT);
  bad = options;
  bad.interval.level = 1.5;
  EXPECT_EQ(DetectChangePoints(scores.data(), nullptr, nullptr, 100, bad).status().code(),
            CANDOR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace candor
