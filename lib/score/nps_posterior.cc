#include "nps_posterior.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "common/beta.hpp"
#include "common/normal.hpp"
#include "common/quadrature.hpp"

namespace candor::internal {
namespace {

// Past this total concentration the quantiles come from the Cornish-Fisher
// expansion with the exact first three posterior moments: its error is
// O(1 / a0) posterior SDs (below 1e-4 SD here), while the incomplete beta's
// continued fraction needs O(sqrt(a)) terms and the integration gets slow.
constexpr double kCornishFisherAbove = 1e5;

struct Moments {
  double mean;
  double sd;
  double skewness;
};

// Moments of L = sum v_c theta_c under Dirichlet(alpha), with
// mu_k = sum v_c^k alpha_c / a0: mean mu_1, variance
// (mu_2 - mu_1^2) / (a0 + 1), third central moment
// 2 (mu_3 - 3 mu_1 mu_2 + 2 mu_1^3) / ((a0 + 1)(a0 + 2)) (from the
// Dirichlet's product moments; checked against 4e6 draws in the tests' notes).
// Here v = (-1, 0, +1), so mu_1 = (a_pro - a_det) / a0, mu_2 = mu_3 + 2 a_det / a0.
Moments PosteriorMoments(double a_det, double a_pas, double a_pro) {
  const double total = a_det + a_pas + a_pro;
  const double mu1 = (a_pro - a_det) / total;
  const double mu2 = (a_pro + a_det) / total;
  const double mu3 = mu1;
  const double variance = std::max(0.0, (mu2 - mu1 * mu1) / (total + 1.0));
  const double third =
      2.0 * (mu3 - 3.0 * mu1 * mu2 + 2.0 * mu1 * mu1 * mu1) / ((total + 1.0) * (total + 2.0));
  const double sd = std::sqrt(variance);
  return {mu1, sd, sd > 0 ? third / (variance * sd) : 0.0};
}

// Subintervals per integral: the smooth integrands converge in a few dozen;
// a posterior concentrated within 1e-20 of 0 (two categories with priors of
// 5e-4 and no responses) exhausted 2000 on every step of the root search,
// seconds per quantile, for digits beyond 1e-11 that the search cannot use.
constexpr int kMaxPieces = 200;

// The integral of f(u) g(u) over [lo, hi] for f the Beta(a, b) density.
// With a < 1 the density's mass near 0 lies where no quadrature node can
// reach it (for a = 1e-9 all but 7e-7 of it is below 1e-300, and a fuzzed
// posterior with a zero count and a prior of 1e-9 came out near 0 instead of
// -0.98); there u = v^(1/a) turns f(u) du into dv / (a B(a, b)) times
// (1 - u)^(b - 1), smooth in v. Likewise 1 - u = w^(1/b) near 1 when b < 1.
double IntegrateAgainstBeta(double a, double b, const std::function<double(double)>& g, double lo,
                            double hi) {
  if (!(hi > lo)) return 0.0;
  const BetaDistribution beta(a, b);
  const double mid = std::clamp(0.5, lo, hi);
  double total = 0.0;
  auto plain = [&](double from, double to) {
    if (!(to > from)) return 0.0;
    auto integrand = [&](double u) { return std::exp(beta.LogDensity(u)) * g(u); };
    return IntegrateAdaptive(integrand, from, to, 1e-13, 1e-11, kMaxPieces).value;
  };
  if (a < 1.0 && mid > lo) {
    const double log_scale = -std::log(a) - LogBetaFunction(a, b);
    auto integrand = [&](double v) {
      const double u = std::pow(v, 1.0 / a);
      return std::exp(log_scale + (b - 1.0) * std::log1p(-u)) * g(u);
    };
    total +=
        IntegrateAdaptive(integrand, std::pow(lo, a), std::pow(mid, a), 1e-13, 1e-11, kMaxPieces)
            .value;
  } else {
    total += plain(lo, mid);
  }
  if (b < 1.0 && hi > mid) {
    const double log_scale = -std::log(b) - LogBetaFunction(a, b);
    auto integrand = [&](double w) {
      const double one_minus_u = std::pow(w, 1.0 / b);
      return std::exp(log_scale + (a - 1.0) * std::log1p(-one_minus_u)) * g(1.0 - one_minus_u);
    };
    total += IntegrateAdaptive(integrand, std::pow(1.0 - hi, b), std::pow(1.0 - mid, b), 1e-13,
                               1e-11, kMaxPieces)
                 .value;
  } else {
    total += plain(mid, hi);
  }
  return total;
}

}  // namespace

// Marginally theta_pro ~ Beta(a_pro, a_det + a_pas), and given theta_pro = u,
// theta_det = (1 - u) V with V ~ Beta(a_det, a_pas) (the Dirichlet's
// stick-breaking property). So
//   P(D <= t) = P(theta_pro <= t) + integral over u in [max(0, t), (1 + t) / 2]
//               of f(u) * P(V >= (u - t) / (1 - u)) du,
// since for u <= t the event is certain and for u >= (1 + t) / 2 impossible.
double NpsPosteriorCdf(double t, double a_det, double a_pas, double a_pro) {
  if (t <= -1.0) return 0.0;
  if (t >= 1.0) return 1.0;
  const double a_rest = a_det + a_pas;
  const double certain = t > 0 ? RegularizedIncompleteBeta(a_pro, a_rest, t) : 0.0;
  double lower = std::max(0.0, t);
  double upper = 0.5 * (1.0 + t);
  // Where the density is bounded, integrate only where theta_pro has mass
  // (inside its 1e-16 and 1 - 1e-16 quantiles), so that a sharp posterior is
  // not missed by the first quadrature nodes.
  if (a_pro >= 1.0) lower = std::max(lower, BetaQuantile(a_pro, a_rest, 1e-16));
  if (a_rest >= 1.0) upper = std::min(upper, BetaQuantile(a_pro, a_rest, 1.0 - 1e-16));
  if (!(upper > lower)) return std::min(1.0, certain);
  const BetaDistribution passive_share(a_pas, a_det);
  auto survival = [&](double u) {
    // P(V >= z) = I_{1-z}(a_pas, a_det) with 1 - z = (1 + t - 2u) / (1 - u).
    return passive_share.Cdf((1.0 + t - 2.0 * u) / (1.0 - u));
  };
  const double integral = IntegrateAgainstBeta(a_pro, a_rest, survival, lower, upper);
  return std::min(1.0, std::max(0.0, certain + integral));
}

double NpsPosteriorQuantile(double q, double a_det, double a_pas, double a_pro) {
  const Moments moments = PosteriorMoments(a_det, a_pas, a_pro);
  const double z = NormalQuantile(q);
  // Cornish-Fisher to the skewness term: t = mean + sd (z + (z^2 - 1) g / 6).
  const double guess = moments.mean + moments.sd * (z + (z * z - 1.0) * moments.skewness / 6.0);
  if (a_det + a_pas + a_pro > kCornishFisherAbove) return std::clamp(guess, -1.0, 1.0);
  // Root of F(t) - q by the Illinois variant of regula falsi (Dowell and
  // Jarratt 1971), bracketed: from the normal approximation, step outwards
  // by posterior SDs until the root is enclosed, then iterate; a bisection
  // step is taken whenever the bracket does not shrink fast enough.
  auto excess = [&](double t) { return NpsPosteriorCdf(t, a_det, a_pas, a_pro) - q; };
  const double step = std::max(moments.sd, 1e-12);
  double lo = std::clamp(guess - 0.1 * step, -1.0, 1.0);
  double hi = std::clamp(guess + 0.1 * step, -1.0, 1.0);
  double f_lo = excess(lo);
  double f_hi = excess(hi);
  for (double widen = 0.5; f_lo > 0 && lo > -1.0; widen *= 2) {
    hi = lo;
    f_hi = f_lo;
    lo = std::max(-1.0, lo - widen * step);
    f_lo = excess(lo);
  }
  for (double widen = 0.5; f_hi < 0 && hi < 1.0; widen *= 2) {
    lo = hi;
    f_lo = f_hi;
    hi = std::min(1.0, hi + widen * step);
    f_hi = excess(hi);
  }
  if (f_lo >= 0) return lo;
  if (f_hi <= 0) return hi;
  int last_replaced = 0;  // -1: lo, +1: hi
  double previous = lo;
  for (int iteration = 0; iteration < 100 && hi - lo > 1e-12; ++iteration) {
    double t = lo - f_lo * (hi - lo) / (f_hi - f_lo);
    if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
    const double f = excess(t);
    if (f == 0) return t;
    if (f < 0) {
      lo = t;
      f_lo = f;
      if (last_replaced == -1) f_hi *= 0.5;  // Illinois: the same end twice
      last_replaced = -1;
    } else {
      hi = t;
      f_hi = f;
      if (last_replaced == 1) f_lo *= 0.5;
      last_replaced = 1;
    }
    if (std::fabs(f) < 1e-14 || std::fabs(t - previous) < 1e-13) return t;
    previous = t;
  }
  return 0.5 * (lo + hi);
}

}  // namespace candor::internal
