// The upper tail of the chi-square distribution, for the log-rank test.
#ifndef CANDOR_SURVIVAL_CHI_SQUARE_HPP_
#define CANDOR_SURVIVAL_CHI_SQUARE_HPP_

namespace candor::survival_internal {

// P(X > x) for X ~ chi-square(df), df > 0: the regularized upper incomplete
// gamma function Q(df / 2, x / 2). 1 for x <= 0, NaN for bad arguments.
double ChiSquareSurvival(double x, double df);

}  // namespace candor::survival_internal

#endif  // CANDOR_SURVIVAL_CHI_SQUARE_HPP_
