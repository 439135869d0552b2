// Recency-bias adjustment by regression standardization: weighted least
// squares of the metric value on a fading event indicator, then the model's
// mean under a reference event mix, with a sandwich (cluster-robust or HC1)
// covariance and the delta method for its standard error.
#include <absl/container/flat_hash_map.h>

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <candor/weight.hpp>
#include <cmath>
#include <new>
#include <string>

#include "common/normal.hpp"
#include "score/tally.hpp"

namespace candor {
namespace {

struct RecencyInput {
  const double* values;
  const double* weights;
  const int32_t* event_kind;
  const double* days;
  size_t n;
  int kinds;
  double decay_days;
  const std::vector<double>* reference_share;
  const int32_t* clusters;
  double level;

  double Weight(size_t i) const { return weights == nullptr ? 1.0 : weights[i]; }
  // The fading regressor exp(-days / decay) of row i (0 without an event).
  double Fade(size_t i) const { return event_kind[i] < 0 ? 0.0 : std::exp(-days[i] / decay_days); }
};

Status ValidateParameters(const RecencyInput& in) {
  if (in.n == 0) return Empty("no responses");
  if (in.values == nullptr || in.event_kind == nullptr || in.days == nullptr) {
    return InvalidArgument("values, event_kind and days_since_event must not be null");
  }
  if (in.kinds < 1) return InvalidArgument("kinds must be >= 1, got " + std::to_string(in.kinds));
  if (!(in.decay_days > 0 && std::isfinite(in.decay_days))) {
    return InvalidArgument("decay_days must be finite and > 0, got " +
                           std::to_string(in.decay_days));
  }
  if (in.reference_share->size() != static_cast<size_t>(in.kinds)) {
    return LengthMismatch("reference_share has " + std::to_string(in.reference_share->size()) +
                          " entries but there are " + std::to_string(in.kinds) + " event kinds");
  }
  for (size_t k = 0; k < in.reference_share->size(); ++k) {
    const double share = (*in.reference_share)[k];
    if (!(share >= 0 && share <= 1)) {
      return InvalidArgument("reference_share[" + std::to_string(k) + "] is " +
                             std::to_string(share) + "; it must be in [0, 1]");
    }
  }
  if (!(in.level > 0 && in.level < 1)) {
    return InvalidArgument("level must be in (0, 1), got " + std::to_string(in.level));
  }
  return OkStatus();
}

Status ValidateRows(const RecencyInput& in) {
  std::vector<size_t> events(static_cast<size_t>(in.kinds), 0);
  double weight_total = 0;
  for (size_t i = 0; i < in.n; ++i) {
    const std::string row = " at row " + std::to_string(i);
    if (!std::isfinite(in.values[i])) return OutOfRange("value is not finite" + row);
    const double w = in.Weight(i);
    if (!(w >= 0 && std::isfinite(w))) {
      return OutOfRange("weight " + std::to_string(w) + row + " is negative or not finite");
    }
    weight_total += w;
    const int32_t kind = in.event_kind[i];
    if (kind < -1 || kind >= in.kinds) {
      return OutOfRange("event_kind " + std::to_string(kind) + row + " is outside [-1, " +
                        std::to_string(in.kinds) + ")");
    }
    if (kind < 0) continue;
    if (!(in.days[i] >= 0 && std::isfinite(in.days[i]))) {
      return OutOfRange("days_since_event " + std::to_string(in.days[i]) + row +
                        " must be finite and >= 0");
    }
    if (w > 0) ++events[static_cast<size_t>(kind)];
  }
  for (size_t k = 0; k < events.size(); ++k) {
    if (events[k] == 0) {
      return InvalidArgument("event kind " + std::to_string(k) +
                             " has no responses with positive weight, so its effect is not "
                             "identifiable; drop the kind or merge it with another");
    }
  }
  if (!(weight_total > 0)) return InvalidArgument("the weights sum to 0");
  const size_t parameters = static_cast<size_t>(in.kinds) + 1;
  if (in.n <= parameters) {
    return InvalidArgument("need more responses (" + std::to_string(in.n) + ") than parameters (" +
                           std::to_string(parameters) + ")");
  }
  return OkStatus();
}

// Adds the score s_i = w_i e_i x_i of row i to `out` (x_i has an intercept and
// at most one event column).
void AddScore(const RecencyInput& in, size_t i, const Eigen::VectorXd& b,
              Eigen::Ref<Eigen::VectorXd> out) {
  const int32_t kind = in.event_kind[i];
  const double fade = in.Fade(i);
  const double fitted = b[0] + (kind >= 0 ? b[kind + 1] * fade : 0.0);
  const double score = in.Weight(i) * (in.values[i] - fitted);
  out[0] += score;
  if (kind >= 0) out[kind + 1] += score * fade;
}

// The meat of the sandwich with its small-sample factor, as statsmodels:
// clusters: G / (G - 1) * (N - 1) / (N - K) * sum_g S_g S_g' (cov_type
// "cluster"); otherwise N / (N - K) * sum_i s_i s_i' (cov_type "HC1").
Result<Eigen::MatrixXd> Meat(const RecencyInput& in, const Eigen::VectorXd& b) {
  const Eigen::Index p = b.size();
  const double n = static_cast<double>(in.n), k = static_cast<double>(p);
  Eigen::MatrixXd meat = Eigen::MatrixXd::Zero(p, p);
  if (in.clusters == nullptr) {
    Eigen::VectorXd s(p);
    for (size_t i = 0; i < in.n; ++i) {
      s.setZero();
      AddScore(in, i, b, s);
      meat.selfadjointView<Eigen::Lower>().rankUpdate(s);
    }
    meat = meat.selfadjointView<Eigen::Lower>();
    return Eigen::MatrixXd(meat * (n / (n - k)));
  }
  absl::flat_hash_map<int32_t, Eigen::Index> cluster_index;
  for (size_t i = 0; i < in.n; ++i) {
    cluster_index.try_emplace(in.clusters[i], static_cast<Eigen::Index>(cluster_index.size()));
  }
  const Eigen::Index groups = static_cast<Eigen::Index>(cluster_index.size());
  if (groups < 2) {
    return InvalidArgument("cluster-robust standard errors need at least 2 clusters, got " +
                           std::to_string(groups));
  }
  Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(p, groups);
  for (size_t i = 0; i < in.n; ++i) AddScore(in, i, b, sums.col(cluster_index[in.clusters[i]]));
  meat.selfadjointView<Eigen::Lower>().rankUpdate(sums);
  meat = meat.selfadjointView<Eigen::Lower>();
  const double g = static_cast<double>(groups);
  return Eigen::MatrixXd(meat * (g / (g - 1) * (n - 1) / (n - k)));
}

Result<RecencyEffect> Adjust(const RecencyInput& in) {
  CANDOR_RETURN_IF_ERROR(ValidateParameters(in));
  CANDOR_RETURN_IF_ERROR(ValidateRows(in));
  const Eigen::Index p = in.kinds + 1;
  // X'WX and X'Wy; every row has the intercept and at most one event column.
  Eigen::MatrixXd xtwx = Eigen::MatrixXd::Zero(p, p);
  Eigen::VectorXd xtwy = Eigen::VectorXd::Zero(p);
  double weight_total = 0, weighted_values = 0;
  for (size_t i = 0; i < in.n; ++i) {
    const double w = in.Weight(i), y = in.values[i];
    weight_total += w;
    weighted_values += w * y;
    xtwx(0, 0) += w;
    xtwy[0] += w * y;
    const int32_t kind = in.event_kind[i];
    if (kind < 0) continue;
    const double z = in.Fade(i);
    xtwx(kind + 1, 0) += w * z;
    xtwx(kind + 1, kind + 1) += w * z * z;
    xtwy[kind + 1] += w * z * y;
  }
  const Eigen::LLT<Eigen::MatrixXd, Eigen::Lower> bread(xtwx);
  if (bread.info() != Eigen::Success || !(bread.rcond() > 1e-13)) {
    return InvalidArgument(
        "the event regressors exp(-days / decay_days) are (nearly) collinear with the "
        "intercept, e.g. every response follows an event the same number of days after it, "
        "or the events are so old that the effect has faded to 0; check decay_days");
  }
  const Eigen::VectorXd b = bread.solve(xtwy);
  Result<Eigen::MatrixXd> meat = Meat(in, b);
  if (!meat.ok()) return meat.status();
  const Eigen::MatrixXd inverse = bread.solve(Eigen::MatrixXd::Identity(p, p));
  const Eigen::MatrixXd covariance = inverse * *meat * inverse;

  Eigen::VectorXd contrast(p);
  contrast[0] = 1;
  for (int k = 0; k < in.kinds; ++k) contrast[k + 1] = (*in.reference_share)[k];
  RecencyEffect effect;
  effect.coefficients.assign(b.data(), b.data() + p);
  for (Eigen::Index j = 0; j < p; ++j) {
    effect.std_errors.push_back(std::sqrt(std::max(0.0, covariance(j, j))));
  }
  effect.raw_value = weighted_values / weight_total;
  effect.standardized_value = contrast.dot(b);
  effect.standardized_std_error = std::sqrt(std::max(0.0, contrast.dot(covariance * contrast)));
  const double z = internal::NormalQuantile(0.5 + in.level / 2);
  effect.ci_low = effect.standardized_value - z * effect.standardized_std_error;
  effect.ci_high = effect.standardized_value + z * effect.standardized_std_error;
  return effect;
}

}  // namespace

Result<RecencyEffect> AdjustRecency(const double* values, const double* weights,
                                    const int32_t* event_kind, const double* days_since_event,
                                    size_t n, int kinds, double decay_days,
                                    const std::vector<double>& reference_share,
                                    const int32_t* clusters, double level) {
  try {
    const RecencyInput input{values, weights,    event_kind,       days_since_event, n,
                             kinds,  decay_days, &reference_share, clusters,         level};
    return Adjust(input);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY,
                  "out of memory adjusting " + std::to_string(n) + " responses for recency");
  }
}

Result<RecencyEffect> AdjustRecency(const Metric& metric, const double* scores,
                                    const double* weights, const int32_t* event_kind,
                                    const double* days_since_event, size_t n, int kinds,
                                    double decay_days, const std::vector<double>& reference_share,
                                    const int32_t* clusters, double level) {
  CANDOR_RETURN_IF_ERROR(metric.Validate());
  if (scores == nullptr && n > 0) return InvalidArgument("scores must not be null");
  // The model works on metric values (e.g. +100 / 0 / -100 for NPS), after
  // the same score checks as every estimate (weights are checked by the model).
  CANDOR_RETURN_IF_ERROR(
      internal::ValidateResponses(metric.scale_min, metric.scale_max, scores, nullptr, n));
  try {
    std::vector<double> values(n);
    for (size_t i = 0; i < n; ++i) {
      values[i] = metric.ValueOf(static_cast<int>(scores[i])) * metric.Multiplier();
    }
    return AdjustRecency(values.data(), weights, event_kind, days_since_event, n, kinds, decay_days,
                         reference_share, clusters, level);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY,
                  "out of memory adjusting " + std::to_string(n) + " responses for recency");
  }
}

}  // namespace candor
