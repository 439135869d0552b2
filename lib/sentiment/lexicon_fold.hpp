// Folding of lexicon terms and of token text for lookups: NFKC case folding
// (the tokenizer's normalization), typographic apostrophes to ASCII, runs of
// whitespace to one space.
#ifndef CANDOR_SENTIMENT_LEXICON_FOLD_HPP_
#define CANDOR_SENTIMENT_LEXICON_FOLD_HPP_

#include <candor/status.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace candor::text::internal {

// NFKC_Casefold (ICU), U+2019/U+2018/U+02BC to "'", whitespace runs to one
// space, trimmed. InvalidUtf8 for ill-formed input.
Result<std::string> FoldTerm(std::string_view term);

// The lookup key of a folded token: typographic apostrophes (U+2019,
// U+2018, U+02BC) made ASCII and U+FE0F (emoji presentation selector)
// dropped, written into buf (capacity cap); returns `word` itself when there
// is nothing to change (the common case: no copy).
std::string_view LookupKey(std::string_view word, char* buf, size_t cap);
// False when no token of `folded` text can have a lookup key other than
// itself (no byte that starts a rewrite): a comment's words then skip
// LookupKey.
bool MayRewriteLookupKeys(std::string_view folded);

// Expands an internal pattern of the built-in lists: '|' separates whole
// alternatives and "{a|b}" is a choice inside one, e.g.
// "{not|never} {buy|order} again|never again" -> "not buy again",
// "not order again", "never buy again", "never order again", "never again".
std::vector<std::string> ExpandPattern(std::string_view pattern);

}  // namespace candor::text::internal

#endif  // CANDOR_SENTIMENT_LEXICON_FOLD_HPP_
