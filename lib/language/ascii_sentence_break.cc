// UAX #29 sentence boundaries restricted to ASCII (ICU's sent.txt, root
// locale). ASCII has no Sep, Extend, Format or OLetter, so the rules are
// SB3/SB4 (break after CR, LF, CR LF), SB6-SB8a (no break after a full stop
// before a digit, an uppercase letter right after "x.", a lowercase word, or
// a continuing punctuation mark), SB9-SB11 (break after the terminator, its
// closing punctuation and spaces) and SB998 (no break otherwise).
#include <array>
#include <cstdint>

#include "segment.hpp"

namespace candor::text::internal {
namespace {

enum SentenceClass : uint8_t {
  kOther,
  kCr,
  kLf,
  kSp,         // space, tab, VT, FF
  kLower,      // a-z
  kUpper,      // A-Z
  kNumeric,    // 0-9
  kATerm,      // .
  kSTerm,      // ! ?
  kClose,      // " ' ( ) [ ] { }
  kSContinue,  // , - :
};

constexpr std::array<SentenceClass, 128> MakeTable() {
  std::array<SentenceClass, 128> t{};
  t['\r'] = kCr;
  t['\n'] = kLf;
  t[' '] = kSp;
  t['\t'] = kSp;
  t['\v'] = kSp;
  t['\f'] = kSp;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kNumeric;
  t['.'] = kATerm;
  t['!'] = kSTerm;
  t['?'] = kSTerm;
  for (char c : {'"', '\'', '(', ')', '[', ']', '{', '}'})
    t[static_cast<unsigned char>(c)] = kClose;
  t[','] = kSContinue;
  t['-'] = kSContinue;
  t[':'] = kSContinue;
  return t;
}
constexpr std::array<SentenceClass, 128> kClass = MakeTable();

inline SentenceClass ClassAt(std::string_view s, size_t i) {
  return kClass[static_cast<unsigned char>(s[i]) & 0x7F];
}

// SB8's look-ahead: after the spaces, skip anything that is not a letter,
// a separator or a terminator; true if a lowercase letter comes next.
bool LowercaseFollows(std::string_view s, size_t i) {
  for (; i < s.size(); ++i) {
    const SentenceClass c = ClassAt(s, i);
    if (c == kLower) return true;
    if (c == kUpper || c == kCr || c == kLf || c == kATerm || c == kSTerm) return false;
  }
  return false;
}

}  // namespace

void AsciiSentenceBreaks(std::string_view s, std::vector<uint32_t>* out) {
  out->clear();
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const SentenceClass c = ClassAt(s, i);
    if (c == kCr || c == kLf) {  // SB3, SB4
      i += (c == kCr && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
      out->push_back(static_cast<uint32_t>(i));
      continue;
    }
    if (c != kATerm && c != kSTerm) {
      ++i;
      continue;
    }
    const size_t term = i;
    size_t j = i + 1;
    if (c == kATerm && j < n) {
      const SentenceClass next = ClassAt(s, j);
      if (next == kNumeric) {  // SB6: "3.5"
        i = j;
        continue;
      }
      if (next == kUpper && term > 0) {  // SB7: "U.S"
        const SentenceClass before = ClassAt(s, term - 1);
        if (before == kUpper || before == kLower) {
          i = j;
          continue;
        }
      }
    }
    while (j < n && ClassAt(s, j) == kClose) ++j;  // SB9
    while (j < n && ClassAt(s, j) == kSp) ++j;     // SB10
    if (j < n) {
      const SentenceClass next = ClassAt(s, j);
      if (next == kSContinue || next == kATerm || next == kSTerm) {  // SB8a
        i = j;
        continue;
      }
      if (c == kATerm && LowercaseFollows(s, j)) {  // SB8
        i = j;
        continue;
      }
      if (next == kCr || next == kLf) {  // SB11: the separator stays with it
        j += (next == kCr && j + 1 < n && s[j + 1] == '\n') ? 2 : 1;
      }
    }
    out->push_back(static_cast<uint32_t>(j));
    i = j;
  }
  if (n > 0 && (out->empty() || out->back() != n)) out->push_back(static_cast<uint32_t>(n));
}

}  // namespace candor::text::internal
