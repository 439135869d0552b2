// The walk over tied runs against counting by hand (the radix sort itself:
// tests/cpp/common/radix_sort_test.cc).
#include "sorted_keys.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace candor::validate_internal {
namespace {

TEST(ForEachTiedRun, CountsBelowTiedAndAbove) {
  // Positives 1 2 2 5, negatives 0 2 3 5 5.
  std::vector<uint64_t> positives, negatives;
  for (double v : {1, 2, 2, 5}) positives.push_back(OrderedKey(v));
  for (double v : {0, 2, 3, 5, 5}) negatives.push_back(OrderedKey(v));
  std::vector<TiedRun> runs;
  ForEachTiedRun(positives, negatives, [&](const TiedRun& run) { runs.push_back(run); });
  ASSERT_EQ(runs.size(), 5u);  // 0, 1, 2, 3, 5
  EXPECT_EQ(runs[2].positive_begin, 1u);
  EXPECT_EQ(runs[2].positive_end, 3u);
  EXPECT_EQ(runs[2].negative_begin, 1u);
  EXPECT_EQ(runs[2].negative_end, 2u);
  // Positive 2: one negative below, one tied: (1 + 0.5) / 5.
  EXPECT_DOUBLE_EQ(PositivePlacement(runs[2], 5), 1.5 / 5);
  // Negative 2: one positive above (5) and two tied: (1 + 1) / 4.
  EXPECT_DOUBLE_EQ(NegativePlacement(runs[2], 4), 2.0 / 4);
  // Run 5: one positive, two negatives, nothing above.
  EXPECT_DOUBLE_EQ(PositivePlacement(runs[4], 5), (3 + 1.0) / 5);
  EXPECT_DOUBLE_EQ(NegativePlacement(runs[4], 4), 0.5 / 4);
}

}  // namespace
}  // namespace candor::validate_internal
