// Representative quotes per theme (outer_loop.hpp, "Quotes"): TF-IDF
// typicality, shingle Jaccard distinctness, tone matching.
#ifndef CANDOR_OUTER_LOOP_QUOTES_HPP_
#define CANDOR_OUTER_LOOP_QUOTES_HPP_

#include <candor/drivers.hpp>
#include <candor/outer_loop.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace candor::internal {

// The words of `text`: runs of ASCII letters and digits and non-ASCII bytes,
// ASCII lowercased.
std::vector<std::string> QuoteWords(std::string_view text);

// Jaccard similarity of two sorted, distinct sets of shingle hashes.
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// The sorted, distinct hashes of the k-word shingles of `words`,
// k = min(3, words.size()).
std::vector<uint64_t> Shingles(const std::vector<std::string>& words);

struct QuoteRequest {
  const std::vector<std::string>* texts = nullptr;  // redacted, one per comment
  const std::vector<double>* tones = nullptr;       // one per comment
  const int32_t* segments = nullptr;                // or null
  int quotes_per_theme = 3;
  int max_quote_bytes = 280;
  double max_quote_similarity = 0.5;
};

// Fills themes[j].quotes for every theme; themes[j].tone must be set.
void SelectQuotes(const ThemeMentions& mentions, const QuoteRequest& request,
                  std::vector<ThemeCost>* themes);

}  // namespace candor::internal

#endif  // CANDOR_OUTER_LOOP_QUOTES_HPP_
