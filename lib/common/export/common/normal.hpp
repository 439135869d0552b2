// Standard normal distribution: CDF and quantile.
#ifndef CANDOR_COMMON_NORMAL_HPP_
#define CANDOR_COMMON_NORMAL_HPP_

namespace candor::internal {

// Phi(x) = P(Z <= x), via erfc so that the lower tail keeps its relative
// precision.
double NormalCdf(double x);

// Upper tail 1 - Phi(x), precise for large x.
double NormalSurvival(double x);

// Phi^{-1}(p) for p in (0, 1); -inf at 0, +inf at 1, NaN outside [0, 1].
double NormalQuantile(double p);

// Two-sided p-value of a z statistic: 2 * (1 - Phi(|z|)).
double TwoSidedPValue(double z);

}  // namespace candor::internal

#endif  // CANDOR_COMMON_NORMAL_HPP_
