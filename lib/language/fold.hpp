// Folded forms of tokens (NFKC_Casefold) and the all-caps test.
#ifndef CANDOR_LANGUAGE_FOLD_HPP_
#define CANDOR_LANGUAGE_FOLD_HPP_

#include <candor/status.hpp>
#include <string>
#include <string_view>

namespace candor::text::internal {

// ASCII is NFKC-stable and its full case folding is lowercasing.
void AppendAsciiFolded(std::string_view ascii, std::string* out);

// NFKC + full case folding (ICU's NFKC_Casefold, which also drops default
// ignorable code points), then U+2019 and U+02BC (typographic apostrophes)
// become "'" so "don’t" and "don't" fold alike.
Status AppendFolded(std::string_view utf8, std::string* out);

// An emoji's folded form: the sequence without variation selectors (U+FE0E,
// U+FE0F) and skin-tone modifiers (U+1F3FB..U+1F3FF), ZWJ kept: "👍🏽" and
// "👍" fold alike, "❤️" and "❤" too.
void AppendEmojiFolded(std::string_view utf8, std::string* out);

// True for a word with at least two uppercase letters and no lowercase or
// titlecase letter ("NEVER", "I'M"); letters without case do not count.
bool IsAllCaps(std::string_view utf8);

}  // namespace candor::text::internal

#endif  // CANDOR_LANGUAGE_FOLD_HPP_
