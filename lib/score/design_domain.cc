// Domain means and influence values under a SurveyDesign (see
// include/candor/design.hpp and score.hpp): e_i = w_i (s_i - m) / sum w within
// the domain and 0 outside, as svymean on a domain of a survey.design2.
#include "design_domain.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "common/normal.hpp"
#include "score/estimate_internal.hpp"
#include "score/tally.hpp"

namespace candor::internal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

bool NeedsDesignVariance(const SurveyDesign& design) {
  return design.clusters != nullptr ||
         (design.calibration != nullptr && !design.calibration->empty());
}

Result<DesignResponses> PrepareDesignResponses(const Metric& metric, const double* scores, size_t n,
                                               const SurveyDesign& design,
                                               const IntervalOptions& options) {
  CANDOR_RETURN_IF_ERROR(ValidateRequest(metric, options));
  if (options.method != IntervalMethod::kWald && options.method != IntervalMethod::kJeffreys) {
    return Unsupported(
        "designs with clusters or calibration support the Wald (linearization) and Jeffreys "
        "(design effective counts) intervals only; adjusted Wald, Bayes and bootstrap assume "
        "independent, uncalibrated responses");
  }
  if (n == 0) return Empty("no responses");
  CANDOR_RETURN_IF_ERROR(
      ValidateResponses(metric.scale_min, metric.scale_max, scores, design.weights, n));
  DesignResponses responses;
  responses.weights = design.weights;
  responses.values.resize(n);
  double weight_total = 0;
  for (size_t i = 0; i < n; ++i) {
    responses.values[i] = metric.ValueOf(static_cast<int>(scores[i]));
    weight_total += responses.WeightOf(i);
  }
  if (!(weight_total > 0)) return Empty("the weights sum to zero");
  return responses;
}

DomainMean SummarizeDomain(const DesignResponses& responses, const std::vector<int32_t>& in_domain,
                           int32_t domain) {
  DomainMean mean;
  double weighted_sum = 0;
  double weighted_squares = 0;
  for (size_t i = 0; i < in_domain.size(); ++i) {
    if (in_domain[i] != domain) continue;
    const double w = responses.WeightOf(i);
    ++mean.n;
    mean.weight_sum += w;
    mean.square_sum += w * w;
    weighted_sum += w * responses.values[i];
    weighted_squares += w * responses.values[i] * responses.values[i];
  }
  mean.mean = mean.weight_sum > 0 ? weighted_sum / mean.weight_sum : kNaN;
  mean.mean_of_squares = mean.weight_sum > 0 ? weighted_squares / mean.weight_sum : kNaN;
  return mean;
}

void AddDomainInfluence(const DesignResponses& responses, const std::vector<int32_t>& in_domain,
                        int32_t domain, const DomainMean& mean, double sign,
                        std::vector<double>* influence) {
  const double factor = sign / mean.weight_sum;
  for (size_t i = 0; i < in_domain.size(); ++i) {
    if (in_domain[i] != domain) continue;
    (*influence)[i] += factor * responses.WeightOf(i) * (responses.values[i] - mean.mean);
  }
}

Estimate DomainEstimate(const Metric& metric, const DesignResponses& responses,
                        const std::vector<int32_t>& in_domain, int32_t domain,
                        const DomainMean& mean, const DesignVariance& variance,
                        const IntervalOptions& options) {
  if (!mean.estimable()) {
    Estimate estimate;
    estimate.level = options.level;
    estimate.n = mean.n;
    estimate.value = estimate.std_error = estimate.ci_low = estimate.ci_high = kNaN;
    estimate.effective_n = kNaN;
    return estimate;
  }
  std::vector<double> influence(in_domain.size(), 0.0);
  AddDomainInfluence(responses, in_domain, domain, mean, 1.0, &influence);
  return EstimateFromDesignVariance(metric, mean, variance.Variance(std::move(influence)),
                                    options);
}

Comparison DomainContrast(const Metric& metric, const DesignResponses& responses,
                          const std::vector<int32_t>& in_domain, int32_t domain_a, int32_t domain_b,
                          const DomainMean& a, const DomainMean& b, const DesignVariance& variance,
                          const IntervalOptions& options) {
  Comparison comparison;
  comparison.a = DomainEstimate(metric, responses, in_domain, domain_a, a, variance, options);
  comparison.b = DomainEstimate(metric, responses, in_domain, domain_b, b, variance, options);
  // Linearize a - b: e^a - e^b, then calibrate and cluster as one statistic
  // (svyby(covmat = TRUE) + svycontrast(c(1, -1))).
  std::vector<double> influence(in_domain.size(), 0.0);
  AddDomainInfluence(responses, in_domain, domain_a, a, 1.0, &influence);
  AddDomainInfluence(responses, in_domain, domain_b, b, -1.0, &influence);
  const double scale = metric.Multiplier();
  const double range = metric.HighestValue() - metric.LowestValue();
  const double z = NormalQuantile(0.5 * (1.0 + options.level));
  const double difference = (a.mean - b.mean) * scale;
  const double standard_error = std::sqrt(variance.Variance(std::move(influence))) * scale;
  comparison.difference = difference;
  comparison.std_error = standard_error;
  comparison.ci_low = std::clamp(difference - z * standard_error, -range, range);
  comparison.ci_high = std::clamp(difference + z * standard_error, -range, range);
  if (standard_error > 0) {
    comparison.p_value = TwoSidedPValue(difference / standard_error);
  } else {
    comparison.p_value = difference == 0 ? 1.0 : 0.0;
  }
  return comparison;
}

}  // namespace candor::internal
