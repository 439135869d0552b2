// candor/csv.hpp — reading response tables from CSV.
//
// RFC 4180: fields separated by a delimiter (',' by default), optionally
// enclosed in double quotes, quotes doubled inside quoted fields, line breaks
// (LF or CRLF) allowed inside quoted fields. A UTF-8 byte-order mark is
// skipped. The whole input must be valid UTF-8 (Unicode 15, Table 3-7); the
// first header row names the columns, and columns are chosen by name.
//
// Errors name the 1-based physical line and the column: a malformed quote, a
// row with the wrong number of fields, a score that is not a number, a time
// that is neither ISO 8601 nor epoch seconds, a weight that is negative or not
// finite, a number column's text that is not a finite number (an empty cell
// there is NaN). With skip_bad_rows, a bad row is skipped and counted in
// Table::skipped_rows instead (never silently); malformed quoting and invalid
// UTF-8 are errors either way, since the rows after them cannot be trusted.
//
// Times: epoch seconds (an integer, optionally signed) or ISO 8601:
// YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.fff]] (or a space for T), with Z,
// +hh:mm, -hh:mm, +hhmm or no offset (taken as UTC). Stored as Unix seconds.
// Other shapes (01.01.2025 00:16) are read with CsvOptions::time_format.
// Scores are parsed as numbers here; range checks belong to scoring.
// An empty score field is a bad row (a response without a score). The error
// of a bad row says that skip_bad_rows (CLI: --skip-bad-rows) skips them.
//
// Dialects: CsvOptions::delimiter, decimal, time_format and encoding (below).
// The delimiter is never guessed: when the header read with the delimiter is
// one column that holds ';', a tab, '|' or ',' and a chosen column is not
// found, the error asks "did you mean --delimiter ';'?". Invalid UTF-8
// without an encoding suggests encoding windows-1252 (--encoding).
//
// Status codes: CANDOR_INVALID_UTF8 (line and byte offset), CANDOR_NOT_FOUND
// (a chosen column missing from the header, or ReadCsv's file missing),
// CANDOR_PARSE_ERROR (no header row, duplicate header names, malformed quoting,
// and bad rows when not skipped), CANDOR_INVALID_ARGUMENT (bad options, or
// ReadCsv's file larger than max_bytes), CANDOR_IO_ERROR (ReadCsv could not
// read, or the path is not a regular file), CANDOR_CANCELLED (the progress
// callback returned false). Input without data rows is a
// Table with 0 rows, not an error. Categorical labels are kept verbatim; an
// empty field is the label "". Numbers and times may have spaces or tabs
// around them; a blank line before the end is a row of one empty field.
//
// ReadCsv reads only a regular file: a directory, a FIFO or a device (which
// could block or never end) is refused before anything is read, naming what
// it is. With max_bytes, a larger file is refused before it is read; the
// limit is for callers that read files from others and must bound memory.
//
// Memory: ReadCsv reads the file in chunks (8 MiB) and appends each chunk's
// complete records to the table as it goes, so its peak memory is the kept
// columns (up to about twice their bytes while vectors grow) plus a chunk
// and the longest record, not the file. Its table and errors are exactly
// ParseCsv's on the whole file (invalid UTF-8 anywhere still wins over any
// other error, with the same line and byte offset; after another error the
// rest of the file is read only to check it). ReadCsvHeader reads only as
// far as the end of the header record.
//
// Progress and cancelling: options.progress, when set, is called after each
// chunk with the bytes read so far and the file's size (ParseCsv: after each
// 4 MiB of the input it parses, which it then parses a piece at a time as a
// file is read); when it returns false the reading stops there and the
// result is CANDOR_CANCELLED (nothing kept, nothing leaked).
#ifndef CANDOR_CSV_HPP_
#define CANDOR_CSV_HPP_

#include <candor.h>

#include <candor/progress.hpp>
#include <candor/status.hpp>
#include <candor/table.hpp>
#include <candor/utf8.hpp>  // FindInvalidUtf8, declared here before
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace candor {

struct CsvOptions {
  std::string score_column = "score";
  std::string time_column;     // empty: none
  std::string account_column;  // empty: none
  std::string role_column;
  std::string weight_column;
  std::string comment_column;
  std::vector<std::string> segment_columns;
  // Numeric columns kept by name in Table::numbers (ARR, a churn outcome,
  // ...): an empty cell is NaN; text that is not a finite number is a bad row.
  std::vector<std::string> number_columns;
  char delimiter = ',';
  bool skip_bad_rows = false;
  // ReadCsv: refuse a file larger than this many bytes. 0 (the default): no
  // limit, since a regular file's size is known before it is read.
  uint64_t max_bytes = 0;
  // Called with bytes read so far and the input's size after each chunk
  // ReadCsv reads (each 4 MiB piece for ParseCsv); returning false
  // stops the reading with CANDOR_CANCELLED.
  Progress progress;
  // The decimal separator of the score, weight and number columns: '.' (the
  // default) or ',' (as in pandas' read_csv(decimal=",")). With ',' a '.' in
  // a number is an error (no thousands separators); the delimiter must then
  // be something other than ','.
  char decimal = '.';
  // Empty (the default): times are ISO 8601 or epoch seconds (above). Else a
  // strftime-style format (absl::ParseTime: %d.%m.%Y %H:%M, %Y-%m-%d, ...)
  // that the whole time field must match. Time zone rule: a time whose format
  // has %z (an offset such as +0100) is at that offset; without %z it is
  // taken as UTC, as ISO 8601 times without an offset are.
  std::string time_format;
  // Empty or "UTF-8" (the default): the input must be valid UTF-8. Else the
  // name of the input's encoding as ICU knows it ("windows-1252", "latin1",
  // "ISO-8859-15", "UTF-16", ...; case and punctuation are ignored): the
  // input is transcoded to UTF-8 first (TranscodeToUtf8). ReadCsv then reads
  // the whole file into memory (at most max_bytes), and line numbers and
  // byte offsets in errors are those of the transcoded text.
  std::string encoding;
};

// `data` in encoding `encoding` (ICU's converter names and aliases, as
// CsvOptions::encoding) as UTF-8. An unknown name is CANDOR_INVALID_ARGUMENT;
// a byte sequence that the encoding does not define is CANDOR_INVALID_UTF8
// naming its line and byte offset (nothing is replaced silently). "UTF-8"
// returns the data unchanged (it is checked when parsed).
Result<std::string> TranscodeToUtf8(std::string_view data, const std::string& encoding);

Result<Table> ParseCsv(std::string_view data, const CsvOptions& options);
Result<Table> ReadCsv(const std::string& path, const CsvOptions& options);

// The column names of the header row, read as ParseCsv and ReadCsv read it
// (quotes undone, a byte-order mark skipped). Only the header row is read: it
// must be valid UTF-8 and name each column once (CANDOR_INVALID_UTF8 or
// CANDOR_PARSE_ERROR naming the line, as ParseCsv says it). Input without a
// header row (empty, or only line breaks) has no columns. Of the options only
// delimiter and encoding are used, and ReadCsvHeader's max_bytes.
Result<std::vector<std::string>> ParseCsvHeader(std::string_view data, const CsvOptions& options);
Result<std::vector<std::string>> ReadCsvHeader(const std::string& path, const CsvOptions& options);

// The whole file at `path`, read as ReadCsv reads it: only a regular file (a
// directory, FIFO or device is CANDOR_IO_ERROR, refused before reading), of at
// most max_bytes bytes (0: no limit; a larger file is CANDOR_INVALID_ARGUMENT,
// refused before reading); CANDOR_NOT_FOUND when missing. Errors name the path.
Result<std::string> ReadWholeFile(const std::string& path, uint64_t max_bytes);

// Raw text columns: the values of the named columns, one vector per name, in
// file order (quotes removed, nothing parsed). With check_utf8 = false the
// bytes are returned as they are (the text pipeline checks or repairs them);
// otherwise invalid UTF-8 anywhere is CANDOR_INVALID_UTF8 as for ParseCsv.
// Every record must have the header's number of fields.
Result<std::vector<std::vector<std::string>>> ParseCsvColumns(std::string_view data,
                                                              const std::vector<std::string>& names,
                                                              char delimiter = ',',
                                                              bool check_utf8 = true);

// Parses one timestamp as described above into Unix seconds (UTC).
Result<int64_t> ParseTimestamp(std::string_view text);

// The UTC calendar date and time of Unix seconds, in the proleptic Gregorian
// calendar (the inverse of ParseTimestamp; any int64 has one).
struct CivilTime {
  int64_t year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  int hour = 0;
  int minute = 0;
  int second = 0;
};
CivilTime UtcCivilTime(int64_t unix_seconds);

}  // namespace candor

#endif  // CANDOR_CSV_HPP_
