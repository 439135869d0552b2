// Validation of scores against a binary outcome: AUC, paired comparison,
// calibration, lift. Plain arrays in, frozen result structs out.
#include <candor/validate.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "shim.hpp"

using candor::capi::Fail;
using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_auc(const double* score, const uint8_t* outcome, size_t n, double level,
                         candor_auc_result* out) {
  return Guard([&] {
    candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    auto auc = candor::EstimateAuc(score, outcome, n, level);
    if (!auc.ok()) return Fail(auc.status());
    out->value = auc->value;
    out->std_error = auc->std_error;
    out->ci_low = auc->ci_low;
    out->ci_high = auc->ci_high;
    out->level = auc->level;
    out->n_positive = auc->n_positive;
    out->n_negative = auc->n_negative;
    out->hanley_mcneil_interval = auc->hanley_mcneil_interval ? 1 : 0;
    return CANDOR_OK;
  });
}

candor_status candor_compare_auc(const double* score_a, const double* score_b,
                                 const uint8_t* outcome, size_t n, double level,
                                 candor_auc_comparison* out) {
  return Guard([&] {
    candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    auto c = candor::CompareAuc(score_a, score_b, outcome, n, level);
    if (!c.ok()) return Fail(c.status());
    out->auc_a = c->auc_a;
    out->auc_b = c->auc_b;
    out->difference = c->difference;
    out->std_error = c->std_error;
    out->ci_low = c->ci_low;
    out->ci_high = c->ci_high;
    out->level = c->level;
    out->z = c->z;
    out->p_value = c->p_value;
    out->correlation = c->correlation;
    out->n_positive = c->n_positive;
    out->n_negative = c->n_negative;
    return CANDOR_OK;
  });
}

candor_status candor_calibration(const double* probability, const uint8_t* outcome, size_t n,
                                 size_t groups, double level, candor_calibration_result* out,
                                 candor_calibration_group* group_rows) {
  return Guard([&] {
    candor::Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    candor::CalibrationOptions options;
    options.groups = groups;
    options.level = level;
    auto c = candor::EstimateCalibration(probability, outcome, n, options);
    if (!c.ok()) return Fail(c.status());
    out->n = c->n;
    out->n_positive = c->n_positive;
    out->level = c->level;
    out->brier = c->brier;
    out->mean_probability = c->mean_probability;
    out->observed_rate = c->observed_rate;
    out->intercept = c->intercept;
    out->intercept_std_error = c->intercept_std_error;
    out->intercept_ci_low = c->intercept_ci_low;
    out->intercept_ci_high = c->intercept_ci_high;
    out->slope_fitted = c->slope_fitted ? 1 : 0;
    out->slope = c->slope;
    out->slope_std_error = c->slope_std_error;
    out->slope_ci_low = c->slope_ci_low;
    out->slope_ci_high = c->slope_ci_high;
    out->hosmer_lemeshow = c->hosmer_lemeshow;
    out->hosmer_lemeshow_df = c->hosmer_lemeshow_df;
    out->hosmer_lemeshow_p_value = c->hosmer_lemeshow_p_value;
    out->groups = c->groups.size();
    if (group_rows != nullptr) {
      for (size_t g = 0; g < c->groups.size(); ++g) {
        const candor::CalibrationGroup& from = c->groups[g];
        candor_calibration_group& to = group_rows[g];
        to.probability_low = from.probability_low;
        to.probability_high = from.probability_high;
        to.count = from.count;
        to.positives = from.positives;
        to.expected_positives = from.expected_positives;
        to.mean_probability = from.mean_probability;
        to.observed_rate = from.observed_rate;
      }
    }
    return CANDOR_OK;
  });
}

candor_status candor_lift(const double* score, const uint8_t* outcome, size_t n, size_t groups,
                          candor_lift_row* rows) {
  return Guard([&] {
    candor::Status s = Required(rows, "rows");
    if (!s.ok()) return Fail(s);
    auto table = candor::LiftTable(score, outcome, n, groups);
    if (!table.ok()) return Fail(table.status());
    for (size_t g = 0; g < table->size(); ++g) {
      const candor::LiftRow& from = (*table)[g];
      candor_lift_row& to = rows[g];
      to.group = from.group;
      to.count = from.count;
      to.positives = from.positives;
      to.rate = from.rate;
      to.lift = from.lift;
      to.cumulative_count = from.cumulative_count;
      to.cumulative_positives = from.cumulative_positives;
      to.gain = from.gain;
      to.cumulative_lift = from.cumulative_lift;
      to.score_min = from.score_min;
      to.score_max = from.score_max;
    }
    return CANDOR_OK;
  });
}

}  // extern "C"
