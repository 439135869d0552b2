// Calibration to an invited population: the totals of each margin (or of
// the joint cells, for post-stratification) are counted from the rows of a
// population CSV, and the respondents' levels are matched to them by label.
#ifndef CANDOR_CLI_POPULATION_HPP_
#define CANDOR_CLI_POPULATION_HPP_

#include <candor/status.hpp>
#include <candor/table.hpp>
#include <candor/weight.hpp>
#include <string>
#include <vector>

#include "records.hpp"

namespace candor::cli {

enum class CalibrationKind { kRake, kPostStratify };

// One calibration variable: a margin (rake) or the joint cells (post-stratify).
struct Target {
  std::string name;                 // "region", or "region x plan" for cells
  std::vector<std::string> labels;  // per level, in population order
  std::vector<double> population;   // per level: rows of the population
  std::vector<int32_t> codes;       // per respondent: the level
};

struct PopulationCalibration {
  CalibrationKind kind = CalibrationKind::kRake;
  size_t population_size = 0;
  std::vector<Target> targets;
  CalibrationResult result;
};

// `respondents` holds, for each name in `margins` (in order), the
// respondents' column of that name. Errors: a margin column missing from the
// population, a respondent level absent from the population, a population
// level with no respondents (each naming margin, label and file), and the
// library's calibration errors.
Result<PopulationCalibration> CalibrateToPopulation(
    CalibrationKind kind, const Records& population, const std::vector<std::string>& margins,
    const std::vector<const CategoricalColumn*>& respondents, const double* base_weights,
    const std::string& responses_file, const Progress& progress = Progress());

}  // namespace candor::cli

#endif  // CANDOR_CLI_POPULATION_HPP_
