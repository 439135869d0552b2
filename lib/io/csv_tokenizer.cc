#include "csv_tokenizer.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace candor {
namespace internal {

CsvTokenizer::CsvTokenizer(std::string_view data, char delimiter)
    : data_(data), delimiter_(delimiter) {
  ends_unquoted_[static_cast<unsigned char>(delimiter)] = true;
  ends_unquoted_['\n'] = true;
  ends_unquoted_['\r'] = true;
  ends_unquoted_['"'] = true;
}

bool CsvTokenizer::OnlyLineBreaksRemain() const {
  for (size_t i = pos_; i < data_.size(); ++i) {
    if (data_[i] != '\n' && data_[i] != '\r') return false;
  }
  return true;
}

CsvTokenizer::Outcome CsvTokenizer::Next(std::vector<CsvField>* fields, CsvSyntaxError* error) {
  fields->clear();
  const size_t record_start = pos_;
  const size_t start_line = line_;
  // Not final: the record may go on in the next piece; read it again then.
  auto need_more = [&] {
    pos_ = record_start;
    line_ = start_line;
    fields->clear();
    return Outcome::kNeedMore;
  };
  if (pos_ == data_.size()) return final_ ? Outcome::kEnd : need_more();
  // Only a blank line can start with a line break; check whether the rest is
  // blank too (a scan that stops at the first other byte).
  if ((data_[pos_] == '\n' || data_[pos_] == '\r') && OnlyLineBreaksRemain()) {
    if (!final_) return need_more();
    pos_ = data_.size();
    return Outcome::kEnd;
  }
  record_line_ = line_;
  const char* const bytes = data_.data();
  const size_t size = data_.size();
  auto fail = [&](size_t line, std::string what) {
    error->line = line;
    error->field_index = fields->size();
    error->what = std::move(what);
    return Outcome::kError;
  };

  while (true) {
    CsvField field;
    field.line = line_;
    if (pos_ < size && bytes[pos_] == '"') {
      // Quoted: runs to the next quote that is not doubled.
      const size_t start = ++pos_;
      while (true) {
        const void* found = std::memchr(bytes + pos_, '"', size - pos_);
        if (found == nullptr) {
          if (!final_) return need_more();
          return fail(field.line, "quoted field is not terminated (no closing quote)");
        }
        const size_t quote = static_cast<size_t>(static_cast<const char*>(found) - bytes);
        line_ += static_cast<size_t>(std::count(bytes + pos_, bytes + quote, '\n'));
        if (quote + 1 < size && bytes[quote + 1] == '"') {
          field.has_doubled_quotes = true;
          pos_ = quote + 2;
          continue;
        }
        field.raw = data_.substr(start, quote - start);
        pos_ = quote + 1;
        break;
      }
      // What follows the closing quote (a second quote, a delimiter, a CR and
      // its LF) must be here.
      if (!final_ && pos_ + 1 >= size) return need_more();
      if (pos_ < size && bytes[pos_] != delimiter_ && bytes[pos_] != '\n' &&
          !(bytes[pos_] == '\r' && pos_ + 1 < size && bytes[pos_ + 1] == '\n')) {
        return fail(line_,
                    "unexpected character after the closing quote of a quoted field "
                    "(a quote inside a quoted field must be doubled)");
      }
    } else {
      const size_t start = pos_;
      while (pos_ < size && !ends_unquoted_[static_cast<unsigned char>(bytes[pos_])]) ++pos_;
      if (!final_ && pos_ + 1 >= size) return need_more();
      if (pos_ < size && bytes[pos_] == '"') {
        return fail(line_,
                    "quote inside an unquoted field (quote the whole field and "
                    "double the quotes inside it)");
      }
      field.raw = data_.substr(start, pos_ - start);
    }
    fields->push_back(field);
    // The field ends at a delimiter, a line break or the end of the input.
    if (pos_ == size) return Outcome::kRecord;
    const char c = bytes[pos_];
    if (c == '\n') {
      ++pos_;
      ++line_;
      return Outcome::kRecord;
    }
    if (c == '\r') {
      if (pos_ + 1 < size && bytes[pos_ + 1] == '\n') {
        pos_ += 2;
        ++line_;
        return Outcome::kRecord;
      }
      fields->pop_back();
      return fail(line_,
                  "carriage return not followed by a line feed outside quotes "
                  "(line breaks must be LF or CRLF)");
    }
    ++pos_;  // the delimiter; another field follows, perhaps empty
  }
}

std::string_view FieldValue(const CsvField& field, std::string* scratch) {
  if (!field.has_doubled_quotes) return field.raw;
  scratch->clear();
  for (size_t i = 0; i < field.raw.size(); ++i) {
    scratch->push_back(field.raw[i]);
    if (field.raw[i] == '"') ++i;  // skip the second quote of a pair
  }
  return *scratch;
}

}  // namespace internal
}  // namespace candor
