#include "common/beta.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/normal.hpp"

namespace candor::internal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPi = 3.14159265358979323846;

// The continued fraction of I_x(a, b) (DLMF 8.17.22), evaluated with the
// modified Lentz method (Thompson and Barnett 1986). Converges fast for
// x < (a + 1) / (a + b + 2); the caller uses the symmetry otherwise.
double IncompleteBetaFraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr double kEpsilon = 1e-16;
  // The fraction is 1 / (1 + d1 / (1 + d2 / (1 + ...))) with
  // d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)),
  // d_{2m}   = m (b - m) x / ((a + 2m - 1)(a + 2m)).
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double f = d;
  // A generous cap: near the mean the fraction converges in about 50-75
  // iterations for any a and b from 1e4 to 1e13 (measured). Computed in
  // double and clamped before the conversion, which overflowed int (and
  // skipped the loop) once max(a, b) passed about 1e16.
  const int max_iterations =
      static_cast<int>(std::min(1000.0 + 20.0 * std::sqrt(std::max(a, b)), 1e6));
  for (int m = 1; m <= max_iterations; ++m) {
    const double two_m = 2.0 * m;
    double numerator = m * (b - m) * x / ((a + two_m - 1.0) * (a + two_m));
    d = 1.0 + numerator * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + numerator / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    f *= d * c;
    numerator = -(a + m) * (a + b + m) * x / ((a + two_m) * (a + two_m + 1.0));
    d = 1.0 + numerator * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + numerator / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    f *= delta;
    if (std::fabs(delta - 1.0) < kEpsilon) break;
  }
  return f;
}

// delta(z) = lgamma(z) - [(z - 1/2) log z - z + log(2 pi) / 2], the error of
// Stirling's formula; its asymptotic series (DLMF 5.11.1) for z >= 10.
double StirlingError(double z) {
  if (z < 10.0) {
    return LogGamma(z) - ((z - 0.5) * std::log(z) - z + 0.5 * std::log(2.0 * kPi));
  }
  const double r = 1.0 / z;
  const double r2 = r * r;
  return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
}

// log[x^a (1 - x)^b / B(a, b)]. For large a and b the lgamma differences
// lose about a * eps; writing 1 / B(a, b) by Stirling's formula keeps the
// large terms as a * log1p(small) instead (the idea of DiDonato and Morris
// 1992, TOMS 708, brcomp):
//   log kernel = a log1p(s / a) + b log1p(-s / b) + C, s = x (a + b) - a,
//   C = log(ab / (2 pi (a + b))) / 2 + delta(a + b) - delta(a) - delta(b).
bool UseStirling(double a, double b) { return std::min(a, b) >= 10.0; }

double KernelConstant(double a, double b) {
  if (!UseStirling(a, b)) return -LogBetaFunction(a, b);
  const double total = a + b;
  return 0.5 * std::log(a * b / (total * 2.0 * kPi)) + StirlingError(total) - StirlingError(a) -
         StirlingError(b);
}

double LogBetaKernel(double a, double b, double x, bool stirling, double constant) {
  if (!stirling) return a * std::log(x) + b * std::log1p(-x) + constant;
  const double shift = x * (a + b) - a;
  return a * std::log1p(shift / a) + b * std::log1p(-shift / b) + constant;
}

double IncompleteBetaFromKernel(double a, double b, double x, double log_kernel) {
  // x^a (1-x)^b / (a B(a, b)) times the continued fraction, or the symmetry.
  if (x < (a + 1.0) / (a + b + 2.0)) {
    return std::exp(log_kernel) * IncompleteBetaFraction(a, b, x) / a;
  }
  return 1.0 - std::exp(log_kernel) * IncompleteBetaFraction(b, a, 1.0 - x) / b;
}

// From min(a, b) = 1e7 on, the quantile comes from the Cornish-Fisher
// expansion instead of inverting the CDF: there Newton's steps land so close
// to the mean that the continued fraction stops converging in double
// precision (at 1e16 the interval came out inside its own estimate).
constexpr double kCornishFisherMin = 1e7;

// The Cornish-Fisher expansion of a quantile (Abramowitz and Stegun 1964,
// 26.2.49) with the Beta's mean, variance, skewness g1 and excess kurtosis g2
// (Johnson, Kotz and Balakrishnan 1995, ch. 25): w = z + g1 (z^2 - 1) / 6 +
// g2 (z^3 - 3z) / 24 - g1^2 (2z^3 - 5z) / 36. Both g1 and g2 are
// O(1 / sqrt(min(a, b))), so the error is O(min(a, b)^-3/2) standard
// deviations: below 1e-10 of one here.
double CornishFisherBetaQuantile(double a, double b, double p) {
  // In the shares s = a / (a + b), r = b / (a + b), so that no product of a
  // and b overflows (a Dirichlet prior may be as large as a double).
  const double total = a + b;
  const double s = a / total;
  const double r = b / total;
  const double sd = std::sqrt(s * r / (total + 1.0));
  const double g1 = 2.0 * (r - s) * std::sqrt(total + 1.0) / ((total + 2.0) * std::sqrt(s * r));
  const double g2 =
      6.0 / (total + 3.0) * ((r - s) * (r - s) / (s * r) * ((total + 1.0) / (total + 2.0)) - 1.0);
  const double mean = s;
  const double z = NormalQuantile(p);
  const double z2 = z * z;
  const double w = z + g1 * (z2 - 1.0) / 6.0 + g2 * z * (z2 - 3.0) / 24.0 -
                   g1 * g1 * z * (2.0 * z2 - 5.0) / 36.0;
  return std::clamp(mean + sd * w, 0.0, 1.0);
}

}  // namespace

double BetaQuantile(double a, double b, double p);

namespace {

// Beyond kLargeShape the continued fraction needs more iterations than are
// affordable (a fuzzed accumulator with a = 2.5e158 took seconds per
// quantile and returned 6e-61) and 1 - x is not representable near 1.
constexpr double kLargeShape = 1e13;

// With one shape large, Beta(s, B) approaches a Gamma: for Y ~ Beta(s, B),
// -(B + (s - 1) / 2) log(1 - Y) is close to Gamma(s, 1) (B Y alone is off by
// O(s / B); the shift (s - 1) / 2 leaves a relative error of about
// 0.1 (s / B)^2 in the quantile, measured against scipy's betaincinv for s
// from 1e-3 to 100 and B from 1e3 to 1e6). So the quantile at B is the one at
// kLargeShape mapped through that Gamma variable: with s below 1e7 the map
// adds at most about 1e-13 relative error. The large shape's side
// comes from the symmetry I_x(a, b) = 1 - I_{1-x}(b, a); its quantile
// rounds to 1 once B passes about 1e16, as the exact one does.
double LargeShapeBetaQuantile(double a, double b, double p) {
  const bool a_large = a > b;
  const double small = a_large ? b : a;
  const double large = a_large ? a : b;
  const double tail = a_large ? 1.0 - p : p;  // the small-shape side's quantile
  const double shift = 0.5 * (small - 1.0);
  const double at_reference = BetaQuantile(small, kLargeShape, tail);
  const double gamma = -(kLargeShape + shift) * std::log1p(-at_reference);
  const double y = -std::expm1(-gamma / (large + shift));
  return a_large ? 1.0 - y : y;
}

}  // namespace

double LogGamma(double x) {
#if defined(__GLIBC__)
  int sign;
  return lgamma_r(x, &sign);
#else
  return std::lgamma(x);
#endif
}

double LogBetaFunction(double a, double b) {
  const double small = std::min(a, b);
  const double large = std::max(a, b);
  if (large < 10.0) return LogGamma(a) + LogGamma(b) - LogGamma(a + b);
  // lgamma(large) - lgamma(small + large) by Stirling's formula with its
  // error delta, written so that no two large terms cancel: as a difference
  // of lgammas it lost everything once large passed about 1e15 (lgamma(1e17)
  // is 3.8e18, whose ulp is 512, while the difference is -log(1e17)).
  const double total = small + large;
  const double ratio_part = -(large - 0.5) * std::log1p(small / large) - small * std::log(total);
  return LogGamma(small) + ratio_part + small + StirlingError(large) - StirlingError(total);
}

double BetaLogDensity(double x, double a, double b) {
  if (std::isnan(x) || std::isnan(a) || std::isnan(b)) return kNaN;
  if (x < 0.0 || x > 1.0) return -std::numeric_limits<double>::infinity();
  return BetaDistribution(a, b).LogDensity(x);
}

double RegularizedIncompleteBeta(double a, double b, double x) {
  if (!(a > 0.0) || !(b > 0.0) || std::isnan(x) || std::isinf(a) || std::isinf(b)) return kNaN;
  return BetaDistribution(a, b).Cdf(x);
}

BetaDistribution::BetaDistribution(double a, double b)
    : a_(a), b_(b), stirling_(UseStirling(a, b)), log_constant_(KernelConstant(a, b)) {}

double BetaDistribution::LogKernel(double x) const {
  return LogBetaKernel(a_, b_, x, stirling_, log_constant_);
}

double BetaDistribution::LogDensity(double x) const {
  if (std::isnan(x)) return kNaN;
  if (x < 0.0 || x > 1.0) return -std::numeric_limits<double>::infinity();
  if (x == 0.0 || x == 1.0) {
    return (a_ - 1.0) * std::log(x) + (b_ - 1.0) * std::log1p(-x) - LogBetaFunction(a_, b_);
  }
  return LogKernel(x) - std::log(x) - std::log1p(-x);
}

double BetaDistribution::Cdf(double x) const {
  if (std::isnan(x)) return kNaN;
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  return IncompleteBetaFromKernel(a_, b_, x, LogKernel(x));
}

double BetaQuantile(double a, double b, double p) {
  if (!(a > 0.0) || !(b > 0.0) || std::isnan(p) || p < 0.0 || p > 1.0) return kNaN;
  if (p == 0.0) return 0.0;
  if (p == 1.0) return 1.0;
  if (std::min(a, b) >= kCornishFisherMin) return CornishFisherBetaQuantile(a, b, p);
  if (std::max(a, b) > kLargeShape) return LargeShapeBetaQuantile(a, b, p);
  // Safeguarded Newton: keep a bracket [lo, hi] with I_lo <= p <= I_hi and
  // fall back to bisection whenever a Newton step leaves it.
  double lo = 0.0;
  double hi = 1.0;
  double x = a / (a + b);
  const BetaDistribution beta(a, b);
  for (int iteration = 0; iteration < 200; ++iteration) {
    const double f = beta.Cdf(x) - p;
    if (f == 0.0) return x;
    if (f < 0.0) {
      lo = x;
    } else {
      hi = x;
    }
    double next = x - f / std::exp(beta.LogDensity(x));
    if (!(next > lo && next < hi) || !std::isfinite(next)) {
      // Bisect in the logarithm when the bracket spans orders of magnitude:
      // a small shape's low quantiles lie far below 1e-60, where 200 halvings
      // of [0, 1] stopped (and returned 2^-200 = 6.2e-61).
      if (lo == 0.0) {
        next = hi * 0x1p-32;
      } else if (hi > 4.0 * lo) {
        next = std::sqrt(lo) * std::sqrt(hi);
      } else {
        next = 0.5 * (lo + hi);
      }
    }
    if (std::fabs(next - x) <= 1e-15 * std::max(x, 1e-300) || hi - lo <= 4e-16 * hi) {
      return next;
    }
    x = next;
  }
  return x;
}

}  // namespace candor::internal
