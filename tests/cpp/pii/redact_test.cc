// RedactPii: what it catches and what it leaves (dates, amounts, versions,
// ids, numbers that fail their check digits), overlaps, offsets, errors.
#include <gtest/gtest.h>

#include <candor/pii.hpp>
#include <string>
#include <vector>

#include "scanners.hpp"

namespace candor::pii {
namespace {

std::string Redacted(const std::string& text, const RedactOptions& options = {}) {
  auto result = RedactPii(text, options);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return result.ok() ? result->text : "<error>";
}

TEST(RedactPii, Emails) {
  EXPECT_EQ(Redacted("mail jane.doe+nps@example.co.uk today"), "mail [EMAIL] today");
  EXPECT_EQ(Redacted("Write to a_b@mail.example.com."), "Write to [EMAIL].");
  EXPECT_EQ(Redacted("(bob@corp.io)"), "([EMAIL])");
  // Not emails: no dot in the domain, a one-letter or numeric last label, handles.
  for (const char* text : {"user@localhost", "x@y.z", "me@host.123", "ping @support please",
                           "ratio 3@4", "@everyone"}) {
    EXPECT_EQ(Redacted(text), text);
  }
}

TEST(RedactPii, Phones) {
  EXPECT_EQ(Redacted("Call +1 (555) 123-4567 now"), "Call [PHONE] now");
  EXPECT_EQ(Redacted("my number +44 20 7946 0958."), "my number [PHONE].");
  EXPECT_EQ(Redacted("+4915112345678"), "[PHONE]");
  EXPECT_EQ(Redacted("ring 020 7946 0958"), "ring [PHONE]");
  EXPECT_EQ(Redacted("office 030 1234567 or 01 23 45 67 89"), "office [PHONE] or [PHONE]");
  EXPECT_EQ(Redacted("(555) 123-4567"), "[PHONE]");
  EXPECT_EQ(Redacted("555-123-4567 or 555.123.4567 or 1-800-555-0199"),
            "[PHONE] or [PHONE] or [PHONE]");
  EXPECT_EQ(Redacted("+44 (0)20 7946 0958"), "[PHONE]");
  EXPECT_EQ(Redacted("call me on 5551234567"), "call me on [PHONE]");
  EXPECT_EQ(Redacted("tel: 555-1234"), "tel: [PHONE]");
}

TEST(RedactPii, LeavesNumbersThatAreNotPhones) {
  for (const char* text : {
           "since 2024-01-15 and 15/01/2024 and 12.05.2023",  // dates
           "it costs $1,234.56 or 1 234 567 EUR",             // amounts
           "paid $ 555-123-4567",                             // amount sign
           "version 10.0.19041.1234 and v2.3.1",              // versions
           "server 192.168.100.200 is down",                  // IP address
           "ticket INC0012345 and JIRA-12345",                // ids glued to letters
           "order 555-123-4567 never came",                   // an id cue
           "order #0123456789",                               // '#'
           "invoice 0042-1234-5678",                          // an id cue, trunk-like
           "5551234567 units",                                // bare number, no cue
           "up 12 345 678 this year",                         // not a phone shape
           "score 9/10, 3-4 days, 20%",
       }) {
    EXPECT_EQ(Redacted(text), text) << text;
  }
}

TEST(RedactPii, Cards) {
  EXPECT_EQ(Redacted("card 4111 1111 1111 1111 exp 12/27"), "card [CARD] exp 12/27");
  EXPECT_EQ(Redacted("4111-1111-1111-1111"), "[CARD]");
  EXPECT_EQ(Redacted("amex 3782 822463 10005"), "amex [CARD]");
  EXPECT_EQ(Redacted("5555555555554444"), "[CARD]");
  // The security code after the number stays.
  EXPECT_EQ(Redacted("4111 1111 1111 1111 123"), "[CARD] 123");
}

TEST(RedactPii, LeavesNumbersThatFailLuhn) {
  for (const char* text : {
           "4111 1111 1111 1112",     // Luhn fails
           "0000 0000 0000 0000",     // all one digit, first digit 0
           "7111111111111111111",     // outside the networks' first digits
           "1234567890123",           // Luhn fails
           "4111 11 1111 1111 1111",  // a two-digit group is no card grouping
       }) {
    EXPECT_EQ(Redacted(text), text) << text;
  }
}

TEST(RedactPii, Ibans) {
  EXPECT_EQ(Redacted("IBAN DE89 3704 0044 0532 0130 00, thanks"), "IBAN [IBAN], thanks");
  EXPECT_EQ(Redacted("GB82WEST12345698765432"), "[IBAN]");
  EXPECT_EQ(Redacted("fr14 2004 1010 0505 0001 3m02 606"), "[IBAN]");
  // Wrong check digits, wrong length for the country, glued to a word.
  for (const char* text :
       {"DE88 3704 0044 0532 0130 00", "GB82WEST1234569876543", "xGB82WEST12345698765432"}) {
    EXPECT_EQ(Redacted(text), text) << text;
  }
}

TEST(RedactPii, Urls) {
  // Kept: no secret; their digits are not phones.
  for (const char* text : {"see https://example.com/pricing.",
                           "www.example.com/orders/555-123-4567", "(https://example.com/a_(b))"}) {
    EXPECT_EQ(Redacted(text), text) << text;
  }
  EXPECT_EQ(Redacted("reset at https://app.example.com/reset?token=abc123."), "reset at [URL].");
  EXPECT_EQ(Redacted("https://user:pw@example.com/x"), "[URL]");
  EXPECT_EQ(Redacted("link https://x.io/invite/8f3a9c2e4b7d1f6a0e5c9d"), "link [URL]");
  EXPECT_EQ(Redacted("https://x.io/u?mail=a@b.com"), "[URL]");
  EXPECT_EQ(Redacted("https://x.io/#access_token=zzz"), "[URL]");
  RedactOptions all;
  all.redact_all_urls = true;
  EXPECT_EQ(Redacted("see https://example.com/pricing.", all), "see [URL].");
}

TEST(RedactPii, SpansAndOffsets) {
  const std::string text = "a@b.com or +1 555 123 4567";
  auto result = RedactPii(text);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->spans.size(), 2u);
  EXPECT_EQ(result->spans[0].kind, PiiKind::kEmail);
  EXPECT_EQ(text.substr(result->spans[0].begin, result->spans[0].end - result->spans[0].begin),
            "a@b.com");
  EXPECT_EQ(result->spans[1].kind, PiiKind::kPhone);
  EXPECT_EQ(text.substr(result->spans[1].begin), "+1 555 123 4567");
  for (const PiiSpan& span : result->spans) {
    EXPECT_EQ(result->text.substr(span.output_begin, span.output_end - span.output_begin),
              span.kind == PiiKind::kEmail ? "[EMAIL]" : "[PHONE]");
  }
}

TEST(RedactPii, KindsAndPlaceholders) {
  RedactOptions options;
  options.kinds = PiiKindBit(PiiKind::kEmail);
  options.placeholders[static_cast<int>(PiiKind::kEmail)] = "<e>";
  EXPECT_EQ(Redacted("a@b.com +1 555 123 4567", options), "<e> +1 555 123 4567");
  options.placeholders[static_cast<int>(PiiKind::kEmail)] = "";
  EXPECT_EQ(Redacted("x a@b.com y", options), "x  y");
}

TEST(RedactPii, IbanWinsOverCardAndPhone) {
  // An IBAN's digit groups would pass for a phone after "IBAN" is cut off.
  auto result = RedactPii("NL91 ABNA 0417 1643 00");
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->spans.size(), 1u);
  EXPECT_EQ(result->spans[0].kind, PiiKind::kIban);
}

TEST(RedactPii, Errors) {
  auto bad = RedactPii(std::string("ok \xC3\x28 bad"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), CANDOR_INVALID_UTF8);
  EXPECT_NE(bad.status().message().find("byte 3"), std::string::npos);
  RedactOptions options;
  options.kinds = 1u << 7;
  EXPECT_EQ(RedactPii("x", options).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_TRUE(RedactPii("").ok());
  EXPECT_EQ(Redacted("caf\xC3\xA9 +33 1 23 45 67 89"), "caf\xC3\xA9 [PHONE]");
}

TEST(PiiChecksums, LuhnAndMod97AgainstKnownNumbers) {
  EXPECT_TRUE(internal::LuhnValid("79927398713"));  // the textbook example
  EXPECT_FALSE(internal::LuhnValid("79927398710"));
  EXPECT_TRUE(internal::Iban97Valid("GB82WEST12345698765432"));
  EXPECT_FALSE(internal::Iban97Valid("GB82WEST12345698765433"));
  EXPECT_EQ(internal::IbanLength('d', 'e'), 22);
  EXPECT_EQ(internal::IbanLength('Z', 'Z'), 0);
}

}  // namespace
}  // namespace candor::pii
