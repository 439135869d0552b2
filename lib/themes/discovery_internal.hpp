// Theme discovery from word sequences (discovery.cc); the tokenizing entry
// point (discovery_tokenize.cc) and labels (discovery_labels.cc) share it.
#ifndef CANDOR_THEMES_DISCOVERY_INTERNAL_HPP_
#define CANDOR_THEMES_DISCOVERY_INTERNAL_HPP_

#include <candor/text_discovery.hpp>

#include <string>
#include <vector>

namespace candor::text::internal {

Status CheckDiscoveryOptions(const DiscoveryOptions& options);

// words: per document, as DocumentWords returns.
Result<ThemeDiscovery> DiscoverFromWords(const std::vector<std::vector<std::string>>& words,
                                         const DiscoveryOptions& options);

// The top `n` columns of row t of h (k x cols) with positive weight, by weight
// descending (ties: lower column first).
std::vector<int32_t> TopColumns(const std::vector<double>& h, int64_t cols, int32_t t,
                                int32_t n);

// Key phrases by c-TF-IDF (Grootendorst 2022) of the documents each theme
// dominates, and the labels; fills themes[t].key_phrases, key_phrase_scores,
// label.
void LabelThemes(const DocumentTerms& terms, const std::vector<int32_t>& dominant,
                 const std::vector<double>& h, int32_t n_phrases, int32_t label_phrases,
                 std::vector<DiscoveredTheme>* themes);

}  // namespace candor::text::internal

#endif  // CANDOR_THEMES_DISCOVERY_INTERNAL_HPP_
