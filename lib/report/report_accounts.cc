// The report's accounts section: accounts whose score declines for real
// (trend_accounts.hpp: robust slope, Benjamini-Hochberg across accounts),
// ranked by ARR then slope; and the accounts' health grades from the survey
// (health_survey.hpp, health.hpp), validated against churn when an outcome
// is given (validate.hpp's AUC with DeLong's interval, churn by grade).
#include <algorithm>
#include <candor/health.hpp>
#include <candor/health_survey.hpp>
#include <candor/trend_accounts.hpp>
#include <candor/trend_buckets.hpp>
#include <candor/validate.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "report_account_values.hpp"
#include "report_sections.hpp"

namespace candor::report_internal {
namespace {

// The NPS of each account's latest calendar period (options.period), or NaN.
std::vector<double> LatestNps(const ReportContext& context) {
  const Table& table = context.table;
  const size_t accounts = table.account.dictionary.size();
  std::vector<double> latest(accounts, std::nan(""));
  Result<BucketPeriod> period = ParseBucketPeriod(context.options.period);
  if (!period.ok()) return latest;
  Result<CalendarBuckets> buckets = AssignCalendarBuckets(table.times.data(), table.times.size(),
                                                          *period, context.options.time_zone);
  if (!buckets.ok()) return latest;
  std::vector<int64_t> last(accounts, -1);
  for (size_t i = 0; i < table.rows(); ++i) {
    const int32_t a = table.account.codes[i];
    if (a >= 0) last[a] = std::max(last[a], buckets->bucket_of[i]);
  }
  std::vector<double> sum(accounts, 0), weight(accounts, 0);
  for (size_t i = 0; i < table.rows(); ++i) {
    const int32_t a = table.account.codes[i];
    if (a < 0 || buckets->bucket_of[i] != last[a]) continue;
    const double w = context.weights != nullptr ? context.weights[i] : 1;
    const double s = table.scores[i];
    sum[a] += w * (s >= 9 ? 100 : s <= 6 ? -100 : 0);
    weight[a] += w;
  }
  for (size_t a = 0; a < accounts; ++a) {
    if (weight[a] > 0) latest[a] = sum[a] / weight[a];
  }
  return latest;
}

// Grades of the survey's health score (0-100 from NPS -100..100).
Scorecard SurveyScorecard() {
  Scorecard card;
  HealthMeasure survey;
  survey.name = "survey";
  survey.label = "NPS of the account's responses";
  survey.zero_at = -100;
  survey.full_at = 100;
  card.measures.push_back(survey);
  card.grades = {{"A", 80}, {"B", 60}, {"C", 40}, {"D", 20}, {"F", 0}};
  return card;
}

void BuildHealth(const ReportContext& context, ReportHealth* health) {
  const Table& table = context.table;
  const size_t accounts = table.account.dictionary.size();
  SurveyMeasureOptions measure_options;  // NPS, shrunk toward all accounts
  Result<SurveyMeasure> measure = AccountSurveyMeasure(
      table.scores.data(), table.times.empty() ? nullptr : table.times.data(),
      table.account.codes.data(), table.rows(), accounts, nullptr, 1, measure_options);
  if (!measure.ok()) {
    health->absent_reason = "no health grades: " + measure.status().message();
    return;
  }
  const Scorecard card = SurveyScorecard();
  HealthTable health_table;
  health_table.n = accounts;
  health_table.names = {"survey"};
  health_table.columns = {measure->value.data()};
  Result<HealthScores> scores = ScoreHealth(card, health_table);
  if (!scores.ok()) {
    health->absent_reason = "no health grades: " + scores.status().message();
    return;
  }
  health->present = true;
  health->caveats.push_back(
      "health here is the survey alone: each account's NPS, shrunk toward all accounts' by "
      "empirical Bayes, read on 0-100 (NPS -100 is 0, +100 is 100); grades A >= 80, B >= 60, "
      "C >= 40, D >= 20, F below");
  for (const HealthGrade& grade : card.grades) {
    health->grades.push_back(grade.name);
    health->grade_min_score.push_back(grade.min_score);
  }
  health->accounts_per_grade.assign(card.grades.size(), 0);
  for (size_t a = 0; a < accounts; ++a) {
    if (scores->grade[a] >= 0) ++health->accounts_per_grade[scores->grade[a]];
  }

  health->auc = health->auc_ci_low = health->auc_ci_high = std::nan("");
  if (context.extras.outcome.empty()) {
    health->validation_absent_reason =
        "no outcome column: give --outcome-column to validate health against churn";
    return;
  }
  const std::vector<double> outcome = FirstValuePerAccount(table, context.extras.outcome);
  std::vector<double> risk;
  std::vector<uint8_t> churned;
  std::vector<int32_t> grade;
  std::vector<double> health_score;
  for (size_t a = 0; a < accounts; ++a) {
    if (std::isnan(outcome[a]) || std::isnan(scores->score[a]) || scores->grade[a] < 0) continue;
    risk.push_back(-scores->score[a]);  // lower health, more risk
    churned.push_back(outcome[a] != 0);
    grade.push_back(scores->grade[a]);
    health_score.push_back(scores->score[a]);
  }
  health->accounts_with_outcome = static_cast<int64_t>(risk.size());
  health->churned = std::count(churned.begin(), churned.end(), uint8_t{1});
  Result<Auc> auc = EstimateAuc(risk.data(), churned.data(), risk.size(), context.options.level);
  if (!auc.ok()) {
    health->validation_absent_reason = "health not validated: " + auc.status().message();
    return;
  }
  health->validated = true;
  health->auc = auc->value;
  health->auc_ci_low = auc->ci_low;
  health->auc_ci_high = auc->ci_high;
  // Churn by grade: the grade's mean health read as a risk (100 - score) next
  // to the observed churn share with its adjusted Wald interval.
  IntervalOptions interval;
  interval.method = IntervalMethod::kAdjustedWald;
  interval.level = context.options.level;
  for (size_t g = 0; g < card.grades.size(); ++g) {
    std::vector<double> flags;
    double risk_sum = 0;
    for (size_t k = 0; k < grade.size(); ++k) {
      if (grade[k] != static_cast<int32_t>(g)) continue;
      flags.push_back(churned[k]);
      risk_sum += (100 - health_score[k]) / 100;
    }
    if (flags.empty()) continue;
    ReportCalibrationBin bin;
    bin.accounts = static_cast<int64_t>(flags.size());
    bin.predicted = risk_sum / flags.size();
    bin.observed = std::count(flags.begin(), flags.end(), 1.0) / static_cast<double>(flags.size());
    Result<Estimate> share =
        EstimateScores(Metric::TopBox(0, 1, 1), flags.data(), nullptr, flags.size(), interval);
    bin.ci_low = share.ok() ? share->ci_low / 100 : std::nan("");
    bin.ci_high = share.ok() ? share->ci_high / 100 : std::nan("");
    health->calibration.push_back(bin);
  }
  health->caveats.push_back(
      "calibration reads 100 - health as a churn risk: a ranking score, not a probability; "
      "no Kaplan-Meier curves: the outcome says whether an account churned, not when");
}

}  // namespace

Status BuildAccounts(const ReportContext& context, ReportAccounts* accounts) {
  const Table& table = context.table;
  if (table.account.codes.empty()) {
    accounts->absent_reason = "no account column: give --account-column to find declining accounts";
    return OkStatus();
  }
  {
    std::vector<uint8_t> seen(table.account.dictionary.size(), 0);
    for (int32_t a : table.account.codes) {
      if (a >= 0) seen[a] = 1;
    }
    accounts->accounts = std::count(seen.begin(), seen.end(), uint8_t{1});
  }
  BuildHealth(context, &accounts->health);
  if (table.times.empty()) {
    accounts->absent_reason = "no time column: give --time-column to find declining accounts";
    return OkStatus();
  }
  AccountTrendOptions trend_options;
  trend_options.alpha = 1 - context.options.level;
  accounts->slope_unit_days = trend_options.slope_unit_days;
  Result<AccountTrends> trends = EstimateAccountTrends(
      Metric::Nps(), table.scores.data(), table.times.data(), table.account.codes.data(),
      context.weights, table.rows(), context.interval, trend_options);
  if (!trends.ok()) {
    accounts->absent_reason = "no account trends: " + trends.status().message();
    return OkStatus();
  }
  accounts->present = true;
  const std::vector<double> arr = FirstValuePerAccount(table, context.extras.arr);
  const std::vector<double> latest = LatestNps(context);
  for (const AccountTrend& row : trends->rows) {
    accounts->tested += row.status == AccountTrendStatus::kOk;
    if (!row.declining) continue;
    ReportAccount account;
    account.account = table.account.dictionary.Label(row.account);
    account.arr = arr[row.account];
    account.responses = row.n;
    account.slope = row.slope;
    account.slope_ci_low = row.slope_ci_low;
    account.slope_ci_high = row.slope_ci_high;
    account.p_adjusted = row.slope_p_adjusted;
    account.latest = latest[row.account];
    accounts->declining.push_back(std::move(account));
  }
  accounts->declining_total = static_cast<int64_t>(accounts->declining.size());
  // The largest ARR first (accounts without ARR last), then the steepest decline.
  std::stable_sort(accounts->declining.begin(), accounts->declining.end(),
                   [](const ReportAccount& a, const ReportAccount& b) {
                     if (std::isnan(a.arr) != std::isnan(b.arr)) return std::isnan(b.arr);
                     if (!std::isnan(a.arr) && a.arr != b.arr) return a.arr > b.arr;
                     return a.slope < b.slope;
                   });
  if (accounts->declining.size() > static_cast<size_t>(context.options.max_accounts)) {
    accounts->declining.resize(context.options.max_accounts);
  }
  accounts->caveats.push_back(
      "declining: the account's NPS slope (points per 30 days, robust HC3 standard error) is "
      "negative with a Benjamini-Hochberg adjusted p-value <= " +
      std::to_string(1 - context.options.level).substr(0, 4) + " across the " +
      std::to_string(accounts->tested) + " accounts with at least " +
      std::to_string(trend_options.min_responses) + " responses");
  return OkStatus();
}

}  // namespace candor::report_internal
