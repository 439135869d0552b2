// candor/design.hpp — how responses were sampled and weighted, as variance
// estimation needs to know it.
//
// Weighted estimates in candor use Taylor linearization, as R's survey package
// does (svymean via svyrecvar): each response gets an influence value
// e_i = w_i (s_i - m) / sum w; calibration steps then replace e by its
// residual from the calibration model, in the order the steps were applied;
// finally, with clusters (accounts), e is summed within each cluster and
// var = C / (C - 1) * sum_c (z_c - zbar)^2 (ids = ~account); without
// clusters, var = n / (n - 1) * sum_i (e_i - ebar)^2 (ids = ~1). The means
// zbar, ebar (survey's onestrat centres the totals) are 0 without
// calibration, not always after it. The residual of each step follows
// survey::svyrecvar (survey 4.1):
//  - post-stratification: e_i - w_i * (sum over the cell of e_j * w0_j / w_j)
//    / (sum over the cell of w0_j), with w0 the weights before, w after;
//  - raking: ten sweeps of post-stratification residuals over the margins
//    in turn, each subtracting w_i times the plain mean of e / w over the
//    margin's cell (as `rake`; w the raked weights, so raking must have
//    converged for every margin to share them);
//  - linear calibration (GREG): with s_i = w_i / sqrt(w0_i) (= g_i sqrt(w0_i),
//    regcalibrate's `caldata$w`), e_i = s_i * r_i where r is the
//    least-squares residual (qr.resid) of e / s on X sqrt(w0).
// A data type only: weight produces it, score consumes it.
#ifndef CANDOR_DESIGN_HPP_
#define CANDOR_DESIGN_HPP_

#include <cstdint>
#include <vector>

namespace candor {

// One calibration applied to the weights; kept so that variances account for
// it (calibration usually lowers the variance of what it is correlated with).
struct CalibrationStep {
  enum class Kind { kPostStratify, kRake, kLinear };
  Kind kind = Kind::kPostStratify;
  // kPostStratify: one column of cell codes (the joint cells). kRake: one
  // column per margin. Codes are dense, >= 0, one per response.
  std::vector<std::vector<int32_t>> cells;
  // kLinear: the calibration design matrix, row-major, rows x columns.
  std::vector<double> x;
  int columns = 0;
  // The weights just before this step (w0 above), one per response.
  std::vector<double> weights_before;
};

// A survey design over n responses. Pointers are borrowed, not owned.
struct SurveyDesign {
  const double* weights = nullptr;    // nullptr: every weight is 1
  const int32_t* clusters = nullptr;  // e.g. account codes; nullptr: none
  const std::vector<CalibrationStep>* calibration = nullptr;  // may be null
};

}  // namespace candor

#endif  // CANDOR_DESIGN_HPP_
