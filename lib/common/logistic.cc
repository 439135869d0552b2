// Logistic regression by Newton's method with step-halving (IRLS; McCullagh
// and Nelder 1989, section 4.4), with a ridge penalty on the slopes.
//
// The Hessian X'WX dominates the cost: it is accumulated over blocks of rows
// as rank-k updates of (sqrt(w) X_block)' (Eigen's blocked symmetric
// product), over a row partition that depends only on n, so the result does
// not depend on the number of threads.
#include "common/logistic.hpp"

#include <Eigen/Cholesky>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <new>
#include <string>
#include <vector>

#include "common/parallel.hpp"
#include "common/progress_ticker.hpp"

namespace candor::internal {
namespace {

constexpr Eigen::Index kRowsPerBlock = 2048;
constexpr size_t kMaxParts = 64;
constexpr size_t kRowsPerThreadMin = 32768;  // below this, one thread is faster
// A Hessian with a smaller reciprocal condition number is treated as singular.
constexpr double kMinReciprocalCondition = 1e-13;
constexpr int kMaxHalvings = 60;
// Separation: |eta| beyond this (p_hat within 1e-13 of 0 or 1) while the
// coefficients still move after this many iterations.
constexpr double kSeparatedLinearPredictor = 30;
constexpr int kSeparationCheckIteration = 25;

Status SeparationError(int iterations) {
  return NotConverged(
      "logistic fit: no convergence after " + std::to_string(iterations) +
      " iterations; fitted probabilities run to 0 or 1 and the coefficients "
      "diverge: the covariates separate the outcome's 1s from its 0s (complete or "
      "quasi-complete separation); use l2_penalty > 0 or drop covariates");
}

// log(1 + exp(eta)) without overflow.
double Softplus(double eta) {
  return eta > 0 ? eta + std::log1p(std::exp(-eta)) : std::log1p(std::exp(eta));
}

// Contiguous row ranges, fixed by n alone.
struct Partition {
  size_t parts = 1;
  size_t rows_per_part = 0;
  size_t n = 0;
  size_t Begin(size_t part) const { return std::min(n, part * rows_per_part); }
  size_t End(size_t part) const { return std::min(n, (part + 1) * rows_per_part); }
};

Partition MakePartition(size_t n) {
  Partition partition;
  partition.n = n;
  const size_t blocks = (n + kRowsPerBlock - 1) / kRowsPerBlock;
  partition.parts = std::max<size_t>(1, std::min(kMaxParts, blocks));
  partition.rows_per_part = (n + partition.parts - 1) / partition.parts;
  return partition;
}

class NewtonFitter {
 public:
  NewtonFitter(const Eigen::MatrixXd& x, const uint8_t* y, const LogisticOptions& options)
      : x_(x), y_(y), options_(options), partition_(MakePartition(static_cast<size_t>(x.rows()))) {
    const size_t n = static_cast<size_t>(x.rows());
    threads_ = n < kRowsPerThreadMin ? 1 : ResolveThreadCount(options.threads);
    partial_sums_.resize(partition_.parts);
    partial_gradients_.resize(partition_.parts);
    partial_hessians_.resize(partition_.parts);
    const Eigen::Index p = x.cols();
    for (size_t part = 0; part < partition_.parts; ++part) {
      partial_gradients_[part].resize(p);
      partial_hessians_[part].resize(p, p);
    }
    scratch_.resize(ChunkCount(partition_.parts, threads_));
    for (Scratch& scratch : scratch_) {
      scratch.residual.resize(kRowsPerBlock);
      scratch.root_weight.resize(kRowsPerBlock);
      scratch.scaled.resize(kRowsPerBlock, p);
    }
  }

  Result<LogisticFit> Fit();

 private:
  // Runs work(chunk, part) over the parts on up to threads_ threads. Eigen
  // may allocate inside a product: an exception (bad_alloc) must not escape
  // a worker thread, so it is rethrown on the calling thread as bad_alloc.
  template <typename Work>
  void ForEachPart(const Work& work) {
    std::atomic<bool> failed{false};
    ParallelChunks(
        partition_.parts, threads_,
        [&](size_t chunk, size_t begin, size_t end) {
          try {
            for (size_t part = begin; part < end && KeepGoing(); ++part) work(chunk, part);
          } catch (...) {
            failed = true;
          }
        },
        options_.ticker);
    if (failed) throw std::bad_alloc();
  }

  // Any thread, between blocks of rows: false once the fit is cancelled
  // (the calling thread tells the callback, others read the flag).
  bool KeepGoing() const { return options_.ticker == nullptr || options_.ticker->Add(0); }
  bool Cancelled() const { return options_.ticker != nullptr && !options_.ticker->Running(); }

  // eta = X b; returns the penalized log-likelihood at b.
  double Evaluate(const Eigen::VectorXd& b, Eigen::VectorXd* eta);
  // Gradient and Hessian (negated) of the unpenalized log-likelihood at eta.
  void Derivatives(const Eigen::VectorXd& eta, Eigen::VectorXd* gradient,
                   Eigen::MatrixXd* information);
  double Penalty(const Eigen::VectorXd& b) const {
    return 0.5 * options_.l2_penalty * b.tail(b.size() - 1).squaredNorm();
  }

  // Unpenalized fit still moving with some |eta| so large that its fitted
  // probability is 0 or 1 in all but name.
  bool Separated(const LogisticFit& fit, double last_change) const {
    return options_.l2_penalty == 0 && last_change > 1e-3 && fit.linear_predictor.size() > 0 &&
           fit.linear_predictor.cwiseAbs().maxCoeff() > kSeparatedLinearPredictor;
  }

  const Eigen::MatrixXd& x_;
  const uint8_t* y_;
  const LogisticOptions& options_;
  const Partition partition_;
  int threads_ = 1;
  std::vector<double> partial_sums_;
  std::vector<Eigen::VectorXd> partial_gradients_;
  std::vector<Eigen::MatrixXd> partial_hessians_;
  // Per-chunk buffers for one block of rows.
  struct Scratch {
    Eigen::VectorXd residual, root_weight;
    Eigen::MatrixXd scaled;
  };
  std::vector<Scratch> scratch_;
};

double NewtonFitter::Evaluate(const Eigen::VectorXd& b, Eigen::VectorXd* eta) {
  ForEachPart([&](size_t, size_t part) {
    const Eigen::Index begin = static_cast<Eigen::Index>(partition_.Begin(part));
    const Eigen::Index rows = static_cast<Eigen::Index>(partition_.End(part)) - begin;
    eta->segment(begin, rows).noalias() = x_.middleRows(begin, rows) * b;
    double sum = 0;
    for (Eigen::Index i = begin; i < begin + rows; ++i) {
      const double e = (*eta)[i];
      sum += (y_[i] ? e : 0.0) - Softplus(e);
    }
    partial_sums_[part] = sum;
  });
  double log_likelihood = 0;
  for (double s : partial_sums_) log_likelihood += s;
  return log_likelihood - Penalty(b);
}

void NewtonFitter::Derivatives(const Eigen::VectorXd& eta, Eigen::VectorXd* gradient,
                               Eigen::MatrixXd* information) {
  const Eigen::Index p = x_.cols();
  ForEachPart([&](size_t chunk, size_t part) {
    Eigen::VectorXd& g = partial_gradients_[part];
    Eigen::MatrixXd& h = partial_hessians_[part];
    g.setZero();
    h.setZero();
    Eigen::VectorXd& residual = scratch_[chunk].residual;
    Eigen::VectorXd& root_weight = scratch_[chunk].root_weight;
    Eigen::MatrixXd& scaled = scratch_[chunk].scaled;
    const Eigen::Index end = static_cast<Eigen::Index>(partition_.End(part));
    for (Eigen::Index begin = static_cast<Eigen::Index>(partition_.Begin(part));
         begin < end && KeepGoing(); begin += kRowsPerBlock) {
      const Eigen::Index rows = std::min(kRowsPerBlock, end - begin);
      for (Eigen::Index r = 0; r < rows; ++r) {
        // p = 1 / (1 + exp(-eta)) and w = p (1 - p), from exp(-|eta|) so that
        // neither underflows to an exact 0 or 1 early.
        const double e = eta[begin + r];
        const double t = std::exp(-std::abs(e));
        const double prob = e >= 0 ? 1.0 / (1.0 + t) : t / (1.0 + t);
        residual[r] = (y_[begin + r] ? 1.0 : 0.0) - prob;
        root_weight[r] = std::sqrt(t) / (1.0 + t);
      }
      const auto block = x_.middleRows(begin, rows);
      g.noalias() += block.transpose() * residual.head(rows);
      for (Eigen::Index j = 0; j < p; ++j) {
        scaled.col(j).head(rows) = block.col(j).cwiseProduct(root_weight.head(rows));
      }
      h.selfadjointView<Eigen::Lower>().rankUpdate(scaled.topRows(rows).transpose());
    }
  });
  gradient->setZero(p);
  information->setZero(p, p);
  for (size_t part = 0; part < partition_.parts; ++part) {
    *gradient += partial_gradients_[part];
    *information += partial_hessians_[part];
  }
}

Result<LogisticFit> NewtonFitter::Fit() {
  const Eigen::Index n = x_.rows(), p = x_.cols();
  const double lambda = options_.l2_penalty;
  LogisticFit fit;
  fit.coefficients.setZero(p);
  // Start at the intercept-only optimum, logit of the response rate (when the
  // first column is the intercept, as the design puts it).
  double responders = 0;
  for (Eigen::Index i = 0; i < n; ++i) responders += y_[i] ? 1.0 : 0.0;
  if (n > 0 && responders > 0 && responders < static_cast<double>(n) &&
      (x_.col(0).array() == 1.0).all()) {
    fit.coefficients[0] = std::log(responders / (static_cast<double>(n) - responders));
  }
  fit.linear_predictor.resize(n);
  Eigen::VectorXd candidate_eta(n), gradient, candidate;
  Eigen::MatrixXd information;
  double objective = Evaluate(fit.coefficients, &fit.linear_predictor);
  if (Cancelled()) return options_.ticker->CancelledStatus();
  double last_change = 0;
  for (int iteration = 1; iteration <= options_.max_iterations; ++iteration) {
    Derivatives(fit.linear_predictor, &gradient, &information);
    if (Cancelled()) return options_.ticker->CancelledStatus();
    for (Eigen::Index j = 1; j < p; ++j) {
      gradient[j] -= lambda * fit.coefficients[j];
      information(j, j) += lambda;
    }
    const Eigen::LLT<Eigen::MatrixXd, Eigen::Lower> cholesky(information);
    const double rcond = cholesky.info() == Eigen::Success ? cholesky.rcond() : 0.0;
    if (!(rcond > kMinReciprocalCondition)) {
      return NotConverged(
          "logistic fit: the Hessian became singular at iteration " + std::to_string(iteration) +
          " (reciprocal condition number " + std::to_string(rcond) +
          "): covariates are collinear, or they separate the outcome's 1s from its 0s "
          "(quasi-complete separation); use l2_penalty > 0 or drop covariates");
    }
    const Eigen::VectorXd step = cholesky.solve(gradient);
    // Step-halving: Newton's step on a concave objective may overshoot far
    // from the optimum; halve it until the objective does not decrease (up to
    // rounding in the sum over rows).
    const double slack = 1e-12 * (1.0 + std::abs(objective));
    double scale = 1.0, candidate_objective = 0;
    bool accepted = false;
    for (int halving = 0; halving <= kMaxHalvings && !accepted; ++halving) {
      candidate = fit.coefficients + scale * step;
      candidate_objective = Evaluate(candidate, &candidate_eta);
      if (Cancelled()) return options_.ticker->CancelledStatus();
      accepted = std::isfinite(candidate_objective) && candidate_objective >= objective - slack;
      if (!accepted) scale *= 0.5;
    }
    if (!accepted) {
      return NotConverged("logistic fit: step-halving could not raise the log-likelihood at " +
                          std::string("iteration ") + std::to_string(iteration));
    }
    last_change = (scale * step).cwiseAbs().maxCoeff();
    fit.coefficients.swap(candidate);
    fit.linear_predictor.swap(candidate_eta);
    objective = candidate_objective;
    fit.iterations = iteration;
    if (options_.ticker != nullptr && !options_.ticker->Add(1)) {
      return options_.ticker->CancelledStatus();
    }
    if (last_change <= options_.tolerance) {
      fit.penalized_log_likelihood = objective;
      return fit;
    }
    // Newton converges quadratically once near the optimum; still taking
    // large steps this late while probabilities hit 0 or 1 means the optimum
    // is at infinity. Stop early rather than spend every iteration on it.
    if (iteration >= kSeparationCheckIteration && Separated(fit, last_change)) {
      return SeparationError(iteration);
    }
  }
  if (Separated(fit, last_change)) return SeparationError(options_.max_iterations);
  return NotConverged("logistic fit: no convergence in " + std::to_string(options_.max_iterations) +
                      " iterations (last max coefficient change " + std::to_string(last_change) +
                      "); raise max_iterations or tolerance");
}

}  // namespace

Result<LogisticFit> FitLogistic(const Eigen::MatrixXd& x, const uint8_t* y,
                                const LogisticOptions& options) {
  NewtonFitter fitter(x, y, options);
  return fitter.Fit();
}

}  // namespace candor::internal
