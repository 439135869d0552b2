// lib/column/arrow_array.hpp — reading one Arrow array of the C Data
// Interface: its format string as a value type, and its buffers, checked
// against what the specification requires of that type.
#ifndef CANDOR_LIB_COLUMN_ARROW_ARRAY_HPP_
#define CANDOR_LIB_COLUMN_ARROW_ARRAY_HPP_

#include <candor.h>
#include <candor/column.hpp>
#include <candor/status.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace candor::arrow {

enum class ValueType {
  kInt8, kInt16, kInt32, kInt64,
  kUInt8, kUInt16, kUInt32, kUInt64,
  kFloat32, kFloat64, kBool,
  kUtf8, kLargeUtf8,
  kTimestamp, kDate32, kDate64,
};

struct ValueFormat {
  ValueType type = ValueType::kFloat64;
  // Timestamps and date64: units per second (1, 1e3, 1e6, 1e9); 0 otherwise.
  int64_t units_per_second = 0;
  std::string time_zone;  // timestamps: "" for none
};

// The value type of format string `format`. A format the specification does
// not define is CANDOR_INVALID_ARGUMENT; one it defines that candor does not
// read (lists, decimals, ...) CANDOR_UNSUPPORTED. `where` names the column.
Status ParseFormat(const char* format, std::string_view where, ValueFormat* out);

// The kind of column values of `type` make.
ColumnKind KindOf(ValueType type);
bool IsInteger(ValueType type);

// One checked array of values: position p (0 <= p < length) is at
// buffer index offset + p.
struct Values {
  ValueFormat format;
  const uint8_t* validity = nullptr;  // nullptr: no nulls
  const void* data = nullptr;         // the values; text: the bytes
  const void* text_offsets = nullptr; // text: int32 (utf8) or int64 offsets
  int64_t offset = 0;
  int64_t length = 0;
};

// Checks `array` (a leaf of format `format`, not a dictionary) as the spec
// requires: not released, length and offset >= 0, its buffers there, text
// offsets not decreasing. Positions read are [extra_offset, extra_offset +
// length) of the array (a struct parent's offset and length); `length` < 0
// means the array's own length.
Status ReadValues(const ArrowArray& array, const ValueFormat& format, int64_t extra_offset,
                  int64_t length, std::string_view where, Values* out);

// Checks what every array must satisfy: not released, length, offset and
// null_count in range, n_buffers as expected, buffers present.
Status CheckArray(const ArrowArray& array, int64_t n_buffers, std::string_view where);

// The validity bitmap to honour (nullptr when the array declares no nulls).
const uint8_t* ValidityOf(const ArrowArray& array);

inline bool BitSet(const uint8_t* bitmap, int64_t i) {
  return (bitmap[i >> 3] >> (i & 7)) & 1;
}

// Position p of `values` as a number (integers, floats, booleans) or an
// integer (for dictionary indices, which must be integers).
double NumberAt(const Values& values, int64_t p);
int64_t IntegerAt(const Values& values, int64_t p);
// Position p of `values` as Unix seconds (times).
int64_t SecondsAt(const Values& values, int64_t p);
// Position p of text `values`.
std::string_view TextAt(const Values& values, int64_t p);
inline bool ValidAt(const Values& values, int64_t p) {
  return values.validity == nullptr || BitSet(values.validity, values.offset + p);
}

}  // namespace candor::arrow

#endif  // CANDOR_LIB_COLUMN_ARROW_ARRAY_HPP_
