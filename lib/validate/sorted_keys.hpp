// Sorting scores by their bits: order-preserving 64-bit keys, an LSD radix
// sort that carries row indices along, and the walk over tied runs of two
// sorted classes that every rank statistic here is built on.
#ifndef CANDOR_VALIDATE_SORTED_KEYS_HPP_
#define CANDOR_VALIDATE_SORTED_KEYS_HPP_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace candor::validate_internal {

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

// Sorts keys ascending, moving payload[i] with keys[i] when payload is not
// null: least-significant-digit radix sort with 11-bit digits (6 passes of
// 2048 buckets; a pass where every key has the same digit is skipped, as
// are most passes for scores on a narrow range). Stable, O(n) per pass.
template <typename Payload>
void RadixSort(std::vector<uint64_t>* keys, std::vector<Payload>* payload) {
  constexpr int kBits = 11;
  constexpr int kPasses = (64 + kBits - 1) / kBits;
  constexpr size_t kBuckets = size_t{1} << kBits;
  const size_t n = keys->size();
  if (n < 2) return;
  std::vector<std::array<size_t, kBuckets>> counts(kPasses);
  for (auto& c : counts) c.fill(0);
  for (uint64_t key : *keys) {
    for (int pass = 0; pass < kPasses; ++pass) {
      ++counts[pass][(key >> (pass * kBits)) & (kBuckets - 1)];
    }
  }
  std::vector<uint64_t> key_buffer(n);
  std::vector<Payload> payload_buffer(payload != nullptr ? n : 0);
  for (int pass = 0; pass < kPasses; ++pass) {
    auto& count = counts[pass];
    const int shift = pass * kBits;
    if (count[((*keys)[0] >> shift) & (kBuckets - 1)] == n) continue;  // one digit: no move
    size_t offset = 0;
    for (size_t& c : count) {
      const size_t here = c;
      c = offset;
      offset += here;
    }
    for (size_t i = 0; i < n; ++i) {
      const uint64_t key = (*keys)[i];
      const size_t to = count[(key >> shift) & (kBuckets - 1)]++;
      key_buffer[to] = key;
      if (payload != nullptr) payload_buffer[to] = (*payload)[i];
    }
    keys->swap(key_buffer);
    if (payload != nullptr) payload->swap(payload_buffer);
  }
}

inline void RadixSort(std::vector<uint64_t>* keys) { RadixSort<uint32_t>(keys, nullptr); }

// One run of equal keys across two sorted lists: positives
// [positive_begin, positive_end) and negatives [negative_begin,
// negative_end) all hold the same key; the runs come in ascending key order.
struct TiedRun {
  size_t positive_begin;
  size_t positive_end;
  size_t negative_begin;
  size_t negative_end;
};

// Calls visit(run) for every distinct key of the merged sorted lists.
template <typename Visit>
void ForEachTiedRun(const std::vector<uint64_t>& positives, const std::vector<uint64_t>& negatives,
                    Visit&& visit) {
  const size_t m = positives.size();
  const size_t k = negatives.size();
  size_t i = 0;
  size_t j = 0;
  while (i < m || j < k) {
    uint64_t key;
    if (i == m) {
      key = negatives[j];
    } else if (j == k) {
      key = positives[i];
    } else {
      key = positives[i] < negatives[j] ? positives[i] : negatives[j];
    }
    TiedRun run{i, i, j, j};
    while (run.positive_end < m && positives[run.positive_end] == key) ++run.positive_end;
    while (run.negative_end < k && negatives[run.negative_end] == key) ++run.negative_end;
    visit(run);
    i = run.positive_end;
    j = run.negative_end;
  }
}

// The placement values of a run (see validate.hpp): for its positives, the
// share of negatives below plus half those tied; for its negatives, the
// share of positives above plus half those tied.
inline double PositivePlacement(const TiedRun& run, size_t negatives) {
  return (static_cast<double>(run.negative_begin) +
          0.5 * static_cast<double>(run.negative_end - run.negative_begin)) /
         static_cast<double>(negatives);
}
inline double NegativePlacement(const TiedRun& run, size_t positives) {
  return (static_cast<double>(positives - run.positive_end) +
          0.5 * static_cast<double>(run.positive_end - run.positive_begin)) /
         static_cast<double>(positives);
}

}  // namespace candor::validate_internal

#endif  // CANDOR_VALIDATE_SORTED_KEYS_HPP_
