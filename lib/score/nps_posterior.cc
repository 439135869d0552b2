#include "score/nps_posterior.hpp"

#include <algorithm>
#include <cmath>

#include "common/beta.hpp"
#include "common/normal.hpp"
#include "common/quadrature.hpp"

namespace candor::internal {
namespace {

// Past this total concentration the posterior is normal to far better than
// the interval's own precision, and the incomplete beta's continued fraction
// (O(sqrt(a)) terms) gets slow; the moments are used instead.
constexpr double kNormalApproximationAbove = 1e7;

struct Moments {
  double mean;
  double sd;
};

Moments PosteriorMoments(double a_det, double a_pas, double a_pro) {
  // Dirichlet moments: E = (a_pro - a_det) / a0,
  // Var = ((a_pro + a_det) / a0 - E^2) / (a0 + 1).
  const double total = a_det + a_pas + a_pro;
  const double mean = (a_pro - a_det) / total;
  const double variance = ((a_pro + a_det) / total - mean * mean) / (total + 1.0);
  return {mean, std::sqrt(std::max(variance, 0.0))};
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
  // Integrate only where theta_pro has mass, so that a sharp posterior is not
  // missed by the first quadrature nodes.
  const double total = a_det + a_pas + a_pro;
  const double mean_pro = a_pro / total;
  const double sd_pro = std::sqrt(mean_pro * (1.0 - mean_pro) / (total + 1.0));
  lower = std::max(lower, mean_pro - 40.0 * sd_pro);
  upper = std::min(upper, mean_pro + 40.0 * sd_pro);
  if (!(upper > lower)) return std::min(1.0, certain);
  auto integrand = [&](double u) {
    const double log_density = BetaLogDensity(u, a_pro, a_rest);
    // P(V >= z) = I_{1-z}(a_pas, a_det) with 1 - z = (1 + t - 2u) / (1 - u).
    const double one_minus_z = (1.0 + t - 2.0 * u) / (1.0 - u);
    return std::exp(log_density) * RegularizedIncompleteBeta(a_pas, a_det, one_minus_z);
  };
  const QuadratureResult integral = IntegrateAdaptive(integrand, lower, upper, 1e-13, 1e-11);
  return std::min(1.0, std::max(0.0, certain + integral.value));
}

double NpsPosteriorQuantile(double q, double a_det, double a_pas, double a_pro) {
  const Moments moments = PosteriorMoments(a_det, a_pas, a_pro);
  if (a_det + a_pas + a_pro > kNormalApproximationAbove) {
    return std::clamp(moments.mean + NormalQuantile(q) * moments.sd, -1.0, 1.0);
  }
  // Bisection on the CDF inside a bracket of +-12 posterior SDs (widened to
  // the whole range if the quantile is not inside).
  double lo = std::max(-1.0, moments.mean - 12.0 * moments.sd);
  double hi = std::min(1.0, moments.mean + 12.0 * moments.sd);
  if (NpsPosteriorCdf(lo, a_det, a_pas, a_pro) > q) lo = -1.0;
  if (NpsPosteriorCdf(hi, a_det, a_pas, a_pro) < q) hi = 1.0;
  for (int iteration = 0; iteration < 200 && hi - lo > 1e-12; ++iteration) {
    const double middle = 0.5 * (lo + hi);
    if (NpsPosteriorCdf(middle, a_det, a_pas, a_pro) < q) {
      lo = middle;
    } else {
      hi = middle;
    }
  }
  return 0.5 * (lo + hi);
}

}  // namespace candor::internal
