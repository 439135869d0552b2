// Theme drivers: options, the mentions struct, and a handle owning the rows.
#include <candor/drivers.hpp>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "accumulator_handle.hpp"
#include "options.hpp"
#include "shim.hpp"
#include "theme_mentions.hpp"

struct candor_drivers {
  candor::ThemeDrivers drivers;
};

using candor::capi::Guard;
using candor::capi::Required;

namespace {

candor_drivers_options Defaults() {
  auto o = candor::capi::ZeroedOptions<candor_drivers_options>();
  o.l2_penalty = 1.0;
  o.fit_key_drivers = 1;
  o.max_iterations = 100;
  o.tolerance = 1e-10;
  o.earlier_period = -1;
  o.later_period = -1;
  o.p_adjust = CANDOR_P_ADJUST_BH;
  o.alpha = 0.05;
  return o;
}

candor::Status FromC(const candor_drivers_options* options, candor::DriverOptions* out) {
  candor_drivers_options o = Defaults();
  CANDOR_RETURN_IF_ERROR(candor::capi::ReadSized(options, sizeof(size_t), &o));
  out->l2_penalty = o.l2_penalty;
  out->fit_key_drivers = o.fit_key_drivers != 0;
  out->max_iterations = o.max_iterations;
  out->tolerance = o.tolerance;
  out->earlier_period = o.earlier_period;
  out->later_period = o.later_period;
  CANDOR_RETURN_IF_ERROR(candor::capi::PAdjustFromC(
      candor::capi::RawEnum(o.p_adjust), "options->p_adjust: unknown method", &out->adjust));
  out->alpha = o.alpha;
  return out->Validate();
}

candor_theme_status ThemeStatusToC(candor::ThemeStatus s) {
  switch (s) {
    case candor::ThemeStatus::kOk: return CANDOR_THEME_OK;
    case candor::ThemeStatus::kNoMentions: return CANDOR_THEME_NO_MENTIONS;
    case candor::ThemeStatus::kAllMention: return CANDOR_THEME_ALL_MENTION;
  }
  return CANDOR_THEME_OK;
}

void ToC(const candor::ThemeDriver& r, candor_driver_row* out) {
  using candor::capi::ToC;
  out->theme = r.theme;
  out->name = r.name.c_str();
  out->status = ThemeStatusToC(r.status);
  out->mentions = r.mentions;
  out->weighted_mentions = r.weighted_mentions;
  ToC(r.share, &out->share);
  ToC(r.share_of_promoters, &out->share_of_promoters);
  ToC(r.share_of_passives, &out->share_of_passives);
  ToC(r.share_of_detractors, &out->share_of_detractors);
  ToC(r.score, &out->score);
  ToC(r.score_without, &out->score_without);
  ToC(r.impact, &out->impact);
  out->detractors_mentioning = r.detractors_mentioning;
  out->detractors_not = r.detractors_not;
  out->relative_risk = r.relative_risk;
  out->relative_risk_ci_low = r.relative_risk_ci_low;
  out->relative_risk_ci_high = r.relative_risk_ci_high;
  out->log_relative_risk_std_error = r.log_relative_risk_std_error;
  out->relative_risk_p_value = r.relative_risk_p_value;
  out->relative_risk_corrected = r.relative_risk_corrected ? 1 : 0;
  out->in_model = r.in_model ? 1 : 0;
  out->coefficient = r.coefficient;
  out->coefficient_std_error = r.coefficient_std_error;
  out->odds_ratio = r.odds_ratio;
  out->odds_ratio_ci_low = r.odds_ratio_ci_low;
  out->odds_ratio_ci_high = r.odds_ratio_ci_high;
  out->importance = r.importance;
}

void ToC(const candor::TrendingTheme& r, candor_trending_row* out) {
  out->theme = r.theme;
  out->trending = r.trending ? 1 : 0;
  candor::capi::ToC(r.share_earlier, &out->share_earlier);
  candor::capi::ToC(r.share_later, &out->share_later);
  out->difference = r.difference;
  out->std_error = r.std_error;
  out->ci_low = r.ci_low;
  out->ci_high = r.ci_high;
  out->z = r.z;
  out->p_value = r.p_value;
  out->p_adjusted = r.p_adjusted;
  candor::capi::ToC(r.score_change, &out->score_change);
  out->score_change_p_adjusted = r.score_change_p_adjusted;
}
}  // namespace

extern "C" {

candor_status candor_drivers_options_defaults(candor_drivers_options* options, size_t size) {
  return candor::capi::WriteDefaults(Defaults(), size, options);
}

candor_status candor_drivers_new(const candor_score_options* score_options,
                                 const candor_drivers_options* options, const double* scores,
                                 const double* weights, const int32_t* accounts,
                                 const int32_t* periods, size_t n,
                                 const candor_theme_mentions* mentions, candor_drivers** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<candor::ThemeDrivers> {
    CANDOR_RETURN_IF_ERROR(Required(mentions, "mentions"));
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(scores, "scores"));
    candor::Metric metric;
    candor::IntervalOptions interval;
    candor::DriverOptions driver_options;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromOptions(score_options, &metric, &interval, nullptr));
    CANDOR_RETURN_IF_ERROR(FromC(options, &driver_options));
    auto theme_mentions = candor::capi::MentionsFromC(*mentions, n);
    if (!theme_mentions.ok()) return theme_mentions.status();
    auto names = candor::capi::ThemeNamesFromC(*mentions);
    if (!names.ok()) return names.status();
    candor::DriverInputs inputs;
    inputs.weights = weights;
    inputs.accounts = accounts;
    inputs.periods = periods;
    return candor::EstimateThemeDrivers(metric, scores, n, *theme_mentions, *names, inputs,
                                        interval, driver_options);
  });
}

candor_status candor_drivers_accumulated(const candor_score_options* score_options,
                                         const candor_drivers_options* options,
                                         const candor_driver_accumulator* acc,
                                         const char* const* names, candor_drivers** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<candor::ThemeDrivers> {
    CANDOR_RETURN_IF_ERROR(Required(acc, "acc"));
    candor::Metric metric;
    candor::IntervalOptions interval;
    candor::DriverOptions driver_options;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromOptions(score_options, &metric, &interval, nullptr));
    CANDOR_RETURN_IF_ERROR(FromC(options, &driver_options));
    candor_theme_mentions named{};
    named.themes = acc->acc.themes();
    named.names = names;
    auto theme_names = candor::capi::ThemeNamesFromC(named);
    if (!theme_names.ok()) return theme_names.status();
    return candor::EstimateThemeDriversAccumulated(metric, acc->acc, *theme_names, interval,
                                                   driver_options);
  });
}

void candor_drivers_free(candor_drivers* drivers) { delete drivers; }

size_t candor_drivers_rows(const candor_drivers* drivers) {
  return drivers == nullptr ? 0 : drivers->drivers.themes.size();
}

size_t candor_drivers_trending_rows(const candor_drivers* drivers) {
  return drivers == nullptr ? 0 : drivers->drivers.trending.size();
}

candor_status candor_drivers_row_at(const candor_drivers* drivers, size_t i,
                                    candor_driver_row* out) {
  return candor::capi::RowAt(
      drivers, "drivers", i, out, "row {i} of drivers with {n} themes",
      [](const candor_drivers& d) -> const auto& { return d.drivers.themes; }, ToC);
}

candor_status candor_drivers_trending_at(const candor_drivers* drivers, size_t i,
                                         candor_trending_row* out) {
  const bool no_periods = drivers != nullptr && drivers->drivers.trending.empty();
  return candor::capi::RowAt(
      drivers, "drivers", i, out,
      no_periods ? "trending row {i} of {n} (no periods were given)" : "trending row {i} of {n}",
      [](const candor_drivers& d) -> const auto& { return d.drivers.trending; }, ToC);
}

candor_status candor_drivers_overall(const candor_drivers* drivers, candor_estimate* out,
                                     int64_t* detractors) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(drivers, "drivers", out, "out"));
    candor::capi::ToC(drivers->drivers.overall, out);
    if (detractors != nullptr) *detractors = drivers->drivers.detractors;
    return candor::OkStatus();
  });
}

candor_status candor_drivers_model(const candor_drivers* drivers, candor_key_driver_model* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(drivers, "drivers", out, "out"));
    const candor::KeyDriverModel& m = drivers->drivers.model;
    out->fitted = m.fitted ? 1 : 0;
    out->converged = m.converged ? 1 : 0;
    out->iterations = m.iterations;
    out->themes_in_model = m.themes_in_model;
    out->l2_penalty = m.l2_penalty;
    out->intercept = m.intercept;
    out->intercept_std_error = m.intercept_std_error;
    out->penalized_log_likelihood = m.penalized_log_likelihood;
    out->message = m.message.c_str();
    return candor::OkStatus();
  });
}

candor_status candor_drivers_periods(const candor_drivers* drivers, int32_t* earlier,
                                     int32_t* later) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(drivers, "drivers", earlier, "earlier", later, "later"));
    *earlier = drivers->drivers.earlier_period;
    *later = drivers->drivers.later_period;
    return candor::OkStatus();
  });
}

}  // extern "C"
