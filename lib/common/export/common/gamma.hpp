// The regularized incomplete gamma function and the chi-square upper tail
// it gives.
#ifndef CANDOR_COMMON_GAMMA_HPP_
#define CANDOR_COMMON_GAMMA_HPP_

namespace candor::internal {

// Q(a, x) = Gamma(a, x) / Gamma(a), the upper regularized incomplete gamma
// function, for a > 0 and x >= 0 (1 at x = 0); NaN for other arguments. To
// about 1e-14 relative for a up to 1e4 (tests/cpp/common/gamma_test.cc).
double RegularizedGammaUpper(double a, double x);

// P(X > x) for X chi-square with df > 0 degrees of freedom: Q(df/2, x/2);
// 1 for x <= 0, NaN for a NaN x or df <= 0.
double ChiSquareSurvival(double x, double df);

}  // namespace candor::internal

#endif  // CANDOR_COMMON_GAMMA_HPP_
