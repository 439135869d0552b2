// Compare: Rocks' two-sample vectors, signs, and consistency with estimates.
#include <gtest/gtest.h>

#include "score_test_util.hpp"

#include <candor/score.hpp>
#include <cmath>
#include <vector>

namespace candor {
namespace {

using testing::NpsScores;

Comparison MustCompare(const std::vector<double>& a, const std::vector<double>& b,
                       const IntervalOptions& options, const std::vector<double>* wa = nullptr,
                       const std::vector<double>* wb = nullptr) {
  Result<Comparison> r = Compare(Metric::Nps(), a.data(), wa ? wa->data() : nullptr, a.size(),
                                 b.data(), wb ? wb->data() : nullptr, b.size(), options);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : Comparison();
}

// docs/REFERENCES.md section 1: (10,20,30) vs (20,20,20), verified in R with Rocks'
// nps_test: Wald delta 0.33333, SE 0.14272, p 0.019517; adjusted Wald delta
// 0.31746, SE 0.13897, p 0.022348.
TEST(Compare, RocksTwoSampleVectors) {
  const std::vector<double> a = NpsScores(10, 20, 30), b = NpsScores(20, 20, 20);
  Comparison c = MustCompare(a, b, IntervalOptions());
  EXPECT_NEAR(c.difference, 33.333, 1e-3);
  EXPECT_NEAR(c.std_error, 14.272, 1e-3);
  EXPECT_NEAR(c.p_value, 0.019517, 1e-6);
  EXPECT_NEAR(c.ci_low, c.difference - 1.959963984540054 * c.std_error, 1e-9);
  IntervalOptions adjusted;
  adjusted.method = IntervalMethod::kAdjustedWald;
  c = MustCompare(a, b, adjusted);
  EXPECT_NEAR(c.difference, 31.746, 1e-3);
  EXPECT_NEAR(c.std_error, 13.897, 1e-3);
  EXPECT_NEAR(c.p_value, 0.022348, 1e-6);
  EXPECT_NEAR(c.difference, c.a.value - c.b.value, 1e-12);
}

TEST(Compare, KeepsTheSign) {
  const std::vector<double> a = NpsScores(10, 20, 30), b = NpsScores(20, 20, 20);
  const Comparison ab = MustCompare(a, b, IntervalOptions());
  const Comparison ba = MustCompare(b, a, IntervalOptions());
  EXPECT_NEAR(ba.difference, -ab.difference, 1e-12);
  EXPECT_NEAR(ba.p_value, ab.p_value, 1e-15);
  EXPECT_NEAR(ba.ci_high, -ab.ci_low, 1e-9);
}

TEST(Compare, ZeroVarianceGroups) {
  // All promoters vs all detractors: SE 0, the difference is certain.
  const Comparison c = MustCompare(NpsScores(0, 0, 5), NpsScores(4, 0, 0), IntervalOptions());
  EXPECT_EQ(c.std_error, 0.0);
  EXPECT_EQ(c.difference, 200.0);
  EXPECT_EQ(c.p_value, 0.0);
  const Comparison same = MustCompare(NpsScores(0, 0, 5), NpsScores(0, 0, 3), IntervalOptions());
  EXPECT_EQ(same.p_value, 1.0);
}

TEST(Compare, BayesUsesPosteriorMoments) {
  IntervalOptions options;
  options.method = IntervalMethod::kBayes;
  const Comparison c = MustCompare(NpsScores(10, 20, 30), NpsScores(20, 20, 20), options);
  // Dirichlet(11,21,31) and (21,21,21): posterior means 20/63 and 0.
  const double sd_a = c.a.std_error, sd_b = c.b.std_error;
  EXPECT_NEAR(c.std_error, std::sqrt(sd_a * sd_a + sd_b * sd_b), 1e-12);
  EXPECT_NEAR(c.difference, 100.0 / 3, 1e-12);
  const double centre = 100.0 * 20 / 63;
  EXPECT_NEAR(c.ci_low, centre - 1.959963984540054 * c.std_error, 1e-9);
  EXPECT_NEAR(c.p_value, std::erfc(centre / c.std_error / std::sqrt(2.0)), 1e-12);
}

TEST(Compare, BootstrapDifferenceAndPValue) {
  IntervalOptions options;
  options.method = IntervalMethod::kBootstrap;
  options.replicates = 4000;
  const std::vector<double> a = NpsScores(100, 200, 300), b = NpsScores(200, 200, 200);
  const Comparison c = MustCompare(a, b, options);
  const Comparison wald = MustCompare(a, b, IntervalOptions());
  EXPECT_NEAR(c.difference, wald.difference, 1e-12);
  // 600 per group: the bootstrap SE is within 10% of the Wald SE.
  EXPECT_NEAR(c.std_error, wald.std_error, 0.1 * wald.std_error);
  EXPECT_LT(c.p_value, 0.01);  // z is about 7
  // The a side equals a single estimate with the same options.
  Result<Estimate> alone = EstimateScores(Metric::Nps(), a.data(), nullptr, a.size(), options);
  ASSERT_TRUE(alone.ok());
  EXPECT_EQ(alone->ci_low, c.a.ci_low);
  EXPECT_EQ(alone->ci_high, c.a.ci_high);
  // Same data in both groups: no evidence of a difference.
  const Comparison same = MustCompare(a, a, options);
  EXPECT_GT(same.p_value, 0.05);
}

TEST(Compare, ErrorsNameTheGroup) {
  const std::vector<double> good = {9, 10}, bad = {9, 12};
  Result<Comparison> r =
      Compare(Metric::Nps(), good.data(), nullptr, 2, bad.data(), nullptr, 2, IntervalOptions());
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("group b"), std::string::npos);
  r = Compare(Metric::Nps(), good.data(), nullptr, 0, good.data(), nullptr, 2, IntervalOptions());
  EXPECT_EQ(r.status().code(), CANDOR_EMPTY);
}

}  // namespace
}  // namespace candor
