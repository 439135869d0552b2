// Pieces of `candor score` output shared by the plain and the design-based
// (--population / --account-column) paths.
#ifndef CANDOR_CLI_SCORE_SHARED_HPP_
#define CANDOR_CLI_SCORE_SHARED_HPP_

#include <candor/score.hpp>
#include <candor/table.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "args.hpp"

namespace candor::cli {

// A number with 15 significant digits; "" for NaN (an empty CSV field).
std::string Full(double value);
// "NPS on 0..10 (promoters >= 9, detractors <= 6)".
std::string DescribeMetric(const ScoreArgs& args);
std::string DescribeMetric(const std::string& metric_name, const Metric& metric);
// The label of each segment column of a breakdown row.
std::vector<std::string> RowLabels(const std::vector<const CategoricalColumn*>& columns,
                                   const BreakdownRow& row);
std::vector<std::string> CsvHeader(const ScoreArgs& args);
std::vector<std::string> CsvEstimateFields(const ScoreArgs& args, const Estimate& e);
std::vector<std::string> CsvSegmentFields(const ScoreArgs& args,
                                          const std::vector<const CategoricalColumn*>& columns,
                                          const BreakdownRow& row);
std::string BreakdownTableText(const ScoreArgs& args,
                               const std::vector<const CategoricalColumn*>& columns,
                               const std::vector<BreakdownRow>& rows);
nlohmann::json BreakdownRowsJson(const ScoreArgs& args,
                                 const std::vector<const CategoricalColumn*>& columns,
                                 const std::vector<BreakdownRow>& rows);
// A scoring error prefixed with the file name; indexes are data rows.
Status InFile(const InputArgs& input, const Table& table, const Status& status);

// candor score with --population (raking) and/or --account-column (clusters).
int RunDesignScore(const ScoreArgs& args);

}  // namespace candor::cli

#endif  // CANDOR_CLI_SCORE_SHARED_HPP_
