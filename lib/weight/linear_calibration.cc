// CalibrateLinear: GREG / linear calibration (Deville and Sarndal 1992), as
// survey::calibrate(calfun = "linear"): w = w0 (1 + X lambda) with
// X' diag(w0) X lambda = totals - X' w0.
#include <Eigen/Dense>
#include <algorithm>
#include <candor/weight.hpp>
#include <cmath>
#include <new>

#include "common/progress_ticker.hpp"
#include "weight_internal.hpp"

namespace candor {
namespace {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// A column is dependent on the earlier ones when the part of it that the
// earlier ones leave unexplained (|R_kk| in a QR without pivoting) is
// negligible against the column's own length.
constexpr double kRankTolerance = 1e-10;
// Newton refinements of lambda: one step solves the linear case exactly;
// more only clean up rounding.
constexpr int kMaxRefinements = 8;
constexpr double kTargetError = 1e-13;
constexpr double kAcceptableError = 1e-8;
// Progress: the check of x, the QR, each refinement.
constexpr int64_t kSteps = 2 + kMaxRefinements;
constexpr size_t kRowsPerPoll = size_t{1} << 16;

bool ColumnIsConstant(const double* x, size_t n, int p, int column) {
  for (size_t i = 1; i < n; ++i) {
    if (x[i * p + column] != x[column]) return false;
  }
  return true;
}

Status SingularColumnError(const double* x, size_t n, int p, int column) {
  std::string message = "the calibration matrix is singular: column " + std::to_string(column) +
                        " is a linear combination of the columns before it";
  if (ColumnIsConstant(x, n, p, column)) {
    for (int earlier = 0; earlier < column; ++earlier) {
      if (ColumnIsConstant(x, n, p, earlier)) {
        message +=
            " (it is constant, as is column " + std::to_string(earlier) + ", e.g. the intercept)";
        break;
      }
    }
  }
  return InvalidArgument(message);
}

Status ValidateDesign(const double* x, size_t n, int p, const std::vector<double>& totals,
                      internal::ProgressTicker* ticker) {
  if (p < 1) return InvalidArgument("the calibration matrix needs at least one column");
  CANDOR_RETURN_IF_ERROR(internal::RequireArray(x, n, "x"));
  if (totals.size() != static_cast<size_t>(p)) {
    return LengthMismatch(std::to_string(totals.size()) + " calibration totals for " +
                          std::to_string(p) + " columns");
  }
  for (int j = 0; j < p; ++j) {
    if (!std::isfinite(totals[static_cast<size_t>(j)])) {
      return InvalidArgument("calibration total " + std::to_string(j) + " is not finite");
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if ((i + 1) % kRowsPerPoll == 0 && !ticker->Poll()) return ticker->CancelledStatus();
    for (int j = 0; j < p; ++j) {
      if (!std::isfinite(x[i * p + j])) {
        return InvalidArgument("x row " + std::to_string(i) + " column " + std::to_string(j) +
                               " is not finite (" + internal::FormatNumber(x[i * p + j]) + ")");
      }
    }
  }
  return OkStatus();
}

double MaxRelativeError(const Eigen::VectorXd& achieved, const std::vector<double>& totals) {
  double worst = 0;
  for (Eigen::Index j = 0; j < achieved.size(); ++j) {
    const double target = totals[static_cast<size_t>(j)];
    const double error = std::fabs(achieved[j] - target);
    worst = std::max(worst, target == 0 ? error : error / std::fabs(target));
  }
  return worst;
}

}  // namespace

Result<CalibrationResult> CalibrateLinear(const double* base_weights, size_t n, const double* x,
                                          int p, const std::vector<double>& totals) {
  return CalibrateLinear(base_weights, n, x, p, totals, LinearCalibrationOptions());
}

Result<CalibrationResult> CalibrateLinear(const double* base_weights, size_t n, const double* x,
                                          int p, const std::vector<double>& totals,
                                          const LinearCalibrationOptions& options) {
  try {
    internal::ProgressTicker ticker(options.progress, kSteps, "linear calibration");
    CANDOR_RETURN_IF_ERROR(
        internal::ValidateWeights(base_weights, base_weights == nullptr ? 0 : n, "base_weights"));
    if (n == 0) return Empty("no responses to calibrate");
    CANDOR_RETURN_IF_ERROR(ValidateDesign(x, n, p, totals, &ticker));
    if (!ticker.Add(1)) return ticker.CancelledStatus();
    if (n < static_cast<size_t>(p)) {
      return InvalidArgument(std::to_string(n) + " responses cannot calibrate " +
                             std::to_string(p) + " totals");
    }
    const std::vector<double> base = internal::BaseWeightsOrOnes(base_weights, n);
    const Eigen::Index rows = static_cast<Eigen::Index>(n);
    const Eigen::Map<const Matrix> design(x, rows, p);
    const Eigen::Map<const Eigen::VectorXd> w0(base.data(), rows);

    // QR of diag(sqrt(w0)) X: X' W0 X = R'R, and R's diagonal shows which
    // column first depends on the earlier ones.
    const Matrix scaled = w0.cwiseSqrt().asDiagonal() * design;
    const Eigen::HouseholderQR<Matrix> qr(scaled);
    if (!ticker.Add(1)) return ticker.CancelledStatus();
    const Matrix r = qr.matrixQR().topRows(p).triangularView<Eigen::Upper>();
    for (int j = 0; j < p; ++j) {
      const double length = scaled.col(j).norm();
      if (length == 0 || std::fabs(r(j, j)) <= kRankTolerance * length) {
        return SingularColumnError(x, n, p, j);
      }
    }
    const auto solve_normal = [&](const Eigen::VectorXd& rhs) -> Eigen::VectorXd {
      const Eigen::VectorXd y = r.transpose().triangularView<Eigen::Lower>().solve(rhs);
      return r.triangularView<Eigen::Upper>().solve(y);
    };

    const Eigen::Map<const Eigen::VectorXd> target(totals.data(), p);
    Eigen::VectorXd lambda = Eigen::VectorXd::Zero(p);
    Eigen::VectorXd weights = w0;
    double error = MaxRelativeError(design.transpose() * weights, totals);
    int iterations = 0;
    while (iterations < kMaxRefinements && error > kTargetError) {
      ++iterations;
      const Eigen::VectorXd next_lambda =
          lambda + solve_normal(target - design.transpose() * weights);
      const Eigen::VectorXd next_weights =
          w0.cwiseProduct(Eigen::VectorXd::Ones(rows) + design * next_lambda);
      const double next_error = MaxRelativeError(design.transpose() * next_weights, totals);
      if (!ticker.Add(1)) return ticker.CancelledStatus();
      if (!(next_error < error)) break;  // rounding floor reached
      lambda = next_lambda;
      weights = next_weights;
      error = next_error;
    }
    if (!(error <= kAcceptableError)) {
      return NotConverged("linear calibration missed its totals by a relative " +
                          internal::FormatNumber(error) + " after " + std::to_string(iterations) +
                          " iterations (the calibration matrix is nearly singular)");
    }

    // A variable carried only by a row with a subnormal base weight needs a
    // lambda beyond the double range; the weights overflow while the totals
    // still check, since NaN differences do not count as misses (found by
    // fuzz/weights, new18): an error, not inf weights.
    if (!weights.allFinite()) {
      return OutOfRange(
          "linear calibration's weights are beyond the double range (base weights too far "
          "apart for these totals)");
    }
    if (!ticker.Finish()) return ticker.CancelledStatus();
    CalibrationResult result;
    result.weights.assign(weights.data(), weights.data() + rows);
    result.step.kind = CalibrationStep::Kind::kLinear;
    result.step.x.assign(x, x + n * static_cast<size_t>(p));
    result.step.columns = p;
    result.step.weights_before = base;
    result.iterations = std::max(iterations, 1);
    result.converged = true;
    result.max_margin_error = error;
    result.summary = internal::SummarizeUnchecked(result.weights);
    return result;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory in linear calibration");
  }
}

}  // namespace candor
