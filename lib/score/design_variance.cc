// DesignVariance: calibration residuals and cluster sums. The formulas are
// those of survey::svyrecvar and onestrat (Lumley, survey 4.1), restated in
// include/candor/design.hpp; this is our own implementation of them.
#include "score/design_variance.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace candor::internal {
namespace {

// w0 / w, e / w and the like when the denominator may be 0: responses with a
// zero weight have zero influence, so their share is 0 (survey sets such
// weights to 1 for post-strata, which gives the same).
double SafeRatio(double numerator, double denominator) {
  return denominator == 0.0 ? 0.0 : numerator / denominator;
}

std::string StepName(size_t k) { return "calibration step " + std::to_string(k); }

Status CheckWeights(const std::vector<double>& weights, size_t n, size_t k) {
  if (weights.size() != n) {
    return LengthMismatch(StepName(k) + " has " + std::to_string(weights.size()) +
                          " weights before it, for " + std::to_string(n) + " responses");
  }
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(weights[i]) || weights[i] < 0) {
      return InvalidArgument(StepName(k) + ": weight before it at index " + std::to_string(i) +
                             " is " + std::to_string(weights[i]) +
                             " (weights must be finite and >= 0)");
    }
  }
  return OkStatus();
}

// Checks one column of cell codes and returns the number of cells (max + 1).
Result<size_t> CheckCells(const std::vector<int32_t>& cells, size_t n, size_t k, size_t margin) {
  const std::string name = StepName(k) + " cell column " + std::to_string(margin);
  if (cells.size() != n) {
    return LengthMismatch(name + " has " + std::to_string(cells.size()) + " codes for " +
                          std::to_string(n) + " responses");
  }
  int32_t highest = 0;
  for (size_t i = 0; i < n; ++i) {
    if (cells[i] < 0) {
      return InvalidArgument(name + ": code at index " + std::to_string(i) + " is " +
                             std::to_string(cells[i]) + " (codes must be >= 0)");
    }
    highest = std::max(highest, cells[i]);
  }
  return static_cast<size_t>(highest) + 1;
}

}  // namespace

struct DesignVariance::Step {
  struct Margin {
    const int32_t* cells = nullptr;
    size_t cell_count = 0;
    std::vector<double> cell_sizes;  // post-stratification: sum of w0; raking: rows
  };
  CalibrationStep::Kind kind = CalibrationStep::Kind::kPostStratify;
  std::vector<Margin> margins;
  // Post-stratification: w0 / w per response (e * w0 / w summed by cell).
  std::vector<double> before_over_after;
  // The weights just after the step (w above), per response.
  std::vector<double> after;
  // Linear: QR of X sqrt(w0), and w / sqrt(w0), survey's `caldata$w`
  // (g sqrt(w0) in regcalibrate), by which e is divided before and multiplied
  // after the least-squares residual.
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr;
  std::vector<double> row_scale;
};

Result<DesignVariance> DesignVariance::Create(const SurveyDesign& design, size_t n) {
  DesignVariance variance;
  variance.n_ = n;
  if (design.clusters != nullptr) {
    int32_t max_code = 0;
    for (size_t i = 0; i < n; ++i) {
      if (design.clusters[i] < 0) {
        return InvalidArgument("cluster code at index " + std::to_string(i) + " is " +
                               std::to_string(design.clusters[i]) + " (codes must be >= 0)");
      }
      max_code = std::max(max_code, design.clusters[i]);
    }
    // Clusters are numbered by rank of their code. Dense codes (account codes
    // from a table are 0..levels-1) use a direct table, which is an order of
    // magnitude faster than sorting a copy; sparse codes fall back to sorting.
    std::vector<uint32_t> rank_of;
    std::vector<int32_t> sorted;
    size_t clusters = 0;
    const bool dense = static_cast<size_t>(max_code) <= 4 * n + 1024;
    if (dense) {
      constexpr uint32_t kAbsent = ~uint32_t{0};
      rank_of.assign(static_cast<size_t>(max_code) + 1, kAbsent);
      for (size_t i = 0; i < n; ++i) rank_of[design.clusters[i]] = 0;
      for (uint32_t& rank : rank_of) {
        if (rank != kAbsent) rank = static_cast<uint32_t>(clusters++);
      }
    } else {
      sorted.assign(design.clusters, design.clusters + n);
      std::sort(sorted.begin(), sorted.end());
      sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
      clusters = sorted.size();
    }
    if (clusters < 2) {
      return InvalidArgument(
          "the design has a single cluster (account): a cluster-robust variance needs at least "
          "two (C / (C - 1) is undefined)");
    }
    variance.clusters_ = clusters;
    variance.cluster_of_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      variance.cluster_of_[i] =
          dense ? rank_of[design.clusters[i]]
                : static_cast<uint32_t>(
                      std::lower_bound(sorted.begin(), sorted.end(), design.clusters[i]) -
                      sorted.begin());
    }
  } else {
    if (n < 2) {
      return Empty("the linearization variance needs at least 2 responses; got " +
                   std::to_string(n) + " (its n / (n - 1) factor is undefined)");
    }
    variance.clusters_ = n;
  }

  if (design.calibration == nullptr) return variance;
  const std::vector<CalibrationStep>& steps = *design.calibration;
  for (size_t k = 0; k < steps.size(); ++k) {
    const CalibrationStep& step = steps[k];
    CANDOR_RETURN_IF_ERROR(CheckWeights(step.weights_before, n, k));
    auto built = std::make_shared<Step>();
    built->kind = step.kind;
    // The weights after step k: those before step k + 1, or the design's own.
    if (k + 1 < steps.size()) {
      if (steps[k + 1].weights_before.size() != n) {
        CANDOR_RETURN_IF_ERROR(CheckWeights(steps[k + 1].weights_before, n, k + 1));
      }
      built->after = steps[k + 1].weights_before;
    } else if (design.weights != nullptr) {
      built->after.assign(design.weights, design.weights + n);
    } else {
      built->after.assign(n, 1.0);
    }
    const std::vector<double>& before = step.weights_before;
    switch (step.kind) {
      case CalibrationStep::Kind::kPostStratify:
      case CalibrationStep::Kind::kRake: {
        const bool post = step.kind == CalibrationStep::Kind::kPostStratify;
        if (post && step.cells.size() != 1) {
          return InvalidArgument(StepName(k) +
                                 " (post-stratification) needs exactly one column "
                                 "of cell codes, got " +
                                 std::to_string(step.cells.size()));
        }
        if (!post && step.cells.empty()) {
          return InvalidArgument(StepName(k) + " (raking) has no margins");
        }
        for (size_t m = 0; m < step.cells.size(); ++m) {
          Result<size_t> cell_count = CheckCells(step.cells[m], n, k, m);
          if (!cell_count.ok()) return cell_count.status();
          Step::Margin margin;
          margin.cells = step.cells[m].data();
          margin.cell_count = *cell_count;
          margin.cell_sizes.assign(margin.cell_count, 0.0);
          for (size_t i = 0; i < n; ++i) {
            margin.cell_sizes[static_cast<size_t>(margin.cells[i])] += post ? before[i] : 1.0;
          }
          built->margins.push_back(std::move(margin));
        }
        if (post) {
          built->before_over_after.resize(n);
          for (size_t i = 0; i < n; ++i) {
            built->before_over_after[i] = SafeRatio(before[i], built->after[i]);
          }
        }
        break;
      }
      case CalibrationStep::Kind::kLinear: {
        if (step.columns < 1) {
          return InvalidArgument(StepName(k) + " (linear) has " + std::to_string(step.columns) +
                                 " columns; it needs at least one");
        }
        const size_t columns = static_cast<size_t>(step.columns);
        if (step.x.size() != n * columns) {
          return LengthMismatch(StepName(k) + " (linear) has " + std::to_string(step.x.size()) +
                                " matrix entries; " + std::to_string(n) + " responses x " +
                                std::to_string(columns) + " columns need " +
                                std::to_string(n * columns));
        }
        Eigen::MatrixXd scaled(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(columns));
        built->row_scale.resize(n);
        for (size_t i = 0; i < n; ++i) {
          const double root = std::sqrt(before[i]);
          built->row_scale[i] = SafeRatio(built->after[i], root);
          for (size_t j = 0; j < columns; ++j) {
            const double value = step.x[i * columns + j];
            if (!std::isfinite(value)) {
              return InvalidArgument(StepName(k) + " (linear): matrix entry at row " +
                                     std::to_string(i) + ", column " + std::to_string(j) +
                                     " is not finite");
            }
            scaled(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = value * root;
          }
        }
        // R's qr() (LINPACK dqrdc2) treats columns as dependent below a
        // relative tolerance of 1e-7; the residual is the projection either way.
        built->qr.setThreshold(1e-7);
        built->qr.compute(scaled);
        break;
      }
      default:
        return InvalidArgument(StepName(k) + " has an unknown kind " +
                               std::to_string(static_cast<int>(step.kind)));
    }
    variance.steps_.push_back(std::move(built));
  }
  return variance;
}

void DesignVariance::Residualize(const Step& step, std::vector<double>* e) const {
  std::vector<double>& x = *e;
  const std::vector<double>& after = step.after;
  switch (step.kind) {
    case CalibrationStep::Kind::kPostStratify: {
      // e_i - w_i * (sum_cell e_j w0_j / w_j) / (sum_cell w0_j).
      const Step::Margin& margin = step.margins[0];
      std::vector<double> cell_means(margin.cell_count, 0.0);
      for (size_t i = 0; i < n_; ++i) {
        cell_means[static_cast<size_t>(margin.cells[i])] += x[i] * step.before_over_after[i];
      }
      for (size_t c = 0; c < margin.cell_count; ++c) {
        cell_means[c] = SafeRatio(cell_means[c], margin.cell_sizes[c]);
      }
      for (size_t i = 0; i < n_; ++i) {
        x[i] -= after[i] * cell_means[static_cast<size_t>(margin.cells[i])];
      }
      break;
    }
    case CalibrationStep::Kind::kRake: {
      // Ten sweeps over the margins: e_i - w_i * (mean over the cell of e / w).
      std::vector<double> cell_means;
      for (int sweep = 0; sweep < 10; ++sweep) {
        for (const Step::Margin& margin : step.margins) {
          cell_means.assign(margin.cell_count, 0.0);
          for (size_t i = 0; i < n_; ++i) {
            cell_means[static_cast<size_t>(margin.cells[i])] += SafeRatio(x[i], after[i]);
          }
          for (size_t c = 0; c < margin.cell_count; ++c) {
            cell_means[c] = SafeRatio(cell_means[c], margin.cell_sizes[c]);
          }
          for (size_t i = 0; i < n_; ++i) {
            x[i] -= after[i] * cell_means[static_cast<size_t>(margin.cells[i])];
          }
        }
      }
      break;
    }
    case CalibrationStep::Kind::kLinear: {
      // qr.resid(qr, e / s) * s with s = w / sqrt(w0): apply Q', zero the
      // components in the column space, apply Q.
      Eigen::VectorXd y(static_cast<Eigen::Index>(n_));
      for (size_t i = 0; i < n_; ++i) {
        y(static_cast<Eigen::Index>(i)) = SafeRatio(x[i], step.row_scale[i]);
      }
      const auto q = step.qr.householderQ();
      y.applyOnTheLeft(q.transpose());
      y.head(step.qr.rank()).setZero();
      y.applyOnTheLeft(q);
      for (size_t i = 0; i < n_; ++i) {
        x[i] = y(static_cast<Eigen::Index>(i)) * step.row_scale[i];
      }
      break;
    }
  }
}

double DesignVariance::Variance(std::vector<double> influence) const {
  for (const auto& step : steps_) Residualize(*step, &influence);
  std::vector<double> sums;
  if (cluster_of_.empty()) {
    sums = std::move(influence);
  } else {
    sums.assign(clusters_, 0.0);
    for (size_t i = 0; i < n_; ++i) sums[cluster_of_[i]] += influence[i];
  }
  // onestrat centres the cluster totals before the sum of squares.
  double mean = 0;
  for (double z : sums) mean += z;
  mean /= static_cast<double>(clusters_);
  double squares = 0;
  for (double z : sums) squares += (z - mean) * (z - mean);
  const double c = static_cast<double>(clusters_);
  return c / (c - 1.0) * squares;
}

}  // namespace candor::internal
