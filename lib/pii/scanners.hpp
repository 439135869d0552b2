// The detectors behind RedactPii (pii.hpp), one per kind. Each appends the
// [begin, end) byte ranges it finds in the text, in increasing order; the
// ranges of one detector never overlap. RedactPii resolves overlaps between
// kinds.
#ifndef CANDOR_LIB_PII_SCANNERS_HPP_
#define CANDOR_LIB_PII_SCANNERS_HPP_

#include <cstdint>
#include <string_view>
#include <vector>

namespace candor::pii::internal {

struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;
};

void FindEmails(std::string_view text, std::vector<Range>* out);
void FindPhones(std::string_view text, std::vector<Range>* out);
void FindCards(std::string_view text, std::vector<Range>* out);
void FindIbans(std::string_view text, std::vector<Range>* out);

struct UrlRange {
  Range range;
  bool has_secret = false;  // credentials, a credential parameter or a token segment
};
void FindUrls(std::string_view text, std::vector<UrlRange>* out);

// Check digits (checksums.cc).
// Luhn (ISO/IEC 7812-1 annex B) over a string of ASCII digits.
bool LuhnValid(std::string_view digits);
// ISO 7064 MOD 97-10 over an IBAN's letters and digits (no spaces, upper
// case): the first four characters moved to the end, letters as 10..35.
bool Iban97Valid(std::string_view iban);
// The IBAN length of a country (ISO 13616 registry), 0 when not known.
int IbanLength(char first, char second);

// ASCII character classes (char_class.cc would be one line each).
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
inline char ToUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }
inline char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
// A letter, digit or '_' before or after a match makes it part of a word.
inline bool IsWordByte(unsigned char c) {
  return IsAlnum(static_cast<char>(c)) || c == '_' || c >= 0x80;
}

}  // namespace candor::pii::internal

#endif  // CANDOR_LIB_PII_SCANNERS_HPP_
