#include "word_memo.hpp"

#include <libstemmer.h>


namespace candor::text::internal {

WordMemo::~WordMemo() {
  for (Language& language : languages_) sb_stemmer_delete(language.stemmer);
}

void WordMemo::Trim() {
  if (index_.size() < kMaxWords) return;
  index_.Clear();
  more_stems_.clear();
  stop_masks_.clear();
  stems_.clear();
  stem_arena_.clear();
}

uint32_t WordMemo::Find(std::string_view folded_word, uint64_t hash) {
  // Reviews repeat words: finding (inlined) usually suffices.
  if (const uint32_t id = index_.Find(folded_word, hash);
      id != candor::internal::StringIndex::kNotFound) {
    return id;
  }
  // The first word makes room for a batch of reviews' words (a thread's 500
  // reviews hold some 5,000): growing there by doubling would touch twice
  // the memory, each page's first touch a page fault. Not at construction:
  // a tokenizer that is only cloned never learns a word.
  if (index_.size() == 0) {
    index_.Reserve(kInitialWords);
  }
  bool added = false;
  const uint32_t id = index_.Insert(folded_word, hash, &added);
  if (added) {
    stop_masks_.push_back(StopWordMask(folded_word));
    stems_.emplace_back();
  }
  return id;
}

uint8_t WordMemo::LanguageSlot(std::string_view language) {
  for (size_t i = 0; i < languages_.size(); ++i) {
    if (languages_[i].code == language) return static_cast<uint8_t>(i);
  }
  if (languages_.size() >= kNoSlot) return kNoSlot;  // absurdly many: no stems
  Language& added = languages_.emplace_back();
  added.code.assign(language);
  // libstemmer takes ISO 639 codes ("en", "es", ...) as algorithm names.
  if (stem_ && language != "und") added.stemmer = sb_stemmer_new(added.code.c_str(), "UTF_8");
  return static_cast<uint8_t>(languages_.size() - 1);
}

std::string WordMemo::StemWith(const Language& language, std::string_view word) {
  if (language.stemmer == nullptr) return std::string(word);
  const sb_symbol* stem =
      sb_stemmer_stem(language.stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (stem == nullptr) return std::string(word);  // out of memory
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(language.stemmer)));
}

std::string_view WordMemo::Stem(uint32_t id, uint8_t slot) {
  if (slot == kNoSlot) return index_.key(id);
  StemRef& ref = stems_[id];
  if (ref.slot == slot) return std::string_view(stem_arena_).substr(ref.offset, ref.size);
  const std::string_view word = index_.key(id);
  if (ref.slot == kNoSlot) {
    const std::string stem = StemWith(languages_[slot], word);
    if (stem.size() <= 0xFFFF && stem_arena_.size() + stem.size() <= 0xFFFFFFFFu) {
      ref = {static_cast<uint32_t>(stem_arena_.size()), static_cast<uint16_t>(stem.size()), slot};
      stem_arena_ += stem;
      return std::string_view(stem_arena_).substr(ref.offset, ref.size);
    }
  }
  MoreStems& more = more_stems_[id];
  for (const auto& [s, stem] : more) {
    if (s == slot) return stem;
  }
  more.emplace_back(slot, StemWith(languages_[slot], word));
  return more.back().second;
}

}  // namespace candor::text::internal
