// HealthMomentumAsOf on a small history worked out by hand: the delta-method
// standard error of a change, rows shared by both snapshots, clamped points,
// unknown errors, and no interval of zero width.
#include <gtest/gtest.h>

#include <candor/health_history.hpp>
#include <cmath>
#include <vector>

namespace candor {
namespace {

const double kNaN = std::nan("");
constexpr double kZ95 = 1.959963984540054;

struct Fixture {
  // x: linear 0 -> 0 points, 100 -> 100 (points = x), with standard errors;
  // y: linear, exact. Weights 1 each, renormalized over present measures.
  std::vector<int32_t> account{0, 0, 1, 2, 2, 3, 3, 4, 5, 5};
  std::vector<int64_t> time{10, 20, 10, 10, 20, 10, 20, 10, 10, 20};
  std::vector<double> x{40, 50, 30, 120, 130, 50, 60, kNaN, 40, kNaN};
  std::vector<double> x_se{5, 4, 3, 2, 2, kNaN, 1, kNaN, 5, kNaN};
  std::vector<double> y{60, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, 70, kNaN, 80};
  HealthHistory history;
  Scorecard card;

  Fixture() {
    history.n = account.size();
    history.account = account.data();
    history.time = time.data();
    history.accounts = 6;
    history.names = {"x", "y"};
    history.columns = {x.data(), y.data()};
    history.std_error_columns = {x_se.data(), nullptr};
    card.measures.resize(2);
    card.measures[0].name = "x";
    card.measures[1].name = "y";
  }
};

TEST(HealthMomentum, DeltaMethodByHand) {
  Fixture f;
  auto m = HealthMomentumAsOf(f.card, f.history, 30, 15);
  ASSERT_TRUE(m.ok()) << m.status().message();
  // Account 0: now x 50 (se 4), y 60 -> 55; before x 40 (se 5), y 60 -> 50.
  // Each snapshot: d score / dx = 1/2; rows differ: var = (4/2)^2 + (5/2)^2.
  EXPECT_DOUBLE_EQ(m->score[0], 55);
  EXPECT_DOUBLE_EQ(m->previous_score[0], 50);
  EXPECT_DOUBLE_EQ(m->change[0], 5);
  EXPECT_NEAR(m->std_error[0], std::sqrt(4.0 + 6.25), 1e-12);
  EXPECT_NEAR(m->ci_low[0], 5 - kZ95 * std::sqrt(10.25), 1e-9);
  EXPECT_NEAR(m->ci_high[0], 5 + kZ95 * std::sqrt(10.25), 1e-9);
  // Account 1: the same row in both snapshots, same weight: no error, no
  // interval (never one of zero width).
  EXPECT_DOUBLE_EQ(m->change[1], 0);
  EXPECT_EQ(m->std_error[1], 0);
  EXPECT_TRUE(std::isnan(m->ci_low[1]) && std::isnan(m->ci_high[1]));
  // Account 2: x clamped at 100 points in both: no sensitivity to its error.
  EXPECT_DOUBLE_EQ(m->change[2], 0);
  EXPECT_EQ(m->std_error[2], 0);
  EXPECT_TRUE(std::isnan(m->ci_low[2]));
  // Account 3: the earlier value's standard error is not known.
  EXPECT_DOUBLE_EQ(m->change[3], 10);
  EXPECT_TRUE(std::isnan(m->std_error[3]));
  EXPECT_TRUE(std::isnan(m->ci_low[3]));
  // Account 4: only the exact measure: no sampling error known.
  EXPECT_DOUBLE_EQ(m->change[4], 0);
  EXPECT_TRUE(std::isnan(m->std_error[4]));
  // Account 5: x from one row in both snapshots, but y arrived, so x's
  // weight fell from 1 to 1/2: var = (1/2 - 1)^2 * 5^2.
  EXPECT_DOUBLE_EQ(m->change[5], 20);
  EXPECT_NEAR(m->std_error[5], 2.5, 1e-12);
  EXPECT_NEAR(m->ci_high[5] - m->ci_low[5], 2 * kZ95 * 2.5, 1e-9);

  // A narrower level, a narrower interval.
  auto m80 = HealthMomentumAsOf(f.card, f.history, 30, 15, 0.8);
  ASSERT_TRUE(m80.ok());
  EXPECT_NEAR(m80->ci_high[0] - 5, 1.2815515655446004 * std::sqrt(10.25), 1e-9);
}

TEST(HealthMomentum, NoStandardErrorsNoInterval) {
  Fixture f;
  f.history.std_error_columns.clear();
  auto m = HealthMomentumAsOf(f.card, f.history, 30, 15);
  ASSERT_TRUE(m.ok());
  for (size_t a = 0; a < 6; ++a) {
    EXPECT_TRUE(std::isnan(m->std_error[a])) << a;
    EXPECT_TRUE(std::isnan(m->ci_low[a])) << a;
  }
  EXPECT_DOUBLE_EQ(m->change[0], 5);
}

TEST(HealthMomentum, SnapshotKeepsTheRowAndItsError) {
  Fixture f;
  auto s = SnapshotAsOf(f.history, 15);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->source_row[0][0], 0);
  EXPECT_EQ(s->std_errors[0][0], 5);
  EXPECT_TRUE(s->std_errors[1].empty());  // y is exact
  s = SnapshotAsOf(f.history, 30);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->source_row[0][0], 1);
  EXPECT_EQ(s->std_errors[0][0], 4);
  EXPECT_EQ(s->source_row[0][4], -1);
  EXPECT_TRUE(std::isnan(s->std_errors[0][4]));
}

TEST(HealthMomentum, Errors) {
  Fixture f;
  auto e = HealthMomentumAsOf(f.card, f.history, 30, 30);
  EXPECT_EQ(e.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(e.status().message().find("previous 30 is not before as_of 30"), std::string::npos);
  e = HealthMomentumAsOf(f.card, f.history, 30, 15, 1);
  EXPECT_NE(e.status().message().find("level"), std::string::npos);
  f.x_se[3] = -1;
  e = HealthMomentumAsOf(f.card, f.history, 30, 15);
  EXPECT_EQ(e.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(e.status().message().find("std_error of \"x\" at row 3"), std::string::npos);
  f.x_se[3] = 2;
  f.history.std_error_columns = {f.x_se.data()};
  e = HealthMomentumAsOf(f.card, f.history, 30, 15);
  EXPECT_NE(e.status().message().find("1 std_error_columns for 2 columns"), std::string::npos);
}

}  // namespace
}  // namespace candor
