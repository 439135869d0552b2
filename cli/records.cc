#include "records.hpp"

#include <candor/csv.hpp>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace candor::cli {
namespace {

std::string Where(const Records& records, size_t row, const std::string& column) {
  return "'" + records.file + "' line " + std::to_string(records.lines[row]) + ", column '" +
         column + "'";
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool ParseNumber(const Records& records, std::string_view field, double* value) {
  return ParseDialectNumber(field, records.dialect.decimal, value);
}

bool ParseTime(const Records& records, std::string_view field, int64_t* time) {
  Result<int64_t> parsed = ParseDialectTime(field, records.dialect.time_format);
  if (!parsed.ok()) return false;
  *time = *parsed;
  return true;
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// 0/1, yes/no, true/false (any case, spaces around allowed).
bool ParseFlag(const Records&, std::string_view field, uint8_t* flag) {
  const std::string text = Lower(Trim(field));
  if (text == "1" || text == "yes" || text == "true") {
    *flag = 1;
  } else if (text == "0" || text == "no" || text == "false") {
    *flag = 0;
  } else {
    return false;
  }
  return true;
}

// A measure: a finite number, a yes/no word as 1/0, or missing (NaN) when
// empty, "NA" or "NaN".
bool ParseMeasure(const Records& records, std::string_view field, double* value) {
  const std::string text = Lower(Trim(field));
  if (text.empty() || text == "na" || text == "nan") {
    *value = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  uint8_t flag = 0;
  if (text != "1" && text != "0" && ParseFlag(records, text, &flag)) {
    *value = flag;
    return true;
  }
  return ParseNumber(records, text, value);
}

// Every field of the column `name` read by parse(field, &value); the first it
// refuses is the ParseError "<file> line L, column '<name>': '<field>' is not <what>".
template <typename T>
Result<std::vector<T>> ReadColumn(const Records& records, const std::string& name,
                                  bool (*parse)(const Records&, std::string_view, T*),
                                  const std::string& what, bool numbers = false) {
  Result<size_t> column = records.Column(name);
  if (!column.ok()) return column.status();
  std::vector<T> values(records.size());
  for (size_t r = 0; r < records.size(); ++r) {
    const std::string& field = records.rows[r][*column];
    if (!parse(records, field, &values[r])) {
      return ParseError(Where(records, r, name) + ": '" + field + "' is not " +
                        what + (numbers ? NumberHint(field, records.dialect.decimal) : ""));
    }
  }
  return values;
}

// Splits the input into records; `lines` gets the physical line each starts on.
Status SplitRecords(std::string_view data, char delimiter, const std::string& file,
                    std::vector<std::vector<std::string>>* records, std::vector<int64_t>* lines) {
  size_t i = data.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  int64_t line = 1;
  while (i < data.size()) {
    std::vector<std::string> fields;
    std::string field;
    const int64_t start_line = line;
    bool quoted = false;
    bool was_quoted = false;
    bool end_of_record = false;
    for (; i < data.size() && !end_of_record; ++i) {
      const char c = data[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < data.size() && data[i + 1] == '"') {
            field += '"';
            ++i;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') ++line;
          field += c;
        }
      } else if (c == '"') {
        if (!field.empty() || was_quoted) {
          return ParseError("'" + file + "' line " + std::to_string(line) +
                            ": a quote inside an unquoted field (field " +
                            std::to_string(fields.size() + 1) + ")");
        }
        quoted = was_quoted = true;
      } else if (c == delimiter) {
        fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
        ++line;
        end_of_record = true;
      } else {
        if (was_quoted) {
          return ParseError("'" + file + "' line " + std::to_string(line) +
                            ": text after a closing quote (field " +
                            std::to_string(fields.size() + 1) + ")");
        }
        field += c;
      }
    }
    if (quoted) {
      return ParseError("'" + file + "' line " + std::to_string(start_line) +
                        ": a quoted field is never closed");
    }
    fields.push_back(std::move(field));
    records->push_back(std::move(fields));
    lines->push_back(start_line);
  }
  return OkStatus();
}

}  // namespace

Result<size_t> Records::Column(const std::string& name) const {
  for (size_t c = 0; c < header.size(); ++c) {
    if (header[c] == name) return c;
  }
  std::string have;
  for (const std::string& h : header) have += (have.empty() ? "" : ", ") + h;
  return NotFound("no column '" + name + "' in '" + file + "' (columns: " + have + ")");
}

Records Records::Subset(const std::vector<uint8_t>& keep) const {
  Records subset;
  subset.file = file;
  subset.header = header;
  subset.dialect = dialect;
  for (size_t r = 0; r < rows.size() && r < keep.size(); ++r) {
    if (!keep[r]) continue;
    subset.rows.push_back(rows[r]);
    subset.lines.push_back(lines[r]);
  }
  return subset;
}

Result<Records> ParseRecords(std::string_view data, char delimiter, const std::string& file) {
  if (std::optional<size_t> bad = FindInvalidUtf8(data)) {
    return InvalidUtf8("'" + file + "': invalid UTF-8 at byte offset " + std::to_string(*bad) +
                       kEncodingHint);
  }
  std::vector<std::vector<std::string>> all;
  std::vector<int64_t> lines;
  CANDOR_RETURN_IF_ERROR(SplitRecords(data, delimiter, file, &all, &lines));
  if (all.empty()) return ParseError("'" + file + "': no header row");
  Records records;
  records.file = file;
  records.header = std::move(all[0]);
  for (size_t a = 0; a < records.header.size(); ++a) {
    for (size_t b = 0; b < a; ++b) {
      if (records.header[a] == records.header[b]) {
        return ParseError("'" + file + "': column '" + records.header[a] +
                          "' appears twice in the header");
      }
    }
  }
  for (size_t r = 1; r < all.size(); ++r) {
    if (all[r].size() != records.header.size()) {
      return ParseError("'" + file + "' line " + std::to_string(lines[r]) + ": " +
                        std::to_string(all[r].size()) + " fields, the header has " +
                        std::to_string(records.header.size()));
    }
    records.rows.push_back(std::move(all[r]));
    records.lines.push_back(lines[r]);
  }
  return records;
}

Result<Records> ReadRecords(const std::string& path, char delimiter, uint64_t max_bytes,
                            const CsvDialect& dialect) {
  CANDOR_RETURN_IF_ERROR(CheckDialect(delimiter, dialect));
  Result<std::string> data = ReadDialectText(path, max_bytes, dialect);
  if (!data.ok()) return data.status();
  Result<Records> records = ParseRecords(*data, delimiter, path);
  if (records.ok()) records->dialect = dialect;
  return records;
}

Result<CategoricalColumn> ReadCategorical(const Records& records, const std::string& name) {
  Result<size_t> column = records.Column(name);
  if (!column.ok()) return column.status();
  CategoricalColumn out;
  out.name = name;
  out.codes.reserve(records.size());
  for (const auto& row : records.rows) out.codes.push_back(out.dictionary.Intern(row[*column]));
  return out;
}

Result<std::vector<double>> ReadNumbers(const Records& records, const std::string& name) {
  return ReadColumn(records, name, ParseNumber, "a finite number", /*numbers=*/true);
}

Result<std::vector<double>> ReadNonNegative(const Records& records, const std::string& name) {
  Result<std::vector<double>> values = ReadNumbers(records, name);
  if (!values.ok()) return values;
  for (size_t r = 0; r < values->size(); ++r) {
    if ((*values)[r] < 0) {
      return OutOfRange(Where(records, r, name) + ": weight " + RoundTrip((*values)[r]) +
                        " is negative");
    }
  }
  return values;
}

Result<std::vector<int64_t>> ReadTimes(const Records& records, const std::string& name) {
  return ReadColumn(records, name, ParseTime, TimeShape(records.dialect.time_format));
}

Result<std::vector<uint8_t>> ReadFlags(const Records& records, const std::string& name) {
  return ReadColumn(records, name, ParseFlag, "one of 0/1, yes/no, true/false");
}

Result<std::vector<double>> ReadMeasure(const Records& records, const std::string& name) {
  return ReadColumn(records, name, ParseMeasure,
                    "a finite number, yes/no, true/false, or empty / NA (missing)");
}

bool IsNumericColumn(const Records& records, size_t column) {
  double unused = 0;
  for (const auto& row : records.rows) {
    if (!ParseNumber(records, row[column], &unused)) return false;
  }
  return true;
}

std::string RoundTrip(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.17g", value);
  return buffer;
}

}  // namespace candor::cli
