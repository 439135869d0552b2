// AccountSurveyMeasure against sums worked out by hand (the arithmetic is in
// the comments), the limits of the shrinkage, windows, segments, the
// pseudo-responses that keep standard errors above 0, and the errors.
#include <gtest/gtest.h>

#include <candor/health_survey.hpp>
#include <cmath>
#include <vector>

namespace candor {
namespace {

// Account 0: 10, 10, 0, 9 -> NPS values 100, 100, -100, 100 (m = 50, n = 4)
// Account 1: 9, 10, 9, 10 -> 100 x 4 (m = 100, n = 4)
// Account 2: 0, 3, 8, 6 -> -100, -100, 0, -100 (m = -75, n = 4)
// Account 3: no responses.
const std::vector<double> kScores{10, 10, 0, 9, 9, 10, 9, 10, 0, 3, 8, 6};
const std::vector<int32_t> kAccounts{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};

TEST(HealthSurvey, ShrinkageByHand) {
  auto r = AccountSurveyMeasure(kScores.data(), nullptr, kAccounts.data(), 12, 4, nullptr, 0, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  // Within: account 0 deviations 50, 50, -150, 50 -> SS 30000; account 1 0;
  // account 2: -25, -25, 75, -25 -> 7500. sigma2 = 37500 / (12 - 3) = 4166.67.
  const double sigma2 = 37500.0 / 9;
  // ybar = (200 + 400 - 300) / 12 = 25; SSB = 4 (25^2 + 75^2 + 100^2) = 65000.
  // tau2 = (65000 - 2 sigma2) / (12 - 48 / 12) = (65000 - 8333.33) / 8.
  const double tau2 = (65000 - 2 * sigma2) / 8;
  const SurveySegment& g = r->segments[0];
  EXPECT_NEAR(g.within_variance, sigma2, 1e-9);
  EXPECT_NEAR(g.between_variance, tau2, 1e-9);
  EXPECT_EQ(g.accounts, 3);
  EXPECT_EQ(g.responses, 12);
  EXPECT_FALSE(g.pseudo_responses);
  // Equal n: equal weights, mu = mean of the account means = 25.
  EXPECT_NEAR(g.mean, 25, 1e-12);
  const double b = tau2 / (tau2 + sigma2 / 4);
  const double w = 1 / (tau2 + sigma2 / 4);
  const double raw[] = {50, 100, -75};
  for (int a = 0; a < 3; ++a) {
    EXPECT_NEAR(r->raw[a], raw[a], 1e-12);
    EXPECT_NEAR(r->shrinkage[a], b, 1e-12);
    EXPECT_NEAR(r->value[a], 25 + b * (raw[a] - 25), 1e-9);
    EXPECT_NEAR(r->std_error[a], std::sqrt(b * sigma2 / 4 + (1 - b) * (1 - b) / (3 * w)), 1e-9);
    EXPECT_EQ(r->responses[a], 4);
  }
  EXPECT_TRUE(std::isnan(r->value[3]));
  EXPECT_EQ(r->responses[3], 0);

  // Without shrinkage: the raw NPS with sqrt(sigma2 / n).
  SurveyMeasureOptions raw_options;
  raw_options.shrink = false;
  r = AccountSurveyMeasure(kScores.data(), nullptr, kAccounts.data(), 12, 4, nullptr, 0,
                           raw_options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->value[1], 100);
  EXPECT_NEAR(r->std_error[1], std::sqrt(sigma2 / 4), 1e-12);
}

TEST(HealthSurvey, OneAnswerCannotSwingASmallAccount) {
  // Twenty accounts of 10 answers around NPS 0, and one account with a
  // single detractor: its raw NPS is -100, its measure stays near the rest.
  std::vector<double> scores;
  std::vector<int32_t> accounts;
  for (int a = 0; a < 20; ++a) {
    for (int j = 0; j < 10; ++j) {
      scores.push_back((a + j) % 3 == 0 ? 10 : ((a + j) % 3 == 1 ? 3 : 8));
      accounts.push_back(a);
    }
  }
  scores.push_back(2);
  accounts.push_back(20);
  auto r = AccountSurveyMeasure(scores.data(), nullptr, accounts.data(), scores.size(), 21, nullptr,
                                0, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->raw[20], -100);
  EXPECT_GT(r->value[20], -40);
  EXPECT_LT(r->shrinkage[20], 0.5);
  EXPECT_GE(r->std_error[20], r->std_error[0]);  // less evidence, no narrower
}

TEST(HealthSurvey, WindowsSegmentsAndPseudoResponses) {
  const std::vector<int64_t> times{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  SurveyMeasureOptions options;
  options.from = 5;
  options.to = 9;  // account 1's four responses only
  auto r = AccountSurveyMeasure(kScores.data(), times.data(), kAccounts.data(), 12, 4, nullptr, 0,
                                options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->responses[0], 0);
  EXPECT_EQ(r->responses[1], 4);
  EXPECT_TRUE(std::isnan(r->value[0]));
  // Four promoters: no spread, so the pseudo-account (-100 and 100) gives
  // sigma2 = (0 + 200^2 / 2) / (4 - 1 + 1) = 5000, and a nonzero SE.
  EXPECT_TRUE(r->segments[0].pseudo_responses);
  EXPECT_NEAR(r->segments[0].within_variance, 5000, 1e-9);
  EXPECT_EQ(r->value[1], 100);
  EXPECT_NEAR(r->std_error[1], std::sqrt(5000.0 / 4), 1e-9);

  // Two segments: accounts 0 and 1 in one, 2 alone in the other.
  const std::vector<int32_t> segment{0, 0, 1, 1};
  r = AccountSurveyMeasure(kScores.data(), nullptr, kAccounts.data(), 12, 4, segment.data(), 2, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->segments[1].accounts, 1);
  EXPECT_NEAR(r->value[2], -75, 1e-12);  // alone: its own mean
  EXPECT_NEAR(r->segments[1].mean, -75, 1e-12);
  EXPECT_EQ(r->segments[0].accounts, 2);

  // CSAT (top-2-box on 1..5): values 100 / 0.
  const std::vector<double> csat{5, 4, 1, 3};
  const std::vector<int32_t> two{0, 0, 1, 1};
  options = {};
  options.metric = Metric::Csat();
  options.shrink = false;
  r = AccountSurveyMeasure(csat.data(), nullptr, two.data(), 4, 2, nullptr, 0, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->value[0], 100);
  EXPECT_EQ(r->value[1], 0);
}

TEST(HealthSurvey, ErrorsNameTheProblem) {
  std::vector<double> scores = kScores;
  scores[5] = 10.5;
  auto r = AccountSurveyMeasure(scores.data(), nullptr, kAccounts.data(), 12, 4, nullptr, 0, {});
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("scores[5]"), std::string::npos);
  std::vector<int32_t> accounts = kAccounts;
  accounts[2] = 4;
  r = AccountSurveyMeasure(kScores.data(), nullptr, accounts.data(), 12, 4, nullptr, 0, {});
  EXPECT_NE(r.status().message().find("accounts[2] = 4"), std::string::npos);
  const std::vector<int32_t> segment{0, 0, 2, 1};
  r = AccountSurveyMeasure(kScores.data(), nullptr, kAccounts.data(), 12, 4, segment.data(), 2, {});
  EXPECT_NE(r.status().message().find("account_segment[2]"), std::string::npos);
  SurveyMeasureOptions options;
  options.from = 5;
  options.to = 5;
  r = AccountSurveyMeasure(kScores.data(), nullptr, kAccounts.data(), 12, 4, nullptr, 0, options);
  EXPECT_EQ(r.status().code(), CANDOR_INVALID_ARGUMENT);
  r = AccountSurveyMeasure(nullptr, nullptr, kAccounts.data(), 12, 4, nullptr, 0, {});
  EXPECT_EQ(r.status().code(), CANDOR_INVALID_ARGUMENT);
  // No responses at all: every value missing, not an error.
  r = AccountSurveyMeasure(nullptr, nullptr, nullptr, 0, 3, nullptr, 0, {});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(std::isnan(r->value[2]));
}

}  // namespace
}  // namespace candor
