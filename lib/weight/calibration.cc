#include "calibration.hpp"

#include <algorithm>
#include <cmath>

#include "weight_internal.hpp"

namespace candor::internal {

std::string MarginLabel(const Margin& margin, size_t index) {
  if (margin.name.empty()) return "margin " + std::to_string(index);
  return "margin '" + margin.name + "'";
}

Status ValidateCalibrationInput(const double* base_weights, size_t n) {
  CANDOR_RETURN_IF_ERROR(
      ValidateWeights(base_weights, base_weights == nullptr ? 0 : n, "base_weights"));
  if (n == 0) return Empty("no responses to calibrate");
  return OkStatus();
}

Status ValidateMargin(const Margin& margin, size_t index, size_t n,
                      const std::vector<double>& base_weights) {
  const std::string label = MarginLabel(margin, index);
  const size_t levels = margin.population.size();
  if (levels == 0) return InvalidArgument(label + " has no population totals");
  if (levels > static_cast<size_t>(INT32_MAX)) {
    return InvalidArgument(label + " has too many levels");
  }
  for (size_t level = 0; level < levels; ++level) {
    const double total = margin.population[level];
    if (!std::isfinite(total) || total < 0) {
      return InvalidArgument(label + " level " + std::to_string(level) + " has population total " +
                             FormatNumber(total) + "; totals must be finite and >= 0");
    }
  }
  CANDOR_RETURN_IF_ERROR(
      ValidateCodes(margin.codes, n, static_cast<int32_t>(levels), label + " codes"));
  std::vector<size_t> counts(levels, 0);
  const std::vector<double> totals = WeightedTotals(margin, base_weights);
  for (size_t i = 0; i < n; ++i) ++counts[static_cast<size_t>(margin.codes[i])];
  for (size_t level = 0; level < levels; ++level) {
    const double population = margin.population[level];
    if (population == 0 && counts[level] > 0) {
      return InvalidArgument(label + " level " + std::to_string(level) + " has " +
                             std::to_string(counts[level]) + " respondents but population total 0");
    }
    if (population > 0 && counts[level] == 0) {
      return Empty(label + " level " + std::to_string(level) + " has population total " +
                   FormatNumber(population) + " but no respondents");
    }
    if (population > 0 && !(totals[level] > 0)) {
      return Empty(label + " level " + std::to_string(level) + " has population total " +
                   FormatNumber(population) + " but its " + std::to_string(counts[level]) +
                   " respondents all have base weight 0");
    }
  }
  return OkStatus();
}

std::vector<double> WeightedTotals(const Margin& margin, const std::vector<double>& weights,
                                   ProgressTicker* ticker) {
  std::vector<double> totals(margin.population.size(), 0.0);
  for (size_t i = 0; i < weights.size() && KeepGoing(ticker, i); ++i) {
    totals[static_cast<size_t>(margin.codes[i])] += weights[i];
  }
  return totals;
}

void ScaleToMargin(const Margin& margin, std::vector<double>* weights, ProgressTicker* ticker) {
  const std::vector<double> totals = WeightedTotals(margin, *weights, ticker);
  if (ticker != nullptr && !ticker->Running()) return;
  std::vector<double> factors(totals.size(), 0.0);
  for (size_t level = 0; level < totals.size(); ++level) {
    if (totals[level] > 0) factors[level] = margin.population[level] / totals[level];
  }
  for (size_t i = 0; i < weights->size() && KeepGoing(ticker, i); ++i) {
    const size_t level = static_cast<size_t>(margin.codes[i]);
    if (std::isfinite(factors[level])) {
      (*weights)[i] *= factors[level];
    } else {
      // A factor beyond the double range (a cell of tiny weights, 1e-47, and
      // a large population: found by fuzz/weights): w / total is at most 1,
      // so dividing first keeps the weight within its cell's population.
      (*weights)[i] = (*weights)[i] / totals[level] * margin.population[level];
    }
  }
}

double MaxRelativeError(const Margin& margin, const std::vector<double>& weights,
                        size_t* worst_level, ProgressTicker* ticker) {
  const std::vector<double> totals = WeightedTotals(margin, weights, ticker);
  double worst = 0;
  if (worst_level != nullptr) *worst_level = 0;
  for (size_t level = 0; level < totals.size(); ++level) {
    const double population = margin.population[level];
    if (population == 0) continue;
    const double error = std::fabs(totals[level] - population) / population;
    if (error > worst) {
      worst = error;
      if (worst_level != nullptr) *worst_level = level;
    }
  }
  return worst;
}

std::vector<int32_t> CopyCodes(const Margin& margin, size_t n) {
  return std::vector<int32_t>(margin.codes, margin.codes + n);
}

}  // namespace candor::internal
