// What the tokenizer learns about each folded word, memoized: the languages
// it is a stop word in (which also votes for the comment's language) and its
// Snowball stem per language. Reviews repeat words, so after warm-up a word
// costs one hash lookup instead of stop-list searches and a stemmer run.
#ifndef CANDOR_TEXT_WORD_MEMO_HPP_
#define CANDOR_TEXT_WORD_MEMO_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
  uint32_t Find(std::string_view folded_word);
  uint8_t stop_mask(uint32_t id) const { return entries_[id].stop_mask; }

  // A small index for an ISO 639 code, to pass to Stem().
  uint8_t LanguageSlot(std::string_view language);
  // The stem of word `id` in the language of `slot`; valid until the next
  // call.
  std::string_view Stem(uint32_t id, uint8_t slot);

 private:
  static constexpr size_t kMaxWords = size_t{1} << 20;
  static constexpr uint8_t kNoSlot = 0xFF;

  struct Entry {
    std::string word;
    uint8_t stop_mask = 0;
    uint8_t stem_slot = kNoSlot;  // the language `stem` is for
    std::string stem;
    std::vector<std::pair<uint8_t, std::string>> more_stems;  // other languages
  };
  struct Language {
    std::string code;
    sb_stemmer* stemmer = nullptr;  // null: no Snowball stemmer, or stem_ off
  };

  std::string StemWith(const Language& language, const std::string& word);

  // Open addressing with linear probing over the words' first 16 bytes
  // (zero-padded: most words fit, and then two integer compares decide),
  // faster than a general string map for the many short lookups.
  struct Slot {
    uint64_t head0 = 0;
    uint64_t head1 = 0;
    uint32_t size = 0;
    uint32_t id = kEmpty;
  };
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;
  void Grow();

  bool stem_;
  std::vector<Slot> slots_ = std::vector<Slot>(1024);  // a power of two
  std::vector<Entry> entries_;
  std::vector<Language> languages_;
};

}  // namespace candor::text::internal

#endif  // CANDOR_TEXT_WORD_MEMO_HPP_
