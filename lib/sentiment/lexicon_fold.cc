// Term folding for lexicons (see lexicon_fold.hpp).
#include "lexicon_fold.hpp"

#include <unicode/errorcode.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>

namespace candor::text::internal {
namespace {

bool IsApostropheAt(std::string_view s, size_t i) {
  // U+2019 E2 80 99, U+2018 E2 80 98, U+02BC CA BC
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x99 ||
       static_cast<unsigned char>(s[i + 2]) == 0x98)) {
    return true;
  }
  return false;
}

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return false;
    }
    i += len;
  }
  return true;
}

std::string AsciiLowercase(std::string_view ascii) {
  std::string out(ascii);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Whitespace runs to one space, trimmed; typographic apostrophes to "'".
std::string CollapseSpaces(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool space = false;
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      ++i;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    if (IsApostropheAt(utf8, i)) {
      out.push_back('\'');
      i += 3;
    } else if (c == 0xCA && i + 1 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0xBC) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(utf8[i]);
      ++i;
    }
  }
  return out;
}

}  // namespace

Result<std::string> FoldTerm(std::string_view term) {
  // On ASCII, NFKC_Casefold is lowercasing (no ASCII character decomposes
  // or is default-ignorable): the built-in lexicon's terms skip ICU, which
  // was most of a fresh process's first TextModel.
  bool ascii = true;
  for (char c : term) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return CollapseSpaces(AsciiLowercase(term));
  if (!ValidUtf8(term)) return InvalidUtf8("term is not valid UTF-8");
  icu::ErrorCode error;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(error);
  if (error.isFailure()) return Unsupported(std::string("ICU NFKC_Casefold: ") + error.errorName());
  icu::UnicodeString folded = nfkc_cf->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(term.data(), static_cast<int32_t>(term.size()))),
      error);
  if (error.isFailure()) return Unsupported(std::string("ICU normalize: ") + error.errorName());
  std::string utf8;
  folded.toUTF8String(utf8);
  return CollapseSpaces(utf8);
}

bool MayRewriteLookupKeys(std::string_view folded) {
  // Every byte that can start a rewrite (0xCA, 0xE2, 0xEF) is >= 0xCA; this
  // loop has no early exit so that it vectorizes.
  bool maybe_special = false;
  for (char c : folded) maybe_special |= static_cast<unsigned char>(c) >= 0xCA;
  return maybe_special;
}

std::string_view LookupKey(std::string_view word, char* buf, size_t cap) {
  if (!MayRewriteLookupKeys(word)) return word;
  size_t n = 0;
  for (size_t i = 0; i < word.size();) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (IsApostropheAt(word, i)) {
      if (n >= cap) return word;
      buf[n++] = '\'';
      i += 3;
    } else if (c == 0xCA && i + 1 < word.size() &&
               static_cast<unsigned char>(word[i + 1]) == 0xBC) {
      if (n >= cap) return word;
      buf[n++] = '\'';
      i += 2;
    } else if (c == 0xEF && i + 2 < word.size() &&
               static_cast<unsigned char>(word[i + 1]) == 0xB8 &&
               static_cast<unsigned char>(word[i + 2]) == 0x8F) {
      i += 3;  // U+FE0F
    } else {
      if (n >= cap) return word;
      buf[n++] = word[i++];
    }
  }
  return std::string_view(buf, n);
}

namespace {

// Appends `raw` trimmed, with runs of spaces as one, unless that is empty.
void AppendClean(std::string_view raw, std::vector<std::string>* out) {
  std::string clean;
  clean.reserve(raw.size());
  for (char c : raw) {
    if (c != ' ' || (!clean.empty() && clean.back() != ' ')) clean.push_back(c);
  }
  while (!clean.empty() && clean.back() == ' ') clean.pop_back();
  if (!clean.empty()) out->push_back(std::move(clean));
}

}  // namespace

std::vector<std::string> ExpandPattern(std::string_view pattern) {
  std::vector<std::string> out;
  // Top-level alternatives: split on '|' outside braces.
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= pattern.size(); ++i) {
    const char c = i < pattern.size() ? pattern[i] : '|';
    if (c == '{') ++depth;
    if (c == '}') --depth;
    if (c != '|' || depth != 0) continue;
    const std::string_view alt = pattern.substr(start, i - start);
    start = i + 1;
    if (alt.find('{') == std::string_view::npos) {  // most alternatives: a plain term
      AppendClean(alt, &out);
      continue;
    }
    std::vector<std::string> partial = {""};
    size_t k = 0;
    while (k < alt.size()) {
      if (alt[k] == '{') {
        const size_t close = alt.find('}', k);
        const std::string_view group =
            alt.substr(k + 1, (close == std::string_view::npos ? alt.size() : close) - k - 1);
        std::vector<std::string> next;
        size_t a = 0;
        while (a <= group.size()) {
          size_t bar = group.find('|', a);
          if (bar == std::string_view::npos) bar = group.size();
          for (const std::string& p : partial) next.push_back(p + std::string(group.substr(a, bar - a)));
          a = bar + 1;
        }
        partial = std::move(next);
        k = close == std::string_view::npos ? alt.size() : close + 1;
      } else {
        const size_t brace = std::min(alt.find('{', k), alt.size());
        for (std::string& p : partial) p.append(alt.substr(k, brace - k));
        k = brace;
      }
    }
    for (const std::string& p : partial) AppendClean(p, &out);
  }
  return out;
}

}  // namespace candor::text::internal
