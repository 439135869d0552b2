// Splits RFC 4180 CSV into records and fields without copying.
#ifndef CANDOR_IO_CSV_TOKENIZER_HPP_
#define CANDOR_IO_CSV_TOKENIZER_HPP_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace candor {
namespace internal {

struct CsvField {
  // The field's bytes: for a quoted field, those between the quotes, still
  // with doubled quotes ("") when has_doubled_quotes.
  std::string_view raw;
  size_t line = 0;  // 1-based physical line where the field starts
  bool has_doubled_quotes = false;
};

// Malformed quoting or line ends: a problem in field `field_index` (0-based)
// of the record being read.
struct CsvSyntaxError {
  size_t line = 0;
  size_t field_index = 0;
  std::string what;
};

// Reads records one by one. Line breaks are LF or CRLF, inside quoted fields
// too; a CR without LF outside quotes is an error. Blank lines at the end of
// the input are ignored; a blank line elsewhere is a record of one empty field.
//
// The input may come in pieces (the chunked file reader): after Refill with
// final = false, a record that could go on past the end of the piece (or
// whose end needs the next byte to be known) is kNeedMore, consuming nothing;
// the caller refills with the unconsumed bytes and more. Outcomes and line
// numbers are those of the whole input read at once.
class CsvTokenizer {
 public:
  enum class Outcome { kRecord, kEnd, kError, kNeedMore };

  CsvTokenizer(std::string_view data, char delimiter);

  // Reads the next record into *fields (cleared first). On kError, *error
  // says why; the tokenizer must not be used further.
  Outcome Next(std::vector<CsvField>* fields, CsvSyntaxError* error);

  // Continues on `data`, which starts where the last record returned ended
  // (consumed() bytes into the previous data); final: no bytes follow it.
  void Refill(std::string_view data, bool final) {
    data_ = data;
    pos_ = 0;
    final_ = final;
  }

  // The bytes of the current data read by the records returned so far, and
  // the line where they end (1 + the line feeds in all bytes read).
  size_t consumed() const { return pos_; }
  size_t line() const { return line_; }

  // The 1-based line where the record last returned by Next starts.
  size_t record_line() const { return record_line_; }

 private:
  bool OnlyLineBreaksRemain() const;

  std::string_view data_;
  char delimiter_;
  bool final_ = true;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t record_line_ = 1;
  std::array<bool, 256> ends_unquoted_{};  // delimiter, CR, LF or quote
};

// The value of a field: raw itself, or raw with "" turned into " in *scratch.
std::string_view FieldValue(const CsvField& field, std::string* scratch);

}  // namespace internal
}  // namespace candor

#endif  // CANDOR_IO_CSV_TOKENIZER_HPP_
