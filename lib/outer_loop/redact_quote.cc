// RedactQuote: the pii module's redaction with its default placeholders
// ("[EMAIL]", "[PHONE]", "[CARD]", "[IBAN]", "[URL]" for URLs with secrets).
#include "redact_quote.hpp"

#include <candor/pii.hpp>

namespace candor::internal {

Result<std::string> RedactQuote(std::string_view text) {
  Result<pii::Redaction> redaction = pii::RedactPii(text);
  if (!redaction.ok()) return redaction.status();
  return std::move(redaction->text);
}

}  // namespace candor::internal
