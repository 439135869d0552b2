// Columns from Arrow: candor_column_from_arrow and _from_arrow_stream on
// ArrowSchema / ArrowArray structs built here from the input, then every
// accessor. The C Data Interface carries no buffer sizes, so a producer that
// claims more than it holds is out of any consumer's reach: every buffer here
// is exactly as large as the claimed offset + length need (ASan reports a
// read past it), and a string data buffer covers every offset written. What
// the structs claim is otherwise untrusted: formats from a list that includes
// malformed ones and valid ones candor does not read (or raw bytes), negative
// lengths and offsets, null counts that disagree with the bitmap, wrong
// buffer counts, NULL buffers, decreasing or negative string offsets,
// dictionary indices outside the dictionary, a struct (record batch) wrapper
// with a parent offset and nulls, children counts that disagree, and a stream
// of chunks whose producer may fail.
//
// Checks: a status is known and has a message; candor never releases a
// borrowed schema or array, and releases every schema and chunk it took from
// a stream exactly once (at candor_column_free or at the failure); the info
// is consistent (nulls <= rows, chunks, a format and a zone string); numbers
// read in place point into the producer's float64 buffer; text (pointer,
// size) pairs lie inside the producer's data buffers, "" for a code of -1;
// codes are dense in order of first appearance, each row's label is its text,
// and CANDOR_INVALID_UTF8 exactly when a non-null text is not UTF-8;
// accessors of another kind are CANDOR_INVALID_ARGUMENT; texts feed
// candor_text_analyze.
//
// Input: a flags byte, the value type (a format choice, raw format bytes when
// chosen, a dictionary byte), the struct wrapper's shape and the field asked
// for, the stream's chunk count and failure, then per array (the one array,
// or each chunk) its shape bytes and contents (see BuildArray).
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::CheckStatus;
using candor_fuzz::FuzzInput;

enum class Layout { kFixed, kBits, kVar32, kVar64, kNull, kList, kStruct };

struct Format {
  const char* format;
  Layout layout;
  int width;  // bytes per value of kFixed
};

// Formats candor reads, formats the specification defines that candor does
// not read, and strings that are not formats (with the layout to build).
const Format kFormats[] = {
    {"c", Layout::kFixed, 1},       {"s", Layout::kFixed, 2},
    {"i", Layout::kFixed, 4},       {"l", Layout::kFixed, 8},
    {"C", Layout::kFixed, 1},       {"S", Layout::kFixed, 2},
    {"I", Layout::kFixed, 4},       {"L", Layout::kFixed, 8},
    {"f", Layout::kFixed, 4},       {"g", Layout::kFixed, 8},
    {"b", Layout::kBits, 0},        {"u", Layout::kVar32, 0},
    {"U", Layout::kVar64, 0},       {"tss:", Layout::kFixed, 8},
    {"tsm:UTC", Layout::kFixed, 8}, {"tsu:Europe/Berlin", Layout::kFixed, 8},
    {"tsn:", Layout::kFixed, 8},    {"tsn:America/New_York", Layout::kFixed, 8},
    {"tdD", Layout::kFixed, 4},     {"tdm", Layout::kFixed, 8},
    // defined, not read
    {"e", Layout::kFixed, 2},       {"z", Layout::kVar32, 0},
    {"Z", Layout::kVar64, 0},       {"d:10,2", Layout::kFixed, 16},
    {"w:4", Layout::kFixed, 4},     {"tts", Layout::kFixed, 4},
    {"tDs", Layout::kFixed, 8},     {"tiM", Layout::kFixed, 4},
    {"n", Layout::kNull, 0},        {"+l", Layout::kList, 0},
    {"+s", Layout::kStruct, 0},
    // not formats
    {"", Layout::kFixed, 4},        {"zz", Layout::kFixed, 4},
    {"tsx:", Layout::kFixed, 8},    {"ts", Layout::kFixed, 8},
    {"td", Layout::kFixed, 4},      {"d:", Layout::kFixed, 16},
    {"+", Layout::kFixed, 4},       {"ii", Layout::kFixed, 4},
    {"tsm", Layout::kFixed, 8},
};
constexpr size_t kFormatCount = sizeof(kFormats) / sizeof(kFormats[0]);

// Dictionary index types: every integer, and two that are not integers.
const Format kIndexFormats[] = {
    {"c", Layout::kFixed, 1}, {"s", Layout::kFixed, 2}, {"i", Layout::kFixed, 4},
    {"l", Layout::kFixed, 8}, {"C", Layout::kFixed, 1}, {"S", Layout::kFixed, 2},
    {"I", Layout::kFixed, 4}, {"L", Layout::kFixed, 8}, {"g", Layout::kFixed, 8},
    {"u", Layout::kVar32, 0},
};
constexpr size_t kIndexFormatCount = sizeof(kIndexFormats) / sizeof(kIndexFormats[0]);

const char* const kNames[] = {"score", "comment", "when"};

struct TypeSpec {
  std::string format;
  Layout layout = Layout::kFixed;
  int width = 4;
  std::unique_ptr<TypeSpec> dictionary;  // set: format is the index type
};

// What one iteration made, to check what candor returns against.
struct Produced {
  std::deque<int> releases;  // one counter per struct made; stable addresses
  std::vector<std::pair<const char*, size_t>> data;     // string data buffers
  std::vector<std::pair<const double*, size_t>> f64;    // 8-byte value buffers
};

// ------------------------------------------------------------ producer

struct ArrayHolder {
  int* releases = nullptr;
  std::vector<std::unique_ptr<uint8_t[]>> memory;
  std::vector<const void*> buffers;
  std::vector<ArrowArray*> children;  // owned, released here
  ArrowArray* dictionary = nullptr;   // owned, released here
};

void ReleaseArray(ArrowArray* array) {
  auto* holder = static_cast<ArrayHolder*>(array->private_data);
  ++*holder->releases;
  for (ArrowArray* child : holder->children) {
    if (child->release != nullptr) child->release(child);
    delete child;
  }
  if (holder->dictionary != nullptr) {
    if (holder->dictionary->release != nullptr) holder->dictionary->release(holder->dictionary);
    delete holder->dictionary;
  }
  delete holder;
  array->release = nullptr;
}

struct SchemaHolder {
  int* releases = nullptr;
  std::string format;
  std::string name;
  std::vector<ArrowSchema*> children;
  std::vector<ArrowSchema*> child_pointers;
  ArrowSchema* dictionary = nullptr;
};

void ReleaseSchema(ArrowSchema* schema) {
  auto* holder = static_cast<SchemaHolder*>(schema->private_data);
  ++*holder->releases;
  for (ArrowSchema* child : holder->children) {
    if (child->release != nullptr) child->release(child);
    delete child;
  }
  if (holder->dictionary != nullptr) {
    if (holder->dictionary->release != nullptr) holder->dictionary->release(holder->dictionary);
    delete holder->dictionary;
  }
  delete holder;
  schema->release = nullptr;
}

ArrowSchema* NewSchema(Produced& produced, const std::string& format, const char* name) {
  auto* holder = new SchemaHolder;
  produced.releases.push_back(0);
  holder->releases = &produced.releases.back();
  holder->format = format;
  if (name != nullptr) holder->name = name;
  auto* schema = new ArrowSchema{};
  schema->format = holder->format.c_str();
  schema->name = name == nullptr ? nullptr : holder->name.c_str();
  schema->flags = ARROW_FLAG_NULLABLE;
  schema->release = ReleaseSchema;
  schema->private_data = holder;
  return schema;
}

void AddSchemaChild(ArrowSchema* schema, ArrowSchema* child) {
  auto* holder = static_cast<SchemaHolder*>(schema->private_data);
  holder->children.push_back(child);
  holder->child_pointers.push_back(child);
  schema->n_children = static_cast<int64_t>(holder->children.size());
  schema->children = holder->child_pointers.data();
}

ArrowSchema* BuildSchema(Produced& produced, const TypeSpec& type, const char* name) {
  ArrowSchema* schema = NewSchema(produced, type.format, name);
  if (type.dictionary) {
    schema->dictionary = BuildSchema(produced, *type.dictionary, nullptr);
    static_cast<SchemaHolder*>(schema->private_data)->dictionary = schema->dictionary;
  } else if (type.layout == Layout::kList) {
    AddSchemaChild(schema, NewSchema(produced, "i", "item"));
  }
  return schema;
}

ArrowArray* NewArray(Produced& produced, int64_t n_buffers_allocated) {
  auto* holder = new ArrayHolder;
  produced.releases.push_back(0);
  holder->releases = &produced.releases.back();
  holder->buffers.assign(static_cast<size_t>(std::max<int64_t>(n_buffers_allocated, 1)), nullptr);
  auto* array = new ArrowArray{};
  array->buffers = holder->buffers.data();
  array->release = ReleaseArray;
  array->private_data = holder;
  return array;
}

ArrayHolder& HolderOf(ArrowArray* array) { return *static_cast<ArrayHolder*>(array->private_data); }

// An exactly sized buffer (ASan catches a read past it), filled by `fill`.
template <typename Fill>
uint8_t* NewBuffer(ArrowArray* array, size_t bytes, Fill fill) {
  auto& holder = HolderOf(array);
  holder.memory.emplace_back(new uint8_t[bytes == 0 ? 1 : bytes]);
  uint8_t* data = holder.memory.back().get();
  for (size_t i = 0; i < bytes; ++i) data[i] = fill(i);
  return data;
}

void AddArrayChild(ArrowArray* array, ArrowArray* child) {
  auto& holder = HolderOf(array);
  holder.children.push_back(child);
  array->n_children = static_cast<int64_t>(holder.children.size());
  array->children = holder.children.data();
}

// A length or offset: mostly small, sometimes an edge.
int64_t Extent(FuzzInput& in, int64_t small) {
  static const int64_t kOdd[] = {-1, -2, INT64_MIN, 0, 1, 63, 64, 100};
  const uint8_t b = in.Byte();
  return b < 248 ? static_cast<int64_t>(b) % small : kOdd[b - 248];
}

int64_t Physical(int64_t offset, int64_t length) {
  return std::max<int64_t>(offset, 0) + std::max<int64_t>(length, 0);
}

// The buffers count the layout needs.
int64_t BuffersOf(const TypeSpec& type) {
  if (type.dictionary) return 2;
  switch (type.layout) {
    case Layout::kNull: return 0;
    case Layout::kVar32:
    case Layout::kVar64: return 3;
    case Layout::kStruct: return 1;
    default: return 2;
  }
}

// One array of `type`. Shape: length and offset (Extent), at least
// `min_length` long when >= 0 unless the length byte asks otherwise; a flags
// byte (bit 0 validity bitmap, bits 1-2 null_count mode: exact, 0, -1, raw;
// bit 3 a wrong n_buffers; bit 4 a NULL value buffer; bit 5 string offsets
// that may decrease; bit 6 a negative first offset; bit 7 text from a
// three-letter alphabet), then the bitmap, the values and (dictionaries)
// the dictionary array.
ArrowArray* BuildArray(FuzzInput& in, Produced& produced, const TypeSpec& type, int64_t min_length) {
  const uint8_t length_byte = in.Byte();
  int64_t length;
  if (min_length >= 0 && length_byte % 16 != 15) {
    length = min_length + length_byte % 3;
  } else {
    static const int64_t kOdd[] = {-1, -2, INT64_MIN, 0, 1, 63, 64, 100};
    length = length_byte < 248 ? static_cast<int64_t>(length_byte) % 40 : kOdd[length_byte - 248];
  }
  int64_t offset = Extent(in, 20);
  if (min_length >= 0 && offset < 0) offset = 0;
  const uint8_t flags = in.Byte();
  const int64_t n = Physical(offset, length);  // values the buffers hold
  const int64_t want_buffers = BuffersOf(type);
  int64_t n_buffers = want_buffers;
  if (flags & 8) n_buffers = want_buffers + static_cast<int64_t>(in.Below(3)) - 1;
  ArrowArray* array = NewArray(produced, std::max(n_buffers, want_buffers));
  auto& holder = HolderOf(array);
  array->length = length;
  array->offset = offset;
  array->n_buffers = n_buffers;
  candor_fuzz::Context() += " [" + type.format + (type.dictionary ? " dict" : "") + " length " +
                            std::to_string(length) + " offset " + std::to_string(offset) +
                            " flags " + std::to_string(flags) + " n_buffers " +
                            std::to_string(n_buffers) + "]";

  // Validity and null_count.
  int64_t exact_nulls = 0;
  if (flags & 1 && want_buffers > 0) {
    std::vector<uint8_t> bits(static_cast<size_t>((n + 7) / 8));
    for (auto& b : bits) b = in.Byte();
    const uint8_t* bitmap = NewBuffer(array, bits.size(), [&](size_t i) { return bits[i]; });
    holder.buffers[0] = bitmap;
    for (int64_t i = std::max<int64_t>(offset, 0); i < n; ++i) {
      exact_nulls += ((bitmap[i / 8] >> (i % 8)) & 1) == 0;
    }
  }
  switch ((flags >> 1) & 3) {
    case 0: array->null_count = exact_nulls; break;
    case 1: array->null_count = 0; break;
    case 2: array->null_count = -1; break;
    default: array->null_count = static_cast<int8_t>(in.Byte()); break;
  }

  const size_t values = static_cast<size_t>(n);
  const Layout layout = type.dictionary ? Layout::kFixed : type.layout;
  const int width = type.dictionary ? 0 : type.width;
  if (type.dictionary) {
    // Indices: mostly within (or one past) the dictionary, sometimes raw.
    ArrowArray* dictionary = BuildArray(in, produced, *type.dictionary, -1);
    holder.dictionary = dictionary;
    array->dictionary = dictionary;
    const int64_t dictionary_length = std::max<int64_t>(dictionary->length, 0);
    const int index_width = type.width;
    if (type.layout == Layout::kFixed) {
      uint8_t* indices = NewBuffer(array, values * static_cast<size_t>(index_width),
                                   [](size_t) { return uint8_t{0}; });
      for (size_t i = 0; i < values; ++i) {
        const uint8_t b = in.Byte();
        int64_t index = b < 224 ? static_cast<int64_t>(b) % (dictionary_length + 1)
                                : in.Raw<int64_t>();
        std::memcpy(indices + i * static_cast<size_t>(index_width), &index,
                    static_cast<size_t>(index_width));  // little-endian: the low bytes
      }
      if (!(flags & 16)) holder.buffers[1] = indices;
    } else {
      // Not an integer index type ("u"): some buffer, never to be read as
      // indices.
      const uint8_t* junk = NewBuffer(array, values * 4, [](size_t i) { return uint8_t(i); });
      holder.buffers[1] = junk;
    }
    return array;
  }

  switch (layout) {
    case Layout::kFixed: {
      const size_t bytes = values * static_cast<size_t>(width);
      uint8_t* data = NewBuffer(array, bytes, [&](size_t) { return in.Byte(); });
      if (width == 8) produced.f64.emplace_back(reinterpret_cast<const double*>(data), values);
      if (!(flags & 16)) holder.buffers[1] = data;
      break;
    }
    case Layout::kBits: {
      uint8_t* data = NewBuffer(array, (values + 7) / 8, [&](size_t) { return in.Byte(); });
      if (!(flags & 16)) holder.buffers[1] = data;
      break;
    }
    case Layout::kVar32:
    case Layout::kVar64: {
      std::vector<int64_t> offsets(values + 1);
      offsets[0] = (flags & 64) ? -static_cast<int64_t>(in.Byte() % 4) - 1 : in.Byte() % 4;
      for (size_t i = 1; i <= values; ++i) {
        const uint8_t b = in.Byte();
        const int64_t delta = (flags & 32) ? static_cast<int8_t>(b) % 8 : b % 8;
        offsets[i] = offsets[i - 1] + delta;
      }
      int64_t size = 0;
      for (int64_t o : offsets) size = std::max(size, o);
      uint8_t* data = NewBuffer(array, static_cast<size_t>(size), [&](size_t) {
        return (flags & 128) ? static_cast<uint8_t>('a' + in.Byte() % 3) : in.Byte();
      });
      produced.data.emplace_back(reinterpret_cast<const char*>(data), static_cast<size_t>(size));
      uint8_t* offset_buffer;
      if (layout == Layout::kVar32) {
        offset_buffer = NewBuffer(array, offsets.size() * 4, [](size_t) { return uint8_t{0}; });
        for (size_t i = 0; i < offsets.size(); ++i) {
          const int32_t o = static_cast<int32_t>(offsets[i]);
          std::memcpy(offset_buffer + 4 * i, &o, 4);
        }
      } else {
        offset_buffer = NewBuffer(array, offsets.size() * 8, [](size_t) { return uint8_t{0}; });
        std::memcpy(offset_buffer, offsets.data(), offsets.size() * 8);
      }
      holder.buffers[1] = offset_buffer;
      if (!(flags & 16)) holder.buffers[2] = data;
      break;
    }
    case Layout::kList: {
      // Offsets into an int32 child as long as the last offset.
      std::vector<int32_t> offsets(values + 1);
      for (size_t i = 1; i <= values; ++i) offsets[i] = offsets[i - 1] + in.Byte() % 3;
      uint8_t* offset_buffer = NewBuffer(array, offsets.size() * 4, [](size_t) { return uint8_t{0}; });
      std::memcpy(offset_buffer, offsets.data(), offsets.size() * 4);
      holder.buffers[1] = offset_buffer;
      ArrowArray* child = NewArray(produced, 2);
      child->length = offsets.back();
      child->n_buffers = 2;
      HolderOf(child).buffers[1] =
          NewBuffer(child, static_cast<size_t>(offsets.back()) * 4, [](size_t i) { return uint8_t(i); });
      AddArrayChild(array, child);
      break;
    }
    case Layout::kNull:
    case Layout::kStruct:
      break;
  }
  return array;
}

// ------------------------------------------------------------- the value type

TypeSpec ReadType(FuzzInput& in) {
  TypeSpec type;
  const uint32_t choice = in.Below(kFormatCount + 1);
  if (choice == kFormatCount) {
    type.format = in.String(16);
    const uint8_t layout = in.Byte();
    type.layout = static_cast<Layout>(layout % 4);
    type.width = 1 << (layout / 4 % 5);
  } else {
    type.format = kFormats[choice].format;
    type.layout = kFormats[choice].layout;
    type.width = kFormats[choice].width;
  }
  const uint8_t dictionary = in.Byte();
  if (dictionary & 0x80) {
    const Format& index = kIndexFormats[dictionary % kIndexFormatCount];
    auto values = std::make_unique<TypeSpec>(std::move(type));
    type = TypeSpec{};
    type.format = index.format;
    type.layout = index.layout;
    type.width = index.width;
    type.dictionary = std::move(values);
  }
  return type;
}

// The struct wrapper: children (the value column at `target`, int32 decoys
// elsewhere) and whether the array claims one child fewer than the schema.
struct Wrapper {
  bool on = false;
  int children = 1;
  int target = 0;
  bool fewer_children = false;
  int field_mode = 0;  // 0 the target's name, 1 a decoy's, 2 none (NULL), 3 raw
  std::string raw_field;
};

Wrapper ReadWrapper(FuzzInput& in, bool on) {
  Wrapper w;
  w.on = on;
  if (!on) return w;
  const uint8_t b = in.Byte();
  w.children = 1 + b % 3;
  w.target = (b >> 2) % w.children;
  w.fewer_children = (b & 0x80) != 0 && (b & 0x40) != 0;
  w.field_mode = (b >> 4) % 4;
  if (w.field_mode == 3) w.raw_field = in.String(8);
  return w;
}

const char* FieldOf(const Wrapper& w) {
  if (!w.on) return nullptr;
  switch (w.field_mode) {
    case 0: return kNames[w.target];
    case 1: return kNames[(w.target + 1) % 3];
    case 2: return nullptr;
    default: return w.raw_field.c_str();
  }
}

ArrowSchema* BuildTopSchema(Produced& produced, const TypeSpec& type, const Wrapper& w) {
  if (!w.on) return BuildSchema(produced, type, "value");
  ArrowSchema* schema = NewSchema(produced, "+s", nullptr);
  schema->flags = 0;
  for (int c = 0; c < w.children; ++c) {
    AddSchemaChild(schema, c == w.target ? BuildSchema(produced, type, kNames[c])
                                         : NewSchema(produced, "i", kNames[c]));
  }
  return schema;
}

ArrowArray* BuildTopArray(FuzzInput& in, Produced& produced, const TypeSpec& type,
                          const Wrapper& w) {
  if (!w.on) return BuildArray(in, produced, type, -1);
  // The struct: length, offset (possibly negative), parent validity.
  const int64_t length = Extent(in, 24);
  const int64_t offset = Extent(in, 12);
  const uint8_t flags = in.Byte();
  const int64_t n = Physical(offset, length);
  candor_fuzz::Context() += " struct{length " + std::to_string(length) + " offset " +
                            std::to_string(offset) + " flags " + std::to_string(flags) + ":";
  ArrowArray* array = NewArray(produced, 1);
  array->length = length;
  array->offset = offset;
  array->n_buffers = 1;
  int64_t exact_nulls = 0;
  if (flags & 1) {
    std::vector<uint8_t> bits(static_cast<size_t>((n + 7) / 8));
    for (auto& b : bits) b = in.Byte();
    const uint8_t* bitmap = NewBuffer(array, bits.size(), [&](size_t i) { return bits[i]; });
    HolderOf(array).buffers[0] = bitmap;
    for (int64_t i = std::max<int64_t>(offset, 0); i < n; ++i) {
      exact_nulls += ((bitmap[i / 8] >> (i % 8)) & 1) == 0;
    }
  }
  array->null_count = (flags & 2) ? -1 : (flags & 4) ? 0 : exact_nulls;
  for (int c = 0; c < w.children; ++c) {
    if (c == w.target) {
      AddArrayChild(array, BuildArray(in, produced, type, n));
    } else {
      TypeSpec decoy;
      decoy.format = "i";
      AddArrayChild(array, BuildArray(in, produced, decoy, n));
    }
  }
  if (w.fewer_children) array->n_children -= 1;
  candor_fuzz::Context() += "}";
  return array;
}

// -------------------------------------------------------------- stream

struct Stream {
  Produced* produced;
  const TypeSpec* type;
  const Wrapper* wrapper;
  std::vector<ArrowArray*> chunks;  // nullptr once handed over
  std::vector<int*> given_chunks;   // release counters of what candor took
  std::vector<int*> given_schemas;
  size_t next = 0;
  int fail_at = -1;
  bool fail_schema = false;
  std::string error;
};

int StreamGetSchema(ArrowArrayStream* stream, ArrowSchema* out) {
  auto* s = static_cast<Stream*>(stream->private_data);
  if (s->fail_schema) {
    s->error = "fuzz producer: no schema";
    return EIO;
  }
  ArrowSchema* schema = BuildTopSchema(*s->produced, *s->type, *s->wrapper);
  s->given_schemas.push_back(static_cast<SchemaHolder*>(schema->private_data)->releases);
  *out = *schema;  // moved
  delete schema;
  return 0;
}

int StreamGetNext(ArrowArrayStream* stream, ArrowArray* out) {
  auto* s = static_cast<Stream*>(stream->private_data);
  if (static_cast<int>(s->next) == s->fail_at) {
    s->error = "fuzz producer: chunk " + std::to_string(s->next) + " failed";
    return EIO;
  }
  if (s->next >= s->chunks.size()) {
    *out = ArrowArray{};
    return 0;
  }
  ArrowArray* chunk = s->chunks[s->next];
  s->chunks[s->next++] = nullptr;
  s->given_chunks.push_back(HolderOf(chunk).releases);
  *out = *chunk;  // moved
  delete chunk;
  return 0;
}

const char* StreamLastError(ArrowArrayStream* stream) {
  auto* s = static_cast<Stream*>(stream->private_data);
  return s->error.empty() ? nullptr : s->error.c_str();
}

void StreamRelease(ArrowArrayStream* stream) {
  auto* s = static_cast<Stream*>(stream->private_data);
  for (ArrowArray*& chunk : s->chunks) {
    if (chunk == nullptr) continue;
    if (chunk->release != nullptr) chunk->release(chunk);
    delete chunk;
    chunk = nullptr;
  }
  stream->release = nullptr;
}

// -------------------------------------------------------------- checks

bool ValidUtf8(const char* text, size_t size) {
  const auto* s = reinterpret_cast<const unsigned char*>(text);
  size_t i = 0;
  while (i < size) {
    const unsigned char c = s[i];
    size_t extra;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + extra >= size) return false;
    if (s[i + 1] < lo || s[i + 1] > hi) return false;
    for (size_t k = 2; k <= extra; ++k) {
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return false;
    }
    i += extra + 1;
  }
  return true;
}

bool InsideData(const Produced& produced, const char* text, size_t size) {
  if (size == 0) return true;
  for (const auto& [begin, bytes] : produced.data) {
    if (text >= begin && text + size <= begin + bytes) return true;
  }
  return false;
}

candor_text_model* Model() {
  static candor_text_model* model = [] {
    candor_text_options options;
    candor_text_options_init(&options);
    options.language = "en";
    options.threads = 1;
    candor_text_model* m = nullptr;
    if (candor_text_model_new(&options, &m) != CANDOR_OK) std::abort();
    return m;
  }();
  return model;
}

void CheckWrongKind(candor_status status, const char* what) {
  CheckStatus(status, what);
  CANDOR_FUZZ_CHECK(status == CANDOR_INVALID_ARGUMENT, what);
}

void CheckColumn(const candor_column* column, const Produced& produced, size_t chunks,
                 bool analyze) {
  candor_column_info info;
  CANDOR_FUZZ_CHECK(candor_column_describe(column, &info) == CANDOR_OK, "describe");
  const int kind = candor_fuzz::RawEnumValue(info.kind);
  CANDOR_FUZZ_CHECK(kind >= CANDOR_COLUMN_NUMBERS && kind <= CANDOR_COLUMN_TIMES, "kind");
  CANDOR_FUZZ_CHECK(info.nulls <= info.rows, "nulls <= rows");
  CANDOR_FUZZ_CHECK(info.chunks == chunks, "chunks read");
  CANDOR_FUZZ_CHECK(info.format != nullptr && info.time_zone != nullptr, "format and zone");
  CANDOR_FUZZ_CHECK(info.in_place == 0 || info.in_place == 1, "in_place");
  const size_t rows = info.rows;
  const double* numbers = nullptr;
  const int64_t* times = nullptr;
  const int32_t* codes = nullptr;
  const char* const* texts = nullptr;
  const size_t* sizes = nullptr;
  size_t levels = 0;
  if (kind == CANDOR_COLUMN_NUMBERS) {
    CANDOR_FUZZ_CHECK(candor_column_numbers(column, &numbers) == CANDOR_OK, "numbers");
    size_t nan = 0;
    for (size_t r = 0; r < rows; ++r) nan += std::isnan(numbers[r]);
    CANDOR_FUZZ_CHECK(nan >= info.nulls, "a NaN for every null");
    if (info.in_place) {
      CANDOR_FUZZ_CHECK(info.nulls == 0, "in place without nulls");
      bool inside = rows == 0;
      for (const auto& [begin, count] : produced.f64) {
        if (numbers >= begin && numbers + rows <= begin + count) inside = true;
      }
      CANDOR_FUZZ_CHECK(inside, "in place: inside the producer's float64 buffer");
    }
    CheckWrongKind(candor_column_times(column, &times), "times of numbers");
    CheckWrongKind(candor_column_codes(column, &codes, &levels), "codes of numbers");
    CheckWrongKind(candor_column_texts(column, &texts, &sizes), "texts of numbers");
  } else if (kind == CANDOR_COLUMN_TIMES) {
    CANDOR_FUZZ_CHECK(candor_column_times(column, &times) == CANDOR_OK, "times");
    size_t missing = 0;
    for (size_t r = 0; r < rows; ++r) missing += times[r] == INT64_MIN;
    CANDOR_FUZZ_CHECK(missing >= info.nulls, "INT64_MIN for every null");
    CANDOR_FUZZ_CHECK(info.in_place == 0, "times are never in place");
    CheckWrongKind(candor_column_numbers(column, &numbers), "numbers of times");
    CheckWrongKind(candor_column_codes(column, &codes, &levels), "codes of times");
    CheckWrongKind(candor_column_texts(column, &texts, &sizes), "texts of times");
  } else {
    CheckWrongKind(candor_column_numbers(column, &numbers), "numbers of text");
    CheckWrongKind(candor_column_times(column, &times), "times of text");
    CANDOR_FUZZ_CHECK(candor_column_texts(column, &texts, &sizes) == CANDOR_OK, "texts");
    bool all_valid = true;
    for (size_t r = 0; r < rows; ++r) {
      CANDOR_FUZZ_CHECK(InsideData(produced, texts[r], sizes[r]),
                        "a text inside the producer's data buffers");
      all_valid = all_valid && ValidUtf8(texts[r], sizes[r]);
    }
    const candor_status status = candor_column_codes(column, &codes, &levels);
    CheckStatus(status, "codes");
    CANDOR_FUZZ_CHECK(status == (all_valid ? CANDOR_OK : CANDOR_INVALID_UTF8),
                      "codes fail exactly on invalid UTF-8");
    if (status == CANDOR_OK) {
      int32_t next = 0;
      size_t minus_one = 0;
      for (size_t r = 0; r < rows; ++r) {
        const int32_t code = codes[r];
        CANDOR_FUZZ_CHECK(code >= -1 && code <= next, "codes dense in order of first appearance");
        if (code == next) ++next;
        if (code < 0) {
          ++minus_one;
          CANDOR_FUZZ_CHECK(sizes[r] == 0, "\"\" for a null");
          continue;
        }
        const char* label = nullptr;
        size_t length = 0;
        CANDOR_FUZZ_CHECK(candor_column_label(column, code, &label, &length) == CANDOR_OK,
                          "label");
        CANDOR_FUZZ_CHECK(length == sizes[r] && std::memcmp(label, texts[r], length) == 0 &&
                              label[length] == '\0',
                          "a row's label is its text");
      }
      CANDOR_FUZZ_CHECK(static_cast<size_t>(next) == levels, "levels");
      CANDOR_FUZZ_CHECK(minus_one >= info.nulls, "code -1 for every null");
      const char* label = nullptr;
      const candor_status past =
          candor_column_label(column, static_cast<int32_t>(levels), &label, nullptr);
      CheckStatus(past, "label past the levels");
      CANDOR_FUZZ_CHECK(past != CANDOR_OK, "label past the levels");
    }
    if (analyze && rows <= 64) {
      candor_text_results* results = nullptr;
      const candor_status analyzed = candor_text_analyze(Model(), texts, sizes, rows, &results);
      CheckStatus(analyzed, "text_analyze");
      CANDOR_FUZZ_CHECK(analyzed == (all_valid ? CANDOR_OK : CANDOR_INVALID_UTF8),
                        "the text model agrees on UTF-8");
      if (analyzed == CANDOR_OK) {
        CANDOR_FUZZ_CHECK(candor_text_results_count(results) == rows, "one result per row");
      }
      candor_text_results_free(results);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t flags = in.Byte();
  const bool stream_mode = flags & 1;
  const TypeSpec type = ReadType(in);
  const Wrapper wrapper = ReadWrapper(in, (flags & 2) != 0);
  const char* field = FieldOf(wrapper);
  std::string& context = candor_fuzz::Context();
  context = std::string(stream_mode ? "stream" : "array") + " of '" + type.format + "'" +
            (type.dictionary ? " dictionary of '" + type.dictionary->format + "'" : "") +
            (wrapper.on ? " in a struct of " + std::to_string(wrapper.children) + ", field " +
                              (field == nullptr ? "NULL" : "'" + std::string(field) + "'")
                        : "") +
            ":";
  Produced produced;
  candor_column* column = nullptr;

  if (!stream_mode) {
    ArrowSchema* schema = BuildTopSchema(produced, type, wrapper);
    ArrowArray* array = BuildTopArray(in, produced, type, wrapper);
    int* schema_releases = static_cast<SchemaHolder*>(schema->private_data)->releases;
    int* array_releases = HolderOf(array).releases;
    const candor_status status = candor_column_from_arrow(schema, array, field, &column);
    CheckStatus(status, "from_arrow");
    if (status == CANDOR_OK) {
      CheckColumn(column, produced, 1, (flags & 16) != 0);
      candor_column_free(column);
    } else {
      CANDOR_FUZZ_CHECK(column == nullptr, "*out cleared on failure");
    }
    // Borrowed: never released by candor.
    CANDOR_FUZZ_CHECK(*schema_releases == 0 && *array_releases == 0, "borrowed, not released");
    CANDOR_FUZZ_CHECK(schema->release != nullptr && array->release != nullptr,
                      "borrowed, not released");
    schema->release(schema);
    array->release(array);
    delete schema;
    delete array;
    return 0;
  }

  Stream s;
  s.produced = &produced;
  s.type = &type;
  s.wrapper = &wrapper;
  const size_t n_chunks = in.Below(6);
  s.fail_schema = (flags & 4) != 0 && (flags & 8) != 0;
  if (flags & 8) s.fail_at = static_cast<int>(in.Below(static_cast<uint32_t>(n_chunks) + 1));
  context += " " + std::to_string(n_chunks) + " chunks, failing at " + std::to_string(s.fail_at) +
             (s.fail_schema ? ", no schema" : "") + ":";
  for (size_t c = 0; c < n_chunks; ++c) s.chunks.push_back(BuildTopArray(in, produced, type, wrapper));
  ArrowArrayStream stream{};
  stream.get_schema = StreamGetSchema;
  stream.get_next = StreamGetNext;
  stream.get_last_error = StreamLastError;
  stream.release = StreamRelease;
  stream.private_data = &s;
  const candor_status status = candor_column_from_arrow_stream(&stream, field, &column);
  CheckStatus(status, "from_arrow_stream");
  CANDOR_FUZZ_CHECK(stream.release != nullptr, "the stream stays the caller's");
  if (s.fail_schema) CANDOR_FUZZ_CHECK(status == CANDOR_IO_ERROR, "get_schema failed");
  if (status == CANDOR_OK) {
    CANDOR_FUZZ_CHECK(s.fail_at < 0 || static_cast<size_t>(s.fail_at) > n_chunks,
                      "every chunk read although one failed");
    CANDOR_FUZZ_CHECK(s.next == n_chunks, "every chunk read");
    CheckColumn(column, produced, n_chunks, (flags & 16) != 0);
    for (int* r : s.given_chunks) CANDOR_FUZZ_CHECK(*r == 0, "chunks held until freed");
    candor_column_free(column);
  } else {
    CANDOR_FUZZ_CHECK(column == nullptr, "*out cleared on failure");
    if (status == CANDOR_IO_ERROR) {
      CANDOR_FUZZ_CHECK(!s.error.empty() && std::strstr(candor_last_error(), s.error.c_str()),
                        "the producer's message");
    }
  }
  for (int* r : s.given_chunks) CANDOR_FUZZ_CHECK(*r == 1, "each chunk taken released once");
  for (int* r : s.given_schemas) CANDOR_FUZZ_CHECK(*r == 1, "each schema taken released once");
  stream.release(&stream);
  return 0;
}
