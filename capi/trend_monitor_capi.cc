// The online change monitor (include/candor/trend_monitor.hpp): options, a
// mutable handle, its updates and what it was made with.
#include <candor/trend_monitor.hpp>
#include <cmath>
#include <limits>

#include "options.hpp"
#include "shim.hpp"

struct candor_change_monitor {
  candor::ChangeMonitor monitor;
};

namespace candor::capi {
namespace {

candor_change_monitor_options ChangeMonitorDefaults() {
  auto o = ZeroedOptions<candor_change_monitor_options>();
  const ChangeMonitorOptions defaults;
  o.alpha = defaults.alpha;
  o.shift = defaults.shift;
  o.bucket_size = defaults.bucket_size;
  return o;
}

Status FromMonitorOptions(const candor_score_options* score_options,
                          const candor_change_monitor_options* options, ChangeMonitorOptions* out) {
  if (score_options != nullptr) {  // else NPS on 0..10 and level 0.95
    IntervalOptions interval;
    CANDOR_RETURN_IF_ERROR(FromOptions(score_options, &out->metric, &interval, nullptr));
    out->level = interval.level;
  }
  candor_change_monitor_options o = ChangeMonitorDefaults();
  CANDOR_RETURN_IF_ERROR(ReadSized(options, sizeof(size_t), &o));
  out->alpha = o.alpha;
  out->shift = o.shift;
  out->bucket_size = o.bucket_size;
  return out->Validate();
}

void StateToC(const ChangeMonitorState& state, candor_change_monitor_state* out) {
  out->bucket = state.bucket;
  out->n = state.n;
  out->level = state.level;
  out->upper = state.upper;
  out->lower = state.lower;
  out->threshold = state.threshold;
  out->alarm = state.alarm ? 1 : 0;
  switch (state.direction) {
    case ChangeDirection::kNone:
      out->direction = CANDOR_CHANGE_DIRECTION_NONE;
      break;
    case ChangeDirection::kUp:
      out->direction = CANDOR_CHANGE_DIRECTION_UP;
      break;
    case ChangeDirection::kDown:
      out->direction = CANDOR_CHANGE_DIRECTION_DOWN;
      break;
  }
  out->change_start = state.change_start;
  out->change_n = state.change_n;
  out->shift = state.shift;
  out->shift_low = state.shift_low;
  out->shift_high = state.shift_high;
  out->buckets_since_reset = state.buckets_since_reset;
}

}  // namespace
}  // namespace candor::capi

extern "C" {

candor_status candor_change_monitor_options_defaults(candor_change_monitor_options* options,
                                                     size_t size) {
  return candor::capi::Guard([&]() -> candor_status {
    return candor::capi::WriteDefaults(candor::capi::ChangeMonitorDefaults(), size, options);
  });
}

candor_status candor_change_monitor_new(const candor_score_options* score_options,
                                        const candor_change_monitor_options* options,
                                        const double* history, size_t n,
                                        const int64_t* bucket_sizes, size_t bucket_count,
                                        candor_change_monitor** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<candor::ChangeMonitor> {
    candor::ChangeMonitorOptions cpp;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromMonitorOptions(score_options, options, &cpp));
    return candor::ChangeMonitor::Create(history, n, bucket_sizes, bucket_count, cpp);
  });
}

candor_status candor_change_monitor_update(candor_change_monitor* monitor, const double* scores,
                                           size_t n, candor_change_monitor_state* out) {
  return candor::capi::Guard([&] {
    CANDOR_RETURN_IF_ERROR(candor::capi::Required(monitor, "monitor", out, "out"));
    auto state = monitor->monitor.Update(scores, n);
    if (!state.ok()) return state.status();
    candor::capi::StateToC(*state, out);
    return candor::OkStatus();
  });
}

candor_status candor_change_monitor_reset(candor_change_monitor* monitor) {
  return candor::capi::Guard([&] {
    CANDOR_RETURN_IF_ERROR(candor::capi::Required(monitor, "monitor"));
    monitor->monitor.Reset();
    return candor::OkStatus();
  });
}

candor_status candor_change_monitor_info_get(const candor_change_monitor* monitor,
                                             candor_change_monitor_info* out) {
  return candor::capi::Guard([&] {
    CANDOR_RETURN_IF_ERROR(candor::capi::Required(monitor, "monitor", out, "out"));
    const candor::ChangeMonitor& m = monitor->monitor;
    out->threshold = m.threshold();
    out->reference = m.reference();
    out->arl0 = m.arl0();
    out->baseline_mean = m.baseline_mean();
    out->baseline_sd = m.baseline_sd();
    out->bucket_size = m.bucket_size();
    out->history_n = m.history_n();
    out->buckets = m.buckets();
    return candor::OkStatus();
  });
}

void candor_change_monitor_free(candor_change_monitor* monitor) { delete monitor; }

}  // extern "C"
