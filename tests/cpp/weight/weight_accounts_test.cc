// AccountWeights, CombineWeights, RecencyWeights and ResponseRates against
// closed forms; Wilson intervals also against R's prop.test.
#include <gtest/gtest.h>

#include <candor/weight.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace candor {
namespace {

std::map<int32_t, double> SumsByAccount(const std::vector<int32_t>& accounts,
                                        const std::vector<double>& weights) {
  std::map<int32_t, double> sums;
  for (size_t i = 0; i < accounts.size(); ++i) sums[accounts[i]] += weights[i];
  return sums;
}

TEST(AccountWeightsTest, EqualPerAccountSumsToOnePerAccount) {
  const std::vector<int32_t> accounts = {7, 7, 7, 2, 9, 9};
  AccountOptions options;  // kEqualPerAccount, no roles
  Result<std::vector<double>> w = AccountWeights(accounts.data(), accounts.size(), options);
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_NEAR((*w)[0], 1.0 / 3, 1e-15);
  EXPECT_EQ((*w)[3], 1.0);
  EXPECT_EQ((*w)[4], 0.5);
  for (const auto& [account, sum] : SumsByAccount(accounts, *w)) {
    EXPECT_NEAR(sum, 1.0, 1e-15) << "account " << account;
  }
}

TEST(AccountWeightsTest, RolesSplitAnAccountByRoleWeight) {
  // Account 1: decision maker (role 0, weight 3) and two users (role 1,
  // weight 1): shares 3/5, 1/5, 1/5.
  const std::vector<int32_t> accounts = {1, 1, 1, 4};
  const std::vector<int32_t> roles = {0, 1, 1, 1};
  AccountOptions options;
  options.roles = roles.data();
  options.role_weights = {3, 1};
  Result<std::vector<double>> w = AccountWeights(accounts.data(), 4, options);
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_NEAR((*w)[0], 0.6, 1e-15);
  EXPECT_NEAR((*w)[1], 0.2, 1e-15);
  EXPECT_NEAR((*w)[3], 1.0, 1e-15);
  options.mode = AccountMode::kPerResponse;
  w = AccountWeights(accounts.data(), 4, options);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(*w, (std::vector<double>{3, 1, 1, 1}));
}

TEST(AccountWeightsTest, ByValueSumsToAccountValue) {
  const std::vector<int32_t> accounts = {0, 0, 1, 2, 2, 2};
  const std::vector<double> arr = {1200, 1200, 50, 300, 300, 300};
  AccountOptions options;
  options.mode = AccountMode::kByValue;
  options.account_value = arr.data();
  Result<std::vector<double>> w = AccountWeights(accounts.data(), accounts.size(), options);
  ASSERT_TRUE(w.ok()) << w.status().message();
  const std::map<int32_t, double> sums = SumsByAccount(accounts, *w);
  EXPECT_NEAR(sums.at(0), 1200, 1e-9);
  EXPECT_NEAR(sums.at(1), 50, 1e-12);
  EXPECT_NEAR(sums.at(2), 300, 1e-9);
  EXPECT_NEAR((*w)[0], 600, 1e-9);
}

TEST(AccountWeightsTest, RejectsBadInput) {
  const std::vector<int32_t> accounts = {0, 0, 1};
  AccountOptions by_value;
  by_value.mode = AccountMode::kByValue;
  EXPECT_EQ(AccountWeights(accounts.data(), 3, by_value).status().code(),
            CANDOR_INVALID_ARGUMENT);  // no values
  for (double bad : {0.0, -5.0, std::nan("")}) {
    const std::vector<double> values = {10, 10, bad};
    by_value.account_value = values.data();
    Result<std::vector<double>> r = AccountWeights(accounts.data(), 3, by_value);
    EXPECT_EQ(r.status().code(), CANDOR_INVALID_ARGUMENT) << bad;
    EXPECT_NE(r.status().message().find("account_value[2]"), std::string::npos)
        << r.status().message();
  }
  const std::vector<double> inconsistent = {10, 11, 5};
  by_value.account_value = inconsistent.data();
  Result<std::vector<double>> r = AccountWeights(accounts.data(), 3, by_value);
  EXPECT_EQ(r.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(r.status().message().find("account 0"), std::string::npos) << r.status().message();

  AccountOptions roles_options;
  const std::vector<int32_t> roles = {0, 2, 1};
  roles_options.roles = roles.data();
  roles_options.role_weights = {1, 1};  // role 2 has no weight
  r = AccountWeights(accounts.data(), 3, roles_options);
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("roles[1] = 2"), std::string::npos) << r.status().message();
  // An account whose responses all have role weight 0 has nothing to spread.
  roles_options.role_weights = {0, 1, 0};
  const std::vector<int32_t> zero_roles = {0, 0, 1};
  roles_options.roles = zero_roles.data();
  EXPECT_EQ(AccountWeights(accounts.data(), 3, roles_options).status().code(),
            CANDOR_INVALID_ARGUMENT);
  const std::vector<int32_t> negative = {0, -1, 1};
  EXPECT_EQ(AccountWeights(negative.data(), 3, AccountOptions()).status().code(),
            CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(AccountWeights(nullptr, 3, AccountOptions()).status().code(), CANDOR_INVALID_ARGUMENT);
}

TEST(CombineWeightsTest, ProductRescaledToMeanOne) {
  const std::vector<double> a = {1, 2, 3, 4};
  const std::vector<double> b = {0.5, 0.5, 2, 1};
  Result<std::vector<double>> w = CombineWeights({a.data(), nullptr, b.data()}, 4);
  ASSERT_TRUE(w.ok()) << w.status().message();
  // Products 0.5, 1, 6, 4 sum to 11.5; mean 1 means times 4 / 11.5.
  const double scale = 4 / 11.5;
  EXPECT_NEAR((*w)[0], 0.5 * scale, 1e-15);
  EXPECT_NEAR((*w)[2], 6 * scale, 1e-15);
  Result<std::vector<double>> none = CombineWeights({}, 3);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, (std::vector<double>{1, 1, 1}));
  const std::vector<double> negative = {1, -1, 1, 1};
  Result<std::vector<double>> r = CombineWeights({a.data(), negative.data()}, 4);
  EXPECT_EQ(r.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(r.status().message().find("part 1"), std::string::npos) << r.status().message();
}

// Products beyond the double range in either direction: one weight of 1e-314
// (its reciprocal overflowed to inf, found by fuzz/weights), two parts of
// 1e-200 (their product underflowed to 0) and of 1e200 (overflowed).
TEST(CombineWeightsTest, ProductsBeyondTheDoubleRange) {
  const std::vector<double> tiny = {1.0114902722409829e-314};
  Result<std::vector<double>> one = CombineWeights({tiny.data(), nullptr, tiny.data()}, 1);
  ASSERT_TRUE(one.ok()) << one.status().message();
  EXPECT_DOUBLE_EQ((*one)[0], 1.0);
  const std::vector<double> small = {1e-200, 3e-200, 4.9406564584124654e-324};
  Result<std::vector<double>> w = CombineWeights({small.data(), small.data()}, 3);
  ASSERT_TRUE(w.ok()) << w.status().message();
  // Products 1e-400, 9e-400 and 2.4e-647 rescaled to mean 1 (sum 1e-399).
  EXPECT_NEAR((*w)[0], 3 * 1.0 / 10, 1e-15);
  EXPECT_NEAR((*w)[1], 3 * 9.0 / 10, 1e-15);
  const double ratio = small[2] / small[0];  // 4.9e-124
  EXPECT_NEAR((*w)[2] / (3 * ratio * ratio / 10), 1.0, 1e-12);
  const std::vector<double> large = {1e200, 2e200};
  Result<std::vector<double>> big = CombineWeights({large.data(), large.data()}, 2);
  ASSERT_TRUE(big.ok()) << big.status().message();
  EXPECT_NEAR((*big)[0], 2 * 1.0 / 5, 1e-15);
  EXPECT_NEAR((*big)[1], 2 * 4.0 / 5, 1e-15);
  const std::vector<double> zeros = {0, 0};
  EXPECT_EQ(CombineWeights({zeros.data()}, 2).status().code(), CANDOR_INVALID_ARGUMENT);
}

TEST(RecencyWeightsTest, OneHalfLifeOldWeighsHalf) {
  const int64_t now = 1'790'000'000;
  const int64_t day = 86'400;
  const std::vector<int64_t> times = {now, now - 30 * day, now - 60 * day, now - 15 * day};
  Result<std::vector<double>> w = RecencyWeights(times.data(), times.size(), 30, now);
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_EQ((*w)[0], 1.0);
  EXPECT_NEAR((*w)[1], 0.5, 1e-15);
  EXPECT_NEAR((*w)[2], 0.25, 1e-15);
  EXPECT_NEAR((*w)[3], std::sqrt(0.5), 1e-15);
}

TEST(RecencyWeightsTest, RejectsFutureResponsesAndBadHalfLife) {
  const std::vector<int64_t> times = {100, 200};
  Result<std::vector<double>> r = RecencyWeights(times.data(), 2, 30, 150);
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("times[1]"), std::string::npos);
  EXPECT_EQ(RecencyWeights(times.data(), 2, 0, 300).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(
      RecencyWeights(times.data(), 2, std::numeric_limits<double>::infinity(), 300).status().code(),
      CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(RecencyWeights(nullptr, 2, 30, 300).status().code(), CANDOR_INVALID_ARGUMENT);
  // Extreme times do not overflow: the oldest possible response weighs ~0.
  const std::vector<int64_t> extreme = {std::numeric_limits<int64_t>::min()};
  r = RecencyWeights(extreme.data(), 1, 1, std::numeric_limits<int64_t>::max());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0], 0.0);
}

// Wilson (1927) in closed form, written out independently of the library.
void ClosedFormWilson(double x, double n, double z, double* low, double* high) {
  const double p = x / n;
  const double centre = (x + z * z / 2) / (n + z * z);
  const double half = z * std::sqrt(n) / (n + z * z) * std::sqrt(p * (1 - p) + z * z / (4 * n));
  *low = centre - half;
  *high = centre + half;
}

// At a level near 0 the Wilson interval shrinks onto the rate; rounding of
// its centre left the rate outside it (fuzz/weights; e.g. 0 of 13 at level
// 1e-12 gave [1.1e-41, 1.2e-25]). The interval always holds the rate.
TEST(ResponseRatesTest, TinyLevelIntervalHoldsTheRate) {
  for (int invited = 1; invited <= 40; ++invited) {
    for (int responded_count = 0; responded_count <= invited; ++responded_count) {
      std::vector<uint8_t> responded(invited, 0);
      for (int i = 0; i < responded_count; ++i) responded[i] = 1;
      for (double level : {1e-300, 1e-16, 1e-12, 1e-10, 1e-8, 1e-4, 0.95}) {
        Result<std::vector<ResponseRate>> rates =
            ResponseRates(responded.data(), nullptr, responded.size(), level);
        ASSERT_TRUE(rates.ok()) << rates.status().message();
        const ResponseRate& r = (*rates)[0];
        ASSERT_EQ(r.rate, static_cast<double>(responded_count) / invited);
        ASSERT_TRUE(r.ci_low <= r.rate && r.rate <= r.ci_high)
            << responded_count << "/" << invited << " at " << level << ": [" << r.ci_low << ", "
            << r.ci_high << "]";
        ASSERT_TRUE(r.ci_low >= 0.0 && r.ci_high <= 1.0);
      }
    }
  }
}

TEST(ResponseRatesTest, WilsonIntervalsMatchClosedFormAndR) {
  // Segment 0: 37 of 120; segment 1 (code 3): 0 of 25; segment 5: 25 of 25.
  std::vector<uint8_t> responded;
  std::vector<int32_t> segment;
  auto add = [&](int32_t code, int yes, int total) {
    for (int k = 0; k < total; ++k) {
      responded.push_back(k < yes ? 1 : 0);
      segment.push_back(code);
    }
  };
  add(5, 25, 25);
  add(0, 37, 120);
  add(3, 0, 25);
  Result<std::vector<ResponseRate>> rates =
      ResponseRates(responded.data(), segment.data(), responded.size(), 0.95);
  ASSERT_TRUE(rates.ok()) << rates.status().message();
  ASSERT_EQ(rates->size(), 3u);
  const ResponseRate& r0 = (*rates)[0];
  EXPECT_EQ(r0.code, 0);
  EXPECT_EQ(r0.invited, 120);
  EXPECT_EQ(r0.responded, 37);
  EXPECT_NEAR(r0.rate, 37.0 / 120, 1e-15);
  double low = 0;
  double high = 0;
  ClosedFormWilson(37, 120, 1.959963984540054, &low, &high);
  EXPECT_NEAR(r0.ci_low, low, 1e-12);
  EXPECT_NEAR(r0.ci_high, high, 1e-12);
  // Rscript -e 'options(digits=17); prop.test(37, 120, correct=FALSE)$conf.int'
  //   0.23272736988916301 0.39582997723800678
  EXPECT_NEAR(r0.ci_low, 0.23272736988916301, 1e-12);
  EXPECT_NEAR(r0.ci_high, 0.39582997723800678, 1e-12);
  // prop.test(0, 25, correct=FALSE)$conf.int: 0 0.13319225093904843
  EXPECT_EQ((*rates)[1].code, 3);
  EXPECT_NEAR((*rates)[1].ci_low, 0, 1e-15);
  EXPECT_NEAR((*rates)[1].ci_high, 0.13319225093904843, 1e-12);
  // prop.test(25, 25, correct=FALSE)$conf.int: 0.86680774906095159 1
  EXPECT_EQ((*rates)[2].code, 5);
  EXPECT_NEAR((*rates)[2].ci_low, 0.86680774906095159, 1e-12);
  EXPECT_NEAR((*rates)[2].ci_high, 1, 1e-15);
}

TEST(ResponseRatesTest, NinetyPercentWithoutSegments) {
  const std::vector<uint8_t> responded = {1, 0, 0, 1, 0, 0, 0, 1, 0, 0};
  Result<std::vector<ResponseRate>> rates = ResponseRates(responded.data(), nullptr, 10, 0.90);
  ASSERT_TRUE(rates.ok()) << rates.status().message();
  ASSERT_EQ(rates->size(), 1u);
  // prop.test(3, 10, conf.level=0.9, correct=FALSE)$conf.int
  //   0.12687658390319789 0.55830020413016479
  EXPECT_NEAR((*rates)[0].ci_low, 0.12687658390319789, 1e-12);
  EXPECT_NEAR((*rates)[0].ci_high, 0.55830020413016479, 1e-12);
}

TEST(ResponseRatesTest, RejectsBadInput) {
  const std::vector<uint8_t> responded = {1, 2};
  const std::vector<int32_t> segment = {0, -1};
  EXPECT_EQ(ResponseRates(responded.data(), nullptr, 2, 0.95).status().code(),
            CANDOR_INVALID_ARGUMENT);
  const std::vector<uint8_t> ok = {1, 0};
  EXPECT_EQ(ResponseRates(ok.data(), segment.data(), 2, 0.95).status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(ResponseRates(ok.data(), nullptr, 2, 1.0).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(ResponseRates(nullptr, nullptr, 2, 0.95).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(ResponseRates(ok.data(), nullptr, 0, 0.95).status().code(), CANDOR_EMPTY);
}

}  // namespace
}  // namespace candor
