// Format strings and buffers of one Arrow array (C Data Interface, "Data type
// description -- format strings" and "Buffers" of the specification).
#include "arrow_array.hpp"

#include <cstring>
#include <string>

namespace candor::arrow {
namespace {

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// Formats the specification defines that candor does not read: their first
// bytes (a parameterized format begins with its prefix).
constexpr const char* kUnreadPrefixes[] = {
    "n", "e", "z", "Z", "vz", "vu", "d:", "w:", "tts", "ttm", "ttu", "ttn",
    "tDs", "tDm", "tDu", "tDn", "tiM", "tiD", "tin", "+l", "+L", "+vl", "+vL",
    "+w:", "+s", "+m", "+ud:", "+us:", "+r"};

bool IsUnread(std::string_view format) {
  for (const char* prefix : kUnreadPrefixes) {
    std::string_view p(prefix);
    if (p.back() != ':') {
      if (format == p) return true;
      continue;
    }
    // Decimals and fixed sizes need their parameters ("d:10,2", "w:16");
    // a union's type ids may be none.
    bool is_union = p == "+ud:" || p == "+us:";
    if (format.substr(0, p.size()) == p && (is_union || format.size() > p.size())) return true;
  }
  return false;
}

struct Simple {
  const char* format;
  ValueType type;
};
constexpr Simple kSimple[] = {
    {"c", ValueType::kInt8},    {"s", ValueType::kInt16},   {"i", ValueType::kInt32},
    {"l", ValueType::kInt64},   {"C", ValueType::kUInt8},   {"S", ValueType::kUInt16},
    {"I", ValueType::kUInt32},  {"L", ValueType::kUInt64},  {"f", ValueType::kFloat32},
    {"g", ValueType::kFloat64}, {"b", ValueType::kBool},    {"u", ValueType::kUtf8},
    {"U", ValueType::kLargeUtf8}, {"tdD", ValueType::kDate32}, {"tdm", ValueType::kDate64}};

template <typename T>
T Load(const void* data, int64_t i) {
  T value;  // memcpy: producers need not align their buffers
  std::memcpy(&value, static_cast<const char*>(data) + i * static_cast<int64_t>(sizeof(T)),
              sizeof(T));
  return value;
}

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Text offset i (int32 for utf8, int64 for large_utf8).
int64_t TextOffset(const Values& values, int64_t i) {
  return values.format.type == ValueType::kUtf8 ? Load<int32_t>(values.text_offsets, i)
                                                : Load<int64_t>(values.text_offsets, i);
}

}  // namespace

Status ParseFormat(const char* format, std::string_view where, ValueFormat* out) {
  if (format == nullptr) return InvalidArgument(std::string(where) + ": format is NULL");
  std::string_view f(format);
  *out = ValueFormat();
  for (const Simple& s : kSimple) {
    if (f == s.format) {
      out->type = s.type;
      if (s.type == ValueType::kDate64) out->units_per_second = 1000;
      return OkStatus();
    }
  }
  if (f.size() >= 4 && f.substr(0, 2) == "ts" && f[3] == ':') {
    constexpr std::string_view kUnits = "smun";
    constexpr int64_t kPerSecond[] = {1, 1000, 1000000, 1000000000};
    size_t unit = kUnits.find(f[2]);
    if (unit != std::string_view::npos) {
      out->type = ValueType::kTimestamp;
      out->units_per_second = kPerSecond[unit];
      out->time_zone = std::string(f.substr(4));
      return OkStatus();
    }
  }
  if (IsUnread(f)) {
    return Unsupported(std::string(where) + ": Arrow format " + Quoted(f) +
                       " is not read by candor (numbers, text, timestamps and dates are)");
  }
  return InvalidArgument(std::string(where) + ": " + Quoted(f) +
                         " is not an Arrow format string");
}

ColumnKind KindOf(ValueType type) {
  switch (type) {
    case ValueType::kUtf8: case ValueType::kLargeUtf8: return ColumnKind::kText;
    case ValueType::kTimestamp: case ValueType::kDate32: case ValueType::kDate64:
      return ColumnKind::kTimes;
    default: return ColumnKind::kNumbers;
  }
}

bool IsInteger(ValueType type) {
  switch (type) {
    case ValueType::kInt8: case ValueType::kInt16: case ValueType::kInt32:
    case ValueType::kInt64: case ValueType::kUInt8: case ValueType::kUInt16:
    case ValueType::kUInt32: case ValueType::kUInt64: return true;
    default: return false;
  }
}

Status CheckArray(const ArrowArray& array, int64_t n_buffers, std::string_view where) {
  std::string w(where);
  if (array.release == nullptr) return InvalidArgument(w + ": the array is released");
  if (array.length < 0) {
    return InvalidArgument(w + ": negative length " + std::to_string(array.length));
  }
  if (array.offset < 0) {
    return InvalidArgument(w + ": negative offset " + std::to_string(array.offset));
  }
  if (array.length > INT64_MAX - array.offset) {
    return InvalidArgument(w + ": offset + length overflows");
  }
  if (array.null_count < -1) {
    return InvalidArgument(w + ": null_count " + std::to_string(array.null_count) +
                           " (it is -1 when unknown, else >= 0)");
  }
  if (array.n_buffers != n_buffers) {
    return InvalidArgument(w + ": " + std::to_string(array.n_buffers) +
                           " buffers where its type has " + std::to_string(n_buffers));
  }
  if (n_buffers > 0 && array.buffers == nullptr) {
    return InvalidArgument(w + ": buffers is NULL");
  }
  if (n_buffers > 0 && array.buffers[0] == nullptr && array.null_count > 0) {
    return InvalidArgument(w + ": null_count " + std::to_string(array.null_count) +
                           " but no validity buffer");
  }
  return OkStatus();
}

const uint8_t* ValidityOf(const ArrowArray& array) {
  // null_count 0: the validity buffer, if any, need not be read (the spec).
  if (array.null_count == 0 || array.n_buffers == 0) return nullptr;
  return static_cast<const uint8_t*>(array.buffers[0]);
}

Status ReadValues(const ArrowArray& array, const ValueFormat& format, int64_t extra_offset,
                  int64_t length, std::string_view where, Values* out) {
  bool text = KindOf(format.type) == ColumnKind::kText;
  CANDOR_RETURN_IF_ERROR(CheckArray(array, text ? 3 : 2, where));
  std::string w(where);
  if (length < 0) length = array.length;
  if (extra_offset > array.length || length > array.length - extra_offset) {
    return InvalidArgument(w + ": " + std::to_string(array.length) +
                           " values where its parent needs " +
                           std::to_string(extra_offset + length));
  }
  *out = Values();
  out->format = format;
  out->validity = ValidityOf(array);
  out->offset = array.offset + extra_offset;
  out->length = length;
  if (text) {
    out->text_offsets = array.buffers[1];
    out->data = array.buffers[2];
    if (out->text_offsets == nullptr) {
      if (length > 0 || array.offset + extra_offset > 0) {
        return InvalidArgument(w + ": the offsets buffer is NULL");
      }
      return OkStatus();  // an empty array may omit its buffers
    }
    int64_t previous = TextOffset(*out, out->offset);
    if (previous < 0) {
      return InvalidArgument(w + ": text offset " + std::to_string(previous) + " is negative");
    }
    for (int64_t p = 1; p <= length; ++p) {
      int64_t next = TextOffset(*out, out->offset + p);
      if (next < previous) {
        return InvalidArgument(w + ": text offsets decrease at value " + std::to_string(p - 1) +
                               " (" + std::to_string(previous) + " then " +
                               std::to_string(next) + ")");
      }
      previous = next;
    }
    if (out->data == nullptr && previous > TextOffset(*out, out->offset)) {
      return InvalidArgument(w + ": the data buffer is NULL");
    }
    return OkStatus();
  }
  out->data = array.buffers[1];
  if (out->data == nullptr && length > 0) {
    return InvalidArgument(w + ": the data buffer is NULL");
  }
  return OkStatus();
}

double NumberAt(const Values& v, int64_t p) {
  int64_t i = v.offset + p;
  switch (v.format.type) {
    case ValueType::kInt8: return Load<int8_t>(v.data, i);
    case ValueType::kInt16: return Load<int16_t>(v.data, i);
    case ValueType::kInt32: return Load<int32_t>(v.data, i);
    case ValueType::kInt64: return static_cast<double>(Load<int64_t>(v.data, i));
    case ValueType::kUInt8: return Load<uint8_t>(v.data, i);
    case ValueType::kUInt16: return Load<uint16_t>(v.data, i);
    case ValueType::kUInt32: return Load<uint32_t>(v.data, i);
    case ValueType::kUInt64: return static_cast<double>(Load<uint64_t>(v.data, i));
    case ValueType::kFloat32: return Load<float>(v.data, i);
    case ValueType::kFloat64: return Load<double>(v.data, i);
    case ValueType::kBool: return BitSet(static_cast<const uint8_t*>(v.data), i) ? 1.0 : 0.0;
    default: return 0.0;  // not a number type: callers check the kind first
  }
}

int64_t IntegerAt(const Values& v, int64_t p) {
  int64_t i = v.offset + p;
  switch (v.format.type) {
    case ValueType::kInt8: return Load<int8_t>(v.data, i);
    case ValueType::kInt16: return Load<int16_t>(v.data, i);
    case ValueType::kInt32: return Load<int32_t>(v.data, i);
    case ValueType::kInt64: return Load<int64_t>(v.data, i);
    case ValueType::kUInt8: return Load<uint8_t>(v.data, i);
    case ValueType::kUInt16: return Load<uint16_t>(v.data, i);
    case ValueType::kUInt32: return Load<uint32_t>(v.data, i);
    case ValueType::kUInt64: {
      uint64_t u = Load<uint64_t>(v.data, i);
      return u > static_cast<uint64_t>(INT64_MAX) ? -1 : static_cast<int64_t>(u);
    }
    default: return -1;
  }
}

int64_t SecondsAt(const Values& v, int64_t p) {
  int64_t i = v.offset + p;
  switch (v.format.type) {
    case ValueType::kDate32: return static_cast<int64_t>(Load<int32_t>(v.data, i)) * 86400;
    case ValueType::kDate64:
    case ValueType::kTimestamp:
      return FloorDiv(Load<int64_t>(v.data, i), v.format.units_per_second);
    default: return INT64_MIN;
  }
}

std::string_view TextAt(const Values& v, int64_t p) {
  if (v.text_offsets == nullptr) return {};
  int64_t begin = TextOffset(v, v.offset + p);
  int64_t end = TextOffset(v, v.offset + p + 1);
  // An empty value may sit in a NULL data buffer (ReadValues allows it).
  if (end == begin) return {};
  return {static_cast<const char*>(v.data) + begin, static_cast<size_t>(end - begin)};
}

}  // namespace candor::arrow
