// StringIndex: short strings -> dense ids 0, 1, 2, ... by open addressing.
// Text lookups (the tokenizer's word memo, the sentiment term table) find
// tens of millions of short words; a general string map hashes every byte
// and compares through memcmp, where here a word of up to 16 bytes, held in
// its slot as two integers, is found or refuted with two compares.
#ifndef CANDOR_COMMON_STRING_INDEX_HPP_
#define CANDOR_COMMON_STRING_INDEX_HPP_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace candor::internal {

class StringIndex {
 public:
  static constexpr uint32_t kNotFound = 0xFFFFFFFFu;

  StringIndex() : slots_(kInitialSlots) {}

  // The hash Find and Insert take. Also prefetches the key's slot, so that
  // hashing a batch of keys before finding them overlaps the cache misses
  // of a table too big for L1/L2.
  uint64_t Hash(std::string_view key) const {
    const uint64_t hash = HashOf(HeadOf(key), key.size());
    __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    return hash;
  }

  // The id of `key`, or kNotFound.
  uint32_t Find(std::string_view key) const {
    const Head head = HeadOf(key);
    return slots_[Probe(key, HashOf(head, key.size()), head)].id;
  }
  uint32_t Find(std::string_view key, uint64_t hash) const {
    return slots_[Probe(key, hash, HeadOf(key))].id;
  }

  // The id of `key`, adding it (as id size()) if absent; *added says which.
  uint32_t Insert(std::string_view key, bool* added) { return Insert(key, Hash(key), added); }
  uint32_t Insert(std::string_view key, uint64_t hash, bool* added);

  size_t size() const { return keys_.size(); }
  std::string_view key(uint32_t id) const {
    return std::string_view(arena_).substr(keys_[id].offset, keys_[id].size);
  }
  // Forgets every key (ids start again at 0).
  void Clear();
  // Room for `keys` keys without growing.
  void Reserve(size_t keys);

 private:
  static constexpr size_t kInitialSlots = 1024;  // a power of two

  // Two integers that, with the size, identify a key of up to 16 bytes
  // (the first and last 8 bytes, overlapping for 8..16; smaller keys packed
  // by loads that stay within them): no byte-by-byte copy, no memcpy call.
  // Longer keys are told apart by their bytes in the arena.
  struct Head {
    uint64_t h0 = 0;
    uint64_t h1 = 0;
  };
  static Head HeadOf(std::string_view key) {
    const char* p = key.data();
    const size_t n = key.size();
    Head head;
    if (n >= 8) {
      std::memcpy(&head.h0, p, 8);
      std::memcpy(&head.h1, p + n - 8, 8);
    } else if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      head.h0 = a | (uint64_t{b} << 32);
    } else if (n > 0) {
      head.h0 = static_cast<uint8_t>(p[0]) | (uint64_t{static_cast<uint8_t>(p[n / 2])} << 8) |
                (uint64_t{static_cast<uint8_t>(p[n - 1])} << 16);
    }
    return head;
  }
  static uint64_t HashOf(const Head& head, size_t size) {
    uint64_t h = head.h0 ^ (head.h1 * 0x9E3779B97F4A7C15ull) ^ (size * 0xC2B2AE3D27D4EB4Full);
    h *= 0xFF51AFD7ED558CCDull;  // MurmurHash3's fmix64 finalizer
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
  }

  struct Slot {
    uint64_t head0 = 0;
    uint64_t head1 = 0;
    uint32_t size = 0;
    uint32_t id = kNotFound;
  };
  struct KeyRef {
    size_t offset;
    size_t size;
  };

  // The slot holding `key`, or the empty slot where it would go.
  size_t Probe(std::string_view key, uint64_t hash, const Head& head) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.id == kNotFound) return i;
      if (slot.head0 == head.h0 && slot.head1 == head.h1 && slot.size == key.size() &&
          (key.size() <= 16 || this->key(slot.id) == key)) {
        return i;
      }
    }
  }
  void Grow();
  void Rehash(size_t slots);  // slots: a power of two above twice size()

  std::vector<Slot> slots_;
  std::vector<KeyRef> keys_;
  std::string arena_;  // the keys back to back
};

}  // namespace candor::internal

#endif  // CANDOR_COMMON_STRING_INDEX_HPP_
