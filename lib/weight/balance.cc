// CovariateBalance: absolute standardized mean differences (ASMD) between
// respondents and the invited population, before and after weighting
// (balance's asmd with std_type = "target").
#include <candor/weight.hpp>
#include <cmath>
#include <new>

#include "weight_internal.hpp"

namespace candor {
namespace {

// The value of covariate row i as balance uses it: the number itself, or
// the indicator of `level` for a categorical covariate.
class Column {
 public:
  Column(const Covariate& covariate, int32_t level) : covariate_(covariate), level_(level) {}
  double operator()(size_t i) const {
    if (covariate_.numeric != nullptr) return covariate_.numeric[i];
    return covariate_.codes[i] == level_ ? 1.0 : 0.0;
  }

 private:
  const Covariate& covariate_;
  int32_t level_;
};

Status ValidateCovariate(const Covariate& covariate, size_t index, size_t n) {
  const std::string label =
      "covariate " + (covariate.name.empty() ? std::to_string(index) : "'" + covariate.name + "'");
  if ((covariate.numeric == nullptr) == (covariate.codes == nullptr)) {
    return InvalidArgument(label + " must have exactly one of numeric values or codes");
  }
  if (covariate.numeric != nullptr) {
    for (size_t i = 0; i < n; ++i) {
      if (!std::isfinite(covariate.numeric[i])) {
        return InvalidArgument(label + " row " + std::to_string(i) + " is not finite (" +
                               internal::FormatNumber(covariate.numeric[i]) + ")");
      }
    }
    return OkStatus();
  }
  if (covariate.levels < 1) {
    return InvalidArgument(label + " has " + std::to_string(covariate.levels) + " levels");
  }
  return internal::ValidateCodes(covariate.codes, n, covariate.levels, label + " codes");
}

Balance BalanceOf(const std::string& variable, const Column& column, const uint8_t* responded,
                  size_t n, const std::vector<double>& weights) {
  double population_sum = 0;
  double respondent_sum = 0;
  double weighted_sum = 0;
  double weight_total = 0;
  size_t respondents = 0;
  size_t r = 0;  // index into weights: respondents in population order
  for (size_t i = 0; i < n; ++i) {
    const double value = column(i);
    population_sum += value;
    if (responded[i] == 0) continue;
    respondent_sum += value;
    ++respondents;
    weighted_sum += weights[r] * value;
    weight_total += weights[r];
    ++r;
  }
  const double population_mean = population_sum / static_cast<double>(n);
  double square_sum = 0;
  for (size_t i = 0; i < n; ++i) {
    const double deviation = column(i) - population_mean;
    square_sum += deviation * deviation;
  }
  const double sd = std::sqrt(square_sum / static_cast<double>(n - 1));
  Balance balance;
  balance.variable = variable;
  if (!(sd > 0)) return balance;  // a constant population: respondents match it
  balance.asmd_before =
      std::fabs(respondent_sum / static_cast<double>(respondents) - population_mean) / sd;
  balance.asmd_after = std::fabs(weighted_sum / weight_total - population_mean) / sd;
  return balance;
}

}  // namespace

Result<std::vector<Balance>> CovariateBalance(const uint8_t* responded, size_t n,
                                              const std::vector<Covariate>& covariates,
                                              const double* respondent_weights) {
  try {
    CANDOR_RETURN_IF_ERROR(internal::RequireArray(responded, n, "responded"));
    if (n < 2) return Empty("balance needs at least 2 invited customers, got " + std::to_string(n));
    size_t respondents = 0;
    for (size_t i = 0; i < n; ++i) {
      if (responded[i] > 1) {
        return InvalidArgument("responded[" + std::to_string(i) +
                               "] = " + std::to_string(responded[i]) + " is not 0 or 1");
      }
      respondents += responded[i];
    }
    if (respondents == 0) return Empty("no respondents among " + std::to_string(n) + " invited");
    CANDOR_RETURN_IF_ERROR(internal::ValidateWeights(
        respondent_weights, respondent_weights == nullptr ? 0 : respondents, "respondent_weights"));
    const std::vector<double> weights =
        internal::BaseWeightsOrOnes(respondent_weights, respondents);
    double weight_total = 0;
    for (double w : weights) weight_total += w;
    if (!(weight_total > 0)) return InvalidArgument("all respondent weights are 0");

    std::vector<Balance> rows;
    for (size_t c = 0; c < covariates.size(); ++c) {
      const Covariate& covariate = covariates[c];
      CANDOR_RETURN_IF_ERROR(ValidateCovariate(covariate, c, n));
      if (covariate.numeric != nullptr) {
        rows.push_back(BalanceOf(covariate.name, Column(covariate, 0), responded, n, weights));
        continue;
      }
      for (int32_t level = 0; level < covariate.levels; ++level) {
        rows.push_back(BalanceOf(covariate.name + "=" + std::to_string(level),
                                 Column(covariate, level), responded, n, weights));
      }
    }
    return rows;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory computing covariate balance");
  }
}

}  // namespace candor
