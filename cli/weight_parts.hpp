// candor weight: the parts of a weight column (recency, accounts, inverse
// propensity) and the calibration to a population, each with the diagnostics
// it adds. weight_command.cc composes them.
#ifndef CANDOR_CLI_WEIGHT_PARTS_HPP_
#define CANDOR_CLI_WEIGHT_PARTS_HPP_

#include <candor/status.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "args.hpp"
#include "population.hpp"
#include "records.hpp"

namespace candor::cli {

// What the weights did, as JSON and as the table form built alongside.
struct Diagnostics {
  nlohmann::json json = nlohmann::json::object();
  std::string text;  // the table form, built alongside
};

// The respondents and, for ipw and calibration, the invited population.
struct WeightInputs {
  Records responses;
  Records population;              // empty unless --population or ipw
  std::vector<uint8_t> responded;  // ipw: one per population row
};

// "  key  value" lines, the keys aligned.
std::string KeyValues(const std::vector<std::pair<std::string, std::string>>& pairs);

// The per-response parts: one weight per response each.
Result<std::vector<double>> RecencyPart(const WeightArgs& args, const Records& responses,
                                        Diagnostics* diag);
Result<std::vector<double>> AccountsPart(const WeightArgs& args, const Records& responses,
                                         Diagnostics* diag);
Result<std::vector<double>> IpwPart(const WeightArgs& args, const WeightInputs& in,
                                    Diagnostics* diag);
// Rake or post-stratify to the population, from the base weights `base`
// (nullptr: all 1).
Status CalibrationPart(const WeightArgs& args, const WeightInputs& in, const double* base,
                       std::vector<double>* weights, PopulationCalibration* calibration,
                       Diagnostics* diag);
// Population, respondents and weighted total per margin level, with the final weights.
void AddMarginTable(const PopulationCalibration& calibration, const std::vector<double>& weights,
                    Diagnostics* diag);

}  // namespace candor::cli

#endif  // CANDOR_CLI_WEIGHT_PARTS_HPP_
