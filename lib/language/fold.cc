#include "fold.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace candor::text::internal {
namespace {

const icu::Normalizer2* NfkcCasefold(UErrorCode* status) {
  static const icu::Normalizer2* normalizer = [] {
    UErrorCode s = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(s);
    return U_SUCCESS(s) ? n : nullptr;
  }();
  if (normalizer == nullptr) *status = U_MISSING_RESOURCE_ERROR;
  return normalizer;
}

// Replaces the typographic apostrophes U+2019 (E2 80 99) and U+02BC (CA BC)
// in out[from, end) by "'".
void StraightenApostrophes(std::string* out, size_t from) {
  std::string& s = *out;
  size_t write = from;
  for (size_t i = from; i < s.size();) {
    if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' && s[i + 2] == '\x99') {
      s[write++] = '\'';
      i += 3;
    } else if (i + 1 < s.size() && s[i] == '\xCA' && s[i + 1] == '\xBC') {
      s[write++] = '\'';
      i += 2;
    } else {
      s[write++] = s[i++];
    }
  }
  s.resize(write);
}

}  // namespace

void AppendAsciiFolded(std::string_view ascii, std::string* out) {
  const size_t at = out->size();
  out->append(ascii);
  // Through a local pointer and length, branch-free: the compiler
  // vectorizes this (a loop over (*out)[i] re-reads the string's size after
  // every char store, which may alias it).
  auto* p = reinterpret_cast<unsigned char*>(out->data() + at);
  const size_t n = ascii.size();
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = p[i];
    p[i] = static_cast<unsigned char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 'a' - 'A' : 0));
  }
}

Status AppendFolded(std::string_view utf8, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = NfkcCasefold(&status);
  const size_t at = out->size();
  if (normalizer != nullptr) {
    icu::StringByteSink<std::string> sink(out);
    normalizer->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())),
                              sink, nullptr, status);
  }
  if (U_FAILURE(status)) {
    out->resize(at);
    return Unsupported(std::string("ICU NFKC_Casefold failed: ") + u_errorName(status));
  }
  StraightenApostrophes(out, at);
  return OkStatus();
}

void AppendEmojiFolded(std::string_view utf8, std::string* out) {
  const auto* b = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(b, i, n, c);
    if (c == 0xFE0E || c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF)) continue;
    out->append(utf8.data() + start, i - start);
  }
}

bool IsAllCaps(std::string_view utf8) {
  // Common case first: a lowercase ASCII letter at the start decides.
  if (!utf8.empty() && utf8[0] >= 'a' && utf8[0] <= 'z') return false;
  const auto* b = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  int upper = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(b, i, n, c);
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') return false;
      if (c >= 'A' && c <= 'Z') ++upper;
      continue;
    }
    if (u_isULowercase(c) || u_istitle(c)) return false;
    if (u_isUUppercase(c)) ++upper;
  }
  return upper >= 2;
}

}  // namespace candor::text::internal
