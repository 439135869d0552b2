// Design matrix: intercept, standardized numeric columns, one-hot levels.
#include "design_matrix.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace candor::internal {
namespace {

std::string Quoted(const std::string& name) { return "covariate '" + name + "'"; }

// Rows per level of a categorical covariate (codes already validated).
std::vector<size_t> LevelCounts(const Covariate& covariate, size_t n) {
  std::vector<size_t> counts(static_cast<size_t>(covariate.levels), 0);
  for (size_t i = 0; i < n; ++i) ++counts[static_cast<size_t>(covariate.codes[i])];
  return counts;
}

void AppendNumeric(const Covariate& covariate, size_t n, Eigen::Index column,
                   DesignMatrix* design) {
  // Two passes (mean, then centred squares) keep the variance accurate for
  // columns with a large mean.
  double sum = 0;
  for (size_t i = 0; i < n; ++i) sum += covariate.numeric[i];
  const double mean = sum / static_cast<double>(n);
  double squares = 0;
  for (size_t i = 0; i < n; ++i) {
    const double d = covariate.numeric[i] - mean;
    squares += d * d;
  }
  const double sd = std::sqrt(squares / static_cast<double>(n));
  double* out = design->x.col(column).data();
  for (size_t i = 0; i < n; ++i) out[i] = (covariate.numeric[i] - mean) / sd;
  design->terms.push_back(covariate.name);
}

}  // namespace

Status ValidateCovariate(const Covariate& covariate, size_t n) {
  const std::string name = Quoted(covariate.name);
  if ((covariate.numeric == nullptr) == (covariate.codes == nullptr)) {
    return InvalidArgument(name + " must have exactly one of numeric values or codes");
  }
  if (covariate.numeric != nullptr) {
    for (size_t i = 0; i < n; ++i) {
      if (!std::isfinite(covariate.numeric[i])) {
        return OutOfRange(name + " has a missing or infinite value at row " + std::to_string(i));
      }
    }
    bool varies = false;
    for (size_t i = 1; i < n && !varies; ++i) varies = covariate.numeric[i] != covariate.numeric[0];
    if (!varies) {
      return InvalidArgument(name + " has no variance (every value is the same), so it " +
                             "cannot explain who responded; drop it");
    }
    return OkStatus();
  }
  if (covariate.levels < 1) {
    return InvalidArgument(name + " has levels = " + std::to_string(covariate.levels) +
                           "; a categorical covariate needs levels >= 1");
  }
  for (size_t i = 0; i < n; ++i) {
    const int32_t code = covariate.codes[i];
    if (code < 0 || code >= covariate.levels) {
      return OutOfRange(name + " has code " + std::to_string(code) + " at row " +
                        std::to_string(i) + ", outside [0, " + std::to_string(covariate.levels) +
                        ")");
    }
  }
  int present = 0;
  for (size_t count : LevelCounts(covariate, n)) present += count > 0 ? 1 : 0;
  if (present < 2) {
    return InvalidArgument(name + " has only one level present, so it cannot explain who " +
                           "responded; drop it");
  }
  return OkStatus();
}

Result<DesignMatrix> BuildDesignMatrix(const std::vector<Covariate>& covariates, size_t n) {
  if (n == 0) return Empty("no rows to build a design matrix from");
  Eigen::Index columns = 1;
  std::vector<std::vector<size_t>> level_counts(covariates.size());
  for (size_t c = 0; c < covariates.size(); ++c) {
    CANDOR_RETURN_IF_ERROR(ValidateCovariate(covariates[c], n));
    if (covariates[c].numeric != nullptr) {
      ++columns;
      continue;
    }
    level_counts[c] = LevelCounts(covariates[c], n);
    int present = 0;
    for (size_t count : level_counts[c]) present += count > 0 ? 1 : 0;
    columns += present - 1;
  }
  DesignMatrix design;
  design.x.resize(static_cast<Eigen::Index>(n), columns);
  design.x.col(0).setOnes();
  design.terms.push_back("(Intercept)");
  Eigen::Index column = 1;
  for (size_t c = 0; c < covariates.size(); ++c) {
    const Covariate& covariate = covariates[c];
    if (covariate.numeric != nullptr) {
      AppendNumeric(covariate, n, column++, &design);
      continue;
    }
    // Column index of each level's indicator, or -1 for the reference level
    // and for absent levels.
    std::vector<Eigen::Index> level_column(level_counts[c].size(), -1);
    bool reference_seen = false;
    for (size_t level = 0; level < level_counts[c].size(); ++level) {
      if (level_counts[c][level] == 0) continue;
      if (!reference_seen) {
        reference_seen = true;
        continue;
      }
      level_column[level] = column;
      design.x.col(column).setZero();
      design.terms.push_back(covariate.name + "=" + std::to_string(level));
      ++column;
    }
    for (size_t i = 0; i < n; ++i) {
      const Eigen::Index target = level_column[static_cast<size_t>(covariate.codes[i])];
      if (target >= 0) design.x(static_cast<Eigen::Index>(i), target) = 1.0;
    }
  }
  return design;
}

}  // namespace candor::internal
