// ScoreHealth against scores worked out by hand (the arithmetic is in the
// comments), for every transform, missing-data policy, worst-of and profiles;
// the identities every account keeps (score = sum of contributions, the
// shares sum to 100) on random tables; the errors.
#include <gtest/gtest.h>

#include <candor/health.hpp>
#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace candor {
namespace {

const double kNaN = std::nan("");

HealthMeasure Linear(const std::string& name, const std::string& group, double zero_at,
                     double full_at) {
  HealthMeasure m;
  m.name = name;
  m.group = group;
  m.zero_at = zero_at;
  m.full_at = full_at;
  return m;
}

// Support (weight 1): tickets (20 -> 0 points, 0 -> 100) and csat (1 -> 0,
// 5 -> 100); usage (weight 2): logins as a percentile.
Scorecard Card() {
  Scorecard card;
  card.groups = {{"support", 1}, {"usage", 2}};
  HealthMeasure logins;
  logins.name = "logins";
  logins.label = "Logins";
  logins.group = "usage";
  logins.transform = HealthTransform::kPercentile;
  card.measures = {Linear("tickets", "support", 20, 0), Linear("csat", "support", 1, 5), logins};
  card.measures[0].label = "Open tickets";
  return card;
}

// r0: tickets 5 -> 75, csat 4 -> 75, logins 10 -> percentile 100 * 0.5 / 3
// r1: tickets 30 -> 0 (clamped), csat missing, logins 20 -> 100 * (1 + 1) / 3
// r2: tickets and csat missing, logins 20 (tied with r1)
// r3: tickets 0 -> 100, csat 5 -> 100, logins missing
struct Table {
  std::vector<double> tickets{5, 30, kNaN, 0};
  std::vector<double> csat{4, kNaN, kNaN, 5};
  std::vector<double> logins{10, 20, 20, kNaN};
  HealthTable table;
  Table() {
    table.n = 4;
    table.names = {"logins", "csat", "tickets"};  // any order
    table.columns = {logins.data(), csat.data(), tickets.data()};
  }
};

constexpr double kThird = 100.0 / 3;

void ExpectIdentities(const HealthScores& s) {
  for (size_t r = 0; r < s.n; ++r) {
    if (std::isnan(s.score[r])) continue;
    double sum = 0;
    double shares = 0;
    for (size_t i = 0; i < s.measures; ++i) {
      sum += s.contribution[r * s.measures + i];
      shares += s.max_contribution[r * s.measures + i];
      EXPECT_LE(s.contribution[r * s.measures + i], s.max_contribution[r * s.measures + i] + 1e-12);
    }
    EXPECT_NEAR(sum, s.score[r], 1e-9) << r;
    EXPECT_NEAR(shares, 100, 1e-9) << r;
  }
}

TEST(HealthScore, RenormalizeByHand) {
  Table t;
  auto s = ScoreHealth(Card(), t.table);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_NEAR(s->points[0 * 3 + 2], 100.0 / 6, 1e-12);
  EXPECT_NEAR(s->points[1 * 3 + 2], 2 * kThird, 1e-12);
  EXPECT_NEAR(s->points[2 * 3 + 2], 2 * kThird, 1e-12);
  EXPECT_TRUE(std::isnan(s->points[3 * 3 + 2]));
  EXPECT_EQ(s->points[1 * 3 + 0], 0.0);  // 30 tickets: clamped
  // r0: support 75, usage 16.67: (75 + 2 * 16.67) / 3.
  EXPECT_NEAR(s->score[0], (75 + 2 * 100.0 / 6) / 3, 1e-12);
  EXPECT_NEAR(s->coverage[0], 1, 1e-15);
  // r1: support = tickets alone = 0; usage 66.67.
  EXPECT_NEAR(s->score[1], 2 * 2 * kThird / 3, 1e-12);
  EXPECT_NEAR(s->coverage[1], 1.0 / 6 + 2.0 / 3, 1e-15);
  // r2: usage alone; r3: support alone.
  EXPECT_NEAR(s->score[2], 2 * kThird, 1e-12);
  EXPECT_NEAR(s->coverage[2], 2.0 / 3, 1e-15);
  EXPECT_NEAR(s->score[3], 100, 1e-12);
  EXPECT_NEAR(s->coverage[3], 1.0 / 3, 1e-15);
  // Grades (healthy >= 70, at risk >= 40, critical >= 0).
  EXPECT_EQ(s->grade, (std::vector<int32_t>{2, 1, 1, 0}));
  // r0's contributions: each support measure 1/6 of 100 at 75 points.
  EXPECT_NEAR(s->contribution[0], 12.5, 1e-12);
  EXPECT_NEAR(s->max_contribution[0], 100.0 / 6, 1e-12);
  EXPECT_NEAR(s->max_contribution[2], 2 * kThird, 1e-12);
  // Reasons: logins lost 55.6, then tickets and csat 4.17 each (in order).
  ASSERT_EQ(s->reason_count[0], 3);
  EXPECT_EQ(s->reason_measure[0], 2);
  EXPECT_EQ(s->reason_measure[1], 0);
  EXPECT_EQ(s->reason_measure[2], 1);
  // r1's csat is missing: no share, not a reason under kRenormalize.
  EXPECT_EQ(s->max_contribution[1 * 3 + 1], 0.0);
  EXPECT_EQ(s->reason_count[3], 0);  // r3 scores 100
  ExpectIdentities(*s);

  auto text = HealthReasonText(Card(), *s, 0, 0);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "Logins 10 (percentile 17): -55.6 points");
  EXPECT_EQ(*HealthReasonText(Card(), *s, 0, 1), "Open tickets 5: -4.2 points");
  EXPECT_EQ(HealthReasonText(Card(), *s, 0, 3).status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(HealthReasonText(Card(), *s, 4, 0).status().code(), CANDOR_OUT_OF_RANGE);
}

TEST(HealthScore, ZeroAndGroupMeanByHand) {
  Table t;
  Scorecard card = Card();
  card.missing = HealthMissing::kZero;
  auto s = ScoreHealth(card, t.table);
  ASSERT_TRUE(s.ok());
  EXPECT_NEAR(s->score[1], 2 * 2 * kThird / 3, 1e-12);  // support (0 + 0) / 2
  EXPECT_NEAR(s->score[2], 2 * 2 * kThird / 3, 1e-12);  // support 0
  EXPECT_NEAR(s->score[3], 100.0 / 3, 1e-12);           // usage 0
  EXPECT_NEAR(s->coverage[3], 1.0 / 3, 1e-15);          // the policy is not evidence
  // r1's missing csat loses its whole share and is a reason in words.
  EXPECT_NEAR(s->max_contribution[1 * 3 + 1], 100.0 / 6, 1e-12);
  EXPECT_EQ(s->contribution[1 * 3 + 1], 0.0);
  bool named = false;
  for (int k = 0; k < s->reason_count[1]; ++k) {
    auto text = HealthReasonText(card, *s, 1, static_cast<size_t>(k));
    ASSERT_TRUE(text.ok());
    named = named || *text == "csat: no data (-16.7 points)";
  }
  EXPECT_TRUE(named);
  ExpectIdentities(*s);

  card.missing = HealthMissing::kGroupMean;
  s = ScoreHealth(card, t.table);
  ASSERT_TRUE(s.ok());
  // r0 has everything: as renormalize. r1: csat takes the support mean (0).
  EXPECT_NEAR(s->score[0], (75 + 2 * 100.0 / 6) / 3, 1e-12);
  EXPECT_NEAR(s->score[1], 2 * 2 * kThird / 3, 1e-12);
  EXPECT_NEAR(s->max_contribution[1 * 3 + 1], 100.0 / 6, 1e-12);
  // r2 has no support data: the group is left out. r3 likewise for usage.
  EXPECT_NEAR(s->score[2], 2 * kThird, 1e-12);
  EXPECT_NEAR(s->score[3], 100, 1e-12);
  ExpectIdentities(*s);

  // A row without any data has no score and no grade.
  t.logins[2] = kNaN;
  s = ScoreHealth(card, t.table);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(std::isnan(s->score[2]));
  EXPECT_EQ(s->grade[2], -1);
  EXPECT_EQ(s->coverage[2], 0.0);
}

TEST(HealthScore, WorstOfTakesTheWeakestGroup) {
  Table t;
  Scorecard card = Card();
  card.combine = HealthCombine::kWorstOf;
  auto s = ScoreHealth(card, t.table);
  ASSERT_TRUE(s.ok());
  EXPECT_NEAR(s->score[0], 100.0 / 6, 1e-12);  // min(75, 16.7)
  EXPECT_NEAR(s->max_contribution[0 * 3 + 2], 100, 1e-12);
  EXPECT_EQ(s->max_contribution[0 * 3 + 0], 0.0);
  EXPECT_EQ(s->score[1], 0.0);  // min(0, 66.7)
  EXPECT_NEAR(s->max_contribution[1 * 3 + 0], 100, 1e-12);
  EXPECT_NEAR(s->score[3], 100, 1e-12);  // support alone
  ExpectIdentities(*s);
}

TEST(HealthScore, ProfilesReweightTheirSegment) {
  Table t;
  Scorecard card = Card();
  // Trials: no usage group; csat counts 3 times tickets.
  card.profiles = {{"trial", {1, 3, kNaN}, {kNaN, 0}}};
  const std::vector<int32_t> segment{0, 1, 1, 0};
  t.table.segment = segment.data();
  t.table.segment_names = {"trial", "paying"};
  auto s = ScoreHealth(card, t.table);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_NEAR(s->score[0], 75, 1e-12);  // (75 + 3 * 75) / 4
  EXPECT_NEAR(s->max_contribution[0 * 3 + 1], 75, 1e-12);
  EXPECT_EQ(s->max_contribution[0 * 3 + 2], 0.0);
  EXPECT_NEAR(s->coverage[0], 1, 1e-15);
  EXPECT_NEAR(s->score[3], 100, 1e-12);
  EXPECT_NEAR(s->coverage[3], 1, 1e-15);  // the usage group is not in its profile
  // Percentiles are within segments now: r1 and r2 tie alone in "paying".
  EXPECT_NEAR(s->points[1 * 3 + 2], 50, 1e-12);
  EXPECT_NEAR(s->points[0 * 3 + 2], 50, 1e-12);  // the only trial with logins
  EXPECT_NEAR(s->score[1], 2 * 50.0 / 3, 1e-12);
  ExpectIdentities(*s);
}

TEST(HealthScore, TiersBooleanAndZScoreByHand) {
  Scorecard card;
  HealthMeasure seats;
  seats.name = "seats";
  seats.transform = HealthTransform::kTiers;
  // (-inf, 10) -> 0; [10, 100] -> 60; (100, 1000) -> 100: 1000 and up in no tier.
  seats.tiers = {{-INFINITY, 10, true, false, 0, "under 10 seats"},
                 {10, 100, true, true, 60, "10 to 100 seats"},
                 {100, 1000, false, false, 100, ""}};
  HealthMeasure champion;
  champion.name = "champion";
  champion.transform = HealthTransform::kBoolean;
  champion.true_points = 90;
  champion.false_points = 10;
  HealthMeasure growth;
  growth.name = "growth";
  growth.transform = HealthTransform::kZScore;
  growth.z_span = 1;
  card.measures = {seats, champion, growth};
  const std::vector<double> s_col{9.999, 10, 100, 100.5, 1000};
  const std::vector<double> c_col{1, 0, -2, kNaN, 0};
  // growth: mean 2, sd sqrt(10 / 4) = 1.5811; z = (x - 2) / sd.
  const std::vector<double> g_col{0, 1, 2, 3, 4};
  HealthTable table;
  table.n = 5;
  table.names = {"seats", "champion", "growth"};
  table.columns = {s_col.data(), c_col.data(), g_col.data()};
  auto s = ScoreHealth(card, table);
  ASSERT_TRUE(s.ok()) << s.status().message();
  const double sd = std::sqrt(2.5);
  const double expected_seats[] = {0, 60, 60, 100, kNaN};
  const double expected_champion[] = {90, 10, 90, kNaN, 10};
  for (size_t r = 0; r < 5; ++r) {
    if (std::isnan(expected_seats[r])) {
      EXPECT_TRUE(std::isnan(s->points[r * 3 + 0]));
    } else {
      EXPECT_EQ(s->points[r * 3 + 0], expected_seats[r]) << r;
    }
    if (std::isnan(expected_champion[r])) {
      EXPECT_TRUE(std::isnan(s->points[r * 3 + 1]));
    } else {
      EXPECT_EQ(s->points[r * 3 + 1], expected_champion[r]) << r;
    }
    const double z = (g_col[r] - 2) / sd;
    EXPECT_NEAR(s->points[r * 3 + 2], std::min(100.0, std::max(0.0, 50 + 50 * z)), 1e-12) << r;
  }
  EXPECT_EQ(s->unmatched, (std::vector<int64_t>{1, 0, 0}));
  EXPECT_EQ(*HealthReasonText(card, *s, 0, 0), "seats 9.999 (under 10 seats): -33.3 points");

  // Lower is better: the z-score is negated, the percentile mirrored.
  card.measures[2].higher_is_better = false;
  s = ScoreHealth(card, table);
  ASSERT_TRUE(s.ok());
  EXPECT_NEAR(s->points[0 * 3 + 2], 50 + 50 * 2 / sd > 100 ? 100 : 50 + 50 * 2 / sd, 1e-12);
  // An infinite value has no z-score: an error naming the measure and row.
  std::vector<double> bad = g_col;
  bad[3] = INFINITY;
  table.columns[2] = bad.data();
  auto e = ScoreHealth(card, table);
  EXPECT_EQ(e.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(e.status().message().find("measures[2]: row 3"), std::string::npos);
}

TEST(HealthScore, PercentileMatchesMidRanksOnRandomData) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> value(0, 30), seg(0, 2);
  const size_t n = 500;
  std::vector<double> x(n);
  std::vector<int32_t> segment(n);
  for (size_t i = 0; i < n; ++i) {
    x[i] = i % 17 == 0 ? kNaN : value(rng);
    segment[i] = seg(rng);
  }
  Scorecard card;
  card.measures.resize(1);
  card.measures[0].name = "x";
  card.measures[0].transform = HealthTransform::kPercentile;
  HealthTable table;
  table.n = n;
  table.names = {"x"};
  table.columns = {x.data()};
  table.segment = segment.data();
  table.segment_names = {"a", "b", "c"};
  auto s = ScoreHealth(card, table);
  ASSERT_TRUE(s.ok());
  for (size_t i = 0; i < n; ++i) {
    if (std::isnan(x[i])) {
      EXPECT_TRUE(std::isnan(s->points[i]));
      continue;
    }
    double below = 0, tied = 0, count = 0;  // the definition, pair by pair
    for (size_t j = 0; j < n; ++j) {
      if (std::isnan(x[j]) || segment[j] != segment[i]) continue;
      count += 1;
      below += x[j] < x[i];
      tied += x[j] == x[i];
    }
    ASSERT_NEAR(s->points[i], 100 * (below + tied / 2) / count, 1e-12) << i;
    EXPECT_NEAR(s->score[i], s->points[i], 1e-12);
  }
}

TEST(HealthScore, IdentitiesHoldOnRandomTablesUnderEveryPolicy) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  const size_t n = 300;
  Scorecard card;
  card.groups = {{"a", 1}, {"b", 0.5}, {"c", 2}};
  std::vector<std::vector<double>> columns(6, std::vector<double>(n));
  for (int j = 0; j < 6; ++j) {
    HealthMeasure m = Linear("m" + std::to_string(j), card.groups[j % 3].name, 0.2, 0.8);
    m.weight = 0.5 + j;
    if (j == 4) m.transform = HealthTransform::kPercentile;
    if (j == 5) m.transform = HealthTransform::kZScore;
    card.measures.push_back(m);
    for (size_t r = 0; r < n; ++r) columns[j][r] = u(rng) < 0.3 ? kNaN : u(rng);
  }
  HealthTable table;
  table.n = n;
  for (int j = 0; j < 6; ++j) {
    table.names.push_back("m" + std::to_string(j));
    table.columns.push_back(columns[j].data());
  }
  for (HealthMissing missing :
       {HealthMissing::kRenormalize, HealthMissing::kZero, HealthMissing::kGroupMean}) {
    for (HealthCombine combine : {HealthCombine::kWeightedMean, HealthCombine::kWorstOf}) {
      card.missing = missing;
      card.combine = combine;
      auto s = ScoreHealth(card, table);
      ASSERT_TRUE(s.ok());
      ExpectIdentities(*s);
      for (size_t r = 0; r < n; ++r) {
        if (std::isnan(s->score[r])) continue;
        EXPECT_GE(s->score[r], 0);
        EXPECT_LE(s->score[r], 100);
        EXPECT_GE(s->coverage[r], 0);
        EXPECT_LE(s->coverage[r], 1 + 1e-12);
      }
    }
  }
}

// Full points everywhere score exactly 100 whatever the weights: the sum of
// the contributions can round a hair above 100 (the health fuzzer found
// 100.00000000000003), and a score is documented to stay in [0, 100].
TEST(HealthScore, FullPointsScoreAtMostOneHundredForAnyWeights) {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> u(0.001, 10);
  std::vector<double> full(1, 1.0);
  int above = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    Scorecard card;
    card.groups = {{"a", u(rng)}, {"b", u(rng)}, {"c", u(rng)}};
    HealthTable table;
    table.n = 1;
    for (int j = 0; j < 7; ++j) {
      HealthMeasure m = Linear("m" + std::to_string(j), card.groups[j % 3].name, 0, 1);
      m.weight = u(rng);
      card.measures.push_back(m);
      table.names.push_back(m.name);
      table.columns.push_back(full.data());
    }
    auto s = ScoreHealth(card, table);
    ASSERT_TRUE(s.ok());
    if (s->score[0] > 100) ++above;
    EXPECT_NEAR(s->score[0], 100, 1e-12);
  }
  EXPECT_EQ(above, 0);
}

TEST(HealthScore, BadTablesAreErrorsNamingThem) {
  Table t;
  Scorecard card = Card();
  t.table.names[1] = "CSAT";
  auto s = ScoreHealth(card, t.table);
  EXPECT_EQ(s.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(s.status().message().find("measures[1].name: no column \"csat\""), std::string::npos)
      << s.status().message();

  Table empty;
  empty.table.n = 0;
  EXPECT_EQ(ScoreHealth(card, empty.table).status().code(), CANDOR_EMPTY);

  Table nulls;
  nulls.table.columns[0] = nullptr;
  EXPECT_EQ(ScoreHealth(card, nulls.table).status().code(), CANDOR_INVALID_ARGUMENT);

  Table segments;
  const std::vector<int32_t> codes{0, 1, 2, 0};
  segments.table.segment = codes.data();
  segments.table.segment_names = {"a", "b"};
  s = ScoreHealth(card, segments.table);
  EXPECT_EQ(s.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(s.status().message().find("segment[2] = 2"), std::string::npos);

  card.grades = {{"a", 10}, {"b", 20}};
  EXPECT_EQ(ScoreHealth(card, t.table).status().code(), CANDOR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace candor
