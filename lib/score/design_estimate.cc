// EstimateDesign and CompareGroups: estimates under a SurveyDesign.
#include <candor/design.hpp>
#include <candor/score.hpp>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "design_clustered_mean.hpp"
#include "design_domain.hpp"
#include "score/design_variance.hpp"
#include "score/estimate_internal.hpp"
#include "score/tally.hpp"
#include "weight_scale.hpp"

namespace candor {

Result<Estimate> EstimateDesign(const Metric& metric, const double* scores, size_t n,
                                const SurveyDesign& given_design, const IntervalOptions& options) {
  try {
    // Weights near 1e-300 or 1e300 would under- or overflow their squares.
    const internal::ScaledDesign scaled(given_design, n);
    const SurveyDesign& design = scaled.get();
    if (!internal::NeedsDesignVariance(design)) {
      return EstimateScores(metric, scores, design.weights, n, options);
    }
    // Clusters without calibration: one fused pass (falls through on any
    // invalid input, so the messages below stay the only ones).
    if (std::optional<Estimate> fused =
            internal::TryClusteredMean(metric, scores, n, design, options)) {
      CANDOR_RETURN_IF_ERROR(internal::CheckReportable(*fused));
      return *fused;
    }
    Result<internal::DesignResponses> responses =
        internal::PrepareDesignResponses(metric, scores, n, design, options);
    if (!responses.ok()) return responses.status();
    Result<internal::DesignVariance> variance = internal::DesignVariance::Create(design, n);
    if (!variance.ok()) return variance.status();
    const std::vector<int32_t> everyone(n, 0);
    const internal::DomainMean mean = internal::SummarizeDomain(*responses, everyone, 0);
    const Estimate estimate =
        internal::DomainEstimate(metric, *responses, everyone, 0, mean, *variance, options);
    CANDOR_RETURN_IF_ERROR(internal::CheckReportable(estimate));
    return estimate;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory estimating under a survey design");
  }
}

Result<Comparison> CompareGroups(const Metric& metric, const double* scores, size_t n,
                                 const SurveyDesign& given_design, const int8_t* group,
                                 const IntervalOptions& options) {
  try {
    // Weights near 1e-300 or 1e300 would under- or overflow their squares.
    const internal::ScaledDesign scaled(given_design, n);
    const SurveyDesign& design = scaled.get();
    if (group == nullptr && n > 0) return InvalidArgument("the group column is null");
    if (!internal::NeedsDesignVariance(design)) {
      // Independent groups: split and compare as Compare does (validated
      // here first so that messages name indices of the whole column).
      CANDOR_RETURN_IF_ERROR(internal::ValidateRequest(metric, options));
      CANDOR_RETURN_IF_ERROR(internal::ValidateResponses(metric.scale_min, metric.scale_max, scores,
                                                         design.weights, n));
      std::vector<double> scores_of[2], weights_of[2];
      for (size_t i = 0; i < n; ++i) {
        if (group[i] != 0 && group[i] != 1) continue;
        scores_of[group[i]].push_back(scores[i]);
        if (design.weights != nullptr) weights_of[group[i]].push_back(design.weights[i]);
      }
      const bool weighted = design.weights != nullptr;
      return Compare(metric, scores_of[0].data(), weighted ? weights_of[0].data() : nullptr,
                     scores_of[0].size(), scores_of[1].data(),
                     weighted ? weights_of[1].data() : nullptr, scores_of[1].size(), options);
    }
    Result<internal::DesignResponses> responses =
        internal::PrepareDesignResponses(metric, scores, n, design, options);
    if (!responses.ok()) return responses.status();
    Result<internal::DesignVariance> variance = internal::DesignVariance::Create(design, n);
    if (!variance.ok()) return variance.status();
    std::vector<int32_t> in_group(n);
    for (size_t i = 0; i < n; ++i) in_group[i] = group[i] == 0 || group[i] == 1 ? group[i] : -1;
    const internal::DomainMean a = internal::SummarizeDomain(*responses, in_group, 0);
    const internal::DomainMean b = internal::SummarizeDomain(*responses, in_group, 1);
    const char* names[2] = {"a (group 0)", "b (group 1)"};
    const internal::DomainMean* means[2] = {&a, &b};
    for (int g = 0; g < 2; ++g) {
      if (means[g]->n == 0) return Empty(std::string("group ") + names[g] + " has no responses");
      if (!means[g]->estimable()) {
        return Empty(std::string("group ") + names[g] + " has zero total weight");
      }
    }
    const Comparison comparison =
        internal::DomainContrast(metric, *responses, in_group, 0, 1, a, b, *variance, options);
    CANDOR_RETURN_IF_ERROR(internal::CheckReportable(comparison));
    return comparison;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory comparing groups under a survey design");
  }
}

}  // namespace candor
