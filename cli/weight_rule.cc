#include "weight_rule.hpp"

#include <algorithm>
#include <cctype>

namespace candor::cli {

const std::vector<std::string>& UsualWeightColumnNames() {
  static const std::vector<std::string> names = {"weight", "weights", "survey_weight"};
  return names;
}

std::optional<std::string> UnusedWeightNote(const std::vector<std::string>& header,
                                            const std::string& weight_column) {
  if (!weight_column.empty()) return std::nullopt;
  for (const std::string& column : header) {
    std::string lower = column;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto& usual = UsualWeightColumnNames();
    if (std::find(usual.begin(), usual.end(), lower) == usual.end()) continue;
    return "column '" + column +
           "' looks like survey weights but was not used: the results are unweighted "
           "(--weight-column " +
           column + " weights them)";
  }
  return std::nullopt;
}

std::string WeightingText(const std::string& weight_column) {
  return weight_column.empty() ? "unweighted" : "weighted by column '" + weight_column + "'";
}

}  // namespace candor::cli
