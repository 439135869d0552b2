// Mann-Kendall test and Sen's slope: pymannkendall's published vector,
// fixtures from scipy and an O(n^2) S (tests/crosscheck/trend_reference.py),
// R's cor.test (tests/crosscheck/trend_kendall.R),
// a brute-force S on random data with many ties, and input validation.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/trend_series.hpp>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/fixture_csv.hpp"

namespace candor {
namespace {

std::string DataPath(const std::string& name) {
  return std::string(CANDOR_TEST_DATA) + "/trend/" + name;
}

std::vector<std::map<std::string, std::string>> ReadCsv(const std::string& name) {
  return testing::ReadFixtureCsv(DataPath(name));
}

int64_t BruteForceS(const std::vector<double>& x) {
  int64_t s = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    for (size_t j = i + 1; j < x.size(); ++j) s += (x[j] > x[i]) - (x[j] < x[i]);
  }
  return s;
}

// pymannkendall tests/test_pymannkendall.py, test_original_test: the Bogra
// column of its "Monthly Rainfall.csv" (360 months, 7 missing, which
// pymannkendall drops). Values also in docs/REFERENCES.md section 4.
TEST(MannKendallTest, MatchesPymannkendallPublishedVector) {
  std::ifstream in(DataPath("pymannkendall_bogra.txt"));
  ASSERT_TRUE(in.good());
  std::vector<double> x;
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    if (line != "nan") x.push_back(std::stod(line));
  }
  ASSERT_EQ(lines, 360);
  ASSERT_EQ(x.size(), 353u);
  const Result<MannKendall> mk = MannKendallTest(x.data(), x.size());
  ASSERT_TRUE(mk.ok()) << mk.status().message();
  EXPECT_EQ(mk->s, -1959);
  EXPECT_EQ(mk->n, 353);
  EXPECT_NEAR(mk->var_s, 4889800.333333333, 1e-6);
  EXPECT_NEAR(mk->z, -0.8854562842589916, 1e-12);
  EXPECT_NEAR(mk->p_value, 0.37591058740506833, 1e-12);
  EXPECT_NEAR(mk->tau, -0.03153167653875869, 1e-15);

  const Result<SensSlope> sen = SensSlopeEstimate(x.data(), x.size(), 0.95);
  ASSERT_TRUE(sen.ok()) << sen.status().message();
  EXPECT_NEAR(sen->slope, -0.0064516129032258064, 1e-15);
}

TEST(MannKendallTest, MatchesScipyAndBruteForceFixtures) {
  std::map<std::string, std::vector<double>> series;
  for (const auto& row : ReadCsv("trend_series.csv")) {
    series[row.at("case")].push_back(std::stod(row.at("value")));
  }
  const auto expected = ReadCsv("trend_expected.csv");
  ASSERT_GE(expected.size(), 10u);
  for (const auto& row : expected) {
    const std::string name = row.at("case");
    SCOPED_TRACE(name);
    const std::vector<double>& x = series.at(name);
    ASSERT_EQ(static_cast<int64_t>(x.size()), std::stoll(row.at("n")));
    const Result<MannKendall> mk = MannKendallTest(x.data(), x.size());
    ASSERT_TRUE(mk.ok()) << mk.status().message();
    EXPECT_EQ(mk->s, std::stoll(row.at("s")));
    const double var_s = std::stod(row.at("var_s"));
    EXPECT_NEAR(mk->var_s, var_s, 1e-9 * var_s);
    EXPECT_NEAR(mk->z, std::stod(row.at("z")), 1e-12);
    EXPECT_NEAR(mk->p_value, std::stod(row.at("p")), 1e-12);
    EXPECT_NEAR(mk->tau, std::stod(row.at("tau")), 1e-15);

    const Result<SensSlope> sen = SensSlopeEstimate(x.data(), x.size(), std::stod(row.at("level")));
    ASSERT_TRUE(sen.ok()) << sen.status().message();
    EXPECT_NEAR(sen->slope, std::stod(row.at("slope")), 1e-12);
    EXPECT_NEAR(sen->intercept, std::stod(row.at("intercept")), 1e-9);
    // Order statistics of the same slopes: exact equality is expected.
    EXPECT_DOUBLE_EQ(sen->ci_low, std::stod(row.at("low")));
    EXPECT_DOUBLE_EQ(sen->ci_high, std::stod(row.at("high")));
  }
}

// R's cor.test(index, x, method = "kendall", exact = FALSE, continuity =
// TRUE) (tests/crosscheck/trend_kendall.R). R reports tau-b; with no ties in
// time, S = tau_b sqrt(T0 (T0 - T2)) and candor's tau-a = S / T0, T0 = all
// pairs, T2 = pairs tied in x. R's continuity-corrected z and its p-value are
// candor's z and p.
TEST(MannKendallTest, MatchesRCorTestKendall) {
  // Both files hold the case "bogra" (the same series); R read the first.
  std::map<std::string, std::vector<double>> series;
  for (const char* file : {"trend_series.csv", "variants_series.csv"}) {
    std::map<std::string, std::vector<double>> in_file;
    for (const auto& row : ReadCsv(file)) {
      in_file[row.at("case")].push_back(std::stod(row.at("value")));
    }
    series.insert(in_file.begin(), in_file.end());  // keeps existing cases
  }
  const auto expected = ReadCsv("trend_kendall_r.csv");
  ASSERT_GE(expected.size(), 15u);
  for (const auto& row : expected) {
    const std::string name = row.at("case");
    SCOPED_TRACE(name);
    const std::vector<double>& x = series.at(name);
    const Result<MannKendall> mk = MannKendallTest(x.data(), x.size());
    ASSERT_TRUE(mk.ok()) << mk.status().message();
    EXPECT_EQ(mk->s, std::stoll(row.at("s_direct")));
    EXPECT_NEAR(static_cast<double>(mk->s), std::stod(row.at("s_from_tau")), 1e-6);
    const double var_s = std::stod(row.at("var_s"));
    EXPECT_NEAR(mk->var_s, var_s, 1e-12 * var_s);
    EXPECT_NEAR(mk->z, std::stod(row.at("z")), 1e-9);
    const double p = std::stod(row.at("p"));
    EXPECT_NEAR(mk->p_value, p, 1e-9 * std::max(p, 1e-12));
    // tau-a from R's tau-b.
    const double n = static_cast<double>(x.size());
    const double t0 = n * (n - 1) / 2;
    std::map<double, double> counts;
    for (double v : x) ++counts[v];
    double t2 = 0;
    for (const auto& [value, t] : counts) t2 += t * (t - 1) / 2;
    EXPECT_NEAR(mk->tau, std::stod(row.at("tau_b")) * std::sqrt((t0 - t2) / t0), 1e-13);
  }
}

TEST(MannKendallTest, MatchesBruteForceSWithManyTies) {
  std::mt19937_64 rng(7);
  for (size_t n : {3u, 5u, 17u, 64u, 65u, 500u, 1999u, 2000u}) {
    for (int levels : {2, 3, 11, 1000000}) {
      std::uniform_int_distribution<int> draw(0, levels - 1);
      std::vector<double> x(n);
      for (double& v : x) v = draw(rng);
      const Result<MannKendall> mk = MannKendallTest(x.data(), n);
      ASSERT_TRUE(mk.ok());
      EXPECT_EQ(mk->s, BruteForceS(x)) << "n=" << n << " levels=" << levels;
      // Reversing time flips the sign of S and keeps Var(S).
      const std::vector<double> reversed(x.rbegin(), x.rend());
      const Result<MannKendall> back = MannKendallTest(reversed.data(), n);
      ASSERT_TRUE(back.ok());
      EXPECT_EQ(back->s, -mk->s);
      EXPECT_DOUBLE_EQ(back->var_s, mk->var_s);
    }
  }
}

TEST(MannKendallTest, StrictlyIncreasingSeriesHasAllPairsConcordant) {
  const std::vector<double> x = {1, 2, 3, 4, 5};
  const Result<MannKendall> mk = MannKendallTest(x.data(), x.size());
  ASSERT_TRUE(mk.ok());
  EXPECT_EQ(mk->s, 10);
  EXPECT_DOUBLE_EQ(mk->tau, 1.0);
  EXPECT_DOUBLE_EQ(mk->var_s, 5.0 * 4 * 15 / 18);  // n(n-1)(2n+5)/18, no ties
  EXPECT_DOUBLE_EQ(mk->z, 9 / std::sqrt(mk->var_s));
  const Result<SensSlope> sen = SensSlopeEstimate(x.data(), x.size(), 0.9);
  ASSERT_TRUE(sen.ok());
  EXPECT_DOUBLE_EQ(sen->slope, 1.0);
  EXPECT_DOUBLE_EQ(sen->intercept, 1.0);  // median 3 - 2 * 1
}

TEST(MannKendallTest, RejectsBadInput) {
  const std::vector<double> two = {1, 2};
  EXPECT_EQ(MannKendallTest(two.data(), 2).status().code(), CANDOR_EMPTY);
  EXPECT_EQ(MannKendallTest(nullptr, 0).status().code(), CANDOR_EMPTY);
  EXPECT_EQ(MannKendallTest(nullptr, 5).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(SensSlopeEstimate(two.data(), 2, 0.95).status().code(), CANDOR_EMPTY);
  EXPECT_EQ(SensSlopeEstimate(nullptr, 4, 0.95).status().code(), CANDOR_INVALID_ARGUMENT);

  std::vector<double> x = {1, 2, 3, 4};
  x[2] = std::numeric_limits<double>::quiet_NaN();
  Result<MannKendall> mk = MannKendallTest(x.data(), x.size());
  EXPECT_EQ(mk.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(mk.status().message().find("index 2"), std::string::npos) << mk.status().message();
  x[2] = 3;
  x[3] = -std::numeric_limits<double>::infinity();
  Result<SensSlope> sen = SensSlopeEstimate(x.data(), x.size(), 0.95);
  EXPECT_EQ(sen.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(sen.status().message().find("index 3"), std::string::npos) << sen.status().message();

  x[3] = 4;
  for (double level : {0.0, 1.0, -0.5, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
    EXPECT_EQ(SensSlopeEstimate(x.data(), x.size(), level).status().code(),
              CANDOR_INVALID_ARGUMENT)
        << level;
  }
  const std::vector<double> big(kSensSlopeMaxN + 1, 1.0);
  EXPECT_EQ(SensSlopeEstimate(big.data(), big.size(), 0.95).status().code(),
            CANDOR_UNSUPPORTED);
}

}  // namespace
}  // namespace candor
