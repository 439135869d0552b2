// EstimateRecovery: the overall comparison is Compare's, the stratified
// difference is the followed-up-weighted sum of stratum differences (checked
// here by hand on small data; tests/python/test_recovery.py checks both
// against numpy), and bad rows are errors naming the row.
#include <gtest/gtest.h>

#include <candor/recovery.hpp>
#include <cmath>
#include <string>
#include <vector>

namespace candor {
namespace {

TEST(Recovery, OverallIsCompareOfTheTwoGroups) {
  const std::vector<double> x = {9, 10, 3, 7, 8, 2, 6, 9};
  const std::vector<int32_t> f = {1, 1, 1, 1, 0, 0, 0, 0};
  Result<Recovery> r = EstimateRecovery(x.data(), f.data(), nullptr, x.size(), RecoveryOptions());
  ASSERT_TRUE(r.ok()) << r.status().message();
  // Rocks' adjusted NPS: followed (2 pro, 1 det of 4) -> (2.75 - 1.75) / 7;
  // others (1 pro, 2 det of 4) -> (1.75 - 2.75) / 7.
  EXPECT_NEAR(r->overall.a.value, 100.0 / 7, 1e-12);
  EXPECT_NEAR(r->overall.b.value, -100.0 / 7, 1e-12);
  EXPECT_NEAR(r->overall.difference, 200.0 / 7, 1e-12);
  EXPECT_GT(r->overall.ci_high - r->overall.ci_low, 0);
  EXPECT_FALSE(r->stratified_given);
  EXPECT_NE(std::string(r->caveat).find("not randomized"), std::string::npos);
}

TEST(Recovery, StratifiedWeightsStrataByFollowedUp) {
  // Stratum 0: 1 followed (10) vs 2 others (0, 10); stratum 1: 3 followed vs
  // 1 other; stratum 2: only others (dropped).
  const std::vector<double> x = {10, 0, 10, 5, 9, 9, 6, 4, 4};
  const std::vector<int32_t> f = {1, 0, 0, 1, 1, 1, 0, 0, 0};
  const std::vector<int32_t> s = {0, 0, 0, 1, 1, 1, 1, 2, 2};
  RecoveryOptions options;
  options.metric = Metric::Mean(0, 10);
  options.interval.method = IntervalMethod::kWald;
  Result<Recovery> r = EstimateRecovery(x.data(), f.data(), s.data(), x.size(), options);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->strata.size(), 3u);
  const StratifiedDifference& d = r->stratified;
  EXPECT_EQ(d.strata_compared, 2);
  EXPECT_EQ(d.strata_dropped, 1);
  EXPECT_EQ(d.rows_dropped, 2);
  // d0 = 10 - 5 = 5, var0 = 0/1 + 25/2 = 12.5 (plug-in variances);
  // d1 = 23/3 - 6, var1 = var(5, 9, 9)/3 + 0 with var = mean(x^2) - mean^2.
  const double m1 = 23.0 / 3;
  const double var1 = ((25 + 81 + 81) / 3.0 - m1 * m1) / 3;
  const double w0 = 0.25, w1 = 0.75;
  EXPECT_NEAR(d.difference, w0 * 5 + w1 * (m1 - 6), 1e-12);
  EXPECT_NEAR(d.std_error, std::sqrt(w0 * w0 * 12.5 + w1 * w1 * var1), 1e-12);
  EXPECT_NEAR(d.ci_high - d.difference, 1.959963984540054 * d.std_error, 1e-9);
  EXPECT_FALSE(r->strata[2].compared);
  EXPECT_TRUE(std::isnan(r->strata[2].comparison.difference));
}

TEST(Recovery, OneStratumEqualsOverall) {
  const std::vector<double> x = {9, 10, 3, 7, 8, 2, 6, 9, 0};
  const std::vector<int32_t> f = {1, 1, 1, 1, 0, 0, 0, 0, 1};
  const std::vector<int32_t> s(x.size(), 7);
  Result<Recovery> r = EstimateRecovery(x.data(), f.data(), s.data(), x.size(), RecoveryOptions());
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->stratified.difference, r->overall.difference);
  EXPECT_NEAR(r->stratified.std_error, r->overall.std_error, 1e-12);
}

TEST(Recovery, BadRowsAreErrorsNamingTheRow) {
  const std::vector<double> x = {9, 10.5, 3};
  const std::vector<int32_t> f = {1, 0, 0};
  Result<Recovery> r = EstimateRecovery(x.data(), f.data(), nullptr, 3, RecoveryOptions());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("rescores[1]"), std::string::npos);

  const std::vector<double> y = {9, 10, 3};
  const std::vector<int32_t> g = {1, 2, 0};
  r = EstimateRecovery(y.data(), g.data(), nullptr, 3, RecoveryOptions());
  EXPECT_NE(r.status().message().find("followed_up[1]"), std::string::npos);

  const std::vector<int32_t> all_followed = {1, 1, 1};
  r = EstimateRecovery(y.data(), all_followed.data(), nullptr, 3, RecoveryOptions());
  EXPECT_EQ(r.status().code(), CANDOR_EMPTY);
  EXPECT_NE(r.status().message().find("followed_up = 0"), std::string::npos);

  const std::vector<int32_t> f2 = {1, 0, 0};
  const std::vector<int32_t> apart = {0, 1, 1};
  r = EstimateRecovery(y.data(), f2.data(), apart.data(), 3, RecoveryOptions());
  EXPECT_EQ(r.status().code(), CANDOR_EMPTY);
  EXPECT_NE(r.status().message().find("no stratum"), std::string::npos);

  EXPECT_EQ(EstimateRecovery(y.data(), f2.data(), nullptr, 0, RecoveryOptions()).status().code(),
            CANDOR_EMPTY);
}

}  // namespace
}  // namespace candor
