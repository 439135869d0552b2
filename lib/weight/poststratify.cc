// PostStratify: w_i = w0_i * N_c / sum_{j in c} w0_j (survey::postStratify).
#include <candor/weight.hpp>
#include <new>

#include "calibration.hpp"
#include "weight_internal.hpp"

namespace candor {

Result<CalibrationResult> PostStratify(const double* base_weights, size_t n, const Margin& cells) {
  try {
    CANDOR_RETURN_IF_ERROR(internal::ValidateCalibrationInput(base_weights, n));
    std::vector<double> weights = internal::BaseWeightsOrOnes(base_weights, n);
    CANDOR_RETURN_IF_ERROR(internal::ValidateMargin(cells, 0, n, weights));

    CalibrationResult result;
    result.step.kind = CalibrationStep::Kind::kPostStratify;
    result.step.cells.push_back(internal::CopyCodes(cells, n));
    result.step.weights_before = weights;
    internal::ScaleToMargin(cells, &weights);
    result.iterations = 1;
    result.converged = true;
    result.max_margin_error = internal::MaxRelativeError(cells, weights);
    result.summary = internal::SummarizeUnchecked(weights);
    result.weights = std::move(weights);
    return result;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory post-stratifying");
  }
}

}  // namespace candor
