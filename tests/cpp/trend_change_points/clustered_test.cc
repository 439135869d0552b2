// The cluster-robust calibrated scan (designs with account clusters): Z
// against a brute-force cluster-robust contrast, a seeded false-alarm
// simulation with accounts spread over the series (the design-effect scan
// it replaces fired in about 0.2% of such series at alpha 0.05), power,
// accounts that sit in one segment, singleton accounts, few accounts and bad
// cluster codes. The Python suite checks one split's Z with numpy
// (tests/python/test_change_points_calibrated.py).
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/trend_change_points.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <numeric>
#include <random>
#include <vector>

namespace candor {
namespace {

double NpsValue(double score) { return score <= 6 ? -1 : score >= 9 ? 1 : 0; }

// A series of `months` months of `per_month` responses; accounts of 4
// responses at random times (each account shifts its answers by its own
// effect, so they are alike); the NPS drops by `drop` after half the months.
struct Series {
  std::vector<double> scores;
  std::vector<int32_t> accounts;
  std::vector<double> weights;
  std::vector<int64_t> boundaries;  // the first response of each month
  size_t change = 0;
};

Series MakeSeries(std::mt19937_64& rng, int months, int per_month, double drop,
                  double account_sd = 0.25) {
  Series s;
  const size_t n = static_cast<size_t>(months) * static_cast<size_t>(per_month);
  s.accounts.resize(n);
  for (size_t i = 0; i < n; ++i) s.accounts[i] = static_cast<int32_t>(i / 4);
  std::shuffle(s.accounts.begin(), s.accounts.end(), rng);
  std::normal_distribution<double> effect_of(0, account_sd);
  std::vector<double> effect(n / 4 + 1);
  for (double& e : effect) e = effect_of(rng);
  std::uniform_real_distribution<double> u(0, 1);
  std::lognormal_distribution<double> weight(0, 0.5);
  std::uniform_int_distribution<int> det(0, 6), pas(7, 8), pro(9, 10);
  s.change = static_cast<size_t>(months / 2) * static_cast<size_t>(per_month);
  for (size_t i = 0; i < n; ++i) {
    const double nps = i < s.change ? 0.15 : 0.15 - drop;
    const double promoters = (0.65 + nps) / 2, detractors = 0.65 - promoters;
    const double x = std::clamp(u(rng) + effect[static_cast<size_t>(s.accounts[i])], 0.0, 0.999999);
    s.scores.push_back(x < detractors ? det(rng) : x < detractors + 0.35 ? pas(rng) : pro(rng));
    s.weights.push_back(weight(rng));
  }
  for (int m = 1; m < months; ++m) s.boundaries.push_back(int64_t{m} * per_month);
  return s;
}

// The cluster-robust Z of the split at t of [0, n), written out from its
// definition: the contrast (weighted mean after - weighted mean before)
// over the square root of the linearization variance of the CUSUM
// R = sum_{i<t} w_i (y_i - ybar), sum over accounts of their influence
// (P - q T)^2 times C / (C - 1) (P: the account's residual sum before t, T:
// its total, q = W_before / W), scaled to the contrast by
// (1 / W_before + 1 / W_after).
double BruteForceZ(const Series& s, bool weighted, size_t t) {
  const size_t n = s.scores.size();
  auto w = [&](size_t i) { return weighted ? s.weights[i] : 1.0; };
  double w_before = 0, w_after = 0, sum_before = 0, sum_after = 0;
  for (size_t i = 0; i < t; ++i) {
    w_before += w(i);
    sum_before += w(i) * NpsValue(s.scores[i]);
  }
  for (size_t i = t; i < n; ++i) {
    w_after += w(i);
    sum_after += w(i) * NpsValue(s.scores[i]);
  }
  const double ybar = (sum_before + sum_after) / (w_before + w_after);
  const double q = w_before / (w_before + w_after);
  std::map<int32_t, double> influence;
  for (size_t i = 0; i < n; ++i) {
    const double r = w(i) * (NpsValue(s.scores[i]) - ybar);
    influence[s.accounts[i]] += (i < t ? 1 - q : -q) * r;
  }
  double squares = 0;
  for (const auto& [account, u] : influence) squares += u * u;
  const double c = static_cast<double>(influence.size());
  const double variance_of_cusum = c / (c - 1) * squares;
  const double contrast = sum_after / w_after - sum_before / w_before;
  return contrast / (std::sqrt(variance_of_cusum) * (1 / w_before + 1 / w_after));
}

Result<ChangePoints> Detect(const Series& s, bool weighted, const ChangePointOptions& options) {
  SurveyDesign design;
  design.clusters = s.accounts.data();
  if (weighted) design.weights = s.weights.data();
  return DetectChangePoints(s.scores.data(), nullptr, design, s.scores.size(), options);
}

TEST(ClusteredChangePoints, ZIsTheBruteForceClusterRobustContrast) {
  for (bool weighted : {false, true}) {
    std::mt19937_64 rng(weighted ? 3 : 2);
    const Series s = MakeSeries(rng, 8, 150, 0.2);
    ChangePointOptions options;
    options.boundaries = s.boundaries;
    options.replicates = 199;
    auto result = Detect(s, weighted, options);
    ASSERT_TRUE(result.ok()) << result.status().message();
    double best = 0;
    size_t at = 0;
    for (int64_t b : s.boundaries) {
      const double z = BruteForceZ(s, weighted, static_cast<size_t>(b));
      if (std::fabs(z) > std::fabs(best)) {
        best = z;
        at = static_cast<size_t>(b);
      }
    }
    EXPECT_NEAR(result->max_z, std::fabs(best), 1e-9 * std::fabs(best)) << weighted;
    ASSERT_FALSE(result->changes.empty());
    // The first change is found in the whole series, and (with one true
    // change) stays where the whole series' Z is largest.
    EXPECT_EQ(result->changes[0].index, static_cast<int64_t>(at));
    EXPECT_LT(best, 0);  // a drop
    EXPECT_EQ(result->calibration, ChangeCalibration::kGaussian);
  }
}

// With response-level candidates (no boundaries) the scan's refinement moves
// a change to the position of largest |Z|: that Z too is the brute force's.
TEST(ClusteredChangePoints, ResponseLevelZIsTheBruteForceOne) {
  std::mt19937_64 rng(4);
  const Series s = MakeSeries(rng, 6, 100, 0.3);
  ChangePointOptions options;
  options.replicates = 199;
  auto result = Detect(s, false, options);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->changes.size(), 1u);
  const ChangePoint& change = result->changes[0];
  double best = 0;
  int64_t at = 0;
  for (size_t t = 30; t + 30 <= s.scores.size(); ++t) {
    const double z = BruteForceZ(s, false, t);
    if (std::fabs(z) > std::fabs(best)) {
      best = z;
      at = static_cast<int64_t>(t);
    }
  }
  EXPECT_EQ(change.index, at);
  EXPECT_NEAR(result->max_z, std::fabs(best), 1e-9 * std::fabs(best));
  EXPECT_LE(change.index_low, change.index);
  EXPECT_GE(change.index_high, change.index);
}

// The false-alarm rate at alpha 0.05 in series with no change, accounts of
// 4 alike answers at random times, with and without weights: within a
// binomial band around 5% (dividing Z by sqrt(deff) gave about 0.2%).
TEST(ClusteredChangePoints, FalseAlarmRateIsAlpha) {
  for (bool weighted : {false, true}) {
    std::mt19937_64 rng(weighted ? 12 : 11);
    const int series = 200;
    int alarms = 0;
    for (int r = 0; r < series; ++r) {
      const Series s = MakeSeries(rng, 12, 100, 0);
      ChangePointOptions options;
      options.boundaries = s.boundaries;
      options.seed = static_cast<uint64_t>(r) + 1;
      options.replicates = 999;
      auto result = Detect(s, weighted, options);
      ASSERT_TRUE(result.ok()) << result.status().message();
      alarms += !result->changes.empty();
    }
    const double rate = static_cast<double>(alarms) / series;
    std::printf("clustered false alarms%s: %d of %d series (%.1f%%)\n",
                weighted ? ", weighted" : "", alarms, series, 100 * rate);
    // 5% +- 3 binomial SDs of 200 series (1.5%): [0.5%, 9.6%], as counts.
    EXPECT_GE(alarms, 2) << weighted;
    EXPECT_LE(alarms, 19) << weighted;
  }
}

// A drop of about 4 standard errors of the oracle cluster-robust contrast
// at the true change (month 6 of 12, 500 a month) is found almost always.
TEST(ClusteredChangePoints, FindsAFourStandardErrorDrop) {
  std::mt19937_64 rng(31);
  const int series = 40;
  int found = 0, near = 0;
  double oracle_z = 0;
  for (int r = 0; r < series; ++r) {
    const Series s = MakeSeries(rng, 12, 500, 0.09);
    oracle_z += BruteForceZ(s, false, s.change) / series;
    ChangePointOptions options;
    options.boundaries = s.boundaries;
    options.seed = static_cast<uint64_t>(r) + 1;
    options.replicates = 499;
    auto result = Detect(s, false, options);
    ASSERT_TRUE(result.ok()) << result.status().message();
    found += !result->changes.empty();
    for (const ChangePoint& c : result->changes) {
      near += c.index == static_cast<int64_t>(s.change);
    }
  }
  std::printf("clustered power at a mean oracle z of %.2f: %d of %d, at the true month %d\n",
              oracle_z, found, series, near);
  EXPECT_LT(oracle_z, -3.5);
  EXPECT_GT(oracle_z, -4.8);
  EXPECT_GE(found, 32);  // >= 80%; the design-effect scan found fewer
  EXPECT_GE(near, 28);
}

// Accounts whose answers all sit on one side of every split: the contrast's
// variance is then that of the overall mean's clusters, and Z about the
// unclustered Z over sqrt(deff).
TEST(ClusteredChangePoints, AccountsWithinOneSegmentScaleLikeTheDesignEffect) {
  std::mt19937_64 rng(21);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<double> scores;
  std::vector<int32_t> accounts;
  for (int account = 0; account < 300; ++account) {
    const double x = u(rng);
    const double score = x < 0.25 ? 3 : x < 0.6 ? 8 : 10;
    for (int k = 0; k < 4; ++k) {
      scores.push_back(score);
      accounts.push_back(account);
    }
  }
  ChangePointOptions options;
  for (int64_t b = 100; b < 1200; b += 100) options.boundaries.push_back(b);
  SurveyDesign design;
  design.clusters = accounts.data();
  auto clustered = DetectChangePoints(scores.data(), nullptr, design, scores.size(), options);
  auto plain = DetectChangePoints(scores.data(), nullptr, nullptr, scores.size(), options);
  ASSERT_TRUE(clustered.ok()) << clustered.status().message();
  ASSERT_TRUE(plain.ok());
  EXPECT_GT(clustered->design_effect, 3.5);  // 4 identical answers per account
  EXPECT_NEAR(clustered->max_z * std::sqrt(clustered->design_effect) / plain->max_z, 1, 0.15);
}

// Each response its own account: the cluster-robust Z is the unclustered
// one up to the variance estimate (each side's spread about the pooled mean
// instead of the pooled variance) and the same change is found.
TEST(ClusteredChangePoints, SingletonAccountsGiveTheUnclusteredResult) {
  std::mt19937_64 rng(41);
  Series s = MakeSeries(rng, 12, 300, 0.15, 0);
  std::iota(s.accounts.begin(), s.accounts.end(), 1000);
  ChangePointOptions options;
  options.boundaries = s.boundaries;
  auto clustered = Detect(s, false, options);
  auto plain = DetectChangePoints(s.scores.data(), nullptr, nullptr, s.scores.size(), options);
  ASSERT_TRUE(clustered.ok()) << clustered.status().message();
  ASSERT_TRUE(plain.ok());
  EXPECT_NEAR(clustered->max_z, plain->max_z, 0.03 * plain->max_z);
  EXPECT_NEAR(clustered->critical_value, plain->critical_value, 0.1);
  ASSERT_EQ(clustered->changes.size(), plain->changes.size());
  for (size_t j = 0; j < plain->changes.size(); ++j) {
    EXPECT_EQ(clustered->changes[j].index, plain->changes[j].index);
  }
  EXPECT_NEAR(clustered->design_effect, 1, 1e-9);
}

// Long response-level scans test at most 512 candidates spread over all;
// the result does not depend on the thread count, and sparse account codes
// give what dense ones do.
TEST(ClusteredChangePoints, ThinnedCandidatesThreadsAndSparseCodes) {
  std::mt19937_64 rng(51);
  Series s = MakeSeries(rng, 10, 600, 0.12);
  ChangePointOptions options;
  options.replicates = 299;
  options.threads = 1;
  auto one = Detect(s, true, options);
  options.threads = 3;
  auto three = Detect(s, true, options);
  for (int32_t& a : s.accounts) a = a * 1000 + 7;  // codes up to 1.5e6 for 6000 responses
  auto sparse = Detect(s, true, options);
  ASSERT_TRUE(one.ok() && three.ok() && sparse.ok()) << one.status().message();
  EXPECT_GT(one->candidates, 512);
  for (const auto* r : {&*three, &*sparse}) {
    EXPECT_EQ(r->p_value, one->p_value);
    EXPECT_EQ(r->critical_value, one->critical_value);
    EXPECT_EQ(r->max_z, one->max_z);
    ASSERT_EQ(r->changes.size(), one->changes.size());
    for (size_t j = 0; j < one->changes.size(); ++j) {
      EXPECT_EQ(r->changes[j].index, one->changes[j].index);
    }
  }
  ASSERT_FALSE(one->changes.empty());
  // The truth is within the location interval.
  EXPECT_LE(one->changes[0].index_low, static_cast<int64_t>(s.change));
  EXPECT_GE(one->changes[0].index_high, static_cast<int64_t>(s.change));
}

// One account: a clear error. Two accounts, one per half: the whole series
// is tested; its halves (one account each) are not, and nothing crashes.
TEST(ClusteredChangePoints, FewAccountsAndBadCodes) {
  std::mt19937_64 rng(61);
  Series s = MakeSeries(rng, 4, 100, 0.5);
  ChangePointOptions options;
  options.boundaries = s.boundaries;
  std::vector<int32_t> one(s.scores.size(), 5);
  SurveyDesign design;
  design.clusters = one.data();
  auto single = DetectChangePoints(s.scores.data(), nullptr, design, s.scores.size(), options);
  EXPECT_EQ(single.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(single.status().message().find("account"), std::string::npos)
      << single.status().message();

  std::vector<int32_t> halves(s.scores.size());
  for (size_t i = 0; i < halves.size(); ++i) halves[i] = i < halves.size() / 2 ? 0 : 1;
  design.clusters = halves.data();
  auto two = DetectChangePoints(s.scores.data(), nullptr, design, s.scores.size(), options);
  ASSERT_TRUE(two.ok()) << two.status().message();
  EXPECT_LE(two->changes.size(), 1u);
  for (const ChangePoint& c : two->changes) {
    EXPECT_LE(c.index_low, c.index);
    EXPECT_GE(c.index_high, c.index);
    EXPECT_TRUE(std::isfinite(c.z));
  }

  std::vector<int32_t> negative = s.accounts;
  negative[17] = -3;
  design.clusters = negative.data();
  auto bad = DetectChangePoints(s.scores.data(), nullptr, design, s.scores.size(), options);
  EXPECT_EQ(bad.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(bad.status().message().find("index 17"), std::string::npos) << bad.status().message();
}

}  // namespace
}  // namespace candor
