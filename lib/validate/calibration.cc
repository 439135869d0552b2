// Calibration of predicted probabilities: Brier score, calibration intercept
// and slope, Hosmer-Lemeshow (formulas and references:
// include/candor/validate.hpp).
#include <algorithm>
#include <candor/validate.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "common/gamma.hpp"
#include "common/normal.hpp"
#include "inputs.hpp"
#include "sorted_keys.hpp"

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kMaxIterations = 100;

double Logit(double p) { return std::log(p) - std::log1p(-p); }

// P(y = 1) = 1 / (1 + e^-eta), and log(1 + e^eta), without overflow.
double Expit(double eta) {
  return eta >= 0 ? 1 / (1 + std::exp(-eta)) : std::exp(eta) / (1 + std::exp(eta));
}
double Softplus(double eta) {
  return eta > 0 ? eta + std::log1p(std::exp(-eta)) : std::log1p(std::exp(eta));
}

// One fitted logistic model: coefficients, their covariance, whether the
// iterations converged.
struct LogisticFit {
  bool converged = false;
  double intercept = kNaN;
  double slope = kNaN;
  double intercept_variance = kNaN;
  double slope_variance = kNaN;
};

// Maximizes sum_i y_i eta_i - log(1 + e^eta_i) with eta_i = a + offset_i
// (with_slope false) or a + b x_i (with_slope true), by Newton's method with
// step halving (McCullagh and Nelder 1989, IRLS).
// The fit starts at intercept `a0` and slope 0.
LogisticFit FitLogistic(const std::vector<double>& x, const uint8_t* y, bool with_slope,
                        double a0) {
  const size_t n = x.size();
  double a = a0;
  double b = 0;
  auto eta = [&](size_t i, double a_, double b_) {
    return with_slope ? a_ + b_ * x[i] : a_ + x[i];
  };
  auto log_likelihood = [&](double a_, double b_) {
    double l = 0;
    for (size_t i = 0; i < n; ++i) {
      const double e = eta(i, a_, b_);
      l += (y[i] ? e : 0.0) - Softplus(e);
    }
    return l;
  };
  LogisticFit fit;
  double current = log_likelihood(a, b);
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    // Score U and information I (2 x 2, or 1 x 1 without a slope).
    double u0 = 0, u1 = 0, i00 = 0, i01 = 0, i11 = 0;
    for (size_t i = 0; i < n; ++i) {
      const double p = Expit(eta(i, a, b));
      const double r = (y[i] ? 1.0 : 0.0) - p;
      const double w = p * (1 - p);
      u0 += r;
      i00 += w;
      if (with_slope) {
        u1 += r * x[i];
        i01 += w * x[i];
        i11 += w * x[i] * x[i];
      }
    }
    double step_a, step_b = 0;
    double determinant = 0;
    if (with_slope) {
      determinant = i00 * i11 - i01 * i01;
      if (!(determinant > 0) || !std::isfinite(determinant)) return fit;
      step_a = (i11 * u0 - i01 * u1) / determinant;
      step_b = (i00 * u1 - i01 * u0) / determinant;
    } else {
      if (!(i00 > 0)) return fit;
      step_a = u0 / i00;
    }
    // Step halving: never accept a step that lowers the likelihood.
    double scale = 1;
    // A step to where the likelihood overflows to NaN (eta near the double
    // range, from an extreme logit) is no better: halve it too.
    double next = log_likelihood(a + step_a, b + step_b);
    while ((std::isnan(next) || next < current - 1e-12 * std::fabs(current)) && scale > 1e-10) {
      scale *= 0.5;
      next = log_likelihood(a + scale * step_a, b + scale * step_b);
    }
    // No step, however short, raises the likelihood (or it cannot be
    // evaluated): Newton has failed here, so no fit rather than a worse point.
    if (!(next >= current - 1e-12 * std::fabs(current))) return fit;
    a += scale * step_a;
    b += scale * step_b;
    current = next;
    const bool small = std::fabs(scale * step_a) <= 1e-12 * (1 + std::fabs(a)) &&
                       std::fabs(scale * step_b) <= 1e-12 * (1 + std::fabs(b));
    if (small) {
      fit.converged = true;
      break;
    }
  }
  if (!fit.converged || !std::isfinite(a) || !std::isfinite(b)) return LogisticFit();
  // The covariance at the maximum: the inverse information there.
  double i00 = 0, i01 = 0, i11 = 0;
  for (size_t i = 0; i < n; ++i) {
    const double p = Expit(eta(i, a, b));
    const double w = p * (1 - p);
    i00 += w;
    i01 += w * x[i];
    i11 += w * x[i] * x[i];
  }
  fit.intercept = a;
  if (with_slope) {
    const double determinant = i00 * i11 - i01 * i01;
    fit.slope = b;
    fit.intercept_variance = i11 / determinant;
    fit.slope_variance = i00 / determinant;
  } else {
    fit.intercept_variance = 1 / i00;
  }
  // Steps can shrink below the tolerance while the fit runs off to a
  // separation, where every fitted p is 0 or 1 and the information vanishes:
  // no maximum, so no fit (rather than a slope with a NaN interval).
  const bool finite =
      std::isfinite(fit.intercept_variance) && fit.intercept_variance > 0 &&
      (!with_slope || (std::isfinite(fit.slope_variance) && fit.slope_variance > 0));
  if (!finite) return LogisticFit();
  return fit;
}

// Whether the classes overlap in x: the lowest x of each class lies below
// the highest x of the other.
bool SlopeHasFit(const std::vector<double>& x, const uint8_t* y) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double low[2] = {kInf, kInf};
  double high[2] = {-kInf, -kInf};
  for (size_t i = 0; i < x.size(); ++i) {
    const int c = y[i] ? 1 : 0;
    low[c] = std::min(low[c], x[i]);
    high[c] = std::max(high[c], x[i]);
  }
  return low[1] < high[0] && low[0] < high[1];
}

// R's quantile(x, seq(0, 1, 1 / g), type = 7) of the sorted x, then unique:
// probabilities q_j = min(j * (1 / g), 1) as R's seq builds them, index
// 1 + (n - 1) q (1-based), interpolated as R's quantile.default does.
std::vector<double> QuantileBreaks(const std::vector<double>& sorted, size_t groups) {
  const size_t n = sorted.size();
  const double by = 1.0 / static_cast<double>(groups);
  std::vector<double> breaks;
  for (size_t j = 0; j <= groups; ++j) {
    const double q = std::min(static_cast<double>(j) * by, 1.0);
    const double index = 1 + static_cast<double>(n - 1) * q;
    const double lo = std::floor(index);
    const double hi = std::ceil(index);
    const double at_lo = sorted[static_cast<size_t>(lo) - 1];
    const double at_hi = sorted[static_cast<size_t>(hi) - 1];
    double value = at_lo;
    if (index > lo && at_hi != at_lo) {
      const double h = index - lo;
      value = (1 - h) * at_lo + h * at_hi;
    }
    if (breaks.empty() || value != breaks.back()) breaks.push_back(value);
  }
  return breaks;
}

Status CheckProbabilities(const double* probability, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (!(probability[i] > 0 && probability[i] < 1)) {
      return OutOfRange("probability[" + std::to_string(i) +
                        "] = " + std::to_string(probability[i]) +
                        " is not strictly between 0 and 1 (the calibration fits take logit(p))");
    }
  }
  return OkStatus();
}

// Hosmer-Lemeshow groups and statistic, into `out`.
void HosmerLemeshow(const double* probability, const uint8_t* outcome, size_t n, size_t groups,
                    Calibration* out) {
  std::vector<validate_internal::KeyedRow> items(n);
  for (size_t i = 0; i < n; ++i) items[i] = {validate_internal::OrderedKey(probability[i]), i};
  validate_internal::RadixSort(&items);
  std::vector<double> sorted(n);
  for (size_t i = 0; i < n; ++i) sorted[i] = probability[items[i].row];
  std::vector<double> breaks = QuantileBreaks(sorted, groups);
  if (breaks.size() == 1) breaks.push_back(breaks[0]);  // every p equal: one group
  // Walk the sorted rows: group j holds (breaks[j], breaks[j + 1]], the
  // first also breaks[0] (the minimum).
  size_t i = 0;
  double statistic = 0;
  for (size_t j = 0; j + 1 < breaks.size(); ++j) {
    CalibrationGroup g;
    g.probability_low = breaks[j];
    g.probability_high = breaks[j + 1];
    while (i < n && sorted[i] <= breaks[j + 1]) {
      ++g.count;
      g.positives += outcome[items[i].row];
      g.expected_positives += sorted[i];
      ++i;
    }
    if (g.count == 0) continue;
    const double count = static_cast<double>(g.count);
    const double o1 = static_cast<double>(g.positives);
    const double e1 = g.expected_positives;
    const double o0 = count - o1;
    const double e0 = count - e1;
    statistic += (o1 - e1) * (o1 - e1) / e1 + (o0 - e0) * (o0 - e0) / e0;
    g.mean_probability = e1 / count;
    g.observed_rate = o1 / count;
    out->groups.push_back(g);
  }
  const int32_t formed = static_cast<int32_t>(out->groups.size());
  out->hosmer_lemeshow_df = formed - 2;
  if (formed >= 3) {
    out->hosmer_lemeshow = statistic;
    out->hosmer_lemeshow_p_value = internal::ChiSquareSurvival(statistic, formed - 2);
  } else {
    out->hosmer_lemeshow = kNaN;
    out->hosmer_lemeshow_p_value = kNaN;
  }
}

}  // namespace

Result<Calibration> EstimateCalibration(const double* probability, const uint8_t* outcome, size_t n,
                                        const CalibrationOptions& options) {
  auto counts = validate_internal::CheckRows(probability, "probability", outcome, n);
  if (!counts.ok()) return counts.status();
  CANDOR_RETURN_IF_ERROR(validate_internal::CheckLevel(options.level));
  if (options.groups < 3 || options.groups > n) {
    return InvalidArgument("groups must be between 3 and the rows (" + std::to_string(n) +
                           "); got " + std::to_string(options.groups));
  }
  CANDOR_RETURN_IF_ERROR(CheckProbabilities(probability, n));
  CANDOR_RETURN_IF_ERROR(
      validate_internal::RequireClasses(*counts, 1, "the calibration fits need both outcomes"));

  Calibration out;
  out.n = static_cast<int64_t>(n);
  out.n_positive = counts->positive;
  out.level = options.level;
  double brier = 0;
  double sum_p = 0;
  std::vector<double> logits(n);
  for (size_t i = 0; i < n; ++i) {
    const double residual = probability[i] - outcome[i];
    brier += residual * residual;
    sum_p += probability[i];
    logits[i] = Logit(probability[i]);
  }
  out.brier = brier / static_cast<double>(n);
  out.mean_probability = sum_p / static_cast<double>(n);
  out.observed_rate = static_cast<double>(counts->positive) / static_cast<double>(n);

  const double z = internal::NormalQuantile(0.5 + 0.5 * options.level);
  const LogisticFit in_the_large = FitLogistic(logits, outcome, /*with_slope=*/false, 0);
  if (!in_the_large.converged) {
    return NotConverged("the calibration intercept's fit did not converge");
  }
  out.intercept = in_the_large.intercept;
  out.intercept_std_error = std::sqrt(in_the_large.intercept_variance);
  out.intercept_ci_low = out.intercept - z * out.intercept_std_error;
  out.intercept_ci_high = out.intercept + z * out.intercept_std_error;

  LogisticFit slope;
  // A slope has a maximum-likelihood fit only when the classes overlap in
  // logit(p) (Albert and Anderson 1984: with one covariate and an intercept,
  // the estimate exists iff neither class lies wholly at or beyond the
  // other). Equal probabilities, or logits that separate the outcomes, have
  // none; Newton's steps can still look converged there (a slope of 1e49 on
  // logits a few ulps apart), so the fit is not tried.
  // The slope's fit starts where glm's would end without x: no slope, the
  // intercept at the logit of the observed rate. (Starting at slope 1, an
  // extreme logit such as that of a subnormal p sent the first Newton step
  // to a nearly singular information matrix and the next one to 1e60.)
  if (SlopeHasFit(logits, outcome)) {
    slope = FitLogistic(logits, outcome, /*with_slope=*/true, Logit(out.observed_rate));
  }
  out.slope_fitted = slope.converged;
  out.slope = slope.slope;
  out.slope_std_error = std::sqrt(slope.slope_variance);
  out.slope_ci_low = out.slope - z * out.slope_std_error;
  out.slope_ci_high = out.slope + z * out.slope_std_error;

  HosmerLemeshow(probability, outcome, n, options.groups, &out);
  return out;
}

}  // namespace candor
