// Inverse-propensity weights: coefficients vs statsmodels Logit (unpenalized)
// and scipy's trust-region fit of the penalized likelihood (checked against
// sklearn), propensities, balance and errors. Fixtures and references come
// from tests/crosscheck/ipw_reference.py.
#include <gtest/gtest.h>

#include <candor/weight.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace candor {
namespace {

using Columns = std::map<std::string, std::vector<std::string>>;

// A small CSV with a header and no quoted fields.
Columns ReadFixture(const std::string& name) {
  std::ifstream in(std::string(CANDOR_TEST_DATA) + "/weight/" + name);
  EXPECT_TRUE(in.good()) << name;
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  std::stringstream head(line);
  for (std::string field; std::getline(head, field, ',');) header.push_back(field);
  Columns columns;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    size_t c = 0;
    for (std::string field; std::getline(row, field, ',') && c < header.size(); ++c) {
      columns[header[c]].push_back(field);
    }
  }
  return columns;
}

std::vector<double> Numbers(const std::vector<std::string>& fields) {
  std::vector<double> out;
  for (const std::string& f : fields) out.push_back(std::stod(f));
  return out;
}

std::vector<int32_t> Codes(const std::vector<std::string>& fields) {
  std::vector<int32_t> out;
  for (const std::string& f : fields) out.push_back(std::stoi(f));
  return out;
}

struct Population {
  std::vector<double> tenure, spend;
  std::vector<int32_t> contract, region;
  std::vector<uint8_t> responded;
  std::vector<Covariate> Covariates() const {
    return {{"tenure", tenure.data(), nullptr, 0},
            {"spend", spend.data(), nullptr, 0},
            {"contract", nullptr, contract.data(), 3},
            {"region", nullptr, region.data(), 4}};
  }
};

Population ReadPopulation() {
  Columns c = ReadFixture("ipw_population.csv");
  Population p;
  p.tenure = Numbers(c["tenure"]);
  p.spend = Numbers(c["spend"]);
  p.contract = Codes(c["contract"]);
  p.region = Codes(c["region"]);
  for (int32_t r : Codes(c["responded"])) p.responded.push_back(static_cast<uint8_t>(r));
  return p;
}

IpwResult MustFit(const Population& p, const IpwOptions& options) {
  Result<IpwResult> r =
      InversePropensityWeights(p.responded.data(), p.responded.size(), p.Covariates(), options);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : IpwResult();
}

TEST(InversePropensityWeights, MatchesStatsmodelsLogit) {
  const Population p = ReadPopulation();
  ASSERT_EQ(p.responded.size(), 3000u);
  Columns reference = ReadFixture("ipw_reference.csv");
  const IpwResult fit = MustFit(p, IpwOptions());
  EXPECT_TRUE(fit.converged);
  EXPECT_GT(fit.iterations, 2);
  ASSERT_EQ(fit.terms, reference["term"]);
  const std::vector<double> expected = Numbers(reference["unpenalized"]);
  ASSERT_EQ(fit.coefficients.size(), expected.size());
  for (size_t j = 0; j < expected.size(); ++j) {
    EXPECT_NEAR(fit.coefficients[j], expected[j], 1e-6) << fit.terms[j];
  }
  const std::vector<double> propensity = Numbers(ReadFixture("ipw_propensity.csv")["propensity"]);
  ASSERT_EQ(fit.propensity.size(), propensity.size());
  for (size_t i = 0; i < propensity.size(); ++i) {
    EXPECT_NEAR(fit.propensity[i], propensity[i], 1e-8 * propensity[i]) << "row " << i;
  }
}

TEST(InversePropensityWeights, WeightsAreInversePropensityOfRespondents) {
  const Population p = ReadPopulation();
  const IpwResult fit = MustFit(p, IpwOptions());
  size_t j = 0;
  for (size_t i = 0; i < p.responded.size(); ++i) {
    if (!p.responded[i]) continue;
    ASSERT_LT(j, fit.weights.size());
    EXPECT_DOUBLE_EQ(fit.weights[j], 1.0 / fit.propensity[i]) << "row " << i;
    ++j;
  }
  EXPECT_EQ(j, fit.weights.size());
  // A logistic fit with an intercept reproduces the number of respondents:
  // sum over everyone of p_hat = number who responded (score equation), and
  // the weights of respondents sum to about the population size.
  double total_propensity = 0;
  for (double q : fit.propensity) total_propensity += q;
  EXPECT_NEAR(total_propensity, static_cast<double>(fit.weights.size()), 1e-6);
}

TEST(InversePropensityWeights, SummaryIsKish) {
  const Population p = ReadPopulation();
  const IpwResult fit = MustFit(p, IpwOptions());
  double sum = 0, squares = 0, low = INFINITY, high = 0;
  for (double w : fit.weights) {
    sum += w;
    squares += w * w;
    low = std::min(low, w);
    high = std::max(high, w);
  }
  EXPECT_NEAR(fit.summary.sum, sum, 1e-9 * sum);
  EXPECT_DOUBLE_EQ(fit.summary.min, low);
  EXPECT_DOUBLE_EQ(fit.summary.max, high);
  EXPECT_NEAR(fit.summary.effective_n, sum * sum / squares, 1e-9 * fit.summary.effective_n);
  EXPECT_NEAR(fit.summary.design_effect, fit.weights.size() * squares / (sum * sum), 1e-12);
}

TEST(InversePropensityWeights, MatchesPenalizedLikelihoodOptimum) {
  const Population p = ReadPopulation();
  Columns reference = ReadFixture("ipw_reference.csv");
  IpwOptions options;
  options.l2_penalty = 5.0;  // IPW_LAMBDA in ipw_reference.py
  const IpwResult fit = MustFit(p, options);
  const std::vector<double> expected = Numbers(reference["penalized"]);
  ASSERT_EQ(fit.coefficients.size(), expected.size());
  for (size_t j = 0; j < expected.size(); ++j) {
    EXPECT_NEAR(fit.coefficients[j], expected[j], 1e-6) << fit.terms[j];
  }
  // The penalty shrinks the slopes.
  const std::vector<double> unpenalized = Numbers(reference["unpenalized"]);
  for (size_t j = 1; j < expected.size(); ++j) {
    EXPECT_LT(std::abs(fit.coefficients[j]), std::abs(unpenalized[j])) << fit.terms[j];
  }
}

TEST(InversePropensityWeights, BalanceMatchesNumpy) {
  const Population p = ReadPopulation();
  const IpwResult fit = MustFit(p, IpwOptions());
  Columns reference = ReadFixture("ipw_balance.csv");
  ASSERT_EQ(fit.balance.size(), reference["variable"].size());
  const std::vector<double> before = Numbers(reference["asmd_before"]);
  const std::vector<double> after = Numbers(reference["asmd_after"]);
  for (size_t j = 0; j < fit.balance.size(); ++j) {
    EXPECT_EQ(fit.balance[j].variable, reference["variable"][j]);
    EXPECT_NEAR(fit.balance[j].asmd_before, before[j], 1e-9);
    EXPECT_NEAR(fit.balance[j].asmd_after, after[j], 1e-6);
  }
}

TEST(InversePropensityWeights, InterceptOnlyGivesTheResponseRate) {
  const std::vector<uint8_t> responded = {1, 0, 0, 1, 0, 0, 0, 1, 0, 0};
  Result<IpwResult> r = InversePropensityWeights(responded.data(), responded.size(), {}, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->coefficients.size(), 1u);
  EXPECT_NEAR(r->coefficients[0], std::log(0.3 / 0.7), 1e-12);
  ASSERT_EQ(r->weights.size(), 3u);
  for (double w : r->weights) EXPECT_NEAR(w, 1 / 0.3, 1e-12);
}

TEST(InversePropensityWeights, AbsentLevelsGetNoColumn) {
  // Level 0 is absent, so level 1 is the reference; level 3 is absent too.
  const std::vector<int32_t> codes = {1, 2, 4, 1, 2, 4, 1, 2, 4, 2, 1, 4};
  const std::vector<uint8_t> responded = {1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1};
  Result<IpwResult> r = InversePropensityWeights(responded.data(), responded.size(),
                                                 {{"plan", nullptr, codes.data(), 5}}, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->terms, (std::vector<std::string>{"(Intercept)", "plan=2", "plan=4"}));
  // Saturated in plan: the fitted probability is each level's response rate.
  EXPECT_NEAR(r->propensity[0], 1.0 / 4, 1e-9);
  EXPECT_NEAR(r->propensity[1], 2.0 / 4, 1e-9);
  EXPECT_NEAR(r->propensity[2], 3.0 / 4, 1e-9);
}

TEST(InversePropensityWeights, CompleteSeparationIsNotConverged) {
  std::vector<double> x;
  std::vector<uint8_t> responded;
  for (int i = 0; i < 40; ++i) {
    x.push_back(i);
    responded.push_back(i >= 20 ? 1 : 0);
  }
  const std::vector<Covariate> covariates = {{"tenure", x.data(), nullptr, 0}};
  Result<IpwResult> r = InversePropensityWeights(responded.data(), x.size(), covariates, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), CANDOR_NOT_CONVERGED);
  EXPECT_NE(r.status().message().find("separat"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("l2_penalty > 0"), std::string::npos);
  IpwOptions ridge;
  ridge.l2_penalty = 1;
  r = InversePropensityWeights(responded.data(), x.size(), covariates, ridge);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_GT(r->coefficients[1], 0);
}

TEST(InversePropensityWeights, QuasiCompleteSeparationIsNotConverged) {
  // Everyone on plan 1 responded; plan 0 is mixed.
  const std::vector<int32_t> plan = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
  const std::vector<uint8_t> responded = {1, 0, 1, 0, 0, 1, 1, 1, 1, 1};
  const std::vector<Covariate> covariates = {{"plan", nullptr, plan.data(), 2}};
  Result<IpwResult> r = InversePropensityWeights(responded.data(), plan.size(), covariates, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), CANDOR_NOT_CONVERGED);
  EXPECT_NE(r.status().message().find("separat"), std::string::npos) << r.status().message();
  IpwOptions ridge;
  ridge.l2_penalty = 0.5;
  EXPECT_TRUE(InversePropensityWeights(responded.data(), plan.size(), covariates, ridge).ok());
}

TEST(InversePropensityWeights, CollinearCovariatesAreNotConverged) {
  const std::vector<double> a = {1, 2, 3, 4, 5, 6, 7, 8}, b = {2, 4, 6, 8, 10, 12, 14, 16};
  const std::vector<uint8_t> responded = {1, 0, 0, 1, 1, 0, 1, 0};
  Result<IpwResult> r = InversePropensityWeights(
      responded.data(), a.size(), {{"a", a.data(), nullptr, 0}, {"b", b.data(), nullptr, 0}}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), CANDOR_NOT_CONVERGED);
  EXPECT_NE(r.status().message().find("singular"), std::string::npos) << r.status().message();
}

TEST(InversePropensityWeights, CovariateErrorsNameTheCovariate) {
  const std::vector<uint8_t> responded = {1, 0, 1, 0};
  const std::vector<double> constant = {3, 3, 3, 3}, with_nan = {1, 2, NAN, 4};
  const std::vector<int32_t> one_level = {1, 1, 1, 1}, bad_code = {0, 1, 5, 0};
  struct Case {
    Covariate covariate;
    candor_status code;
    std::string needle;
  } cases[] = {
      {{"tenure", constant.data(), nullptr, 0},
       CANDOR_INVALID_ARGUMENT,
       "'tenure' has no variance"},
      {{"spend", with_nan.data(), nullptr, 0}, CANDOR_OUT_OF_RANGE, "'spend'"},
      {{"plan", nullptr, one_level.data(), 3},
       CANDOR_INVALID_ARGUMENT,
       "'plan' has only one level"},
      {{"region", nullptr, bad_code.data(), 3}, CANDOR_OUT_OF_RANGE, "row 2"},
      {{"both", constant.data(), bad_code.data(), 3}, CANDOR_INVALID_ARGUMENT, "'both'"},
      {{"neither", nullptr, nullptr, 0}, CANDOR_INVALID_ARGUMENT, "'neither'"},
      {{"levels", nullptr, one_level.data(), 0}, CANDOR_INVALID_ARGUMENT, "levels = 0"},
  };
  for (const Case& c : cases) {
    Result<IpwResult> r = InversePropensityWeights(responded.data(), 4, {c.covariate}, {});
    ASSERT_FALSE(r.ok()) << c.covariate.name;
    EXPECT_EQ(r.status().code(), c.code) << r.status().message();
    EXPECT_NE(r.status().message().find(c.needle), std::string::npos) << r.status().message();
  }
  Result<IpwResult> r =
      InversePropensityWeights(responded.data(), 4, {{"spend", with_nan.data(), nullptr, 0}}, {});
  EXPECT_NE(r.status().message().find("row 2"), std::string::npos) << r.status().message();
}

TEST(InversePropensityWeights, ResponseAndOptionErrors) {
  const std::vector<uint8_t> none = {0, 0, 0}, all = {1, 1, 1}, two = {1, 2, 0}, ok = {1, 0, 1};
  EXPECT_EQ(InversePropensityWeights(none.data(), 3, {}, {}).status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(InversePropensityWeights(all.data(), 3, {}, {}).status().code(),
            CANDOR_INVALID_ARGUMENT);
  Result<IpwResult> r = InversePropensityWeights(two.data(), 3, {}, {});
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("row 1"), std::string::npos) << r.status().message();
  EXPECT_EQ(InversePropensityWeights(ok.data(), 0, {}, {}).status().code(), CANDOR_EMPTY);
  EXPECT_EQ(InversePropensityWeights(nullptr, 3, {}, {}).status().code(), CANDOR_INVALID_ARGUMENT);
  IpwOptions bad;
  bad.l2_penalty = -1;
  EXPECT_EQ(InversePropensityWeights(ok.data(), 3, {}, bad).status().code(),
            CANDOR_INVALID_ARGUMENT);
  bad = IpwOptions();
  bad.max_iterations = 0;
  EXPECT_EQ(InversePropensityWeights(ok.data(), 3, {}, bad).status().code(),
            CANDOR_INVALID_ARGUMENT);
  bad = IpwOptions();
  bad.tolerance = NAN;
  EXPECT_EQ(InversePropensityWeights(ok.data(), 3, {}, bad).status().code(),
            CANDOR_INVALID_ARGUMENT);
}

TEST(InversePropensityWeights, TooFewIterationsIsNotConverged) {
  const Population p = ReadPopulation();
  IpwOptions options;
  options.max_iterations = 1;
  Result<IpwResult> r =
      InversePropensityWeights(p.responded.data(), p.responded.size(), p.Covariates(), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), CANDOR_NOT_CONVERGED);
  EXPECT_NE(r.status().message().find("max_iterations"), std::string::npos);
}

}  // namespace
}  // namespace candor
