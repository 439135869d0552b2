// Design-based estimates: weights, account clusters and calibrations.
#include <cstddef>
#include <string>
#include <vector>

#include "breakdown_handle.hpp"
#include "design_from_c.hpp"
#include "options.hpp"
#include "shim.hpp"
#include "weights_handle.hpp"

using candor::capi::Fail;
using candor::capi::Required;
using candor::capi::ScoreCall;

using candor::capi::FromDesign;

namespace candor::capi {

candor::Status FromDesign(const candor_design* design, size_t n, candor::SurveyDesign* out,
                          std::vector<candor::CalibrationStep>* steps) {
  CANDOR_RETURN_IF_ERROR(Required(design, "design"));
  candor_design d;
  candor_design_init(&d);
  CANDOR_RETURN_IF_ERROR(candor::capi::ReadSized(
      design, offsetof(candor_design, clusters) + sizeof(design->clusters), &d));
  out->weights = d.weights;
  out->clusters = d.clusters;
  if (d.calibration != nullptr) {
    if (d.weights != nullptr) {
      return candor::InvalidArgument(
          "design: give weights or a calibration, not both (a calibration carries its weights)");
    }
    if (d.calibration->values.size() != n) {
      return candor::LengthMismatch("design: the calibration has " +
                                    std::to_string(d.calibration->values.size()) + " weights for " +
                                    std::to_string(n) + " scores");
    }
    out->weights = d.calibration->values.data();
    if (d.calibration->calibration.has_value()) {
      steps->push_back(*d.calibration->calibration);
      out->calibration = steps;
    }
  }
  return candor::OkStatus();
}

}  // namespace candor::capi

extern "C" {

candor_status candor_design_defaults(candor_design* design, size_t size) {
  return candor::capi::WriteDefaults(candor::capi::ZeroedOptions<candor_design>(), size, design);
}

candor_status candor_score_design(const candor_score_options* options, const double* scores,
                                  size_t n, const candor_design* design, candor_estimate* out) {
  return ScoreCall(options, out, [&](const candor::Metric& m, const candor::IntervalOptions& o) {
    candor::SurveyDesign survey;
    std::vector<candor::CalibrationStep> steps;
    candor::Status s = FromDesign(design, n, &survey, &steps);
    if (!s.ok()) return candor::Result<candor::Estimate>(s);
    return candor::EstimateDesign(m, scores, n, survey, o);
  });
}

candor_status candor_compare_groups(const candor_score_options* options, const double* scores,
                                    size_t n, const candor_design* design, const int8_t* group,
                                    candor_comparison* out) {
  return ScoreCall(options, out, [&](const candor::Metric& m, const candor::IntervalOptions& o) {
    candor::SurveyDesign survey;
    std::vector<candor::CalibrationStep> steps;
    candor::Status s = n > 0 ? Required(group, "group") : candor::OkStatus();
    if (s.ok()) s = FromDesign(design, n, &survey, &steps);
    if (!s.ok()) return candor::Result<candor::Comparison>(s);
    return candor::CompareGroups(m, scores, n, survey, group, o);
  });
}

candor_status candor_breakdown_design(const candor_score_options* options, const double* scores,
                                      size_t n, const candor_design* design,
                                      const int32_t* const* segments, size_t n_segment_columns,
                                      candor_breakdown** out) {
  return candor::capi::MakeBreakdown(
      options, segments, n_segment_columns, n, out, [&](const candor::capi::BreakdownArgs& a) {
        candor::SurveyDesign survey;
        std::vector<candor::CalibrationStep> steps;
        candor::Status s = FromDesign(design, n, &survey, &steps);
        if (!s.ok()) return candor::Result<std::vector<candor::BreakdownRow>>(s);
        return candor::Breakdown(a.metric, scores, n, survey, a.columns, a.interval, a.adjust);
      });
}

}  // extern "C"
