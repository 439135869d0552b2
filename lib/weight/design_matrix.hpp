// The design matrix of a logistic response-propensity model, built from
// Covariate columns: an intercept, then each covariate in order.
#ifndef CANDOR_WEIGHT_DESIGN_MATRIX_HPP_
#define CANDOR_WEIGHT_DESIGN_MATRIX_HPP_

#include <Eigen/Core>
#include <candor/status.hpp>
#include <candor/weight.hpp>
#include <cstddef>
#include <string>
#include <vector>

namespace candor::internal {

// Column layout (n rows, column-major):
//  - "(Intercept)": all ones;
//  - a numeric covariate "name": standardized over all n rows, (x - mean) / sd
//    with the population sd (divisor n, as sklearn's StandardScaler), so its
//    coefficient is the change in log-odds per standard deviation;
//  - a categorical covariate "name": one indicator column "name=code" per
//    level present in the data except the first present level (the reference).
//    Levels with no rows get no column (their coefficient is not identifiable).
struct DesignMatrix {
  Eigen::MatrixXd x;
  std::vector<std::string> terms;
};

// Errors: CANDOR_INVALID_ARGUMENT for a covariate that is malformed (no column
// or both, levels < 1), has no variance, or has fewer than two levels present;
// CANDOR_OUT_OF_RANGE for a NaN/infinite value or a code outside [0, levels),
// naming the covariate and the row.
Result<DesignMatrix> BuildDesignMatrix(const std::vector<Covariate>& covariates, size_t n);

// Checks the columns of one covariate without building anything: the same
// errors as BuildDesignMatrix.
Status ValidateCovariate(const Covariate& covariate, size_t n);

}  // namespace candor::internal

#endif  // CANDOR_WEIGHT_DESIGN_MATRIX_HPP_
