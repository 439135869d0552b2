// RedactQuote: placeholder until the pii module lands (returns the text).
#include "redact_quote.hpp"

namespace candor::internal {

Result<std::string> RedactQuote(std::string_view text) { return std::string(text); }

}  // namespace candor::internal
