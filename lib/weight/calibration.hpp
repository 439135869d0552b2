// Shared pieces of the calibration functions (Rake, PostStratify,
// CalibrateLinear): input checks on base weights and margins, weighted cell
// totals, margin errors.
#ifndef CANDOR_WEIGHT_CALIBRATION_HPP_
#define CANDOR_WEIGHT_CALIBRATION_HPP_

#include <candor/status.hpp>
#include <candor/weight.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "common/progress_ticker.hpp"

namespace candor::internal {

// Calibrations tell a ticker (may be null) every this many respondents of a
// pass over them (ticker->Poll(): the callback is then called at most every
// 10 ms); a pass stops early once the call is cancelled, and the caller
// checks ticker->Running().
constexpr size_t kRowsPerPoll = size_t{1} << 16;
inline bool KeepGoing(ProgressTicker* ticker, size_t row) {
  return ticker == nullptr || (row + 1) % kRowsPerPoll != 0 || ticker->Poll();
}

// "margin 'region'" or, unnamed, "margin 2".
std::string MarginLabel(const Margin& margin, size_t index);

// Checks a margin against n respondents and their base weights (already
// validated): population totals finite and >= 0, codes in range, no level
// with respondents but population 0 (as survey::postStratify), and no level
// with population but no respondents or only zero-weight ones (CANDOR_EMPTY).
Status ValidateMargin(const Margin& margin, size_t index, size_t n,
                      const std::vector<double>& base_weights);

// Sum of weights per level of `margin`.
std::vector<double> WeightedTotals(const Margin& margin, const std::vector<double>& weights,
                                   ProgressTicker* ticker = nullptr);

// Scales every weight so that its level's weighted total equals the
// population total (one post-stratification sweep). Levels with population
// have positive totals (ValidateMargin); levels without have no members.
void ScaleToMargin(const Margin& margin, std::vector<double>* weights,
                   ProgressTicker* ticker = nullptr);

// Largest |weighted total - population| / population over levels with
// population; sets *level to the worst one.
double MaxRelativeError(const Margin& margin, const std::vector<double>& weights,
                        size_t* level = nullptr, ProgressTicker* ticker = nullptr);

// Copies the margin codes, for CalibrationStep::cells.
std::vector<int32_t> CopyCodes(const Margin& margin, size_t n);

// Shared checks of a calibration's base weights and n.
Status ValidateCalibrationInput(const double* base_weights, size_t n);

}  // namespace candor::internal

#endif  // CANDOR_WEIGHT_CALIBRATION_HPP_
