// candor/column.hpp — one column read from Apache Arrow arrays through the
// Arrow C Data Interface, as the arrays the rest of candor takes.
//
// The C Data Interface (arrow.apache.org/docs/format/CDataInterface.html)
// hands over an array as two plain C structs, ArrowSchema (the type, as a
// format string) and ArrowArray (length, offset, null count and buffers); the
// C Stream Interface hands over a sequence of such arrays (chunks). Reading
// them needs no Arrow library. A Column reads:
//  - numbers: int8..int64, uint8..uint64, float32, float64, boolean (0/1);
//  - text: utf8 and large_utf8;
//  - times: timestamps (s, ms, us, ns; with or without a time zone), date32
//    and date64, as the Unix second each falls in;
//  - dictionary-encoded columns of any of these (any integer index type).
// Nulls are missing values (NaN, INT64_MIN, code -1 and ""), offsets are
// honoured at every level, and a struct array (a record batch) gives up one of
// its children by name. The types, formats, ownership and errors are those of
// "columns from Arrow" in candor.h, which this class implements.
//
// A Column borrows an array: it reads a float64 column without nulls and all
// text in place, never calls the array's release callback, and must not
// outlive the array. From a stream it owns the chunks and the schema it takes
// and releases them when destroyed.
#ifndef CANDOR_COLUMN_HPP_
#define CANDOR_COLUMN_HPP_

#include <candor.h>
#include <candor/status.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace candor {

enum class ColumnKind {
  kNumbers = CANDOR_COLUMN_NUMBERS,
  kText = CANDOR_COLUMN_TEXT,
  kTimes = CANDOR_COLUMN_TIMES,
};

class Column {
 public:
  // The child `field` of a struct array, or the array itself when `field` is
  // nullopt.
  static Result<Column> FromArrow(const ArrowSchema& schema, const ArrowArray& array,
                                  std::optional<std::string_view> field = std::nullopt);
  // Every chunk of `stream` until its end; the stream stays the caller's.
  static Result<Column> FromArrowStream(ArrowArrayStream& stream,
                                        std::optional<std::string_view> field = std::nullopt);

  Column(Column&&) noexcept;
  Column& operator=(Column&&) noexcept;
  ~Column();

  ColumnKind kind() const;
  size_t rows() const;
  size_t nulls() const;
  size_t chunks() const;
  // True when numbers() points into the producer's buffer (no copy).
  bool in_place() const;
  // The Arrow format of the values (a dictionary's value format).
  const std::string& format() const;
  // Times: the timestamp's time zone, "" for none.
  const std::string& time_zone() const;

  // Numbers: rows() values, NaN for a null; nullptr for another kind.
  const double* numbers() const;
  // Times: rows() Unix seconds, INT64_MIN for a null; nullptr for another kind.
  const int64_t* times() const;
  // Numbers of an integer type (int8..uint64) without nulls, all within
  // -128..127: rows() int8 values, the producer's own buffer for an int8
  // array (one chunk), else converted at the first call (thread-safe). A
  // null, a value outside int8 or another type is CANDOR_UNSUPPORTED: take
  // numbers() then. For the int8 fast paths (candor_score_i8).
  Status Int8(const int8_t** values) const;
  // Text: the value of `row` in the producer's buffer ("" for a null).
  std::string_view text(size_t row) const;

  // Text: codes dense in order of first appearance, -1 for a null; made at the
  // first call (thread-safe). Labels must be valid UTF-8.
  Status Codes(const int32_t** codes, size_t* levels) const;
  // The label of a code; CANDOR_OUT_OF_RANGE for an unknown one, and before
  // Codes has succeeded.
  Status Label(int32_t code, std::string_view* label) const;
  // Text: rows() (pointer, size) pairs, as TextModel::Analyze's C form takes
  // them; made at the first call (thread-safe).
  Status Texts(const char* const** texts, const size_t** sizes) const;

 private:
  struct Impl;
  explicit Column(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace candor

#endif  // CANDOR_COLUMN_HPP_
