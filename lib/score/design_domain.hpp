// Domain (subgroup) means under a SurveyDesign and their influence values,
// shared by EstimateDesign, CompareGroups and the design Breakdown.
#ifndef CANDOR_SCORE_DESIGN_DOMAIN_HPP_
#define CANDOR_SCORE_DESIGN_DOMAIN_HPP_

#include <candor/design.hpp>
#include <candor/score.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "score/design_variance.hpp"
#include "score/jeffreys.hpp"

namespace candor::internal {

// The responses of one request: metric values s_i and the design's weights.
struct DesignResponses {
  std::vector<double> values;       // s_i = metric.ValueOf(score_i)
  const double* weights = nullptr;  // null: all 1
  double WeightOf(size_t i) const { return weights == nullptr ? 1.0 : weights[i]; }
};

// A domain's Hajek mean m = sum w s / sum w over its members, with what
// EstimateFromDesignVariance needs (score/jeffreys.hpp).
struct DomainMean : DesignMoments {
  bool estimable() const { return n > 0 && weight_sum > 0; }
};

// Validates metric, options (Wald or Jeffreys), scores and weights, and returns the
// metric values. Callers use it only for designs with clusters or calibration.
Result<DesignResponses> PrepareDesignResponses(const Metric& metric, const double* scores, size_t n,
                                               const SurveyDesign& design,
                                               const IntervalOptions& options);

// True when the design needs more than EstimateScores' weighted variance.
bool NeedsDesignVariance(const SurveyDesign& design);

// Mean of the responses with in_domain[i] == domain.
DomainMean SummarizeDomain(const DesignResponses& responses, const std::vector<int32_t>& in_domain,
                           int32_t domain);

// e_i += sign * w_i (s_i - m) / sum w for members of the domain (design.hpp).
void AddDomainInfluence(const DesignResponses& responses, const std::vector<int32_t>& in_domain,
                        int32_t domain, const DomainMean& mean, double sign,
                        std::vector<double>* influence);

// The domain's estimate on the reported scale with the design's variance; a
// non-estimable domain gives NaNs.
Estimate DomainEstimate(const Metric& metric, const DesignResponses& responses,
                        const std::vector<int32_t>& in_domain, int32_t domain,
                        const DomainMean& mean, const DesignVariance& variance,
                        const IntervalOptions& options);

// a - b for two estimable domains of one design, the variance from the
// difference of their influence values (so shared clusters are covariances).
Comparison DomainContrast(const Metric& metric, const DesignResponses& responses,
                          const std::vector<int32_t>& in_domain, int32_t domain_a, int32_t domain_b,
                          const DomainMean& a, const DomainMean& b, const DesignVariance& variance,
                          const IntervalOptions& options);

}  // namespace candor::internal

#endif  // CANDOR_SCORE_DESIGN_DOMAIN_HPP_
