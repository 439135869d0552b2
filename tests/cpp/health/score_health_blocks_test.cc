// ScoreHealth computes the row-wise transforms (linear, tiers, boolean) a
// block of rows at a time: on a table of several blocks and a part block,
// every account must get what it gets scored alone.
#include <gtest/gtest.h>

#include <candor/health.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace candor {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Scorecard RowWiseCard() {
  Scorecard card;
  card.groups = {{"support", 1}, {"usage", 2}};
  HealthMeasure tickets;
  tickets.name = "tickets";
  tickets.group = "support";
  tickets.zero_at = 20;
  tickets.full_at = 0;
  HealthMeasure champion;
  champion.name = "champion";
  champion.group = "support";
  champion.transform = HealthTransform::kBoolean;
  champion.false_points = 20;
  HealthMeasure seats;
  seats.name = "seats";
  seats.group = "usage";
  seats.weight = 2;
  seats.transform = HealthTransform::kTiers;
  seats.tiers = {{-kInf, 10, true, false, 0, "few"},
                 {10, 50, true, false, 60, "some"},
                 {50, kInf, true, false, 100, "many"}};
  card.measures = {tickets, champion, seats};
  return card;
}

TEST(HealthScoreBlocks, EveryAccountScoresAsItDoesAlone) {
  const Scorecard card = RowWiseCard();
  const size_t n = 1300;  // blocks of 512: two whole and a part
  std::mt19937_64 random(13);
  std::uniform_real_distribution<double> uniform(0, 1);
  std::vector<std::vector<double>> columns(3, std::vector<double>(n));
  for (size_t r = 0; r < n; ++r) {
    columns[0][r] = std::floor(25 * uniform(random));
    columns[1][r] = uniform(random) < 0.5 ? 1 : 0;
    columns[2][r] = std::floor(80 * uniform(random));
    for (auto& column : columns) {
      if (uniform(random) < 0.1) column[r] = std::nan("");
    }
  }
  HealthTable table;
  table.n = n;
  table.names = {"tickets", "champion", "seats"};
  for (const auto& column : columns) table.columns.push_back(column.data());
  auto all = ScoreHealth(card, table);
  ASSERT_TRUE(all.ok()) << all.status().message();

  const size_t m = card.measures.size();
  for (size_t r = 0; r < n; ++r) {
    HealthTable one;
    one.n = 1;
    one.names = table.names;
    for (const auto& column : columns) one.columns.push_back(column.data() + r);
    auto alone = ScoreHealth(card, one);
    ASSERT_TRUE(alone.ok()) << alone.status().message();
    if (std::isnan(alone->score[0])) {
      EXPECT_TRUE(std::isnan(all->score[r])) << "row " << r;
    } else {
      EXPECT_EQ(all->score[r], alone->score[0]) << "row " << r;
    }
    EXPECT_EQ(all->grade[r], alone->grade[0]) << "row " << r;
    EXPECT_EQ(all->coverage[r], alone->coverage[0]) << "row " << r;
    for (size_t j = 0; j < m; ++j) {
      const double p = all->points[r * m + j];
      const double q = alone->points[j];
      EXPECT_TRUE(p == q || (std::isnan(p) && std::isnan(q))) << "row " << r << " measure " << j;
      EXPECT_EQ(all->contribution[r * m + j], alone->contribution[j]) << "row " << r;
    }
    ASSERT_EQ(all->reason_count[r], alone->reason_count[0]) << "row " << r;
    for (int32_t k = 0; k < alone->reason_count[0]; ++k) {
      EXPECT_EQ(all->reason_measure[r * all->max_reasons + k], alone->reason_measure[k]);
    }
  }
}

}  // namespace
}  // namespace candor
