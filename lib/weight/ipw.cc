// Inverse-propensity weights for nonresponse: respondents get 1 / p_hat from
// a logistic model of response over the whole invited population
// (Rosenbaum and Rubin 1983; as balance's ipw, with a ridge penalty).
#include <candor/weight.hpp>
#include <cmath>
#include <new>
#include <string>

#include "common/logistic.hpp"
#include "common/progress_ticker.hpp"
#include "design_matrix.hpp"

namespace candor {
namespace {

Status ValidateOptions(const IpwOptions& options) {
  if (!(options.l2_penalty >= 0 && std::isfinite(options.l2_penalty))) {
    return InvalidArgument("l2_penalty must be finite and >= 0, got " +
                           std::to_string(options.l2_penalty));
  }
  if (options.max_iterations < 1) {
    return InvalidArgument("max_iterations must be >= 1, got " +
                           std::to_string(options.max_iterations));
  }
  if (!(options.tolerance > 0 && std::isfinite(options.tolerance))) {
    return InvalidArgument("tolerance must be finite and > 0, got " +
                           std::to_string(options.tolerance));
  }
  return OkStatus();
}

// Counts respondents; every entry must be 0 or 1.
Result<size_t> CountRespondents(const uint8_t* responded, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < n; ++i) {
    if (responded[i] > 1) {
      return OutOfRange("responded at row " + std::to_string(i) + " is " +
                        std::to_string(responded[i]) + "; it must be 0 or 1");
    }
    count += responded[i];
  }
  if (count == 0) return InvalidArgument("no one responded: there is nothing to weight");
  if (count == n) {
    return InvalidArgument("every invited customer responded: there is no nonresponse to model");
  }
  return count;
}

Result<IpwResult> FitPropensityWeights(const uint8_t* responded, size_t n,
                                       const std::vector<Covariate>& covariates,
                                       const IpwOptions& options) {
  if (n == 0) return Empty("no invited customers");
  if (responded == nullptr) return InvalidArgument("responded is null");
  CANDOR_RETURN_IF_ERROR(ValidateOptions(options));
  Result<size_t> respondents = CountRespondents(responded, n);
  if (!respondents.ok()) return respondents.status();
  Result<internal::DesignMatrix> design = internal::BuildDesignMatrix(covariates, n);
  if (!design.ok()) return design.status();

  internal::LogisticOptions logistic;
  logistic.l2_penalty = options.l2_penalty;
  logistic.max_iterations = options.max_iterations;
  logistic.tolerance = options.tolerance;
  // Progress: Newton iterations of max_iterations (the fit checks within its
  // passes over the rows).
  internal::ProgressTicker ticker(options.progress, options.max_iterations,
                                  "inverse-propensity weighting");
  if (ticker.active()) logistic.ticker = &ticker;
  Result<internal::LogisticFit> fit = internal::FitLogistic(design->x, responded, logistic);
  if (!fit.ok()) return fit.status();
  if (!ticker.Finish()) return ticker.CancelledStatus();

  IpwResult result;
  result.coefficients.assign(fit->coefficients.data(),
                             fit->coefficients.data() + fit->coefficients.size());
  result.terms = std::move(design->terms);
  result.iterations = fit->iterations;
  result.converged = true;
  result.propensity.resize(n);
  result.weights.reserve(*respondents);
  for (size_t i = 0; i < n; ++i) {
    const double eta = fit->linear_predictor[static_cast<Eigen::Index>(i)];
    const double t = std::exp(-std::abs(eta));
    const double p = eta >= 0 ? 1.0 / (1.0 + t) : t / (1.0 + t);
    result.propensity[i] = p;
    if (!responded[i]) continue;
    const double weight = 1.0 / p;
    if (!std::isfinite(weight)) {
      return OutOfRange("the respondent at row " + std::to_string(i) +
                        " has a fitted response probability of 0; use l2_penalty > 0");
    }
    result.weights.push_back(weight);
  }
  Result<WeightSummary> summary = SummarizeWeights(result.weights.data(), result.weights.size());
  if (!summary.ok()) return summary.status();
  result.summary = *summary;
  Result<std::vector<Balance>> balance =
      CovariateBalance(responded, n, covariates, result.weights.data());
  if (!balance.ok()) return balance.status();
  result.balance = std::move(*balance);
  return result;
}

}  // namespace

Result<IpwResult> InversePropensityWeights(const uint8_t* responded, size_t n,
                                           const std::vector<Covariate>& covariates,
                                           const IpwOptions& options) {
  try {
    return FitPropensityWeights(responded, n, covariates, options);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY,
                  "out of memory fitting response propensities for " + std::to_string(n) + " rows");
  }
}

}  // namespace candor
