// Theme discovery from word sequences (discovery.cc); the tokenizing entry
// point (discovery_tokenize.cc) and labels (discovery_labels.cc) share it.
#ifndef CANDOR_THEMES_DISCOVERY_INTERNAL_HPP_
#define CANDOR_THEMES_DISCOVERY_INTERNAL_HPP_

#include <candor/text_discovery.hpp>

#include <string>
#include <vector>

namespace candor::internal {
class ProgressTicker;
}

namespace candor::text::internal {

Status CheckDiscoveryOptions(const DiscoveryOptions& options);

// BuildDocumentTerms, checking `ticker` (may be null) every few documents
// so that a cancel takes effect on a large corpus (it adds no units).
Result<DocumentTerms> BuildDocumentTermsTicked(
    const std::vector<std::vector<std::string>>& documents, const VocabularyOptions& options,
    candor::internal::ProgressTicker* ticker);

// words: per document, as DocumentWords returns.
// DiscoveryOptions::progress's total for `documents` comments.
inline int64_t DiscoveryProgressTotal(const DiscoveryOptions& options, size_t documents) {
  const int64_t candidates = options.k > 0 ? 1 : options.k_max - options.k_min + 1;
  return static_cast<int64_t>(documents) *
         (1 + candidates * static_cast<int64_t>(options.nmf.max_iter));
}

// ticker: counts as DiscoveryOptions::progress says (may be null: none).
Result<ThemeDiscovery> DiscoverFromWords(const std::vector<std::vector<std::string>>& words,
                                         const DiscoveryOptions& options,
                                         candor::internal::ProgressTicker* ticker);

// Nmf counting each iteration's rows (x.rows per iteration) on `ticker`
// (may be null); a fit that stops early adds the iterations it skipped.
Result<NmfResult> NmfTicked(const CsrMatrix& x, int32_t k, const NmfOptions& options,
                            candor::internal::ProgressTicker* ticker);

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
