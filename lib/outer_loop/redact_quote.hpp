// What a quote's text goes through before it is scored or shown.
#ifndef CANDOR_OUTER_LOOP_REDACT_QUOTE_HPP_
#define CANDOR_OUTER_LOOP_REDACT_QUOTE_HPP_

#include <candor/status.hpp>
#include <string>
#include <string_view>

namespace candor::internal {

// The text with personal data replaced by placeholders.
Result<std::string> RedactQuote(std::string_view text);

}  // namespace candor::internal

#endif  // CANDOR_OUTER_LOOP_REDACT_QUOTE_HPP_
