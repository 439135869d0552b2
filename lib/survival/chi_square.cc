// The regularized incomplete gamma function by its power series below a + 1
// and its continued fraction above (Abramowitz and Stegun 1964, 6.5.29 and
// 6.5.31), the fraction evaluated by the modified Lentz method (Lentz 1976;
// Thompson and Barnett 1986).
#include "chi_square.hpp"

#include <cmath>
#include <limits>

#include "common/beta.hpp"

namespace candor::survival_internal {
namespace {

constexpr double kEpsilon = 1e-16;
constexpr int kMaxTerms = 100000;

// log(x^a e^-x / Gamma(a)), the factor both expansions share.
double LogPrefactor(double a, double x) { return a * std::log(x) - x - internal::LogGamma(a); }

// P(a, x) = sum_k x^k / (a (a + 1) ... (a + k)) times the prefactor.
double LowerSeries(double a, double x) {
  double term = 1 / a;
  double sum = term;
  for (int k = 1; k < kMaxTerms; ++k) {
    term *= x / (a + k);
    sum += term;
    if (std::fabs(term) < std::fabs(sum) * kEpsilon) break;
  }
  return std::exp(LogPrefactor(a, x)) * sum;
}

// Q(a, x) = prefactor / (x + 1 - a - 1 (1 - a) / (x + 3 - a - 2 (2 - a) / (x + 5 - a - ...))).
double UpperFraction(double a, double x) {
  constexpr double kTiny = 1e-300;
  double b = x + 1 - a;
  double c = 1 / kTiny;
  double d = 1 / b;
  double f = d;
  for (int k = 1; k < kMaxTerms; ++k) {
    const double an = -k * (k - a);
    b += 2;
    d = an * d + b;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double delta = d * c;
    f *= delta;
    if (std::fabs(delta - 1) < kEpsilon) break;
  }
  return std::exp(LogPrefactor(a, x)) * f;
}

}  // namespace

double ChiSquareSurvival(double x, double df) {
  if (std::isnan(x) || !(df > 0) || !std::isfinite(df)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (x <= 0) return 1;
  if (std::isinf(x)) return 0;
  const double a = df / 2;
  const double half = x / 2;
  if (half < a + 1) return 1 - LowerSeries(a, half);
  return UpperFraction(a, half);
}

}  // namespace candor::survival_internal
