#include "word_memo.hpp"

#include <libstemmer.h>

#include <cstring>

namespace candor::text::internal {

WordMemo::~WordMemo() {
  for (Language& language : languages_) sb_stemmer_delete(language.stemmer);
}

namespace {

struct Head {
  uint64_t h0 = 0;
  uint64_t h1 = 0;
};

// The first 16 bytes, zero-padded, in native byte order.
inline Head HeadOf(std::string_view w) {
  char bytes[16] = {};
  std::memcpy(bytes, w.data(), w.size() < 16 ? w.size() : 16);
  Head head;
  std::memcpy(&head.h0, bytes, 8);
  std::memcpy(&head.h1, bytes + 8, 8);
  return head;
}

inline uint64_t HashOf(const Head& head, size_t size) {
  uint64_t h = head.h0 ^ (head.h1 * 0x9E3779B97F4A7C15ull) ^ (size * 0xC2B2AE3D27D4EB4Full);
  h *= 0xFF51AFD7ED558CCDull;  // MurmurHash3's fmix64 finalizer
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

}  // namespace

void WordMemo::Trim() {
  if (entries_.size() < kMaxWords) return;
  entries_.clear();
  stop_masks_.clear();
  stems_.clear();
  stem_arena_.clear();
  slots_.assign(1024, Slot{});
}

void WordMemo::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id == kEmpty) continue;
    size_t i = HashOf({slot.head0, slot.head1}, slot.size) & mask;
    while (slots_[i].id != kEmpty) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

uint64_t WordMemo::Hash(std::string_view folded_word) const {
  const uint64_t hash = HashOf(HeadOf(folded_word), folded_word.size());
  __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  return hash;
}

uint32_t WordMemo::Find(std::string_view folded_word, uint64_t hash) {
  const Head head = HeadOf(folded_word);
  const auto size = static_cast<uint32_t>(folded_word.size());
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  for (;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kEmpty) break;
    if (slot.size == size && slot.head0 == head.h0 && slot.head1 == head.h1 &&
        (size <= 16 || entries_[slot.id].word == folded_word)) {
      return slot.id;
    }
  }
  const auto id = static_cast<uint32_t>(entries_.size());
  entries_.emplace_back().word.assign(folded_word);
  stop_masks_.push_back(StopWordMask(folded_word));
  stems_.emplace_back();
  slots_[i] = {head.h0, head.h1, size, id};
  if (entries_.size() * 2 > slots_.size()) Grow();  // load factor <= 1/2
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

std::string WordMemo::StemWith(const Language& language, const std::string& word) {
  if (language.stemmer == nullptr) return word;
  const sb_symbol* stem =
      sb_stemmer_stem(language.stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (stem == nullptr) return word;  // out of memory
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(language.stemmer)));
}

std::string_view WordMemo::Stem(uint32_t id, uint8_t slot) {
  if (slot == kNoSlot) return entries_[id].word;
  StemRef& ref = stems_[id];
  if (ref.slot == slot) return std::string_view(stem_arena_).substr(ref.offset, ref.size);
  Entry& entry = entries_[id];
  if (ref.slot == kNoSlot) {
    const std::string stem = StemWith(languages_[slot], entry.word);
    if (stem.size() <= 0xFFFF && stem_arena_.size() + stem.size() <= 0xFFFFFFFFu) {
      ref = {static_cast<uint32_t>(stem_arena_.size()), static_cast<uint16_t>(stem.size()), slot};
      stem_arena_ += stem;
      return std::string_view(stem_arena_).substr(ref.offset, ref.size);
    }
  }
  for (const auto& [s, stem] : entry.more_stems) {
    if (s == slot) return stem;
  }
  entry.more_stems.emplace_back(slot, StemWith(languages_[slot], entry.word));
  return entry.more_stems.back().second;
}

}  // namespace candor::text::internal
