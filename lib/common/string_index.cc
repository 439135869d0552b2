#include "common/string_index.hpp"

#include <stdexcept>

namespace candor::internal {

uint32_t StringIndex::Insert(std::string_view key, uint64_t hash, bool* added) {
  if (key.size() > 0xFFFFFFFFu || keys_.size() >= kNotFound - 1) {
    throw std::length_error("StringIndex: key or index too large");
  }
  const Head head = HeadOf(key);
  const size_t i = Probe(key, hash, head);
  *added = slots_[i].id == kNotFound;
  if (!*added) return slots_[i].id;
  const auto id = static_cast<uint32_t>(keys_.size());
  keys_.push_back({arena_.size(), key.size()});
  arena_.append(key);
  slots_[i] = {head.h0, head.h1, static_cast<uint32_t>(key.size()), id};
  if (keys_.size() * 2 > slots_.size()) Grow();  // load factor <= 1/2
  return id;
}

void StringIndex::Clear() {
  keys_.clear();
  arena_.clear();
  slots_.assign(kInitialSlots, Slot{});
}

void StringIndex::Reserve(size_t keys) {
  keys_.reserve(keys);
  size_t slots = slots_.size();
  while (slots < 2 * keys) slots *= 2;
  if (slots != slots_.size()) Rehash(slots);
}

void StringIndex::Grow() { Rehash(slots_.size() * 2); }

void StringIndex::Rehash(size_t slots) {
  std::vector<Slot> old(slots);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id == kNotFound) continue;
    size_t i = HashOf({slot.head0, slot.head1}, slot.size) & mask;
    while (slots_[i].id != kNotFound) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace candor::internal
