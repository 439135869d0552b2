// The linearization variance of a Hajek mean m = sum w s / W under a
// one-stage cluster design (survey::svymean on svydesign(ids = ~cluster,
// weights = ~w), Lumley's svyrecvar/onestrat; see include/candor/design.hpp):
// the influence values w_i (s_i - m) / W summed by cluster give
//   z_c = (sum_c w s - m sum_c w) / W,
// so per-cluster sums of w and w s are all that is needed, and
//   var = C / (C - 1) sum_c (z_c - mean z)^2.
#include "design_clustered_mean.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "design_domain.hpp"
#include "score/estimate_internal.hpp"

namespace candor::internal {
namespace {

struct ClusterSums {
  double weight = 0;
  double weighted_value = 0;
  int64_t rows = 0;  // a cluster with rows but zero weight still counts in C
};

}  // namespace

std::optional<Estimate> TryClusteredMean(const Metric& metric, const double* scores, size_t n,
                                         const SurveyDesign& design,
                                         const IntervalOptions& options) {
  if (design.clusters == nullptr || scores == nullptr || n == 0) return std::nullopt;
  if (design.calibration != nullptr && !design.calibration->empty()) return std::nullopt;
  if ((options.method != IntervalMethod::kWald && options.method != IntervalMethod::kJeffreys) ||
      !ValidateRequest(metric, options).ok()) {
    return std::nullopt;
  }
  // Metric values by scale point (Metric::Validate allows at most 1000 points).
  const int scale_min = metric.scale_min;
  const int scale_max = metric.scale_max;
  std::vector<double> value_of(static_cast<size_t>(scale_max - scale_min) + 1);
  for (int k = scale_min; k <= scale_max; ++k) value_of[k - scale_min] = metric.ValueOf(k);

  // DesignVariance::Create's limit for dense codes; sparser codes go the general way.
  const size_t highest_dense_code = 4 * n + 1024;
  std::vector<ClusterSums> clusters(std::min<size_t>(highest_dense_code + 1, 1024));
  const double* weights = design.weights;
  double weight_total = 0;
  double square_total = 0;
  double weighted_total = 0;
  double weighted_squares = 0;
  for (size_t i = 0; i < n; ++i) {
    const double x = scores[i];
    // Also false for NaN; the cast is defined once x is within the scale.
    if (!(x >= scale_min && x <= scale_max)) return std::nullopt;
    const int score = static_cast<int>(x);
    if (static_cast<double>(score) != x) return std::nullopt;
    double w = 1.0;
    if (weights != nullptr) {
      w = weights[i];
      if (!(w >= 0 && w <= std::numeric_limits<double>::max())) return std::nullopt;
    }
    const int32_t code = design.clusters[i];
    if (code < 0) return std::nullopt;
    const size_t slot = static_cast<size_t>(code);
    if (slot >= clusters.size()) {
      if (slot > highest_dense_code) return std::nullopt;
      clusters.resize(std::min(highest_dense_code + 1, std::max(slot + 1, 2 * clusters.size())));
    }
    const double value = value_of[score - scale_min];
    weight_total += w;
    square_total += w * w;
    weighted_total += w * value;
    weighted_squares += w * value * value;
    ClusterSums& sums = clusters[slot];
    sums.weight += w;
    sums.weighted_value += w * value;
    ++sums.rows;
  }
  if (!(weight_total > 0)) return std::nullopt;

  DomainMean mean;
  mean.n = static_cast<int64_t>(n);
  mean.weight_sum = weight_total;
  mean.square_sum = square_total;
  mean.mean = weighted_total / weight_total;
  mean.mean_of_squares = weighted_squares / weight_total;
  // Cluster totals of the influence values, in code order as the general path.
  size_t cluster_count = 0;
  double z_total = 0;
  for (ClusterSums& sums : clusters) {
    if (sums.rows == 0) continue;
    ++cluster_count;
    sums.weighted_value = (sums.weighted_value - mean.mean * sums.weight) / weight_total;
    z_total += sums.weighted_value;
  }
  if (cluster_count < 2) return std::nullopt;
  const double c = static_cast<double>(cluster_count);
  const double z_mean = z_total / c;
  double squares = 0;
  for (const ClusterSums& sums : clusters) {
    if (sums.rows == 0) continue;
    squares += (sums.weighted_value - z_mean) * (sums.weighted_value - z_mean);
  }
  return EstimateFromDesignVariance(metric, mean, c / (c - 1.0) * squares, options);
}

}  // namespace candor::internal
