// The Beta distribution: log-density, regularized incomplete beta function
// (its CDF) and quantile.
#ifndef CANDOR_COMMON_BETA_HPP_
#define CANDOR_COMMON_BETA_HPP_

namespace candor::internal {

// log|Gamma(x)|, without touching the global signgam (thread-safe).
double LogGamma(double x);

// log B(a, b) for a, b > 0.
double LogBetaFunction(double a, double b);

// log of the Beta(a, b) density at x in (0, 1); -inf outside [0, 1].
double BetaLogDensity(double x, double a, double b);

// I_x(a, b) = P(X <= x) for X ~ Beta(a, b), a, b > 0. NaN for bad arguments.
double RegularizedIncompleteBeta(double a, double b, double x);

// The p-quantile of Beta(a, b): x with I_x(a, b) = p, to about 1e-14
// absolute, for any a, b up to the double range. Far below 1 the relative
// error is about 1e-8 or less, but up to 1e-4 once max(a, b) / min(a, b)
// passes 1e12 (tests/cpp/common/math_test.cc, closed forms).
double BetaQuantile(double a, double b, double p);

// Beta(a, b) with its normalizing constant computed once: for integrands
// that evaluate the density or CDF many times with the same parameters.
class BetaDistribution {
 public:
  BetaDistribution(double a, double b);
  double LogDensity(double x) const;
  double Cdf(double x) const;  // I_x(a, b)

 private:
  // log[x^a (1 - x)^b / B(a, b)], see beta.cc.
  double LogKernel(double x) const;
  double a_;
  double b_;
  bool stirling_;        // min(a, b) >= 10: the Stirling form below
  double log_constant_;  // -log B(a, b), or the Stirling form's constant
};

}  // namespace candor::internal

#endif  // CANDOR_COMMON_BETA_HPP_
