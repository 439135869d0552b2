// candor/utf8.hpp — UTF-8 validation, by the well-formed byte sequences of
// Unicode 15, Table 3-7 (chapter 3, section 3.9 "Unicode Encoding Forms"):
// no overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF,
// no truncated sequence. The CSV reader (csv.hpp) and the tokenizer
// (text.hpp) check their input with it.
#ifndef CANDOR_UTF8_HPP_
#define CANDOR_UTF8_HPP_

#include <cstddef>
#include <optional>
#include <string_view>

namespace candor {

// Byte offset of the first invalid UTF-8 sequence, or nullopt when valid.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

}  // namespace candor

#endif  // CANDOR_UTF8_HPP_
