// Change points (include/candor/trend_change_points.hpp): options, a result
// handle and its accessors.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <candor/trend_change_points.hpp>

#include "design_from_c.hpp"
#include "options.hpp"
#include "shim.hpp"

struct candor_change_points {
  candor::ChangePoints result;
};

namespace candor::capi {
namespace {

// Where the struct's calibrated fields begin: a caller whose struct ends
// before them was built when BIC was the default, and keeps it.
constexpr size_t kCalibratedFields = offsetof(candor_change_point_options, alpha);

candor_change_point_options ChangePointDefaults(size_t size = sizeof(candor_change_point_options)) {
  auto o = ZeroedOptions<candor_change_point_options>();
  const ChangePointOptions defaults;
  o.penalty =
      size > kCalibratedFields ? CANDOR_CHANGE_PENALTY_CALIBRATED : CANDOR_CHANGE_PENALTY_BIC;
  o.penalty_value = defaults.penalty_value;
  o.min_size = defaults.min_size;
  o.max_grid_points = defaults.max_grid_points;
  o.alpha = defaults.alpha;
  o.replicates = defaults.replicates;
  o.seed = defaults.seed;
  o.boundaries = nullptr;
  o.boundary_count = 0;
  o.threads = defaults.threads;
  return o;
}

// Reads the C options (honouring an older caller's shorter struct).
Status FromChangeOptions(const candor_score_options* score_options,
                         const candor_change_point_options* options, ChangePointOptions* out,
                         ProgressHook* hook) {
  CANDOR_RETURN_IF_ERROR(FromOptions(score_options, &out->metric, &out->interval, nullptr));
  CANDOR_RETURN_IF_ERROR(Required(options, "options"));
  candor_change_point_options o =
      ChangePointDefaults(options == nullptr ? sizeof(candor_change_point_options) : options->size);
  const size_t oldest = offsetof(candor_change_point_options, penalty) + sizeof(options->penalty);
  CANDOR_RETURN_IF_ERROR(ReadSized(options, oldest, &o));
  static constexpr EnumPair<ChangePenalty> kPenalties[] = {
      {CANDOR_CHANGE_PENALTY_BIC, ChangePenalty::kBic},
      {CANDOR_CHANGE_PENALTY_AIC, ChangePenalty::kAic},
      {CANDOR_CHANGE_PENALTY_MANUAL, ChangePenalty::kManual},
      {CANDOR_CHANGE_PENALTY_CALIBRATED, ChangePenalty::kCalibrated}};
  CANDOR_RETURN_IF_ERROR(EnumFromC(RawEnum(o.penalty), kPenalties,
                                   "options->penalty: unknown penalty", &out->penalty));
  out->penalty_value = o.penalty_value;
  out->min_size = o.min_size;
  out->max_grid_points = o.max_grid_points;
  out->alpha = o.alpha;
  out->replicates = o.replicates;
  out->seed = o.seed;
  out->threads = o.threads;
  if (o.boundary_count > 0) {
    CANDOR_RETURN_IF_ERROR(Required(o.boundaries, "options->boundaries"));
    out->boundaries.assign(o.boundaries, o.boundaries + o.boundary_count);
  }
  *hook = {o.progress, o.progress_user_data};
  out->progress = hook->progress();
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

void ToC(const candor::ChangePoint& change, candor_change_test* out) {
  out->z = change.z;
  out->p_value = change.p_value;
  out->index_low = change.index_low;
  out->index_high = change.index_high;
  out->time_low = change.time_low;
  out->time_high = change.time_high;
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
  return candor::capi::WriteDefaults(candor::capi::ChangePointDefaults(size), size, options);
}

candor_status candor_change_points_new(const candor_score_options* score_options,
                                       const candor_change_point_options* options,
                                       const double* scores, const int64_t* times,
                                       const double* weights, size_t n,
                                       candor_change_points** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<candor::ChangePoints> {
    candor::ChangePointOptions cpp;
    candor::capi::ProgressHook hook;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromChangeOptions(score_options, options, &cpp, &hook));
    return candor::DetectChangePoints(scores, times, weights, n, cpp);
  });
}

candor_status candor_change_points_design_new(const candor_score_options* score_options,
                                              const candor_change_point_options* options,
                                              const double* scores, const int64_t* times,
                                              size_t n, const candor_design* design,
                                              candor_change_points** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<candor::ChangePoints> {
    candor::ChangePointOptions cpp;
    candor::capi::ProgressHook hook;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromChangeOptions(score_options, options, &cpp, &hook));
    candor::SurveyDesign survey;
    std::vector<candor::CalibrationStep> steps;
    if (design != nullptr) {
      CANDOR_RETURN_IF_ERROR(candor::capi::FromDesign(design, n, &survey, &steps));
    }
    return candor::DetectChangePoints(scores, times, survey, n, cpp);
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

candor_status candor_change_points_test_at(const candor_change_points* result, size_t i,
                                           candor_change_test* out) {
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

candor_status candor_change_points_calibration(const candor_change_points* result,
                                               candor_change_calibration_info* out) {
  return candor::capi::Guard([&] {
    CANDOR_RETURN_IF_ERROR(candor::capi::Required(result, "result", out, "out"));
    const candor::ChangePoints& r = result->result;
    switch (r.calibration) {
      case candor::ChangeCalibration::kNone: out->calibration = CANDOR_CHANGE_CALIBRATION_NONE; break;
      case candor::ChangeCalibration::kGaussian:
        out->calibration = CANDOR_CHANGE_CALIBRATION_GAUSSIAN;
        break;
      case candor::ChangeCalibration::kPermutation:
        out->calibration = CANDOR_CHANGE_CALIBRATION_PERMUTATION;
        break;
    }
    out->reserved = 0;
    out->alpha = r.alpha;
    out->critical_value = r.critical_value;
    out->max_z = r.max_z;
    out->p_value = r.p_value;
    out->replicates = r.replicates;
    out->candidates = r.candidates;
    out->design_effect = r.design_effect;
    out->value_sd = r.value_sd;
    return candor::OkStatus();
  });
}

}  // extern "C"
