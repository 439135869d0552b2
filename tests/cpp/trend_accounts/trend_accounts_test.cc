// Per-account trends: statsmodels WLS/OLS with HC1 and HC3 sandwich errors,
// closed-form Wald levels and changes, and multipletests(fdr_bh) adjusted
// p-values (fixtures from tests/crosscheck/trend_accounts_reference.py); the
// ranking rules; a seeded simulation of declining accounts (FDR and ranking);
// invariances and bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/trend_accounts.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
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
  return std::string(CANDOR_TEST_DATA) + "/trend_accounts/" + name;
}

std::vector<std::map<std::string, std::string>> ReadCsv(const std::string& name) {
  return testing::ReadFixtureCsv(DataPath(name));
}

struct Responses {
  std::vector<double> scores, weights;
  std::vector<int64_t> times;
  std::vector<int32_t> accounts;
};

Responses LoadCase(const std::string& name) {
  Responses r;
  for (const auto& row : ReadCsv("responses.csv")) {
    if (row.at("case") != name) continue;
    r.accounts.push_back(std::stoi(row.at("account")));
    r.times.push_back(std::stoll(row.at("time")));
    r.scores.push_back(std::stod(row.at("score")));
    r.weights.push_back(std::stod(row.at("weight")));
  }
  return r;
}

Result<AccountTrends> RunTrends(const Responses& r, bool weighted, AccountTrendOptions options = {},
                          IntervalOptions interval = {}) {
  return EstimateAccountTrends(Metric::Nps(), r.scores.data(), r.times.data(),
                               r.accounts.data(), weighted ? r.weights.data() : nullptr,
                               r.scores.size(), interval, options);
}

const AccountTrend* Find(const AccountTrends& t, int32_t account) {
  for (const AccountTrend& row : t.rows) {
    if (row.account == account) return &row;
  }
  return nullptr;
}

// Relative closeness, with NaN matching NaN.
void ExpectClose(double actual, const std::string& expected, double tol, const std::string& what) {
  const double e = std::stod(expected);
  if (std::isnan(e)) {
    EXPECT_TRUE(std::isnan(actual)) << what << " = " << actual << ", expected NaN";
  } else {
    EXPECT_NEAR(actual, e, tol * std::max(1.0, std::fabs(e))) << what;
  }
}

const char* StatusName(AccountTrendStatus s) {
  switch (s) {
    case AccountTrendStatus::kOk: return "ok";
    case AccountTrendStatus::kTooFewResponses: return "too_few";
    case AccountTrendStatus::kSlopeUndefined: return "slope_undefined";
  }
  return "?";
}

TEST(AccountTrendsTest, MatchesStatsmodelsAndClosedForms) {
  const auto expected = ReadCsv("expected.csv");
  ASSERT_EQ(expected.size(), 56u);
  int checked = 0, declining = 0;
  for (const std::string name : {"unweighted", "weighted"}) {
    const Responses r = LoadCase(name);
    ASSERT_FALSE(r.scores.empty());
    for (const RobustCovariance cov : {RobustCovariance::kHc1, RobustCovariance::kHc3}) {
      const std::string cov_name = cov == RobustCovariance::kHc1 ? "hc1" : "hc3";
      AccountTrendOptions options;
      options.covariance = cov;
      const Result<AccountTrends> t = RunTrends(r, name == "weighted", options);
      ASSERT_TRUE(t.ok()) << t.status().message();
      ASSERT_EQ(t->rows.size(), 14u);
      int64_t flagged = 0;
      for (const auto& e : expected) {
        if (e.at("case") != name || e.at("covariance") != cov_name) continue;
        const std::string what = name + "/" + cov_name + "/account " + e.at("account");
        const AccountTrend* row = Find(*t, std::stoi(e.at("account")));
        ASSERT_NE(row, nullptr) << what;
        EXPECT_EQ(t->split_time, std::stoll(e.at("split_time")));
        EXPECT_EQ(StatusName(row->status), e.at("status")) << what;
        EXPECT_EQ(row->n, std::stoll(e.at("n"))) << what;
        ExpectClose(row->level.value, e.at("level"), 1e-10, what + " level");
        ExpectClose(row->level.std_error, e.at("level_se"), 1e-10, what + " level SE");
        ExpectClose(row->slope, e.at("slope"), 1e-9, what + " slope");
        ExpectClose(row->slope_std_error, e.at("slope_se"), 1e-9, what + " slope SE");
        ExpectClose(row->slope_df, e.at("slope_df"), 1e-12, what + " df");
        ExpectClose(row->slope_p_value, e.at("slope_p"), 1e-9, what + " slope p");
        ExpectClose(row->slope_ci_low, e.at("slope_ci_low"), 1e-9, what + " slope ci low");
        ExpectClose(row->slope_ci_high, e.at("slope_ci_high"), 1e-9, what + " slope ci high");
        ExpectClose(row->slope_p_adjusted, e.at("slope_p_adjusted"), 1e-9, what + " slope q");
        ExpectClose(row->recent_vs_earlier.difference, e.at("change"), 1e-10, what + " change");
        ExpectClose(row->recent_vs_earlier.std_error, e.at("change_se"), 1e-10,
                    what + " change SE");
        ExpectClose(row->recent_vs_earlier.p_value, e.at("change_p"), 1e-9, what + " change p");
        ExpectClose(row->change_p_adjusted, e.at("change_p_adjusted"), 1e-9, what + " change q");
        EXPECT_EQ(row->declining, e.at("declining") == "1") << what;
        flagged += row->declining;
        ++checked;
      }
      EXPECT_EQ(t->declining, flagged);
      declining += static_cast<int>(flagged);
    }
  }
  EXPECT_EQ(checked, 56);
  EXPECT_GT(declining, 0);  // the fixtures exercise the flag
}

TEST(AccountTrendsTest, RankingPutsDecliningFirstThenEvidenceThenUntested) {
  const Responses r = LoadCase("unweighted");
  const Result<AccountTrends> t = RunTrends(r, false);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_GT(t->declining, 0);
  const std::vector<AccountTrend>& rows = t->rows;
  for (size_t k = 0; k < rows.size(); ++k) {
    EXPECT_EQ(rows[k].declining, static_cast<int64_t>(k) < t->declining) << k;
  }
  for (size_t k = 1; k < rows.size(); ++k) {
    const AccountTrend& a = rows[k - 1];
    const AccountTrend& b = rows[k];
    if (a.declining && b.declining) {
      EXPECT_LE(a.slope_p_adjusted, b.slope_p_adjusted);
    } else if (a.status == AccountTrendStatus::kOk && b.status == AccountTrendStatus::kOk) {
      EXPECT_LE(a.slope / a.slope_std_error, b.slope / b.slope_std_error) << k;
    } else if (a.status != AccountTrendStatus::kOk) {
      EXPECT_NE(b.status, AccountTrendStatus::kOk) << "tested after untested at " << k;
      EXPECT_LT(a.account, b.account);
    }
  }
  EXPECT_NE(rows.back().status, AccountTrendStatus::kOk);
}

// Accounts of `per_account` responses spread over a year; the first
// `declining` accounts lose `drop` in promoter share (gained by detractors)
// from the first day to the last.
Responses Simulate(std::mt19937_64& rng, int accounts, int per_account, int declining,
                   double drop) {
  Responses r;
  std::uniform_int_distribution<int64_t> when(0, 365 * 86400);
  std::uniform_real_distribution<double> u(0, 1);
  for (int a = 0; a < accounts; ++a) {
    for (int i = 0; i < per_account; ++i) {
      const int64_t t = 1700000000 + when(rng);
      const double frac = static_cast<double>(t - 1700000000) / (365 * 86400.0);
      const double shift = a < declining ? drop * frac : 0;
      const double pro = 0.5 - shift, det = 0.2 + shift;
      const double v = u(rng);
      r.scores.push_back(v < pro ? 10 : (v < pro + det ? 3 : 8));
      r.times.push_back(t);
      r.accounts.push_back(a);
    }
  }
  return r;
}

TEST(AccountTrendsTest, SimulationControlsFalseDiscoveriesAndRanksDecliningFirst) {
  std::mt19937_64 rng(20261127);
  constexpr int kReplicates = 40, kAccounts = 100, kDeclining = 10;
  double fdp_sum = 0, power_sum = 0, top_share_sum = 0;
  for (int rep = 0; rep < kReplicates; ++rep) {
    const Responses r = Simulate(rng, kAccounts, 150, kDeclining, 0.45);
    const Result<AccountTrends> t = RunTrends(r, false);
    ASSERT_TRUE(t.ok()) << t.status().message();
    int flagged = 0, false_flags = 0, true_flags = 0, top_true = 0;
    for (size_t k = 0; k < t->rows.size(); ++k) {
      const AccountTrend& row = t->rows[k];
      const bool truth = row.account < kDeclining;
      if (k < kDeclining && truth) ++top_true;
      if (!row.declining) continue;
      ++flagged;
      (truth ? true_flags : false_flags) += 1;
    }
    fdp_sum += flagged == 0 ? 0.0 : static_cast<double>(false_flags) / flagged;
    power_sum += static_cast<double>(true_flags) / kDeclining;
    top_share_sum += static_cast<double>(top_true) / kDeclining;
  }
  const double fdr = fdp_sum / kReplicates, power = power_sum / kReplicates;
  const double top_share = top_share_sum / kReplicates;
  std::printf("simulation (%d replicates, %d accounts, %d declining): observed FDR %.4f, "
              "power %.3f, share of true decliners among the top %d ranks %.3f\n",
              kReplicates, kAccounts, kDeclining, fdr, power, kDeclining, top_share);
  // BH at 0.05 with 90 true nulls of 100 bounds the FDR by 0.045; the
  // simulation error of a mean of 40 proportions is about 0.01.
  EXPECT_LE(fdr, 0.08);
  EXPECT_GE(power, 0.5);
  EXPECT_GE(top_share, 0.8);
}

TEST(AccountTrendsTest, SimulationWithoutDeclineRarelyFlagsAnything) {
  std::mt19937_64 rng(7);
  constexpr int kReplicates = 200;
  int any_flag = 0;
  for (int rep = 0; rep < kReplicates; ++rep) {
    const Responses r = Simulate(rng, 50, 30, 0, 0);
    const Result<AccountTrends> t = RunTrends(r, false);
    ASSERT_TRUE(t.ok()) << t.status().message();
    any_flag += t->declining > 0;
  }
  std::printf("null simulation: %d of %d replicates flag any account\n", any_flag, kReplicates);
  // Under the global null BH's FDR equals its family-wise error, <= 0.05,
  // and declining counts one side only: expect about 5 of 200 (sd 2.2).
  EXPECT_LE(any_flag, 14);
}

// Why HC3 is the default: with 30 or fewer responses per account HC1's t test
// rejects a true null too often; HC3 stays near the nominal 5%.
TEST(AccountTrendsTest, Hc3KeepsTheSizeOfTheSlopeTestInSmallAccounts) {
  for (const int per_account : {10, 30}) {
    std::mt19937_64 rng(11 + per_account);
    const Responses r = Simulate(rng, 4000, per_account, 0, 0);
    double size[2];
    for (const RobustCovariance cov : {RobustCovariance::kHc1, RobustCovariance::kHc3}) {
      AccountTrendOptions options;
      options.covariance = cov;
      const Result<AccountTrends> t = RunTrends(r, false, options);
      ASSERT_TRUE(t.ok());
      int rejected = 0, tested = 0;
      for (const AccountTrend& row : t->rows) {
        if (row.status != AccountTrendStatus::kOk) continue;
        ++tested;
        rejected += row.slope_p_value < 0.05;
      }
      size[cov == RobustCovariance::kHc3] = static_cast<double>(rejected) / tested;
    }
    std::printf("null slope tests at 5%% with %d responses per account: HC1 rejects %.4f, "
                "HC3 %.4f (4000 accounts)\n", per_account, size[0], size[1]);
    EXPECT_GT(size[0], size[1]);
    EXPECT_LE(size[1], per_account == 10 ? 0.08 : 0.065);  // sd of a share of 4000: 0.0035
  }
}

TEST(AccountTrendsTest, SameResultsForAnyInputOrderThreadCountAndSparseCodes) {
  const Responses r = LoadCase("weighted");
  const Result<AccountTrends> base = RunTrends(r, true);
  ASSERT_TRUE(base.ok());
  Responses shuffled = r, sparse = r;
  std::vector<size_t> perm(r.scores.size());
  for (size_t i = 0; i < perm.size(); ++i) perm[i] = i;
  std::shuffle(perm.begin(), perm.end(), std::mt19937_64(3));
  for (size_t i = 0; i < perm.size(); ++i) {
    shuffled.scores[i] = r.scores[perm[i]];
    shuffled.weights[i] = r.weights[perm[i]];
    shuffled.times[i] = r.times[perm[i]];
    shuffled.accounts[i] = r.accounts[perm[i]];
  }
  for (int32_t& a : sparse.accounts) a = a * 100000000 + 7;  // max code >> n: the sort path
  IntervalOptions four_threads;
  four_threads.threads = 4;
  const Result<AccountTrends> other[] = {RunTrends(shuffled, true), RunTrends(r, true, {}, four_threads),
                                         RunTrends(sparse, true)};
  for (int v = 0; v < 3; ++v) {
    ASSERT_TRUE(other[v].ok());
    ASSERT_EQ(other[v]->rows.size(), base->rows.size());
    for (size_t k = 0; k < base->rows.size(); ++k) {
      const AccountTrend& a = base->rows[k];
      const AccountTrend& b = other[v]->rows[k];
      EXPECT_EQ(v == 2 ? a.account * 100000000 + 7 : a.account, b.account) << v;
      EXPECT_EQ(a.n, b.n);
      const double tol = v == 0 ? 1e-9 : 0.0;  // a new order sums in a new order
      if (a.status == AccountTrendStatus::kOk) {
        EXPECT_NEAR(a.slope, b.slope, tol * std::fabs(a.slope) + tol);
        EXPECT_NEAR(a.slope_p_adjusted, b.slope_p_adjusted, tol);
      }
      EXPECT_NEAR(a.level.value, b.level.value, tol * 100);
    }
  }
}

TEST(AccountTrendsTest, BootstrapIsSeededPerAccount) {
  const Responses r = LoadCase("unweighted");
  IntervalOptions boot;
  boot.method = IntervalMethod::kBootstrap;
  boot.replicates = 200;
  boot.threads = 3;
  const Result<AccountTrends> a = RunTrends(r, false, {}, boot);
  boot.threads = 1;
  const Result<AccountTrends> b = RunTrends(r, false, {}, boot);
  ASSERT_TRUE(a.ok() && b.ok());
  const auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
  int compared = 0;
  for (size_t k = 0; k < a->rows.size(); ++k) {
    EXPECT_TRUE(same(a->rows[k].level.ci_low, b->rows[k].level.ci_low)) << k;
    EXPECT_TRUE(same(a->rows[k].recent_vs_earlier.p_value, b->rows[k].recent_vs_earlier.p_value));
    compared += !std::isnan(a->rows[k].recent_vs_earlier.p_value);
  }
  EXPECT_GE(compared, 10);
  // Accounts draw different streams: two accounts with the same data would
  // otherwise get the same interval. Here account 0 is copied as account 99.
  Responses twin = r;
  for (size_t i = 0; i < r.scores.size(); ++i) {
    if (r.accounts[i] != 0) continue;
    twin.scores.push_back(r.scores[i]);
    twin.times.push_back(r.times[i]);
    twin.accounts.push_back(99);
  }
  const Result<AccountTrends> t = RunTrends(twin, false, {}, boot);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(Find(*t, 0)->level.value, Find(*t, 99)->level.value);
  EXPECT_NE(Find(*t, 0)->level.ci_low, Find(*t, 99)->level.ci_low);
}

TEST(AccountTrendsTest, SplitRules) {
  Responses r;
  for (int i = 0; i < 40; ++i) {
    r.scores.push_back(i % 11);
    r.times.push_back(1000000 + 86400 * i);  // one a day for 40 days
    r.accounts.push_back(0);
  }
  AccountTrendOptions options;
  options.split = SplitRule::kLastDays;
  options.recent_days = 10;
  Result<AccountTrends> t = RunTrends(r, false, options);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->split_time, 1000000 + 86400 * 29);
  EXPECT_EQ(t->rows[0].recent_vs_earlier.a.n, 11);  // days 29..39 inclusive
  EXPECT_EQ(t->rows[0].recent_vs_earlier.b.n, 29);
  options.split = SplitRule::kFixedTime;
  options.split_time = 1000000 + 86400 * 5;
  t = RunTrends(r, false, options);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->split_time, options.split_time);
  EXPECT_EQ(t->rows[0].recent_vs_earlier.b.n, 5);
  options.split = SplitRule::kMedianTime;
  t = RunTrends(r, false, options);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->split_time, 1000000 + 86400 * 20);
  EXPECT_EQ(t->rows[0].recent_vs_earlier.a.n, 20);
  // A split before every response leaves no earlier group: no comparison.
  options.split = SplitRule::kFixedTime;
  options.split_time = 0;
  t = RunTrends(r, false, options);
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(std::isnan(t->rows[0].recent_vs_earlier.difference));
  EXPECT_TRUE(std::isnan(t->rows[0].change_p_adjusted));
  EXPECT_EQ(t->rows[0].status, AccountTrendStatus::kOk);  // the slope is still tested
}

TEST(AccountTrendsTest, LastDaysSplitNearTheLargestTime) {
  // max t - 86400 * recent_days rounds to 2^63 as a double, which does not
  // convert back to int64_t (it came out as INT64_MIN: every response was
  // "recent").
  Responses r;
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  for (int i = 0; i < 12; ++i) {
    r.scores.push_back(i % 11);
    r.times.push_back(kMax - 11 + i);
    r.accounts.push_back(0);
  }
  AccountTrendOptions options;
  options.split = SplitRule::kLastDays;
  options.recent_days = 1e-6;  // 0.0864 s
  Result<AccountTrends> t = RunTrends(r, false, options);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->split_time, kMax);
  EXPECT_EQ(t->rows[0].recent_vs_earlier.a.n, 1);  // only the response at kMax
  EXPECT_EQ(t->rows[0].recent_vs_earlier.b.n, 11);
}

TEST(AccountTrendsTest, UndefinedSlopesAreFlaggedNotFatal) {
  Responses r;
  for (int i = 0; i < 12; ++i) {  // account 0: one time; account 1: leverage 1 under HC3
    r.scores.push_back(i % 11);
    r.times.push_back(5000);
    r.accounts.push_back(0);
    r.scores.push_back(i % 11);
    r.times.push_back(i == 11 ? 9000000 : 5000);
    r.accounts.push_back(1);
    r.scores.push_back(10);  // account 2: all promoters, flat and exact
    r.times.push_back(5000 + 86400 * i);
    r.accounts.push_back(2);
  }
  Result<AccountTrends> t = RunTrends(r, false);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(Find(*t, 0)->status, AccountTrendStatus::kSlopeUndefined);
  EXPECT_TRUE(std::isnan(Find(*t, 0)->slope));
  EXPECT_NEAR(Find(*t, 0)->level.value, Find(*t, 1)->level.value, 1e-12);
  EXPECT_EQ(Find(*t, 1)->status, AccountTrendStatus::kSlopeUndefined);
  const AccountTrend* flat = Find(*t, 2);
  EXPECT_EQ(flat->status, AccountTrendStatus::kOk);
  EXPECT_EQ(flat->slope, 0);
  EXPECT_EQ(flat->slope_std_error, 0);
  EXPECT_EQ(flat->slope_p_value, 1);
  EXPECT_EQ(t->rows.back().account, 1);  // untested last, by code
  AccountTrendOptions hc1;
  hc1.covariance = RobustCovariance::kHc1;
  t = RunTrends(r, false, hc1);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(Find(*t, 1)->status, AccountTrendStatus::kOk);  // HC1 has no leverage term
}

// At a tiny level the t quantile is ~0; the Newton steps that polish it
// overshot below 0 and the slope interval came out reversed (found by
// fuzz/trend). A quantile of |T| is never negative.
TEST(AccountTrendsTest, SlopeIntervalOrderedAtTinyLevels) {
  Responses r;
  for (int i = 0; i < 20; ++i) {  // 10 responses per account: df 8
    r.scores.push_back((i * 7) % 11);
    r.times.push_back(1700000000 + 86400 * i);
    r.accounts.push_back(i % 2);
  }
  for (double level : {1e-300, 1e-16, 1e-12, 1e-9, 1e-5, 1e-3}) {
    IntervalOptions interval;
    interval.level = level;
    const Result<AccountTrends> t = RunTrends(r, false, {}, interval);
    ASSERT_TRUE(t.ok()) << t.status().message();
    for (const AccountTrend& row : t->rows) {
      ASSERT_EQ(row.status, AccountTrendStatus::kOk);
      EXPECT_LE(row.slope_ci_low, row.slope) << "level " << level;
      EXPECT_LE(row.slope, row.slope_ci_high) << "level " << level;
    }
  }
}

TEST(AccountTrendsTest, TooFewResponsesAreReportedNotDropped) {
  Responses r;
  for (int i = 0; i < 5; ++i) {
    r.scores.push_back(9);
    r.times.push_back(86400 * i);
    r.accounts.push_back(3);
  }
  const Result<AccountTrends> t = RunTrends(r, false);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].account, 3);
  EXPECT_EQ(t->rows[0].status, AccountTrendStatus::kTooFewResponses);
  EXPECT_EQ(t->rows[0].n, 5);
  EXPECT_EQ(t->rows[0].level.value, 100);
  EXPECT_TRUE(std::isnan(t->rows[0].slope_p_value));
  EXPECT_FALSE(t->rows[0].declining);
}

TEST(AccountTrendsTest, BadInputIsAStatusNamingTheProblem) {
  Responses r = LoadCase("unweighted");
  const auto code = [](const Result<AccountTrends>& t) {
    return t.ok() ? CANDOR_OK : t.status().code();
  };
  Responses bad = r;
  bad.accounts[7] = -1;
  Result<AccountTrends> t = RunTrends(bad, false);
  EXPECT_EQ(code(t), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(t.status().message().find("accounts[7]"), std::string::npos) << t.status().message();
  bad = r;
  bad.scores[3] = std::numeric_limits<double>::quiet_NaN();
  t = RunTrends(bad, false);
  EXPECT_EQ(code(t), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(t.status().message().find("scores[3]"), std::string::npos);
  bad = r;
  bad.scores[4] = 11;
  EXPECT_EQ(code(RunTrends(bad, false)), CANDOR_OUT_OF_RANGE);
  bad = r;
  bad.weights[5] = -1;
  t = RunTrends(bad, true);
  EXPECT_EQ(code(t), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(t.status().message().find("weights[5]"), std::string::npos);
  EXPECT_EQ(code(EstimateAccountTrends(Metric::Nps(), nullptr, nullptr, nullptr, nullptr, 0, {},
                                       {})),
            CANDOR_EMPTY);
  EXPECT_EQ(code(EstimateAccountTrends(Metric::Nps(), r.scores.data(), nullptr,
                                       r.accounts.data(), nullptr, r.scores.size(), {}, {})),
            CANDOR_INVALID_ARGUMENT);
  AccountTrendOptions options;
  options.min_responses = 2;
  EXPECT_EQ(code(RunTrends(r, false, options)), CANDOR_INVALID_ARGUMENT);
  options = {};
  options.slope_unit_days = 0;
  EXPECT_EQ(code(RunTrends(r, false, options)), CANDOR_INVALID_ARGUMENT);
  options = {};
  options.alpha = 1;
  EXPECT_EQ(code(RunTrends(r, false, options)), CANDOR_INVALID_ARGUMENT);
  options = {};
  options.split = SplitRule::kLastDays;
  options.recent_days = std::numeric_limits<double>::infinity();
  EXPECT_EQ(code(RunTrends(r, false, options)), CANDOR_INVALID_ARGUMENT);
  IntervalOptions interval;
  interval.level = 1.5;
  EXPECT_EQ(code(RunTrends(r, false, {}, interval)), CANDOR_INVALID_ARGUMENT);
  interval = {};
  interval.method = IntervalMethod::kAdjustedWald;
  Responses ces = r;
  for (double& s : ces.scores) s = 1 + std::fmod(s, 7);
  EXPECT_EQ(code(EstimateAccountTrends(Metric::Ces(), ces.scores.data(), ces.times.data(),
                                       ces.accounts.data(), nullptr, ces.scores.size(), interval,
                                       {})),
            CANDOR_UNSUPPORTED);
}

}  // namespace
}  // namespace candor
