// Table: lookup of categorical columns and consistency checks.
#include <candor/table.hpp>
#include <string>
#include <string_view>

namespace candor {
namespace {

bool IsPresent(const CategoricalColumn& column) {
  return !column.name.empty() || !column.codes.empty();
}

// Every code of `column` must name a label of its dictionary, and a present
// column must have one code per row.
Status CheckCategorical(const CategoricalColumn& column, std::string_view what, size_t rows) {
  if (column.codes.size() != rows) {
    return LengthMismatch(std::string(what) + " column '" + column.name + "' has " +
                          std::to_string(column.codes.size()) + " codes, expected " +
                          std::to_string(rows) + " (one per score)");
  }
  const size_t labels = column.dictionary.size();
  for (size_t i = 0; i < rows; ++i) {
    const int32_t code = column.codes[i];
    if (code < 0 || static_cast<size_t>(code) >= labels) {
      return OutOfRange(std::string(what) + " column '" + column.name + "', row " +
                        std::to_string(i) + ": code " + std::to_string(code) +
                        " is not in its dictionary of " + std::to_string(labels) + " labels");
    }
  }
  return OkStatus();
}

Status CheckLength(size_t size, std::string_view what, size_t rows) {
  if (size == 0 || size == rows) return OkStatus();  // absent or complete
  return LengthMismatch(std::string(what) + " column has " + std::to_string(size) +
                        " entries, expected " + std::to_string(rows) + " (one per score)");
}

}  // namespace

const CategoricalColumn* Table::FindCategorical(std::string_view name) const {
  for (const CategoricalColumn& segment : segments) {
    if (segment.name == name) return &segment;
  }
  if (IsPresent(account) && (name == "account" || name == account.name)) return &account;
  if (IsPresent(role) && (name == "role" || name == role.name)) return &role;
  return nullptr;
}

const NumberColumn* Table::FindNumber(std::string_view name) const {
  for (const NumberColumn& column : numbers) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

Status Table::Validate() const {
  const size_t n = rows();
  CANDOR_RETURN_IF_ERROR(CheckLength(times.size(), "time", n));
  CANDOR_RETURN_IF_ERROR(CheckLength(weights.size(), "weight", n));
  CANDOR_RETURN_IF_ERROR(CheckLength(comments.size(), "comment", n));
  if (IsPresent(account)) CANDOR_RETURN_IF_ERROR(CheckCategorical(account, "account", n));
  if (IsPresent(role)) CANDOR_RETURN_IF_ERROR(CheckCategorical(role, "role", n));
  for (const CategoricalColumn& segment : segments) {
    CANDOR_RETURN_IF_ERROR(CheckCategorical(segment, "segment", n));
  }
  for (const NumberColumn& column : numbers) {
    if (column.values.size() != n) {
      return LengthMismatch("number column '" + column.name + "' has " +
                            std::to_string(column.values.size()) + " values, expected " +
                            std::to_string(n) + " (one per score)");
    }
  }
  return OkStatus();
}

}  // namespace candor
