// Shared pieces of the trend tests: input validation and the tie-corrected
// variance of the Mann-Kendall S.
#ifndef CANDOR_TREND_SERIES_HPP_
#define CANDOR_TREND_SERIES_HPP_

#include <candor/status.hpp>

#include <cstddef>
#include <vector>

namespace candor::internal {

// OK when `values` is non-null, n >= 3 and every value is finite.
Status CheckTrendSeries(const double* values, size_t n);

// Var(S) = [n(n-1)(2n+5) - sum_t t(t-1)(2t+5)] / 18 (Kendall 1975), with the
// tie groups read off `sorted` (the values in ascending order).
double MannKendallVariance(const std::vector<double>& sorted);

}  // namespace candor::internal

#endif  // CANDOR_TREND_SERIES_HPP_
