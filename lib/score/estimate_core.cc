// The estimation core: point estimate, standard error and interval from a
// tally, for every interval method (formulas in include/candor/score.hpp).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "bootstrap.hpp"
#include "common/beta.hpp"
#include "common/normal.hpp"
#include "nps_posterior.hpp"
#include "score/jeffreys.hpp"
#include "score/estimate_internal.hpp"

namespace candor::internal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The distinct values a metric takes: NPS {-1, 0, +1}, box {0, 1}, mean: one
// per score point. Sums are pooled over the points of each category.
struct Categories {
  std::vector<double> values;
  std::vector<int64_t> counts;
  std::vector<double> weight_sums;
  std::vector<double> weight_square_sums;
};

Categories Categorize(const Metric& metric, const Tally& tally) {
  Categories categories;
  const size_t points = tally.counts.size();
  std::vector<size_t> category_of(points);
  if (metric.kind == MetricKind::kMean) {
    for (size_t j = 0; j < points; ++j) {
      categories.values.push_back(metric.ValueOf(tally.scale_min + static_cast<int>(j)));
      category_of[j] = j;
    }
  } else {
    categories.values = metric.kind == MetricKind::kNps ? std::vector<double>{-1.0, 0.0, 1.0}
                                                        : std::vector<double>{0.0, 1.0};
    for (size_t j = 0; j < points; ++j) {
      const double value = metric.ValueOf(tally.scale_min + static_cast<int>(j));
      category_of[j] = metric.kind == MetricKind::kNps ? static_cast<size_t>(value + 1.0)
                                                       : static_cast<size_t>(value);
    }
  }
  const size_t size = categories.values.size();
  categories.counts.assign(size, 0);
  categories.weight_sums.assign(size, 0.0);
  categories.weight_square_sums.assign(size, 0.0);
  for (size_t j = 0; j < points; ++j) {
    categories.counts[category_of[j]] += tally.counts[j];
    categories.weight_sums[category_of[j]] += tally.weight_sums[j];
    categories.weight_square_sums[category_of[j]] += tally.weight_square_sums[j];
  }
  return categories;
}

// Mean and plug-in variance of one response for (pseudo-)counts x_c:
// m = sum x v / sum x, sigma^2 = sum x v^2 / sum x - m^2.
struct PlugIn {
  double total;
  double mean;
  double variance;
};

PlugIn PlugInMoments(const std::vector<double>& values, const std::vector<double>& counts) {
  double n = 0;
  double sum = 0;
  double sum_squares = 0;
  for (size_t c = 0; c < values.size(); ++c) {
    n += counts[c];
    sum += counts[c] * values[c];
    sum_squares += counts[c] * values[c] * values[c];
  }
  const double mean = sum / n;
  return {n, mean, std::max(0.0, sum_squares / n - mean * mean)};
}

double SampleStandardDeviation(const std::vector<double>& values) {
  if (values.size() < 2) return 0.0;
  double mean = 0;
  for (double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  double squares = 0;
  for (double v : values) squares += (v - mean) * (v - mean);
  return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

}  // namespace

namespace {

Status NotReportable(const char* what, double value, double std_error, double low, double high) {
  char numbers[160];
  std::snprintf(numbers, sizeof(numbers), "%s %.17g, standard error %.17g, interval [%.17g, %.17g]",
                what, value, std_error, low, high);
  return Status(CANDOR_INTERNAL,
                std::string("internal error: the result is not finite or its interval is "
                            "inverted (") +
                    numbers + "); please report the input");
}

bool Reportable(double value, double std_error, double low, double high) {
  return std::isfinite(value) && std::isfinite(std_error) && std::isfinite(low) &&
         std::isfinite(high) && low <= high;
}

}  // namespace

Status CheckReportable(const Estimate& e) {
  if (Reportable(e.value, e.std_error, e.ci_low, e.ci_high) && !std::isnan(e.effective_n)) {
    return OkStatus();
  }
  return NotReportable("estimate", e.value, e.std_error, e.ci_low, e.ci_high);
}

Status CheckReportable(const Comparison& c) {
  if (!Reportable(c.difference, c.std_error, c.ci_low, c.ci_high) || std::isnan(c.p_value)) {
    return NotReportable("difference", c.difference, c.std_error, c.ci_low, c.ci_high);
  }
  // The groups' own estimates are returned with the difference.
  CANDOR_RETURN_IF_ERROR(CheckReportable(c.a));
  return CheckReportable(c.b);
}

double SortedQuantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return kNaN;
  const double position = q * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

Status ValidateRequest(const Metric& metric, const IntervalOptions& options) {
  CANDOR_RETURN_IF_ERROR(metric.Validate());
  CANDOR_RETURN_IF_ERROR(options.Validate());
  if (metric.kind == MetricKind::kMean && options.method == IntervalMethod::kAdjustedWald) {
    return Unsupported(
        "the adjusted Wald interval is defined for NPS and box metrics, "
        "not for means; use Wald, Bayes or bootstrap");
  }
  return OkStatus();
}

Result<GroupEstimate> EstimateGroup(const Metric& metric, const Tally& tally,
                                    const ResponsesView* responses, const IntervalOptions& options,
                                    uint64_t stream, ProgressTicker* ticker) {
  CANDOR_RETURN_IF_ERROR(CheckEstimable(tally));
  const Categories categories = Categorize(metric, tally);
  const int64_t n = tally.Total();
  const double weight_total = tally.WeightTotal();
  double square_total = 0;
  double weighted_sum = 0;
  for (size_t c = 0; c < categories.values.size(); ++c) {
    square_total += categories.weight_square_sums[c];
    weighted_sum += categories.weight_sums[c] * categories.values[c];
  }
  const double mean = weighted_sum / weight_total;
  // Kish effective sample size (sum w)^2 / sum w^2, at most n (Cauchy-Schwarz):
  // the bound holds for any real weights and keeps sums that no weights
  // could give (a tampered accumulator) from inflating the counts below.
  const double effective_n =
      tally.weighted ? std::min(weight_total * weight_total / square_total, static_cast<double>(n))
                     : static_cast<double>(n);
  // Counts for the count-based methods: Kish effective counts if weighted.
  std::vector<double> effective_counts(categories.values.size());
  for (size_t c = 0; c < effective_counts.size(); ++c) {
    effective_counts[c] = tally.weighted ? categories.weight_sums[c] / weight_total * effective_n
                                         : static_cast<double>(categories.counts[c]);
  }

  const double scale = metric.Multiplier();
  const double z = NormalQuantile(0.5 * (1.0 + options.level));
  GroupEstimate group;
  Estimate& estimate = group.estimate;
  estimate.level = options.level;
  estimate.n = n;
  estimate.effective_n = effective_n;
  estimate.value = mean * scale;
  double centre = mean;
  double standard_error = 0;
  double low = kNaN;
  double high = kNaN;

  // Jeffreys: Wald's estimate and standard error, the Jeffreys interval
  // (below the switch) for NPS and boxes; a mean keeps Wald's interval.
  const bool jeffreys = options.method == IntervalMethod::kJeffreys;
  switch (jeffreys ? IntervalMethod::kWald : options.method) {
    case IntervalMethod::kJeffreys:
    case IntervalMethod::kWald: {
      double variance;
      if (!tally.weighted) {
        // Plug-in variance of one response over n (R package NPS, nps_var).
        variance =
            PlugInMoments(categories.values, effective_counts).variance / static_cast<double>(n);
      } else {
        // Linearization of the Hajek mean, survey::svymean with ids = ~1:
        // e_i = w_i (s_i - m) / sum w; var = n / (n - 1) * sum e_i^2.
        if (n < 2) {
          return Empty(
              "the weighted (linearization) variance needs at least 2 responses; "
              "got 1 (its n / (n - 1) factor is undefined)");
        }
        double sum_e2 = 0;
        for (size_t c = 0; c < categories.values.size(); ++c) {
          const double residual = categories.values[c] - mean;
          sum_e2 += categories.weight_square_sums[c] * residual * residual;
        }
        sum_e2 /= weight_total * weight_total;
        variance = static_cast<double>(n) / static_cast<double>(n - 1) * sum_e2;
      }
      standard_error = std::sqrt(variance);
      low = mean - z * standard_error;
      high = mean + z * standard_error;
      break;
    }
    case IntervalMethod::kAdjustedWald: {
      // Rocks (2016); Agresti and Caffo (2000) for boxes.
      const std::vector<double> pseudo = metric.kind == MetricKind::kNps
                                             ? std::vector<double>{0.75, 1.5, 0.75}
                                             : std::vector<double>{1.0, 1.0};
      std::vector<double> adjusted = effective_counts;
      for (size_t c = 0; c < adjusted.size(); ++c) adjusted[c] += pseudo[c];
      const PlugIn moments = PlugInMoments(categories.values, adjusted);
      const double adjusted_mean = moments.mean;
      standard_error = std::sqrt(moments.variance / moments.total);
      centre = adjusted_mean;
      // The reported value is the centre of the interval: the adjusted estimate.
      estimate.value = adjusted_mean * scale;
      low = adjusted_mean - z * standard_error;
      high = adjusted_mean + z * standard_error;
      break;
    }
    case IntervalMethod::kBayes: {
      // Dirichlet(prior + counts): mean sum v a / a0, variance
      // (sum v^2 a / a0 - mean^2) / (a0 + 1).
      std::vector<double> alpha = effective_counts;
      for (double& a : alpha) a += options.prior;
      const PlugIn moments = PlugInMoments(categories.values, alpha);
      const double posterior_mean = moments.mean;
      standard_error = std::sqrt(moments.variance / (moments.total + 1.0));
      centre = posterior_mean;
      const double tail = 0.5 * (1.0 - options.level);
      if (metric.kind == MetricKind::kNps) {
        low = NpsPosteriorQuantile(tail, alpha[0], alpha[1], alpha[2]);
        high = NpsPosteriorQuantile(1.0 - tail, alpha[0], alpha[1], alpha[2]);
      } else if (metric.kind == MetricKind::kMean) {
        low = posterior_mean - z * standard_error;
        high = posterior_mean + z * standard_error;
      } else {
        // theta_in ~ Beta(alpha_in, alpha_out).
        low = BetaQuantile(alpha[1], alpha[0], tail);
        high = BetaQuantile(alpha[1], alpha[0], 1.0 - tail);
      }
      break;
    }
    case IntervalMethod::kBootstrap: {
      if (tally.weighted) {
        if (responses == nullptr || responses->scores == nullptr) {
          return Unsupported(
              "the weighted bootstrap resamples responses and needs them; "
              "per-point sums (accumulators, breakdowns) are not enough");
        }
        std::vector<double> point_values(tally.counts.size());
        for (size_t j = 0; j < point_values.size(); ++j) {
          point_values[j] = metric.ValueOf(tally.scale_min + static_cast<int>(j));
        }
        group.replicates = BootstrapResponses(point_values, tally.scale_min, responses->scores,
                                              responses->weights, responses->n, options.replicates,
                                              options.seed, stream, options.threads, ticker);
        if (ticker != nullptr && !ticker->Running()) return ticker->CancelledStatus();
      } else {
        group.replicates = BootstrapCounts(categories.values, categories.counts, options.replicates,
                                           options.seed, stream, options.threads);
        if (ticker != nullptr && !ticker->Add(options.replicates)) {
          return ticker->CancelledStatus();
        }
      }
      for (double& r : group.replicates) r *= scale;
      std::vector<double> sorted = group.replicates;
      std::sort(sorted.begin(), sorted.end());
      const double tail = 0.5 * (1.0 - options.level);
      standard_error = SampleStandardDeviation(sorted) / scale;
      low = SortedQuantile(sorted, tail) / scale;
      high = SortedQuantile(sorted, 1.0 - tail) / scale;
      break;
    }
  }
  if (jeffreys && metric.kind != MetricKind::kMean) {
    const JeffreysBounds bounds =
        JeffreysInterval(metric.kind, effective_counts.data(), options.level, mean);
    low = bounds.low;
    high = bounds.high;
  }
  group.centre = centre * scale;
  estimate.std_error = standard_error * scale;
  estimate.ci_low = std::clamp(low * scale, metric.LowestValue(), metric.HighestValue());
  estimate.ci_high = std::clamp(high * scale, metric.LowestValue(), metric.HighestValue());
  CANDOR_RETURN_IF_ERROR(CheckReportable(estimate));
  return group;
}

Comparison CompareIndependentGroups(const Metric& metric, const GroupEstimate& a,
                                    const GroupEstimate& b, const IntervalOptions& options) {
  Comparison comparison;
  comparison.a = a.estimate;
  comparison.b = b.estimate;
  const double range = metric.HighestValue() - metric.LowestValue();
  const double z = NormalQuantile(0.5 * (1.0 + options.level));
  if (options.method == IntervalMethod::kBootstrap) {
    std::vector<double> differences(a.replicates.size());
    size_t at_most_zero = 0;
    size_t at_least_zero = 0;
    for (size_t r = 0; r < differences.size(); ++r) {
      differences[r] = a.replicates[r] - b.replicates[r];
      at_most_zero += differences[r] <= 0;
      at_least_zero += differences[r] >= 0;
    }
    std::sort(differences.begin(), differences.end());
    const double tail = 0.5 * (1.0 - options.level);
    const double count = static_cast<double>(differences.size());
    comparison.difference = a.estimate.value - b.estimate.value;
    comparison.std_error = SampleStandardDeviation(differences);
    comparison.ci_low = SortedQuantile(differences, tail);
    comparison.ci_high = SortedQuantile(differences, 1.0 - tail);
    comparison.p_value = std::min(1.0, 2.0 * std::min(at_most_zero / count, at_least_zero / count));
  } else {
    // Wald-type: normal around the difference of the centres (the estimates,
    // adjusted estimates or posterior means), variance var_a + var_b.
    const double centre = a.centre - b.centre;
    const double standard_error = std::sqrt(a.estimate.std_error * a.estimate.std_error +
                                            b.estimate.std_error * b.estimate.std_error);
    comparison.difference =
        options.method == IntervalMethod::kBayes ? a.estimate.value - b.estimate.value : centre;
    comparison.std_error = standard_error;
    comparison.ci_low = centre - z * standard_error;
    comparison.ci_high = centre + z * standard_error;
    if (standard_error > 0) {
      comparison.p_value = TwoSidedPValue(centre / standard_error);
    } else {
      // No sampling variability in either group (e.g. all promoters):
      // a difference is then certain, no difference certainly none.
      comparison.p_value = centre == 0 ? 1.0 : 0.0;
    }
  }
  comparison.ci_low = std::clamp(comparison.ci_low, -range, range);
  comparison.ci_high = std::clamp(comparison.ci_high, -range, range);
  return comparison;
}

}  // namespace candor::internal
