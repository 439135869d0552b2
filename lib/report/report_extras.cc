// ReportExtrasFromTable: the report's per-row ARR, outcome and invited
// values, taken from the table's number columns named by ReportColumns.
#include <candor/report.hpp>
#include <cmath>
#include <string>
#include <vector>

namespace candor {
namespace {

// The values of number column `name` ("" = not given: empty), each checked
// by `valid` (NaN, a missing value, always passes).
template <typename Valid>
Status TakeColumn(const Table& table, const std::string& name, const char* role,
                  const char* expected, Valid valid, std::vector<double>* out) {
  if (name.empty()) return OkStatus();
  const NumberColumn* column = table.FindNumber(name);
  if (column == nullptr) {
    return NotFound(std::string("the ") + role + " column '" + name +
                    "' is not among the table's number columns (read it with "
                    "CsvOptions::number_columns)");
  }
  if (column->values.size() != table.rows()) {
    return LengthMismatch(std::string("the ") + role + " column '" + name + "' has " +
                          std::to_string(column->values.size()) + " values for " +
                          std::to_string(table.rows()) + " rows");
  }
  for (size_t i = 0; i < column->values.size(); ++i) {
    const double value = column->values[i];
    if (!std::isnan(value) && !valid(value)) {
      return InvalidArgument(std::string("the ") + role + " column '" + name + "', row " +
                             std::to_string(i + 1) + ": " + std::to_string(value) + " is not " +
                             expected);
    }
  }
  *out = column->values;
  return OkStatus();
}

}  // namespace

Result<ReportExtras> ReportExtrasFromTable(const Table& table, const ReportColumns& columns) {
  ReportExtras extras;
  CANDOR_RETURN_IF_ERROR(TakeColumn(
      table, columns.arr, "arr", "an amount >= 0", [](double v) { return v >= 0; }, &extras.arr));
  CANDOR_RETURN_IF_ERROR(TakeColumn(
      table, columns.outcome, "outcome", "0 (retained) or 1 (churned)",
      [](double v) { return v == 0 || v == 1; }, &extras.outcome));
  CANDOR_RETURN_IF_ERROR(TakeColumn(
      table, columns.invited, "invited", "a count > 0", [](double v) { return v > 0; },
      &extras.invited));
  return extras;
}

}  // namespace candor
