// Sorting doubles by their bits: order-preserving 64-bit keys and a stable
// least-significant-digit radix sort (Knuth, TAOCP vol. 3, 5.2.5) of items
// that carry a row along. At a million rows it takes a fraction of the time
// of a comparison sort. Used by lib/validate (ranks of scores) and
// lib/survival (rows ordered by time, ranks of risks).
#ifndef CANDOR_COMMON_RADIX_SORT_HPP_
#define CANDOR_COMMON_RADIX_SORT_HPP_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace candor::internal {

// A key that sorts as the double it comes from (IEEE 754 order): positive
// numbers get the sign bit set, negative numbers have every bit flipped.
// -0.0 is read as +0.0 so that the two zeros, equal as doubles, tie. Not for
// NaN (callers reject it first).
inline uint64_t OrderedKey(double x) {
  if (x == 0) x = 0.0;
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof(bits));
  constexpr uint64_t kSign = uint64_t{1} << 63;
  return (bits & kSign) ? ~bits : (bits | kSign);
}

// The double a key came from.
inline double KeyValue(uint64_t key) {
  constexpr uint64_t kSign = uint64_t{1} << 63;
  const uint64_t bits = (key & kSign) ? (key & ~kSign) : ~key;
  double x;
  std::memcpy(&x, &bits, sizeof(x));
  return x;
}

// A key with a payload (a row, perhaps with its outcome in the low bit),
// sorted together: one 16-byte item moves per step, not two arrays.
struct KeyedRow {
  uint64_t key;
  uint64_t row;
};

inline uint64_t SortKey(uint64_t key) { return key; }
inline uint64_t SortKey(const KeyedRow& item) { return item.key; }

// Sorts items ascending by SortKey, stably. Least-significant-digit radix
// sort with 8-bit digits (256 buckets, whose write positions stay in cache)
// over at most the 32 bits that begin at the highest bit where the keys
// differ: 4 passes instead of 8 for doubles that vary in every bit. Items
// that agree on those 32 bits (rare unless the scores are equal, which need
// no further order) are then put in order by their whole key, run by run.
// A digit every key shares is skipped. O(n) per pass; the runs cost
// O(r log r) each, so a set of scores all within 2^-20 relative of each
// other and far from the rest falls back to a comparison sort.
// The array a radix sort moves items through, kept between sorts (by the
// caller) so that sorting twice touches fresh memory once. Left
// uninitialized: Item is a plain struct and every pass writes all of it.
template <typename Item>
struct RadixScratch {
  std::unique_ptr<Item[]> data;
  size_t size = 0;
};

// The bits where some item's key differs from the first item's: the OR over
// items of SortKey(item) ^ SortKey(items[0]). A caller that writes the items
// can take it on the way and pass it to RadixSortDiffering, which saves the
// sort a read of every item.
template <typename Item>
uint64_t DifferingBits(const Item* items, size_t n) {
  uint64_t differ = 0;
  if (n == 0) return differ;
  const uint64_t first = SortKey(items[0]);
  for (size_t i = 0; i < n; ++i) differ |= SortKey(items[i]) ^ first;
  return differ;
}

// RadixSort(items, n, scratch) below, given `differ` = DifferingBits(items, n).
template <typename Item>
void RadixSortDiffering(Item* items, size_t n, Item* scratch, uint64_t differ) {
  static_assert(std::is_trivially_copyable<Item>::value, "items are moved as plain bytes");
  constexpr int kBits = 8;
  constexpr int kWindow = 32;
  constexpr int kPasses = kWindow / kBits;
  constexpr size_t kBuckets = size_t{1} << kBits;
  if (n < 2 || differ == 0) return;
  const uint64_t first = SortKey(items[0]);
  int high = 63;
  while (((differ >> high) & 1) == 0) --high;
  const int low = high >= kWindow ? high - kWindow + 1 : 0;
  std::vector<std::array<size_t, kBuckets>> counts(kPasses);
  for (auto& c : counts) c.fill(0);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t key = SortKey(items[i]) >> low;
    for (int pass = 0; pass < kPasses; ++pass) {
      ++counts[pass][(key >> (pass * kBits)) & (kBuckets - 1)];
    }
  }
  // Passes alternate between the items and the scratch array.
  Item* from = items;
  Item* to = scratch;
  for (int pass = 0; pass < kPasses; ++pass) {
    auto& count = counts[pass];
    const int shift = low + pass * kBits;
    if (count[(first >> shift) & (kBuckets - 1)] == n) continue;  // one digit
    size_t offset = 0;
    for (size_t& c : count) {
      const size_t here = c;
      c = offset;
      offset += here;
    }
    for (size_t i = 0; i < n; ++i)
      to[count[(SortKey(from[i]) >> shift) & (kBuckets - 1)]++] = from[i];
    std::swap(from, to);
  }
  if (from != items) std::copy(from, from + n, items);
  if (low == 0) return;
  auto by_key = [](const Item& a, const Item& b) { return SortKey(a) < SortKey(b); };
  size_t begin = 0;
  while (begin < n) {
    const uint64_t window = SortKey(items[begin]) >> low;
    size_t end = begin + 1;
    while (end < n && (SortKey(items[end]) >> low) == window) ++end;
    Item* const run_begin = items + begin;
    Item* const run_end = items + end;
    if (std::is_sorted(run_begin, run_end, by_key)) {
      // Equal scores (ties) or already in order: nothing to do.
    } else if (end - begin > 16) {
      std::stable_sort(run_begin, run_end, by_key);
    } else {
      for (size_t i = begin + 1; i < end; ++i) {  // insertion sort, stable
        const Item item = items[i];
        size_t j = i;
        for (; j > begin && by_key(item, items[j - 1]); --j) items[j] = items[j - 1];
        items[j] = item;
      }
    }
    begin = end;
  }
}

// Sorts items[0, n) in place, moving them through `scratch` (room for n
// items, contents ignored): for callers that own their buffers.
template <typename Item>
void RadixSort(Item* items, size_t n, Item* scratch) {
  RadixSortDiffering(items, n, scratch, DifferingBits(items, n));
}

// `scratch` may be null (a fresh one is used).
template <typename Item>
void RadixSort(std::vector<Item>* items, RadixScratch<Item>* scratch = nullptr) {
  const size_t n = items->size();
  if (n < 2) return;
  RadixScratch<Item> own;
  if (scratch == nullptr) scratch = &own;
  if (scratch->size < n) {
    scratch->data.reset(new Item[n]);
    scratch->size = n;
  }
  RadixSort(items->data(), n, scratch->data.get());
}

}  // namespace candor::internal

#endif  // CANDOR_COMMON_RADIX_SORT_HPP_
