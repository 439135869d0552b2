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

// The same with a decimal separator of '.' or ',' (CsvOptions::decimal). With
// ',' the text may hold no '.' (no thousands separators either way); with '.'
// a text that would be a number with a decimal comma says so in *why.
bool ParseFiniteDouble(std::string_view text, char decimal, double* value, std::string* why);

}  // namespace internal
}  // namespace candor

#endif  // CANDOR_IO_NUMBER_HPP_
