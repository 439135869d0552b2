// The compiled form of a Taxonomy: themes plus hash tables from a token's
// folded text or stem to the terms that start there.
#ifndef CANDOR_THEMES_TAXONOMY_COMPILED_HPP_
#define CANDOR_THEMES_TAXONOMY_COMPILED_HPP_

#include <absl/container/flat_hash_map.h>

#include <candor/text_taxonomy.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace candor::text {

struct Taxonomy::Compiled {
  // A multi-token term: folded tokens, adjacent in one sentence.
  struct Phrase {
    std::vector<std::string> tokens;
    int32_t theme = 0;
  };
  // What a folded token can start.
  struct TextEntry {
    std::vector<int32_t> keyword_themes;      // one-token keywords
    std::vector<uint32_t> phrases;            // into `phrases`
    std::vector<int32_t> excluded_themes;     // one-token exclusions
    std::vector<uint32_t> exclusion_phrases;  // into `exclusion_phrases`
  };

  std::vector<Theme> themes;         // ids are depth-first preorder
  std::vector<int32_t> subtree_end;  // descendants of t: ids in (t, subtree_end[t])
  std::string language = "en";
  absl::flat_hash_map<std::string, int32_t> by_path;
  absl::flat_hash_map<std::string, TextEntry> by_text;
  absl::flat_hash_map<std::string, std::vector<int32_t>> by_stem;
  std::vector<Phrase> phrases;
  std::vector<Phrase> exclusion_phrases;
};

}  // namespace candor::text

#endif  // CANDOR_THEMES_TAXONOMY_COMPILED_HPP_
