// Per-account trends: options, and a handle owning the ranked rows.
#include <candor/trend_accounts.hpp>

#include <cstddef>
#include <string>
#include <utility>

#include "options.hpp"
#include "shim.hpp"

struct candor_account_trends {
  candor::AccountTrends trends;
};

using candor::capi::EnumPair;
using candor::capi::RawEnum;

namespace {

candor_account_trend_options Defaults() {
  auto o = candor::capi::ZeroedOptions<candor_account_trend_options>();
  o.min_responses = 10;
  o.slope_unit_days = 30;
  o.split = CANDOR_SPLIT_MEDIAN_TIME;
  o.split_time = 0;
  o.recent_days = 90;
  o.covariance = CANDOR_ROBUST_HC3;
  o.p_adjust = CANDOR_P_ADJUST_BH;
  o.alpha = 0.05;
  return o;
}

// The C++ options for the caller's (possibly older, shorter) C options.
candor::Status FromC(const candor_account_trend_options* options,
                     candor::AccountTrendOptions* out) {
  candor_account_trend_options o = Defaults();
  CANDOR_RETURN_IF_ERROR(candor::capi::ReadSized(options, sizeof(size_t), &o));
  out->min_responses = o.min_responses;
  out->slope_unit_days = o.slope_unit_days;
  static constexpr EnumPair<candor::SplitRule> kSplits[] = {
      {CANDOR_SPLIT_MEDIAN_TIME, candor::SplitRule::kMedianTime},
      {CANDOR_SPLIT_FIXED_TIME, candor::SplitRule::kFixedTime},
      {CANDOR_SPLIT_LAST_DAYS, candor::SplitRule::kLastDays}};
  static constexpr EnumPair<candor::RobustCovariance> kCovariances[] = {
      {CANDOR_ROBUST_HC1, candor::RobustCovariance::kHc1},
      {CANDOR_ROBUST_HC3, candor::RobustCovariance::kHc3}};
  CANDOR_RETURN_IF_ERROR(candor::capi::EnumFromC(
      RawEnum(o.split), kSplits, "trend_options->split: unknown rule", &out->split));
  out->split_time = o.split_time;
  out->recent_days = o.recent_days;
  CANDOR_RETURN_IF_ERROR(candor::capi::EnumFromC(
      RawEnum(o.covariance), kCovariances, "trend_options->covariance: unknown robust covariance",
      &out->covariance));
  CANDOR_RETURN_IF_ERROR(candor::capi::PAdjustFromC(
      RawEnum(o.p_adjust), "trend_options->p_adjust: unknown method", &out->adjust));
  out->alpha = o.alpha;
  return out->Validate();
}

candor_account_trend_status StatusToC(candor::AccountTrendStatus s) {
  switch (s) {
    case candor::AccountTrendStatus::kOk: return CANDOR_ACCOUNT_TREND_OK;
    case candor::AccountTrendStatus::kTooFewResponses: return CANDOR_ACCOUNT_TREND_TOO_FEW;
    case candor::AccountTrendStatus::kSlopeUndefined:
      return CANDOR_ACCOUNT_TREND_SLOPE_UNDEFINED;
  }
  return CANDOR_ACCOUNT_TREND_SLOPE_UNDEFINED;
}

void ToC(const candor::AccountTrend& row, candor_account_trend_row* out) {
  out->account = row.account;
  out->status = StatusToC(row.status);
  out->declining = row.declining ? 1 : 0;
  out->n = row.n;
  out->first_time = row.first_time;
  out->last_time = row.last_time;
  candor::capi::ToC(row.level, &out->level);
  out->slope = row.slope;
  out->slope_std_error = row.slope_std_error;
  out->slope_ci_low = row.slope_ci_low;
  out->slope_ci_high = row.slope_ci_high;
  out->slope_df = row.slope_df;
  out->slope_p_value = row.slope_p_value;
  out->slope_p_adjusted = row.slope_p_adjusted;
  candor::capi::ToC(row.recent_vs_earlier, &out->recent_vs_earlier);
  out->change_p_adjusted = row.change_p_adjusted;
}

}  // namespace

extern "C" {

candor_status candor_account_trend_options_defaults(candor_account_trend_options* options,
                                                    size_t size) {
  return candor::capi::WriteDefaults(Defaults(), size, options);
}

candor_status candor_account_trends_new(const candor_score_options* score_options,
                                        const candor_account_trend_options* trend_options,
                                        const double* scores, const int64_t* times,
                                        const int32_t* accounts, const double* weights, size_t n,
                                        candor_account_trends** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<candor::AccountTrends> {
    candor::Metric metric;
    candor::IntervalOptions interval;
    candor::AccountTrendOptions options;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromOptions(score_options, &metric, &interval, nullptr));
    CANDOR_RETURN_IF_ERROR(FromC(trend_options, &options));
    return candor::EstimateAccountTrends(metric, scores, times, accounts, weights, n, interval,
                                         options);
  });
}

size_t candor_account_trends_rows(const candor_account_trends* trends) {
  return trends == nullptr ? 0 : trends->trends.rows.size();
}

candor_status candor_account_trends_row_at(const candor_account_trends* trends, size_t i,
                                           candor_account_trend_row* out) {
  return candor::capi::RowAt(
      trends, "trends", i, out, "row {i} of account trends with {n} rows",
      [](const candor_account_trends& t) -> const auto& { return t.trends.rows; }, ToC);
}

int64_t candor_account_trends_split_time(const candor_account_trends* trends) {
  return trends == nullptr ? 0 : trends->trends.split_time;
}

int64_t candor_account_trends_declining(const candor_account_trends* trends) {
  return trends == nullptr ? 0 : trends->trends.declining;
}

void candor_account_trends_free(candor_account_trends* trends) { delete trends; }

}  // extern "C"
