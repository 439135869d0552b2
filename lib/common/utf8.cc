// UTF-8 validation by the well-formed byte sequences of Unicode 15,
// Table 3-7 (chapter 3, section 3.9 "Unicode Encoding Forms").
#include <candor/utf8.hpp>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace candor {

std::optional<size_t> FindInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  size_t i = 0;
  while (i < size) {
    // Fast path: eight ASCII bytes at a time (no byte has its high bit set).
    while (size - i >= 8) {
      uint64_t word;
      std::memcpy(&word, bytes + i, sizeof word);
      if ((word & kHighBits) != 0) break;
      i += 8;
    }
    if (i == size) break;
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // Table 3-7: the lead byte fixes the length and the range of the second
    // byte; every later byte is 80..BF. The narrowed second-byte ranges
    // exclude overlong forms (E0, F0), surrogates (ED) and > U+10FFFF (F4).
    size_t length;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead == 0xE0) {
      length = 3;
      second_min = 0xA0;
    } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
      length = 3;
    } else if (lead == 0xED) {
      length = 3;
      second_max = 0x9F;
    } else if (lead == 0xF0) {
      length = 4;
      second_min = 0x90;
    } else if (lead >= 0xF1 && lead <= 0xF3) {
      length = 4;
    } else if (lead == 0xF4) {
      length = 4;
      second_max = 0x8F;
    } else {
      return i;  // 80..C1 (continuation or overlong lead) or F5..FF
    }
    if (size - i < length) return i;  // truncated at the end
    if (bytes[i + 1] < second_min || bytes[i + 1] > second_max) return i;
    for (size_t k = 2; k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace candor
