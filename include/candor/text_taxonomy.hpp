// candor/text_taxonomy.hpp — user-defined, hierarchical themes matched
// sentence by sentence in tokenized comments (text.hpp).
//
// The format (JSON, UTF-8):
//
//   {"language": "en",                       optional: terms' language (stems)
//    "themes": [
//      {"name": "Support",
//       "keywords": ["support", "helpdesk"],  optional, as are all term lists
//       "children": [
//         {"name": "Response time",
//          "keywords": ["slow", "wait"],
//          "phrases":  ["on hold", "no response"],
//          "stems":    ["respons"],
//          "exclude":  ["slow cooker"]}]}]}
//
//   keywords  a word matched whole, after the tokenizer's folding (NFKC and
//             case folding: "REFUND", "Refund" and "ｒｅｆｕｎｄ" are "refund");
//             never a part of a word ("wait" does not match "waiter"). A
//             keyword that tokenizes into several tokens ("e-mail") is
//             matched as a phrase.
//   phrases   a sequence of tokens, each matched as a keyword, adjacent in
//             one sentence ("on hold" does not match "on, hold").
//   stems     Snowball stems: a token whose stem (in the comment's language)
//             equals the term, or equals the term's own stem in the
//             taxonomy's language, matches: "respons" matches "response",
//             "responses", "responsive"; "refunds" matches "refunded".
//   exclude   keywords or phrases: where one occurs in a sentence, that
//             theme and its descendants are not matched in that sentence
//             ("slow cooker" keeps a kitchen review out of Response time).
//   children  sub-themes, at most kMaxThemeDepth (32) levels of themes in
//             all: a top-level theme has depth 0, the deepest depth 31.
//
// Unknown fields, empty or missing names, names containing " > ", empty
// terms, duplicate paths, and a theme with neither terms nor children are
// CANDOR_INVALID_ARGUMENT; so are themes nested deeper than kMaxThemeDepth
// and JSON nested deeper than kMaxJsonNesting anywhere (checked while
// parsing, before anything could recurse on it), each error naming the
// limit; malformed JSON is CANDOR_PARSE_ERROR with the line and column.
// Themes get dense ids in depth-first order (a parent before its children);
// each has a path such as "Support > Response time".
//
// Matching is per sentence: a hash lookup of each token's folded form and
// stem (phrases are indexed by their first token), never a scan of all
// terms. MatchThemes reports one mention per (sentence, theme) for the most
// specific themes: a theme mentioned in a sentence where one of its
// descendants is also mentioned is implied, not reported (Ancestors() rolls
// mentions up). Aspect sentiment is the sentiment of the mention's sentence
// (see text_model.hpp); MentionSentiment() fills it from sentence scores.
#ifndef CANDOR_TEXT_TAXONOMY_HPP_
#define CANDOR_TEXT_TAXONOMY_HPP_

#include <candor.h>

#include <candor/status.hpp>
#include <candor/text.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace candor::text {

// The most levels of themes a taxonomy may have (CANDOR_TAXONOMY_MAX_DEPTH).
inline constexpr int kMaxThemeDepth = CANDOR_TAXONOMY_MAX_DEPTH;
// The deepest JSON nesting (objects and arrays, the top level included)
// accepted: room for kMaxThemeDepth levels of themes with their term lists,
// plus a few, so that a taxonomy a little too deep gets an error naming the
// theme.
inline constexpr int kMaxJsonNesting = 2 * kMaxThemeDepth + 8;

struct Theme {
  std::string name;     // "Response time"
  std::string path;     // "Support > Response time"
  int32_t parent = -1;  // the parent's id; -1 for a top-level theme
  int32_t depth = 0;    // 0 for a top-level theme
  std::vector<int32_t> children;
};

struct ThemeMention {
  int32_t theme = 0;         // Taxonomy id: the most specific theme matched
  uint32_t sentence = 0;     // index into TokenizedText::sentences
  uint32_t first_token = 0;  // [first_token, end_token): the first term that
  uint32_t end_token = 0;    // matched it in the sentence (TokenizedText::tokens)
  uint32_t matches = 0;      // how many term occurrences matched it there
};

// Immutable once built; copies share the compiled terms. Matching is const
// and may run from many threads at once.
class Taxonomy {
 public:
  static Result<Taxonomy> FromJson(std::string_view json);
  // FromFile reads only a regular file (a directory, FIFO or device is
  // CANDOR_IO_ERROR, refused before reading) of at most kMaxFileBytes
  // (larger: CANDOR_INVALID_ARGUMENT). 64 MiB is thousands of times a real
  // taxonomy (data/taxonomies/cx_starter.json is 4 KB) and bounds the memory
  // of parsing the JSON.
  static constexpr uint64_t kMaxFileBytes = uint64_t{64} << 20;
  static Result<Taxonomy> FromFile(const std::string& path);

  size_t size() const;
  const Theme& theme(int32_t id) const;
  const std::vector<Theme>& themes() const;
  // The language terms were folded and stemmed in ("en" unless given).
  const std::string& language() const;
  // The id of a theme by its path ("Billing > Refund"), if any.
  std::optional<int32_t> Find(std::string_view path) const;
  // `id`'s ancestors, nearest first (empty for a top-level theme).
  std::vector<int32_t> Ancestors(int32_t id) const;
  // True if `ancestor` is `id` or one of its ancestors.
  bool Covers(int32_t ancestor, int32_t id) const;

  struct Compiled;
  const Compiled* compiled() const { return compiled_.get(); }  // for the matcher

 private:
  explicit Taxonomy(std::shared_ptr<const Compiled> compiled);
  std::shared_ptr<const Compiled> compiled_;
};

// Appends to *out (not cleared) the mentions in `text`, sentence by
// sentence, each sentence's mentions ordered by theme id.
void MatchThemes(const Taxonomy& taxonomy, const TokenizedText& text,
                 std::vector<ThemeMention>* out);

// Aspect sentiment: out[i] = sentence_scores[mentions[i].sentence]
// (CANDOR_OUT_OF_RANGE if a sentence index is out of range).
Status MentionSentiment(const std::vector<ThemeMention>& mentions,
                        const std::vector<double>& sentence_scores, std::vector<double>* out);

}  // namespace candor::text

#endif  // CANDOR_TEXT_TAXONOMY_HPP_
