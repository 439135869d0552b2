// ParseCsv: a response table from CSV text, in one pass over the bytes.
#include <algorithm>
#include <candor/csv.hpp>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"
#include "common/quote.hpp"
#include "csv_records.hpp"
#include "csv_tokenizer.hpp"
#include "number.hpp"

namespace candor {
namespace {

using internal::CsvBytes;
using internal::CsvField;
using internal::CsvRecords;
using internal::CsvSyntaxError;
using internal::CsvTokenizer;
using internal::QuoteForMessage;

constexpr size_t kAbsent = static_cast<size_t>(-1);

std::string LineMessage(size_t line) { return "line " + std::to_string(line); }

Status CheckDelimiter(char d) {
  if (d == '"' || d == '\n' || d == '\r' || static_cast<unsigned char>(d) >= 0x80) {
    return InvalidArgument(
        "delimiter must be an ASCII character other than a quote, "
        "CR or LF");
  }
  return OkStatus();
}

Status CheckOptions(const CsvOptions& options) {
  CANDOR_RETURN_IF_ERROR(CheckDelimiter(options.delimiter));
  if (options.score_column.empty()) return InvalidArgument("score_column must name a column");
  if (options.decimal != '.' && options.decimal != ',') {
    return InvalidArgument("decimal must be '.' or ','");
  }
  if (options.decimal == options.delimiter) {
    return InvalidArgument(std::string("decimal and delimiter are both '") + options.delimiter +
                           "': with decimal ',' choose another delimiter (e.g. ';')");
  }
  if (!options.time_format.empty() && options.time_format.find('%') == std::string::npos) {
    return InvalidArgument("time_format " + QuoteForMessage(options.time_format) +
                           " has no % field (e.g. %d.%m.%Y %H:%M)");
  }
  return OkStatus();
}

// What a delimiter is called on the command line.
std::string DelimiterName(char d) { return d == '\t' ? "tab" : std::string(1, d); }

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

Status InvalidUtf8At(std::string_view data, size_t offset) {
  const size_t line =
      1 + static_cast<size_t>(std::count(data.begin(), data.begin() + offset, '\n'));
  return internal::InvalidUtf8AtOffset(line, offset);
}

// The header row: column names and where each is.
class Header {
 public:
  Status Read(const std::vector<CsvField>& fields, size_t line) {
    std::string scratch;
    names_.reserve(fields.size());
    for (const CsvField& field : fields) {
      names_.emplace_back(internal::FieldValue(field, &scratch));
    }
    for (size_t i = 0; i < names_.size(); ++i) {
      const auto [it, inserted] = index_of_.emplace(names_[i], i);
      if (!inserted) {
        return ParseError(LineMessage(line) + ": duplicate column name " +
                          QuoteForMessage(names_[i]) + " (fields " +
                          std::to_string(it->second + 1) + " and " + std::to_string(i + 1) +
                          " of the header)");
      }
    }
    return OkStatus();
  }

  // The index of column `name`; `role` says what the column was asked for.
  Result<size_t> Find(const std::string& name, std::string_view role) const {
    auto it = index_of_.find(name);
    if (it != index_of_.end()) return it->second;
    std::string available;
    std::string hint;
    for (const std::string& n : names_) {
      if (!available.empty()) available += ", ";
      available += QuoteForMessage(n);
      if (hint.empty() && EqualsIgnoringAsciiCase(n, name)) {
        hint = " (did you mean " + QuoteForMessage(n) + "?)";
      }
    }
    return NotFound(std::string(role) + " column " + QuoteForMessage(name) +
                    " not found in the header" + hint + "; available columns: " + available);
  }

  size_t size() const { return names_.size(); }
  const std::string& name(size_t index) const { return names_[index]; }

  // `missing` (a chosen column not found) with a hint when the header is one
  // column holding another usual delimiter: the file's delimiter is likely
  // that one. The delimiter is never guessed (a wrong guess would read the
  // wrong columns); the message says what to pass.
  Status WithDelimiterHint(const Status& missing, char delimiter) const {
    if (names_.size() != 1) return missing;
    for (const char candidate : {';', '\t', '|', ','}) {
      if (candidate == delimiter || names_[0].find(candidate) == std::string::npos) continue;
      const std::string name = DelimiterName(candidate);
      return Status(missing.code(),
                    missing.message() + "; the header is one column holding '" +
                        (candidate == '\t' ? std::string("\\t") : name) +
                        "': did you mean --delimiter '" + name + "'? (delimiter " +
                        (candidate == '\t' ? std::string("'\\t'") : "'" + name + "'") +
                        " in C++, C and Python)");
    }
    return missing;
  }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  absl::flat_hash_map<std::string, size_t> index_of_;
};

// Where each wanted column is in a record (kAbsent when not wanted).
struct ColumnPlan {
  size_t score = kAbsent;
  size_t time = kAbsent;
  size_t account = kAbsent;
  size_t role = kAbsent;
  size_t weight = kAbsent;
  size_t comment = kAbsent;
  std::vector<size_t> segments;
  std::vector<size_t> numbers;
};

Result<size_t> FindOptional(const Header& header, const std::string& name, std::string_view role) {
  if (name.empty()) return kAbsent;
  return header.Find(name, role);
}

Result<ColumnPlan> PlanColumns(const Header& header, const CsvOptions& options) {
  ColumnPlan plan;
  struct Wanted {
    const std::string& name;
    std::string_view role;
    size_t* index;
  };
  const Wanted wanted[] = {
      {options.score_column, "score", &plan.score},
      {options.time_column, "time", &plan.time},
      {options.account_column, "account", &plan.account},
      {options.role_column, "role", &plan.role},
      {options.weight_column, "weight", &plan.weight},
      {options.comment_column, "comment", &plan.comment},
  };
  for (const Wanted& w : wanted) {
    Result<size_t> index = FindOptional(header, w.name, w.role);
    if (!index.ok()) return index.status();
    *w.index = *index;
  }
  for (const std::string& name : options.segment_columns) {
    Result<size_t> index = header.Find(name, "segment");
    if (!index.ok()) return index.status();
    plan.segments.push_back(*index);
  }
  for (const std::string& name : options.number_columns) {
    Result<size_t> index = header.Find(name, "number");
    if (!index.ok()) return index.status();
    plan.numbers.push_back(*index);
  }
  return plan;
}

// Turns records into table rows. A row is appended whole or not at all.
class RowBuilder {
 public:
  RowBuilder(const Header& header, const ColumnPlan& plan, const CsvOptions& options, Table* table)
      : header_(header),
        plan_(plan),
        table_(table),
        decimal_(options.decimal),
        time_format_(options.time_format) {
    if (plan.account != kAbsent) table->account.name = options.account_column;
    if (plan.role != kAbsent) table->role.name = options.role_column;
    table->segments.resize(plan.segments.size());
    for (size_t s = 0; s < plan.segments.size(); ++s) {
      table->segments[s].name = options.segment_columns[s];
    }
    table->numbers.resize(plan.numbers.size());
    for (size_t c = 0; c < plan.numbers.size(); ++c) {
      table->numbers[c].name = options.number_columns[c];
    }
    numbers_.resize(plan.numbers.size());
  }

  // Appends the row of `fields`, or returns false with *problem set.
  bool Add(const std::vector<CsvField>& fields, size_t record_line, std::string* problem) {
    if (fields.size() != header_.size()) {
      *problem = LineMessage(record_line) + ": expected " + std::to_string(header_.size()) +
                 " fields, found " + std::to_string(fields.size());
      if (fields.size() == 1 && fields[0].raw.empty()) *problem += " (a blank line)";
      return false;
    }
    // Check everything that can fail before changing the table.
    double score = 0;
    if (!ParseNumber(fields, plan_.score, "score", &score, problem)) return false;
    int64_t time = 0;
    if (plan_.time != kAbsent && !ParseTime(fields, &time, problem)) return false;
    double weight = 0;
    if (plan_.weight != kAbsent) {
      if (!ParseNumber(fields, plan_.weight, "weight", &weight, problem)) return false;
      if (weight < 0) {
        *problem = FieldMessage(fields, plan_.weight) + " weight " +
                   QuoteForMessage(Value(fields, plan_.weight)) + " is negative";
        return false;
      }
    }
    for (size_t c = 0; c < plan_.numbers.size(); ++c) {
      if (!ParseOptionalNumber(fields, plan_.numbers[c], &numbers_[c], problem)) return false;
    }

    table_->scores.push_back(score);
    if (plan_.time != kAbsent) table_->times.push_back(time);
    if (plan_.weight != kAbsent) table_->weights.push_back(weight);
    if (plan_.comment != kAbsent) table_->comments.emplace_back(Value(fields, plan_.comment));
    if (plan_.account != kAbsent) Intern(fields, plan_.account, &table_->account);
    if (plan_.role != kAbsent) Intern(fields, plan_.role, &table_->role);
    for (size_t s = 0; s < plan_.segments.size(); ++s) {
      Intern(fields, plan_.segments[s], &table_->segments[s]);
    }
    for (size_t c = 0; c < plan_.numbers.size(); ++c) {
      table_->numbers[c].values.push_back(numbers_[c]);
    }
    return true;
  }

 private:
  std::string_view Value(const std::vector<CsvField>& fields, size_t column) {
    return internal::FieldValue(fields[column], &scratch_);
  }

  std::string FieldMessage(const std::vector<CsvField>& fields, size_t column) const {
    return LineMessage(fields[column].line) + ", column " + QuoteForMessage(header_.name(column)) +
           ":";
  }

  bool ParseNumber(const std::vector<CsvField>& fields, size_t column, std::string_view what,
                   double* value, std::string* problem) {
    const std::string_view text = internal::TrimBlanks(Value(fields, column));
    if (text.empty()) {
      *problem = FieldMessage(fields, column) + " empty " + std::string(what);
      return false;
    }
    std::string why;
    if (!internal::ParseFiniteDouble(text, decimal_, value, &why)) {
      *problem = FieldMessage(fields, column) + " " + std::string(what) + " " +
                 QuoteForMessage(text) + " " + why;
      return false;
    }
    return true;
  }

  // An empty field is NaN (a missing value), not a bad row.
  bool ParseOptionalNumber(const std::vector<CsvField>& fields, size_t column, double* value,
                           std::string* problem) {
    if (internal::TrimBlanks(Value(fields, column)).empty()) {
      *value = std::numeric_limits<double>::quiet_NaN();
      return true;
    }
    return ParseNumber(fields, column, "value", value, problem);
  }

  bool ParseTime(const std::vector<CsvField>& fields, int64_t* time, std::string* problem) {
    const std::string_view text = internal::TrimBlanks(Value(fields, plan_.time));
    if (!time_format_.empty()) return ParseFormattedTime(fields, text, time, problem);
    Result<int64_t> parsed = ParseTimestamp(text);
    if (!parsed.ok()) {
      *problem = FieldMessage(fields, plan_.time) + " " + parsed.status().message();
      return false;
    }
    *time = *parsed;
    return true;
  }

  // time_format (absl::ParseTime): at the offset of a %z field, else UTC.
  bool ParseFormattedTime(const std::vector<CsvField>& fields, std::string_view text, int64_t* time,
                          std::string* problem) {
    absl::Time parsed;
    std::string why;
    if (text.empty()) {
      why = "empty time";
    } else if (absl::ParseTime(time_format_, std::string(text), absl::UTCTimeZone(), &parsed,
                               &why)) {
      if (parsed == absl::InfiniteFuture() || parsed == absl::InfinitePast()) {
        why = "is not a finite time";
      } else {
        *time = absl::ToUnixSeconds(parsed);
        return true;
      }
    }
    *problem = FieldMessage(fields, plan_.time) + " time " + QuoteForMessage(text) +
               " does not match time_format " + QuoteForMessage(time_format_) + " (" + why + ")";
    return false;
  }

  void Intern(const std::vector<CsvField>& fields, size_t column, CategoricalColumn* out) {
    out->codes.push_back(out->dictionary.Intern(Value(fields, column)));
  }

  const Header& header_;
  const ColumnPlan& plan_;
  Table* table_;
  char decimal_;
  const std::string& time_format_;
  std::vector<double> numbers_;  // this row's number columns, checked before any is kept
  std::string scratch_;          // unescaped quoted fields
};

// A syntax error in a record, naming its column when the header is known.
Status SyntaxError(const CsvSyntaxError& syntax, const Header* header) {
  std::string where = LineMessage(syntax.line);
  if (header != nullptr && syntax.field_index < header->size()) {
    where += ", column " + QuoteForMessage(header->name(syntax.field_index));
  } else {
    where += ", field " + std::to_string(syntax.field_index + 1);
  }
  return ParseError(where + ": " + syntax.what);
}

// Reads the header record (after a byte-order mark, skipped; line numbers
// are unaffected by the mark). *failed: an error of the reader, not to pass
// to CsvRecords::Fail.
Status ReadHeader(CsvRecords* records, std::vector<CsvField>* fields, Header* header,
                  bool* failed) {
  CsvSyntaxError syntax;
  Result<CsvTokenizer::Outcome> outcome = records->Next(fields, &syntax);
  *failed = !outcome.ok();
  if (!outcome.ok()) return outcome.status();
  switch (*outcome) {
    case CsvTokenizer::Outcome::kEnd:
    case CsvTokenizer::Outcome::kNeedMore:  // never returned by CsvRecords
      return ParseError("empty input: no header row");
    case CsvTokenizer::Outcome::kError:
      return SyntaxError(syntax, nullptr);
    case CsvTokenizer::Outcome::kRecord:
      break;
  }
  return header->Read(*fields, records->record_line());
}

// Reading the whole input in memory first, or in chunks from a file, gives
// the same table and the same errors: CsvRecords checks UTF-8 ahead of
// tokenizing and Fail gives invalid UTF-8 anywhere priority.
Result<Table> Parse(CsvBytes* input, const CsvOptions& options) {
  CANDOR_RETURN_IF_ERROR(CheckOptions(options));
  CsvRecords records(input, options.delimiter, /*check_utf8=*/true, options.progress);
  CANDOR_RETURN_IF_ERROR(records.Start());
  if (records.empty()) return ParseError("empty input: no header row");

  std::vector<CsvField> fields;
  Header header;
  bool failed = false;
  if (Status status = ReadHeader(&records, &fields, &header, &failed); !status.ok()) {
    return failed ? status : records.Fail(status);
  }
  Result<ColumnPlan> plan = PlanColumns(header, options);
  if (!plan.ok()) return records.Fail(header.WithDelimiterHint(plan.status(), options.delimiter));

  Table table;
  RowBuilder rows(header, *plan, options, &table);
  std::string problem;
  CsvSyntaxError syntax;
  while (true) {
    Result<CsvTokenizer::Outcome> outcome = records.Next(&fields, &syntax);
    if (!outcome.ok()) return outcome.status();
    if (*outcome == CsvTokenizer::Outcome::kEnd) break;
    if (*outcome == CsvTokenizer::Outcome::kError) {
      return records.Fail(SyntaxError(syntax, &header));
    }
    if (!rows.Add(fields, records.record_line(), &problem)) {
      if (!options.skip_bad_rows) {
        return records.Fail(
            ParseError(problem +
                       " (to skip and count such rows: --skip-bad-rows, skip_bad_rows in C++, "
                       "C and Python)"));
      }
      ++table.skipped_rows;
    }
  }
  return table;
}

// Only the header record is tokenized and checked: its fields hold every
// byte of the record but delimiters, quotes and the line break (all ASCII),
// so the first invalid byte of the fields is the record's.
Result<std::vector<std::string>> ParseHeaderNames(CsvBytes* input, char delimiter) {
  CANDOR_RETURN_IF_ERROR(CheckDelimiter(delimiter));
  CsvRecords records(input, delimiter, /*check_utf8=*/false, Progress());
  CANDOR_RETURN_IF_ERROR(records.Start());
  std::vector<CsvField> fields;
  CsvSyntaxError syntax;
  Result<CsvTokenizer::Outcome> outcome = records.Next(&fields, &syntax);
  if (!outcome.ok()) return outcome.status();
  switch (*outcome) {
    case CsvTokenizer::Outcome::kEnd:
    case CsvTokenizer::Outcome::kNeedMore:  // never returned by CsvRecords
      return std::vector<std::string>();
    case CsvTokenizer::Outcome::kError:
      return SyntaxError(syntax, nullptr);
    case CsvTokenizer::Outcome::kRecord:
      break;
  }
  // Nothing was dropped before the header record: it starts the input.
  for (const CsvField& field : fields) {
    if (const auto bad = FindInvalidUtf8(field.raw)) {
      return InvalidUtf8At(records.FromStart(),
                           static_cast<size_t>(records.OffsetOf(field.raw.data())) + *bad);
    }
  }
  Header header;
  CANDOR_RETURN_IF_ERROR(header.Read(fields, records.record_line()));
  return header.names();
}

Result<std::vector<std::vector<std::string>>> ParseColumns(std::string_view data,
                                                           const std::vector<std::string>& names,
                                                           char delimiter, bool check_utf8) {
  // In memory, CsvRecords checks all of the input at Start: nothing is left
  // for Fail to check.
  CsvBytes input(data);
  CsvRecords records(&input, delimiter, check_utf8, Progress());
  if (data.empty()) return ParseError("empty input: no header row");
  CANDOR_RETURN_IF_ERROR(records.Start());
  std::vector<CsvField> fields;
  Header header;
  bool failed = false;
  CANDOR_RETURN_IF_ERROR(ReadHeader(&records, &fields, &header, &failed));
  std::vector<size_t> index;
  for (const std::string& name : names) {
    Result<size_t> found = header.Find(name, "text");
    if (!found.ok()) return header.WithDelimiterHint(found.status(), delimiter);
    index.push_back(*found);
  }
  std::vector<std::vector<std::string>> columns(names.size());
  std::string scratch;
  CsvSyntaxError syntax;
  while (true) {
    Result<CsvTokenizer::Outcome> outcome = records.Next(&fields, &syntax);
    if (!outcome.ok()) return outcome.status();
    if (*outcome == CsvTokenizer::Outcome::kEnd) break;
    if (*outcome == CsvTokenizer::Outcome::kError) return SyntaxError(syntax, &header);
    if (fields.size() != header.size()) {
      return ParseError(LineMessage(records.record_line()) + ": expected " +
                        std::to_string(header.size()) + " fields, found " +
                        std::to_string(fields.size()));
    }
    for (size_t c = 0; c < index.size(); ++c) {
      columns[c].emplace_back(internal::FieldValue(fields[index[c]], &scratch));
    }
  }
  return columns;
}

// With a progress callback, the input is parsed a piece at a time (as a file
// is read), so that the callback is told, and may cancel, as the parse goes.
constexpr size_t kProgressPieceBytes = size_t{4} << 20;

Result<Table> ParseInMemory(std::string_view data, const CsvOptions& options) {
  if (options.progress.callback == nullptr) {
    CsvBytes input(data);
    return Parse(&input, options);
  }
  CsvBytes input(data, kProgressPieceBytes);
  return Parse(&input, options);
}

}  // namespace

Result<Table> ParseCsv(std::string_view data, const CsvOptions& options) {
  try {
    if (internal::NeedsTranscoding(options.encoding)) {
      Result<std::string> utf8 = TranscodeToUtf8(data, options.encoding);
      if (!utf8.ok()) return utf8.status();
      return ParseInMemory(*utf8, options);
    }
    return ParseInMemory(data, options);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory while parsing CSV");
  } catch (const std::exception& e) {
    return Status(CANDOR_INTERNAL, std::string("unexpected error while parsing CSV: ") + e.what());
  }
}

Result<std::vector<std::string>> ParseCsvHeader(std::string_view data, const CsvOptions& options) {
  try {
    if (internal::NeedsTranscoding(options.encoding)) {
      Result<std::string> utf8 = TranscodeToUtf8(data, options.encoding);
      if (!utf8.ok()) return utf8.status();
      CsvBytes input(*utf8);
      return ParseHeaderNames(&input, options.delimiter);
    }
    CsvBytes input(data);
    return ParseHeaderNames(&input, options.delimiter);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory while parsing a CSV header");
  } catch (const std::exception& e) {
    return Status(CANDOR_INTERNAL,
                  std::string("unexpected error while parsing a CSV header: ") + e.what());
  }
}

Result<std::vector<std::vector<std::string>>> ParseCsvColumns(std::string_view data,
                                                              const std::vector<std::string>& names,
                                                              char delimiter, bool check_utf8) {
  try {
    return ParseColumns(data, names, delimiter, check_utf8);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory while parsing CSV");
  } catch (const std::exception& e) {
    return Status(CANDOR_INTERNAL, std::string("unexpected error while parsing CSV: ") + e.what());
  }
}

namespace internal {

bool NeedsTranscoding(const std::string& encoding) {
  std::string folded;
  for (const char c : encoding) {
    if (c != '-' && c != '_' && c != ' ') folded += AsciiLower(c);
  }
  return !folded.empty() && folded != "utf8";
}

Result<Table> ParseCsvBytes(CsvBytes* input, const CsvOptions& options) {
  return Parse(input, options);
}

Result<std::vector<std::string>> ParseCsvHeaderBytes(CsvBytes* input, char delimiter) {
  return ParseHeaderNames(input, delimiter);
}

}  // namespace internal
}  // namespace candor
