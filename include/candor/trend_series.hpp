// candor/trend_series.hpp — tests for a monotonic trend in a time-ordered series
// (for example, NPS per week) and the robust slope of that trend.
//
// Input: `values[0..n)` in time order, equally spaced (the index is time;
// WlsSlopeEstimate also takes explicit times).
// Missing values are not accepted: drop them before calling (pymannkendall's
// default, which the cross-checks follow). Errors: null `values` with n > 0
// is CANDOR_INVALID_ARGUMENT; n < 3 is CANDOR_EMPTY (too few values for a
// trend); a NaN or infinite value is CANDOR_OUT_OF_RANGE naming its index;
// running out of memory is CANDOR_OUT_OF_MEMORY.
#ifndef CANDOR_TREND_SERIES_HPP_
#define CANDOR_TREND_SERIES_HPP_

#include <candor.h>
#include <candor/status.hpp>

#include <cstddef>
#include <cstdint>

namespace candor {

// Mann-Kendall test (Mann 1945; Kendall 1975, "Rank Correlation Methods"),
// with the conventions of pymannkendall's original_test (Hussain & Mahmud
// 2019):
//   S      = sum_{i<j} sign(x_j - x_i); tied values contribute 0.
//   Var(S) = [n(n-1)(2n+5) - sum_t t(t-1)(2t+5)] / 18, t over tie groups.
//   z      = (S - 1)/sqrt(Var) if S > 0, (S + 1)/sqrt(Var) if S < 0, else 0
//            (continuity correction).
//   p      = two-sided normal p-value of z.
//   tau    = S / (n(n-1)/2) (pymannkendall's Tau; tau-a, not tau-b).
// S is computed in O(n log n) by merge-sort inversion counting.
//
// Variants (MannKendallOptions::method), both as in pymannkendall 1.4
// (Hussain & Mahmud 2019, J. Open Source Software 4(39):1556):
//
// Hamed-Rao (Hamed & Rao 1998, J. Hydrology 204:182), for autocorrelated
// series: S and tau as above; Var(S) is multiplied by the factor n/n*_s
//   n/n*_s = 1 + 2 / (n(n-1)(n-2)) * | sum_{i in L} (n-i)(n-i-1)(n-i-2) r_i |
// where r_i is the lag-i autocorrelation of the ranks R (average ranks for
// ties) of the detrended series d_t = x_t - (t + 1) * b, b = Sen's slope of
// x (the +1 follows pymannkendall; a constant shift leaves the ranks alone):
//   r_i = sum_{t<n-i} (R_t - mean)(R_{t+i} - mean) / sum_t (R_t - mean)^2
// (r_i = 0 when all ranks are equal). L holds the lags 1..max_lag (all lags
// 1..n-1 when max_lag is 0, pymannkendall's lag=None) whose r_i is
// significant: |r_i| > z_{1-alpha/2} / sqrt(n) (a value exactly on the bound
// is not). The absolute value of the sum is that of pymannkendall's current
// source (1.4.2): the paper has no |.|, so there a negative sum (negative
// autocorrelation) shrinks Var(S), and can even make it negative
// (pymannkendall issue #29). hamed_rao_signed_sum = true gives the paper's
// signed sum, which reproduces pymannkendall's published test vector; a
// factor <= 0 is then CANDOR_UNSUPPORTED. z and p use the corrected
// variance. Cost: Sen's slope (O(n^2), n <= kSensSlopeMaxN)
// and the autocorrelations (O(n * lags)).
//
// Seasonal (Hirsch, Slack & Smith 1982, Water Resources Research 18:107):
// `period` >= 2 seasons, season of values[i] = i mod period (the last cycle
// may be incomplete; at least 2 full cycles are required, n >= 2 * period).
// With S_g, Var(S_g) the statistics above within season g (ties within the
// season), S = sum_g S_g, Var(S) = sum_g Var(S_g) (seasons independent),
// tau = S / sum_g n_g(n_g - 1)/2, z and p from S and Var(S) as above.
//
// trend: the sign of z when p-value < alpha, i.e. |z| > z_{1-alpha/2}
// (pymannkendall's h), else no trend.
enum class MannKendallMethod { kOriginal = 0, kHamedRao = 1, kSeasonal = 2 };
enum class TrendDirection { kDecreasing = -1, kNone = 0, kIncreasing = 1 };

struct MannKendallOptions {
  MannKendallMethod method = MannKendallMethod::kOriginal;
  double alpha = 0.05;  // in (0, 1): the trend verdict, and Hamed-Rao's lags
  size_t max_lag = 0;   // Hamed-Rao: lags 1..max_lag; 0 = all (1..n-1)
  size_t period = 0;    // seasonal: number of seasons, >= 2
  bool hamed_rao_signed_sum = false;  // Hamed-Rao: the paper's sum, no |.|
};

struct MannKendall {
  int64_t s = 0;
  double var_s = 0;  // corrected by variance_factor for Hamed-Rao
  double z = 0;
  double p_value = 1;
  double tau = 0;
  int64_t n = 0;
  TrendDirection trend = TrendDirection::kNone;  // at MannKendallOptions::alpha
  double variance_factor = 1;  // Hamed-Rao's n/n*_s; 1 for the other methods
  int64_t significant_lags = 0;  // Hamed-Rao: |L|; 0 for the other methods
};
// The original test (alpha 0.05 for `trend`).
Result<MannKendall> MannKendallTest(const double* values, size_t n);
// Errors beyond the series': alpha outside (0, 1), an unknown method,
// period < 2 for the seasonal test are CANDOR_INVALID_ARGUMENT; a seasonal
// series shorter than 2 periods is CANDOR_EMPTY; Hamed-Rao with
// n > kSensSlopeMaxN is CANDOR_UNSUPPORTED.
Result<MannKendall> MannKendallTest(const double* values, size_t n,
                                    const MannKendallOptions& options);

// Sen's slope (Sen 1968; Theil 1950): the median of the N' = n(n-1)/2
// pairwise slopes (x_j - x_i)/(j - i), i < j, with index time 0..n-1.
//   intercept = median(x) - median(index) * slope, median(index) = (n-1)/2
//     (pymannkendall's sens_slope and scipy.stats.theilslopes
//     method='separate').
//   Interval at `level` in (0, 1), rank method of Sen (1968, eq. 2.6) as in
//     Gilbert (1987, sec. 16.4): C = z_{(1+level)/2} sqrt(Var(S)) with Var(S)
//     as above (ties in x); M1 = (N' - C)/2, M2 = (N' + C)/2; ci_low is the
//     round(M1)-th and ci_high the (round(M2)+1)-th smallest slope (1-based,
//     round half to even, ranks clamped to [1, N']). This matches
//     scipy.stats.theilslopes's low_slope and high_slope exactly.
// Cost: O(n^2) time and 8 n(n-1)/2 bytes of memory, so n > 10,000 (400 MB
// of slopes) is refused with CANDOR_UNSUPPORTED.
struct SensSlope {
  double slope = 0;
  double intercept = 0;
  double ci_low = 0;
  double ci_high = 0;
};
inline constexpr size_t kSensSlopeMaxN = 10000;
Result<SensSlope> SensSlopeEstimate(const double* values, size_t n, double level);

// Seasonal Sen's slope (Hirsch, Slack & Smith 1982): the median of the
// within-season pairwise slopes (x_j - x_i) / ((j - i) / period), i < j,
// i = j mod period, i.e. per full cycle (per year for monthly data), as
// pymannkendall's seasonal_sens_slope.
//   intercept = median(x) - median(index) / period * slope, median(index) =
//     (n-1)/2 (pymannkendall's, a full cycle as the unit of time).
//   Interval: the rank method above over the N' within-season slopes, with
//     C = z_{(1+level)/2} sqrt(Var(S)), Var(S) the seasonal sum (Gilbert 1987,
//     "Statistical Methods for Environmental Pollution Monitoring", ch. 17).
// Errors as for the seasonal Mann-Kendall test; n > kSensSlopeMaxN is
// CANDOR_UNSUPPORTED.
Result<SensSlope> SeasonalSensSlopeEstimate(const double* values, size_t n, size_t period,
                                            double level);

// Weighted least-squares line through bucket estimates: values y_i with
// standard errors se_i > 0 at times x_i (the index 0..n-1 when `times` is
// null; else strictly increasing and finite). Weights w_i = 1 / se_i^2.
//   (intercept, slope) = (X'WX)^{-1} X'Wy, X = [1, x]  (Aitken 1935).
//   Model-based covariance (the default, scale_by_residual_variance false):
//     (X'WX)^{-1}, the se_i taken as known: they are sampling standard errors
//     of the bucket estimates, computed from each bucket's n, so there is no
//     unknown scale to estimate; intervals and p-values use the normal
//     distribution (statsmodels WLS(...).fit(cov_type='fixed scale')).
//   Scaled (scale_by_residual_variance true): (X'WX)^{-1} * s^2 with
//     s^2 = chi_square / (n - 2), chi_square = sum_i w_i (y_i - yhat_i)^2;
//     intervals and p-values from Student's t with n - 2 degrees of freedom
//     (statsmodels WLS(...).fit(), its default). Use it when the se_i are only
//     relative weights, or to absorb variation between buckets beyond
//     sampling error (chi_square much larger than n - 2 says there is some).
//   p-values are two-sided, for slope = 0 and intercept = 0.
// Errors: null values or std_errors is CANDOR_INVALID_ARGUMENT; n < 3 is
// CANDOR_EMPTY; a non-finite value, a non-finite or non-positive standard
// error, a non-finite time is CANDOR_OUT_OF_RANGE naming the index; times not
// strictly increasing (unsorted or duplicate) is CANDOR_INVALID_ARGUMENT
// naming the index; level outside (0, 1) is CANDOR_INVALID_ARGUMENT.
struct WlsSlopeOptions {
  double level = 0.95;
  bool scale_by_residual_variance = false;
};
struct WlsSlope {
  double slope = 0;
  double slope_std_error = 0;
  double slope_ci_low = 0;
  double slope_ci_high = 0;
  double slope_p_value = 1;
  double intercept = 0;  // the line's value at time 0
  double intercept_std_error = 0;
  double intercept_ci_low = 0;
  double intercept_ci_high = 0;
  double intercept_p_value = 1;
  double chi_square = 0;  // sum_i w_i (y_i - yhat_i)^2, on n - 2 df
  double residual_scale = 0;  // s^2 = chi_square / (n - 2), applied only if asked
  int64_t n = 0;
};
Result<WlsSlope> WlsSlopeEstimate(const double* values, const double* std_errors,
                                  const double* times, size_t n, const WlsSlopeOptions& options);

}  // namespace candor

#endif  // CANDOR_TREND_SERIES_HPP_
