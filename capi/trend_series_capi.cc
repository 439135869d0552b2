// Trend tests on a series: thin shims over include/candor/trend.hpp.
#include <cstddef>
#include <string>

#include <candor/trend.hpp>

#include "options.hpp"
#include "shim.hpp"

using candor::capi::Fail;
using candor::capi::Guard;
using candor::capi::RawEnum;
using candor::capi::Required;

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
  const int method = RawEnum(o.method);
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

}  // namespace

extern "C" {

candor_status candor_mk_options_defaults(candor_mk_options* options, size_t size) {
  return candor::capi::WriteDefaults(DefaultMkOptions(), size, options);
}

candor_status candor_mann_kendall(const double* values, size_t n,
                                  const candor_mk_options* options, candor_mk_result* out) {
  return Guard([&] {
    candor::MannKendallOptions cpp;
    candor::Status s = Required(out, "out");
    if (s.ok()) s = FromOptions(options, &cpp);
    if (!s.ok()) return Fail(s);
    const candor::Result<candor::MannKendall> r = candor::MannKendallTest(values, n, cpp);
    if (!r.ok()) return Fail(r.status());
    out->s = r->s;
    out->var_s = r->var_s;
    out->z = r->z;
    out->p_value = r->p_value;
    out->tau = r->tau;
    out->n = r->n;
    out->trend = static_cast<int32_t>(r->trend);
    out->variance_factor = r->variance_factor;
    out->significant_lags = r->significant_lags;
    return CANDOR_OK;
  });
}

candor_status candor_sens_slope(const double* values, size_t n, double level,
                                 candor_sens_slope_result* out) {
  return Guard([&] {
    const candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    const candor::Result<candor::SensSlope> r = candor::SensSlopeEstimate(values, n, level);
    if (!r.ok()) return Fail(r.status());
    ToC(*r, out);
    return CANDOR_OK;
  });
}

candor_status candor_seasonal_sens_slope(const double* values, size_t n, size_t period,
                                         double level, candor_sens_slope_result* out) {
  return Guard([&] {
    const candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    const candor::Result<candor::SensSlope> r =
        candor::SeasonalSensSlopeEstimate(values, n, period, level);
    if (!r.ok()) return Fail(r.status());
    ToC(*r, out);
    return CANDOR_OK;
  });
}

candor_status candor_wls_slope(const double* values, const double* std_errors,
                               const double* times, size_t n, double level,
                               int32_t scale_by_residual_variance,
                               candor_wls_slope_result* out) {
  return Guard([&] {
    const candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    candor::WlsSlopeOptions options;
    options.level = level;
    options.scale_by_residual_variance = scale_by_residual_variance != 0;
    const candor::Result<candor::WlsSlope> r =
        candor::WlsSlopeEstimate(values, std_errors, times, n, options);
    if (!r.ok()) return Fail(r.status());
    out->slope = r->slope;
    out->slope_std_error = r->slope_std_error;
    out->slope_ci_low = r->slope_ci_low;
    out->slope_ci_high = r->slope_ci_high;
    out->slope_p_value = r->slope_p_value;
    out->intercept = r->intercept;
    out->intercept_std_error = r->intercept_std_error;
    out->intercept_ci_low = r->intercept_ci_low;
    out->intercept_ci_high = r->intercept_ci_high;
    out->intercept_p_value = r->intercept_p_value;
    out->chi_square = r->chi_square;
    out->residual_scale = r->residual_scale;
    out->n = r->n;
    return CANDOR_OK;
  });
}

}  // extern "C"
