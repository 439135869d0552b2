// The key-driver model: L2-penalized logistic regression of "detractor" on
// the theme indicators, by Newton's method (IRLS; McCullagh and Nelder 1989,
// section 4.4) with step-halving. The design is sparse and 0/1, so X'WX is
// accumulated from each comment's own themes: O(sum_i |S_i|^2) per
// iteration instead of O(n T^2), and no n x T matrix is ever formed.
#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "common/normal.hpp"
#include "common/parallel.hpp"
#include "drivers_internal.hpp"

namespace candor::internal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr size_t kRowsPerPart = 32768;
constexpr size_t kMaxParts = 32;
constexpr int kMaxHalvings = 60;
constexpr double kMinReciprocalCondition = 1e-13;

double Softplus(double eta) {
  return eta > 0 ? eta + std::log1p(std::exp(-eta)) : std::log1p(std::exp(eta));
}

// The model's rows: each comment's columns (1..K; 0 is the intercept).
struct SparseDesign {
  size_t n = 0;
  Eigen::Index columns = 0;  // K + 1
  std::vector<int64_t> offsets;
  std::vector<int32_t> cols;
  const double* weights = nullptr;
  const uint8_t* y = nullptr;
  double WeightOf(size_t i) const { return weights == nullptr ? 1.0 : weights[i]; }
};

class SparseNewton {
 public:
  SparseNewton(const SparseDesign& design, double lambda, int threads)
      : d_(design), lambda_(lambda) {
    parts_ = std::clamp<size_t>((d_.n + kRowsPerPart - 1) / kRowsPerPart, 1, kMaxParts);
    rows_per_part_ = (d_.n + parts_ - 1) / parts_;
    threads_ = d_.n < 2 * kRowsPerPart ? 1 : threads;
    partial_value_.resize(parts_);
    partial_gradient_.assign(parts_, Eigen::VectorXd::Zero(d_.columns));
    partial_information_.assign(parts_, Eigen::MatrixXd::Zero(d_.columns, d_.columns));
  }

  double Eta(const Eigen::VectorXd& b, size_t i) const {
    double eta = b[0];
    for (int64_t k = d_.offsets[i]; k < d_.offsets[i + 1]; ++k) eta += b[d_.cols[k]];
    return eta;
  }

  double Penalty(const Eigen::VectorXd& b) const {
    return 0.5 * lambda_ * b.tail(b.size() - 1).squaredNorm();
  }

  // The penalized log-likelihood at b.
  double Objective(const Eigen::VectorXd& b) {
    ForEachPart([&](size_t part, size_t begin, size_t end) {
      double sum = 0;
      for (size_t i = begin; i < end; ++i) {
        const double eta = Eta(b, i);
        sum += d_.WeightOf(i) * ((d_.y[i] ? eta : 0.0) - Softplus(eta));
      }
      partial_value_[part] = sum;
    });
    double total = 0;
    for (double v : partial_value_) total += v;
    return total - Penalty(b);
  }

  // Gradient and information (negated Hessian) of the penalized objective.
  void Derivatives(const Eigen::VectorXd& b, Eigen::VectorXd* gradient,
                   Eigen::MatrixXd* information) {
    ForEachPart([&](size_t part, size_t begin, size_t end) {
      Eigen::VectorXd& g = partial_gradient_[part];
      Eigen::MatrixXd& h = partial_information_[part];
      g.setZero();
      h.setZero();
      for (size_t i = begin; i < end; ++i) {
        const double eta = Eta(b, i);
        const double t = std::exp(-std::abs(eta));
        const double prob = eta >= 0 ? 1.0 / (1.0 + t) : t / (1.0 + t);
        const double w = d_.WeightOf(i);
        const double r = w * ((d_.y[i] ? 1.0 : 0.0) - prob);
        const double v = w * t / ((1.0 + t) * (1.0 + t));
        g[0] += r;
        h(0, 0) += v;
        for (int64_t k = d_.offsets[i]; k < d_.offsets[i + 1]; ++k) {
          const int32_t c = d_.cols[k];
          g[c] += r;
          h(c, 0) += v;
          // Columns of a row are sorted: c >= every earlier column, lower triangle.
          for (int64_t l = d_.offsets[i]; l <= k; ++l) h(c, d_.cols[l]) += v;
        }
      }
    });
    gradient->setZero(d_.columns);
    information->setZero(d_.columns, d_.columns);
    for (size_t part = 0; part < parts_; ++part) {
      *gradient += partial_gradient_[part];
      *information += partial_information_[part];
    }
    information->triangularView<Eigen::StrictlyUpper>() = information->transpose();
    for (Eigen::Index c = 1; c < d_.columns; ++c) {
      (*gradient)[c] -= lambda_ * b[c];
      (*information)(c, c) += lambda_;
    }
  }

 private:
  template <typename Work>
  void ForEachPart(const Work& work) {
    ParallelChunks(parts_, threads_, [&](size_t, size_t first, size_t last) {
      for (size_t part = first; part < last; ++part) {
        work(part, std::min(d_.n, part * rows_per_part_),
             std::min(d_.n, (part + 1) * rows_per_part_));
      }
    });
  }

  const SparseDesign& d_;
  double lambda_;
  size_t parts_ = 1;
  size_t rows_per_part_ = 0;
  int threads_ = 1;
  std::vector<double> partial_value_;
  std::vector<Eigen::VectorXd> partial_gradient_;
  std::vector<Eigen::MatrixXd> partial_information_;
};

}  // namespace

void FitKeyDrivers(const DriverRequest& request, const ThemeMentions& mentions,
                   const std::vector<uint8_t>& detractor, const std::vector<bool>& in_model,
                   std::vector<ThemeDriver>* rows, KeyDriverModel* model) {
  const DriverOptions& options = request.options;
  const DriverComments& comments = *request.comments;
  model->l2_penalty = options.l2_penalty;
  for (ThemeDriver& row : *rows) {
    row.in_model = false;
    row.coefficient = row.coefficient_std_error = row.odds_ratio = kNaN;
    row.odds_ratio_ci_low = row.odds_ratio_ci_high = row.importance = kNaN;
  }
  std::vector<int32_t> column_of(mentions.themes(), 0);
  std::vector<size_t> theme_of_column{0};
  for (size_t j = 0; j < mentions.themes(); ++j) {
    if (!in_model[j]) continue;
    column_of[j] = static_cast<int32_t>(theme_of_column.size());
    theme_of_column.push_back(j);
  }
  model->themes_in_model = static_cast<int32_t>(theme_of_column.size() - 1);
  if (!options.fit_key_drivers || model->themes_in_model == 0) {
    model->intercept = model->intercept_std_error = kNaN;
    model->message = options.fit_key_drivers ? "no theme is mentioned by some but not all comments"
                                             : "not asked for";
    return;
  }
  model->fitted = true;

  SparseDesign design;
  design.n = comments.n;
  design.columns = static_cast<Eigen::Index>(theme_of_column.size());
  design.weights = comments.weights;
  design.y = detractor.data();
  design.offsets.assign(comments.n + 1, 0);
  const auto& offsets = mentions.offsets();
  const auto& ids = mentions.ids();
  design.cols.reserve(ids.size());
  for (size_t i = 0; i < comments.n; ++i) {
    for (int64_t k = offsets[i]; k < offsets[i + 1]; ++k) {
      const int32_t c = column_of[static_cast<size_t>(ids[k])];
      if (c > 0) design.cols.push_back(c);  // ids sorted, so columns are too
    }
    design.offsets[i + 1] = static_cast<int64_t>(design.cols.size());
  }

  SparseNewton newton(design, options.l2_penalty, ResolveThreadCount(request.interval.threads));
  Eigen::VectorXd b = Eigen::VectorXd::Zero(design.columns);
  double responders = 0, total = 0;
  for (size_t i = 0; i < comments.n; ++i) {
    responders += detractor[i] ? comments.WeightOf(i) : 0.0;
    total += comments.WeightOf(i);
  }
  if (responders > 0 && responders < total) b[0] = std::log(responders / (total - responders));
  double objective = newton.Objective(b);
  Eigen::VectorXd gradient;
  Eigen::MatrixXd information;
  bool converged = false;
  for (int iteration = 1; iteration <= options.max_iterations && !converged; ++iteration) {
    newton.Derivatives(b, &gradient, &information);
    const Eigen::LLT<Eigen::MatrixXd> cholesky(information);
    const double rcond = cholesky.info() == Eigen::Success ? cholesky.rcond() : 0.0;
    if (!(rcond > kMinReciprocalCondition)) {
      model->message = "the information matrix became singular at iteration " +
                       std::to_string(iteration) +
                       ": themes separate detractors from the others or are collinear; "
                       "use l2_penalty > 0";
      break;
    }
    const Eigen::VectorXd step = cholesky.solve(gradient);
    const double slack = 1e-12 * (1.0 + std::abs(objective));
    double scale = 1.0, candidate_objective = 0;
    Eigen::VectorXd candidate;
    bool accepted = false;
    for (int halving = 0; halving <= kMaxHalvings && !accepted; ++halving) {
      candidate = b + scale * step;
      candidate_objective = newton.Objective(candidate);
      accepted = std::isfinite(candidate_objective) && candidate_objective >= objective - slack;
      if (!accepted) scale *= 0.5;
    }
    if (!accepted) {
      model->message = "step-halving could not raise the penalized log-likelihood at iteration " +
                       std::to_string(iteration);
      break;
    }
    const double change = (scale * step).cwiseAbs().maxCoeff();
    b.swap(candidate);
    objective = candidate_objective;
    model->iterations = iteration;
    converged = change <= options.tolerance;
  }
  if (!converged) {
    if (model->message.empty()) {
      model->message = "no convergence in " + std::to_string(options.max_iterations) +
                       " iterations (with l2_penalty = 0, a theme without detractors, or "
                       "with only detractors, has no finite coefficient)";
    }
    model->intercept = model->intercept_std_error = kNaN;
    return;
  }
  model->converged = true;
  model->penalized_log_likelihood = objective;
  newton.Derivatives(b, &gradient, &information);
  const Eigen::MatrixXd covariance =
      information.llt().solve(Eigen::MatrixXd::Identity(design.columns, design.columns));
  model->intercept = b[0];
  model->intercept_std_error = std::sqrt(covariance(0, 0));
  const double z = request.z;
  double importance_total = 0;
  std::vector<double> standardized(theme_of_column.size(), 0.0);
  for (Eigen::Index c = 1; c < design.columns; ++c) {
    ThemeDriver& row = (*rows)[theme_of_column[static_cast<size_t>(c)]];
    const double share = row.weighted_mentions / total;
    standardized[static_cast<size_t>(c)] = std::abs(b[c]) * std::sqrt(share * (1.0 - share));
    importance_total += standardized[static_cast<size_t>(c)];
    const double se = std::sqrt(covariance(c, c));
    row.in_model = true;
    row.coefficient = b[c];
    row.coefficient_std_error = se;
    row.odds_ratio = std::exp(b[c]);
    row.odds_ratio_ci_low = std::exp(b[c] - z * se);
    row.odds_ratio_ci_high = std::exp(b[c] + z * se);
  }
  for (Eigen::Index c = 1; c < design.columns; ++c) {
    ThemeDriver& row = (*rows)[theme_of_column[static_cast<size_t>(c)]];
    row.importance = importance_total > 0
                         ? standardized[static_cast<size_t>(c)] / importance_total
                         : 0.0;
  }
}

}  // namespace candor::internal
