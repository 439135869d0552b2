// Output formatting for the candor tool: numbers, aligned text tables, CSV
// fields and JSON objects for estimates.
#ifndef CANDOR_CLI_FORMAT_HPP_
#define CANDOR_CLI_FORMAT_HPP_

#include <candor/score.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace candor::cli {

// Fixed decimals; "-" for NaN.
std::string FormatFixed(double value, int decimals);
// Signed fixed decimals ("+3.2", "-1.0"); "-" for NaN.
std::string FormatSigned(double value, int decimals);
// A p-value: "<0.001", "0.023", or "-" for NaN.
std::string FormatP(double p);
// "[12.3, 25.1]".
std::string FormatInterval(double low, double high, int decimals);
// "95%" / "99.5%".
std::string FormatLevel(double level);

// One CSV field, quoted when it holds the delimiter, a quote or a line break.
std::string CsvField(const std::string& text, char delimiter = ',');
std::string CsvRow(const std::vector<std::string>& fields, char delimiter = ',');

// A plain text table: a header, a rule, rows; the first `label_columns`
// columns left-aligned, the rest right-aligned unless set otherwise. Widths count code points.
class TextTable {
 public:
  TextTable(std::vector<std::string> headers, size_t label_columns);
  void AddRow(std::vector<std::string> cells);
  // Left-aligns one more column (e.g. a trailing column of notes).
  void SetLeftAligned(size_t column);
  std::string Render(const std::string& indent = "") const;

 private:
  std::vector<std::string> headers_;
  std::vector<bool> left_;
  std::vector<std::vector<std::string>> rows_;
};

// Decimals to show: 1 for NPS and box metrics (percent), 2 for means.
int DisplayDecimals(const Metric& metric);

nlohmann::json EstimateJson(const Estimate& estimate);
nlohmann::json ComparisonJson(const Comparison& comparison);
// NaN and infinities become null.
nlohmann::json NumberOrNull(double value);
// Pretty JSON; invalid UTF-8 (which the library rejects earlier) is replaced.
std::string DumpJson(const nlohmann::json& value);

}  // namespace candor::cli

#endif  // CANDOR_CLI_FORMAT_HPP_
