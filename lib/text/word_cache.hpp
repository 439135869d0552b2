// Per-language memo of what the tokenizer learns about a folded word: its
// Snowball stem and whether it is a stop word. Reviews repeat words, so after
// warm-up a word costs one hash lookup instead of a stemmer run.
#ifndef CANDOR_TEXT_WORD_CACHE_HPP_
#define CANDOR_TEXT_WORD_CACHE_HPP_

#include <absl/container/flat_hash_map.h>

#include <string>
#include <string_view>

struct sb_stemmer;

namespace candor::text::internal {

struct WordInfo {
  std::string stem;
  bool stop_word = false;
};

class WordCache {
 public:
  // `stem` false, or a language Snowball lacks: the stem is the word itself.
  WordCache(std::string language, bool stem);
  ~WordCache();
  WordCache(const WordCache&) = delete;
  WordCache& operator=(const WordCache&) = delete;

  const std::string& language() const { return language_; }
  bool has_stemmer() const { return stemmer_ != nullptr; }

  // Valid until the next call.
  const WordInfo& Lookup(std::string_view folded_word);

 private:
  // Bounds memory on endless streams of distinct words (typos, ids).
  static constexpr size_t kMaxEntries = size_t{1} << 20;

  std::string language_;
  sb_stemmer* stemmer_ = nullptr;
  absl::flat_hash_map<std::string, WordInfo> cache_;
};

}  // namespace candor::text::internal

#endif  // CANDOR_TEXT_WORD_CACHE_HPP_
