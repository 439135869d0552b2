// SnapshotAsOf and DaysInGrade on small histories worked out by hand: what
// a snapshot may read (nothing at or after the cut-off), ties in time, and
// the unbroken run in a grade.
#include <gtest/gtest.h>

#include <candor/health_history.hpp>
#include <cmath>
#include <random>
#include <vector>

namespace candor {
namespace {

const double kNaN = std::nan("");
constexpr int64_t kDay = 86400;

TEST(HealthHistory, SnapshotReadsOnlyWhatCameBefore) {
  // Account 0: x 1 at t 10, NaN at 20, 3 at 30; y 7 at 20.
  // Account 1: x 5 then 6 at t 25 (the later row wins).
  const std::vector<int32_t> account{0, 0, 0, 1, 1};
  const std::vector<int64_t> time{10, 20, 30, 25, 25};
  const std::vector<double> x{1, kNaN, 3, 5, 6};
  const std::vector<double> y{kNaN, 7, kNaN, kNaN, kNaN};
  HealthHistory h;
  h.n = 5;
  h.account = account.data();
  h.time = time.data();
  h.accounts = 3;
  h.names = {"x", "y"};
  h.columns = {x.data(), y.data()};
  auto s = SnapshotAsOf(h, 30);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->columns[0][0], 1);  // the row at 30 is not before 30; NaN at 20 skipped
  EXPECT_EQ(s->columns[1][0], 7);
  EXPECT_EQ(s->columns[0][1], 6);
  EXPECT_TRUE(std::isnan(s->columns[0][2]));  // account 2: no rows
  EXPECT_EQ(s->table.n, 3u);
  EXPECT_EQ(s->table.columns[0], s->columns[0].data());
  s = SnapshotAsOf(h, 31);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->columns[0][0], 3);
  s = SnapshotAsOf(h, 10);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(std::isnan(s->columns[0][0]));
  // The snapshot survives a move with its table's pointers.
  HealthSnapshot moved = std::move(s).value();
  EXPECT_EQ(moved.table.columns[0], moved.columns[0].data());

  std::vector<int32_t> bad = account;
  bad[3] = 3;
  h.account = bad.data();
  auto e = SnapshotAsOf(h, 30);
  EXPECT_EQ(e.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(e.status().message().find("account[3] = 3"), std::string::npos);
}

TEST(HealthHistory, DaysInGradeCountsTheUnbrokenRun) {
  // Account 0: 20 on day 0 (critical), 80 on day 14 (healthy), 85 on day 28.
  // Account 1: 50 on day 0 (at risk) and nothing since. Account 2: no rows.
  const std::vector<int32_t> account{0, 0, 0, 1};
  const std::vector<int64_t> time{0, 14 * kDay, 28 * kDay, 0};
  const std::vector<double> x{20, 80, 85, 50};
  HealthHistory h;
  h.n = 4;
  h.account = account.data();
  h.time = time.data();
  h.accounts = 3;
  h.names = {"x"};
  h.columns = {x.data()};
  Scorecard card;
  card.measures.resize(1);
  card.measures[0].name = "x";
  // As of day 30, weekly: day 23 and 16 read 80 (healthy), day 9 reads 20.
  auto r = DaysInGrade(card, h, 30 * kDay, 7, 3);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->grade, (std::vector<int32_t>{0, 1, -1}));
  EXPECT_EQ(r->days[0], 14);
  EXPECT_FALSE(r->capped[0]);
  EXPECT_EQ(r->days[1], 21);  // at risk in all three snapshots back
  EXPECT_TRUE(r->capped[1]);
  EXPECT_EQ(r->days[2], -1);
  // As of day 15 the healthy value of day 14 is one day old: the snapshot a
  // week back reads 20, so 0 days (less than one step).
  r = DaysInGrade(card, h, 15 * kDay, 7, 3);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->grade[0], 0);
  EXPECT_EQ(r->days[0], 0);
  EXPECT_EQ(DaysInGrade(card, h, 30 * kDay, 0, 3).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(DaysInGrade(card, h, 30 * kDay, 7, 0).status().code(), CANDOR_INVALID_ARGUMENT);
}

// DaysInGrade scores a step again only when its cut-off leaves out a row
// time: against every step scored from scratch, on a random history whose
// irregular times make many steps share a snapshot, with a percentile
// measure (each account's points depend on the others').
TEST(HealthHistory, DaysInGradeEqualsEveryStepScoredFromScratch) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  const size_t accounts = 40;
  std::vector<int32_t> account;
  std::vector<int64_t> time;
  std::vector<double> x, y;
  for (size_t a = 0; a < accounts; ++a) {
    for (int k = 0; k < 6; ++k) {
      account.push_back(static_cast<int32_t>(a));
      time.push_back(static_cast<int64_t>(u(rng) * 90) * kDay);  // days 0..89, ties
      x.push_back(u(rng) < 0.2 ? kNaN : 100 * u(rng));
      y.push_back(u(rng) < 0.2 ? kNaN : u(rng));
    }
  }
  HealthHistory h;
  h.n = account.size();
  h.account = account.data();
  h.time = time.data();
  h.accounts = accounts + 1;  // one account without rows
  h.names = {"x", "y"};
  h.columns = {x.data(), y.data()};
  Scorecard card;
  card.measures.resize(2);
  card.measures[0].name = "x";
  card.measures[1].name = "y";
  card.measures[1].transform = HealthTransform::kPercentile;
  for (double step_days : {1.0, 3.5, 7.0, 30.0}) {
    const int64_t as_of = 95 * kDay;
    const int max_steps = 40;
    auto fast = DaysInGrade(card, h, as_of, step_days, max_steps);
    ASSERT_TRUE(fast.ok()) << fast.status().message();
    // From scratch: the grade at every step back.
    std::vector<std::vector<int32_t>> grades;
    for (int s = 0; s <= max_steps; ++s) {
      const int64_t back = as_of - static_cast<int64_t>(std::llround(s * step_days * kDay));
      auto snapshot = SnapshotAsOf(h, back);
      ASSERT_TRUE(snapshot.ok());
      auto scores = ScoreHealth(card, snapshot->table);
      ASSERT_TRUE(scores.ok());
      grades.push_back(scores->grade);
    }
    for (size_t a = 0; a < h.accounts; ++a) {
      EXPECT_EQ(fast->grade[a], grades[0][a]);
      if (grades[0][a] < 0) {
        EXPECT_EQ(fast->days[a], -1);
        continue;
      }
      int run = 0;
      while (run < max_steps && grades[run + 1][a] == grades[0][a]) ++run;
      EXPECT_EQ(fast->days[a], run * step_days) << a << " " << step_days;
      EXPECT_EQ(fast->capped[a], run == max_steps) << a;
    }
  }
}

}  // namespace
}  // namespace candor
