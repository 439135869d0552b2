// Theme labels: c-TF-IDF key phrases (Grootendorst 2022, BERTopic's
// class-based TF-IDF) over the comments each theme dominates.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "discovery_internal.hpp"

namespace candor::text::internal {
namespace {

std::vector<std::string_view> Words(std::string_view phrase) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= phrase.size()) {
    const size_t space = phrase.find(' ', start);
    const size_t end = space == std::string_view::npos ? phrase.size() : space;
    if (end > start) out.push_back(phrase.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The first `count` phrases, joined by ", ", skipping a word that is part of
// a key phrase ("customer" next to "customer service"), a phrase whose words
// all appear in earlier chosen ones, and a phrase in `shared`.
std::string Label(const std::vector<std::string>& phrases, int32_t count,
                  const std::vector<std::string_view>& shared) {
  std::vector<std::string_view> in_phrases;
  for (const std::string& phrase : phrases) {
    const auto words = Words(phrase);
    if (words.size() > 1) in_phrases.insert(in_phrases.end(), words.begin(), words.end());
  }
  auto contains = [](const std::vector<std::string_view>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  std::vector<std::string_view> seen;
  std::string label;
  int32_t used = 0;
  for (const std::string& phrase : phrases) {
    if (used == count) break;
    if (contains(shared, phrase)) continue;
    const auto words = Words(phrase);
    if (words.size() == 1 && contains(in_phrases, words[0])) continue;
    if (std::all_of(words.begin(), words.end(),
                    [&](std::string_view w) { return contains(seen, w); })) {
      continue;
    }
    seen.insert(seen.end(), words.begin(), words.end());
    if (!label.empty()) label += ", ";
    label += phrase;
    ++used;
  }
  return label;
}

}  // namespace

void LabelThemes(const DocumentTerms& terms, const std::vector<int32_t>& dominant,
                 const std::vector<double>& h, int32_t n_phrases, int32_t label_phrases,
                 std::vector<DiscoveredTheme>* themes) {
  const int32_t k = static_cast<int32_t>(themes->size());
  const CsrMatrix& counts = terms.counts;
  const int64_t m = counts.cols;
  // tf(t, c): term counts per class (the theme a comment is dominated by).
  std::vector<double> tf(static_cast<size_t>(k) * m, 0.0);
  for (int64_t d = 0; d < counts.rows; ++d) {
    const int32_t c = dominant[d];
    if (c < 0) continue;
    for (int64_t p = counts.row_ptr[d]; p < counts.row_ptr[d + 1]; ++p) {
      tf[c * m + counts.col[p]] += counts.value[p];
    }
  }
  std::vector<double> f(static_cast<size_t>(m), 0.0), class_total(static_cast<size_t>(k), 0.0);
  int32_t classes = 0;
  double all = 0;
  for (int32_t c = 0; c < k; ++c) {
    for (int64_t t = 0; t < m; ++t) {
      f[t] += tf[c * m + t];
      class_total[c] += tf[c * m + t];
    }
    all += class_total[c];
    classes += class_total[c] > 0;
  }
  const double a = classes > 0 ? all / classes : 0.0;  // mean term occurrences per class
  for (int32_t c = 0; c < k; ++c) {
    DiscoveredTheme& theme = (*themes)[c];
    std::vector<std::pair<double, int32_t>> scored;
    if (class_total[c] > 0) {
      for (int64_t t = 0; t < m; ++t) {
        const double x = tf[c * m + t];
        if (x > 0) {
          scored.emplace_back(x / class_total[c] * std::log(1.0 + a / f[t]),
                              static_cast<int32_t>(t));
        }
      }
    } else {  // dominates no comment: its H row
      for (int64_t t = 0; t < m; ++t) {
        if (h[c * m + t] > 0) scored.emplace_back(h[c * m + t], static_cast<int32_t>(t));
      }
    }
    const size_t take = std::min<size_t>(scored.size(), static_cast<size_t>(n_phrases));
    std::partial_sort(scored.begin(), scored.begin() + take, scored.end(),
                      [](const auto& x, const auto& y) {
                        return x.first != y.first ? x.first > y.first : x.second < y.second;
                      });
    theme.key_phrases.clear();
    theme.key_phrase_scores.clear();
    for (size_t i = 0; i < take; ++i) {
      theme.key_phrases.push_back(terms.terms[scored[i].second]);
      theme.key_phrase_scores.push_back(scored[i].first);
    }
  }
  // Phrases at the head of more than half of the themes (with 3 or more).
  std::vector<std::string_view> shared;
  if (k >= 3) {
    const size_t head = 2 * static_cast<size_t>(label_phrases);  // label_phrases <= INT32_MAX
    std::vector<std::string_view> heads;
    for (const DiscoveredTheme& theme : *themes) {
      const size_t n = std::min(head, theme.key_phrases.size());
      heads.insert(heads.end(), theme.key_phrases.begin(), theme.key_phrases.begin() + n);
    }
    std::sort(heads.begin(), heads.end());
    for (size_t i = 0; i < heads.size();) {
      size_t j = i;
      while (j < heads.size() && heads[j] == heads[i]) ++j;
      if (2 * (j - i) > static_cast<size_t>(k)) shared.push_back(heads[i]);
      i = j;
    }
  }
  for (DiscoveredTheme& theme : *themes) {
    theme.label = Label(theme.key_phrases, label_phrases, shared);
    if (theme.label.empty()) theme.label = Label(theme.key_phrases, label_phrases, {});
  }
}

}  // namespace candor::text::internal
