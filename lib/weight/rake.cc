// Rake: iterative proportional fitting to one-way margins (Deming and
// Stephan 1940), as survey::rake: each sweep post-stratifies to every
// margin in turn.
#include <algorithm>
#include <candor/weight.hpp>
#include <cmath>
#include <new>

#include "calibration.hpp"
#include "weight_internal.hpp"

namespace candor {
namespace {

// Raking to margins whose totals disagree cannot converge: say so up front.
Status CheckMarginTotalsAgree(const std::vector<Margin>& margins) {
  double first_sum = 0;
  for (size_t m = 0; m < margins.size(); ++m) {
    double sum = 0;
    for (double total : margins[m].population) sum += total;
    if (m == 0) {
      first_sum = sum;
    } else if (std::fabs(sum - first_sum) > 1e-6 * std::max(first_sum, sum)) {
      return InvalidArgument(internal::MarginLabel(margins[m], m) + " totals " +
                             internal::FormatNumber(sum) + " but " +
                             internal::MarginLabel(margins[0], 0) + " totals " +
                             internal::FormatNumber(first_sum) +
                             "; raking needs margins with the same population size");
    }
  }
  return OkStatus();
}

Status ValidateOptions(const RakeOptions& options) {
  if (options.max_iterations < 1) {
    return InvalidArgument("max_iterations must be at least 1, got " +
                           std::to_string(options.max_iterations));
  }
  if (!(std::isfinite(options.tolerance) && options.tolerance > 0)) {
    return InvalidArgument("tolerance must be positive and finite, got " +
                           internal::FormatNumber(options.tolerance));
  }
  return OkStatus();
}

}  // namespace

Result<CalibrationResult> Rake(const double* base_weights, size_t n,
                               const std::vector<Margin>& margins, const RakeOptions& options) {
  try {
    CANDOR_RETURN_IF_ERROR(ValidateOptions(options));
    CANDOR_RETURN_IF_ERROR(internal::ValidateCalibrationInput(base_weights, n));
    if (margins.empty()) return InvalidArgument("no margins to rake to");
    std::vector<double> weights = internal::BaseWeightsOrOnes(base_weights, n);
    for (size_t m = 0; m < margins.size(); ++m) {
      CANDOR_RETURN_IF_ERROR(internal::ValidateMargin(margins[m], m, n, weights));
    }
    CANDOR_RETURN_IF_ERROR(CheckMarginTotalsAgree(margins));

    CalibrationResult result;
    result.step.kind = CalibrationStep::Kind::kRake;
    for (const Margin& margin : margins) {
      result.step.cells.push_back(internal::CopyCodes(margin, n));
    }
    result.step.weights_before = weights;

    // Progress: iterations of max_iterations, polled within each pass.
    internal::ProgressTicker ticker(options.progress, options.max_iterations, "raking");
    internal::ProgressTicker* const poll = ticker.active() ? &ticker : nullptr;
    double error = 0;
    size_t worst_margin = 0;
    size_t worst_level = 0;
    int iteration = 0;
    while (iteration < options.max_iterations) {
      ++iteration;
      for (const Margin& margin : margins) internal::ScaleToMargin(margin, &weights, poll);
      // The last margin is now exact; the others show how far from the
      // fixed point the weights still are.
      error = 0;
      for (size_t m = 0; m < margins.size(); ++m) {
        size_t level = 0;
        const double margin_error = internal::MaxRelativeError(margins[m], weights, &level, poll);
        if (margin_error > error || m == 0) {
          error = std::max(error, margin_error);
          worst_margin = m;
          worst_level = level;
        }
      }
      if (!ticker.Add(1)) return ticker.CancelledStatus();
      if (error < options.tolerance) break;
    }
    if (!(error < options.tolerance)) {
      return NotConverged(
          "raking did not converge after " + std::to_string(iteration) +
          " iterations: " + internal::MarginLabel(margins[worst_margin], worst_margin) + " level " +
          std::to_string(worst_level) + " is still off its population total by a relative " +
          internal::FormatNumber(error) + " (tolerance " +
          internal::FormatNumber(options.tolerance) + ")");
    }
    if (!ticker.Finish()) return ticker.CancelledStatus();
    result.iterations = iteration;
    result.converged = true;
    result.max_margin_error = error;
    result.summary = internal::SummarizeUnchecked(weights);
    result.weights = std::move(weights);
    return result;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory raking");
  }
}

}  // namespace candor
