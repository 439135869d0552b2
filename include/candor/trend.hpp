// candor/trend.hpp — tests for a monotonic trend in a time-ordered series
// (for example, NPS per week) and the robust slope of that trend.
//
// Input: `values[0..n)` in time order, equally spaced (the index is time).
// Missing values are not accepted: drop them before calling (pymannkendall's
// default, which the cross-checks follow). Errors: null `values` with n > 0
// is CANDOR_INVALID_ARGUMENT; n < 3 is CANDOR_EMPTY (too few values for a
// trend); a NaN or infinite value is CANDOR_OUT_OF_RANGE naming its index;
// running out of memory is CANDOR_OUT_OF_MEMORY.
#ifndef CANDOR_TREND_HPP_
#define CANDOR_TREND_HPP_

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
struct MannKendall {
  int64_t s = 0;
  double var_s = 0;
  double z = 0;
  double p_value = 1;
  double tau = 0;
  int64_t n = 0;
};
CANDOR_API Result<MannKendall> MannKendallTest(const double* values, size_t n);

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
CANDOR_API Result<SensSlope> SensSlopeEstimate(const double* values, size_t n, double level);

}  // namespace candor

#endif  // CANDOR_TREND_HPP_
