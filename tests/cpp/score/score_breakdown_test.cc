// Breakdown against direct estimates and comparisons on the subsets.
#include <gtest/gtest.h>

#include <candor/score.hpp>
#include <cmath>
#include <map>
#include <vector>

#include "common/random.hpp"

namespace candor {
namespace {

struct Data {
  std::vector<double> scores, weights;
  std::vector<int32_t> region, plan;
};

Data MakeData(size_t n, uint64_t seed) {
  internal::RandomStream random(seed);
  Data data;
  for (size_t i = 0; i < n; ++i) {
    data.region.push_back(static_cast<int32_t>(random.Next() % 3) * 10 - 5);  // -5, 5, 15
    data.plan.push_back(static_cast<int32_t>(random.Next() % 2));
    // Scores lean on the region so the segments differ.
    const int base = static_cast<int>(random.Next() % 11);
    data.scores.push_back(std::min(10, base + (data.region.back() > 10 ? 2 : 0)));
    data.weights.push_back(0.5 + random.Uniform());
  }
  return data;
}

void ExpectSameEstimate(const Estimate& a, const Estimate& b) {
  EXPECT_NEAR(a.value, b.value, 1e-9);
  EXPECT_NEAR(a.std_error, b.std_error, 1e-9);
  EXPECT_NEAR(a.ci_low, b.ci_low, 1e-9);
  EXPECT_NEAR(a.ci_high, b.ci_high, 1e-9);
  EXPECT_EQ(a.n, b.n);
}

void CheckAgainstSubsets(const Data& data, bool weighted, const IntervalOptions& options) {
  const std::vector<const int32_t*> segments = {data.region.data(), data.plan.data()};
  const double* weights = weighted ? data.weights.data() : nullptr;
  Result<std::vector<BreakdownRow>> rows =
      Breakdown(Metric::Nps(), data.scores.data(), weights, data.scores.size(), segments, options,
                PAdjust::kHolm);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 6u);
  std::vector<double> p_values;
  for (size_t r = 0; r < rows->size(); ++r) {
    const BreakdownRow& row = (*rows)[r];
    if (r > 0) EXPECT_LT((*rows)[r - 1].codes, row.codes);  // sorted by codes
    std::vector<double> in_s, in_w, out_s, out_w;
    for (size_t i = 0; i < data.scores.size(); ++i) {
      const bool in = data.region[i] == row.codes[0] && data.plan[i] == row.codes[1];
      (in ? in_s : out_s).push_back(data.scores[i]);
      (in ? in_w : out_w).push_back(data.weights[i]);
    }
    Result<Estimate> direct = EstimateScores(
        Metric::Nps(), in_s.data(), weighted ? in_w.data() : nullptr, in_s.size(), options);
    ASSERT_TRUE(direct.ok());
    ExpectSameEstimate(row.estimate, *direct);
    Result<Comparison> vs =
        Compare(Metric::Nps(), in_s.data(), weighted ? in_w.data() : nullptr, in_s.size(),
                out_s.data(), weighted ? out_w.data() : nullptr, out_s.size(), options);
    ASSERT_TRUE(vs.ok());
    EXPECT_NEAR(row.vs_rest.difference, vs->difference, 1e-9);
    EXPECT_NEAR(row.vs_rest.std_error, vs->std_error, 1e-9);
    EXPECT_NEAR(row.vs_rest.p_value, vs->p_value, 1e-9);
    ExpectSameEstimate(row.vs_rest.b, vs->b);
    p_values.push_back(vs->p_value);
  }
  const std::vector<double> adjusted = AdjustPValues(p_values, PAdjust::kHolm);
  for (size_t r = 0; r < rows->size(); ++r) {
    EXPECT_NEAR((*rows)[r].p_adjusted, adjusted[r], 1e-9);
  }
}

TEST(Breakdown, EqualsEstimatesAndComparisonsOnSubsets) {
  const Data data = MakeData(3000, 77);
  CheckAgainstSubsets(data, false, IntervalOptions());
  CheckAgainstSubsets(data, true, IntervalOptions());
  IntervalOptions adjusted;
  adjusted.method = IntervalMethod::kAdjustedWald;
  CheckAgainstSubsets(data, true, adjusted);
  IntervalOptions bootstrap;
  bootstrap.method = IntervalMethod::kBootstrap;
  bootstrap.replicates = 500;
  CheckAgainstSubsets(data, false, bootstrap);
  IntervalOptions bayes;
  bayes.method = IntervalMethod::kBayes;
  CheckAgainstSubsets(data, false, bayes);
}

TEST(Breakdown, HashPathsForWideCodes) {
  // Codes far apart force the hash-map groupings (64-bit keys; tuples when
  // the key space overflows 64 bits); results must be the same.
  Data data = MakeData(2000, 5);
  Data wide = data;
  for (int32_t& c : wide.region) c = c * 100000000 / 15;  // spans ~1.3e9
  for (int32_t& c : wide.plan) c = c == 0 ? -2000000000 : 2000000000;
  const std::vector<const int32_t*> narrow_segments = {data.region.data(), data.plan.data()};
  const std::vector<const int32_t*> wide_segments = {wide.region.data(), wide.plan.data()};
  // A third column repeating the plan: same cells, but 2^64 keys overflow.
  const std::vector<const int32_t*> tuple_segments = {wide.region.data(), wide.plan.data(),
                                                      wide.plan.data()};
  auto a = Breakdown(Metric::Nps(), data.scores.data(), nullptr, 2000, narrow_segments,
                     IntervalOptions(), PAdjust::kBenjaminiHochberg);
  auto b = Breakdown(Metric::Nps(), wide.scores.data(), nullptr, 2000, wide_segments,
                     IntervalOptions(), PAdjust::kBenjaminiHochberg);
  auto c = Breakdown(Metric::Nps(), wide.scores.data(), nullptr, 2000, tuple_segments,
                     IntervalOptions(), PAdjust::kBenjaminiHochberg);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  ASSERT_EQ(a->size(), 6u);
  ASSERT_EQ(b->size(), 6u);
  ASSERT_EQ(c->size(), 6u);
  // All sorted by codes, and the mapping is monotone: rows line up.
  for (size_t r = 0; r < a->size(); ++r) {
    EXPECT_EQ((*a)[r].estimate.value, (*b)[r].estimate.value);
    EXPECT_EQ((*a)[r].p_adjusted, (*b)[r].p_adjusted);
    EXPECT_EQ((*a)[r].estimate.value, (*c)[r].estimate.value);
    EXPECT_EQ((*c)[r].codes.size(), 3u);
    EXPECT_EQ((*c)[r].codes[1], (*c)[r].codes[2]);
  }
}

TEST(Breakdown, SingleSegmentHasNoRest) {
  const std::vector<double> scores = {9, 10, 3, 7};
  const std::vector<int32_t> codes = {4, 4, 4, 4};
  auto rows = Breakdown(Metric::Nps(), scores.data(), nullptr, 4, {codes.data()}, IntervalOptions(),
                        PAdjust::kHolm);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_TRUE(std::isnan((*rows)[0].vs_rest.difference));
  EXPECT_EQ((*rows)[0].vs_rest.p_value, 1.0);
  EXPECT_EQ((*rows)[0].p_adjusted, 1.0);
  EXPECT_NEAR((*rows)[0].estimate.value, 25.0, 1e-12);
}

TEST(Breakdown, Errors) {
  const std::vector<double> scores = {9, 10, 3, 7};
  const std::vector<double> weights = {1, 2, 1, 1};
  const std::vector<int32_t> codes = {0, 1, 0, 1};
  IntervalOptions bootstrap;
  bootstrap.method = IntervalMethod::kBootstrap;
  EXPECT_EQ(Breakdown(Metric::Nps(), scores.data(), weights.data(), 4, {codes.data()}, bootstrap,
                      PAdjust::kNone)
                .status()
                .code(),
            CANDOR_UNSUPPORTED);
  EXPECT_EQ(
      Breakdown(Metric::Nps(), scores.data(), nullptr, 4, {}, IntervalOptions(), PAdjust::kNone)
          .status()
          .code(),
      CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(Breakdown(Metric::Nps(), scores.data(), nullptr, 4, {nullptr}, IntervalOptions(),
                      PAdjust::kNone)
                .status()
                .code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(Breakdown(Metric::Nps(), scores.data(), nullptr, 0, {codes.data()}, IntervalOptions(),
                      PAdjust::kNone)
                .status()
                .code(),
            CANDOR_EMPTY);
  const std::vector<double> bad = {9, 10, 3, 70};
  auto r = Breakdown(Metric::Nps(), bad.data(), nullptr, 4, {codes.data()}, IntervalOptions(),
                     PAdjust::kNone);
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("index 3"), std::string::npos);
}

TEST(Breakdown, WeightedSingleResponseCellIsNaNRow) {
  // One weighted response in a cell: its Wald variance is undefined, so the
  // row is NaN (not a failure of the whole breakdown).
  const std::vector<double> scores = {9, 10, 3, 7, 8};
  const std::vector<double> weights = {1, 2, 1, 1, 3};
  const std::vector<int32_t> codes = {0, 0, 0, 0, 1};
  auto rows = Breakdown(Metric::Nps(), scores.data(), weights.data(), 5, {codes.data()},
                        IntervalOptions(), PAdjust::kHolm);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_TRUE(std::isnan((*rows)[1].estimate.std_error));
  EXPECT_EQ((*rows)[1].estimate.n, 1);
  EXPECT_EQ((*rows)[1].vs_rest.p_value, 1.0);
  EXPECT_FALSE(std::isnan((*rows)[0].estimate.std_error));
}

// R 4.2.2: p <- c(0.01, 0.04, 0.04, NA, 0.03, 0.2, 0.5, 0.001, 0.04, 0.9);
// sprintf("%.17g", p.adjust(p, "holm")) and p.adjust(p, "BH").
TEST(AdjustPValues, MatchesR) {
  const std::vector<double> p = {0.01, 0.04, 0.04, NAN, 0.03, 0.2, 0.5, 0.001, 0.04, 0.9};
  const std::vector<double> holm = {0.080000000000000002,
                                    0.23999999999999999,
                                    0.23999999999999999,
                                    NAN,
                                    0.20999999999999999,
                                    0.60000000000000009,
                                    1,
                                    0.0090000000000000011,
                                    0.23999999999999999,
                                    1};
  const std::vector<double> bh = {0.044999999999999998,
                                  0.059999999999999998,
                                  0.059999999999999998,
                                  NAN,
                                  0.059999999999999998,
                                  0.25714285714285717,
                                  0.5625,
                                  0.0090000000000000011,
                                  0.059999999999999998,
                                  0.90000000000000002};
  const std::vector<double> got_holm = AdjustPValues(p, PAdjust::kHolm);
  const std::vector<double> got_bh = AdjustPValues(p, PAdjust::kBenjaminiHochberg);
  for (size_t i = 0; i < p.size(); ++i) {
    if (std::isnan(p[i])) {
      EXPECT_TRUE(std::isnan(got_holm[i]));
      EXPECT_TRUE(std::isnan(got_bh[i]));
      continue;
    }
    EXPECT_NEAR(got_holm[i], holm[i], 1e-15) << i;
    EXPECT_NEAR(got_bh[i], bh[i], 1e-15) << i;
  }
  EXPECT_EQ(AdjustPValues(p, PAdjust::kNone)[0], 0.01);
  EXPECT_TRUE(AdjustPValues({}, PAdjust::kHolm).empty());
}

// An adjusted p-value is never below its p-value. BH scaled the largest p by
// m / m as p * m / m, which rounds below p (0.35 * 3 / 3 = 0.34999999999999998);
// R's p.adjust computes m / i * p, which gives p itself (found by fuzz/score).
TEST(AdjustPValues, NeverBelowThePValue) {
  const std::vector<double> p = {0.1, 0.2, 0.35};
  EXPECT_EQ(AdjustPValues(p, PAdjust::kBenjaminiHochberg)[2], 0.35);
  for (size_t m = 1; m <= 40; ++m) {
    for (int k = 0; k <= 100; ++k) {
      std::vector<double> same(m, k / 100.0);
      same[0] = 1e-3;
      for (PAdjust method : {PAdjust::kHolm, PAdjust::kBenjaminiHochberg}) {
        const std::vector<double> adjusted = AdjustPValues(same, method);
        for (size_t i = 0; i < m; ++i) {
          EXPECT_GE(adjusted[i], same[i]) << "m " << m << ", p " << same[i];
          EXPECT_LE(adjusted[i], 1.0);
        }
      }
    }
  }
}

// margin = 100 z sqrt(((p + d) - (p - d)^2) / n): p = 0.5, d = 0.2, n = 400,
// z = 1.959963984540054 -> python3: 100*1.959963984540054*sqrt(0.61/400).
TEST(Planning, MarginAndRequiredN) {
  Result<double> margin = MarginOfError(0.5, 0.2, 400, 0.95);
  ASSERT_TRUE(margin.ok());
  EXPECT_NEAR(*margin, 7.6539040375213352, 1e-12);
  for (double target : {1.0, 2.5, 5.0, 7.6539040375213352, 10.0}) {
    Result<int64_t> n = RequiredSampleSize(0.5, 0.2, target, 0.95);
    ASSERT_TRUE(n.ok());
    EXPECT_LE(*MarginOfError(0.5, 0.2, *n, 0.95), target * (1 + 1e-12));
    if (*n > 1) EXPECT_GT(*MarginOfError(0.5, 0.2, *n - 1, 0.95), target);
  }
  // Box metric: d = 0, variance p (1 - p); 95%, +-5 points at p = 0.5: 385.
  EXPECT_EQ(*RequiredSampleSize(0.5, 0.0, 5.0, 0.95), 385);
  EXPECT_EQ(RequiredSampleSize(0.7, 0.5, 5.0, 0.95).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(RequiredSampleSize(0.5, 0.2, 0.0, 0.95).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(MarginOfError(0.5, 0.2, 0, 0.95).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(MarginOfError(0.5, 0.2, 10, 1.0).status().code(), CANDOR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace candor

namespace candor {
namespace {

// Rows of a breakdown equal to 1e-12 (NaN where the other is NaN).
void ExpectSameRows(const std::vector<BreakdownRow>& got, const std::vector<BreakdownRow>& want) {
  ASSERT_EQ(got.size(), want.size());
  auto near = [](double a, double b) {
    if (std::isnan(b)) return std::isnan(a);
    return std::fabs(a - b) <= 1e-12 * (1 + std::fabs(b));
  };
  for (size_t r = 0; r < want.size(); ++r) {
    SCOPED_TRACE("row " + std::to_string(r));
    EXPECT_EQ(got[r].codes, want[r].codes);
    for (const auto& [a, b] : {std::pair(got[r].estimate, want[r].estimate),
                              std::pair(got[r].vs_rest.b, want[r].vs_rest.b)}) {
      EXPECT_TRUE(near(a.value, b.value)) << a.value << " vs " << b.value;
      EXPECT_TRUE(near(a.std_error, b.std_error));
      EXPECT_TRUE(near(a.ci_low, b.ci_low));
      EXPECT_TRUE(near(a.ci_high, b.ci_high));
      EXPECT_TRUE(near(a.effective_n, b.effective_n));
      EXPECT_EQ(a.n, b.n);
    }
    EXPECT_TRUE(near(got[r].vs_rest.difference, want[r].vs_rest.difference));
    EXPECT_TRUE(near(got[r].vs_rest.p_value, want[r].vs_rest.p_value));
    EXPECT_TRUE(near(got[r].p_adjusted, want[r].p_adjusted));
  }
}

TEST(BreakdownAccumulated, EqualsTheBreakdownOfTheSameResponsesHoweverPartitioned) {
  const Data data = MakeData(4000, 21);
  const IntervalMethod methods[] = {IntervalMethod::kWald, IntervalMethod::kAdjustedWald,
                                    IntervalMethod::kBayes, IntervalMethod::kJeffreys,
                                    IntervalMethod::kBootstrap};
  for (bool weighted : {false, true}) {
    // Three partitions, each with its own per-cell accumulators, merged by cell.
    std::map<std::vector<int32_t>, ScoreAccumulator> cells;
    const size_t cuts[] = {0, 1, 2500, 4000};
    for (size_t k = 0; k + 1 < std::size(cuts); ++k) {
      std::map<std::vector<int32_t>, ScoreAccumulator> part;
      for (size_t i = cuts[k]; i < cuts[k + 1]; ++i) {
        std::vector<int32_t> key = {data.region[i], data.plan[i]};
        auto it = part.find(key);
        if (it == part.end()) it = part.emplace(key, *ScoreAccumulator::Create(0, 10)).first;
        ASSERT_TRUE(it->second.Add(&data.scores[i], weighted ? &data.weights[i] : nullptr, 1).ok());
      }
      for (auto& [key, acc] : part) {
        auto [it, added] = cells.emplace(key, acc);
        if (!added) ASSERT_TRUE(it->second.Merge(acc).ok());
      }
    }
    std::vector<const ScoreAccumulator*> accumulators;
    std::vector<std::vector<int32_t>> codes;
    for (auto it = cells.rbegin(); it != cells.rend(); ++it) {  // any order
      accumulators.push_back(&it->second);
      codes.push_back(it->first);
    }
    for (IntervalMethod method : methods) {
      if (weighted && method == IntervalMethod::kBootstrap) continue;
      for (PAdjust adjust : {PAdjust::kHolm, PAdjust::kBenjaminiHochberg}) {
        SCOPED_TRACE(std::to_string(static_cast<int>(method)) + (weighted ? " weighted" : ""));
        IntervalOptions options;
        options.method = method;
        options.replicates = 300;
        auto want = Breakdown(Metric::Nps(), data.scores.data(),
                              weighted ? data.weights.data() : nullptr, data.scores.size(),
                              {data.region.data(), data.plan.data()}, options, adjust);
        ASSERT_TRUE(want.ok()) << want.status().message();
        auto got = BreakdownAccumulated(Metric::Nps(), accumulators, codes, options, adjust);
        ASSERT_TRUE(got.ok()) << got.status().message();
        ExpectSameRows(*got, *want);
      }
    }
  }
}

TEST(BreakdownAccumulated, RefusesRepeatedCellsOtherScalesAndAWeightedBootstrap) {
  ScoreAccumulator a = *ScoreAccumulator::Create(0, 10);
  ScoreAccumulator b = *ScoreAccumulator::Create(0, 10);
  const double scores[] = {10, 3};
  const double weights[] = {2, 1};
  ASSERT_TRUE(a.Add(scores, weights, 2).ok());
  ASSERT_TRUE(b.Add(scores, nullptr, 2).ok());
  IntervalOptions options;
  auto repeated = BreakdownAccumulated(Metric::Nps(), {&a, &b}, {{1}, {1}}, options,
                                       PAdjust::kHolm);
  EXPECT_EQ(repeated.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(repeated.status().message().find("cells 0 and 1"), std::string::npos);
  ScoreAccumulator five = *ScoreAccumulator::Create(1, 5);
  EXPECT_EQ(BreakdownAccumulated(Metric::Nps(), {&a, &five}, {{1}, {2}}, options, PAdjust::kHolm)
                .status()
                .code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(BreakdownAccumulated(Metric::Nps(), {&a, &b}, {{1}, {2, 3}}, options, PAdjust::kHolm)
                .status()
                .code(),
            CANDOR_INVALID_ARGUMENT);
  options.method = IntervalMethod::kBootstrap;
  EXPECT_EQ(BreakdownAccumulated(Metric::Nps(), {&a, &b}, {{1}, {2}}, options, PAdjust::kHolm)
                .status()
                .code(),
            CANDOR_UNSUPPORTED);
  EXPECT_EQ(BreakdownAccumulated(Metric::Nps(), {}, {}, IntervalOptions(), PAdjust::kHolm)
                .status()
                .code(),
            CANDOR_EMPTY);
}

}  // namespace
}  // namespace candor
