// The walk over tied runs of two sorted classes that every rank statistic
// here is built on; the keys and their radix sort are common/radix_sort.hpp.
#ifndef CANDOR_VALIDATE_SORTED_KEYS_HPP_
#define CANDOR_VALIDATE_SORTED_KEYS_HPP_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/radix_sort.hpp"

namespace candor::validate_internal {

using internal::KeyedRow;
using internal::KeyValue;
using internal::OrderedKey;
using internal::RadixScratch;
using internal::RadixSort;

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
