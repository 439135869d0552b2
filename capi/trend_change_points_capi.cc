// Change points (include/candor/trend_change_points.hpp): options, a result
// handle and its accessors.
#include <cstddef>
#include <string>
#include <utility>

#include <candor/trend_change_points.hpp>

#include "options.hpp"
#include "shim.hpp"

struct candor_change_points {
  candor::ChangePoints result;
};

namespace candor::capi {
namespace {

candor_change_point_options ChangePointDefaults() {
  auto o = ZeroedOptions<candor_change_point_options>();
  const ChangePointOptions defaults;
  o.penalty = CANDOR_CHANGE_PENALTY_BIC;
  o.penalty_value = defaults.penalty_value;
  o.min_size = defaults.min_size;
  o.max_grid_points = defaults.max_grid_points;
  return o;
}

// Reads the C options (honouring an older caller's shorter struct).
Status FromChangeOptions(const candor_score_options* score_options,
                         const candor_change_point_options* options, ChangePointOptions* out) {
  CANDOR_RETURN_IF_ERROR(FromOptions(score_options, &out->metric, &out->interval, nullptr));
  CANDOR_RETURN_IF_ERROR(Required(options, "options"));
  candor_change_point_options o = ChangePointDefaults();
  const size_t oldest = offsetof(candor_change_point_options, penalty) + sizeof(options->penalty);
  CANDOR_RETURN_IF_ERROR(ReadSized(options, oldest, &o));
  static constexpr EnumPair<ChangePenalty> kPenalties[] = {
      {CANDOR_CHANGE_PENALTY_BIC, ChangePenalty::kBic},
      {CANDOR_CHANGE_PENALTY_AIC, ChangePenalty::kAic},
      {CANDOR_CHANGE_PENALTY_MANUAL, ChangePenalty::kManual}};
  CANDOR_RETURN_IF_ERROR(EnumFromC(RawEnum(o.penalty), kPenalties,
                                   "options->penalty: unknown penalty", &out->penalty));
  out->penalty_value = o.penalty_value;
  out->min_size = o.min_size;
  out->max_grid_points = o.max_grid_points;
  return out->Validate();
}

}  // namespace
}  // namespace candor::capi

using candor::capi::Fail;
using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_change_point_options_defaults(candor_change_point_options* options,
                                                   size_t size) {
  return candor::capi::WriteDefaults(candor::capi::ChangePointDefaults(), size, options);
}

candor_status candor_change_points_new(const candor_score_options* score_options,
                                       const candor_change_point_options* options,
                                       const double* scores, const int64_t* times,
                                       const double* weights, size_t n,
                                       candor_change_points** out) {
  return Guard([&] {
    candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    *out = nullptr;
    candor::ChangePointOptions cpp;
    s = candor::capi::FromChangeOptions(score_options, options, &cpp);
    if (!s.ok()) return Fail(s);
    auto result = candor::DetectChangePoints(scores, times, weights, n, cpp);
    if (!result.ok()) return Fail(result.status());
    *out = new candor_change_points{std::move(result).value()};
    return CANDOR_OK;
  });
}

void candor_change_points_free(candor_change_points* result) { delete result; }

size_t candor_change_points_count(const candor_change_points* result) {
  return result == nullptr ? 0 : result->result.changes.size();
}

size_t candor_change_points_segment_count(const candor_change_points* result) {
  return result == nullptr ? 0 : result->result.segments.size();
}

candor_status candor_change_points_at(const candor_change_points* result, size_t i,
                                      candor_change_point* out) {
  return Guard([&] {
    candor::Status s = Required(result, "result");
    if (s.ok()) s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    const auto& changes = result->result.changes;
    if (i >= changes.size()) {
      return Fail(candor::OutOfRange("change " + std::to_string(i) + " of " +
                                     std::to_string(changes.size()) + " changes"));
    }
    out->index = changes[i].index;
    out->time = changes[i].time;
    candor::capi::ToC(changes[i].change, &out->change);
    return CANDOR_OK;
  });
}

candor_status candor_change_points_segment_at(const candor_change_points* result, size_t i,
                                              candor_change_segment* out) {
  return Guard([&] {
    candor::Status s = Required(result, "result");
    if (s.ok()) s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    const auto& segments = result->result.segments;
    if (i >= segments.size()) {
      return Fail(candor::OutOfRange("segment " + std::to_string(i) + " of " +
                                     std::to_string(segments.size()) + " segments"));
    }
    out->begin = segments[i].begin;
    out->end = segments[i].end;
    out->time_begin = segments[i].time_begin;
    out->time_end = segments[i].time_end;
    out->cost = segments[i].cost;
    candor::capi::ToC(segments[i].level, &out->level);
    return CANDOR_OK;
  });
}

candor_status candor_change_points_summary(const candor_change_points* result,
                                           candor_change_point_summary* out) {
  return Guard([&] {
    candor::Status s = Required(result, "result");
    if (s.ok()) s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    out->penalty = result->result.penalty;
    out->total_cost = result->result.total_cost;
    out->block_size = result->result.block_size;
    out->categories = result->result.categories;
    out->has_times = result->result.has_times ? 1 : 0;
    return CANDOR_OK;
  });
}

}  // extern "C"
