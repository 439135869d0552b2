// A generic CSV table for the candor tool: every field kept as text, so that
// `candor weight` can write a file back with one more column, and columns of
// any kind (the invited population's margins and covariates) can be read by
// name. The library's ReadCsv reads response tables (a score is required);
// this reader reuses its UTF-8 check and timestamp parsing.
#ifndef CANDOR_CLI_RECORDS_HPP_
#define CANDOR_CLI_RECORDS_HPP_

#include <candor/status.hpp>
#include <candor/table.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dialect.hpp"

namespace candor::cli {

struct Records {
  std::string file;  // for messages
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each header.size() fields
  std::vector<int64_t> lines;                  // 1-based physical line of each row
  CsvDialect dialect;  // how the column readers read numbers and times (decimal, time_format)

  size_t size() const { return rows.size(); }
  // The column's index, or NotFound naming the file and the columns it has.
  Result<size_t> Column(const std::string& name) const;
  // The rows whose `keep` entry is non-zero, in order.
  Records Subset(const std::vector<uint8_t>& keep) const;
};

// RFC 4180 (as candor/csv.hpp): quoted fields, doubled quotes, line breaks in
// quotes, LF or CRLF, a UTF-8 BOM skipped, the whole input valid UTF-8. A row
// with the wrong number of fields, a stray quote or an unclosed quote is a
// ParseError naming the line. A file without data rows has no rows.
Result<Records> ParseRecords(std::string_view data, char delimiter, const std::string& file);
// ReadRecords reads the file with candor::ReadWholeFile (max_bytes 0 is no
// limit), transcoded to UTF-8 from dialect.encoding when one is given, and
// keeps the dialect for the column readers. A ',' decimal with a ','
// delimiter is InvalidArgument (as the library's reader says).
Result<Records> ReadRecords(const std::string& path, char delimiter, uint64_t max_bytes,
                            const CsvDialect& dialect = CsvDialect());

// Column readers. Errors name the file, the line and the column.
// Labels interned in order of first appearance.
Result<CategoricalColumn> ReadCategorical(const Records& records, const std::string& name);
// Finite numbers (spaces around allowed; decimal separator: dialect.decimal);
// an empty field is an error.
Result<std::vector<double>> ReadNumbers(const Records& records, const std::string& name);
// As ReadNumbers, and every value >= 0 (weights).
Result<std::vector<double>> ReadNonNegative(const Records& records, const std::string& name);
// ISO 8601 or epoch seconds (candor::ParseTimestamp), or of
// dialect.time_format when given (ParseDialectTime), as Unix seconds.
Result<std::vector<int64_t>> ReadTimes(const Records& records, const std::string& name);
// 0/1, yes/no, true/false (any case) as 1/0.
Result<std::vector<uint8_t>> ReadFlags(const Records& records, const std::string& name);
// A health measure: finite numbers (dialect.decimal), yes/no and true/false as 1/0, and
// empty, NA or NaN fields as missing (NaN).
Result<std::vector<double>> ReadMeasure(const Records& records, const std::string& name);
// True when every field of the column is a finite number.
bool IsNumericColumn(const Records& records, size_t column);

// One number as text with round-trip precision ("%.17g").
std::string RoundTrip(double value);

}  // namespace candor::cli

#endif  // CANDOR_CLI_RECORDS_HPP_
