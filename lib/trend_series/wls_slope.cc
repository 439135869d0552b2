// Weighted least-squares line through bucket estimates; formulas in
// include/candor/trend_series.hpp.
#include <algorithm>
#include <candor/trend_series.hpp>
#include <cmath>
#include <string>

#include "common/beta.hpp"
#include "common/normal.hpp"
#include "series.hpp"

namespace candor {
namespace {

Status CheckWlsInput(const double* values, const double* std_errors, const double* times,
                     size_t n) {
  if (values == nullptr) return InvalidArgument("values is null");
  if (std_errors == nullptr) return InvalidArgument("std_errors is null");
  if (n < 3) return Empty("a trend line needs at least 3 values; got " + std::to_string(n));
  for (size_t i = 0; i < n; ++i) {
    const std::string at = " at index " + std::to_string(i);
    if (!std::isfinite(values[i])) return OutOfRange("value" + at + " is not finite");
    if (!(std::isfinite(std_errors[i]) && std_errors[i] > 0)) {
      return OutOfRange("standard error" + at + " must be finite and > 0; got " +
                        std::to_string(std_errors[i]));
    }
    if (times == nullptr) continue;
    if (!std::isfinite(times[i])) return OutOfRange("time" + at + " is not finite");
    if (i > 0 && !(times[i] > times[i - 1])) {
      return InvalidArgument("times must be strictly increasing: time" + at + " (" +
                             std::to_string(times[i]) + ") is " +
                             (times[i] == times[i - 1] ? "a duplicate of" : "before") +
                             " the time at index " + std::to_string(i - 1));
    }
  }
  return OkStatus();
}

// Estimate, standard error, interval and two-sided p-value with either the
// normal (df <= 0) or Student's t distribution on df degrees of freedom.
struct Inference {
  double ci_low, ci_high, p_value;
};

Inference Infer(double estimate, double std_error, double level, double df) {
  double quantile;
  double p;
  const double stat = estimate / std_error;
  if (df <= 0) {
    quantile = internal::NormalQuantile(0.5 + 0.5 * level);
    p = internal::TwoSidedPValue(stat);
  } else {
    // P(|T| > t) = I_{df/(df+t^2)}(df/2, 1/2); the quantile inverts it.
    const double x = internal::BetaQuantile(0.5 * df, 0.5, 1 - level);
    quantile = std::sqrt(df * (1 - x) / x);
    p = internal::RegularizedIncompleteBeta(0.5 * df, 0.5, df / (df + stat * stat));
  }
  if (std_error == 0) p = estimate == 0 ? 1 : 0;  // a perfect fit
  return {estimate - quantile * std_error, estimate + quantile * std_error, p};
}

}  // namespace

Result<WlsSlope> WlsSlopeEstimate(const double* values, const double* std_errors,
                                  const double* times, size_t n,
                                  const WlsSlopeOptions& options) {
  CANDOR_RETURN_IF_ERROR(CheckWlsInput(values, std_errors, times, n));
  CANDOR_RETURN_IF_ERROR(internal::CheckProbability(options.level, "level"));
  auto time = [&](size_t i) { return times ? times[i] : static_cast<double>(i); };
  // Relative weights w_i = (s0 / se_i)^2 with s0 the smallest standard
  // error: 1 / se^2 overflows for se below 1e-154, and only the ratios
  // matter for the line; s0 scales its variances back below.
  double s0 = std_errors[0];
  for (size_t i = 1; i < n; ++i) s0 = std::min(s0, std_errors[i]);
  auto weight = [&](size_t i) {
    const double ratio = s0 / std_errors[i];
    return ratio * ratio;
  };
  // Centred sums (weighted means first) keep the normal equations well
  // conditioned when times are large, e.g. Unix seconds.
  double sum_w = 0, mean_x = 0, mean_y = 0;
  for (size_t i = 0; i < n; ++i) {
    const double w = weight(i);
    sum_w += w;
    mean_x += w * time(i);
    mean_y += w * values[i];
  }
  mean_x /= sum_w;
  mean_y /= sum_w;
  double sxx = 0, sxy = 0;
  for (size_t i = 0; i < n; ++i) {
    const double w = weight(i);
    const double dx = time(i) - mean_x;
    sxx += w * dx * dx;
    sxy += w * dx * (values[i] - mean_y);
  }
  WlsSlope out;
  out.n = static_cast<int64_t>(n);
  out.slope = sxy / sxx;
  out.intercept = mean_y - out.slope * mean_x;
  for (size_t i = 0; i < n; ++i) {
    const double r = (values[i] - out.intercept - out.slope * time(i)) / std_errors[i];
    out.chi_square += r * r;
  }
  const double df = static_cast<double>(n) - 2;
  out.residual_scale = out.chi_square / df;
  // (X'WX)^{-1} for X = [1, x]: Var(slope) = 1/Sxx, Var(intercept) =
  // 1/sum_w + mean_x^2/Sxx in the centred form; times s0^2 for the relative
  // weights.
  const double scale = options.scale_by_residual_variance ? out.residual_scale : 1;
  out.slope_std_error = s0 * std::sqrt(scale / sxx);
  out.intercept_std_error = s0 * std::sqrt(scale * (1 / sum_w + mean_x * mean_x / sxx));
  const double inference_df = options.scale_by_residual_variance ? df : 0;
  const Inference slope = Infer(out.slope, out.slope_std_error, options.level, inference_df);
  out.slope_ci_low = slope.ci_low;
  out.slope_ci_high = slope.ci_high;
  out.slope_p_value = slope.p_value;
  const Inference intercept =
      Infer(out.intercept, out.intercept_std_error, options.level, inference_df);
  out.intercept_ci_low = intercept.ci_low;
  out.intercept_ci_high = intercept.ci_high;
  out.intercept_p_value = intercept.p_value;
  // Standard errors so far apart that a weight underflows, or values and
  // residuals beyond double range, leave no finite line: say so instead of
  // returning NaN.
  for (double v :
       {out.slope, out.slope_std_error, out.slope_ci_low, out.slope_ci_high, out.intercept,
        out.intercept_std_error, out.intercept_ci_low, out.intercept_ci_high, out.chi_square}) {
    if (!std::isfinite(v)) {
      return OutOfRange(
          "the trend line is not finite in double precision: the standard errors (smallest " +
          std::to_string(s0) + ") or the values are too far apart in magnitude");
    }
  }
  return out;
}

}  // namespace candor
