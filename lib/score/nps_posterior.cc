#include "nps_posterior.hpp"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <utility>

#include "common/beta.hpp"
#include "common/normal.hpp"
#include "common/quadrature.hpp"

namespace candor::internal {
namespace {

// The quantiles come from the Cornish-Fisher expansion with the posterior's
// exact first four moments when every Dirichlet parameter is at least
// kCornishFisherFrom, or their total above kCornishFisherAbove; else from
// the exact CDF (an integral per evaluation, ~1 ms a quantile). Against the
// exact quantiles, over shares from 0 to 0.9 with every parameter >= 200 and
// totals up to 1,000 times that, the expansion's worst error was 4e-7 on the
// -1..1 scale at levels 95-99% and 4e-6 at 99.99% (0.00004 and 0.0004 NPS
// points). Past 1e5 the integral gets slow (the incomplete beta's continued
// fraction needs O(sqrt(a)) terms) and the error is O(1 / a0) SDs at most.
constexpr double kCornishFisherFrom = 200.0;
constexpr double kCornishFisherAbove = 1e5;

struct Moments {
  double mean;
  double sd;
  double skewness;
  double excess_kurtosis;
};

// Moments of L = sum v_c theta_c under Dirichlet(alpha), v = (-1, 0, +1).
// With w_c = v_c - E[L], L - E[L] = sum w_c G_c / G_0 for independent
// G_c ~ Gamma(alpha_c) and G_0 = sum G_c independent of theta, so the r-th
// central moment is E[(sum w_c G_c)^r] / (a0 (a0 + 1) ... (a0 + r - 1)),
// from the gammas' cumulants alpha (r - 1)!. In the shares s_c = alpha_c / a0
// and S_r = sum w_c^r s_c (no product of large parameters can overflow):
// variance S_2 / (a0 + 1), skewness 2 S_3 sqrt(a0 + 1) / ((a0 + 2) S_2^1.5),
// kurtosis (a0 + 1) / ((a0 + 2)(a0 + 3)) (3 a0 + 6 S_4 / S_2^2).
Moments PosteriorMoments(double a_det, double a_pas, double a_pro) {
  const double total = a_det + a_pas + a_pro;
  const double share[3] = {a_det / total, a_pas / total, a_pro / total};
  const double mean = share[2] - share[0];
  double s2 = 0, s3 = 0, s4 = 0;
  for (int c = 0; c < 3; ++c) {
    const double w = (c - 1) - mean;
    s2 += w * w * share[c];
    s3 += w * w * w * share[c];
    s4 += w * w * w * w * share[c];
  }
  const double sd = std::sqrt(std::max(0.0, s2 / (total + 1.0)));
  if (!(s2 > 0)) return {mean, 0.0, 0.0, 0.0};
  const double skewness = 2.0 * s3 * std::sqrt(total + 1.0) / ((total + 2.0) * s2 * std::sqrt(s2));
  const double ratio = (total + 1.0) / (total + 2.0);
  const double kurtosis = 3.0 * ratio * (total / (total + 3.0)) +
                          6.0 * (s4 / (s2 * s2)) * ratio / (total + 3.0);
  return {mean, sd, skewness, kurtosis - 3.0};
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
// cluster_lo / cluster_hi: g has a power singularity at lo / hi (below).
double IntegrateAgainstBeta(double a, double b, const std::function<double(double)>& g, double lo,
                            double hi, bool cluster_lo, bool cluster_hi) {
  if (!(hi > lo)) return 0.0;
  const BetaDistribution beta(a, b);
  const double mid = std::clamp(0.5, lo, hi);
  double total = 0.0;
  // g may have a power singularity at lo and at hi (where the survival's
  // argument reaches 1 or 0): nodes are drawn towards those ends by
  // u = from + width s(v), s(v) = v^2 (one end) or v^2 (3 - 2v) (both), whose
  // vanishing derivative there turns (u - lo)^c into a power of v twice c.
  auto plain = [&](double from, double to) {
    if (!(to > from)) return 0.0;
    const double width = to - from;
    const bool at_from = cluster_lo && from == lo, at_to = cluster_hi && to == hi;
    auto integrand = [&](double v) {
      double s, ds;
      if (at_from && at_to) {
        s = v * v * (3.0 - 2.0 * v);
        ds = 6.0 * v * (1.0 - v);
      } else if (at_from) {
        s = v * v;
        ds = 2.0 * v;
      } else if (at_to) {
        s = 1.0 - (1.0 - v) * (1.0 - v);
        ds = 2.0 * (1.0 - v);
      } else {
        s = v;
        ds = 1.0;
      }
      const double u = from + width * s;
      return std::exp(beta.LogDensity(u)) * g(u) * ds * width;
    };
    return IntegrateAdaptive(integrand, 0.0, 1.0, 1e-13, 1e-11, kMaxPieces).value;
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

// Marginally theta_pro ~ Beta(a_pro, a_det + a_pas), and given theta_pro = u,
// theta_det = (1 - u) V with V ~ Beta(a_det, a_pas) (the Dirichlet's
// stick-breaking property). So
//   P(D <= t) = P(theta_pro <= t) + integral over u in [max(0, t), (1 + t) / 2]
//               of f(u) * P(V >= (u - t) / (1 - u)) du,
// since for u <= t the event is certain and for u >= (1 + t) / 2 impossible.
// What does not depend on t is computed once per posterior: a quantile's
// root search evaluates the CDF a dozen times.
class NpsPosterior {
 public:
  NpsPosterior(double a_det, double a_pas, double a_pro)
      : a_det_(a_det), a_pas_(a_pas), a_pro_(a_pro), a_rest_(a_det + a_pas),
        passive_share_(a_pas, a_det) {
    // Where the density is bounded, integrate only where theta_pro has mass
    // (inside its 1e-16 and 1 - 1e-16 quantiles), so that a sharp posterior
    // is not missed by the first quadrature nodes.
    if (a_pro_ >= 1.0) mass_low_ = BetaQuantile(a_pro_, a_rest_, 1e-16);
    if (a_rest_ >= 1.0) mass_high_ = BetaQuantile(a_pro_, a_rest_, 1.0 - 1e-16);
  }

  double Cdf(double t) const {
    if (t <= -1.0) return 0.0;
    if (t >= 1.0) return 1.0;
    const double certain = t > 0 ? RegularizedIncompleteBeta(a_pro_, a_rest_, t) : 0.0;
    const double lower = std::max({0.0, t, mass_low_});
    const double upper = std::min(0.5 * (1.0 + t), mass_high_);
    if (!(upper > lower)) return std::min(1.0, certain);
    auto survival = [&](double u) {
      // P(V >= z) = I_{1-z}(a_pas, a_det) with 1 - z = (1 + t - 2u) / (1 - u).
      return passive_share_.Cdf((1.0 + t - 2.0 * u) / (1.0 - u));
    };
    // Power singularities of the integrand at the ends of the integral:
    // the survival's (u - t)^a_det at u = t, its (hi - u)^a_pas at the top,
    // the density's u^(a_pro - 1) at 0. Mild ones (powers from 4) need no help.
    constexpr double kMild = 4.0;
    const bool cluster_lo = (lower == t && a_det_ < kMild) || (lower == 0.0 && a_pro_ < kMild);
    const bool cluster_hi = upper == 0.5 * (1.0 + t) && a_pas_ < kMild;
    const double integral =
        IntegrateAgainstBeta(a_pro_, a_rest_, survival, lower, upper, cluster_lo, cluster_hi);
    return std::min(1.0, std::max(0.0, certain + integral));
  }

 private:
  double a_det_;
  double a_pas_;
  double a_pro_;
  double a_rest_;
  BetaDistribution passive_share_;
  double mass_low_ = 0.0;
  double mass_high_ = 1.0;
};

// Breakdowns and trend buckets of many small groups repeat the same counts
// (without weights they are integers), and an exact quantile takes ~0.3 ms:
// each thread remembers the last few thousand it computed.
struct QuantileKey {
  double q, a_det, a_pas, a_pro;
  bool operator==(const QuantileKey& o) const {
    return q == o.q && a_det == o.a_det && a_pas == o.a_pas && a_pro == o.a_pro;
  }
  template <typename H>
  friend H AbslHashValue(H h, const QuantileKey& k) {
    return H::combine(std::move(h), k.q, k.a_det, k.a_pas, k.a_pro);
  }
};

// The q-quantile from the exact CDF, starting the search at `guess` with
// steps of `sd`.
double ExactQuantile(double q, double a_det, double a_pas, double a_pro, double guess,
                     double sd) {
  // Root of F(t) - q by the Illinois variant of regula falsi (Dowell and
  // Jarratt 1971), bracketed: from the normal approximation, step outwards
  // by posterior SDs until the root is enclosed, then iterate; a bisection
  // step is taken whenever the bracket does not shrink fast enough.
  const NpsPosterior posterior(a_det, a_pas, a_pro);
  auto excess = [&](double t) { return posterior.Cdf(t) - q; };
  const double step = std::max(sd, 1e-12);
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

}  // namespace

double NpsPosteriorCdf(double t, double a_det, double a_pas, double a_pro) {
  if (t <= -1.0) return 0.0;
  if (t >= 1.0) return 1.0;
  return NpsPosterior(a_det, a_pas, a_pro).Cdf(t);
}

double NpsPosteriorQuantile(double q, double a_det, double a_pas, double a_pro) {
  const Moments moments = PosteriorMoments(a_det, a_pas, a_pro);
  const double z = NormalQuantile(q);
  const double z2 = z * z;
  // Cornish-Fisher (Abramowitz and Stegun 1964, 26.2.49): t = mean + sd w,
  // w = z + g1 (z^2 - 1) / 6 + g2 (z^3 - 3z) / 24 - g1^2 (2z^3 - 5z) / 36.
  const double g1 = moments.skewness, g2 = moments.excess_kurtosis;
  const double w = z + g1 * (z2 - 1.0) / 6.0 + g2 * z * (z2 - 3.0) / 24.0 -
                   g1 * g1 * z * (2.0 * z2 - 5.0) / 36.0;
  const double guess = moments.mean + moments.sd * w;
  if (std::min({a_det, a_pas, a_pro}) >= kCornishFisherFrom ||
      a_det + a_pas + a_pro > kCornishFisherAbove) {
    return std::clamp(guess, -1.0, 1.0);
  }
  // NaN keys are never found again (NaN != NaN): a NaN in is a NaN out.
  if (std::isnan(q + a_det + a_pas + a_pro)) return std::numeric_limits<double>::quiet_NaN();
  constexpr size_t kRemembered = 8192;
  thread_local absl::flat_hash_map<QuantileKey, double> remembered;
  const QuantileKey key{q, a_det, a_pas, a_pro};
  if (auto it = remembered.find(key); it != remembered.end()) return it->second;
  const double t = ExactQuantile(q, a_det, a_pas, a_pro, guess, moments.sd);
  if (remembered.size() >= kRemembered) remembered.clear();
  remembered.emplace(key, t);
  return t;
}

}  // namespace candor::internal
