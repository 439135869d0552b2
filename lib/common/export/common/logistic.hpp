// L2-penalized logistic regression by Newton's method (IRLS).
#ifndef CANDOR_COMMON_LOGISTIC_HPP_
#define CANDOR_COMMON_LOGISTIC_HPP_

#include <Eigen/Core>
#include <candor/status.hpp>
#include <cstdint>

namespace candor::internal {

class ProgressTicker;  // common/progress_ticker.hpp

struct LogisticOptions {
  // lambda in the penalized log-likelihood
  //   l(b) = sum_i [y_i eta_i - log(1 + exp(eta_i))] - lambda / 2 * sum_{j>=1} b_j^2,
  // eta = X b; column 0 (the intercept) is not penalized. This is sklearn's
  // LogisticRegression(penalty="l2", C=1/lambda) objective when the intercept
  // is not penalized (solver lbfgs/newton-cg).
  double l2_penalty = 0;
  int max_iterations = 100;
  double tolerance = 1e-10;  // on max_j |b_j(new) - b_j(old)|
  int threads = 0;           // 0: all hardware threads
  // Told one unit per Newton iteration (Add(1); the caller makes it with
  // total max_iterations and calls Finish), and checked every 2,048 rows of
  // each pass over the data on every thread: a cancel stops the fit with
  // ticker->CancelledStatus(). Null: none.
  ProgressTicker* ticker = nullptr;
};

struct LogisticFit {
  Eigen::VectorXd coefficients;
  Eigen::VectorXd linear_predictor;  // eta = X b at the returned b
  double penalized_log_likelihood = 0;
  int iterations = 0;
};

// Fits y (0/1, one per row of x) on x, whose first column should be the
// intercept. CANDOR_NOT_CONVERGED when the Hessian becomes singular
// (collinear columns or quasi-complete separation), when the iterations run
// out (with a separation message if fitted probabilities reached 0 or 1), or
// when step-halving cannot raise the penalized log-likelihood.
Result<LogisticFit> FitLogistic(const Eigen::MatrixXd& x, const uint8_t* y,
                                const LogisticOptions& options);

}  // namespace candor::internal

#endif  // CANDOR_COMMON_LOGISTIC_HPP_
