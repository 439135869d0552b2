// EstimateCalibration against R (glm and the quantile grouping of
// ResourceSelection::hoslem.test written out in base R) on 30 rows with ties,
// and its edge cases. tests/python/test_validate.py repeats the check live.
#include <gtest/gtest.h>

#include <candor/validate.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace candor {
namespace {

const std::vector<double> kP = {0.05, 0.1, 0.1,  0.15, 0.2,  0.2,  0.2, 0.25, 0.3,  0.35,
                                0.4,  0.4, 0.45, 0.5,  0.55, 0.6,  0.6, 0.6,  0.6,  0.7,
                                0.75, 0.8, 0.8,  0.85, 0.9,  0.95, 0.3, 0.2,  0.65, 0.1};
const std::vector<uint8_t> kY = {0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1,
                                 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1, 0};

Calibration Calibrate(size_t groups) {
  CalibrationOptions options;
  options.groups = groups;
  auto c = EstimateCalibration(kP.data(), kY.data(), kP.size(), options);
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? *c : Calibration();
}

// Rscript: glm(y ~ 1, offset = qlogis(p), family = binomial) and
// glm(y ~ qlogis(p), family = binomial), epsilon 1e-15: estimate and SE;
// mean((p - y)^2).
TEST(EstimateCalibration, MatchesRGlm) {
  const Calibration c = Calibrate(4);
  EXPECT_NEAR(c.brier, 0.17949999999999999, 1e-15);
  EXPECT_NEAR(c.intercept, 0.44840227223859919, 1e-10);
  EXPECT_NEAR(c.intercept_std_error, 0.43216808450139321, 1e-9);
  EXPECT_TRUE(c.slope_fitted);
  EXPECT_NEAR(c.slope, 1.0564162072077641, 1e-10);
  EXPECT_NEAR(c.slope_std_error, 0.40944781541313258, 1e-9);
  const double z = 1.959963984540054;
  EXPECT_NEAR(c.slope_ci_low, c.slope - z * c.slope_std_error, 1e-14);
  EXPECT_NEAR(c.intercept_ci_high, c.intercept + z * c.intercept_std_error, 1e-14);
  EXPECT_EQ(c.n, 30);
  EXPECT_EQ(c.n_positive, 16);
  EXPECT_DOUBLE_EQ(c.observed_rate, 16.0 / 30);
}

// Rscript: qq <- unique(quantile(p, seq(0, 1, 1/g))); cut(p, qq,
// include.lowest = TRUE); sum((observed - expected)^2 / expected) over both
// columns; pchisq(., G - 2, lower.tail = FALSE). With g = 4 the breaks are
// 0.05, 0.2, 0.425, 0.6375, 0.95 and the groups hold 9, 6, 7 and 8 rows
// (the ties at 0.2 all in the first).
TEST(EstimateCalibration, HosmerLemeshowMatchesTheQuantileGrouping) {
  const Calibration c = Calibrate(4);
  EXPECT_NEAR(c.hosmer_lemeshow, 1.4223884314610122, 1e-12);
  EXPECT_EQ(c.hosmer_lemeshow_df, 2);
  EXPECT_NEAR(c.hosmer_lemeshow_p_value, 0.49105741866651487, 1e-12);
  ASSERT_EQ(c.groups.size(), 4u);
  const int64_t counts[] = {9, 6, 7, 8};
  const double highs[] = {0.2, 0.425, 0.6375, 0.95};
  for (int g = 0; g < 4; ++g) {
    EXPECT_EQ(c.groups[g].count, counts[g]) << g;
    EXPECT_NEAR(c.groups[g].probability_high, highs[g], 1e-15) << g;
  }
  EXPECT_EQ(c.groups[0].probability_low, 0.05);
}

// g = 10: R's breaks leave (0.2, 0.235] empty (the 0.2 ties sit at its
// lower edge); hoslem.test would sum that group's 0/0 into NaN, candor
// leaves it out: 9 groups, 7 df (R with droplevels(cut(...))).
TEST(EstimateCalibration, EmptyQuantileGroupsAreLeftOut) {
  const Calibration c = Calibrate(10);
  EXPECT_EQ(c.groups.size(), 9u);
  EXPECT_EQ(c.hosmer_lemeshow_df, 7);
  EXPECT_NEAR(c.hosmer_lemeshow, 3.6400270564318431, 1e-12);
  EXPECT_NEAR(c.hosmer_lemeshow_p_value, 0.82017912190630571, 1e-12);
  const Calibration twenty = Calibrate(20);
  EXPECT_EQ(twenty.hosmer_lemeshow_df, 11);
  EXPECT_NEAR(twenty.hosmer_lemeshow, 8.0343604210144779, 1e-12);
  EXPECT_NEAR(twenty.hosmer_lemeshow_p_value, 0.71022259931870568, 1e-12);
}

TEST(EstimateCalibration, PerfectlyCalibratedInTheLarge) {
  // p = 0.25 for every row, a quarter of them positive: intercept 0 exactly
  // (logit 0.25 + 0 = the observed log-odds); no spread for a slope; one group.
  std::vector<double> p(40, 0.25);
  std::vector<uint8_t> y(40, 0);
  for (int i = 0; i < 10; ++i) y[4 * i] = 1;
  auto c = EstimateCalibration(p.data(), y.data(), 40, {});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_NEAR(c->intercept, 0, 1e-12);
  // SE of a log-odds from 40 Bernoulli(0.25): 1 / sqrt(40 * 0.25 * 0.75).
  EXPECT_NEAR(c->intercept_std_error, 1 / std::sqrt(7.5), 1e-12);
  EXPECT_FALSE(c->slope_fitted);
  EXPECT_TRUE(std::isnan(c->slope) && std::isnan(c->slope_std_error));
  EXPECT_EQ(c->groups.size(), 1u);
  EXPECT_EQ(c->groups[0].count, 40);
  EXPECT_TRUE(std::isnan(c->hosmer_lemeshow) && std::isnan(c->hosmer_lemeshow_p_value));
  EXPECT_DOUBLE_EQ(c->brier, (10 * 0.75 * 0.75 + 30 * 0.25 * 0.25) / 40);
}

TEST(EstimateCalibration, SeparationLeavesTheSlopeUnfitted) {
  const double p[] = {0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9};
  const uint8_t y[] = {0, 0, 0, 0, 1, 1, 1, 1};
  CalibrationOptions options;
  options.groups = 4;
  auto c = EstimateCalibration(p, y, 8, options);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_FALSE(c->slope_fitted);
  EXPECT_TRUE(std::isnan(c->slope));
  EXPECT_TRUE(std::isfinite(c->intercept));
  EXPECT_TRUE(std::isfinite(c->hosmer_lemeshow));
}

// Two values of p, each holding one outcome only (found by the fuzz target,
// fuzz/regressions/validate/calibration_slope_separated): the Newton steps
// shrank below the tolerance on the way to infinity and the slope came back
// fitted with a NaN interval.
TEST(EstimateCalibration, SeparationAtTwoValuesLeavesTheSlopeUnfitted) {
  const double p[] = {0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.01};
  const uint8_t y[] = {1, 1, 1, 1, 1, 1, 0};
  CalibrationOptions options;
  options.groups = 3;
  auto c = EstimateCalibration(p, y, 7, options);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_FALSE(c->slope_fitted);
  EXPECT_TRUE(std::isnan(c->slope));
  EXPECT_TRUE(std::isfinite(c->intercept) && c->intercept_std_error > 0);
}

// `count` more rows of probability `p` and outcome `y`.
void AppendRows(double p, uint8_t y, int count, std::vector<double>* ps, std::vector<uint8_t>* ys) {
  ps->insert(ps->end(), count, p);
  ys->insert(ys->end(), count, y);
}

// Classes that touch at one value (quasi-complete separation: p = 0.51
// holds both outcomes, every other positive lies below it and every other
// negative above), with a subnormal probability (found by the fuzz target,
// fuzz/regressions/validate/calibration_slope_quasi_separated): Newton's
// steps looked converged at a slope of 3e49 whose interval had zero width.
// The classes' overlap is now checked before a slope is fitted (Albert and
// Anderson 1984).
TEST(EstimateCalibration, QuasiCompleteSeparationLeavesTheSlopeUnfitted) {
  std::vector<double> p{4.1451706060117081e-315, 0.04, 0.5, 0.51, 0.51, 0.51};
  std::vector<uint8_t> y{1, 1, 1, 1, 0, 0};
  AppendRows(0.06, 1, 6, &p, &y);
  AppendRows(0.85, 0, 16, &p, &y);
  CalibrationOptions options;
  options.groups = 3;
  auto c = EstimateCalibration(p.data(), y.data(), p.size(), options);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_FALSE(c->slope_fitted) << c->slope;
  EXPECT_TRUE(std::isnan(c->slope) && std::isnan(c->slope_ci_low));
  // One negative moved below a positive makes the classes overlap (and
  // without the subnormal p): a fit, with an interval of width.
  p[0] = 0.03;
  p[6] = 0.07;
  y[6] = 0;
  c = EstimateCalibration(p.data(), y.data(), p.size(), options);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->slope_fitted);
  EXPECT_LT(c->slope_ci_low, c->slope_ci_high);
}

// Overlapping classes with one subnormal probability (logit -724; found by
// the fuzz target, fuzz/regressions/validate/calibration_slope_nan_step):
// a Newton step to where the log-likelihood overflowed to NaN was taken as
// no worse, and a step that lowered it was taken: the fit "converged" at a
// slope of 8e50. The fit now starts at no slope, halves a step to a NaN
// likelihood and stops without a fit when no step helps. The slope equals R's glm(y ~ qlogis(p),
// binomial) (-1.19583437403, SE 0.40609545989, epsilon 1e-14).
TEST(EstimateCalibration, AnExtremeLogitFitsAsGlmDoes) {
  std::vector<double> p{0.01, 0.04, 0.06, 0.5, 0.51, 0.51, 0.51, 4.1451706060117081e-315};
  std::vector<uint8_t> y{1, 1, 0, 1, 1, 0, 0, 1};
  AppendRows(0.06, 1, 4, &p, &y);
  AppendRows(0.85, 0, 16, &p, &y);
  CalibrationOptions options;
  options.groups = 3;
  auto c = EstimateCalibration(p.data(), y.data(), p.size(), options);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_TRUE(c->slope_fitted);
  EXPECT_NEAR(c->slope, -1.19583437403, 1e-9);
  EXPECT_NEAR(c->slope_std_error, 0.40609545989, 1e-8);
  EXPECT_LT(c->slope_ci_low, c->slope_ci_high);
}

TEST(EstimateCalibration, Errors) {
  std::vector<double> p = kP;
  p[3] = 0;
  auto zero = EstimateCalibration(p.data(), kY.data(), p.size(), {});
  EXPECT_EQ(zero.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(zero.status().message().find("probability[3] = 0"), std::string::npos)
      << zero.status().message();
  p[3] = 1;
  EXPECT_EQ(EstimateCalibration(p.data(), kY.data(), p.size(), {}).status().code(),
            CANDOR_OUT_OF_RANGE);
  p[3] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(EstimateCalibration(p.data(), kY.data(), p.size(), {}).status().message(),
            "probability[3] is NaN");
  CalibrationOptions options;
  options.groups = 2;
  auto two = EstimateCalibration(kP.data(), kY.data(), kP.size(), options);
  EXPECT_EQ(two.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(two.status().message(), "groups must be between 3 and the rows (30); got 2");
  options.groups = 31;
  EXPECT_EQ(EstimateCalibration(kP.data(), kY.data(), kP.size(), options).status().code(),
            CANDOR_INVALID_ARGUMENT);
  options.groups = 10;
  options.level = 1;
  EXPECT_EQ(EstimateCalibration(kP.data(), kY.data(), kP.size(), options).status().code(),
            CANDOR_INVALID_ARGUMENT);
  const std::vector<uint8_t> ones(30, 1);
  auto one_class = EstimateCalibration(kP.data(), ones.data(), 30, {});
  EXPECT_EQ(one_class.status().code(), CANDOR_EMPTY);
  EXPECT_NE(one_class.status().message().find("no negatives"), std::string::npos);
}

}  // namespace
}  // namespace candor
