// Redaction and intents on arbitrary bytes: RedactPii and ClassifyIntents
// either fail with CANDOR_INVALID_UTF8 (exactly when the bytes are not
// UTF-8) or keep their promises: spans in order, not overlapping, inside the
// text; the redacted text is the input with each span replaced by its
// placeholder at the offsets given; intents flags within the five bits, one
// reason per flag, offsets inside the comment, and a question always needs a
// response.
//
// Input: an options byte (kinds in the low 5 bits, bit 5: all URLs, bit 6:
// empty placeholders), then the text.
#include <candor/intents.hpp>
#include <candor/pii.hpp>
#include <candor/utf8.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_input.hpp"

namespace {

using candor_fuzz::FuzzInput;

void Require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "broken promise: %s\n", what);
    std::abort();
  }
}

void CheckRedaction(std::string_view text, uint8_t control) {
  candor::pii::RedactOptions options;
  options.kinds = control & candor::pii::kAllPiiKinds;
  options.redact_all_urls = (control & 0x20) != 0;
  if (control & 0x40) {
    for (std::string& placeholder : options.placeholders) placeholder.clear();
  }
  const bool valid = !candor::FindInvalidUtf8(text).has_value();
  auto result = candor::pii::RedactPii(text, options);
  if (!valid) {
    Require(!result.ok() && result.status().code() == CANDOR_INVALID_UTF8,
            "invalid UTF-8 is CANDOR_INVALID_UTF8");
    return;
  }
  Require(result.ok(), "valid UTF-8 is redacted");
  std::string rebuilt;
  uint32_t at = 0;
  for (const candor::pii::PiiSpan& span : result->spans) {
    Require(span.begin >= at && span.begin < span.end && span.end <= text.size(),
            "spans in order, not empty, not overlapping, inside the text");
    Require((options.kinds & candor::pii::PiiKindBit(span.kind)) != 0, "only kinds asked for");
    rebuilt.append(text.substr(at, span.begin - at));
    const std::string& placeholder = options.placeholders[static_cast<int>(span.kind)];
    Require(span.output_begin == rebuilt.size() &&
                span.output_end == rebuilt.size() + placeholder.size(),
            "output offsets locate the placeholder");
    rebuilt += placeholder;
    at = span.end;
  }
  rebuilt.append(text.substr(at));
  Require(rebuilt == result->text, "the redacted text is the input with the spans replaced");
}

void CheckIntents(std::string_view text) {
  const bool valid = !candor::FindInvalidUtf8(text).has_value();
  auto result = candor::intents::ClassifyIntents(text);
  if (!valid) {
    Require(!result.ok() && result.status().code() == CANDOR_INVALID_UTF8,
            "invalid UTF-8 is CANDOR_INVALID_UTF8");
    return;
  }
  Require(result.ok(), "valid UTF-8 is classified");
  Require(result->intents < (1u << candor::intents::kIntentCount), "five intent bits");
  Require(static_cast<int>(result->reasons.size()) == __builtin_popcount(result->intents),
          "one reason per intent");
  for (const candor::intents::IntentReason& reason : result->reasons) {
    Require(reason.begin <= reason.end && reason.end <= text.size(), "reason inside the comment");
  }
  const uint32_t question = candor::intents::IntentBit(candor::intents::Intent::kQuestion);
  const uint32_t needs = candor::intents::IntentBit(candor::intents::Intent::kNeedsResponse);
  Require(!(result->intents & question) || (result->intents & needs),
          "a question needs a response");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput input(data, size);
  const uint8_t control = input.Byte();
  const std::string_view text = input.Rest();
  CheckRedaction(text, control);
  CheckIntents(text);
  return 0;
}
