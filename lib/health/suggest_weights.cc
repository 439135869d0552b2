// SuggestHealthWeights: an L2 logistic fit of churn on a scorecard's points,
// judged by out-of-fold AUC only (include/candor/health_weights.hpp).
#include <Eigen/Core>
#include <algorithm>
#include <candor/health.hpp>
#include <candor/health_weights.hpp>
#include <candor/validate.hpp>
#include <cmath>
#include <limits>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "common/logistic.hpp"
#include "common/random.hpp"
#include "shares.hpp"

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Status ValidateOptions(const SuggestWeightsOptions& options) {
  if (options.folds < 2) {
    return InvalidArgument("folds: " + std::to_string(options.folds) + " is below 2");
  }
  if (!(options.l2_penalty >= 0 && std::isfinite(options.l2_penalty))) {
    return InvalidArgument("l2_penalty must be finite and >= 0, got " +
                           std::to_string(options.l2_penalty));
  }
  if (!(options.level > 0 && options.level < 1)) {
    return InvalidArgument("level must be in (0, 1), got " + std::to_string(options.level));
  }
  return OkStatus();
}

// W_m = 100 * (g_w / sum g_w) * (m_w / sum of its group's m_w), without profiles.
Result<std::vector<double>> NominalShares(const Scorecard& card) {
  auto weights = health_internal::ResolveWeights(card, nullptr, "");
  if (!weights.ok()) return weights.status();
  const size_t groups = weights->group_weight.size();
  std::vector<double> in_group(groups, 0.0);
  double all_groups = 0;
  for (double w : weights->group_weight) all_groups += w;
  for (size_t m = 0; m < card.measures.size(); ++m) {
    in_group[weights->group_of[m]] += weights->measure_weight[m];
  }
  std::vector<double> shares(card.measures.size(), 0.0);
  for (size_t m = 0; m < shares.size(); ++m) {
    const size_t g = weights->group_of[m];
    if (in_group[g] > 0 && all_groups > 0) {
      shares[m] = 100 * (weights->group_weight[g] / all_groups) *
                  (weights->measure_weight[m] / in_group[g]);
    }
  }
  return shares;
}

// Stratified folds: each class's rows shuffled (Fisher-Yates, seeded), then
// dealt to folds 0, 1, ..., k-1, 0, ... in turn.
std::vector<int32_t> AssignFolds(const std::vector<size_t>& rows, const uint8_t* churned, int folds,
                                 uint64_t seed) {
  std::vector<int32_t> fold(rows.size(), -1);
  internal::RandomStream random(seed);
  for (uint8_t outcome : {uint8_t{0}, uint8_t{1}}) {
    std::vector<size_t> positions;
    for (size_t r = 0; r < rows.size(); ++r) {
      if (churned[rows[r]] == outcome) positions.push_back(r);
    }
    for (size_t i = positions.size(); i > 1; --i) {
      std::swap(positions[i - 1], positions[random.Next() % i]);
    }
    for (size_t i = 0; i < positions.size(); ++i) {
      fold[positions[i]] = static_cast<int32_t>(i % static_cast<size_t>(folds));
    }
  }
  return fold;
}

// The standardization learned from some rows: per measure the mean and sd
// (with n) of the present points; a measure with sd 0 (or no points) is
// left out of the design.
struct Scaling {
  std::vector<double> mean, sd;
  std::vector<size_t> active;  // measures in the design, in order
};

Scaling LearnScaling(const std::vector<double>& points, size_t m, const std::vector<size_t>& rows) {
  Scaling s;
  s.mean.assign(m, kNaN);
  s.sd.assign(m, 0.0);
  for (size_t j = 0; j < m; ++j) {
    double sum = 0;
    size_t count = 0;
    for (size_t i : rows) {
      const double x = points[i * m + j];
      if (!std::isnan(x)) sum += x, ++count;
    }
    if (count == 0) continue;
    const double mean = sum / static_cast<double>(count);
    // Imputed rows sit at the mean: they add nothing to the squares but
    // count in n, as StandardScaler after SimpleImputer.
    double squares = 0;
    for (size_t i : rows) {
      const double x = points[i * m + j];
      if (!std::isnan(x)) squares += (x - mean) * (x - mean);
    }
    s.mean[j] = mean;
    s.sd[j] = std::sqrt(squares / static_cast<double>(rows.size()));
    if (s.sd[j] > 0) s.active.push_back(j);
  }
  return s;
}

// The design [1, z] of `rows` under `scaling`.
Eigen::MatrixXd Design(const std::vector<double>& points, size_t m, const std::vector<size_t>& rows,
                       const Scaling& scaling) {
  Eigen::MatrixXd x(static_cast<Eigen::Index>(rows.size()),
                    static_cast<Eigen::Index>(scaling.active.size() + 1));
  for (size_t r = 0; r < rows.size(); ++r) {
    const Eigen::Index row = static_cast<Eigen::Index>(r);
    x(row, 0) = 1;
    for (size_t a = 0; a < scaling.active.size(); ++a) {
      const size_t j = scaling.active[a];
      const double v = points[rows[r] * m + j];
      x(row, static_cast<Eigen::Index>(a + 1)) =
          std::isnan(v) ? 0.0 : (v - scaling.mean[j]) / scaling.sd[j];
    }
  }
  return x;
}

Result<internal::LogisticFit> Fit(const Eigen::MatrixXd& x, const std::vector<uint8_t>& y,
                                  double l2_penalty, const std::string& which) {
  internal::LogisticOptions logistic;
  logistic.l2_penalty = l2_penalty;
  auto fit = internal::FitLogistic(x, y.data(), logistic);
  if (!fit.ok()) {
    return Status(fit.status().code(), which + ": " + std::string(fit.status().message()));
  }
  return fit;
}

std::vector<uint8_t> Outcomes(const uint8_t* churned, const std::vector<size_t>& rows) {
  std::vector<uint8_t> y(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) y[r] = churned[rows[r]];
  return y;
}

Result<SuggestedWeights> Suggest(const Scorecard& card, const HealthTable& table,
                                 const uint8_t* churned, const SuggestWeightsOptions& options) {
  CANDOR_RETURN_IF_ERROR(ValidateOptions(options));
  const size_t n = table.n;
  if (churned == nullptr && n > 0) return InvalidArgument("churned is NULL");
  for (size_t i = 0; i < n; ++i) {
    if (churned[i] > 1) {
      return InvalidArgument("churned[" + std::to_string(i) + "]: " + std::to_string(churned[i]) +
                             " is not 0 or 1");
    }
  }
  auto scores = ScoreHealth(card, table);
  if (!scores.ok()) return scores.status();
  auto shares = NominalShares(card);
  if (!shares.ok()) return shares.status();
  const size_t m = card.measures.size();

  SuggestedWeights out;
  out.n = n;
  out.measures = m;
  out.current_weight = std::move(shares).value();
  out.score = scores->score;
  out.oof_probability.assign(n, kNaN);
  out.fold.assign(n, -1);

  std::vector<size_t> rows;  // the included accounts
  size_t churners = 0;
  for (size_t i = 0; i < n; ++i) {
    if (std::isnan(scores->score[i])) continue;
    rows.push_back(i);
    churners += churned[i];
  }
  out.excluded = static_cast<int64_t>(n - rows.size());
  if (churners == 0 || churners == rows.size()) {
    return Empty("churn has one class among the " + std::to_string(rows.size()) +
                 " accounts with a score (" + std::to_string(churners) +
                 " churned): nothing to fit");
  }
  const size_t folds = static_cast<size_t>(options.folds);
  const size_t smaller = std::min(churners, rows.size() - churners);
  if (smaller < folds) {
    return InvalidArgument("folds: " + std::to_string(folds) + " folds need as many accounts of " +
                           "each class; the smaller class has " + std::to_string(smaller));
  }
  const std::vector<double>& points = scores->points;

  // The fit on all included accounts gives the weights.
  const Scaling all = LearnScaling(points, m, rows);
  out.point_mean = all.mean;
  out.point_sd = all.sd;
  out.imputed.assign(m, 0);
  for (size_t i : rows) {
    for (size_t j = 0; j < m; ++j) out.imputed[j] += std::isnan(points[i * m + j]) ? 1 : 0;
  }
  auto full = Fit(Design(points, m, rows, all), Outcomes(churned, rows), options.l2_penalty,
                  "all accounts");
  if (!full.ok()) return full.status();
  out.intercept = full->coefficients[0];
  out.iterations = full->iterations;
  out.coefficient.assign(m, 0.0);
  out.coefficient_per_point.assign(m, 0.0);
  out.suggested_weight.assign(m, 0.0);
  out.flagged.assign(m, 0);
  double total = 0;
  for (size_t a = 0; a < all.active.size(); ++a) {
    const size_t j = all.active[a];
    out.coefficient[j] = full->coefficients[static_cast<Eigen::Index>(a + 1)];
    out.coefficient_per_point[j] = out.coefficient[j] / all.sd[j];
    out.flagged[j] = out.coefficient[j] > 0 ? 1 : 0;
    total += std::max(0.0, -out.coefficient_per_point[j]);
  }
  if (total > 0) {
    for (size_t j = 0; j < m; ++j) {
      out.suggested_weight[j] = 100 * std::max(0.0, -out.coefficient_per_point[j]) / total;
    }
  }

  // Out of fold: each fold predicted by the model of the others.
  const std::vector<int32_t> fold = AssignFolds(rows, churned, options.folds, options.seed);
  for (size_t k = 0; k < folds; ++k) {
    std::vector<size_t> train, held;
    for (size_t r = 0; r < rows.size(); ++r) {
      (static_cast<size_t>(fold[r]) == k ? held : train).push_back(rows[r]);
    }
    const Scaling scaling = LearnScaling(points, m, train);
    auto fit = Fit(Design(points, m, train, scaling), Outcomes(churned, train), options.l2_penalty,
                   "fold " + std::to_string(k + 1));
    if (!fit.ok()) return fit.status();
    const Eigen::VectorXd eta = Design(points, m, held, scaling) * fit->coefficients;
    for (size_t r = 0; r < held.size(); ++r) {
      out.oof_probability[held[r]] = 1 / (1 + std::exp(-eta[static_cast<Eigen::Index>(r)]));
    }
  }
  for (size_t r = 0; r < rows.size(); ++r) out.fold[rows[r]] = fold[r];

  // AUCs over the included accounts.
  std::vector<double> probability(rows.size()), negated_score(rows.size());
  const std::vector<uint8_t> y = Outcomes(churned, rows);
  for (size_t r = 0; r < rows.size(); ++r) {
    probability[r] = out.oof_probability[rows[r]];
    negated_score[r] = -out.score[rows[r]];
  }
  auto auc = EstimateAuc(probability.data(), y.data(), y.size(), options.level);
  if (!auc.ok()) return auc.status();
  auto current = EstimateAuc(negated_score.data(), y.data(), y.size(), options.level);
  if (!current.ok()) return current.status();
  auto comparison =
      CompareAuc(probability.data(), negated_score.data(), y.data(), y.size(), options.level);
  if (!comparison.ok()) return comparison.status();
  out.auc = *auc;
  out.current_auc = *current;
  out.comparison = *comparison;
  return out;
}

}  // namespace

Result<SuggestedWeights> SuggestHealthWeights(const Scorecard& card, const HealthTable& table,
                                              const uint8_t* churned,
                                              const SuggestWeightsOptions& options) {
  try {
    return Suggest(card, table, churned, options);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY,
                  "out of memory suggesting weights for " + std::to_string(table.n) + " accounts");
  }
}

}  // namespace candor
