// Shared pieces of the trend tests: input validation, the Mann-Kendall S and
// its tie-corrected variance, order statistics, and the internal kernels of
// the Hamed-Rao and seasonal variants (exposed here for tests that feed them
// pymannkendall's published inputs, which contain missing values).
#ifndef CANDOR_TREND_SERIES_SERIES_HPP_
#define CANDOR_TREND_SERIES_SERIES_HPP_

#include <candor/status.hpp>
#include <candor/trend_series.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor::internal {

// OK when `values` is non-null, n >= 3 and every value is finite.
Status CheckTrendSeries(const double* values, size_t n);

// OK when alpha (or 1 - level) is in (0, 1); `name` names it in the message.
Status CheckProbability(double p, const char* name);

// Var(S) = [n(n-1)(2n+5) - sum_t t(t-1)(2t+5)] / 18 (Kendall 1975), with the
// tie groups read off `sorted` (the values in ascending order).
double MannKendallVariance(const std::vector<double>& sorted);

// S = sum_{i<j} sign(x_j - x_i) in O(n log n); leaves the values sorted
// ascending in `sorted` (which it overwrites).
int64_t MannKendallScore(const double* values, size_t n, std::vector<double>* sorted);

// Sets z (continuity-corrected), p_value and trend from s and var_s.
void SetMannKendallVerdict(double alpha, MannKendall* out);

// The k-th smallest (0-based) of `v`, reordering it.
double OrderStatistic(std::vector<double>& v, size_t k);

// numpy.median: the mean of the two middle values when the count is even.
// Reorders `v`.
double Median(std::vector<double>& v);

// Sen's rank interval (see SensSlopeEstimate) over `slopes` given Var(S):
// sets slope (the median), ci_low and ci_high; not the intercept. Reorders
// `slopes`, which must be non-empty.
void SetSlopeAndInterval(std::vector<double>& slopes, double var_s, double level,
                         SensSlope* out);

// Hamed-Rao's n/n*_s for x[0..n) detrended by `slope` (formula in
// include/candor/trend_series.hpp); `significant_lags` receives |L|. With
// `signed_sum` the sum is not made absolute (the factor may then be <= 0).
double HamedRaoFactor(const double* x, size_t n, double slope, double alpha, size_t max_lag,
                      bool signed_sum, int64_t* significant_lags);

// Seasonal S, Var(S), n and tau over season columns (NaN marks a missing
// value, skipped as pymannkendall does); z, p and trend left to the caller.
MannKendall SeasonalScore(const std::vector<std::vector<double>>& seasons);

// The within-season pairwise slopes, time in cycles: column entries are one
// cycle apart (NaN entries skipped, keeping the others' distances).
std::vector<double> SeasonalSlopes(const std::vector<std::vector<double>>& seasons);

// values[i] into column i mod period.
std::vector<std::vector<double>> SeasonColumns(const double* values, size_t n, size_t period);

}  // namespace candor::internal

#endif  // CANDOR_TREND_SERIES_SERIES_HPP_
