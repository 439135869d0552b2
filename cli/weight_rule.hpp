// One weighting rule for every command: responses are weighted only when a
// column is named for it (--weight-column, or "weight" in report's
// --columns). A column that looks like weights but was not named is never
// used silently; the output says so instead, so `candor score` and
// `candor report` give the same headline on the same file.
#ifndef CANDOR_CLI_WEIGHT_RULE_HPP_
#define CANDOR_CLI_WEIGHT_RULE_HPP_

#include <optional>
#include <string>
#include <vector>

namespace candor::cli {

// The header names that look like survey weights.
const std::vector<std::string>& UsualWeightColumnNames();

// With no weight column named, the note about a header column that looks
// like weights ("column 'weight' looks like survey weights but was not used:
// ..."); nullopt when a weight column is named or none looks like one.
std::optional<std::string> UnusedWeightNote(const std::vector<std::string>& header,
                                            const std::string& weight_column);

// "weighted by column 'w'" or "unweighted".
std::string WeightingText(const std::string& weight_column);

}  // namespace candor::cli

#endif  // CANDOR_CLI_WEIGHT_RULE_HPP_
