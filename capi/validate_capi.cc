// Validation of scores against a binary outcome: AUC, paired comparison,
// calibration, lift. Plain arrays in, frozen result structs out.
#include <candor/validate.hpp>
#include <cstddef>
#include <cstdint>

#include "auc_results.hpp"
#include "shim.hpp"

using candor::capi::ComputeInto;
using candor::capi::Guard;
using candor::capi::Required;
using candor::capi::ToC;

namespace {

void ToC(const candor::Calibration& in, candor_calibration_result* out) {
  out->n = in.n;
  out->n_positive = in.n_positive;
  out->level = in.level;
  out->brier = in.brier;
  out->mean_probability = in.mean_probability;
  out->observed_rate = in.observed_rate;
  out->intercept = in.intercept;
  out->intercept_std_error = in.intercept_std_error;
  out->intercept_ci_low = in.intercept_ci_low;
  out->intercept_ci_high = in.intercept_ci_high;
  out->slope_fitted = in.slope_fitted ? 1 : 0;
  out->slope = in.slope;
  out->slope_std_error = in.slope_std_error;
  out->slope_ci_low = in.slope_ci_low;
  out->slope_ci_high = in.slope_ci_high;
  out->hosmer_lemeshow = in.hosmer_lemeshow;
  out->hosmer_lemeshow_df = in.hosmer_lemeshow_df;
  out->hosmer_lemeshow_p_value = in.hosmer_lemeshow_p_value;
  out->groups = in.groups.size();
}

void ToC(const candor::CalibrationGroup& in, candor_calibration_group* out) {
  out->probability_low = in.probability_low;
  out->probability_high = in.probability_high;
  out->count = in.count;
  out->positives = in.positives;
  out->expected_positives = in.expected_positives;
  out->mean_probability = in.mean_probability;
  out->observed_rate = in.observed_rate;
}

void ToC(const candor::LiftRow& in, candor_lift_row* out) {
  out->group = in.group;
  out->count = in.count;
  out->positives = in.positives;
  out->rate = in.rate;
  out->lift = in.lift;
  out->cumulative_count = in.cumulative_count;
  out->cumulative_positives = in.cumulative_positives;
  out->gain = in.gain;
  out->cumulative_lift = in.cumulative_lift;
  out->score_min = in.score_min;
  out->score_max = in.score_max;
}

}  // namespace

extern "C" {

candor_status candor_auc(const double* score, const uint8_t* outcome, size_t n, double level,
                         candor_auc_result* out) {
  return ComputeInto(
      out, [&] { return candor::EstimateAuc(score, outcome, n, level); }, ToC);
}

candor_status candor_compare_auc(const double* score_a, const double* score_b,
                                 const uint8_t* outcome, size_t n, double level,
                                 candor_auc_comparison* out) {
  return ComputeInto(
      out, [&] { return candor::CompareAuc(score_a, score_b, outcome, n, level); }, ToC);
}

candor_status candor_calibration(const double* probability, const uint8_t* outcome, size_t n,
                                 size_t groups, double level, candor_calibration_result* out,
                                 candor_calibration_group* group_rows) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    candor::CalibrationOptions options;
    options.groups = groups;
    options.level = level;
    auto c = candor::EstimateCalibration(probability, outcome, n, options);
    if (!c.ok()) return c.status();
    ToC(*c, out);
    if (group_rows != nullptr) {
      for (size_t g = 0; g < c->groups.size(); ++g) ToC(c->groups[g], &group_rows[g]);
    }
    return candor::OkStatus();
  });
}

candor_status candor_lift(const double* score, const uint8_t* outcome, size_t n, size_t groups,
                          candor_lift_row* rows) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(rows, "rows"));
    auto table = candor::LiftTable(score, outcome, n, groups);
    if (!table.ok()) return table.status();
    for (size_t g = 0; g < table->size(); ++g) ToC((*table)[g], &rows[g]);
    return candor::OkStatus();
  });
}

}  // extern "C"
