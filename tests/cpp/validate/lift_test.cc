// LiftTable against a table counted by hand (ties kept together), and its
// errors. tests/python/test_validate.py checks it against pandas.
#include <gtest/gtest.h>

#include <candor/validate.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace candor {
namespace {

// Descending: 9 | 8 8 | 7 | 6 | 5 5 5 | 2 | 1, five groups of two. A run's
// group is floor(5 (midrank - 1) / 10): 8 8 (midrank 2.5) -> group 1,
// 5 5 5 (midrank 7) -> group 4, 1 (midrank 10) -> group 5.
TEST(LiftTable, CountedByHandWithTies) {
  const double x[] = {5, 8, 1, 9, 6, 5, 8, 7, 5, 2};
  const uint8_t y[] = {0, 0, 0, 1, 0, 1, 1, 1, 0, 0};
  auto table = LiftTable(x, y, 10, 5);
  ASSERT_TRUE(table.ok()) << table.status().message();
  ASSERT_EQ(table->size(), 5u);
  const int64_t count[] = {3, 1, 1, 3, 2};
  const int64_t positives[] = {2, 1, 0, 1, 0};
  const double rate[] = {2.0 / 3, 1, 0, 1.0 / 3, 0};
  const double gain[] = {0.5, 0.75, 0.75, 1, 1};
  const double cumulative_lift[] = {(2.0 / 3) / 0.4, 0.75 / 0.4, 0.6 / 0.4, 0.5 / 0.4, 1};
  const double low[] = {8, 7, 6, 5, 1};
  const double high[] = {9, 7, 6, 5, 2};
  for (int g = 0; g < 5; ++g) {
    const LiftRow& row = (*table)[g];
    EXPECT_EQ(row.group, g + 1);
    EXPECT_EQ(row.count, count[g]) << g;
    EXPECT_EQ(row.positives, positives[g]) << g;
    EXPECT_DOUBLE_EQ(row.rate, rate[g]) << g;
    EXPECT_DOUBLE_EQ(row.lift, rate[g] / 0.4) << g;
    EXPECT_DOUBLE_EQ(row.gain, gain[g]) << g;
    EXPECT_DOUBLE_EQ(row.cumulative_lift, cumulative_lift[g]) << g;
    EXPECT_EQ(row.score_min, low[g]) << g;
    EXPECT_EQ(row.score_max, high[g]) << g;
  }
  EXPECT_EQ((*table)[4].cumulative_count, 10);
  EXPECT_EQ((*table)[4].cumulative_positives, 4);
}

TEST(LiftTable, EqualGroupsWithoutTies) {
  std::vector<double> x(1000);
  std::vector<uint8_t> y(1000);
  for (int i = 0; i < 1000; ++i) {
    x[i] = (i * 7919) % 1000;  // a permutation of 0..999
    y[i] = x[i] >= 900 ? 1 : 0;
  }
  auto table = LiftTable(x.data(), y.data(), 1000, 10);
  ASSERT_TRUE(table.ok());
  for (const LiftRow& row : *table) EXPECT_EQ(row.count, 100);
  EXPECT_EQ((*table)[0].positives, 100);
  EXPECT_DOUBLE_EQ((*table)[0].lift, 10);
  EXPECT_DOUBLE_EQ((*table)[0].gain, 1);
  EXPECT_EQ((*table)[0].score_min, 900);
}

TEST(LiftTable, ARunOfTiesCanLeaveAGroupEmpty) {
  const double x[] = {1, 1, 1, 1};
  const uint8_t y[] = {1, 0, 0, 1};
  auto table = LiftTable(x, y, 4, 2);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ((*table)[0].count, 4);
  EXPECT_DOUBLE_EQ((*table)[0].lift, 1);
  EXPECT_EQ((*table)[1].count, 0);
  EXPECT_TRUE(std::isnan((*table)[1].rate) && std::isnan((*table)[1].lift));
  EXPECT_TRUE(std::isnan((*table)[1].score_min));
  EXPECT_DOUBLE_EQ((*table)[1].gain, 1);
  EXPECT_DOUBLE_EQ((*table)[1].cumulative_lift, 1);
}

TEST(LiftTable, Errors) {
  const double x[] = {1, 2, 3};
  const uint8_t y[] = {0, 1, 0};
  const uint8_t none[] = {0, 0, 0};
  auto no_positive = LiftTable(x, none, 3, 2);
  EXPECT_EQ(no_positive.status().code(), CANDOR_EMPTY);
  EXPECT_NE(no_positive.status().message().find("no positives"), std::string::npos);
  auto too_many = LiftTable(x, y, 3, 4);
  EXPECT_EQ(too_many.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(too_many.status().message(), "groups must be between 1 and the rows (3); got 4");
  EXPECT_EQ(LiftTable(x, y, 3, 0).status().code(), CANDOR_INVALID_ARGUMENT);
  const double nan[] = {1, std::numeric_limits<double>::quiet_NaN(), 3};
  EXPECT_EQ(LiftTable(nan, y, 3, 2).status().message(), "score[1] is NaN");
  const uint8_t all[] = {1, 1, 1};
  auto all_positive = LiftTable(x, all, 3, 3);  // lift 1 everywhere
  ASSERT_TRUE(all_positive.ok());
  for (const LiftRow& row : *all_positive) EXPECT_DOUBLE_EQ(row.lift, 1);
}

}  // namespace
}  // namespace candor
