// candor/pii.hpp — personal data out of free text before it is shown, quoted
// or exported: emails, phone numbers, payment card numbers, IBANs and URLs
// that carry a secret are replaced by placeholders, and every span found is
// returned with its kind and where it was.
//
// What is found (all ASCII patterns; other text passes through unchanged):
//  - kEmail: local@domain.tld (local part of letters, digits and ._%+-,
//    a domain of at least two labels, the last of >= 2 letters).
//  - kPhone: "+" and 8-15 digits (E.164's limit) in groups separated by
//    single spaces, '-', '.' or a parenthesized group; national numbers of
//    9-12 digits that start with the trunk prefix 0 ("020 7946 0958") or a
//    parenthesized area code; North American 10-digit numbers grouped 3-3-4
//    (with an optional leading 1 group). A bare run of 9-15 digits only
//    after a phone cue ("call", "phone", "tel", "mobile", ...). Not phones:
//    dates (too few digits, or '/' separators), amounts (a currency sign or
//    code beside them, ',' is no separator), version numbers and IP
//    addresses (one-digit groups, four dot-separated groups of <= 3 digits),
//    ids glued to letters ("INC0012345") or after an id cue ("order",
//    "ticket", "invoice", "#", ...).
//  - kCard: 13-19 digits, bare or in groups of 3-6 separated by single
//    spaces or '-', first digit 2-6 (the card networks' ranges), not all one
//    digit, and the Luhn check digit right (ISO/IEC 7812-1, annex B).
//  - kIban: country letters, two check digits and up to 30 letters or
//    digits, bare or in groups of four separated by single spaces, length
//    equal to the country's (ISO 13616 registry) where candor knows it, else
//    15-34, and the ISO 7064 MOD 97-10 check (remainder 1).
//  - kUrl: http://, https://, ftp:// or www. up to white space or <>"'
//    (trailing .,;:!? and an unbalanced ')' are not part of it). A URL is
//    redacted whole, never in part, when it carries a secret: a user:password@
//    part, a query or fragment parameter named like a credential (token,
//    key, secret, password, sig, auth, session, code, ...: kSecretParameters
//    in url.cc), a path segment that looks like a token (>= 20 letters,
//    digits, '_' or '-' with >= 4 digits and >= 4 letters), or an email,
//    card or IBAN inside it. Other URLs are kept (they are often the point of
//    the comment: "https://example.com/pricing is confusing"), unless
//    RedactOptions::redact_all_urls; phone-like digits inside a kept URL are
//    left alone (ids, not phones).
// Where spans overlap, the first of URL (when redacted), email, IBAN, card,
// phone wins.
//
// Invalid UTF-8 is an error (CANDOR_INVALID_UTF8 naming the byte offset):
// the redacted text must be safe to pass on, and a repaired text could no
// longer be matched to the original's offsets.
#ifndef CANDOR_PII_HPP_
#define CANDOR_PII_HPP_

#include <candor/status.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace candor::pii {

enum class PiiKind : uint8_t { kEmail = 0, kPhone = 1, kCard = 2, kIban = 3, kUrl = 4 };
inline constexpr int kPiiKindCount = 5;

// "email", "phone", "card", "iban", "url".
const char* PiiKindName(PiiKind kind);

// Bit (1 << kind) of RedactOptions::kinds.
inline constexpr uint32_t PiiKindBit(PiiKind kind) { return 1u << static_cast<uint32_t>(kind); }
inline constexpr uint32_t kAllPiiKinds = (1u << kPiiKindCount) - 1;

struct RedactOptions {
  uint32_t kinds = kAllPiiKinds;  // which kinds to find (PiiKindBit)
  bool redact_all_urls = false;   // true: every URL, not only those with secrets
  // Replacement text per kind, indexed by PiiKind. May be empty (delete).
  std::string placeholders[kPiiKindCount] = {"[EMAIL]", "[PHONE]", "[CARD]", "[IBAN]", "[URL]"};
};

struct PiiSpan {
  PiiKind kind = PiiKind::kEmail;
  uint32_t begin = 0;  // byte offsets of the original in the input text
  uint32_t end = 0;
  uint32_t output_begin = 0;  // byte offsets of its placeholder in the redacted text
  uint32_t output_end = 0;
};

struct Redaction {
  std::string text;            // the input with every span replaced
  std::vector<PiiSpan> spans;  // in order of position, never overlapping
};

// Errors: InvalidUtf8 (with the byte offset); InvalidArgument when `kinds`
// has bits beyond kAllPiiKinds or the text is 4 GiB or longer.
Result<Redaction> RedactPii(std::string_view text, const RedactOptions& options = {});

}  // namespace candor::pii

#endif  // CANDOR_PII_HPP_
