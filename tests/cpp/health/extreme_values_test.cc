// ScoreHealth at the edges of the double range, from the fuzzer's findings
// (fuzz/regressions/health/): weights are relative, so weights near the
// largest double must score like weights 1; a z-score is scale-free, so a
// column near the largest (or smallest) double must score like the same
// column scaled to ordinary values.
#include <gtest/gtest.h>

#include <candor/health.hpp>
#include <cmath>
#include <string>
#include <vector>

namespace candor {
namespace {

const double kNaN = std::nan("");

HealthMeasure Measure(const std::string& name, const std::string& group, double weight) {
  HealthMeasure m;
  m.name = name;
  m.group = group;
  m.weight = weight;
  return m;
}

// Two groups of two linear measures (0 -> 0 points, 100 -> 100), one value
// missing; every account's score, coverage and shares with `group_weight`
// and `measure_weight` for every weight.
Result<HealthScores> ScoreWithWeights(double group_weight, double measure_weight,
                                      HealthMissing missing, HealthCombine combine) {
  static const std::vector<double> a{10, 80, kNaN}, b{30, 20, 50}, c{90, kNaN, 40}, d{60, 70, kNaN};
  Scorecard card;
  card.groups = {{"support", group_weight}, {"usage", group_weight}};
  card.measures = {Measure("a", "support", measure_weight), Measure("b", "support", measure_weight),
                   Measure("c", "usage", measure_weight), Measure("d", "usage", measure_weight)};
  card.missing = missing;
  card.combine = combine;
  HealthTable table;
  table.n = 3;
  table.names = {"a", "b", "c", "d"};
  table.columns = {a.data(), b.data(), c.data(), d.data()};
  return ScoreHealth(card, table);
}

// fuzz/regressions/health/group_weights_sum_past_double_range: two group
// weights of 1e308 sum to inf; coverage was inf / inf = NaN and every share 0.
// Two measure weights of 1.7e308 in a group: the group's score was NaN (and
// worst-of then wrote past its vector of group shares).
TEST(HealthScoreExtremes, HugeWeightsScoreLikeEqualWeights) {
  for (HealthMissing missing :
       {HealthMissing::kRenormalize, HealthMissing::kZero, HealthMissing::kGroupMean}) {
    for (HealthCombine combine : {HealthCombine::kWeightedMean, HealthCombine::kWorstOf}) {
      auto ones = ScoreWithWeights(1, 1, missing, combine);
      ASSERT_TRUE(ones.ok()) << ones.status().message();
      for (const auto& [group_weight, measure_weight] :
           {std::pair{1e308, 1.0}, std::pair{1.0, 1.7e308}, std::pair{1.7e308, 1.7e308},
            std::pair{1e-310, 4.9e-324}}) {
        auto huge = ScoreWithWeights(group_weight, measure_weight, missing, combine);
        ASSERT_TRUE(huge.ok()) << huge.status().message();
        for (size_t r = 0; r < 3; ++r) {
          const std::string where = "missing " + std::to_string(static_cast<int>(missing)) +
                                    ", combine " + std::to_string(static_cast<int>(combine)) +
                                    ", weights " + std::to_string(group_weight) + " and " +
                                    std::to_string(measure_weight) + ", row " + std::to_string(r);
          EXPECT_NEAR(huge->score[r], ones->score[r], 1e-9) << where;
          EXPECT_NEAR(huge->coverage[r], ones->coverage[r], 1e-12) << where;
          double shares = 0;
          for (size_t i = 0; i < 4; ++i) {
            EXPECT_NEAR(huge->max_contribution[r * 4 + i], ones->max_contribution[r * 4 + i], 1e-9)
                << where << ", measure " << i;
            shares += huge->max_contribution[r * 4 + i];
          }
          EXPECT_NEAR(shares, 100, 1e-9) << where;
        }
      }
    }
  }
}

std::vector<double> ZScorePoints(const std::vector<double>& values) {
  Scorecard card;
  HealthMeasure m = Measure("growth", "", 1);
  m.transform = HealthTransform::kZScore;
  m.z_span = 1.5;
  card.measures = {m};
  HealthTable table;
  table.n = values.size();
  table.names = {"growth"};
  table.columns = {values.data()};
  auto s = ScoreHealth(card, table);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? s->points : std::vector<double>();
}

// fuzz/regressions/health/z_score_sum_past_double_range: a z-score column
// holding 1.7e308 summed to inf, so its mean was inf and every account's
// points NaN (as if it had no data). Tiny values lost their spread instead:
// their squared deviations underflowed to 0, so every account had 50 points.
TEST(HealthScoreExtremes, ZScoreIsScaleFreeAtTheEdgesOfTheDoubleRange) {
  const std::vector<double> ordinary{8, 10, 2, 1.7, 5, kNaN, 1, 15};
  const std::vector<double> expected = ZScorePoints(ordinary);
  ASSERT_EQ(expected.size(), ordinary.size());
  for (double scale : {1e307, 1e300, 1e-300, 1e-310}) {
    std::vector<double> scaled = ordinary;
    for (double& x : scaled) x *= scale;
    const std::vector<double> points = ZScorePoints(scaled);
    ASSERT_EQ(points.size(), ordinary.size());
    for (size_t r = 0; r < ordinary.size(); ++r) {
      if (std::isnan(ordinary[r])) {
        EXPECT_TRUE(std::isnan(points[r])) << scale << ", row " << r;
      } else {
        // 1e-310 is subnormal: its scaled values carry about 5 digits.
        EXPECT_NEAR(points[r], expected[r], scale < 1e-307 ? 1e-3 : 1e-9) << scale << ", row " << r;
      }
    }
  }
}

std::vector<double> LinearPoints(double zero_at, double full_at,
                                 const std::vector<double>& values) {
  Scorecard card;
  HealthMeasure m = Measure("x", "", 1);
  m.zero_at = zero_at;
  m.full_at = full_at;
  card.measures = {m};
  HealthTable table;
  table.n = values.size();
  table.names = {"x"};
  table.columns = {values.data()};
  auto s = ScoreHealth(card, table);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? s->points : std::vector<double>();
}

// fuzz/regressions/health/linear_subnormal_span: zero_at 0, full_at
// 4.9e-324 made the scale 100 / 4.9e-324 = inf and the value 0 got
// 0 * inf = NaN points. A span past the double range (-1e308 to 1e308) made
// the scale 0: every finite value 0 points and +-inf NaN.
TEST(HealthScoreExtremes, LinearSpansAtTheEdgesOfTheDoubleRange) {
  const double tiny = 4.9e-324;
  EXPECT_EQ(LinearPoints(0, tiny, {0, tiny, 1, -1}), (std::vector<double>{0, 100, 100, 0}));
  EXPECT_EQ(LinearPoints(tiny, 0, {0, tiny, 1, -1}), (std::vector<double>{100, 0, 0, 100}));
  EXPECT_EQ(LinearPoints(-1e308, 1e308, {0, 5e307, INFINITY, -INFINITY, 1e308}),
            (std::vector<double>{50, 75, 100, 0, 100}));
  EXPECT_EQ(LinearPoints(1.7e308, -1.7e308, {0, INFINITY, -INFINITY}),
            (std::vector<double>{50, 0, 100}));
}

}  // namespace
}  // namespace candor
