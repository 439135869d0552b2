// MatchThemes: per sentence, each token's folded text and stem are looked up
// once in the compiled tables (phrases by their first token); exclusions
// found in the sentence block their theme's subtree there; the survivors
// are reduced to one mention per most specific theme.
#include <algorithm>
#include <candor/text_taxonomy.hpp>
#include <string>

#include "taxonomy_compiled.hpp"

namespace candor::text {
namespace {

absl::string_view Key(std::string_view s) { return {s.data(), s.size()}; }

// True if `phrase` matches the tokens at [at, end).
bool PhraseAt(const Taxonomy::Compiled::Phrase& phrase, const TokenizedText& text, uint32_t at,
              uint32_t end) {
  if (end - at < phrase.tokens.size()) return false;
  for (size_t k = 1; k < phrase.tokens.size(); ++k) {
    if (text.text(text.tokens[at + k]) != phrase.tokens[k]) return false;
  }
  return true;
}

struct Candidate {
  int32_t theme;
  uint32_t first;
  uint32_t end;
};

}  // namespace

void MatchThemes(const Taxonomy& taxonomy, const TokenizedText& text,
                 std::vector<ThemeMention>* out) {
  std::vector<Candidate> candidates;
  std::vector<int32_t> blocked;  // themes whose subtree is excluded here
  for (uint32_t s = 0; s < text.sentences.size(); ++s) {
    const Sentence& sentence = text.sentences[s];
    candidates.clear();
    blocked.clear();
    const Taxonomy::Compiled& c = *taxonomy.compiled();
    for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
      const Token& token = text.tokens[i];
      if (const auto it = c.by_text.find(Key(text.text(token))); it != c.by_text.end()) {
        const Taxonomy::Compiled::TextEntry& entry = it->second;
        for (int32_t theme : entry.keyword_themes) candidates.push_back({theme, i, i + 1});
        for (uint32_t p : entry.phrases) {
          const auto& phrase = c.phrases[p];
          if (PhraseAt(phrase, text, i, sentence.end_token)) {
            candidates.push_back(
                {phrase.theme, i, i + static_cast<uint32_t>(phrase.tokens.size())});
          }
        }
        for (int32_t theme : entry.excluded_themes) blocked.push_back(theme);
        for (uint32_t p : entry.exclusion_phrases) {
          const auto& phrase = c.exclusion_phrases[p];
          if (PhraseAt(phrase, text, i, sentence.end_token)) blocked.push_back(phrase.theme);
        }
      }
      if (token.kind == TokenKind::kWord && !c.by_stem.empty()) {
        if (const auto it = c.by_stem.find(Key(text.stem(token))); it != c.by_stem.end()) {
          for (int32_t theme : it->second) candidates.push_back({theme, i, i + 1});
        }
      }
    }
    if (candidates.empty()) continue;
    // Exclusions: drop every candidate in a blocked theme's subtree.
    if (!blocked.empty()) {
      candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                      [&](const Candidate& k) {
                                        for (int32_t b : blocked) {
                                          if (taxonomy.Covers(b, k.theme)) return true;
                                        }
                                        return false;
                                      }),
                       candidates.end());
    }
    // One mention per theme: its first term (the longest at that token), and
    // the number of distinct tokens where its terms start.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      if (a.theme != b.theme) return a.theme < b.theme;
      if (a.first != b.first) return a.first < b.first;
      return a.end > b.end;
    });
    const size_t sentence_start = out->size();
    for (size_t k = 0; k < candidates.size(); ++k) {
      const Candidate& cand = candidates[k];
      if (k > 0 && candidates[k - 1].theme == cand.theme) {
        if (candidates[k - 1].first != cand.first) ++out->back().matches;
        continue;
      }
      out->push_back({cand.theme, s, cand.first, cand.end, 1});
    }
    // Most specific only: drop a theme when a descendant is also mentioned.
    // Ids are preorder, so a theme's descendants follow it in id order.
    auto begin = out->begin() + static_cast<std::ptrdiff_t>(sentence_start);
    std::vector<ThemeMention> kept;
    for (auto it = begin; it != out->end(); ++it) {
      const auto next = it + 1;
      if (next != out->end() && taxonomy.Covers(it->theme, next->theme)) continue;
      kept.push_back(*it);
    }
    out->resize(sentence_start);
    out->insert(out->end(), kept.begin(), kept.end());
  }
}

Status MentionSentiment(const std::vector<ThemeMention>& mentions,
                        const std::vector<double>& sentence_scores, std::vector<double>* out) {
  out->clear();
  out->reserve(mentions.size());
  for (const ThemeMention& m : mentions) {
    if (m.sentence >= sentence_scores.size()) {
      out->clear();
      return OutOfRange("mention of sentence " + std::to_string(m.sentence) + " but only " +
                        std::to_string(sentence_scores.size()) + " sentence scores");
    }
    out->push_back(sentence_scores[m.sentence]);
  }
  return OkStatus();
}

}  // namespace candor::text
