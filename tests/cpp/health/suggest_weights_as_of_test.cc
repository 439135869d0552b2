// SuggestHealthWeightsAsOf: equal to SuggestHealthWeights on the snapshot's
// table of the accounts with a row before the cut-off (here with segments
// and a percentile measure, which rank within the customers only), per
// account code; a customer whose rows record nothing is excluded (fold -1),
// an account without a row before the cut-off is not yet a customer (fold
// -2, its churn not read); errors.
#include <gtest/gtest.h>

#include <candor/health.hpp>
#include <candor/health_history.hpp>
#include <candor/health_weights.hpp>
#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace candor {
namespace {

const double kNaN = std::nan("");

Scorecard Card() {
  Scorecard card;
  HealthMeasure usage;
  usage.name = "usage";
  usage.zero_at = 0;
  usage.full_at = 10;
  HealthMeasure spend;
  spend.name = "spend";
  spend.transform = HealthTransform::kPercentile;
  card.measures = {usage, spend};
  return card;
}

TEST(SuggestWeightsAsOf, EqualsTheTableOfTheCustomers) {
  constexpr size_t kAccounts = 160;
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<int32_t> account;
  std::vector<int64_t> time;
  std::vector<double> usage, spend;
  std::vector<uint8_t> churned(kAccounts);
  std::vector<int32_t> segment(kAccounts);
  // The table the snapshot should give, over the customers in code order.
  std::vector<double> t_usage, t_spend;
  std::vector<int32_t> t_segment;
  std::vector<uint8_t> t_churned;
  for (size_t a = 0; a < kAccounts; ++a) {
    segment[a] = static_cast<int32_t>(a % 3);
    const double x = 10 * u(rng), y = 100 * u(rng);
    churned[a] = u(rng) < 1 / (1 + std::exp(x - 5)) ? 1 : 0;
    const auto row = [&](int64_t t, double v, double w) {
      account.push_back(static_cast<int32_t>(a));
      time.push_back(t);
      usage.push_back(v);
      spend.push_back(w);
    };
    row(500, 1000, -1000);  // after the cut-off (300)
    if (a % 9 == 4) {       // not yet a customer
      churned[a] = 7;
      continue;
    }
    if (a == 10) {  // a customer without data
      row(100, kNaN, kNaN);
    } else {
      row(200, x, kNaN);
      row(100, 0, y);
    }
    t_usage.push_back(a == 10 ? kNaN : x);
    t_spend.push_back(a == 10 ? kNaN : y);
    t_segment.push_back(segment[a]);
    t_churned.push_back(churned[a]);
  }
  HealthHistory history;
  history.n = account.size();
  history.account = account.data();
  history.time = time.data();
  history.accounts = kAccounts;
  history.names = {"usage", "spend"};
  history.columns = {usage.data(), spend.data()};
  history.segment = segment.data();
  history.segment_names = {"s0", "s1", "s2"};
  HealthTable table;
  table.n = t_usage.size();
  table.names = history.names;
  table.columns = {t_usage.data(), t_spend.data()};
  table.segment = t_segment.data();
  table.segment_names = history.segment_names;

  SuggestWeightsOptions options;
  options.folds = 3;
  options.seed = 4;
  auto as_of = SuggestHealthWeightsAsOf(Card(), history, 300, churned.data(), options);
  ASSERT_TRUE(as_of.ok()) << as_of.status().message();
  auto expected = SuggestHealthWeights(Card(), table, t_churned.data(), options);
  ASSERT_TRUE(expected.ok()) << expected.status().message();
  EXPECT_EQ(as_of->n, kAccounts);
  EXPECT_EQ(as_of->not_yet_customers, static_cast<int64_t>(kAccounts - table.n));
  EXPECT_EQ(as_of->excluded, 1);
  EXPECT_EQ(as_of->coefficient, expected->coefficient);
  EXPECT_EQ(as_of->intercept, expected->intercept);
  EXPECT_EQ(as_of->auc.value, expected->auc.value);
  size_t i = 0;
  for (size_t a = 0; a < kAccounts; ++a) {
    if (a % 9 == 4) {
      EXPECT_EQ(as_of->fold[a], -2);
      EXPECT_TRUE(std::isnan(as_of->oof_probability[a]) && std::isnan(as_of->score[a]));
      continue;
    }
    EXPECT_EQ(as_of->fold[a], expected->fold[i]) << a;
    EXPECT_EQ(as_of->fold[a] == -1, a == 10) << a;
    EXPECT_TRUE(as_of->score[a] == expected->score[i] ||
                (std::isnan(as_of->score[a]) && std::isnan(expected->score[i])))
        << a;
    ++i;
  }

  // Errors: a customer's churn, none before the cut-off, a NULL churn.
  churned[0] = 3;
  auto bad = SuggestHealthWeightsAsOf(Card(), history, 300, churned.data(), options);
  EXPECT_EQ(bad.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(bad.status().message()).find("churned[0]"), std::string::npos);
  EXPECT_EQ(SuggestHealthWeightsAsOf(Card(), history, 100, churned.data()).status().code(),
            CANDOR_EMPTY);
  EXPECT_EQ(SuggestHealthWeightsAsOf(Card(), history, 300, nullptr).status().code(),
            CANDOR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace candor
