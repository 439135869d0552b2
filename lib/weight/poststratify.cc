// PostStratify: w_i = w0_i * N_c / sum_{j in c} w0_j (survey::postStratify).
#include <candor/weight.hpp>
#include <new>

#include "calibration.hpp"
#include "weight_internal.hpp"

namespace candor {

Result<CalibrationResult> PostStratify(const double* base_weights, size_t n, const Margin& cells) {
  return PostStratify(base_weights, n, cells, PostStratifyOptions());
}

Result<CalibrationResult> PostStratify(const double* base_weights, size_t n, const Margin& cells,
                                       const PostStratifyOptions& options) {
  try {
    CANDOR_RETURN_IF_ERROR(internal::ValidateCalibrationInput(base_weights, n));
    std::vector<double> weights = internal::BaseWeightsOrOnes(base_weights, n);
    CANDOR_RETURN_IF_ERROR(internal::ValidateMargin(cells, 0, n, weights));

    CalibrationResult result;
    result.step.kind = CalibrationStep::Kind::kPostStratify;
    result.step.cells.push_back(internal::CopyCodes(cells, n));
    result.step.weights_before = weights;
    // Progress: respondents of n, told once scaled and polled within each
    // pass (totals, scaling, the check).
    internal::ProgressTicker ticker(options.progress, static_cast<int64_t>(n),
                                    "post-stratification");
    internal::ProgressTicker* const poll = ticker.active() ? &ticker : nullptr;
    internal::ScaleToMargin(cells, &weights, poll);
    if (!ticker.Add(static_cast<int64_t>(n))) return ticker.CancelledStatus();
    result.iterations = 1;
    result.converged = true;
    result.max_margin_error = internal::MaxRelativeError(cells, weights, nullptr, poll);
    if (!ticker.Finish()) return ticker.CancelledStatus();
    result.summary = internal::SummarizeUnchecked(weights);
    result.weights = std::move(weights);
    return result;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory post-stratifying");
  }
}

}  // namespace candor
