// Vocabulary and document-term counts: words from tokenized comments, bigram
// collocations by NPMI (Bouma 2009), min_df / max_df (text_discovery.hpp).
#include <absl/container/flat_hash_map.h>
#include <candor/text_discovery.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "common/progress_ticker.hpp"
#include "discovery_internal.hpp"

namespace candor::text {
namespace {

// Documents between checks of the caller's progress callback: each pass over
// the documents stops within a few milliseconds of a request to cancel.
constexpr size_t kPollEveryDocuments = 1024;

bool Cancelled(candor::internal::ProgressTicker* ticker, size_t d) {
  return ticker != nullptr && d % kPollEveryDocuments == 0 && !ticker->Poll();
}

int64_t CodePoints(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Status CheckOptions(const VocabularyOptions& o) {
  if (o.min_word_length < 1) return InvalidArgument("min_word_length must be >= 1");
  if (o.min_df < 1) return InvalidArgument("min_df must be >= 1");
  if (!(o.max_df > 0 && o.max_df <= 1)) return InvalidArgument("max_df must be in (0, 1]");
  if (o.bigram_min_count < 1) return InvalidArgument("bigram_min_count must be >= 1");
  if (!(o.bigram_min_npmi >= -1 && o.bigram_min_npmi <= 1)) {
    return InvalidArgument("bigram_min_npmi must be in [-1, 1]");
  }
  if (o.max_terms < 0) return InvalidArgument("max_terms must be >= 0");
  return OkStatus();
}

uint64_t PairKey(int32_t a, int32_t b) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
}

}  // namespace

// See VocabularyOptions::drop_non_topic_words. Sorted for binary search.
constexpr std::string_view kNonTopicWords[] = {
    "although", "br",   "but",     "cannot",  "didn't", "doesn't", "don't",  "however",
    "http",     "https", "isn't",  "nbsp",    "neither", "never",  "no",     "nobody",
    "none",     "nor",  "not",     "nothing", "nowhere", "though", "wasn't", "won't",
    "www",      "yet"};

bool IsNonTopicWord(std::string_view word) {
  if (std::binary_search(std::begin(kNonTopicWords), std::end(kNonTopicWords), word)) {
    return true;
  }
  return word.find("://") != std::string_view::npos || word.rfind("www.", 0) == 0 ||
         word.find(".com") != std::string_view::npos;
}

std::vector<std::string> DocumentWords(const TokenizedText& text,
                                       const VocabularyOptions& options) {
  std::vector<std::string> words;
  words.reserve(text.tokens.size() + text.sentences.size());
  auto is_extra_stop = [&](std::string_view w) {
    for (const std::string& s : options.extra_stop_words) {
      if (s == w) return true;
    }
    return false;
  };
  auto add_range = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end && i < text.tokens.size(); ++i) {
      const Token& t = text.tokens[i];
      const std::string_view folded = text.text(t);
      const bool keep = t.kind == TokenKind::kWord && !t.stop_word &&
                        CodePoints(folded) >= options.min_word_length && !is_extra_stop(folded) &&
                        !(options.drop_non_topic_words && IsNonTopicWord(folded));
      if (!keep) {
        if (!words.empty() && !words.back().empty()) words.emplace_back();
        continue;
      }
      std::string_view term = folded;
      if (options.stems && t.stem_size > 0) term = text.stem(t);
      words.emplace_back(term);
    }
    if (!words.empty() && !words.back().empty()) words.emplace_back();  // sentence end
  };
  if (text.sentences.empty()) {
    add_range(0, text.tokens.size());
  } else {
    for (const Sentence& s : text.sentences) add_range(s.first_token, s.end_token);
  }
  return words;
}

Result<DocumentTerms> BuildDocumentTerms(const std::vector<std::vector<std::string>>& documents,
                                         const VocabularyOptions& options) {
  return internal::BuildDocumentTermsTicked(documents, options, nullptr);
}

Result<DocumentTerms> internal::BuildDocumentTermsTicked(
    const std::vector<std::vector<std::string>>& documents, const VocabularyOptions& options,
    candor::internal::ProgressTicker* ticker) {
  CANDOR_RETURN_IF_ERROR(CheckOptions(options));
  if (documents.empty()) return Empty("no documents");
  const int64_t n_docs = static_cast<int64_t>(documents.size());

  // Intern words; each document becomes ids with -1 at breaks.
  absl::flat_hash_map<std::string, int32_t> ids;
  std::vector<std::string> words;
  std::vector<std::vector<int32_t>> docs(documents.size());
  for (size_t d = 0; d < documents.size(); ++d) {
    if (Cancelled(ticker, d)) return ticker->CancelledStatus();
    docs[d].reserve(documents[d].size());
    for (const std::string& w : documents[d]) {
      if (w.empty()) {
        docs[d].push_back(-1);
        continue;
      }
      auto [it, inserted] = ids.try_emplace(w, static_cast<int32_t>(words.size()));
      if (inserted) words.push_back(w);
      docs[d].push_back(it->second);
    }
  }
  if (words.size() > static_cast<size_t>(INT32_MAX / 2)) {
    return Unsupported("more than 2^30 distinct words");
  }

  // Collocations: word and adjacent-pair counts over the corpus.
  std::vector<int64_t> word_count(words.size(), 0);
  absl::flat_hash_map<uint64_t, int64_t> pair_count;
  int64_t n_tokens = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (Cancelled(ticker, d)) return ticker->CancelledStatus();
    const auto& doc = docs[d];
    for (size_t i = 0; i < doc.size(); ++i) {
      if (doc[i] < 0) continue;
      ++word_count[doc[i]];
      ++n_tokens;
      if (options.bigrams && i + 1 < doc.size() && doc[i + 1] >= 0) {
        ++pair_count[PairKey(doc[i], doc[i + 1])];
      }
    }
  }
  // Phrase ids follow the word ids.
  absl::flat_hash_map<uint64_t, int32_t> phrase_id;
  std::vector<std::string> all_terms = words;
  std::vector<uint8_t> is_phrase(words.size(), 0);
  if (options.bigrams && n_tokens > 0) {
    std::vector<std::pair<uint64_t, int64_t>> pairs(pair_count.begin(), pair_count.end());
    std::sort(pairs.begin(), pairs.end());  // deterministic phrase ids
    const double n = static_cast<double>(n_tokens);
    for (const auto& [key, count] : pairs) {
      if (count < options.bigram_min_count) continue;
      const int32_t a = static_cast<int32_t>(key >> 32);
      const int32_t b = static_cast<int32_t>(key & 0xffffffffu);
      const double p_ab = count / n;
      const double npmi = p_ab >= 1 ? 1.0
                                    : std::log(p_ab / ((word_count[a] / n) * (word_count[b] / n))) /
                                          -std::log(p_ab);
      if (npmi < options.bigram_min_npmi) continue;
      phrase_id.emplace(key, static_cast<int32_t>(all_terms.size()));
      all_terms.push_back(words[a] + " " + words[b]);
      is_phrase.push_back(1);
    }
  }

  // Per-document term counts (sorted by id) and document frequencies.
  std::vector<std::vector<std::pair<int32_t, int32_t>>> rows(docs.size());
  std::vector<int64_t> df(all_terms.size(), 0);
  {
    std::vector<int32_t> scratch;
    for (size_t d = 0; d < docs.size(); ++d) {
      if (Cancelled(ticker, d)) return ticker->CancelledStatus();
      scratch.clear();
      const auto& doc = docs[d];
      for (size_t i = 0; i < doc.size(); ++i) {
        if (doc[i] < 0) continue;
        scratch.push_back(doc[i]);
        if (!phrase_id.empty() && i + 1 < doc.size() && doc[i + 1] >= 0) {
          auto it = phrase_id.find(PairKey(doc[i], doc[i + 1]));
          if (it != phrase_id.end()) scratch.push_back(it->second);
        }
      }
      std::sort(scratch.begin(), scratch.end());
      auto& row = rows[d];
      for (size_t i = 0; i < scratch.size();) {
        size_t j = i;
        while (j < scratch.size() && scratch[j] == scratch[i]) ++j;
        row.emplace_back(scratch[i], static_cast<int32_t>(j - i));
        ++df[scratch[i]];
        i = j;
      }
    }
  }

  // Filters, then the sorted vocabulary.
  const double max_count = options.max_df * static_cast<double>(n_docs);
  std::vector<int32_t> kept;
  int64_t below_min = 0, above_max = 0;
  for (size_t t = 0; t < all_terms.size(); ++t) {
    if (df[t] < options.min_df) {
      ++below_min;
    } else if (static_cast<double>(df[t]) > max_count) {
      ++above_max;
    } else {
      kept.push_back(static_cast<int32_t>(t));
    }
  }
  if (options.max_terms > 0 && static_cast<int64_t>(kept.size()) > options.max_terms) {
    // The most frequent by df; ties by term, so the cut is deterministic.
    std::sort(kept.begin(), kept.end(), [&](int32_t a, int32_t b) {
      return df[a] != df[b] ? df[a] > df[b] : all_terms[a] < all_terms[b];
    });
    kept.resize(static_cast<size_t>(options.max_terms));
  }
  if (kept.empty()) {
    if (all_terms.empty()) {
      return Empty("no words left in " + std::to_string(n_docs) +
                   " documents after dropping stop words, numbers, punctuation and short words");
    }
    return Empty("no term left: " + std::to_string(below_min) + " of " +
                 std::to_string(all_terms.size()) + " terms occur in fewer than min_df = " +
                 std::to_string(options.min_df) + " documents and " + std::to_string(above_max) +
                 " in more than max_df = " + std::to_string(options.max_df) + " of them");
  }
  std::sort(kept.begin(), kept.end(),
            [&](int32_t a, int32_t b) { return all_terms[a] < all_terms[b]; });
  std::vector<int32_t> column(all_terms.size(), -1);
  DocumentTerms out;
  out.terms.reserve(kept.size());
  for (size_t c = 0; c < kept.size(); ++c) {
    column[kept[c]] = static_cast<int32_t>(c);
    out.terms.push_back(all_terms[kept[c]]);
    out.is_phrase.push_back(is_phrase[kept[c]]);
    out.document_frequency.push_back(df[kept[c]]);
  }
  CsrMatrix& m = out.counts;
  m.rows = n_docs;
  m.cols = static_cast<int64_t>(kept.size());
  m.row_ptr.assign(1, 0);
  std::vector<std::pair<int32_t, int32_t>> row;
  for (size_t d = 0; d < rows.size(); ++d) {
    if (Cancelled(ticker, d)) return ticker->CancelledStatus();
    const auto& full = rows[d];
    row.clear();
    for (const auto& [id, count] : full) {
      if (column[id] >= 0) row.emplace_back(column[id], count);
    }
    std::sort(row.begin(), row.end());
    for (const auto& [c, count] : row) {
      m.col.push_back(c);
      m.value.push_back(count);
    }
    m.row_ptr.push_back(m.nnz());
  }
  return out;
}

}  // namespace candor::text
