// The report's accounts and next steps: declining accounts ranked by ARR then
// slope (the slope against a hand least-squares fit), health validated
// against churn (the AUC against a hand pair count), the reasons a part is
// absent, and the next steps' queue summary, ranking and actions.
#include <gtest/gtest.h>

#include <candor/report.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "report_sections.hpp"

namespace candor::report_internal {
namespace {

constexpr int64_t kStart = 1704067200;  // 2024-01-01T00:00:00Z
constexpr int64_t kMonth = 30 * 86400;
constexpr int kMonths = 12;

// Eight accounts, one response a month for a year. A, B and D decline; the
// others hold steady at levels from 10 down to 3.
struct Accounts {
  Table table;
  ReportExtras extras;
};

double ScoreOf(int account, int m) {
  switch (account) {
    case 0:
      return std::max(0, 10 - (m * 4) / 5);  // A
    case 1:
      return std::max(0, 10 - m);  // B
    case 2:
      return m % 2 == 0 ? 9 : 10;  // C
    case 3:
      return 9 - m / 2;  // D
    case 4:
      return 8;
    case 5:
      return m % 2 == 0 ? 5 : 6;
    case 6:
      return 3;
    default:
      return 10;
  }
}

Accounts EightAccounts() {
  const char* names[] = {"ACC-A", "ACC-B", "ACC-C", "ACC-D", "ACC-E", "ACC-F", "ACC-G", "ACC-H"};
  const double arr[] = {100, 500, 50, std::nan(""), 20, 20, 20, 20};
  const double churned[] = {1, 1, 0, 0, 0, 1, 0, 0};
  Accounts a;
  for (int m = 0; m < kMonths; ++m) {
    for (int k = 0; k < 8; ++k) {
      a.table.scores.push_back(ScoreOf(k, m));
      a.table.times.push_back(kStart + m * kMonth + k * 3600);
      a.table.account.codes.push_back(a.table.account.dictionary.Intern(names[k]));
      a.extras.arr.push_back(arr[k]);
      a.extras.outcome.push_back(churned[k]);
    }
  }
  return a;
}

ReportContext Context(const Table& table, const ReportExtras& extras, const ReportOptions& options,
                      IntervalOptions* interval) {
  interval->level = options.level;
  return ReportContext{table, extras, options,
                       table.weights.empty() ? nullptr : table.weights.data(), *interval};
}

double NpsValue(double score) { return score >= 9 ? 100 : score <= 6 ? -100 : 0; }

TEST(ReportAccounts, DecliningRankedByArrThenSlope) {
  const Accounts a = EightAccounts();
  ReportOptions options;
  IntervalOptions interval;
  ReportAccounts accounts;
  ASSERT_TRUE(BuildAccounts(Context(a.table, a.extras, options, &interval), &accounts).ok());
  ASSERT_TRUE(accounts.present) << accounts.absent_reason;
  EXPECT_EQ(accounts.accounts, 8);
  ASSERT_EQ(accounts.declining.size(), 3u);
  // B has the largest ARR, then A; D has none and comes last.
  EXPECT_EQ(accounts.declining[0].account, "ACC-B");
  EXPECT_EQ(accounts.declining[1].account, "ACC-A");
  EXPECT_EQ(accounts.declining[2].account, "ACC-D");
  EXPECT_EQ(accounts.declining[0].arr, 500);
  EXPECT_TRUE(std::isnan(accounts.declining[2].arr));
  // B's slope: least squares of its NPS values on months of 30 days.
  double su = 0, ss = 0;
  for (int m = 0; m < kMonths; ++m) {
    su += m;
    ss += NpsValue(ScoreOf(1, m));
  }
  const double ubar = su / kMonths, sbar = ss / kMonths;
  double suu = 0, sus = 0;
  for (int m = 0; m < kMonths; ++m) {
    suu += (m - ubar) * (m - ubar);
    sus += (m - ubar) * (NpsValue(ScoreOf(1, m)) - sbar);
  }
  EXPECT_NEAR(accounts.declining[0].slope, sus / suu, 1e-6);
  EXPECT_EQ(accounts.declining[0].responses, kMonths);
  EXPECT_LT(accounts.declining[0].slope_ci_high, 0);
  EXPECT_EQ(accounts.declining[0].latest, NpsValue(ScoreOf(1, kMonths - 1)));

  options.max_accounts = 2;
  ReportAccounts capped;
  ASSERT_TRUE(BuildAccounts(Context(a.table, a.extras, options, &interval), &capped).ok());
  ASSERT_EQ(capped.declining.size(), 2u);
  EXPECT_EQ(capped.declining_total, 3);
  EXPECT_EQ(capped.declining[1].account, "ACC-A");
}

TEST(ReportAccounts, HealthValidatedAgainstChurnByHandAuc) {
  const Accounts a = EightAccounts();
  ReportOptions options;
  IntervalOptions interval;
  ReportAccounts accounts;
  ASSERT_TRUE(BuildAccounts(Context(a.table, a.extras, options, &interval), &accounts).ok());
  const ReportHealth& health = accounts.health;
  ASSERT_TRUE(health.present) << health.absent_reason;
  ASSERT_TRUE(health.validated) << health.validation_absent_reason;
  int64_t graded = 0;
  for (int64_t n : health.accounts_per_grade) graded += n;
  EXPECT_EQ(graded, 8);
  EXPECT_EQ(health.accounts_with_outcome, 8);
  EXPECT_EQ(health.churned, 3);
  // Every account has 12 responses, so shrinkage keeps the order of the raw
  // NPS: the AUC of (lower NPS = more risk) by counting pairs.
  std::vector<double> nps(8, 0);
  const double churned[] = {1, 1, 0, 0, 0, 1, 0, 0};
  for (int k = 0; k < 8; ++k) {
    for (int m = 0; m < kMonths; ++m) nps[k] += NpsValue(ScoreOf(k, m));  // exact: ties stay ties
  }
  double pairs = 0, wins = 0;
  for (int i = 0; i < 8; ++i) {
    for (int j = 0; j < 8; ++j) {
      if (churned[i] != 1 || churned[j] != 0) continue;
      pairs += 1;
      wins += nps[i] < nps[j] ? 1 : nps[i] == nps[j] ? 0.5 : 0;
    }
  }
  EXPECT_NEAR(health.auc, wins / pairs, 1e-12);
  EXPECT_LT(health.auc_ci_low, health.auc);
  EXPECT_GT(health.auc_ci_high, health.auc);
  int64_t binned = 0;
  for (const ReportCalibrationBin& bin : health.calibration) {
    binned += bin.accounts;
    EXPECT_LE(bin.ci_low, bin.observed);
    EXPECT_GE(bin.ci_high, bin.observed);
    EXPECT_LT(bin.ci_low, bin.ci_high);
  }
  EXPECT_EQ(binned, 8);
}

TEST(ReportAccounts, AbsentWithTheReason) {
  Accounts a = EightAccounts();
  ReportOptions options;
  IntervalOptions interval;
  ReportExtras no_outcome = a.extras;
  no_outcome.outcome.clear();
  ReportAccounts accounts;
  ASSERT_TRUE(BuildAccounts(Context(a.table, no_outcome, options, &interval), &accounts).ok());
  EXPECT_TRUE(accounts.health.present);
  EXPECT_FALSE(accounts.health.validated);
  EXPECT_EQ(accounts.health.validation_absent_reason,
            "no outcome column: give --outcome-column to validate health against churn");

  Table no_times = a.table;
  no_times.times.clear();
  accounts = {};
  ASSERT_TRUE(BuildAccounts(Context(no_times, a.extras, options, &interval), &accounts).ok());
  EXPECT_FALSE(accounts.present);
  EXPECT_NE(accounts.absent_reason.find("no time column"), std::string::npos);

  Table no_accounts;
  no_accounts.scores = a.table.scores;
  no_accounts.times = a.table.times;
  accounts = {};
  ASSERT_TRUE(BuildAccounts(Context(no_accounts, {}, options, &interval), &accounts).ok());
  EXPECT_FALSE(accounts.present);
  EXPECT_NE(accounts.absent_reason.find("no account column"), std::string::npos);
}

TEST(ReportNextSteps, QueueFromScoresAloneAndActions) {
  const Accounts a = EightAccounts();
  ReportOptions options;
  IntervalOptions interval;
  const ReportContext context = Context(a.table, a.extras, options, &interval);
  ReportModel report;
  ASSERT_TRUE(BuildVoice(context, &report.voice).ok());
  ASSERT_TRUE(BuildAccounts(context, &report.accounts).ok());
  ReportNextSteps next;
  ASSERT_TRUE(BuildNextSteps(context, report, &next).ok());
  ASSERT_TRUE(next.present);
  // No comments: no fire alarms; cases by category add up to the cases.
  EXPECT_EQ(next.fire_alarms, 0);
  int64_t by_category = 0, by_owner = 0;
  for (const ReportQueueCount& c : next.by_category) by_category += c.cases;
  for (const ReportQueueCount& c : next.by_owner) by_owner += c.cases;
  EXPECT_GT(next.cases, 0);
  EXPECT_EQ(by_category, next.cases);
  EXPECT_EQ(by_owner, next.cases);
  // With the default 30-day dedup, each account's monthly responses are one
  // case each (30 days apart exactly: a new case).
  EXPECT_EQ(next.cases, 8 * kMonths);
  EXPECT_TRUE(next.fix_first.empty());
  ASSERT_FALSE(next.actions.empty());
  EXPECT_EQ(next.actions[0].rfind("Declining: ACC-B", 0), 0u) << next.actions[0];
}

// Themes ranked by ARR at risk share accounts: the reader is told the sums
// overlap.
TEST(ReportNextSteps, ArrAtRiskOfSeveralThemesIsSaidToOverlap) {
  const Accounts a = EightAccounts();
  ReportOptions options;
  IntervalOptions interval;
  const ReportContext context = Context(a.table, a.extras, options, &interval);
  ReportModel report;
  report.voice.outer_loop_by_arr = true;
  for (const char* theme : {"pricing", "support"}) {
    ReportFixItem item;
    item.theme = theme;
    item.arr_at_risk = 1e5;
    item.accounts = 4;
    item.comments = 6;
    report.voice.outer_loop.push_back(item);
  }
  ReportNextSteps next;
  ASSERT_TRUE(BuildNextSteps(context, report, &next).ok());
  std::string caveats;
  for (const std::string& caveat : next.caveats) caveats += caveat + "\n";
  EXPECT_NE(caveats.find("do not add up"), std::string::npos) << caveats;
}

}  // namespace
}  // namespace candor::report_internal
