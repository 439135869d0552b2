// Trend tests on a series: thin shims over include/candor/trend_series.hpp.
#include <cstddef>
#include <string>

#include <candor/trend_series.hpp>

#include "options.hpp"
#include "shim.hpp"

using candor::capi::ComputeInto;

namespace {

candor_mk_options DefaultMkOptions() {
  auto o = candor::capi::ZeroedOptions<candor_mk_options>();
  o.method = CANDOR_MK_ORIGINAL;
  o.alpha = 0.05;
  return o;
}

// The caller's options (honouring `size` for older callers) in C++ form.
candor::Status FromOptions(const candor_mk_options* options, candor::MannKendallOptions* out) {
  candor_mk_options o = DefaultMkOptions();
  CANDOR_RETURN_IF_ERROR(candor::capi::ReadSized(options, sizeof(size_t), &o));
  const int method = candor::capi::RawEnum(o.method);
  if (method < CANDOR_MK_ORIGINAL || method > CANDOR_MK_SEASONAL) {
    return candor::InvalidArgument("options.method " + std::to_string(method) +
                                   " is not a candor_mk_method");
  }
  out->method = static_cast<candor::MannKendallMethod>(method);
  out->alpha = o.alpha;
  out->max_lag = o.max_lag;
  out->period = o.period;
  out->hamed_rao_signed_sum = o.hamed_rao_signed_sum != 0;
  return candor::OkStatus();
}

void ToC(const candor::SensSlope& in, candor_sens_slope_result* out) {
  out->slope = in.slope;
  out->intercept = in.intercept;
  out->ci_low = in.ci_low;
  out->ci_high = in.ci_high;
}

void ToC(const candor::MannKendall& in, candor_mk_result* out) {
  out->s = in.s;
  out->var_s = in.var_s;
  out->z = in.z;
  out->p_value = in.p_value;
  out->tau = in.tau;
  out->n = in.n;
  out->trend = static_cast<int32_t>(in.trend);
  out->variance_factor = in.variance_factor;
  out->significant_lags = in.significant_lags;
}

void ToC(const candor::WlsSlope& in, candor_wls_slope_result* out) {
  out->slope = in.slope;
  out->slope_std_error = in.slope_std_error;
  out->slope_ci_low = in.slope_ci_low;
  out->slope_ci_high = in.slope_ci_high;
  out->slope_p_value = in.slope_p_value;
  out->intercept = in.intercept;
  out->intercept_std_error = in.intercept_std_error;
  out->intercept_ci_low = in.intercept_ci_low;
  out->intercept_ci_high = in.intercept_ci_high;
  out->intercept_p_value = in.intercept_p_value;
  out->chi_square = in.chi_square;
  out->residual_scale = in.residual_scale;
  out->n = in.n;
}

}  // namespace

extern "C" {

candor_status candor_mk_options_defaults(candor_mk_options* options, size_t size) {
  return candor::capi::WriteDefaults(DefaultMkOptions(), size, options);
}

candor_status candor_mann_kendall(const double* values, size_t n, const candor_mk_options* options,
                                  candor_mk_result* out) {
  return ComputeInto(
      out,
      [&]() -> candor::Result<candor::MannKendall> {
        candor::MannKendallOptions cpp;
        CANDOR_RETURN_IF_ERROR(FromOptions(options, &cpp));
        return candor::MannKendallTest(values, n, cpp);
      },
      ToC);
}

candor_status candor_sens_slope(const double* values, size_t n, double level,
                                candor_sens_slope_result* out) {
  return ComputeInto(
      out, [&] { return candor::SensSlopeEstimate(values, n, level); }, ToC);
}

candor_status candor_seasonal_sens_slope(const double* values, size_t n, size_t period,
                                         double level, candor_sens_slope_result* out) {
  return ComputeInto(
      out, [&] { return candor::SeasonalSensSlopeEstimate(values, n, period, level); }, ToC);
}

candor_status candor_wls_slope(const double* values, const double* std_errors,
                               const double* times, size_t n, double level,
                               int32_t scale_by_residual_variance,
                               candor_wls_slope_result* out) {
  return ComputeInto(
      out,
      [&] {
        candor::WlsSlopeOptions options;
        options.level = level;
        options.scale_by_residual_variance = scale_by_residual_variance != 0;
        return candor::WlsSlopeEstimate(values, std_errors, times, n, options);
      },
      ToC);
}

}  // extern "C"
