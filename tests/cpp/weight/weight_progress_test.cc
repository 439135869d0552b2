// Progress and cancelling of the weighting fits (Rake, PostStratify,
// CalibrateLinear, InversePropensityWeights): the callback hears a done that
// never decreases and ends at total; false at its k-th call stops the fit
// with CANDOR_CANCELLED naming the fit and how far it got, with no further
// call; a callback that always goes on changes nothing in the result.
#include <gtest/gtest.h>

#include <candor/weight.hpp>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "support/progress_calls.hpp"

namespace candor {
namespace {

using testing::Calls;
using testing::ExpectCompleteReports;
using testing::ExpectStopsWhereTold;
using testing::Listen;

// Respondents with codes on three margins of 4, 3 and 5 levels, drawn
// unevenly, and population totals that disagree with the sample (raking then
// takes several sweeps).
struct Survey {
  explicit Survey(size_t n) : codes(3, std::vector<int32_t>(n)), base(n) {
    std::mt19937_64 random(20261207);
    const std::vector<std::vector<double>> shares = {
        {0.4, 0.3, 0.2, 0.1}, {0.5, 0.3, 0.2}, {0.1, 0.2, 0.3, 0.25, 0.15}};
    for (size_t m = 0; m < shares.size(); ++m) {
      std::discrete_distribution<int32_t> draw(shares[m].begin(), shares[m].end());
      for (size_t i = 0; i < n; ++i) codes[m][i] = draw(random);
    }
    std::uniform_real_distribution<double> weight(0.5, 2.0);
    for (double& w : base) w = weight(random);
    const std::vector<std::vector<double>> population = {
        {250, 250, 250, 250}, {200, 300, 500}, {300, 200, 200, 150, 150}};
    for (size_t m = 0; m < population.size(); ++m) {
      Margin margin;
      margin.codes = codes[m].data();
      margin.population = population[m];
      margin.name = "margin" + std::to_string(m);
      margins.push_back(margin);
    }
  }
  std::vector<std::vector<int32_t>> codes;
  std::vector<double> base;
  std::vector<Margin> margins;
};

TEST(WeightProgress, RakeCountsIterationsAndStops) {
  const Survey survey(300000);
  const size_t n = survey.base.size();
  const Result<CalibrationResult> plain = Rake(survey.base.data(), n, survey.margins, {});
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  ASSERT_GT(plain->iterations, 2);

  Calls calls;
  RakeOptions options;
  options.progress = {Listen, &calls};
  const Result<CalibrationResult> told = Rake(survey.base.data(), n, survey.margins, options);
  ASSERT_TRUE(told.ok()) << told.status().message();
  EXPECT_EQ(told->weights, plain->weights);
  EXPECT_EQ(told->iterations, plain->iterations);
  ExpectCompleteReports(calls, options.max_iterations);

  ExpectStopsWhereTold(&options, "raking",
                       [&] { return Rake(survey.base.data(), n, survey.margins, options); });
}

// 300,000 respondents: the first call comes 65,536 rows into the first pass,
// before an iteration is done, so a stop there takes effect inside it.
TEST(WeightProgress, RakeChecksInsideAPass) {
  const Survey survey(300000);
  Calls stop;
  stop.stop_at = 1;
  RakeOptions options;
  options.progress = {Listen, &stop};
  const Result<CalibrationResult> stopped =
      Rake(survey.base.data(), survey.base.size(), survey.margins, options);
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.status().message(),
            "raking: cancelled by the progress callback after 0 of 100 steps");
}

TEST(WeightProgress, PostStratifyCountsRespondentsAndStops) {
  const Survey survey(200000);
  const size_t n = survey.base.size();
  const Margin& cells = survey.margins[2];
  const Result<CalibrationResult> plain = PostStratify(survey.base.data(), n, cells);
  ASSERT_TRUE(plain.ok()) << plain.status().message();

  Calls calls;
  PostStratifyOptions options;
  options.progress = {Listen, &calls};
  const Result<CalibrationResult> told = PostStratify(survey.base.data(), n, cells, options);
  ASSERT_TRUE(told.ok()) << told.status().message();
  EXPECT_EQ(told->weights, plain->weights);
  ExpectCompleteReports(calls, static_cast<int64_t>(n));

  ExpectStopsWhereTold(&options, "post-stratification",
                       [&] { return PostStratify(survey.base.data(), n, cells, options); });
}

TEST(WeightProgress, LinearCalibrationCountsStepsAndStops) {
  const Survey survey(5000);
  const size_t n = survey.base.size();
  // Intercept and two indicators; totals off the sample's.
  std::vector<double> x;
  for (size_t i = 0; i < n; ++i) {
    x.push_back(1.0);
    x.push_back(survey.codes[0][i] == 0 ? 1.0 : 0.0);
    x.push_back(survey.codes[1][i] == 2 ? 1.0 : 0.0);
  }
  const std::vector<double> totals = {10000, 2500, 5000};
  const Result<CalibrationResult> plain = CalibrateLinear(survey.base.data(), n, x.data(), 3, totals);
  ASSERT_TRUE(plain.ok()) << plain.status().message();

  Calls calls;
  LinearCalibrationOptions options;
  options.progress = {Listen, &calls};
  const Result<CalibrationResult> told =
      CalibrateLinear(survey.base.data(), n, x.data(), 3, totals, options);
  ASSERT_TRUE(told.ok()) << told.status().message();
  EXPECT_EQ(told->weights, plain->weights);
  ExpectCompleteReports(calls, 10);

  ExpectStopsWhereTold(&options, "linear calibration", [&] {
    return CalibrateLinear(survey.base.data(), n, x.data(), 3, totals, options);
  });
}

TEST(WeightProgress, IpwCountsNewtonIterationsAndStops) {
  // 200,000 invited (several threads), response depending on both covariates.
  const size_t n = 200000;
  std::mt19937_64 random(7);
  std::normal_distribution<double> normal;
  std::uniform_int_distribution<int32_t> plan(0, 2);
  std::uniform_real_distribution<double> uniform;
  std::vector<double> tenure(n);
  std::vector<int32_t> plans(n);
  std::vector<uint8_t> responded(n);
  for (size_t i = 0; i < n; ++i) {
    tenure[i] = normal(random);
    plans[i] = plan(random);
    const double eta = -0.5 + 0.8 * tenure[i] + 0.4 * plans[i];
    responded[i] = uniform(random) < 1.0 / (1.0 + std::exp(-eta)) ? 1 : 0;
  }
  std::vector<Covariate> covariates(2);
  covariates[0].name = "tenure";
  covariates[0].numeric = tenure.data();
  covariates[1].name = "plan";
  covariates[1].codes = plans.data();
  covariates[1].levels = 3;
  const Result<IpwResult> plain = InversePropensityWeights(responded.data(), n, covariates, {});
  ASSERT_TRUE(plain.ok()) << plain.status().message();

  Calls calls;
  IpwOptions options;
  options.progress = {Listen, &calls};
  const Result<IpwResult> told = InversePropensityWeights(responded.data(), n, covariates, options);
  ASSERT_TRUE(told.ok()) << told.status().message();
  EXPECT_EQ(told->weights, plain->weights);
  EXPECT_EQ(told->coefficients, plain->coefficients);
  EXPECT_EQ(told->iterations, plain->iterations);
  ExpectCompleteReports(calls, options.max_iterations);

  ExpectStopsWhereTold(&options, "inverse-propensity weighting", [&] {
    return InversePropensityWeights(responded.data(), n, covariates, options);
  });
}

}  // namespace
}  // namespace candor
