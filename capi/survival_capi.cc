// Survival (include/candor/survival.hpp): concordance, Kaplan-Meier curves
// (a handle) and the log-rank test (a handle).
#include <candor/survival.hpp>
#include <cstddef>
#include <cstring>
#include <string>
#include <utility>

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
  candor_concordance_options o;
  std::memset(&o, 0, sizeof(o));
  o.size = sizeof(o);
  o.time_weight = CANDOR_TIME_WEIGHT_N;
  return o;
}

candor_kaplan_meier_options KaplanMeierDefaults() {
  candor_kaplan_meier_options o;
  std::memset(&o, 0, sizeof(o));
  const KaplanMeierOptions defaults;
  o.size = sizeof(o);
  o.level = defaults.level;
  o.interval = CANDOR_SURVIVAL_INTERVAL_LOG;
  return o;
}

Status FromConcordanceOptions(const candor_concordance_options* options, ConcordanceOptions* out) {
  candor_concordance_options o = ConcordanceDefaults();
  CANDOR_RETURN_IF_ERROR(ReadSized(options, sizeof(size_t), "candor_concordance_options_init", &o));
  switch (RawEnum(o.time_weight)) {
    case CANDOR_TIME_WEIGHT_N:
      out->time_weight = TimeWeight::kHarrell;
      break;
    case CANDOR_TIME_WEIGHT_N_G2:
      out->time_weight = TimeWeight::kUno;
      break;
    default:
      return InvalidArgument("options->time_weight: unknown time weight " +
                             std::to_string(RawEnum(o.time_weight)));
  }
  return out->Validate();
}

Status FromKaplanMeierOptions(const candor_kaplan_meier_options* options, KaplanMeierOptions* out) {
  candor_kaplan_meier_options o = KaplanMeierDefaults();
  CANDOR_RETURN_IF_ERROR(
      ReadSized(options, sizeof(size_t), "candor_kaplan_meier_options_init", &o));
  switch (RawEnum(o.interval)) {
    case CANDOR_SURVIVAL_INTERVAL_LOG:
      out->interval = SurvivalInterval::kLog;
      break;
    case CANDOR_SURVIVAL_INTERVAL_LOG_LOG:
      out->interval = SurvivalInterval::kLogLog;
      break;
    case CANDOR_SURVIVAL_INTERVAL_PLAIN:
      out->interval = SurvivalInterval::kPlain;
      break;
    default:
      return InvalidArgument("options->interval: unknown survival interval " +
                             std::to_string(RawEnum(o.interval)));
  }
  out->level = o.level;
  return out->Validate();
}

}  // namespace
}  // namespace candor::capi

using candor::capi::Fail;
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
  return Guard([&] {
    candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    candor::ConcordanceOptions cpp;
    s = candor::capi::FromConcordanceOptions(options, &cpp);
    if (!s.ok()) return Fail(s);
    auto result = candor::EstimateConcordance(risk, time, event, weights, n, cpp);
    if (!result.ok()) return Fail(result.status());
    const candor::Concordance& c = *result;
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
    return CANDOR_OK;
  });
}

candor_status candor_kaplan_meier_options_defaults(candor_kaplan_meier_options* options,
                                                   size_t size) {
  return candor::capi::WriteDefaults(candor::capi::KaplanMeierDefaults(), size, options);
}

candor_status candor_kaplan_meier_new(const double* time, const double* event, const int32_t* group,
                                      const double* weights, size_t n,
                                      const candor_kaplan_meier_options* options,
                                      candor_kaplan_meier** out) {
  return Guard([&] {
    candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    *out = nullptr;
    candor::KaplanMeierOptions cpp;
    s = candor::capi::FromKaplanMeierOptions(options, &cpp);
    if (!s.ok()) return Fail(s);
    auto result = candor::EstimateKaplanMeier(time, event, group, weights, n, cpp);
    if (!result.ok()) return Fail(result.status());
    *out = new candor_kaplan_meier{std::move(result).value()};
    return CANDOR_OK;
  });
}

void candor_kaplan_meier_free(candor_kaplan_meier* km) { delete km; }

size_t candor_kaplan_meier_curves(const candor_kaplan_meier* km) {
  return km == nullptr ? 0 : km->result.curves.size();
}

candor_status candor_kaplan_meier_curve_at(const candor_kaplan_meier* km, size_t i,
                                           candor_km_curve* out) {
  return Guard([&] {
    candor::Status s = Required(km, "km");
    if (s.ok()) s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    const auto& curves = km->result.curves;
    if (i >= curves.size()) {
      return Fail(candor::OutOfRange("curve " + std::to_string(i) + " of " +
                                     std::to_string(curves.size()) + " curves"));
    }
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
    return CANDOR_OK;
  });
}

candor_status candor_log_rank_new(const double* time, const double* event, const int32_t* group,
                                  size_t n, candor_log_rank** out) {
  return Guard([&] {
    candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    *out = nullptr;
    auto result = candor::LogRankTest(time, event, group, n);
    if (!result.ok()) return Fail(result.status());
    *out = new candor_log_rank{std::move(result).value()};
    return CANDOR_OK;
  });
}

void candor_log_rank_free(candor_log_rank* test) { delete test; }

candor_status candor_log_rank_summary(const candor_log_rank* test, candor_log_rank_result* out) {
  return Guard([&] {
    candor::Status s = Required(test, "test");
    if (s.ok()) s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    out->chi_square = test->result.chi_square;
    out->p_value = test->result.p_value;
    out->df = test->result.df;
    out->groups = static_cast<int32_t>(test->result.groups.size());
    return CANDOR_OK;
  });
}

size_t candor_log_rank_groups(const candor_log_rank* test) {
  return test == nullptr ? 0 : test->result.groups.size();
}

candor_status candor_log_rank_group_at(const candor_log_rank* test, size_t i,
                                       candor_log_rank_group* out) {
  return Guard([&] {
    candor::Status s = Required(test, "test");
    if (s.ok()) s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    const auto& groups = test->result.groups;
    if (i >= groups.size()) {
      return Fail(candor::OutOfRange("group " + std::to_string(i) + " of " +
                                     std::to_string(groups.size()) + " groups"));
    }
    out->n = groups[i].n;
    out->observed = groups[i].observed;
    out->expected = groups[i].expected;
    out->variance = groups[i].variance;
    out->group = groups[i].group;
    out->tested = groups[i].expected > 0 ? 1 : 0;
    return CANDOR_OK;
  });
}

}  // extern "C"
