#include "common/gamma.hpp"

#include <cmath>
#include <limits>

#include "common/beta.hpp"

namespace candor::internal {
namespace {

constexpr double kEpsilon = 1e-16;
constexpr int kMaxTerms = 100000;

// log[x^a e^-x / Gamma(a)], the factor in front of both expansions. For
// a >= 10 the terms a log x, x and lgamma(a) are large and nearly cancel;
// with Stirling's formula, lgamma(a) = (a - 1/2) log a - a + log(2 pi)/2 +
// delta(a), the factor is a (log1p(t) - t) + log(a)/2 - log(2 pi)/2 -
// delta(a) with t = (x - a)/a, whose large part is computed as one small
// product (the idea of DiDonato and Morris 1986, TOMS 12:377-393).
double LogPrefactor(double a, double x) {
  if (a < 10) return a * std::log(x) - x - LogGamma(a);
  const double t = (x - a) / a;
  const double r = 1 / a;
  const double r2 = r * r;
  // delta(a), Stirling's series (Abramowitz and Stegun 1964, 6.1.41).
  const double delta =
      r * (1.0 / 12 -
           r2 * (1.0 / 360 -
                 r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 * (1.0 / 1188 - r2 * 691.0 / 360360)))));
  constexpr double kHalfLogTwoPi = 0.91893853320467274178;
  return a * (std::log1p(t) - t) + 0.5 * std::log(a) - kHalfLogTwoPi - delta;
}

// P(a, x) by its power series (Abramowitz and Stegun 1964, 6.5.29):
//   P = x^a e^-x / Gamma(a + 1) * sum_k x^k / ((a + 1) ... (a + k)),
// whose terms fall quickly when x < a + 1.
double LowerBySeries(double a, double x) {
  double term = 1.0 / a;
  double sum = term;
  for (int k = 1; k < kMaxTerms; ++k) {
    term *= x / (a + k);
    sum += term;
    if (std::fabs(term) < std::fabs(sum) * kEpsilon) break;
  }
  return std::exp(LogPrefactor(a, x)) * sum;
}

// Q(a, x) by Legendre's continued fraction (Abramowitz and Stegun 1964,
// 6.5.31), in its even form
//   Q = x^a e^-x / Gamma(a) * 1 / (x + 1 - a - 1 (1 - a) / (x + 3 - a - 2 (2 - a) / (x + 5 - a -
//   ...))),
// evaluated by the modified Lentz method (Thompson and Barnett 1986); it
// converges fast when x >= a + 1.
double UpperByContinuedFraction(double a, double x) {
  constexpr double kTiny = 1e-300;
  double b = x + 1.0 - a;
  double c = 1.0 / kTiny;
  double d = 1.0 / b;
  double fraction = d;
  for (int k = 1; k < kMaxTerms; ++k) {
    const double an = -k * (k - a);
    b += 2.0;
    d = an * d + b;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double step = d * c;
    fraction *= step;
    if (std::fabs(step - 1.0) < kEpsilon) break;
  }
  return std::exp(LogPrefactor(a, x)) * fraction;
}

}  // namespace

double RegularizedGammaUpper(double a, double x) {
  if (std::isnan(a) || std::isnan(x) || !(a > 0) || x < 0 || std::isinf(a)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (x == 0) return 1.0;
  if (std::isinf(x)) return 0.0;
  if (x < a + 1.0) return 1.0 - LowerBySeries(a, x);
  return UpperByContinuedFraction(a, x);
}

double ChiSquareSurvival(double x, double df) {
  if (std::isnan(x) || std::isnan(df) || !(df > 0)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (x <= 0) return 1.0;
  return RegularizedGammaUpper(0.5 * df, 0.5 * x);
}

}  // namespace candor::internal
