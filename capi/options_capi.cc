// Score options: defaults, presets, and their translation to the C++ API.
#include <cstddef>

#include "options.hpp"
#include "shim.hpp"

namespace candor::capi {
namespace {

Status MetricFromC(int kind, MetricKind* out) {
  static constexpr EnumPair<MetricKind> kMetrics[] = {
      {CANDOR_METRIC_NPS, MetricKind::kNps},
      {CANDOR_METRIC_TOP_BOX, MetricKind::kTopBox},
      {CANDOR_METRIC_BOTTOM_BOX, MetricKind::kBottomBox},
      {CANDOR_METRIC_MEAN, MetricKind::kMean}};
  return EnumFromC(kind, kMetrics, "options->metric: unknown metric", out);
}

Status IntervalFromC(int kind, IntervalMethod* out) {
  static constexpr EnumPair<IntervalMethod> kMethods[] = {
      {CANDOR_INTERVAL_WALD, IntervalMethod::kWald},
      {CANDOR_INTERVAL_ADJUSTED_WALD, IntervalMethod::kAdjustedWald},
      {CANDOR_INTERVAL_BAYES, IntervalMethod::kBayes},
      {CANDOR_INTERVAL_BOOTSTRAP, IntervalMethod::kBootstrap},
      {CANDOR_INTERVAL_JEFFREYS, IntervalMethod::kJeffreys}};
  return EnumFromC(kind, kMethods, "options->interval: unknown interval method", out);
}

// The oldest score options layout: size and metric.
constexpr size_t kScoreOptionsOldest =
    offsetof(candor_score_options, metric) + sizeof(candor_score_options::metric);

candor_score_options Defaults() {
  auto o = ZeroedOptions<candor_score_options>();
  o.metric = CANDOR_METRIC_NPS;
  o.scale_min = 0;
  o.scale_max = 10;
  o.promoter_min = 9;
  o.detractor_max = 6;
  o.box_size = 2;
  o.interval = CANDOR_INTERVAL_JEFFREYS;
  o.level = 0.95;
  o.prior = 1.0;
  o.replicates = 2000;
  o.seed = 42;
  o.threads = 0;
  o.p_adjust = CANDOR_P_ADJUST_HOLM;
  return o;
}

Status PresetMetric(int preset, Metric* metric, candor_metric* kind) {
  switch (preset) {
    case CANDOR_PRESET_NPS: *metric = Metric::Nps(); *kind = CANDOR_METRIC_NPS; break;
    case CANDOR_PRESET_CSAT: *metric = Metric::Csat(); *kind = CANDOR_METRIC_TOP_BOX; break;
    case CANDOR_PRESET_CES: *metric = Metric::Ces(); *kind = CANDOR_METRIC_MEAN; break;
    case CANDOR_PRESET_CES_AGREE:
      *metric = Metric::CesAgree();
      *kind = CANDOR_METRIC_TOP_BOX;
      break;
    default: return InvalidArgument("unknown preset " + std::to_string(preset));
  }
  return OkStatus();
}

}  // namespace

Status FromOptions(const candor_score_options* options, Metric* metric,
                   IntervalOptions* interval, PAdjust* adjust) {
  CANDOR_RETURN_IF_ERROR(Required(options, "options"));
  candor_score_options o = Defaults();
  // Copy what the caller's (possibly older, shorter) struct holds.
  CANDOR_RETURN_IF_ERROR(ReadSized(options, kScoreOptionsOldest, &o));
  o.size = sizeof(o);

  CANDOR_RETURN_IF_ERROR(MetricFromC(RawEnum(o.metric), &metric->kind));
  metric->scale_min = o.scale_min;
  metric->scale_max = o.scale_max;
  metric->promoter_min = o.promoter_min;
  metric->detractor_max = o.detractor_max;
  metric->box_size = o.box_size;
  CANDOR_RETURN_IF_ERROR(metric->Validate());

  CANDOR_RETURN_IF_ERROR(IntervalFromC(RawEnum(o.interval), &interval->method));
  interval->level = o.level;
  interval->prior = o.prior;
  interval->replicates = o.replicates;
  interval->seed = o.seed;
  interval->threads = o.threads;
  CANDOR_RETURN_IF_ERROR(interval->Validate());
  if (adjust != nullptr) {
    CANDOR_RETURN_IF_ERROR(
        PAdjustFromC(RawEnum(o.p_adjust), "options->p_adjust: unknown method", adjust));
  }
  return OkStatus();
}

Status PAdjustFromC(int raw, const char* unknown, PAdjust* out) {
  static constexpr EnumPair<PAdjust> kMethods[] = {
      {CANDOR_P_ADJUST_NONE, PAdjust::kNone},
      {CANDOR_P_ADJUST_HOLM, PAdjust::kHolm},
      {CANDOR_P_ADJUST_BH, PAdjust::kBenjaminiHochberg}};
  return EnumFromC(raw, kMethods, unknown, out);
}

Status SegmentColumns(const int32_t* const* segments, size_t n_columns, size_t n,
                      std::vector<const int32_t*>* out) {
  if (n_columns == 0) return InvalidArgument("a breakdown needs at least one segment column");
  CANDOR_RETURN_IF_ERROR(Required(segments, "segments"));
  out->assign(segments, segments + n_columns);
  for (size_t j = 0; j < n_columns; ++j) {
    if ((*out)[j] == nullptr && n > 0) {
      return InvalidArgument("segments[" + std::to_string(j) + "] is NULL");
    }
  }
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

candor_status candor_score_options_preset(candor_score_options* options, size_t size,
                                          candor_preset preset) {
  using namespace candor;
  if (options == nullptr) return capi::Fail(InvalidArgument("options is NULL"));
  Metric metric;
  candor_score_options o = capi::Defaults();
  Status s = capi::PresetMetric(capi::RawEnum(preset), &metric, &o.metric);
  if (!s.ok()) return capi::Fail(s);
  o.scale_min = metric.scale_min;
  o.scale_max = metric.scale_max;
  o.promoter_min = metric.promoter_min;
  o.detractor_max = metric.detractor_max;
  o.box_size = metric.box_size;
  // Never write past the caller's struct, which may be older and shorter.
  return capi::WriteDefaults(o, size, options, capi::kScoreOptionsOldest);
}

}  // extern "C"
