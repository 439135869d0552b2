// The Jeffreys interval (score/jeffreys.hpp).
#include "score/jeffreys.hpp"

#include <algorithm>
#include <cmath>

#include "common/beta.hpp"
#include "common/normal.hpp"
#include "nps_posterior.hpp"

namespace candor::internal {

JeffreysBounds JeffreysInterval(MetricKind kind, const double* counts, double level,
                                double estimate) {
  const double tail = 0.5 * (1.0 - level);
  JeffreysBounds bounds;
  if (kind == MetricKind::kNps) {
    const double det = counts[0] + kJeffreysPrior;
    const double pas = counts[1] + kJeffreysPrior;
    const double pro = counts[2] + kJeffreysPrior;
    bounds.low = NpsPosteriorQuantile(tail, det, pas, pro);
    bounds.high = NpsPosteriorQuantile(1.0 - tail, det, pas, pro);
  } else {
    const double in = counts[1] + kJeffreysPrior;
    const double out = counts[0] + kJeffreysPrior;
    bounds.low = BetaQuantile(in, out, tail);
    bounds.high = BetaQuantile(in, out, 1.0 - tail);
  }
  bounds.low = std::min(bounds.low, estimate);
  bounds.high = std::max(bounds.high, estimate);
  return bounds;
}

Estimate EstimateFromDesignVariance(const Metric& metric, const DesignMoments& moments,
                                    double variance, const IntervalOptions& options) {
  Estimate estimate;
  estimate.level = options.level;
  estimate.n = moments.n;
  const double scale = metric.Multiplier();
  const double standard_error = std::sqrt(variance);
  // Kish effective sample size (sum w)^2 / sum w^2.
  estimate.effective_n = moments.weight_sum * moments.weight_sum / moments.square_sum;
  estimate.value = moments.mean * scale;
  estimate.std_error = standard_error * scale;
  double low;
  double high;
  if (options.method == IntervalMethod::kJeffreys && metric.kind != MetricKind::kMean) {
    const double n = static_cast<double>(moments.n);
    const double one_response = moments.mean_of_squares - moments.mean * moments.mean;
    double effective_n = std::min(estimate.effective_n, n);
    if (variance > 0 && one_response > 0) effective_n = std::min(one_response / variance, n);
    double counts[3];
    if (metric.kind == MetricKind::kNps) {
      // s in {-1, 0, 1}: mean = p - d, mean of squares = p + d.
      const double promoters = std::clamp(0.5 * (moments.mean_of_squares + moments.mean), 0.0, 1.0);
      const double detractors =
          std::clamp(0.5 * (moments.mean_of_squares - moments.mean), 0.0, 1.0);
      counts[0] = detractors * effective_n;
      counts[1] = std::max(0.0, 1.0 - promoters - detractors) * effective_n;
      counts[2] = promoters * effective_n;
    } else {
      const double share = std::clamp(moments.mean, 0.0, 1.0);
      counts[0] = (1.0 - share) * effective_n;
      counts[1] = share * effective_n;
    }
    const JeffreysBounds bounds = JeffreysInterval(metric.kind, counts, options.level, moments.mean);
    low = bounds.low;
    high = bounds.high;
  } else {
    const double z = NormalQuantile(0.5 * (1.0 + options.level));
    low = moments.mean - z * standard_error;
    high = moments.mean + z * standard_error;
  }
  estimate.ci_low = std::clamp(low * scale, metric.LowestValue(), metric.HighestValue());
  estimate.ci_high = std::clamp(high * scale, metric.LowestValue(), metric.HighestValue());
  return estimate;
}

}  // namespace candor::internal
