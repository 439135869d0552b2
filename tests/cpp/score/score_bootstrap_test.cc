// The seeded Poisson bootstrap: determinism across threads, seeds, and
// agreement with Wald where the normal approximation holds.
#include <gtest/gtest.h>

#include "score_test_util.hpp"

#include <candor/score.hpp>
#include <cmath>
#include <vector>

#include "common/random.hpp"

namespace candor {
namespace {

using testing::NpsScores;

IntervalOptions Bootstrap(int threads, uint64_t seed) {
  IntervalOptions options;
  options.method = IntervalMethod::kBootstrap;
  options.threads = threads;
  options.seed = seed;
  return options;
}

Estimate MustEstimate(const std::vector<double>& scores, const IntervalOptions& options,
                      const std::vector<double>* weights = nullptr) {
  Result<Estimate> r = EstimateScores(Metric::Nps(), scores.data(),
                                      weights ? weights->data() : nullptr, scores.size(), options);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : Estimate();
}

TEST(Bootstrap, SameSeedSameIntervalOnAnyThreadCount) {
  const std::vector<double> scores = NpsScores(30, 50, 70);
  const Estimate one = MustEstimate(scores, Bootstrap(1, 7));
  const Estimate two = MustEstimate(scores, Bootstrap(2, 7));
  const Estimate three = MustEstimate(scores, Bootstrap(3, 7));
  EXPECT_EQ(one.ci_low, two.ci_low);
  EXPECT_EQ(one.ci_high, two.ci_high);
  EXPECT_EQ(one.std_error, two.std_error);
  EXPECT_EQ(one.ci_low, three.ci_low);
  const Estimate other = MustEstimate(scores, Bootstrap(1, 8));
  EXPECT_TRUE(other.ci_low != one.ci_low || other.ci_high != one.ci_high);
  EXPECT_NEAR(one.value, 100.0 * 40 / 150, 1e-12);
}

TEST(Bootstrap, WeightedSameSeedSameIntervalOnAnyThreadCount) {
  internal::RandomStream random(5);
  std::vector<double> scores(500), weights(500);
  for (size_t i = 0; i < scores.size(); ++i) {
    scores[i] = static_cast<double>(random.Next() % 11);
    weights[i] = 0.5 + random.Uniform();
  }
  const Estimate one = MustEstimate(scores, Bootstrap(1, 3), &weights);
  const Estimate two = MustEstimate(scores, Bootstrap(2, 3), &weights);
  EXPECT_EQ(one.ci_low, two.ci_low);
  EXPECT_EQ(one.ci_high, two.ci_high);
  // Close to the linearization SE at n = 500 (within 15%).
  const Estimate wald = MustEstimate(scores, IntervalOptions(), &weights);
  EXPECT_NEAR(one.std_error, wald.std_error, 0.15 * wald.std_error);
}

TEST(Bootstrap, CloseToWaldForLargeN) {
  // n = 10000: percentile interval within 5% of the Wald width at each end.
  const std::vector<double> scores = NpsScores(2000, 3000, 5000);
  const Estimate wald = MustEstimate(scores, IntervalOptions());
  const Estimate boot = MustEstimate(scores, Bootstrap(0, 42));
  const double width = wald.ci_high - wald.ci_low;
  EXPECT_NEAR(boot.ci_low, wald.ci_low, 0.05 * width);
  EXPECT_NEAR(boot.ci_high, wald.ci_high, 0.05 * width);
  EXPECT_NEAR(boot.std_error, wald.std_error, 0.05 * wald.std_error);
}

TEST(Bootstrap, AccumulatorWeightedIsUnsupported) {
  Result<ScoreAccumulator> acc = ScoreAccumulator::Create(0, 10);
  ASSERT_TRUE(acc.ok());
  const std::vector<double> scores = {9, 3, 7}, weights = {1, 2, 3};
  ASSERT_TRUE(acc->Add(scores.data(), weights.data(), 3).ok());
  EXPECT_EQ(EstimateAccumulated(Metric::Nps(), *acc, Bootstrap(1, 1)).status().code(),
            CANDOR_UNSUPPORTED);
}

}  // namespace
}  // namespace candor
