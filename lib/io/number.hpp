// Locale-independent parsing of finite decimal numbers.
#ifndef CANDOR_IO_NUMBER_HPP_
#define CANDOR_IO_NUMBER_HPP_

#include <string>
#include <string_view>

namespace candor {
namespace internal {

// Spaces and tabs trimmed from both ends.
std::string_view TrimBlanks(std::string_view text);

// Parses all of `text` (already trimmed) as a finite double: an optional sign,
// digits with an optional '.', an optional exponent. On failure returns false
// and sets *why ("is not a number", ...), to follow the quoted text.
bool ParseFiniteDouble(std::string_view text, double* value, std::string* why);

}  // namespace internal
}  // namespace candor

#endif  // CANDOR_IO_NUMBER_HPP_
