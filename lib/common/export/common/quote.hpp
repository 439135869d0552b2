// Quoting of user text inside error messages.
#ifndef CANDOR_COMMON_QUOTE_HPP_
#define CANDOR_COMMON_QUOTE_HPP_

#include <string>
#include <string_view>

namespace candor {
namespace internal {

// `text` in single quotes for an error message: control characters escaped
// (a field may hold line breaks) and long text cut at a UTF-8 character
// boundary, marked with "...".
std::string QuoteForMessage(std::string_view text);

}  // namespace internal
}  // namespace candor

#endif  // CANDOR_COMMON_QUOTE_HPP_
