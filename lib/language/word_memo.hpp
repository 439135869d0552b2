// What the tokenizer learns about each folded word, memoized: the languages
// it is a stop word in (which also votes for the comment's language) and its
// Snowball stem per language. Reviews repeat words, so after warm-up a word
// costs one hash lookup instead of stop-list searches and a stemmer run.
#ifndef CANDOR_LANGUAGE_WORD_MEMO_HPP_
#define CANDOR_LANGUAGE_WORD_MEMO_HPP_

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/string_index.hpp"

struct sb_stemmer;

namespace candor::text::internal {

// Bit i set: a stop word in StopWordLanguages()[i] (stop_words.cc).
uint8_t StopWordMask(std::string_view folded_word);

class WordMemo {
 public:
  // stem false: every stem is the word itself.
  explicit WordMemo(bool stem) : stem_(stem) {}
  ~WordMemo();
  WordMemo(const WordMemo&) = delete;
  WordMemo& operator=(const WordMemo&) = delete;

  // Forgets everything once the memo is too big (distinct typos and ids
  // without end); call between comments, as it invalidates ids.
  void Trim();

  // The id of a folded word, stable until the next Trim().
  uint32_t Find(std::string_view folded_word) { return Find(folded_word, Hash(folded_word)); }
  // The same in two steps: Hash() also prefetches the word's slot, so
  // hashing all of a comment's words before finding them overlaps the cache
  // misses of a table too big for L1/L2 (the lookups' main cost).
  uint64_t Hash(std::string_view folded_word) const { return index_.Hash(folded_word); }
  uint32_t Find(std::string_view folded_word, uint64_t hash);
  uint8_t stop_mask(uint32_t id) const { return stop_masks_[id]; }

  // A small index for an ISO 639 code, to pass to Stem().
  uint8_t LanguageSlot(std::string_view language);
  // The stem of word `id` in the language of `slot`; valid until the next
  // call.
  std::string_view Stem(uint32_t id, uint8_t slot);

 private:
  static constexpr size_t kMaxWords = size_t{1} << 20;
  static constexpr size_t kInitialWords = 8192;
  static constexpr uint8_t kNoSlot = 0xFF;

  // Hot data lives in small parallel arrays (a byte of stop mask and 8
  // bytes of stem reference per word, stems back to back in one string),
  // which stay in cache where a vector of fat entries would not.
  struct StemRef {
    uint32_t offset = 0;  // into stem_arena_
    uint16_t size = 0;
    uint8_t slot = kNoSlot;  // the language of the stem
  };
  // A word's stems in languages other than its first stem's: only words
  // met in comments of several languages have them, so they are kept by id
  // apart from the per-word arrays.
  using MoreStems = std::vector<std::pair<uint8_t, std::string>>;
  struct Language {
    std::string code;
    sb_stemmer* stemmer = nullptr;  // null: no Snowball stemmer, or stem_ off
  };

  std::string StemWith(const Language& language, std::string_view word);

  bool stem_;
  candor::internal::StringIndex index_;  // word -> id
  absl::flat_hash_map<uint32_t, MoreStems> more_stems_;
  std::vector<uint8_t> stop_masks_;
  std::vector<StemRef> stems_;
  std::string stem_arena_;
  std::vector<Language> languages_;
};

}  // namespace candor::text::internal

#endif  // CANDOR_LANGUAGE_WORD_MEMO_HPP_
