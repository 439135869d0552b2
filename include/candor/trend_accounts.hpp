// candor/trend_accounts.hpp — per-account trends and the ranking of accounts
// by significant decline ("which strategic accounts are getting worse, for
// real?").
//
// Input: n responses with a score x_i, a time t_i (Unix seconds, any order),
// an account code a_i >= 0 (dense codes as candor::Table's account column;
// sparse codes work too) and an optional weight w_i (1 when absent). Accounts
// are the codes that occur; a code with no responses is not an account here.
//
// Per account k with n_k responses (its responses only):
//  - level: EstimateScores(metric, ...) over the account's responses with the
//    caller's IntervalOptions (include/candor/score.hpp).
//  - slope: weighted least squares of the per-response metric value
//    s_i = metric.ValueOf(x_i) * metric.Multiplier() (+100 / 0 / -100 for NPS)
//    on time u_i = (t_i - t_first) / (86400 * slope_unit_days), so the slope
//    is in metric points per slope_unit_days (default: points per 30 days):
//      ubar = sum w u / sum w,  sbar = sum w s / sum w,
//      Suu  = sum w (u - ubar)^2,
//      beta = sum w (u - ubar)(s - sbar) / Suu,  e_i = s_i - sbar - beta (u_i - ubar).
//    Robust (sandwich) variance of beta (White 1980, Econometrica 48:817-838;
//    MacKinnon and White 1985, J. Econometrics 29:305-325), with m the number
//    of responses with w_i > 0 and leverage h_i = w_i (1 / sum w + (u_i - ubar)^2 / Suu):
//      HC0:  V0 = sum w_i^2 (u_i - ubar)^2 e_i^2 / Suu^2
//      HC1:  V  = m / (m - 2) * V0
//      HC3:  V  = sum w_i^2 (u_i - ubar)^2 e_i^2 / (1 - h_i)^2 / Suu^2
//    These equal statsmodels WLS(s, [1, u], weights=w).fit(cov_type='HC1' /
//    'HC3') (the sandwich on the whitened regression). HC3 is the default:
//    per-account samples are small, where HC3 keeps the test's size and HC1
//    does not (Long and Ervin 2000, Am. Stat. 54:217-224). With sampling
//    weights V0 is also the Taylor-linearization variance of the weighted
//    slope (Binder 1983), the HC1/HC3 factors the small-sample corrections.
//    The interval and two-sided p-value use Student's t with m - 2 degrees of
//    freedom, t = beta / SE (statsmodels' use_t=True): p = I_{df/(df+t^2)}(df/2, 1/2).
//    If every s_i is equal the slope is 0 with SE 0 and p = 1; any other
//    SE of 0 gives p = 0 (as Compare in score.hpp).
//  - recent vs earlier: Compare(metric, recent, earlier) (score.hpp), recent
//    = the account's responses with t_i >= split_time, earlier = t_i <
//    split_time; difference = recent - earlier. split_time is, by rule,
//      kMedianTime: the median time of ALL responses (the (floor(n/2)+1)-th
//                   smallest; one calendar split shared by every account),
//      kFixedTime:  options.split_time,
//      kLastDays:   max_i t_i - 86400 * recent_days (the last recent_days).
//    An account with no recent or no earlier response has no comparison
//    (NaN difference, NaN p-values).
//  - adjusted p-values: slope p-values and change p-values are adjusted
//    separately, each across the tested accounts (status kOk), with
//    AdjustPValues (Benjamini and Hochberg 1995 by default; Holm or none).
//  - declining: status kOk, beta < 0 and slope_p_adjusted <= alpha (a two-
//    sided test read with its sign; with BH at alpha the expected share of
//    false discoveries among flagged accounts is at most alpha).
//
// Status of an account (an account is always reported, never dropped):
//  - kTooFewResponses: n_k < min_responses. Its level is computed when
//    possible (else NaN); slope and change are NaN and it is not tested.
//  - kSlopeUndefined: fewer than 3 responses with positive weight, all of
//    them at one time (Suu = 0), or, for HC3, a response with leverage 1
//    (its residual is 0 and its HC3 term 0/0). Level and change are computed;
//    slope values are NaN and the account is not in the slope adjustment.
//  - kOk: everything computed.
// A level or comparison that the interval method cannot give for this
// account (CANDOR_EMPTY, e.g. a weighted Wald group of one response) is NaN.
//
// Ranking (the order of AccountTrends::rows): declining accounts first, by
// slope_p_adjusted ascending, then slope ascending, then account code; then
// the other tested accounts by slope t-statistic ascending (the strongest
// evidence of decline first), then account code; then untested accounts
// (kTooFewResponses, kSlopeUndefined) by account code.
//
// Randomness (bootstrap intervals): account k uses seed Mix64(seed + k), so
// results do not depend on the order of the input or the thread count.
// interval.threads spreads accounts over threads (0: all cores); each
// account's own estimates then run on one thread.
//
// Cost: O(n) time and memory (O(n log n) when the largest code exceeds 4n).
//
// Errors: null pointers with n > 0 and bad options are CANDOR_INVALID_ARGUMENT;
// n = 0 is CANDOR_EMPTY; a score off the scale or NaN, a negative account
// code, a negative or non-finite weight are CANDOR_OUT_OF_RANGE naming the
// index; a metric/interval combination the score module refuses (adjusted
// Wald for a mean) is its status.
#ifndef CANDOR_TREND_ACCOUNTS_HPP_
#define CANDOR_TREND_ACCOUNTS_HPP_

#include <candor.h>
#include <candor/score.hpp>
#include <candor/status.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor {

enum class SplitRule { kMedianTime, kFixedTime, kLastDays };
enum class RobustCovariance { kHc1, kHc3 };
enum class AccountTrendStatus { kOk = 0, kTooFewResponses = 1, kSlopeUndefined = 2 };

struct AccountTrendOptions {
  int64_t min_responses = 10;        // >= 3; fewer: kTooFewResponses
  double slope_unit_days = 30;       // > 0; slope in points per this many days
  SplitRule split = SplitRule::kMedianTime;
  int64_t split_time = 0;            // kFixedTime
  double recent_days = 90;           // kLastDays; > 0
  RobustCovariance covariance = RobustCovariance::kHc3;
  PAdjust adjust = PAdjust::kBenjaminiHochberg;
  double alpha = 0.05;               // in (0, 1): the `declining` threshold

  Status Validate() const;
};

struct AccountTrend {
  int32_t account = 0;
  AccountTrendStatus status = AccountTrendStatus::kOk;
  bool declining = false;
  int64_t n = 0;
  int64_t first_time = 0;
  int64_t last_time = 0;
  Estimate level;
  double slope = 0;            // points per slope_unit_days
  double slope_std_error = 0;  // HC1 or HC3
  double slope_ci_low = 0;
  double slope_ci_high = 0;
  double slope_df = 0;         // m - 2
  double slope_p_value = 1;
  double slope_p_adjusted = 1;
  Comparison recent_vs_earlier;  // a = recent, b = earlier
  double change_p_adjusted = 1;
};

struct AccountTrends {
  std::vector<AccountTrend> rows;  // in ranking order (see above)
  int64_t split_time = 0;          // the split actually used
  int64_t declining = 0;           // how many rows are flagged declining
};

// weights may be null (all 1). See the header comment for every formula.
Result<AccountTrends> EstimateAccountTrends(const Metric& metric, const double* scores,
                                            const int64_t* times, const int32_t* accounts,
                                            const double* weights, size_t n,
                                            const IntervalOptions& interval,
                                            const AccountTrendOptions& options);

}  // namespace candor

#endif  // CANDOR_TREND_ACCOUNTS_HPP_
