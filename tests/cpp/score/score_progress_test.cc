// Progress and cancelling of the score bootstrap (IntervalOptions::progress,
// EstimateScores and Compare): replicates are told, done never decreases and
// ends at total, false at the k-th call stops with CANDOR_CANCELLED naming
// the call, and a callback that always goes on changes nothing.
#include <gtest/gtest.h>

#include <candor/score.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "support/progress_calls.hpp"

namespace candor {
namespace {

using testing::Calls;
using testing::ExpectCompleteReports;
using testing::ExpectStopsWhereTold;
using testing::Listen;

struct Responses {
  explicit Responses(size_t n, uint64_t seed) : scores(n), weights(n) {
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<int> score(0, 10);
    std::uniform_real_distribution<double> weight(0.5, 2.0);
    for (size_t i = 0; i < n; ++i) {
      scores[i] = score(random);
      weights[i] = weight(random);
    }
  }
  std::vector<double> scores, weights;
};

IntervalOptions Bootstrap() {
  IntervalOptions options;
  options.method = IntervalMethod::kBootstrap;
  options.replicates = 200;
  options.threads = 2;
  return options;
}

void ExpectSameEstimate(const Estimate& a, const Estimate& b) {
  EXPECT_EQ(a.value, b.value);
  EXPECT_EQ(a.std_error, b.std_error);
  EXPECT_EQ(a.ci_low, b.ci_low);
  EXPECT_EQ(a.ci_high, b.ci_high);
}

TEST(ScoreBootstrapProgress, WeightedEstimateCountsReplicatesAndStops) {
  const Responses r(100000, 1);
  const Metric metric = Metric::Nps();
  IntervalOptions options = Bootstrap();
  const Result<Estimate> plain =
      EstimateScores(metric, r.scores.data(), r.weights.data(), r.scores.size(), options);
  ASSERT_TRUE(plain.ok()) << plain.status().message();

  Calls calls;
  options.progress = {Listen, &calls};
  const Result<Estimate> told =
      EstimateScores(metric, r.scores.data(), r.weights.data(), r.scores.size(), options);
  ASSERT_TRUE(told.ok()) << told.status().message();
  ExpectSameEstimate(*told, *plain);
  ExpectCompleteReports(calls, 200);

  ExpectStopsWhereTold(&options, "score bootstrap", [&] {
    return EstimateScores(metric, r.scores.data(), r.weights.data(), r.scores.size(), options);
  });
}

// One thread, 300,000 responses: the first call comes 65,536 responses into
// the first replicate, and a stop there ends it.
TEST(ScoreBootstrapProgress, ChecksInsideAReplicate) {
  const Responses r(300000, 2);
  IntervalOptions options = Bootstrap();
  options.threads = 1;
  Calls stop;
  stop.stop_at = 1;
  options.progress = {Listen, &stop};
  const Result<Estimate> stopped = EstimateScores(Metric::Nps(), r.scores.data(),
                                                  r.weights.data(), r.scores.size(), options);
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.status().message(),
            "score bootstrap: cancelled by the progress callback after 0 of 200 steps");
}

TEST(ScoreBootstrapProgress, UnweightedEstimateIsToldAtTheEnd) {
  const Responses r(1000, 3);
  IntervalOptions options = Bootstrap();
  const Result<Estimate> plain =
      EstimateScores(Metric::Nps(), r.scores.data(), nullptr, r.scores.size(), options);
  ASSERT_TRUE(plain.ok());
  Calls calls;
  options.progress = {Listen, &calls};
  const Result<Estimate> told =
      EstimateScores(Metric::Nps(), r.scores.data(), nullptr, r.scores.size(), options);
  ASSERT_TRUE(told.ok());
  ExpectSameEstimate(*told, *plain);
  ExpectCompleteReports(calls, 200);
  // Other methods never call back.
  Calls none;
  options.method = IntervalMethod::kWald;
  options.progress = {Listen, &none};
  ASSERT_TRUE(EstimateScores(Metric::Nps(), r.scores.data(), nullptr, r.scores.size(), options)
                  .ok());
  EXPECT_TRUE(none.seen.empty());
}

TEST(ScoreBootstrapProgress, CompareCountsBothGroupsAndStops) {
  const Responses a(60000, 4), b(40000, 5);
  const Metric metric = Metric::Nps();
  IntervalOptions options = Bootstrap();
  const Result<Comparison> plain =
      Compare(metric, a.scores.data(), a.weights.data(), a.scores.size(), b.scores.data(),
              b.weights.data(), b.scores.size(), options);
  ASSERT_TRUE(plain.ok()) << plain.status().message();

  Calls calls;
  options.progress = {Listen, &calls};
  const Result<Comparison> told =
      Compare(metric, a.scores.data(), a.weights.data(), a.scores.size(), b.scores.data(),
              b.weights.data(), b.scores.size(), options);
  ASSERT_TRUE(told.ok()) << told.status().message();
  EXPECT_EQ(told->difference, plain->difference);
  EXPECT_EQ(told->std_error, plain->std_error);
  EXPECT_EQ(told->ci_low, plain->ci_low);
  EXPECT_EQ(told->ci_high, plain->ci_high);
  EXPECT_EQ(told->p_value, plain->p_value);
  ExpectCompleteReports(calls, 400);

  ExpectStopsWhereTold(&options, "comparison bootstrap", [&] {
    return Compare(metric, a.scores.data(), a.weights.data(), a.scores.size(), b.scores.data(),
                   b.weights.data(), b.scores.size(), options);
  });
}

}  // namespace
}  // namespace candor
