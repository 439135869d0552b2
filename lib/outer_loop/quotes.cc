// SelectQuotes: per theme and segment, the candidates by typicality (cosine to
// the TF-IDF centroid), kept greedily when not near-duplicates of those kept.
#include "quotes.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <unordered_map>
#include <utility>

namespace candor::internal {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// A comment's TF-IDF vector, L2-normalized: (word id, weight) sorted by id.
using SparseVector = std::vector<std::pair<int32_t, double>>;

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

}  // namespace

std::vector<std::string> QuoteWords(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    std::string word;
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) {
      char c = text[i++];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      word.push_back(c);
    }
    if (!word.empty()) words.push_back(std::move(word));
  }
  return words;
}

std::vector<uint64_t> Shingles(const std::vector<std::string>& words) {
  std::vector<uint64_t> hashes;
  if (words.empty()) return hashes;
  const size_t k = std::min<size_t>(3, words.size());
  for (size_t i = 0; i + k <= words.size(); ++i) {
    std::string shingle = words[i];
    for (size_t w = 1; w < k; ++w) shingle += ' ' + words[i + w];
    hashes.push_back(std::hash<std::string>{}(shingle));
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1;
  size_t common = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

void SelectQuotes(const ThemeMentions& mentions, const QuoteRequest& request,
                  std::vector<ThemeCost>* themes) {
  const std::vector<std::string>& texts = *request.texts;
  const size_t n = texts.size();
  // Vocabulary, term counts and document frequencies over every comment.
  std::unordered_map<std::string, int32_t> ids;
  std::vector<SparseVector> vectors(n);
  std::vector<std::vector<std::string>> words(n);
  std::vector<int64_t> document_frequency;
  int64_t documents = 0;
  for (size_t i = 0; i < n; ++i) {
    if (IsBlank(texts[i])) continue;
    ++documents;
    words[i] = QuoteWords(texts[i]);
    std::map<int32_t, double> counts;
    for (const std::string& word : words[i]) {
      auto [it, added] = ids.emplace(word, static_cast<int32_t>(ids.size()));
      if (added) document_frequency.push_back(0);
      counts[it->second] += 1;
    }
    for (const auto& [id, count] : counts) {
      ++document_frequency[id];
      vectors[i].emplace_back(id, count);
    }
  }
  for (SparseVector& vector : vectors) {
    double norm = 0;
    for (auto& [id, weight] : vector) {
      weight *= std::log((1.0 + documents) / (1.0 + document_frequency[id])) + 1;
      norm += weight * weight;
    }
    norm = std::sqrt(norm);
    for (auto& entry : vector) entry.second /= norm;
  }

  const auto& offsets = mentions.offsets();
  const auto& theme_ids = mentions.ids();
  // Comments of each (theme, segment) group, in comment order.
  std::vector<std::map<int32_t, std::vector<int64_t>>> groups(themes->size());
  for (size_t i = 0; i < n; ++i) {
    if (vectors[i].empty()) continue;
    const int32_t segment = request.segments == nullptr ? -1 : request.segments[i];
    for (int64_t m = offsets[i]; m < offsets[i + 1]; ++m) {
      groups[theme_ids[m]][segment].push_back(static_cast<int64_t>(i));
    }
  }
  for (size_t j = 0; j < themes->size(); ++j) {
    ThemeCost& theme = (*themes)[j];
    const double theme_sign = theme.tone > 0 ? 1 : theme.tone < 0 ? -1 : 0;
    for (const auto& [segment, members] : groups[j]) {
      // The centroid of the group's normalized vectors.
      std::unordered_map<int32_t, double> centroid;
      for (int64_t i : members) {
        for (const auto& [id, weight] : vectors[i]) centroid[id] += weight;
      }
      double centroid_norm = 0;
      for (const auto& entry : centroid) centroid_norm += entry.second * entry.second;
      centroid_norm = std::sqrt(centroid_norm);
      std::vector<std::pair<double, int64_t>> candidates;
      for (int64_t i : members) {
        if (static_cast<int64_t>(texts[i].size()) > request.max_quote_bytes) continue;
        const double tone = (*request.tones)[i];
        const double sign = tone > 0 ? 1 : tone < 0 ? -1 : 0;
        if (theme_sign != 0 && sign != theme_sign) continue;
        double dot = 0;
        for (const auto& [id, weight] : vectors[i]) dot += weight * centroid[id];
        candidates.emplace_back(centroid_norm > 0 ? dot / centroid_norm : 0, i);
      }
      std::sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
      });
      std::vector<std::vector<uint64_t>> kept;
      for (const auto& [typicality, i] : candidates) {
        if (static_cast<int>(kept.size()) >= request.quotes_per_theme) break;
        std::vector<uint64_t> shingles = Shingles(words[i]);
        bool near_duplicate = false;
        for (const auto& other : kept) {
          if (Jaccard(shingles, other) >= request.max_quote_similarity) {
            near_duplicate = true;
            break;
          }
        }
        if (near_duplicate) continue;
        kept.push_back(std::move(shingles));
        Quote quote;
        quote.comment = i;
        quote.segment = segment;
        quote.text = texts[i];
        quote.typicality = typicality;
        quote.tone = (*request.tones)[i];
        theme.quotes.push_back(std::move(quote));
      }
    }
  }
}

}  // namespace candor::internal
