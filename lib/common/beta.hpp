// The Beta distribution: log-density, regularized incomplete beta function
// (its CDF) and quantile.
#ifndef CANDOR_COMMON_BETA_HPP_
#define CANDOR_COMMON_BETA_HPP_

namespace candor::internal {

// log B(a, b) for a, b > 0.
double LogBetaFunction(double a, double b);

// log of the Beta(a, b) density at x in (0, 1); -inf outside [0, 1].
double BetaLogDensity(double x, double a, double b);

// I_x(a, b) = P(X <= x) for X ~ Beta(a, b), a, b > 0. NaN for bad arguments.
double RegularizedIncompleteBeta(double a, double b, double x);

// The p-quantile of Beta(a, b): x with I_x(a, b) = p, to about 1e-14.
double BetaQuantile(double a, double b, double p);

}  // namespace candor::internal

#endif  // CANDOR_COMMON_BETA_HPP_
