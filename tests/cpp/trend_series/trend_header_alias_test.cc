// <candor/trend.hpp>, the header's name before 0.2, still gives the whole
// trend_series API (this file includes nothing else of candor).
#include <gtest/gtest.h>

#include <candor/trend.hpp>

namespace candor {
namespace {

TEST(TrendHeaderAlias, OldNameStillDeclaresTheSeriesApi) {
  const double rising[] = {1, 2, 3, 4, 5};
  Result<MannKendall> test = MannKendallTest(rising, 5);
  ASSERT_TRUE(test.ok()) << test.status().message();
  EXPECT_EQ(test->s, 10);  // every one of the 5 * 4 / 2 pairs increases
}

}  // namespace
}  // namespace candor
