// Column: one column read from Arrow arrays (candor/column.hpp).
#include <candor/column.hpp>
#include <candor/table.hpp>
#include <candor/utf8.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "arrow_array.hpp"

namespace candor {

using arrow::Values;
using arrow::ValueFormat;
using arrow::ValueType;

namespace {

// The rows of a column that one array holds: its values (or, dictionary-
// encoded, the dictionary's values and the indices into them), and the
// validity of the struct it is a child of.
struct Chunk {
  int64_t rows = 0;
  Values values;
  bool dictionary = false;
  Values indices;
  const uint8_t* parent_validity = nullptr;
  int64_t parent_offset = 0;
};

// The position in c.values of row r, or -1 when the row is null.
int64_t Position(const Chunk& c, int64_t r) {
  if (c.parent_validity != nullptr && !arrow::BitSet(c.parent_validity, c.parent_offset + r)) {
    return -1;
  }
  int64_t p = r;
  if (c.dictionary) {
    if (!arrow::ValidAt(c.indices, r)) return -1;
    p = arrow::IntegerAt(c.indices, r);
  }
  return arrow::ValidAt(c.values, p) ? p : -1;
}

bool MayHaveNulls(const Chunk& c) {
  return c.parent_validity != nullptr || c.values.validity != nullptr ||
         (c.dictionary && c.indices.validity != nullptr);
}

std::string Where(std::optional<std::string_view> field, int64_t chunk) {
  std::string w = "arrow column";
  if (field) w += " '" + std::string(*field) + "'";
  if (chunk >= 0) w += " (chunk " + std::to_string(chunk) + ")";
  return w;
}

Status CheckSchema(const ArrowSchema& schema, std::string_view where) {
  if (schema.release == nullptr) {
    return InvalidArgument(std::string(where) + ": the schema is released");
  }
  if (schema.format == nullptr) return InvalidArgument(std::string(where) + ": format is NULL");
  if (schema.n_children < 0 || (schema.n_children > 0 && schema.children == nullptr)) {
    return InvalidArgument(std::string(where) + ": the schema's children are missing");
  }
  return OkStatus();
}

// The schema of the column's values: child `field` of a struct schema (its
// index into *child), or the schema itself (*child = -1) when there is no
// field. Then the values' own format (a dictionary's index format) is parsed
// into *format, so that a nested type is unsupported whatever its children.
Status ResolveSchema(const ArrowSchema& schema, std::optional<std::string_view> field,
                     std::string_view where, const ArrowSchema** values, int64_t* child,
                     ValueFormat* format) {
  std::string w(where);
  CANDOR_RETURN_IF_ERROR(CheckSchema(schema, where));
  const bool is_struct = std::string_view(schema.format) == "+s";
  *values = &schema;
  *child = -1;
  if (!field) {
    if (is_struct) {
      return InvalidArgument(w + ": a struct array (a record batch): name the field to read");
    }
  } else {
    if (!is_struct) {
      return InvalidArgument(w + ": a field is named but the array is not a struct (format '" +
                             schema.format + "')");
    }
    std::string names;
    for (int64_t i = 0; i < schema.n_children && *child < 0; ++i) {
      const ArrowSchema* s = schema.children[i];
      if (s == nullptr) return InvalidArgument(w + ": child " + std::to_string(i) + " is NULL");
      std::string_view name = s->name == nullptr ? std::string_view() : s->name;
      if (name == *field) {
        *values = s;
        *child = i;
      }
      names += (names.empty() ? "'" : ", '") + std::string(name) + "'";
    }
    if (*child < 0) {
      return NotFound(w + ": the struct has no field of that name (it has " +
                      (names.empty() ? std::string("none") : names) + ")");
    }
    CANDOR_RETURN_IF_ERROR(CheckSchema(**values, where));
  }
  return arrow::ParseFormat((*values)->format, where, format);
}

// The format string of the column's values (a dictionary's value format).
const char* ValuesFormat(const ArrowSchema& values) {
  return values.dictionary != nullptr ? values.dictionary->format : values.format;
}

// Reads one array as a chunk of a column; *format is the values' format and
// *values_schema their schema (ResolveSchema's).
Status ReadChunk(const ArrowSchema& schema, const ArrowArray& array,
                 std::optional<std::string_view> field, std::string_view where,
                 ValueFormat* format, const ArrowSchema** values_schema, Chunk* out) {
  std::string w(where);
  *out = Chunk();
  const ArrowSchema* s = nullptr;
  int64_t child = -1;
  ValueFormat own_format;
  CANDOR_RETURN_IF_ERROR(ResolveSchema(schema, field, where, &s, &child, &own_format));
  *values_schema = s;
  const ArrowArray* a = &array;
  int64_t extra_offset = 0;
  int64_t length = -1;
  if (child >= 0) {
    CANDOR_RETURN_IF_ERROR(arrow::CheckArray(array, 1, where));
    if (array.n_children != schema.n_children || array.children == nullptr ||
        array.children[child] == nullptr) {
      return InvalidArgument(w + ": the struct array has " + std::to_string(array.n_children) +
                             " children where its schema has " +
                             std::to_string(schema.n_children));
    }
    a = array.children[child];
    out->parent_validity = arrow::ValidityOf(array);
    out->parent_offset = extra_offset = array.offset;
    out->rows = length = array.length;
  }
  if (a->n_children != 0 || s->n_children != 0) {
    return InvalidArgument(w + ": a column of values has no children (the array has " +
                           std::to_string(a->n_children) + ", the schema " +
                           std::to_string(s->n_children) + ")");
  }
  if (s->dictionary == nullptr) {
    if (a->dictionary != nullptr) {
      return InvalidArgument(w + ": the array has a dictionary but its schema none");
    }
    *format = own_format;
    CANDOR_RETURN_IF_ERROR(arrow::ReadValues(*a, *format, extra_offset, length, where,
                                             &out->values));
    out->rows = out->values.length;
    return OkStatus();
  }
  const ValueFormat& index_format = own_format;
  if (!arrow::IsInteger(index_format.type)) {
    return InvalidArgument(w + ": dictionary indices of format '" + s->format +
                           "' (they must be integers)");
  }
  if (a->dictionary == nullptr) {
    return InvalidArgument(w + ": the schema has a dictionary but the array none");
  }
  std::string dict_where = w + " dictionary";
  CANDOR_RETURN_IF_ERROR(CheckSchema(*s->dictionary, dict_where));
  if (s->dictionary->dictionary != nullptr || s->dictionary->n_children != 0 ||
      a->dictionary->n_children != 0) {
    return Unsupported(w + ": a dictionary of dictionaries or of nested values");
  }
  CANDOR_RETURN_IF_ERROR(arrow::ParseFormat(s->dictionary->format, dict_where, format));
  CANDOR_RETURN_IF_ERROR(
      arrow::ReadValues(*a, index_format, extra_offset, length, where, &out->indices));
  CANDOR_RETURN_IF_ERROR(
      arrow::ReadValues(*a->dictionary, *format, 0, -1, dict_where, &out->values));
  out->dictionary = true;
  out->rows = out->indices.length;
  for (int64_t r = 0; r < out->rows; ++r) {
    if (!arrow::ValidAt(out->indices, r)) continue;
    int64_t index = arrow::IntegerAt(out->indices, r);
    if (index < 0 || index >= out->values.length) {
      return InvalidArgument(w + ": row " + std::to_string(r) + " has dictionary index " +
                             std::to_string(index) + ", outside its " +
                             std::to_string(out->values.length) + " values");
    }
  }
  return OkStatus();
}

template <typename T>
void Widen(const void* data, int64_t from, int64_t n, double* out) {
  if (n == 0) return;  // data may be NULL then
  const char* base = static_cast<const char*>(data) + from * static_cast<int64_t>(sizeof(T));
  for (int64_t i = 0; i < n; ++i) {
    T value;
    std::memcpy(&value, base + i * static_cast<int64_t>(sizeof(T)), sizeof(T));
    out[i] = static_cast<double>(value);
  }
}

// The numbers of a chunk without a dictionary, nulls not yet NaN.
void WidenChunk(const Values& v, int64_t n, double* out) {
  switch (v.format.type) {
    case ValueType::kInt8: return Widen<int8_t>(v.data, v.offset, n, out);
    case ValueType::kInt16: return Widen<int16_t>(v.data, v.offset, n, out);
    case ValueType::kInt32: return Widen<int32_t>(v.data, v.offset, n, out);
    case ValueType::kInt64: return Widen<int64_t>(v.data, v.offset, n, out);
    case ValueType::kUInt8: return Widen<uint8_t>(v.data, v.offset, n, out);
    case ValueType::kUInt16: return Widen<uint16_t>(v.data, v.offset, n, out);
    case ValueType::kUInt32: return Widen<uint32_t>(v.data, v.offset, n, out);
    case ValueType::kUInt64: return Widen<uint64_t>(v.data, v.offset, n, out);
    case ValueType::kFloat32: return Widen<float>(v.data, v.offset, n, out);
    case ValueType::kFloat64: return Widen<double>(v.data, v.offset, n, out);
    default:
      for (int64_t i = 0; i < n; ++i) out[i] = arrow::NumberAt(v, i);
  }
}

}  // namespace

struct Column::Impl {
  ColumnKind kind = ColumnKind::kNumbers;
  ValueFormat format;
  std::string format_string;
  std::vector<Chunk> chunks;
  std::vector<int64_t> starts;  // the first row of each chunk
  size_t rows = 0;
  size_t nulls = 0;

  // Numbers other than float64 in place are converted at the first call of
  // numbers() (an int8 column read by Int8 in place never is).
  mutable std::once_flag numbers_once;
  mutable const double* numbers = nullptr;
  mutable std::vector<double> number_store;
  bool in_place = false;
  std::vector<int64_t> times;

  mutable std::once_flag codes_once;
  mutable Status codes_status;
  mutable std::vector<int32_t> codes;
  mutable Dictionary labels;
  mutable std::atomic<bool> codes_made{false};
  mutable std::once_flag int8_once;
  mutable Status int8_status;
  mutable const int8_t* int8 = nullptr;
  mutable std::vector<int8_t> int8_store;
  mutable std::once_flag texts_once;
  mutable std::vector<const char*> text_pointers;
  mutable std::vector<size_t> text_sizes;

  // From a stream: the chunks this column owns.
  std::vector<std::unique_ptr<ArrowArray>> owned;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    for (auto& array : owned) {
      if (array->release != nullptr) array->release(array.get());
    }
  }

  Status Add(const ArrowSchema& schema, const ArrowArray& array,
             std::optional<std::string_view> field, int64_t chunk_number);
  void Finish();
  void MakeNumbers() const;
};

Status Column::Impl::Add(const ArrowSchema& schema, const ArrowArray& array,
                         std::optional<std::string_view> field, int64_t chunk_number) {
  std::string where = Where(field, chunk_number);
  Chunk chunk;
  ValueFormat chunk_format;
  const ArrowSchema* values = nullptr;
  CANDOR_RETURN_IF_ERROR(
      ReadChunk(schema, array, field, where, &chunk_format, &values, &chunk));
  if (chunks.empty()) {
    format = chunk_format;
    kind = arrow::KindOf(format.type);
    format_string = ValuesFormat(*values);
  }
  if (static_cast<uint64_t>(chunk.rows) >
      std::numeric_limits<size_t>::max() / sizeof(double) - rows) {
    return InvalidArgument(where + ": too many rows");
  }
  starts.push_back(static_cast<int64_t>(rows));
  rows += static_cast<size_t>(chunk.rows);
  if (MayHaveNulls(chunk)) {
    for (int64_t r = 0; r < chunk.rows; ++r) nulls += Position(chunk, r) < 0;
  }
  chunks.push_back(chunk);
  return OkStatus();
}

// Once every chunk is read: whether numbers are read in place, and the times.
void Column::Impl::Finish() {
  if (kind == ColumnKind::kNumbers) {
    if (chunks.size() == 1 && nulls == 0 && !chunks[0].dictionary &&
        format.type == ValueType::kFloat64 && chunks[0].values.length > 0) {
      const Values& v = chunks[0].values;
      const double* first = static_cast<const double*>(v.data) + v.offset;
      if (reinterpret_cast<uintptr_t>(first) % alignof(double) == 0) {
        numbers = first;
        in_place = true;
      }
    }
  } else if (kind == ColumnKind::kTimes) {
    times.resize(rows);
    for (size_t k = 0; k < chunks.size(); ++k) {
      const Chunk& c = chunks[k];
      int64_t* out = times.data() + starts[k];
      for (int64_t r = 0; r < c.rows; ++r) {
        int64_t p = Position(c, r);
        out[r] = p < 0 ? INT64_MIN : arrow::SecondsAt(c.values, p);
      }
    }
  }
}

// The numbers as doubles, NaN for nulls (under numbers_once).
void Column::Impl::MakeNumbers() const {
  if (in_place) return;
  number_store.resize(rows);
  for (size_t k = 0; k < chunks.size(); ++k) {
    const Chunk& c = chunks[k];
    double* out = number_store.data() + starts[k];
    if (!c.dictionary) WidenChunk(c.values, c.rows, out);
    if (c.dictionary || MayHaveNulls(c)) {
      for (int64_t r = 0; r < c.rows; ++r) {
        int64_t p = Position(c, r);
        if (p < 0) {
          out[r] = std::numeric_limits<double>::quiet_NaN();
        } else if (c.dictionary) {
          out[r] = arrow::NumberAt(c.values, p);
        }
      }
    }
  }
  numbers = number_store.data();
}

Column::Column(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Column::Column(Column&&) noexcept = default;
Column& Column::operator=(Column&&) noexcept = default;
Column::~Column() = default;

Result<Column> Column::FromArrow(const ArrowSchema& schema, const ArrowArray& array,
                                 std::optional<std::string_view> field) {
  auto impl = std::make_unique<Impl>();
  CANDOR_RETURN_IF_ERROR(impl->Add(schema, array, field, -1));
  impl->Finish();
  return Column(std::move(impl));
}

Result<Column> Column::FromArrowStream(ArrowArrayStream& stream,
                                       std::optional<std::string_view> field) {
  std::string where = Where(field, -1);
  if (stream.release == nullptr) return InvalidArgument(where + ": the stream is released");
  if (stream.get_schema == nullptr || stream.get_next == nullptr) {
    return InvalidArgument(where + ": the stream's callbacks are NULL");
  }
  auto producer_error = [&](const char* call, int code) {
    const char* message =
        stream.get_last_error == nullptr ? nullptr : stream.get_last_error(&stream);
    return IoError(where + ": the stream's " + call + " failed (error " + std::to_string(code) +
                   (message == nullptr ? std::string(")") : std::string("): ") + message));
  };
  ArrowSchema schema{};
  if (int code = stream.get_schema(&stream, &schema); code != 0) {
    return producer_error("get_schema", code);
  }
  // The schema is ours: released however this ends.
  std::unique_ptr<ArrowSchema, void (*)(ArrowSchema*)> schema_owner(&schema, [](ArrowSchema* s) {
    if (s->release != nullptr) s->release(s);
  });
  CANDOR_RETURN_IF_ERROR(CheckSchema(schema, where));
  auto impl = std::make_unique<Impl>();
  for (int64_t k = 0;; ++k) {
    auto array = std::make_unique<ArrowArray>();
    *array = ArrowArray{};
    if (int code = stream.get_next(&stream, array.get()); code != 0) {
      if (array->release != nullptr) array->release(array.get());
      return producer_error("get_next", code);
    }
    if (array->release == nullptr) break;  // the end of the stream
    impl->owned.push_back(std::move(array));
    CANDOR_RETURN_IF_ERROR(impl->Add(schema, *impl->owned.back(), field, k));
  }
  if (impl->chunks.empty()) {
    // No chunk: the column's kind still comes from the schema.
    const ArrowSchema* values = nullptr;
    int64_t child;
    ValueFormat own_format;
    CANDOR_RETURN_IF_ERROR(ResolveSchema(schema, field, where, &values, &child, &own_format));
    impl->format = own_format;
    if (values->dictionary != nullptr) {
      CANDOR_RETURN_IF_ERROR(CheckSchema(*values->dictionary, where + " dictionary"));
      CANDOR_RETURN_IF_ERROR(arrow::ParseFormat(values->dictionary->format, where + " dictionary",
                                                &impl->format));
    }
    impl->kind = arrow::KindOf(impl->format.type);
    impl->format_string = ValuesFormat(*values);
  }
  impl->Finish();
  return Column(std::move(impl));
}

ColumnKind Column::kind() const { return impl_->kind; }
size_t Column::rows() const { return impl_->rows; }
size_t Column::nulls() const { return impl_->nulls; }
size_t Column::chunks() const { return impl_->chunks.size(); }
bool Column::in_place() const { return impl_->in_place; }
const std::string& Column::format() const { return impl_->format_string; }
const std::string& Column::time_zone() const { return impl_->format.time_zone; }

const double* Column::numbers() const {
  if (impl_->kind != ColumnKind::kNumbers) return nullptr;
  const Impl& m = *impl_;
  std::call_once(m.numbers_once, [&m] { m.MakeNumbers(); });
  static const double kNone = 0;
  return impl_->numbers == nullptr ? &kNone : impl_->numbers;
}

const int64_t* Column::times() const {
  if (impl_->kind != ColumnKind::kTimes) return nullptr;
  static const int64_t kNone = 0;
  return impl_->times.empty() ? &kNone : impl_->times.data();
}

std::string_view Column::text(size_t row) const {
  if (impl_->kind != ColumnKind::kText || row >= impl_->rows) return {};
  size_t k = static_cast<size_t>(std::upper_bound(impl_->starts.begin(), impl_->starts.end(),
                                                  static_cast<int64_t>(row)) -
                                 impl_->starts.begin()) - 1;
  const Chunk& c = impl_->chunks[k];
  int64_t p = Position(c, static_cast<int64_t>(row) - impl_->starts[k]);
  return p < 0 ? std::string_view() : arrow::TextAt(c.values, p);
}

Status Column::Codes(const int32_t** codes, size_t* levels) const {
  if (impl_->kind != ColumnKind::kText) {
    return InvalidArgument("codes are made of a text column, not of " + impl_->format_string);
  }
  Impl& m = *impl_;
  std::call_once(m.codes_once, [&m] {
    m.codes.resize(m.rows);
    std::vector<int32_t> remap;
    for (size_t k = 0; k < m.chunks.size(); ++k) {
      const Chunk& c = m.chunks[k];
      int32_t* out = m.codes.data() + m.starts[k];
      if (c.dictionary) remap.assign(static_cast<size_t>(c.values.length), -2);
      for (int64_t r = 0; r < c.rows; ++r) {
        int64_t p = Position(c, r);
        if (p < 0) {
          out[r] = -1;
          continue;
        }
        if (c.dictionary && remap[p] != -2) {
          out[r] = remap[p];
          continue;
        }
        std::string_view label = arrow::TextAt(c.values, p);
        int32_t code = m.labels.Find(label);
        if (code < 0) {
          if (std::optional<size_t> bad = FindInvalidUtf8(label)) {
            m.codes_status = InvalidUtf8("arrow column: the label of row " +
                                         std::to_string(m.starts[k] + r) +
                                         " is not valid UTF-8 (byte " + std::to_string(*bad) +
                                         ")");
            m.codes.clear();
            m.labels = Dictionary();
            return;
          }
          if (m.labels.size() >= static_cast<size_t>(INT32_MAX)) {
            m.codes_status = OutOfRange("arrow column: more than 2^31-1 distinct labels");
            return;
          }
          code = m.labels.Intern(label);
        }
        if (c.dictionary) remap[p] = code;
        out[r] = code;
      }
    }
    m.codes_made = true;
  });
  if (!m.codes_status.ok()) return m.codes_status;
  static const int32_t kNone = 0;
  *codes = m.codes.empty() ? &kNone : m.codes.data();
  *levels = m.labels.size();
  return OkStatus();
}

Status Column::Label(int32_t code, std::string_view* label) const {
  if (!impl_->codes_made) {
    return OutOfRange("arrow column: labels are known once its codes are made");
  }
  if (code < 0 || static_cast<size_t>(code) >= impl_->labels.size()) {
    return OutOfRange("arrow column: no label has code " + std::to_string(code) + " (there are " +
                      std::to_string(impl_->labels.size()) + ")");
  }
  *label = impl_->labels.Label(code);
  return OkStatus();
}

Status Column::Int8(const int8_t** values) const {
  Impl& m = *impl_;
  std::call_once(m.int8_once, [&m, this] {
    if (m.kind != ColumnKind::kNumbers || !arrow::IsInteger(m.format.type)) {
      m.int8_status = Unsupported("int8 values are read of an integer column, not of Arrow "
                                  "format '" + m.format_string + "'");
      return;
    }
    if (m.nulls > 0) {
      m.int8_status = Unsupported("the column has " + std::to_string(m.nulls) + " nulls");
      return;
    }
    if (m.chunks.size() == 1 && !m.chunks[0].dictionary &&
        m.format.type == ValueType::kInt8 && m.rows > 0) {
      const Values& v = m.chunks[0].values;
      m.int8 = static_cast<const int8_t*>(v.data) + v.offset;
      return;
    }
    const double* numbers = this->numbers();
    m.int8_store.resize(m.rows);
    for (size_t row = 0; row < m.rows; ++row) {
      const double x = numbers[row];
      if (!(x >= -128 && x <= 127)) {
        m.int8_store.clear();
        m.int8_status = Unsupported("row " + std::to_string(row) + " holds " +
                                    std::to_string(x) + ", outside int8");
        return;
      }
      m.int8_store[row] = static_cast<int8_t>(x);
    }
    m.int8 = m.int8_store.data();
  });
  if (!m.int8_status.ok()) return m.int8_status;
  static const int8_t kNone = 0;
  *values = m.int8 == nullptr ? &kNone : m.int8;
  return OkStatus();
}

Status Column::Texts(const char* const** texts, const size_t** sizes) const {
  if (impl_->kind != ColumnKind::kText) {
    return InvalidArgument("texts are made of a text column, not of " + impl_->format_string);
  }
  Impl& m = *impl_;
  std::call_once(m.texts_once, [&m, this] {
    m.text_pointers.resize(m.rows);
    m.text_sizes.resize(m.rows);
    for (size_t row = 0; row < m.rows; ++row) {
      std::string_view t = text(row);
      m.text_pointers[row] = t.data() == nullptr ? "" : t.data();
      m.text_sizes[row] = t.size();
    }
  });
  static const char* const kNoText = "";
  static const size_t kNoSize = 0;
  *texts = m.text_pointers.empty() ? &kNoText : m.text_pointers.data();
  *sizes = m.text_sizes.empty() ? &kNoSize : m.text_sizes.data();
  return OkStatus();
}

}  // namespace candor
