#include "utf8_repair.hpp"

#include <cstdint>
#include <cstring>

namespace candor::text::internal {

bool IsAscii(std::string_view bytes) {
  const char* p = bytes.data();
  size_t n = bytes.size();
  uint64_t any = 0;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t word;
    std::memcpy(&word, p, sizeof word);
    any |= word;
  }
  for (; n > 0; ++p, --n) any |= static_cast<unsigned char>(*p);
  return (any & 0x8080808080808080ull) == 0;
}

namespace {

// The well-formed sequences of Table 3-7: the lead byte fixes the length and
// the range of the second byte (narrowed to exclude overlongs, surrogates and
// code points above U+10FFFF); later bytes are 80..BF. Length 0: not a lead.
struct LeadRule {
  int length;
  unsigned char second_min;
  unsigned char second_max;
};

LeadRule RuleFor(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) return {3, 0x80, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
  if (lead == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

bool RepairUtf8(std::string_view bytes, std::string* out) {
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  bool replaced = false;
  size_t i = 0;
  size_t clean_from = 0;  // start of the pending run of well-formed bytes
  while (i < n) {
    if (b[i] < 0x80) {
      ++i;
      continue;
    }
    const LeadRule rule = RuleFor(b[i]);
    // How many bytes, from the lead, form a well-formed prefix.
    size_t valid = rule.length == 0 ? 0 : 1;
    if (valid == 1 && i + 1 < n && b[i + 1] >= rule.second_min && b[i + 1] <= rule.second_max) {
      valid = 2;
      while (valid < static_cast<size_t>(rule.length) && i + valid < n &&
             (b[i + valid] & 0xC0) == 0x80) {
        ++valid;
      }
    }
    if (rule.length != 0 && valid == static_cast<size_t>(rule.length)) {
      i += valid;  // a well-formed character
      continue;
    }
    // Ill-formed: the maximal subpart is the well-formed prefix (at least
    // one byte) and becomes one U+FFFD.
    out->append(bytes.data() + clean_from, i - clean_from);
    out->append(kReplacement, 3);
    i += valid == 0 ? 1 : valid;
    clean_from = i;
    replaced = true;
  }
  out->append(bytes.data() + clean_from, n - clean_from);
  return replaced;
}

}  // namespace candor::text::internal
