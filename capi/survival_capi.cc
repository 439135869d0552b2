// Survival (include/candor/survival.hpp): concordance, Kaplan-Meier curves
// (a handle) and the log-rank test (a handle).
#include <candor/survival.hpp>
#include <cstddef>
#include <string>
#include <utility>

#include "options.hpp"
#include "shim.hpp"

struct candor_kaplan_meier {
  candor::KaplanMeier result;
};

struct candor_log_rank {
  candor::LogRank result;
};

namespace candor::capi {
namespace {

candor_concordance_options ConcordanceDefaults() {
  auto o = ZeroedOptions<candor_concordance_options>();
  o.time_weight = CANDOR_TIME_WEIGHT_N;
  return o;
}

candor_kaplan_meier_options KaplanMeierDefaults() {
  auto o = ZeroedOptions<candor_kaplan_meier_options>();
  o.level = KaplanMeierOptions().level;
  o.interval = CANDOR_SURVIVAL_INTERVAL_LOG;
  return o;
}

Status FromConcordanceOptions(const candor_concordance_options* options, ConcordanceOptions* out) {
  static constexpr EnumPair<TimeWeight> kTimeWeights[] = {
      {CANDOR_TIME_WEIGHT_N, TimeWeight::kHarrell}, {CANDOR_TIME_WEIGHT_N_G2, TimeWeight::kUno}};
  candor_concordance_options o = ConcordanceDefaults();
  CANDOR_RETURN_IF_ERROR(ReadSized(options, sizeof(size_t), &o));
  CANDOR_RETURN_IF_ERROR(EnumFromC(RawEnum(o.time_weight), kTimeWeights,
                                   "options->time_weight: unknown time weight", &out->time_weight));
  return out->Validate();
}

Status FromKaplanMeierOptions(const candor_kaplan_meier_options* options, KaplanMeierOptions* out) {
  static constexpr EnumPair<SurvivalInterval> kIntervals[] = {
      {CANDOR_SURVIVAL_INTERVAL_LOG, SurvivalInterval::kLog},
      {CANDOR_SURVIVAL_INTERVAL_LOG_LOG, SurvivalInterval::kLogLog},
      {CANDOR_SURVIVAL_INTERVAL_PLAIN, SurvivalInterval::kPlain}};
  candor_kaplan_meier_options o = KaplanMeierDefaults();
  CANDOR_RETURN_IF_ERROR(ReadSized(options, sizeof(size_t), &o));
  CANDOR_RETURN_IF_ERROR(EnumFromC(RawEnum(o.interval), kIntervals,
                                   "options->interval: unknown survival interval", &out->interval));
  out->level = o.level;
  return out->Validate();
}

}  // namespace
}  // namespace candor::capi

namespace {

void ToC(const candor::Concordance& c, candor_concordance_result* out) {
  out->value = c.value;
  out->std_error = c.std_error;
  out->concordant = c.concordant;
  out->discordant = c.discordant;
  out->tied_risk = c.tied_risk;
  out->tied_time = c.tied_time;
  out->tied_both = c.tied_both;
  out->n = c.n;
  out->events = c.events;
  out->time_weight =
      c.time_weight == candor::TimeWeight::kUno ? CANDOR_TIME_WEIGHT_N_G2 : CANDOR_TIME_WEIGHT_N;
}

void ToC(const candor::LogRankGroup& g, candor_log_rank_group* out) {
  out->n = g.n;
  out->observed = g.observed;
  out->expected = g.expected;
  out->variance = g.variance;
  out->group = g.group;
  out->tested = g.expected > 0 ? 1 : 0;
}

}  // namespace

using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_concordance_options_defaults(candor_concordance_options* options,
                                                  size_t size) {
  return candor::capi::WriteDefaults(candor::capi::ConcordanceDefaults(), size, options);
}

candor_status candor_concordance(const double* risk, const double* time, const double* event,
                                 const double* weights, size_t n,
                                 const candor_concordance_options* options,
                                 candor_concordance_result* out) {
  return candor::capi::ComputeInto(
      out,
      [&]() -> candor::Result<candor::Concordance> {
        candor::ConcordanceOptions cpp;
        CANDOR_RETURN_IF_ERROR(candor::capi::FromConcordanceOptions(options, &cpp));
        return candor::EstimateConcordance(risk, time, event, weights, n, cpp);
      },
      ToC);
}

candor_status candor_kaplan_meier_options_defaults(candor_kaplan_meier_options* options,
                                                   size_t size) {
  return candor::capi::WriteDefaults(candor::capi::KaplanMeierDefaults(), size, options);
}

candor_status candor_kaplan_meier_new(const double* time, const double* event, const int32_t* group,
                                      const double* weights, size_t n,
                                      const candor_kaplan_meier_options* options,
                                      candor_kaplan_meier** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<candor::KaplanMeier> {
    candor::KaplanMeierOptions cpp;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromKaplanMeierOptions(options, &cpp));
    return candor::EstimateKaplanMeier(time, event, group, weights, n, cpp);
  });
}

void candor_kaplan_meier_free(candor_kaplan_meier* km) { delete km; }

size_t candor_kaplan_meier_curves(const candor_kaplan_meier* km) {
  return km == nullptr ? 0 : km->result.curves.size();
}

candor_status candor_kaplan_meier_curve_at(const candor_kaplan_meier* km, size_t i,
                                           candor_km_curve* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(km, "km", out, "out"));
    const auto& curves = km->result.curves;
    CANDOR_RETURN_IF_ERROR(candor::capi::CheckIndex(i, curves.size(), "curve {i} of {n} curves"));
    const candor::KaplanMeierCurve& c = curves[i];
    out->n = c.n;
    out->points = c.time.size();
    out->weight = c.weight;
    out->events = c.events;
    out->level = km->result.level;
    out->time = c.time.data();
    out->n_risk = c.n_risk.data();
    out->n_event = c.n_event.data();
    out->n_censor = c.n_censor.data();
    out->survival = c.survival.data();
    out->std_error = c.std_error.data();
    out->std_error_log = c.std_error_log.data();
    out->ci_low = c.ci_low.data();
    out->ci_high = c.ci_high.data();
    out->group = c.group;
    out->interval = static_cast<candor_survival_interval>(km->result.interval);
    return candor::OkStatus();
  });
}

candor_status candor_log_rank_new(const double* time, const double* event, const int32_t* group,
                                  size_t n, candor_log_rank** out) {
  return candor::capi::NewHandle(out, [&] { return candor::LogRankTest(time, event, group, n); });
}

void candor_log_rank_free(candor_log_rank* test) { delete test; }

candor_status candor_log_rank_summary(const candor_log_rank* test, candor_log_rank_result* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(test, "test", out, "out"));
    out->chi_square = test->result.chi_square;
    out->p_value = test->result.p_value;
    out->df = test->result.df;
    out->groups = static_cast<int32_t>(test->result.groups.size());
    return candor::OkStatus();
  });
}

size_t candor_log_rank_groups(const candor_log_rank* test) {
  return test == nullptr ? 0 : test->result.groups.size();
}

candor_status candor_log_rank_group_at(const candor_log_rank* test, size_t i,
                                       candor_log_rank_group* out) {
  return candor::capi::RowAt(
      test, "test", i, out, "group {i} of {n} groups",
      [](const candor_log_rank& t) -> const auto& { return t.result.groups; }, ToC);
}

}  // extern "C"
