// Column: Arrow arrays of every type read, against the values the test's own
// producer wrote (random values, nulls, offsets and chunkings), plus the
// checks a producer's mistakes must meet. The C ABI's producer-side tests are
// tests/c/arrow_test.c.
#include <gtest/gtest.h>

#include <candor/column.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <random>
#include <thread>
#include <string>
#include <variant>
#include <vector>

namespace candor {
namespace {

// What a row holds: nothing (a null), a number, a time or a text.
using Expected = std::variant<std::monostate, double, int64_t, std::string>;

// An array this test produced: buffers, children and a dictionary it owns.
struct Produced {
  std::vector<std::vector<uint8_t>> buffers;
  std::vector<const void*> buffer_pointers;
  std::vector<std::unique_ptr<Produced>> children_owned;
  std::vector<ArrowArray*> children;
  std::unique_ptr<Produced> dictionary;
  ArrowArray array{};
  std::string format;
  std::string name;
  std::vector<ArrowSchema*> schema_children;
  ArrowSchema schema{};
  int* releases = nullptr;

  void Wire() {
    buffer_pointers.clear();
    for (auto& b : buffers) buffer_pointers.push_back(b.empty() ? nullptr : b.data());
    children.clear();
    schema_children.clear();
    for (auto& c : children_owned) {
      c->Wire();
      children.push_back(&c->array);
      schema_children.push_back(&c->schema);
    }
    if (dictionary) dictionary->Wire();
    array.n_buffers = static_cast<int64_t>(buffers.size());
    array.buffers = buffer_pointers.data();
    array.n_children = static_cast<int64_t>(children.size());
    array.children = children.empty() ? nullptr : children.data();
    array.dictionary = dictionary ? &dictionary->array : nullptr;
    array.release = [](ArrowArray* a) { a->release = nullptr; };
    schema.format = format.c_str();
    schema.name = name.c_str();
    schema.n_children = array.n_children;
    schema.children = schema_children.empty() ? nullptr : schema_children.data();
    schema.dictionary = dictionary ? &dictionary->schema : nullptr;
    schema.release = [](ArrowSchema* s) { s->release = nullptr; };
  }
};

template <typename T>
void Put(std::vector<uint8_t>* buffer, size_t i, T value) {
  if (buffer->size() < (i + 1) * sizeof(T)) buffer->resize((i + 1) * sizeof(T));
  std::memcpy(buffer->data() + i * sizeof(T), &value, sizeof(T));
}

void SetBit(std::vector<uint8_t>* bitmap, size_t i, bool on) {
  if (bitmap->size() < i / 8 + 1) bitmap->resize(i / 8 + 1, 0xA5);  // garbage past the end
  if (on) {
    (*bitmap)[i / 8] |= static_cast<uint8_t>(1u << (i % 8));
  } else {
    (*bitmap)[i / 8] &= static_cast<uint8_t>(~(1u << (i % 8)));
  }
}

enum class Type { kInt8, kInt32, kUInt64, kFloat32, kFloat64, kBool, kDate32, kTimestampMs,
                  kTimestampNs, kUtf8, kLargeUtf8, kDictUtf8, kDictFloat64 };

// Random rows of `type` after `offset` unused ones, as a produced array and
// the rows expected of it.
std::unique_ptr<Produced> Produce(Type type, int64_t n, int64_t offset, double null_share,
                                  std::mt19937_64* rng, std::vector<Expected>* expected) {
  auto p = std::make_unique<Produced>();
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<int> small(-100, 100);
  std::vector<uint8_t> validity;
  int64_t nulls = 0;
  const std::vector<std::string> words = {"price", "", "support ok", "Zoë", "price", "onboarding"};
  std::vector<uint8_t> data;
  std::vector<uint8_t> offsets;
  int64_t text_end = 0;
  auto put_text = [&](int64_t i, const std::string& s, bool large) {
    if (i == 0) large ? Put<int64_t>(&offsets, 0, 0) : Put<int32_t>(&offsets, 0, 0);
    data.insert(data.end(), s.begin(), s.end());
    text_end += static_cast<int64_t>(s.size());
    large ? Put<int64_t>(&offsets, i + 1, text_end)
          : Put<int32_t>(&offsets, i + 1, static_cast<int32_t>(text_end));
  };
  bool dict = type == Type::kDictUtf8 || type == Type::kDictFloat64;
  if (dict) {
    p->dictionary = std::make_unique<Produced>();
    Produced& d = *p->dictionary;
    std::vector<uint8_t> dict_data, dict_offsets;
    if (type == Type::kDictUtf8) {
      d.format = "u";
      int64_t end = 0;
      Put<int32_t>(&dict_offsets, 0, 0);
      for (size_t k = 0; k < words.size(); ++k) {  // "price" twice: a repeated value
        dict_data.insert(dict_data.end(), words[k].begin(), words[k].end());
        end += static_cast<int64_t>(words[k].size());
        Put<int32_t>(&dict_offsets, k + 1, static_cast<int32_t>(end));
      }
      d.buffers = {{}, dict_offsets, dict_data};
    } else {
      d.format = "g";
      for (size_t k = 0; k < words.size(); ++k) Put<double>(&dict_data, k, 0.5 * k);
      d.buffers = {{}, dict_data};
    }
    d.array.length = static_cast<int64_t>(words.size());
    p->format = "s";  // int16 indices
  }
  for (int64_t i = 0; i < offset + n; ++i) {
    bool null = u(*rng) < null_share;
    bool counted = i >= offset;
    SetBit(&validity, static_cast<size_t>(i), !null);
    Expected e;
    switch (type) {
      case Type::kInt8: {
        int8_t v = static_cast<int8_t>(small(*rng));
        Put(&data, i, v);
        e = static_cast<double>(v);
        break;
      }
      case Type::kInt32: {
        int32_t v = small(*rng) * 100000;
        Put(&data, i, v);
        e = static_cast<double>(v);
        break;
      }
      case Type::kUInt64: {
        uint64_t v = (*rng)() >> 12;  // below 2^52: exact as a double
        Put(&data, i, v);
        e = static_cast<double>(v);
        break;
      }
      case Type::kFloat32: {
        float v = static_cast<float>(small(*rng)) / 8.0f;
        Put(&data, i, v);
        e = static_cast<double>(v);
        break;
      }
      case Type::kFloat64: {
        double v = small(*rng) / 3.0;
        Put(&data, i, v);
        e = v;
        break;
      }
      case Type::kBool: {
        bool v = u(*rng) < 0.5;
        SetBit(&data, static_cast<size_t>(i), v);
        e = v ? 1.0 : 0.0;
        break;
      }
      case Type::kDate32: {
        int32_t days = small(*rng) * 300;
        Put(&data, i, days);
        e = static_cast<int64_t>(days) * 86400;
        break;
      }
      case Type::kTimestampMs:
      case Type::kTimestampNs: {
        int64_t per = type == Type::kTimestampMs ? 1000 : 1000000000;
        int64_t v = static_cast<int64_t>((*rng)() % 4000000000000ULL) - 2000000000000LL;
        if (type == Type::kTimestampNs) v *= 997;  // spans the sign, not on whole seconds
        Put(&data, i, v);
        int64_t floor = v / per - ((v % per != 0 && v < 0) ? 1 : 0);
        e = floor;
        break;
      }
      case Type::kUtf8:
      case Type::kLargeUtf8: {
        const std::string& w = words[(*rng)() % words.size()];
        put_text(i, w, type == Type::kLargeUtf8);
        e = w;
        break;
      }
      case Type::kDictUtf8:
      case Type::kDictFloat64: {
        int16_t k = static_cast<int16_t>((*rng)() % words.size());
        Put(&data, i, k);
        if (type == Type::kDictUtf8) {
          e = words[k];
        } else {
          e = 0.5 * k;
        }
        break;
      }
    }
    if (counted) {
      expected->push_back(null ? Expected() : e);
      nulls += null;
    }
  }
  static const char* const kFormats[] = {"c", "i", "L", "f", "g", "b", "tdD", "tsm:Europe/Berlin",
                                         "tsn:", "u", "U", "s", "s"};
  if (!dict) p->format = kFormats[static_cast<int>(type)];
  if (type == Type::kUtf8 || type == Type::kLargeUtf8) {
    if (offset + n == 0) put_text(0, "", type == Type::kLargeUtf8), data.clear();
    p->buffers = {validity, offsets, data};
  } else {
    p->buffers = {validity, data};
  }
  p->array.length = n;
  p->array.offset = offset;
  // Unknown (-1) half the time: candor counts.
  p->array.null_count = u(*rng) < 0.5 ? -1 : nulls;
  return p;
}

void ExpectRows(const Column& column, const std::vector<Expected>& expected) {
  ASSERT_EQ(column.rows(), expected.size());
  size_t nulls = 0;
  const int32_t* codes = nullptr;
  size_t levels = 0;
  if (column.kind() == ColumnKind::kText) ASSERT_TRUE(column.Codes(&codes, &levels).ok());
  const char* const* texts = nullptr;
  const size_t* sizes = nullptr;
  if (column.kind() == ColumnKind::kText) ASSERT_TRUE(column.Texts(&texts, &sizes).ok());
  std::vector<std::string> first_seen;
  for (size_t r = 0; r < expected.size(); ++r) {
    const Expected& e = expected[r];
    nulls += std::holds_alternative<std::monostate>(e);
    switch (column.kind()) {
      case ColumnKind::kNumbers:
        if (std::holds_alternative<double>(e)) {
          EXPECT_EQ(column.numbers()[r], std::get<double>(e)) << "row " << r;
        } else {
          EXPECT_TRUE(std::isnan(column.numbers()[r])) << "row " << r;
        }
        break;
      case ColumnKind::kTimes:
        EXPECT_EQ(column.times()[r],
                  std::holds_alternative<int64_t>(e) ? std::get<int64_t>(e) : INT64_MIN)
            << "row " << r;
        break;
      case ColumnKind::kText: {
        std::string want = std::holds_alternative<std::string>(e) ? std::get<std::string>(e) : "";
        EXPECT_EQ(column.text(r), want) << "row " << r;
        EXPECT_EQ(std::string(texts[r], sizes[r]), want) << "row " << r;
        if (!std::holds_alternative<std::string>(e)) {
          EXPECT_EQ(codes[r], -1) << "row " << r;
          break;
        }
        // Codes in order of first appearance, computed here independently.
        size_t k = 0;
        while (k < first_seen.size() && first_seen[k] != want) ++k;
        if (k == first_seen.size()) first_seen.push_back(want);
        EXPECT_EQ(codes[r], static_cast<int32_t>(k)) << "row " << r;
        std::string_view label;
        ASSERT_TRUE(column.Label(codes[r], &label).ok());
        EXPECT_EQ(label, want);
        break;
      }
    }
  }
  EXPECT_EQ(column.nulls(), nulls);
  if (column.kind() == ColumnKind::kText) EXPECT_EQ(levels, first_seen.size());
}

constexpr Type kAllTypes[] = {Type::kInt8,   Type::kInt32,       Type::kUInt64,
                              Type::kFloat32, Type::kFloat64,    Type::kBool,
                              Type::kDate32, Type::kTimestampMs, Type::kTimestampNs,
                              Type::kUtf8,   Type::kLargeUtf8,   Type::kDictUtf8,
                              Type::kDictFloat64};

TEST(Column, ReadsEveryTypeWithNullsAndOffsets) {
  std::mt19937_64 rng(7);
  for (Type type : kAllTypes) {
    for (int trial = 0; trial < 12; ++trial) {
      SCOPED_TRACE("type " + std::to_string(static_cast<int>(type)) + " trial " +
                   std::to_string(trial));
      int64_t n = static_cast<int64_t>(rng() % 70);
      int64_t offset = static_cast<int64_t>(rng() % 19);
      std::vector<Expected> expected;
      auto produced = Produce(type, n, offset, trial % 3 == 0 ? 0.0 : 0.3, &rng, &expected);
      produced->Wire();
      Result<Column> column = Column::FromArrow(produced->schema, produced->array);
      ASSERT_TRUE(column.ok()) << column.status().message();
      ExpectRows(*column, expected);
      EXPECT_EQ(column->chunks(), 1u);
      EXPECT_EQ(produced->array.release != nullptr, true);  // borrowed, never released
    }
  }
}

TEST(Column, ReadsFloat64WithoutNullsInPlace) {
  std::vector<double> values = {9, 10, 3, 7, 0};
  std::vector<Expected> unused;
  Produced p;
  p.format = "g";
  p.buffers = {{}, std::vector<uint8_t>(sizeof(double) * values.size())};
  std::memcpy(p.buffers[1].data(), values.data(), sizeof(double) * values.size());
  p.array.length = 4;
  p.array.offset = 1;
  p.Wire();
  Result<Column> column = Column::FromArrow(p.schema, p.array);
  ASSERT_TRUE(column.ok()) << column.status().message();
  EXPECT_TRUE(column->in_place());
  EXPECT_EQ(column->numbers(), reinterpret_cast<const double*>(p.buffers[1].data()) + 1);
}

TEST(Column, ReadsAFieldOfARecordBatchWithItsOffsetAndNulls) {
  std::mt19937_64 rng(11);
  for (Type type : kAllTypes) {
    std::vector<Expected> child_rows;
    // The child holds 40 rows; the struct is rows [5, 35) of it, some null.
    auto child = Produce(type, 40, 3, 0.2, &rng, &child_rows);
    child->name = "score";
    Produced batch;
    batch.format = "+s";
    std::vector<uint8_t> validity;
    std::vector<Expected> expected;
    for (int64_t i = 0; i < 35; ++i) {
      bool null = i % 7 == 2;
      SetBit(&validity, static_cast<size_t>(i), !null);
      if (i >= 5) expected.push_back(null ? Expected() : child_rows[static_cast<size_t>(i)]);
    }
    batch.buffers = {validity};
    batch.array.offset = 5;
    batch.array.length = 30;
    batch.array.null_count = -1;
    auto other = Produce(Type::kInt8, 40, 0, 0.0, &rng, &child_rows);
    other->name = "other";
    batch.children_owned.push_back(std::move(other));
    batch.children_owned.push_back(std::move(child));
    batch.Wire();
    Result<Column> column = Column::FromArrow(batch.schema, batch.array, "score");
    ASSERT_TRUE(column.ok()) << column.status().message();
    ExpectRows(*column, expected);
    Result<Column> missing = Column::FromArrow(batch.schema, batch.array, "nps");
    EXPECT_EQ(missing.status().code(), CANDOR_NOT_FOUND);
    EXPECT_NE(missing.status().message().find("'other', 'score'"), std::string::npos)
        << missing.status().message();
    EXPECT_EQ(Column::FromArrow(batch.schema, batch.array).status().code(),
              CANDOR_INVALID_ARGUMENT);
  }
}

// A stream over produced chunks, which it hands over one by one.
struct Stream {
  std::vector<std::unique_ptr<Produced>> chunks;
  size_t next = 0;
  int releases = 0;
  ArrowArrayStream stream{};

  void Wire() {
    for (auto& c : chunks) c->Wire();
    stream.private_data = this;
    stream.get_schema = [](ArrowArrayStream* s, ArrowSchema* out) {
      auto* self = static_cast<Stream*>(s->private_data);
      *out = self->chunks[0]->schema;
      out->private_data = self;
      out->release = [](ArrowSchema* schema) {
        ++static_cast<Stream*>(schema->private_data)->releases;
        schema->release = nullptr;
      };
      return 0;
    };
    stream.get_next = [](ArrowArrayStream* s, ArrowArray* out) {
      auto* self = static_cast<Stream*>(s->private_data);
      if (self->next == self->chunks.size()) {
        out->release = nullptr;
        return 0;
      }
      *out = self->chunks[self->next++]->array;
      out->private_data = self;
      out->release = [](ArrowArray* array) {
        ++static_cast<Stream*>(array->private_data)->releases;
        array->release = nullptr;
      };
      return 0;
    };
    stream.get_last_error = [](ArrowArrayStream*) -> const char* { return nullptr; };
    stream.release = [](ArrowArrayStream* s) { s->release = nullptr; };
  }
};

TEST(Column, JoinsTheChunksOfAStreamAndReleasesThemOnce) {
  std::mt19937_64 rng(13);
  for (Type type : kAllTypes) {
    Stream s;
    std::vector<Expected> expected;
    for (int k = 0; k < 4; ++k) {  // chunk 2 is empty
      int64_t n = k == 2 ? 0 : static_cast<int64_t>(rng() % 30);
      s.chunks.push_back(Produce(type, n, k, 0.25, &rng, &expected));
    }
    s.Wire();
    {
      Result<Column> column = Column::FromArrowStream(s.stream);
      ASSERT_TRUE(column.ok()) << column.status().message();
      ExpectRows(*column, expected);
      EXPECT_EQ(column->chunks(), 4u);
      EXPECT_FALSE(column->in_place());
      EXPECT_EQ(s.releases, 1);  // the schema, once read
    }
    EXPECT_EQ(s.releases, 5);  // and each chunk when the column goes
    EXPECT_NE(s.stream.release, nullptr);  // the stream stays the caller's
  }
}

TEST(Column, RefusesMalformedArraysWithAClearMessage) {
  std::mt19937_64 rng(17);
  std::vector<Expected> rows;
  auto expect_error = [](const Produced& p, candor_status code, const std::string& words) {
    Result<Column> column = Column::FromArrow(p.schema, p.array);
    ASSERT_FALSE(column.ok());
    EXPECT_EQ(column.status().code(), code) << column.status().message();
    EXPECT_NE(column.status().message().find(words), std::string::npos)
        << column.status().message();
  };
  auto fresh = [&](Type type) {
    auto p = Produce(type, 10, 2, 0.2, &rng, &rows);
    p->array.null_count = -1;
    p->Wire();
    return p;
  };
  auto p = fresh(Type::kInt32);
  p->format = "zz";
  p->schema.format = p->format.c_str();
  expect_error(*p, CANDOR_INVALID_ARGUMENT, "'zz' is not an Arrow format");
  p->format = "+l";
  p->schema.format = p->format.c_str();
  expect_error(*p, CANDOR_UNSUPPORTED, "'+l'");
  p->format = "d:10,2";
  p->schema.format = p->format.c_str();
  expect_error(*p, CANDOR_UNSUPPORTED, "'d:10,2'");
  p = fresh(Type::kInt32);
  p->array.length = -1;
  expect_error(*p, CANDOR_INVALID_ARGUMENT, "negative length");
  p = fresh(Type::kInt32);
  p->array.offset = -3;
  expect_error(*p, CANDOR_INVALID_ARGUMENT, "negative offset");
  p = fresh(Type::kInt32);
  p->array.null_count = -2;
  expect_error(*p, CANDOR_INVALID_ARGUMENT, "null_count");
  p = fresh(Type::kInt32);
  p->array.n_buffers = 3;
  expect_error(*p, CANDOR_INVALID_ARGUMENT, "3 buffers");
  p = fresh(Type::kInt32);
  p->buffer_pointers[1] = nullptr;
  expect_error(*p, CANDOR_INVALID_ARGUMENT, "data buffer is NULL");
  p = fresh(Type::kInt32);
  p->buffer_pointers[0] = nullptr;
  p->array.null_count = 2;
  expect_error(*p, CANDOR_INVALID_ARGUMENT, "no validity buffer");
  p = fresh(Type::kInt32);
  p->array.release = nullptr;
  expect_error(*p, CANDOR_INVALID_ARGUMENT, "released");
  p = fresh(Type::kUtf8);
  Put<int32_t>(&p->buffers[1], 5, -1);  // offsets 4 -> 5 decrease
  p->Wire();
  expect_error(*p, CANDOR_INVALID_ARGUMENT, "text offsets decrease");
  p = fresh(Type::kDictUtf8);
  Put<int16_t>(&p->buffers[1], 4, 6);  // 6 words in the dictionary: 6 is past it
  SetBit(&p->buffers[0], 4, true);
  p->Wire();
  expect_error(*p, CANDOR_INVALID_ARGUMENT, "row 2 has dictionary index 6");
}

TEST(Column, GivesInt8ScoresInPlaceOrConvertedOrRefuses) {
  auto column_of = [](Produced* p) {
    p->Wire();
    Result<Column> column = Column::FromArrow(p->schema, p->array);
    EXPECT_TRUE(column.ok()) << column.status().message();
    return std::move(column).value();
  };
  Produced int8;
  int8.format = "c";
  int8.buffers = {{}, {10, 9, 0, 7}};
  int8.array.length = 3;
  int8.array.offset = 1;
  const int8_t* values = nullptr;
  Column a = column_of(&int8);
  ASSERT_TRUE(a.Int8(&values).ok());
  EXPECT_EQ(values, reinterpret_cast<const int8_t*>(int8.buffers[1].data()) + 1);
  Produced int64;
  int64.format = "l";
  int64.buffers = {{}, {}};
  for (int64_t i = 0; i < 4; ++i) Put<int64_t>(&int64.buffers[1], i, i * 3 - 1);
  int64.array.length = 4;
  Column b = column_of(&int64);
  ASSERT_TRUE(b.Int8(&values).ok());
  EXPECT_EQ(std::vector<int8_t>(values, values + 4), (std::vector<int8_t>{-1, 2, 5, 8}));
  Put<int64_t>(&int64.buffers[1], 2, 300);
  Column c = column_of(&int64);
  EXPECT_EQ(c.Int8(&values).code(), CANDOR_UNSUPPORTED);
  EXPECT_NE(c.Int8(&values).message().find("row 2"), std::string::npos);
  Produced floats;
  floats.format = "g";
  floats.buffers = {{}, std::vector<uint8_t>(8, 0)};
  floats.array.length = 1;
  EXPECT_EQ(column_of(&floats).Int8(&values).code(), CANDOR_UNSUPPORTED);
  int8.buffers[0] = {0x0B};  // row 2 of the slice (bit 3) is null
  int8.array.null_count = -1;
  EXPECT_EQ(column_of(&int8).Int8(&values).code(), CANDOR_UNSUPPORTED);
}

// Codes, texts, numbers and int8 values are made at their first call, under
// std::call_once: many threads asking at once all get the same arrays (and
// ThreadSanitizer, which runs this suite, sees no race).
TEST(ColumnConcurrent, FirstCallsFromManyThreadsAgree) {
  std::mt19937_64 rng(23);
  std::vector<Expected> text_rows, number_rows;
  auto text = Produce(Type::kDictUtf8, 5000, 3, 0.1, &rng, &text_rows);
  auto numbers = Produce(Type::kInt32, 5000, 3, 0.0, &rng, &number_rows);
  text->Wire();
  numbers->Wire();
  Result<Column> t = Column::FromArrow(text->schema, text->array);
  Result<Column> n = Column::FromArrow(numbers->schema, numbers->array);
  ASSERT_TRUE(t.ok() && n.ok());
  constexpr int kThreads = 8;
  std::vector<const int32_t*> codes(kThreads);
  std::vector<const char* const*> texts(kThreads);
  std::vector<const double*> values(kThreads);
  std::vector<const int8_t*> small(kThreads);
  std::vector<std::thread> threads;
  for (int k = 0; k < kThreads; ++k) {
    threads.emplace_back([&, k] {
      size_t levels;
      const size_t* sizes;
      if (!t->Codes(&codes[k], &levels).ok()) codes[k] = nullptr;
      if (!t->Texts(&texts[k], &sizes).ok()) texts[k] = nullptr;
      values[k] = n->numbers();
      if (!n->Int8(&small[k]).ok()) small[k] = nullptr;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int k = 0; k < kThreads; ++k) {
    EXPECT_EQ(codes[k], codes[0]);
    EXPECT_EQ(texts[k], texts[0]);
    EXPECT_EQ(values[k], values[0]);
    EXPECT_EQ(small[k], small[0]);
  }
  ExpectRows(*t, text_rows);
  ExpectRows(*n, number_rows);
}

TEST(Column, RefusesALabelThatIsNotUtf8WhenCodesAreMade) {
  Produced p;
  p.format = "u";
  std::vector<uint8_t> offsets;
  Put<int32_t>(&offsets, 0, 0);
  Put<int32_t>(&offsets, 1, 2);
  Put<int32_t>(&offsets, 2, 3);
  p.buffers = {{}, offsets, {'o', 'k', 0xC3}};
  p.array.length = 2;
  p.Wire();
  Result<Column> column = Column::FromArrow(p.schema, p.array);
  ASSERT_TRUE(column.ok()) << column.status().message();
  const int32_t* codes;
  size_t levels;
  Status s = column->Codes(&codes, &levels);
  EXPECT_EQ(s.code(), CANDOR_INVALID_UTF8);
  EXPECT_NE(s.message().find("row 1"), std::string::npos) << s.message();
  EXPECT_EQ(column->Codes(&codes, &levels).code(), CANDOR_INVALID_UTF8);  // the same again
  EXPECT_EQ(column->text(1), "\xC3");  // text itself is handed on unchecked
}

}  // namespace
}  // namespace candor
