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

namespace {

void ToC(const candor::ChangePoint& change, candor_change_point* out) {
  out->index = change.index;
  out->time = change.time;
  candor::capi::ToC(change.change, &out->change);
}

void ToC(const candor::ChangePointSegment& segment, candor_change_segment* out) {
  out->begin = segment.begin;
  out->end = segment.end;
  out->time_begin = segment.time_begin;
  out->time_end = segment.time_end;
  out->cost = segment.cost;
  candor::capi::ToC(segment.level, &out->level);
}

}  // namespace

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
  return candor::capi::NewHandle(out, [&]() -> candor::Result<candor::ChangePoints> {
    candor::ChangePointOptions cpp;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromChangeOptions(score_options, options, &cpp));
    return candor::DetectChangePoints(scores, times, weights, n, cpp);
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
  return candor::capi::RowAt(
      result, "result", i, out, "change {i} of {n} changes",
      [](const candor_change_points& r) -> const auto& { return r.result.changes; }, ToC);
}

candor_status candor_change_points_segment_at(const candor_change_points* result, size_t i,
                                              candor_change_segment* out) {
  return candor::capi::RowAt(
      result, "result", i, out, "segment {i} of {n} segments",
      [](const candor_change_points& r) -> const auto& { return r.result.segments; }, ToC);
}

candor_status candor_change_points_summary(const candor_change_points* result,
                                           candor_change_point_summary* out) {
  return candor::capi::Guard([&] {
    CANDOR_RETURN_IF_ERROR(candor::capi::Required(result, "result", out, "out"));
    out->penalty = result->result.penalty;
    out->total_cost = result->result.total_cost;
    out->block_size = result->result.block_size;
    out->categories = result->result.categories;
    out->has_times = result->result.has_times ? 1 : 0;
    return candor::OkStatus();
  });
}

}  // extern "C"
