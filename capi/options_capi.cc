// Score options: defaults, presets, and their translation to the C++ API.
#include <cstddef>
#include <cstring>

#include "shim.hpp"

namespace candor::capi {
namespace {

Status MetricFromC(candor_metric kind, MetricKind* out) {
  switch (kind) {
    case CANDOR_METRIC_NPS: *out = MetricKind::kNps; return OkStatus();
    case CANDOR_METRIC_TOP_BOX: *out = MetricKind::kTopBox; return OkStatus();
    case CANDOR_METRIC_BOTTOM_BOX: *out = MetricKind::kBottomBox; return OkStatus();
    case CANDOR_METRIC_MEAN: *out = MetricKind::kMean; return OkStatus();
  }
  return InvalidArgument("options->metric: unknown metric " + std::to_string(kind));
}

Status IntervalFromC(candor_interval kind, IntervalMethod* out) {
  switch (kind) {
    case CANDOR_INTERVAL_WALD: *out = IntervalMethod::kWald; return OkStatus();
    case CANDOR_INTERVAL_ADJUSTED_WALD: *out = IntervalMethod::kAdjustedWald; return OkStatus();
    case CANDOR_INTERVAL_BAYES: *out = IntervalMethod::kBayes; return OkStatus();
    case CANDOR_INTERVAL_BOOTSTRAP: *out = IntervalMethod::kBootstrap; return OkStatus();
  }
  return InvalidArgument("options->interval: unknown interval method " + std::to_string(kind));
}

Status AdjustFromC(candor_p_adjust kind, PAdjust* out) {
  switch (kind) {
    case CANDOR_P_ADJUST_NONE: *out = PAdjust::kNone; return OkStatus();
    case CANDOR_P_ADJUST_HOLM: *out = PAdjust::kHolm; return OkStatus();
    case CANDOR_P_ADJUST_BH: *out = PAdjust::kBenjaminiHochberg; return OkStatus();
  }
  return InvalidArgument("options->p_adjust: unknown method " + std::to_string(kind));
}

void SetDefaults(candor_score_options* o) {
  std::memset(o, 0, sizeof(*o));
  o->size = sizeof(*o);
  o->metric = CANDOR_METRIC_NPS;
  o->scale_min = 0;
  o->scale_max = 10;
  o->promoter_min = 9;
  o->detractor_max = 6;
  o->box_size = 2;
  o->interval = CANDOR_INTERVAL_WALD;
  o->level = 0.95;
  o->prior = 1.0;
  o->replicates = 2000;
  o->seed = 42;
  o->threads = 0;
  o->p_adjust = CANDOR_P_ADJUST_HOLM;
}

void SetMetric(candor_score_options* o, const Metric& m, candor_metric kind) {
  SetDefaults(o);
  o->metric = kind;
  o->scale_min = m.scale_min;
  o->scale_max = m.scale_max;
  o->promoter_min = m.promoter_min;
  o->detractor_max = m.detractor_max;
  o->box_size = m.box_size;
}

}  // namespace

Status FromOptions(const candor_score_options* options, Metric* metric,
                   IntervalOptions* interval, PAdjust* adjust) {
  CANDOR_RETURN_IF_ERROR(Required(options, "options"));
  if (options->size < offsetof(candor_score_options, metric) + sizeof(options->metric)) {
    return InvalidArgument(
        "options->size is " + std::to_string(options->size) +
        ": initialize options with candor_score_options_init()");
  }
  candor_score_options o;
  SetDefaults(&o);
  // Copy what the caller's (possibly older, shorter) struct holds.
  std::memcpy(&o, options, options->size < sizeof(o) ? options->size : sizeof(o));
  o.size = sizeof(o);

  CANDOR_RETURN_IF_ERROR(MetricFromC(o.metric, &metric->kind));
  metric->scale_min = o.scale_min;
  metric->scale_max = o.scale_max;
  metric->promoter_min = o.promoter_min;
  metric->detractor_max = o.detractor_max;
  metric->box_size = o.box_size;
  CANDOR_RETURN_IF_ERROR(metric->Validate());

  CANDOR_RETURN_IF_ERROR(IntervalFromC(o.interval, &interval->method));
  interval->level = o.level;
  interval->prior = o.prior;
  interval->replicates = o.replicates;
  interval->seed = o.seed;
  interval->threads = o.threads;
  CANDOR_RETURN_IF_ERROR(interval->Validate());
  if (adjust != nullptr) CANDOR_RETURN_IF_ERROR(AdjustFromC(o.p_adjust, adjust));
  return OkStatus();
}

void ToC(const Estimate& e, candor_estimate* out) {
  out->value = e.value;
  out->std_error = e.std_error;
  out->ci_low = e.ci_low;
  out->ci_high = e.ci_high;
  out->level = e.level;
  out->n = e.n;
  out->effective_n = e.effective_n;
}

void ToC(const Comparison& c, candor_comparison* out) {
  out->difference = c.difference;
  out->std_error = c.std_error;
  out->ci_low = c.ci_low;
  out->ci_high = c.ci_high;
  out->p_value = c.p_value;
  ToC(c.a, &out->a);
  ToC(c.b, &out->b);
}

}  // namespace candor::capi

extern "C" {

void candor_score_options_init(candor_score_options* options) {
  if (options != nullptr) candor::capi::SetDefaults(options);
}
void candor_score_options_nps(candor_score_options* options) {
  if (options != nullptr) candor::capi::SetMetric(options, candor::Metric::Nps(), CANDOR_METRIC_NPS);
}
void candor_score_options_csat(candor_score_options* options) {
  if (options != nullptr) candor::capi::SetMetric(options, candor::Metric::Csat(), CANDOR_METRIC_TOP_BOX);
}
void candor_score_options_ces(candor_score_options* options) {
  if (options != nullptr) candor::capi::SetMetric(options, candor::Metric::Ces(), CANDOR_METRIC_MEAN);
}
void candor_score_options_ces_agree(candor_score_options* options) {
  if (options != nullptr) {
    candor::capi::SetMetric(options, candor::Metric::CesAgree(), CANDOR_METRIC_TOP_BOX);
  }
}

}  // extern "C"
