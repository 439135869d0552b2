// The radix sort on order-preserving keys against std::sort.
#include "common/radix_sort.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace candor::internal {
namespace {

TEST(OrderedKey, SortsAsTheDoubles) {
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> ascending = {-inf,     -1e308, -2.5, -1,  -1e-300, -4.9e-324, 0,
                                         4.9e-324, 1e-300, 1,    2.5, 1e308,   inf};
  for (size_t i = 0; i + 1 < ascending.size(); ++i) {
    EXPECT_LT(OrderedKey(ascending[i]), OrderedKey(ascending[i + 1])) << ascending[i];
  }
  for (double x : ascending) EXPECT_EQ(KeyValue(OrderedKey(x)), x);
  EXPECT_EQ(OrderedKey(-0.0), OrderedKey(0.0));  // equal doubles tie
}

TEST(RadixSort, MatchesStdSortAndCarriesRows) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal(0, 1e3);
  for (size_t n : {0, 1, 2, 17, 1000, 100000}) {
    std::vector<double> x(n);
    for (size_t i = 0; i < n; ++i) {
      // Ties (rounded values), both zeros and infinities among them.
      x[i] = (i % 3 == 0) ? std::round(normal(rng) / 100) : normal(rng);
      if (i % 101 == 5) x[i] = -0.0;
      if (i % 997 == 7) x[i] = (i % 2 ? 1 : -1) * std::numeric_limits<double>::infinity();
    }
    std::vector<KeyedRow> items(n);
    for (size_t i = 0; i < n; ++i) items[i] = {OrderedKey(x[i]), i};
    RadixSort(&items);
    std::vector<double> expected = x;
    std::stable_sort(expected.begin(), expected.end());
    for (size_t i = 0; i < n; ++i) {
      ASSERT_EQ(KeyValue(items[i].key), expected[i]) << n << " " << i;
      ASSERT_EQ(items[i].key, OrderedKey(x[items[i].row])) << "row carried with its key";
      if (i > 0 && items[i].key == items[i - 1].key) {
        ASSERT_LT(items[i - 1].row, items[i].row) << "stable";
      }
    }
  }
}

TEST(RadixSort, NarrowRangeSkipsPassesAndStaysCorrect) {
  // Probabilities in (0.25, 0.5): the top digits are all equal.
  std::vector<uint64_t> keys;
  std::vector<double> x;
  for (int i = 0; i < 5000; ++i) x.push_back(0.25 + 0.25 * ((i * 7919) % 5000) / 5000.0 + 1e-9);
  for (double v : x) keys.push_back(OrderedKey(v));
  RadixSort(&keys);
  std::sort(x.begin(), x.end());
  for (size_t i = 0; i < x.size(); ++i) ASSERT_EQ(KeyValue(keys[i]), x[i]);
}

// Keys that agree on the 32 bits below their highest differing bit are
// ordered by the whole key afterwards: short runs by insertion, long ones by
// a comparison sort. Values within 2^-30 of 1 and one far away make one run
// of 3000; pairs 2^-40 apart make runs of two.
TEST(RadixSort, KeysAgreeingOnTheWindowAreOrderedByTheWholeKey) {
  std::vector<double> x;
  for (int i = 0; i < 3000; ++i) x.push_back(1 + ((i * 7919) % 3000) * 0x1.0p-42);
  x.push_back(1e300);
  for (int i = 0; i < 500; ++i) {
    x.push_back(2.0 + i);
    x.push_back(2.0 + i + i * 0x1.0p-40);
  }
  std::vector<KeyedRow> items;
  for (size_t i = 0; i < x.size(); ++i) items.push_back({OrderedKey(x[x.size() - 1 - i]), i});
  RadixSort(&items);
  std::vector<double> expected = x;
  std::sort(expected.begin(), expected.end());
  for (size_t i = 0; i < x.size(); ++i) {
    ASSERT_EQ(KeyValue(items[i].key), expected[i]) << i;
    if (i > 0 && items[i].key == items[i - 1].key) ASSERT_LT(items[i - 1].row, items[i].row);
  }
}

}  // namespace
}  // namespace candor::internal
