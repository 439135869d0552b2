// FindInvalidUtf8 against Unicode 15 Table 3-7 and an independent decoder.
#include <gtest/gtest.h>

#include <candor/utf8.hpp>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace candor {
namespace {

// "E0 A0 80" -> the three bytes.
std::string Bytes(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i < hex.size();) {
    if (hex[i] == ' ') {
      ++i;
      continue;
    }
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    i += 2;
  }
  return out;
}

// A reference written from the definitions rather than from Table 3-7: the
// lead byte's bit pattern gives the length (0xxxxxxx, 110xxxxx, 1110xxxx,
// 11110xxx), later bytes must be 10xxxxxx, and the decoded code point must be
// in the shortest form for its length (D92 / section 3.9), not a surrogate
// (D800..DFFF) and at most U+10FFFF. Returns the offset of the first sequence
// that breaks a rule.
std::optional<size_t> ReferenceFirstInvalid(const std::string& text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    size_t length;
    uint32_t code_point;
    if ((s[i] & 0x80) == 0x00) {
      length = 1;
      code_point = s[i];
    } else if ((s[i] & 0xE0) == 0xC0) {
      length = 2;
      code_point = s[i] & 0x1F;
    } else if ((s[i] & 0xF0) == 0xE0) {
      length = 3;
      code_point = s[i] & 0x0F;
    } else if ((s[i] & 0xF8) == 0xF0) {
      length = 4;
      code_point = s[i] & 0x07;
    } else {
      return i;
    }
    if (i + length > n) return i;
    for (size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      code_point = (code_point << 6) | (s[i + k] & 0x3F);
    }
    const uint32_t shortest_min[] = {0, 0x80, 0x800, 0x10000};
    if (code_point < shortest_min[length - 1]) return i;
    if (code_point >= 0xD800 && code_point <= 0xDFFF) return i;
    if (code_point > 0x10FFFF) return i;
    i += length;
  }
  return std::nullopt;
}

TEST(Utf8, WellFormedBoundariesOfTable37) {
  const char* const valid[] = {
      "00",
      "7F",
      "C2 80",
      "DF BF",
      "E0 A0 80",
      "E0 BF BF",
      "E1 80 80",
      "EC BF BF",
      "ED 80 80",
      "ED 9F BF",
      "EE 80 80",
      "EF BF BF",
      "F0 90 80 80",
      "F0 BF BF BF",
      "F1 80 80 80",
      "F3 BF BF BF",
      "F4 80 80 80",
      "F4 8F BF BF",
      "C3 A9",
      "E2 82 AC",
      "F0 9F 98 80",
      "EF BB BF",
      "",
  };
  for (const char* hex : valid) {
    EXPECT_EQ(FindInvalidUtf8(Bytes(hex)), std::nullopt) << hex;
  }
}

TEST(Utf8, IllFormedSequencesAndTheirOffsets) {
  struct Case {
    const char* hex;
    size_t offset;
  };
  const Case invalid[] = {
      {"80", 0},  // lone continuation byte
      {"BF", 0},
      {"C0 80", 0},        // overlong U+0000
      {"C1 BF", 0},        // overlong U+007F
      {"C2", 0},           // truncated
      {"C2 7F", 0},        // second byte below 80
      {"C2 C0", 0},        // second byte above BF
      {"E0 80 80", 0},     // overlong
      {"E0 9F BF", 0},     // overlong U+07FF
      {"E0 A0", 0},        // truncated
      {"E1 80 7F", 0},     // third byte not a continuation
      {"ED A0 80", 0},     // surrogate U+D800
      {"ED BF BF", 0},     // surrogate U+DFFF
      {"F0 80 80 80", 0},  // overlong
      {"F0 8F BF BF", 0},  // overlong U+FFFF
      {"F0 90 80", 0},     // truncated
      {"F4 90 80 80", 0},  // U+110000
      {"F4 BF BF BF", 0},
      {"F5 80 80 80", 0},     // lead byte beyond Table 3-7
      {"F8 88 80 80 80", 0},  // old five-byte form
      {"FE", 0},
      {"FF", 0},
      {"41 42 ED A0 80", 2},
      {"41 C3 A9 80", 3},
      {"E2 82 AC E2 82", 3},  // truncated at the end
      {"41 42 43 44 45 46 47 48 49 FF", 9},
  };
  for (const Case& c : invalid) {
    EXPECT_EQ(FindInvalidUtf8(Bytes(c.hex)), std::optional<size_t>(c.offset)) << c.hex;
  }
}

// The eight-bytes-at-a-time path must not skip a bad byte at any alignment,
// nor reject a multibyte character that straddles a word boundary.
TEST(Utf8, FastPathAtEveryAlignment) {
  for (size_t position = 0; position < 40; ++position) {
    std::string text(40, 'a');
    text[position] = static_cast<char>(0xFF);
    EXPECT_EQ(FindInvalidUtf8(text), std::optional<size_t>(position));
    std::string good(40, 'a');
    good.insert(position, Bytes("F0 9F 98 80"));
    EXPECT_EQ(FindInvalidUtf8(good), std::nullopt);
    good.insert(position + 4, "\x80");
    EXPECT_EQ(FindInvalidUtf8(good), std::optional<size_t>(position + 4));
  }
}

TEST(Utf8, EveryOneTwoAndThreeByteSequenceMatchesReference) {
  std::string text;
  for (int a = 0; a < 256; ++a) {
    text.assign(1, static_cast<char>(a));
    ASSERT_EQ(FindInvalidUtf8(text), ReferenceFirstInvalid(text)) << a;
  }
  size_t valid_pairs = 0;
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      text = {static_cast<char>(a), static_cast<char>(b)};
      const auto expected = ReferenceFirstInvalid(text);
      ASSERT_EQ(FindInvalidUtf8(text), expected) << a << " " << b;
      valid_pairs += !expected.has_value();
    }
  }
  // 128 * 128 ASCII pairs plus the 1920 two-byte code points U+0080..U+07FF.
  EXPECT_EQ(valid_pairs, 128u * 128u + 1920u);
  size_t mismatches = 0;
  size_t three_byte_code_points = 0;
  text.resize(3);
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      for (int c = 0; c < 256; ++c) {
        text[0] = static_cast<char>(a);
        text[1] = static_cast<char>(b);
        text[2] = static_cast<char>(c);
        const auto expected = ReferenceFirstInvalid(text);
        mismatches += FindInvalidUtf8(text) != expected;
        three_byte_code_points += a >= 0xE0 && !expected.has_value();
      }
    }
  }
  EXPECT_EQ(mismatches, 0u);
  // U+0800..U+FFFF without the 2048 surrogates.
  EXPECT_EQ(three_byte_code_points, 0x10000u - 0x800u - 0x800u);
}

TEST(Utf8, RandomFourByteSequencesMatchReference) {
  std::mt19937_64 random(20240229);
  std::string text(4, '\0');
  size_t valid_four_byte = 0;
  for (int i = 0; i < 2000000; ++i) {
    const uint64_t r = random();
    for (int k = 0; k < 4; ++k) text[k] = static_cast<char>(r >> (8 * k));
    // Half the time, steer towards 4-byte forms: lead F0..F7, continuations.
    if (i % 2 == 0) {
      text[0] = static_cast<char>(0xF0 | (text[0] & 0x07));
      for (int k = 1; k < 4; ++k) text[k] = static_cast<char>(0x80 | (text[k] & 0x3F));
    }
    const auto expected = ReferenceFirstInvalid(text);
    ASSERT_EQ(FindInvalidUtf8(text), expected) << std::hex << (r & 0xFFFFFFFF) << " case " << i;
    valid_four_byte += static_cast<unsigned char>(text[0]) >= 0xF0 && !expected.has_value();
  }
  EXPECT_GT(valid_four_byte, 100000u);  // the steered half reaches valid forms
}

TEST(Utf8, LongMixedTextAgreesWithReference) {
  std::mt19937 random(7);
  const std::vector<std::string> pieces = {
      "a", "hello, ", Bytes("C3 A9"), Bytes("E2 82 AC"), Bytes("F0 9F 98 80"), "0123456789abcdef"};
  for (int trial = 0; trial < 200; ++trial) {
    std::string text;
    for (int k = 0; k < 50; ++k) text += pieces[random() % pieces.size()];
    ASSERT_EQ(FindInvalidUtf8(text), std::nullopt);
    // Corrupt one byte and compare with the reference.
    const size_t at = random() % text.size();
    text[at] = static_cast<char>(random() % 256);
    ASSERT_EQ(FindInvalidUtf8(text), ReferenceFirstInvalid(text));
  }
}

}  // namespace
}  // namespace candor
