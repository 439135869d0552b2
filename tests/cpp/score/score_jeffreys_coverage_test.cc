// The default interval's coverage, computed exactly: for each true
// (promoter, passive, detractor) share and n, the coverage is the sum of the
// trinomial probabilities of every outcome whose interval holds the true NPS
// (no simulation noise). The issue that made Jeffreys the default measured
// Wald at 86-90% for n = 10-20 by simulation; these are the exact figures.
#include <gtest/gtest.h>

#include "score_test_util.hpp"

#include <algorithm>
#include <candor/score.hpp>
#include <cmath>
#include <string>
#include <vector>

namespace candor {
namespace {

using testing::NpsScores;

struct Interval {
  double low;
  double high;
};

double LogFactorial(int k) { return std::lgamma(k + 1.0); }

// intervals[d * (n + 1) + p]: the interval of d detractors and p promoters.
std::vector<Interval> NpsIntervals(int n, IntervalMethod method) {
  IntervalOptions options;
  options.method = method;
  std::vector<Interval> intervals((n + 1) * (n + 1), Interval{NAN, NAN});
  for (int d = 0; d <= n; ++d) {
    for (int p = 0; d + p <= n; ++p) {
      const std::vector<double> scores = NpsScores(d, n - d - p, p);
      Result<Estimate> e =
          EstimateScores(Metric::Nps(), scores.data(), nullptr, scores.size(), options);
      EXPECT_TRUE(e.ok()) << e.status().message();
      if (e.ok()) intervals[d * (n + 1) + p] = {e->ci_low, e->ci_high};
    }
  }
  return intervals;
}

double NpsCoverage(int n, const std::vector<Interval>& intervals, double promoters,
                   double passives, double detractors) {
  const double truth = 100.0 * (promoters - detractors);
  double covered = 0;
  for (int d = 0; d <= n; ++d) {
    for (int p = 0; d + p <= n; ++p) {
      const int a = n - d - p;
      const Interval& i = intervals[d * (n + 1) + p];
      if (!(i.low <= truth && truth <= i.high)) continue;
      double log_pmf = LogFactorial(n) - LogFactorial(d) - LogFactorial(a) - LogFactorial(p);
      // 0^0 = 1: a share of 0 contributes only through a count of 0.
      if (d > 0) log_pmf += d * std::log(detractors);
      if (a > 0) log_pmf += a * std::log(passives);
      if (p > 0) log_pmf += p * std::log(promoters);
      covered += std::exp(log_pmf);
    }
  }
  return covered;
}

struct Cell {
  double nps;  // -1..1
  double passives;
};

// True NPS from -80 to +80 by 20, passive shares 10-40% where possible.
std::vector<Cell> Cells() {
  std::vector<Cell> cells;
  for (int step = -4; step <= 4; ++step) {
    const double nps = 0.2 * step;
    for (double passives : {0.1, 0.2, 0.3, 0.4}) {
      if (std::abs(nps) + passives > 1.0 + 1e-12) continue;
      cells.push_back({nps, passives});
    }
  }
  return cells;
}

struct Range {
  double lowest = 1;
  double highest = 0;
  std::string where;
};

Range CoverageRange(IntervalMethod method, int n) {
  const std::vector<Interval> intervals = NpsIntervals(n, method);
  Range range;
  for (const Cell& cell : Cells()) {
    const double detractors = std::max(0.0, 0.5 * (1.0 - cell.passives - cell.nps));
    const double promoters = std::max(0.0, 1.0 - cell.passives - detractors);
    const double coverage = NpsCoverage(n, intervals, promoters, cell.passives, detractors);
    if (coverage < range.lowest) {
      range.where = "n " + std::to_string(n) + ", NPS " + std::to_string(100 * cell.nps) +
                    ", passives " + std::to_string(cell.passives);
    }
    range.lowest = std::min(range.lowest, coverage);
    range.highest = std::max(range.highest, coverage);
  }
  return range;
}

TEST(JeffreysCoverage, NpsWithinNinetyThreeToNinetySevenFromTen) {
  for (int n : {10, 15, 20, 30, 50}) {
    const Range range = CoverageRange(IntervalMethod::kJeffreys, n);
    EXPECT_GE(range.lowest, 0.93) << range.where;
    EXPECT_LE(range.highest, 0.97) << "n " << n;
  }
}

TEST(JeffreysCoverage, IsTheDefault) {
  EXPECT_EQ(IntervalOptions().method, IntervalMethod::kJeffreys);
}

// The reason for the change: Wald's 95% interval covers far less at small n,
// so the test above can tell the methods apart.
TEST(JeffreysCoverage, WaldUnderCoversSmallGroups) {
  EXPECT_LT(CoverageRange(IntervalMethod::kWald, 10).lowest, 0.85);
  EXPECT_LT(CoverageRange(IntervalMethod::kWald, 20).lowest, 0.90);
}

// Box metrics: Beta(x + 1/2, n - x + 1/2) (Brown, Cai and DasGupta 2001),
// binomial coverage for shares 20-80%.
TEST(JeffreysCoverage, BoxShares) {
  const Metric box = Metric::TopBox(0, 1, 1);
  IntervalOptions options;
  for (int n : {10, 20, 30, 50, 100}) {
    std::vector<Interval> intervals(n + 1);
    for (int x = 0; x <= n; ++x) {
      std::vector<double> scores(n, 0.0);
      std::fill(scores.begin(), scores.begin() + x, 1.0);
      Result<Estimate> e = EstimateScores(box, scores.data(), nullptr, scores.size(), options);
      ASSERT_TRUE(e.ok()) << e.status().message();
      intervals[x] = {e->ci_low, e->ci_high};
      EXPECT_LT(e->ci_low, e->ci_high) << "zero width at x " << x << " of " << n;
      EXPECT_LE(e->ci_low, e->value);
      EXPECT_GE(e->ci_high, e->value);
    }
    for (double share : {0.2, 0.3, 0.5, 0.7, 0.8}) {
      double covered = 0;
      for (int x = 0; x <= n; ++x) {
        if (!(intervals[x].low <= 100 * share && 100 * share <= intervals[x].high)) continue;
        covered += std::exp(LogFactorial(n) - LogFactorial(x) - LogFactorial(n - x) +
                            x * std::log(share) + (n - x) * std::log(1 - share));
      }
      EXPECT_GE(covered, 0.92) << "n " << n << ", share " << share;
      EXPECT_LE(covered, 0.985) << "n " << n << ", share " << share;
    }
  }
}

// Never of zero width for n > 0, and the estimate is inside, at the bounds too.
TEST(JeffreysCoverage, NoZeroWidthAtTheBounds) {
  for (int n : {1, 2, 10, 1000}) {
    for (const std::vector<double>& scores :
         {NpsScores(0, 0, n), NpsScores(n, 0, 0), NpsScores(0, n, 0)}) {
      Result<Estimate> e =
          EstimateScores(Metric::Nps(), scores.data(), nullptr, scores.size(), IntervalOptions());
      ASSERT_TRUE(e.ok()) << e.status().message();
      EXPECT_LT(e->ci_low, e->ci_high) << "n " << n << ", value " << e->value;
      EXPECT_LE(e->ci_low, e->value);
      EXPECT_GE(e->ci_high, e->value);
      EXPECT_EQ(e->std_error, 0);  // Wald's: every response in one group
    }
  }
}

}  // namespace
}  // namespace candor
