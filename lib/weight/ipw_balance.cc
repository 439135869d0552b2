// Absolute standardized mean differences (balance's asmd with
// std_type = "target"; Austin 2009) for the covariates of a propensity fit.
#include "weight/ipw_balance.hpp"

#include <cmath>
#include <string>

namespace candor::internal {
namespace {

// value(i) for one numeric column or one level indicator.
template <typename Value>
Balance BalanceOf(std::string variable, const Value& value, const uint8_t* responded, size_t n,
                  const std::vector<double>& weights) {
  double total = 0;
  for (size_t i = 0; i < n; ++i) total += value(i);
  const double target_mean = total / static_cast<double>(n);
  double squares = 0, respondent_sum = 0, weighted_sum = 0, weight_total = 0;
  size_t respondents = 0;
  for (size_t i = 0; i < n; ++i) {
    const double v = value(i);
    squares += (v - target_mean) * (v - target_mean);
    if (!responded[i]) continue;
    respondent_sum += v;
    weighted_sum += weights[respondents] * v;
    weight_total += weights[respondents];
    ++respondents;
  }
  const double sd = n > 1 ? std::sqrt(squares / static_cast<double>(n - 1)) : 0.0;
  Balance balance;
  balance.variable = std::move(variable);
  balance.asmd_before =
      std::abs(respondent_sum / static_cast<double>(respondents) - target_mean) / sd;
  balance.asmd_after = std::abs(weighted_sum / weight_total - target_mean) / sd;
  return balance;
}

}  // namespace

std::vector<Balance> PropensityBalance(const std::vector<Covariate>& covariates,
                                       const uint8_t* responded, size_t n,
                                       const std::vector<double>& weights) {
  std::vector<Balance> rows;
  for (const Covariate& covariate : covariates) {
    if (covariate.numeric != nullptr) {
      const double* x = covariate.numeric;
      rows.push_back(BalanceOf(
          covariate.name, [x](size_t i) { return x[i]; }, responded, n, weights));
      continue;
    }
    std::vector<size_t> counts(static_cast<size_t>(covariate.levels), 0);
    for (size_t i = 0; i < n; ++i) ++counts[static_cast<size_t>(covariate.codes[i])];
    const int32_t* codes = covariate.codes;
    for (int32_t level = 0; level < covariate.levels; ++level) {
      if (counts[static_cast<size_t>(level)] == 0) continue;
      rows.push_back(BalanceOf(
          covariate.name + "=" + std::to_string(level),
          [codes, level](size_t i) { return codes[i] == level ? 1.0 : 0.0; }, responded, n,
          weights));
    }
  }
  return rows;
}

}  // namespace candor::internal
