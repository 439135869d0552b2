// UAX #29 word boundaries restricted to ASCII, as ICU's word.txt applies
// them (ICU removes ':' from MidLetter). ASCII has no Extend, Format, ZWJ,
// Katakana, Hebrew letters or regional indicators, so of the rules only WB3
// (CR LF), WB3a/b (break around newlines), WB3d (spaces together), WB5-WB13b
// and WB999 can apply. ICU's word.txt also makes '@' an ALetter (for e-mail
// addresses), so "e@x" is one segment; a segment is still a word only if it
// has a real letter.
#include <array>
#include <cstdint>

#include "segment.hpp"

namespace candor::text::internal {
namespace {

enum WordClass : uint8_t {
  kOther,
  kCr,
  kLf,
  kNewline,       // VT, FF
  kSpace,         // ' ' (WSegSpace)
  kControl,       // other C0 controls and DEL: Other for UAX #29, dropped by us
  kLetter,        // A-Z a-z, and '@' (ICU)
  kDigit,         // 0-9
  kMidLetter,     // none left in ASCII once ICU drops ':'; kept for clarity
  kMidNum,        // , ;
  kMidNumLetQ,    // . '
  kExtendNumLet,  // _
};

constexpr std::array<WordClass, 128> MakeTable() {
  std::array<WordClass, 128> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = kControl;
  t[0x7F] = kControl;
  t['\t'] = kControl;  // tab is Other for UAX #29 and whitespace for us
  t['\r'] = kCr;
  t['\n'] = kLf;
  t['\v'] = kNewline;
  t['\f'] = kNewline;
  t[' '] = kSpace;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  t['@'] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  t[','] = kMidNum;
  t[';'] = kMidNum;
  t['.'] = kMidNumLetQ;
  t['\''] = kMidNumLetQ;
  t['_'] = kExtendNumLet;
  return t;
}
constexpr std::array<WordClass, 128> kClass = MakeTable();

inline WordClass ClassAt(std::string_view s, size_t i) {
  return kClass[static_cast<unsigned char>(s[i]) & 0x7F];
}

inline bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

constexpr bool Joins(WordClass c) { return c == kLetter || c == kDigit || c == kExtendNumLet; }

// Per byte, for the inner loop over a word's run of joining characters
// (most of a comment's bytes): one load and one test a byte.
enum : uint8_t { kJoinsBit = 1, kRealLetterBit = 2, kDigitBit = 4 };

constexpr std::array<uint8_t, 128> MakeFlags() {
  std::array<uint8_t, 128> f{};
  for (int c = 0; c < 128; ++c) {
    const WordClass k = kClass[c];
    if (Joins(k)) f[c] |= kJoinsBit;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) f[c] |= kRealLetterBit;
    if (k == kDigit) f[c] |= kDigitBit;
  }
  return f;
}
constexpr std::array<uint8_t, 128> kFlags = MakeFlags();

inline uint8_t FlagsAt(std::string_view s, size_t i) {
  return kFlags[static_cast<unsigned char>(s[i]) & 0x7F];
}

}  // namespace

void AsciiWordSegments(std::string_view s, std::vector<Segment>* out) {
  out->clear();
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const size_t start = i;
    WordClass c = ClassAt(s, i);
    ++i;
    if (c == kSpace || c == kCr || c == kLf || c == kNewline || c == kControl) {
      // Whitespace and controls are boundaries only, never tokens; their
      // exact grouping (WB3, WB3d) does not matter for the tokens.
      continue;
    }
    if (!Joins(c)) {  // WB999: punctuation and symbols stand alone
      out->push_back(
          {static_cast<uint32_t>(start), static_cast<uint32_t>(i), TokenKind::kPunctuation});
      continue;
    }
    uint8_t seen = FlagsAt(s, start);  // kRealLetterBit, kDigitBit of the segment
    WordClass prev = c;
    while (i < n) {
      // WB5, WB8, WB9, WB10, WB13a, WB13b: a run of joining characters.
      if (FlagsAt(s, i) & kJoinsBit) {
        do {
          seen |= FlagsAt(s, i);
          ++i;
        } while (i < n && (FlagsAt(s, i) & kJoinsBit));
        prev = ClassAt(s, i - 1);
        continue;
      }
      const WordClass d = ClassAt(s, i);
      if (i + 1 < n) {
        const WordClass next = ClassAt(s, i + 1);
        // WB6, WB7: letter (MidLetter | MidNumLetQ) letter.
        if (prev == kLetter && (d == kMidLetter || d == kMidNumLetQ) && next == kLetter) {
          seen |= FlagsAt(s, i + 1) & kRealLetterBit;
          prev = kLetter;
          i += 2;
          continue;
        }
        // WB11, WB12: digit (MidNum | MidNumLetQ) digit.
        if (prev == kDigit && (d == kMidNum || d == kMidNumLetQ) && next == kDigit) {
          seen |= kDigitBit;
          prev = kDigit;
          i += 2;
          continue;
        }
      }
      break;
    }
    const TokenKind kind = (seen & kRealLetterBit) != 0 ? TokenKind::kWord
                           : (seen & kDigitBit) != 0    ? TokenKind::kNumber
                                                        : TokenKind::kPunctuation;
    out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i), kind});
  }
}

}  // namespace candor::text::internal
