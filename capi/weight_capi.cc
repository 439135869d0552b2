// Weights: calibrations and inverse-propensity fits as handles; plain weight
// vectors (recency, accounts, trimming, combining) written to caller buffers.
#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <candor/weight.hpp>

#include "options.hpp"
#include "shim.hpp"
#include "weights_handle.hpp"

using candor::capi::Fail;
using candor::capi::Guard;
using candor::capi::RawEnum;
using candor::capi::Required;

namespace {

// A caller's name for a margin or covariate, or "<what> <index>" when NULL.
std::string NameOr(const char* name, const char* what, size_t index) {
  return name != nullptr ? std::string(name) : std::string(what) + " " + std::to_string(index);
}

candor::Status ToMargin(const candor_margin& in, size_t index, size_t n, candor::Margin* out) {
  if (in.codes == nullptr && n > 0) {
    return candor::InvalidArgument(NameOr(in.name, "margin", index) + ": codes is NULL");
  }
  if (in.population == nullptr && in.levels > 0) {
    return candor::InvalidArgument(NameOr(in.name, "margin", index) + ": population is NULL");
  }
  out->name = NameOr(in.name, "margin", index);
  out->codes = in.codes;
  out->population.assign(in.population, in.population + in.levels);
  return candor::OkStatus();
}

void ToC(const candor::WeightSummary& s, candor_weight_summary* out) {
  out->sum = s.sum;
  out->min = s.min;
  out->max = s.max;
  out->max_to_min = s.max_to_min;
  out->effective_n = s.effective_n;
  out->design_effect = s.design_effect;
}

// A handle with what every weighting fit has (a calibration or IPW): the
// weights, their summary, the iterations and whether they converged.
template <typename Fit>
std::unique_ptr<candor_weights> NewWeights(Fit& fit) {
  auto handle = std::make_unique<candor_weights>();
  handle->values = std::move(fit.weights);
  handle->summary = fit.summary;
  handle->iterations = fit.iterations;
  handle->converged = fit.converged;
  return handle;
}

// *out = a new handle holding the calibration `result` (or its error).
candor::Status FromCalibration(candor::Result<candor::CalibrationResult> result,
                               candor_weights** out) {
  if (!result.ok()) return result.status();
  std::unique_ptr<candor_weights> handle = NewWeights(result.value());
  handle->calibration = std::move(result->step);
  *out = handle.release();
  return candor::OkStatus();
}

// Copies a result vector of n values into the caller's buffer.
candor::Status WriteOut(candor::Result<std::vector<double>> result, size_t n, double* out) {
  if (!result.ok()) return result.status();
  std::copy(result->begin(), result->begin() + static_cast<std::ptrdiff_t>(n), out);
  return candor::OkStatus();
}

candor_weight_options WeightDefaults() {
  auto o = candor::capi::ZeroedOptions<candor_weight_options>();
  const candor::RakeOptions rake;
  o.max_iterations = rake.max_iterations;
  o.tolerance = rake.tolerance;
  o.l2_penalty = candor::IpwOptions().l2_penalty;
  return o;
}

// Runs body(options, progress) under Guard with the caller's options (NULL:
// the defaults) and a progress hook that outlives the body; *out is cleared
// first. The preamble of every _v2 weighting call.
template <typename Body>
candor_status WithWeightOptions(const candor_weight_options* options, candor_weights** out,
                                Body body) {
  return Guard([&] {
    if (out != nullptr) *out = nullptr;
    candor_weight_options o = WeightDefaults();
    CANDOR_RETURN_IF_ERROR(candor::capi::ReadSized(options, sizeof(size_t), &o));
    const candor::capi::ProgressHook hook{o.progress, o.progress_user_data};
    return body(o, hook.progress());
  });
}

candor::Status RakeInto(const double* base_weights, size_t n, const candor_margin* margins,
                        size_t n_margins, const candor::RakeOptions& options,
                        candor_weights** out) {
  CANDOR_RETURN_IF_ERROR(Required(out, "out"));
  if (n_margins > 0) CANDOR_RETURN_IF_ERROR(Required(margins, "margins"));
  *out = nullptr;
  std::vector<candor::Margin> list(n_margins);
  for (size_t j = 0; j < n_margins; ++j) {
    CANDOR_RETURN_IF_ERROR(ToMargin(margins[j], j, n, &list[j]));
  }
  return FromCalibration(candor::Rake(base_weights, n, list, options), out);
}

candor::Status PostStratifyInto(const double* base_weights, size_t n, const candor_margin* cells,
                                const candor::PostStratifyOptions& options,
                                candor_weights** out) {
  CANDOR_RETURN_IF_ERROR(Required(out, "out", cells, "cells"));
  *out = nullptr;
  candor::Margin margin;
  CANDOR_RETURN_IF_ERROR(ToMargin(*cells, 0, n, &margin));
  return FromCalibration(candor::PostStratify(base_weights, n, margin, options), out);
}

candor::Status CalibrateLinearInto(const double* base_weights, size_t n, const double* x,
                                   int32_t p, const double* totals,
                                   const candor::LinearCalibrationOptions& options,
                                   candor_weights** out) {
  CANDOR_RETURN_IF_ERROR(Required(out, "out"));
  if (p > 0) CANDOR_RETURN_IF_ERROR(Required(totals, "totals"));
  *out = nullptr;
  if (p <= 0) return candor::InvalidArgument("p must be positive, got " + std::to_string(p));
  std::vector<double> t(totals, totals + p);
  return FromCalibration(candor::CalibrateLinear(base_weights, n, x, p, t, options), out);
}

candor::Status IpwInto(const uint8_t* responded, size_t n, const candor_covariate* covariates,
                       size_t n_covariates, const candor::IpwOptions& options,
                       candor_weights** out) {
  CANDOR_RETURN_IF_ERROR(Required(out, "out"));
  if (n_covariates > 0) CANDOR_RETURN_IF_ERROR(Required(covariates, "covariates"));
  *out = nullptr;
  std::vector<candor::Covariate> list(n_covariates);
  for (size_t j = 0; j < n_covariates; ++j) {
    list[j].name = NameOr(covariates[j].name, "covariate", j);
    list[j].numeric = covariates[j].numeric;
    list[j].codes = covariates[j].codes;
    list[j].levels = covariates[j].levels;
    if ((list[j].numeric == nullptr) == (list[j].codes == nullptr)) {
      return candor::InvalidArgument("covariate '" + list[j].name +
                                     "': give exactly one of numeric and codes");
    }
  }
  auto result = candor::InversePropensityWeights(responded, n, list, options);
  if (!result.ok()) return result.status();
  std::unique_ptr<candor_weights> handle = NewWeights(result.value());
  handle->balance = std::move(result->balance);
  handle->terms = std::move(result->terms);
  handle->coefficients = std::move(result->coefficients);
  *out = handle.release();
  return candor::OkStatus();
}

}  // namespace

extern "C" {

candor_status candor_weight_options_defaults(candor_weight_options* options, size_t size) {
  return candor::capi::WriteDefaults(WeightDefaults(), size, options);
}

candor_status candor_rake_v2(const candor_weight_options* options, const double* base_weights,
                             size_t n, const candor_margin* margins, size_t n_margins,
                             candor_weights** out) {
  return WithWeightOptions(options, out, [&](const candor_weight_options& o,
                                             candor::Progress progress) {
    candor::RakeOptions cpp;
    cpp.max_iterations = o.max_iterations;
    cpp.tolerance = o.tolerance;
    cpp.progress = progress;
    return RakeInto(base_weights, n, margins, n_margins, cpp, out);
  });
}

candor_status candor_poststratify_v2(const candor_weight_options* options,
                                     const double* base_weights, size_t n,
                                     const candor_margin* cells, candor_weights** out) {
  return WithWeightOptions(options, out, [&](const candor_weight_options&,
                                             candor::Progress progress) {
    candor::PostStratifyOptions cpp;
    cpp.progress = progress;
    return PostStratifyInto(base_weights, n, cells, cpp, out);
  });
}

candor_status candor_calibrate_linear_v2(const candor_weight_options* options,
                                         const double* base_weights, size_t n, const double* x,
                                         int32_t p, const double* totals, candor_weights** out) {
  return WithWeightOptions(options, out, [&](const candor_weight_options&,
                                             candor::Progress progress) {
    candor::LinearCalibrationOptions cpp;
    cpp.progress = progress;
    return CalibrateLinearInto(base_weights, n, x, p, totals, cpp, out);
  });
}

candor_status candor_ipw_v2(const candor_weight_options* options, const uint8_t* responded,
                            size_t n, const candor_covariate* covariates, size_t n_covariates,
                            candor_weights** out) {
  return WithWeightOptions(options, out, [&](const candor_weight_options& o,
                                             candor::Progress progress) {
    candor::IpwOptions cpp;
    cpp.max_iterations = o.max_iterations;
    cpp.tolerance = o.tolerance;
    cpp.l2_penalty = o.l2_penalty;
    cpp.progress = progress;
    return IpwInto(responded, n, covariates, n_covariates, cpp, out);
  });
}

candor_status candor_rake(const double* base_weights, size_t n, const candor_margin* margins,
                          size_t n_margins, int32_t max_iterations, double tolerance,
                          candor_weights** out) {
  return Guard([&] {
    candor::RakeOptions options;
    if (max_iterations != 0) options.max_iterations = max_iterations;
    if (tolerance != 0) options.tolerance = tolerance;
    return RakeInto(base_weights, n, margins, n_margins, options, out);
  });
}

candor_status candor_poststratify(const double* base_weights, size_t n,
                                  const candor_margin* cells, candor_weights** out) {
  return Guard([&] {
    return PostStratifyInto(base_weights, n, cells, candor::PostStratifyOptions(), out);
  });
}

candor_status candor_calibrate_linear(const double* base_weights, size_t n, const double* x,
                                      int32_t p, const double* totals, candor_weights** out) {
  return Guard([&] {
    return CalibrateLinearInto(base_weights, n, x, p, totals, candor::LinearCalibrationOptions(),
                               out);
  });
}

candor_status candor_ipw(const uint8_t* responded, size_t n, const candor_covariate* covariates,
                         size_t n_covariates, double l2_penalty, candor_weights** out) {
  return Guard([&] {
    candor::IpwOptions options;
    options.l2_penalty = l2_penalty;
    return IpwInto(responded, n, covariates, n_covariates, options, out);
  });
}

void candor_weights_free(candor_weights* weights) { delete weights; }

const double* candor_weights_values(const candor_weights* weights, size_t* n) {
  if (n != nullptr) *n = weights == nullptr ? 0 : weights->values.size();
  return weights == nullptr ? nullptr : weights->values.data();
}

candor_status candor_weights_summary(const candor_weights* weights, candor_weight_summary* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(weights, "weights", out, "out"));
    ToC(weights->summary, out);
    return candor::OkStatus();
  });
}

int32_t candor_weights_iterations(const candor_weights* weights) {
  return weights == nullptr ? 0 : weights->iterations;
}

int32_t candor_weights_converged(const candor_weights* weights) {
  return weights != nullptr && weights->converged ? 1 : 0;
}

size_t candor_weights_balance_count(const candor_weights* weights) {
  return weights == nullptr ? 0 : weights->balance.size();
}

candor_status candor_weights_balance_at(const candor_weights* weights, size_t i,
                                        const char** variable, double* asmd_before,
                                        double* asmd_after) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(weights, "weights", variable, "variable", asmd_before,
                                    "asmd_before", asmd_after, "asmd_after"));
    CANDOR_RETURN_IF_ERROR(
        candor::capi::CheckIndex(i, weights->balance.size(), "balance row {i} of {n}"));
    *variable = weights->balance[i].variable.c_str();
    *asmd_before = weights->balance[i].asmd_before;
    *asmd_after = weights->balance[i].asmd_after;
    return candor::OkStatus();
  });
}

size_t candor_weights_terms(const candor_weights* weights) {
  return weights == nullptr ? 0 : weights->terms.size();
}

candor_status candor_weights_term_at(const candor_weights* weights, size_t i, const char** name,
                                     double* coefficient) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(weights, "weights", name, "name", coefficient, "coefficient"));
    CANDOR_RETURN_IF_ERROR(candor::capi::CheckIndex(i, weights->terms.size(), "term {i} of {n}"));
    *name = weights->terms[i].c_str();
    *coefficient = weights->coefficients[i];
    return candor::OkStatus();
  });
}

candor_status candor_weight_summarize(const double* weights, size_t n, candor_weight_summary* out) {
  return candor::capi::ComputeInto(
      out, [&] { return candor::SummarizeWeights(weights, n); }, ToC);
}

candor_status candor_recency_weights(const int64_t* times, size_t n, double half_life_days,
                                     int64_t reference_time, double* out) {
  return Guard([&] {
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    return WriteOut(candor::RecencyWeights(times, n, half_life_days, reference_time), n, out);
  });
}

candor_status candor_account_weights(const int32_t* accounts, size_t n, candor_account_mode mode,
                                     const double* account_value, const int32_t* roles,
                                     const double* role_weights, size_t n_roles, double* out) {
  return Guard([&] {
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    if (n_roles > 0) CANDOR_RETURN_IF_ERROR(Required(role_weights, "role_weights"));
    static constexpr candor::capi::EnumPair<candor::AccountMode> kModes[] = {
        {CANDOR_ACCOUNT_PER_RESPONSE, candor::AccountMode::kPerResponse},
        {CANDOR_ACCOUNT_EQUAL, candor::AccountMode::kEqualPerAccount},
        {CANDOR_ACCOUNT_BY_VALUE, candor::AccountMode::kByValue}};
    candor::AccountOptions options;
    CANDOR_RETURN_IF_ERROR(
        candor::capi::EnumFromC(RawEnum(mode), kModes, "unknown account mode", &options.mode));
    options.account_value = account_value;
    options.roles = roles;
    if (n_roles > 0) options.role_weights.assign(role_weights, role_weights + n_roles);
    return WriteOut(candor::AccountWeights(accounts, n, options), n, out);
  });
}

candor_status candor_trim_weights(const double* weights, size_t n, double ratio,
                                  double lower_quantile, double upper_quantile, double* out) {
  return Guard([&] {
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    candor::TrimOptions options;
    if (ratio > 0) {
      options.kind = candor::TrimOptions::Kind::kRatio;
      options.ratio = ratio;
    } else if (ratio == 0) {
      options.kind = candor::TrimOptions::Kind::kQuantile;
      options.lower_quantile = lower_quantile;
      options.upper_quantile = upper_quantile;
    } else {
      return candor::InvalidArgument("ratio must be > 0 (cap) or 0 (quantiles), got " +
                                     std::to_string(ratio));
    }
    return WriteOut(candor::TrimWeights(weights, n, options), n, out);
  });
}

candor_status candor_combine_weights(const double* const* parts, size_t n_parts, size_t n,
                                     double* out) {
  return Guard([&] {
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    if (n_parts > 0) CANDOR_RETURN_IF_ERROR(Required(parts, "parts"));
    std::vector<const double*> list(parts, parts + n_parts);
    return WriteOut(candor::CombineWeights(list, n), n, out);
  });
}

candor_status candor_response_rates(const uint8_t* responded, const int32_t* segment, size_t n,
                                    size_t levels, double level, candor_response_rate* out) {
  return Guard([&] {
    candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    if (segment == nullptr && levels != 1) {
      return Fail(candor::InvalidArgument("without a segment, levels must be 1"));
    }
    for (size_t i = 0; segment != nullptr && i < n; ++i) {
      if (segment[i] < 0 || static_cast<size_t>(segment[i]) >= levels) {
        return Fail(candor::OutOfRange("segment code at index " + std::to_string(i) + " is " +
                                       std::to_string(segment[i]) + ", outside 0.." +
                                       std::to_string(levels) + "-1"));
      }
    }
    auto rates = candor::ResponseRates(responded, segment, n, level);
    if (!rates.ok()) return Fail(rates.status());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (size_t j = 0; j < levels; ++j) out[j] = {0, 0, nan, nan, nan};
    for (const candor::ResponseRate& r : *rates) {
      out[segment == nullptr ? 0 : r.code] = {r.invited, r.responded, r.rate, r.ci_low,
                                              r.ci_high};
    }
    return CANDOR_OK;
  });
}

candor_status candor_adjust_recency(const candor_score_options* options, const double* scores,
                                    const double* weights, const int32_t* event_kind,
                                    const double* days_since_event, size_t n, int32_t kinds,
                                    double decay_days, const double* reference_share,
                                    const int32_t* clusters, candor_recency_effect* out,
                                    double* coefficients, double* std_errors) {
  return Guard([&] {
    candor::Metric metric;
    candor::IntervalOptions interval;
    candor::Status s = candor::capi::FromOptions(options, &metric, &interval, nullptr);
    if (s.ok()) s = Required(out, "out");
    if (s.ok() && n > 0) s = Required(scores, "scores");
    if (s.ok() && kinds > 0) s = Required(reference_share, "reference_share");
    if (!s.ok()) return Fail(s);
    std::vector<double> shares(reference_share, reference_share + std::max(kinds, 0));
    auto effect = candor::AdjustRecency(metric, scores, weights, event_kind, days_since_event, n,
                                        kinds, decay_days, shares, clusters, interval.level);
    if (!effect.ok()) return Fail(effect.status());
    out->raw_value = effect->raw_value;
    out->standardized_value = effect->standardized_value;
    out->std_error = effect->standardized_std_error;
    out->ci_low = effect->ci_low;
    out->ci_high = effect->ci_high;
    if (coefficients != nullptr) {
      std::copy(effect->coefficients.begin(), effect->coefficients.end(), coefficients);
    }
    if (std_errors != nullptr) {
      std::copy(effect->std_errors.begin(), effect->std_errors.end(), std_errors);
    }
    return CANDOR_OK;
  });
}

}  // extern "C"
