// SuggestHealthWeights: the fit on all accounts solves the penalized score
// equations (checked here from the returned coefficients, means and sds),
// the weights follow from it as the header says, the folds are stratified
// and seeded, the AUCs are those of the returned out-of-fold probabilities
// and scores, and bad input is refused by name. The coefficients and the
// out-of-fold probabilities against scikit-learn: tests/python/test_health_weights.py.
#include <gtest/gtest.h>

#include <candor/health.hpp>
#include <candor/health_weights.hpp>
#include <candor/validate.hpp>
#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace candor {
namespace {

const double kNaN = std::nan("");

HealthMeasure Linear(const std::string& name, const std::string& group) {
  HealthMeasure m;
  m.name = name;
  m.group = group;
  m.zero_at = 0;
  m.full_at = 100;  // points = value, clamped
  return m;
}

// usage (weight 2): logins, seats; support (weight 1): csat. Churn falls with
// logins and csat and rises with seats.
struct Data {
  size_t n;
  std::vector<double> logins, seats, csat;
  std::vector<uint8_t> churned;
  Scorecard card;
  HealthTable table;
  explicit Data(size_t n_accounts, uint32_t seed = 7) : n(n_accounts) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> uniform(0, 100);
    for (size_t i = 0; i < n; ++i) {
      logins.push_back(uniform(rng));
      seats.push_back(uniform(rng));
      csat.push_back(i % 10 == 3 ? kNaN : uniform(rng));
      const double eta =
          1 - 0.04 * logins[i] + 0.02 * seats[i] - 0.01 * (std::isnan(csat[i]) ? 50 : csat[i]);
      churned.push_back(uniform(rng) / 100 < 1 / (1 + std::exp(-eta)) ? 1 : 0);
    }
    card.groups = {{"usage", 2}, {"support", 1}};
    card.measures = {Linear("logins", "usage"), Linear("seats", "usage"),
                     Linear("csat", "support")};
    card.measures[1].weight = 3;
    table.n = n;
    table.names = {"logins", "seats", "csat"};
    table.columns = {logins.data(), seats.data(), csat.data()};
  }
};

TEST(SuggestHealthWeights, FitSolvesThePenalizedScoreEquations) {
  Data d(600);
  SuggestWeightsOptions options;
  options.l2_penalty = 2.5;
  auto result = SuggestHealthWeights(d.card, d.table, d.churned.data(), options);
  ASSERT_TRUE(result.ok()) << result.status().message();
  const SuggestedWeights& w = *result;
  ASSERT_EQ(w.measures, 3u);
  // Gradient of the penalized log-likelihood: sum (y - p) = 0 for the
  // intercept, sum (y - p) z_m = lambda b_m for each slope.
  std::vector<double> gradient(4, 0.0);
  const double* columns[3] = {d.logins.data(), d.seats.data(), d.csat.data()};
  for (size_t i = 0; i < d.n; ++i) {
    double z[3];
    double eta = w.intercept;
    for (size_t m = 0; m < 3; ++m) {
      const double x = columns[m][i];
      z[m] = std::isnan(x) ? 0 : (x - w.point_mean[m]) / w.point_sd[m];
      eta += w.coefficient[m] * z[m];
    }
    const double residual = d.churned[i] - 1 / (1 + std::exp(-eta));
    gradient[0] += residual;
    for (size_t m = 0; m < 3; ++m) gradient[m + 1] += residual * z[m];
  }
  EXPECT_NEAR(gradient[0], 0, 1e-8);
  for (size_t m = 0; m < 3; ++m) {
    EXPECT_NEAR(gradient[m + 1], options.l2_penalty * w.coefficient[m], 1e-8) << m;
    EXPECT_NEAR(w.coefficient_per_point[m], w.coefficient[m] / w.point_sd[m], 1e-15);
  }
  // Means and sds (with n) of the present points; csat's missing are imputed.
  double mean = 0;
  for (double x : d.logins) mean += x / static_cast<double>(d.n);
  EXPECT_NEAR(w.point_mean[0], mean, 1e-9);
  EXPECT_EQ(w.imputed[0], 0);
  EXPECT_EQ(w.imputed[2], 60);
  EXPECT_EQ(w.excluded, 0);
  EXPECT_GT(w.iterations, 0);
}

TEST(SuggestHealthWeights, WeightsFromTheChurnReducingMeasures) {
  Data d(2000);
  auto w = SuggestHealthWeights(d.card, d.table, d.churned.data());
  ASSERT_TRUE(w.ok()) << w.status().message();
  // Seats go with more churn: weight 0, flagged; the others share 100 in
  // proportion to -coefficient per point.
  EXPECT_GT(w->coefficient[1], 0);
  EXPECT_EQ(w->flagged[1], 1);
  EXPECT_EQ(w->suggested_weight[1], 0);
  EXPECT_EQ(w->flagged[0], 0);
  EXPECT_EQ(w->flagged[2], 0);
  const double total = -w->coefficient_per_point[0] - w->coefficient_per_point[2];
  EXPECT_NEAR(w->suggested_weight[0], -100 * w->coefficient_per_point[0] / total, 1e-12);
  EXPECT_NEAR(w->suggested_weight[0] + w->suggested_weight[2], 100, 1e-12);
  // Nominal shares: usage 2/3 split 1:3, support 1/3.
  EXPECT_NEAR(w->current_weight[0], 100.0 * 2 / 3 / 4, 1e-12);
  EXPECT_NEAR(w->current_weight[1], 100.0 * 2 / 3 * 3 / 4, 1e-12);
  EXPECT_NEAR(w->current_weight[2], 100.0 / 3, 1e-12);
  // The suggested model outranks a card that rewards seats.
  EXPECT_GT(w->auc.value, w->current_auc.value);
  EXPECT_GT(w->comparison.difference, 0);
}

TEST(SuggestHealthWeights, FoldsAreStratifiedAndSeeded) {
  Data d(503);
  SuggestWeightsOptions options;
  options.folds = 4;
  auto a = SuggestHealthWeights(d.card, d.table, d.churned.data(), options);
  ASSERT_TRUE(a.ok()) << a.status().message();
  std::vector<int> per_fold[2] = {std::vector<int>(4, 0), std::vector<int>(4, 0)};
  for (size_t i = 0; i < d.n; ++i) {
    ASSERT_GE(a->fold[i], 0);
    ASSERT_LT(a->fold[i], 4);
    ++per_fold[d.churned[i]][a->fold[i]];
  }
  for (const auto& counts : per_fold) {
    for (int c : counts) EXPECT_LE(std::abs(c - counts[0]), 1);
  }
  auto again = SuggestHealthWeights(d.card, d.table, d.churned.data(), options);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(a->fold, again->fold);
  EXPECT_EQ(a->oof_probability, again->oof_probability);
  options.seed = 99;
  auto other = SuggestHealthWeights(d.card, d.table, d.churned.data(), options);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(a->fold, other->fold);
  // The weights come from all accounts: the folds do not change them.
  EXPECT_EQ(a->coefficient, other->coefficient);
}

TEST(SuggestHealthWeights, AucsAreThoseOfTheOutOfFoldProbabilitiesAndTheScore) {
  Data d(400);
  auto w = SuggestHealthWeights(d.card, d.table, d.churned.data());
  ASSERT_TRUE(w.ok()) << w.status().message();
  auto scores = ScoreHealth(d.card, d.table);
  ASSERT_TRUE(scores.ok());
  std::vector<double> negated(d.n);
  for (size_t i = 0; i < d.n; ++i) {
    EXPECT_EQ(w->score[i], scores->score[i]);
    negated[i] = -scores->score[i];
    EXPECT_GT(w->oof_probability[i], 0);
    EXPECT_LT(w->oof_probability[i], 1);
  }
  auto auc = EstimateAuc(w->oof_probability.data(), d.churned.data(), d.n);
  auto current = EstimateAuc(negated.data(), d.churned.data(), d.n);
  ASSERT_TRUE(auc.ok() && current.ok());
  EXPECT_EQ(w->auc.value, auc->value);
  EXPECT_EQ(w->auc.ci_low, auc->ci_low);
  EXPECT_EQ(w->current_auc.value, current->value);
  EXPECT_EQ(w->comparison.auc_a, auc->value);
  EXPECT_EQ(w->comparison.auc_b, current->value);
}

TEST(SuggestHealthWeights, AccountsWithoutAnyDataAreLeftOut) {
  Data d(300);
  for (size_t i : {5u, 17u}) d.logins[i] = d.seats[i] = d.csat[i] = kNaN;
  auto w = SuggestHealthWeights(d.card, d.table, d.churned.data());
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_EQ(w->excluded, 2);
  EXPECT_TRUE(std::isnan(w->oof_probability[5]));
  EXPECT_EQ(w->fold[17], -1);
  EXPECT_EQ(w->auc.n_positive + w->auc.n_negative, 298);
}

TEST(SuggestHealthWeights, ConstantMeasureGetsNoCoefficient) {
  Data d(300);
  for (double& x : d.seats) x = 150;  // always 100 points
  auto w = SuggestHealthWeights(d.card, d.table, d.churned.data());
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_EQ(w->coefficient[1], 0);
  EXPECT_EQ(w->point_sd[1], 0);
  EXPECT_EQ(w->suggested_weight[1], 0);
}

TEST(SuggestHealthWeights, Errors) {
  Data d(100);
  SuggestWeightsOptions options;
  auto status = [&](const std::vector<uint8_t>& churned) {
    return SuggestHealthWeights(d.card, d.table, churned.data(), options).status();
  };
  std::vector<uint8_t> bad = d.churned;
  bad[42] = 2;
  EXPECT_EQ(status(bad).code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(status(bad).message()).find("churned[42]"), std::string::npos);
  EXPECT_EQ(status(std::vector<uint8_t>(100, 0)).code(), CANDOR_EMPTY);
  std::vector<uint8_t> few(100, 0);
  few[1] = few[2] = few[3] = 1;
  const Status too_few = status(few);
  EXPECT_EQ(too_few.code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(too_few.message()).find("smaller class has 3"), std::string::npos);
  options.folds = 1;
  EXPECT_EQ(status(d.churned).code(), CANDOR_INVALID_ARGUMENT);
  options.folds = 5;
  options.l2_penalty = -1;
  EXPECT_EQ(status(d.churned).code(), CANDOR_INVALID_ARGUMENT);
  options.l2_penalty = std::nan("");
  EXPECT_EQ(status(d.churned).code(), CANDOR_INVALID_ARGUMENT);
  options.l2_penalty = 1;
  options.level = 1;
  EXPECT_EQ(status(d.churned).code(), CANDOR_INVALID_ARGUMENT);
  options.level = 0.95;
  EXPECT_EQ(SuggestHealthWeights(d.card, d.table, nullptr, options).status().code(),
            CANDOR_INVALID_ARGUMENT);
  // Separation without a penalty: churners are exactly the low-login accounts.
  std::vector<uint8_t> separated(100);
  for (size_t i = 0; i < 100; ++i) separated[i] = d.logins[i] < 50 ? 1 : 0;
  options.l2_penalty = 0;
  const Status diverged = status(separated);
  EXPECT_EQ(diverged.code(), CANDOR_NOT_CONVERGED);
  EXPECT_NE(std::string(diverged.message()).find("all accounts: "), std::string::npos)
      << diverged.message();
  // A scorecard's own problem passes through.
  d.table.names[0] = "login";
  EXPECT_EQ(status(d.churned).code(), CANDOR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace candor
