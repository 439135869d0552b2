// The report's numeric sections (headline, trend, segments) against
// computations written here from the formulas: the trinomial and Hajek
// variances of the NPS, the WLS slope in closed form, two-sample z-tests and
// Holm's step-down by hand. Also the absent reasons, a bad score and
// cancellation.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <candor/report.hpp>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace candor {
namespace {

constexpr double kZ95 = 1.959963984540054;  // Phi^-1(0.975)

// Unix seconds of midnight UTC on a civil date (days from 1970-01-01 by the
// proleptic Gregorian calendar, counted in 400-year eras).
int64_t UnixDay(int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;
  const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return (era * 146097 + day_of_era - 719468) * 86400;
}

// The 15th of the month `k` months after January 2025, at noon UTC.
int64_t MidMonth(int k) { return UnixDay(2025 + k / 12, 1 + k % 12, 15) + 12 * 3600; }

double NpsValue(double score) { return score >= 9 ? 1 : (score <= 6 ? -1 : 0); }

struct Reference {
  double value = 0;  // NPS, -100..100
  double std_error = 0;
};

// Unweighted: the trinomial plug-in variance (p + d) - (p - d)^2 over n.
Reference Trinomial(const std::vector<double>& scores) {
  double p = 0, d = 0;
  for (double s : scores) {
    p += s >= 9 ? 1 : 0;
    d += s <= 6 ? 1 : 0;
  }
  const double n = static_cast<double>(scores.size());
  p /= n;
  d /= n;
  return {100 * (p - d), 100 * std::sqrt(((p + d) - (p - d) * (p - d)) / n)};
}

// Weighted: the Hajek mean and its linearization variance n/(n-1) sum e_i^2.
Reference Hajek(const std::vector<double>& scores, const std::vector<double>& weights) {
  double sum_w = 0, sum_ws = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    sum_w += weights[i];
    sum_ws += weights[i] * NpsValue(scores[i]);
  }
  const double m = sum_ws / sum_w;
  double sum_e2 = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    const double e = weights[i] * (NpsValue(scores[i]) - m) / sum_w;
    sum_e2 += e * e;
  }
  const double n = static_cast<double>(scores.size());
  return {100 * m, 100 * std::sqrt(n / (n - 1) * sum_e2)};
}

double TwoSidedP(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

// Holm (1979): sort ascending, multiply the i-th smallest by (m - i), keep
// the running maximum, cap at 1.
std::vector<double> HolmByHand(const std::vector<double>& p) {
  std::vector<size_t> order(p.size());
  for (size_t i = 0; i < p.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] < p[b]; });
  std::vector<double> adjusted(p.size());
  double running = 0;
  for (size_t rank = 0; rank < order.size(); ++rank) {
    running = std::max(running, static_cast<double>(p.size() - rank) * p[order[rank]]);
    adjusted[order[rank]] = std::min(1.0, running);
  }
  return adjusted;
}

Table SmallTable() {
  Table table;
  table.scores = {0, 3, 6, 6, 7, 8, 9, 9, 10, 10, 9, 5};
  return table;
}

Result<ReportModel> Build(const Table& table, const ReportExtras& extras = {},
                          const ReportOptions& options = {}) {
  return BuildReport(table, extras, options);
}

TEST(ReportHeadline, UnweightedMatchesTheTrinomialVariance) {
  const Table table = SmallTable();
  Result<ReportModel> report = Build(table);
  ASSERT_TRUE(report.ok()) << report.status().message();
  const ReportHeadline& h = report->headline;
  ASSERT_TRUE(h.present);
  const Reference ref = Trinomial(table.scores);
  EXPECT_NEAR(h.nps.value, ref.value, 1e-9);
  EXPECT_NEAR(h.nps.std_error, ref.std_error, 1e-9);
  // The interval is the library's default (Jeffreys; tested against
  // Dirichlet draws in tests/python/test_jeffreys_default.py).
  const Result<Estimate> jeffreys = EstimateScores(Metric::Nps(), table.scores.data(), nullptr,
                                                   table.scores.size(), IntervalOptions());
  ASSERT_TRUE(jeffreys.ok());
  EXPECT_NEAR(h.nps.ci_low, jeffreys->ci_low, 1e-9);
  EXPECT_NEAR(h.nps.ci_high, jeffreys->ci_high, 1e-9);
  EXPECT_GT(h.nps.ci_low, ref.value - kZ95 * ref.std_error);  // narrower than Wald here
  EXPECT_EQ(h.nps.n, 12);
  EXPECT_NEAR(h.nps.effective_n, 12, 1e-9);
  EXPECT_NEAR(h.margin_of_error, kZ95 * ref.std_error, 1e-7);
  EXPECT_NEAR(h.minimal_detectable_change, kZ95 * std::sqrt(2.0) * ref.std_error, 1e-7);
  EXPECT_NEAR(h.design_effect, 1, 1e-12);
  EXPECT_EQ(h.weighting, "none");
  // 0 3 5 6 6 | 7 8 | 9 9 9 10 10
  EXPECT_NEAR(h.detractors, 5.0 / 12, 1e-12);
  EXPECT_NEAR(h.passives, 2.0 / 12, 1e-12);
  EXPECT_NEAR(h.promoters, 5.0 / 12, 1e-12);
  const std::array<int64_t, 11> counts = {1, 0, 0, 1, 0, 1, 2, 1, 1, 3, 2};
  EXPECT_EQ(h.counts, counts);
  for (int s = 0; s <= 10; ++s) EXPECT_NEAR(h.distribution[s], counts[s] / 12.0, 1e-12);
  EXPECT_NE(h.reading.find("margin of error"), std::string::npos) << h.reading;
  EXPECT_TRUE(std::isnan(h.response_rate));
  // Nonresponse always; effective n 12 < 30.
  ASSERT_EQ(h.caveats.size(), 2u);
  EXPECT_NE(h.caveats[0].find("not bias in who chose to answer"), std::string::npos);
  EXPECT_NE(h.caveats[1].find("under 30"), std::string::npos);
}

TEST(ReportHeadline, WeightedMatchesTheHajekLinearization) {
  Table table = SmallTable();
  table.weights = {1, 2, 0.5, 1, 3, 1, 1, 2, 0.5, 1, 1.5, 2};
  ReportOptions options;
  options.columns.weight = "w";
  Result<ReportModel> report = Build(table, {}, options);
  ASSERT_TRUE(report.ok()) << report.status().message();
  const ReportHeadline& h = report->headline;
  const Reference ref = Hajek(table.scores, table.weights);
  EXPECT_NEAR(h.nps.value, ref.value, 1e-9);
  EXPECT_NEAR(h.nps.std_error, ref.std_error, 1e-9);
  double sum_w = 0, sum_w2 = 0, promoters = 0, at_six = 0;
  for (size_t i = 0; i < table.rows(); ++i) {
    sum_w += table.weights[i];
    sum_w2 += table.weights[i] * table.weights[i];
    if (table.scores[i] >= 9) promoters += table.weights[i];
    if (table.scores[i] == 6) at_six += table.weights[i];
  }
  const double kish = sum_w * sum_w / sum_w2;
  EXPECT_NEAR(h.nps.effective_n, kish, 1e-9);
  EXPECT_NEAR(h.design_effect, 12 / kish, 1e-9);
  EXPECT_NEAR(h.promoters, promoters / sum_w, 1e-12);
  EXPECT_NEAR(h.distribution[6], at_six / sum_w, 1e-12);
  EXPECT_EQ(h.counts[6], 2);
  EXPECT_NE(h.weighting.find("column 'w'"), std::string::npos) << h.weighting;
  EXPECT_NE(h.caveats.back().find("design effect"), std::string::npos);
}

TEST(ReportHeadline, ResponseRateFromTheInvitedPopulationOfEachSegment) {
  Table table = SmallTable();
  CategoricalColumn region;
  region.name = "region";
  const char* labels[] = {"north", "south"};
  for (size_t i = 0; i < table.rows(); ++i) {
    region.codes.push_back(region.dictionary.Intern(labels[i % 2]));
  }
  table.segments.push_back(region);
  ReportExtras extras;
  for (size_t i = 0; i < table.rows(); ++i) extras.invited.push_back(i % 2 == 0 ? 20 : 40);
  Result<ReportModel> report = Build(table, extras);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_DOUBLE_EQ(report->headline.invited, 60);
  EXPECT_EQ(report->headline.answered, 12);
  EXPECT_DOUBLE_EQ(report->headline.response_rate, 12.0 / 60);
  EXPECT_NE(report->headline.caveats[0].find("20.0% of those invited"), std::string::npos);

  // Not constant within a segment: no rate, and a caveat naming it.
  extras.invited[2] = 25;
  report = Build(table, extras);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(std::isnan(report->headline.response_rate));
  bool named = false;
  for (const std::string& caveat : report->headline.caveats) {
    named |= caveat.find("region 'north'") != std::string::npos;
  }
  EXPECT_TRUE(named);
}

TEST(ReportHeadline, ABadScoreFailsTheReport) {
  for (double bad : {11.0, 7.5, -1.0, std::nan("")}) {
    Table table = SmallTable();
    table.scores[4] = bad;
    Result<ReportModel> report = Build(table);
    ASSERT_FALSE(report.ok()) << bad;
    EXPECT_EQ(report.status().code(), CANDOR_OUT_OF_RANGE) << bad;
    EXPECT_NE(report.status().message().find("report headline"), std::string::npos);
  }
}

// All promoters: the Wald interval has zero width; the headline shows the
// adjusted Wald bounds (Rocks 2016: pseudo-counts 0.75, 1.5, 0.75), computed
// here by hand, and says so.
TEST(ReportHeadline, NoZeroWidthIntervalWhenAllRespondentsAgree) {
  Table table;
  table.scores = {9, 10, 10, 9, 10};
  Result<ReportModel> report = Build(table);
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Estimate& e = report->headline.nps;
  EXPECT_DOUBLE_EQ(e.value, 100);
  const double total = 5 + 3.0;
  const double mean = (5.75 - 0.75) / total;
  const double variance = (5.75 + 0.75) / total - mean * mean;
  const double se = std::sqrt(variance / total);
  // The standard error (and margin of error) from the adjusted Wald
  // pseudo-counts; the interval the default Jeffreys one, up to 100.
  EXPECT_NEAR(e.std_error, 100 * se, 1e-9);
  EXPECT_NEAR(report->headline.margin_of_error, kZ95 * 100 * se, 1e-9);
  const Result<Estimate> jeffreys = EstimateScores(Metric::Nps(), table.scores.data(), nullptr,
                                                   table.scores.size(), IntervalOptions());
  ASSERT_TRUE(jeffreys.ok());
  EXPECT_NEAR(e.ci_low, jeffreys->ci_low, 1e-9);
  EXPECT_LT(e.ci_low, 100);
  EXPECT_NEAR(e.ci_high, 100, 1e-9);
  bool said = false;
  for (const std::string& caveat : report->headline.caveats) {
    said = said || caveat.find("adjusted Wald") != std::string::npos;
  }
  EXPECT_TRUE(said);

  table.scores = {3};
  report = Build(table);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_LT(report->headline.nps.ci_low, report->headline.nps.ci_high);
  // The interval holds the reported NPS (-100), not only the adjusted one.
  EXPECT_DOUBLE_EQ(report->headline.nps.value, -100);
  EXPECT_LE(report->headline.nps.ci_low, -100);
}

// The segments say what their adjustment covers and what a one-column
// comparison cannot tell.
TEST(ReportSegments, CaveatsNameTheAdjustmentScope) {
  Table table = SmallTable();
  for (const char* name : {"region", "plan"}) {
    CategoricalColumn column;
    column.name = name;
    for (size_t i = 0; i < table.rows(); ++i) {
      column.codes.push_back(column.dictionary.Intern(i % 2 == 0 ? "a" : "b"));
    }
    table.segments.push_back(std::move(column));
  }
  Result<ReportModel> report = Build(table);
  ASSERT_TRUE(report.ok()) << report.status().message();
  std::string caveats;
  for (const std::string& caveat : report->segments.caveats) caveats += caveat + "\n";
  EXPECT_NE(caveats.find("Holm-adjusted within each column, not across all 4 comparisons of the "
                         "2 columns"),
            std::string::npos)
      << caveats;
  EXPECT_NE(caveats.find("differences, not causes"), std::string::npos) << caveats;
}

TEST(ReportSections, AbsentWithTheReasonWhenColumnsAreMissing) {
  Result<ReportModel> report = Build(SmallTable());
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->trend.present);
  EXPECT_NE(report->trend.absent_reason.find("no time column"), std::string::npos);
  EXPECT_FALSE(report->segments.present);
  EXPECT_NE(report->segments.absent_reason.find("no segment column"), std::string::npos);

  Table two_months = SmallTable();
  for (size_t i = 0; i < two_months.rows(); ++i) two_months.times.push_back(MidMonth(i % 2));
  report = Build(two_months);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->trend.present);
  EXPECT_NE(report->trend.absent_reason.find("only 2 months with responses"), std::string::npos)
      << report->trend.absent_reason;
}

bool StopAfterTwo(int64_t done, int64_t, void*) { return done < 2; }

TEST(ReportSections, ProgressCanCancel) {
  ReportOptions options;
  options.progress.callback = StopAfterTwo;
  Result<ReportModel> report = Build(SmallTable(), {}, options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), CANDOR_CANCELLED);
}

// Counts the reports of 3 sections done: the end of segments, then one per
// chunk boundary of the comments' analysis; stops at the first of those.
bool StopInsideTheVoice(int64_t done, int64_t, void* user_data) {
  int* threes = static_cast<int*>(user_data);
  if (done == 3) ++*threes;
  return *threes < 2;
}

TEST(ReportSections, ProgressCanCancelTheCommentsAnalysisBetweenChunks) {
  Table table;
  for (int i = 0; i < 70000; ++i) {  // more than one chunk of 65,536
    table.scores.push_back(i % 11);
    table.comments.push_back(i % 3 == 0 ? "slow support" : "great product");
  }
  int threes = 0;
  ReportOptions options;
  options.progress.callback = StopInsideTheVoice;
  options.progress.user_data = &threes;
  Result<ReportModel> report = Build(table, {}, options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), CANDOR_CANCELLED);
  EXPECT_NE(report.status().message().find("65536 of 70000"), std::string::npos)
      << report.status().message();
}

// Month k gets `per_month` responses whose shares of promoters and detractors
// follow promoter(k), detractor(k) (per mille, deterministic, so buckets have
// exact shares).
Table Monthly(int months, int per_month, double (*promoters)(int), double (*detractors)(int)) {
  Table table;
  for (int k = 0; k < months; ++k) {
    const int p = static_cast<int>(std::lround(promoters(k) * per_month));
    const int d = static_cast<int>(std::lround(detractors(k) * per_month));
    for (int i = 0; i < per_month; ++i) {
      table.scores.push_back(i < p ? 9 + i % 2 : (i < p + d ? 3 + i % 4 : 7 + i % 2));
      table.times.push_back(MidMonth(k) + i * 60);
    }
  }
  // Not in time order: the report must not rely on it.
  std::reverse(table.scores.begin(), table.scores.end());
  std::reverse(table.times.begin(), table.times.end());
  return table;
}

double Rising(int k) { return 0.30 + 0.03 * k; }
double Steady(int) { return 0.35; }
double Falling(int k) { return 0.25 + 0.03 * k; }
double StepUp(int k) { return k < 6 ? 0.30 : 0.50; }
double Dip(int k) { return k == 7 ? 0.60 : 0.20; }                       // detractors: a bad August
double TwoSteps(int k) { return k < 4 ? 0.10 : (k < 8 ? 0.30 : 0.50); }  // detractors

TEST(ReportTrend, PointsAndSlopeMatchAClosedFormWls) {
  const int months = 10, per_month = 200;
  const Table table = Monthly(months, per_month, Rising, Steady);
  Result<ReportModel> report = Build(table);
  ASSERT_TRUE(report.ok()) << report.status().message();
  const ReportTrend& trend = report->trend;
  ASSERT_TRUE(trend.present) << trend.absent_reason;
  EXPECT_EQ(trend.period, "month");
  ASSERT_EQ(trend.points.size(), static_cast<size_t>(months));
  EXPECT_EQ(trend.points[0].label, "2025-01");
  EXPECT_EQ(trend.points[0].start, UnixDay(2025, 1, 1));
  EXPECT_EQ(trend.points[9].label, "2025-10");

  double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
  for (int k = 0; k < months; ++k) {
    std::vector<double> scores;
    for (size_t i = 0; i < table.rows(); ++i) {
      if (table.times[i] >= UnixDay(2025, 1 + k, 1) && table.times[i] < UnixDay(2025, 2 + k, 1)) {
        scores.push_back(table.scores[i]);
      }
    }
    const Reference ref = Trinomial(scores);
    const Estimate& e = trend.points[k].nps;
    EXPECT_EQ(e.n, per_month);
    EXPECT_NEAR(e.value, ref.value, 1e-9) << k;
    EXPECT_NEAR(e.std_error, ref.std_error, 1e-9) << k;
    const double w = 1 / (ref.std_error * ref.std_error);
    sw += w;
    swx += w * k;
    swy += w * ref.value;
    swxx += w * k * k;
    swxy += w * k * ref.value;
  }
  const double det = sw * swxx - swx * swx;
  const double slope = (sw * swxy - swx * swy) / det;
  const double slope_se = std::sqrt(sw / det);
  EXPECT_NEAR(trend.slope, slope, 1e-9);
  EXPECT_NEAR(trend.slope_ci_low, slope - kZ95 * slope_se, 1e-7);
  EXPECT_NEAR(trend.slope_ci_high, slope + kZ95 * slope_se, 1e-7);
  EXPECT_NEAR(trend.slope_p_value, TwoSidedP(slope / slope_se), 1e-9);
  EXPECT_EQ(trend.direction, "improving");
  EXPECT_NE(trend.test.find("weighted least-squares slope"), std::string::npos) << trend.test;
  // Mann-Kendall on 10 strictly rising values: S = 45, Var(S) = 10*9*25/18.
  EXPECT_NEAR(trend.mann_kendall_p_value, TwoSidedP(44 / std::sqrt(125.0)), 1e-9);
  // The latest month's volume: z sqrt(2) SE of its estimate.
  EXPECT_NEAR(trend.minimal_detectable_change,
              kZ95 * std::sqrt(2.0) * trend.points.back().nps.std_error, 1e-9);
  // Control: a point is outside when its interval misses the overall NPS.
  const double overall = report->headline.nps.value;
  for (const ReportTrendPoint& point : trend.points) {
    EXPECT_EQ(point.outside_control, point.nps.ci_high < overall || point.nps.ci_low > overall);
  }
  EXPECT_TRUE(trend.points.front().outside_control);
  EXPECT_TRUE(trend.points.back().outside_control);
}

// (X'WX)^-1 X'Wy with w = 1 / se^2 at the points' bucket positions, n > 0.
std::pair<double, double> WlsByHand(const std::vector<ReportTrendPoint>& points) {
  double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
  for (size_t k = 0; k < points.size(); ++k) {
    if (points[k].nps.n == 0) continue;
    const double w = 1 / (points[k].nps.std_error * points[k].nps.std_error);
    const double x = static_cast<double>(k), y = points[k].nps.value;
    sw += w;
    swx += w * x;
    swy += w * y;
    swxx += w * x * x;
    swxy += w * x * y;
  }
  const double det = sw * swxx - swx * swx;
  return {(sw * swxy - swx * swy) / det, std::sqrt(sw / det)};
}

TEST(ReportTrend, AnEmptyMonthKeepsItsPlaceInTheSlope) {
  Table full = Monthly(10, 200, Rising, Steady);
  Table table;
  for (size_t i = 0; i < full.rows(); ++i) {
    if (full.times[i] >= UnixDay(2025, 5, 1) && full.times[i] < UnixDay(2025, 6, 1)) continue;
    table.scores.push_back(full.scores[i]);
    table.times.push_back(full.times[i]);
  }
  Result<ReportModel> report = Build(table);
  ASSERT_TRUE(report.ok()) << report.status().message();
  const ReportTrend& trend = report->trend;
  ASSERT_EQ(trend.points.size(), 10u);
  EXPECT_EQ(trend.points[4].label, "2025-05");
  EXPECT_EQ(trend.points[4].nps.n, 0);
  EXPECT_FALSE(trend.points[4].outside_control);
  const auto [slope, se] = WlsByHand(trend.points);
  EXPECT_NEAR(trend.slope, slope, 1e-9);
  EXPECT_NEAR(trend.slope_p_value, TwoSidedP(slope / se), 1e-9);
  bool said = false;
  for (const std::string& caveat : trend.caveats) {
    said |= caveat.find("1 month of 10 had no responses") != std::string::npos;
  }
  EXPECT_TRUE(said);
}

TEST(ReportTrend, TwoChangesAreHolmAdjustedAndADipIsAnEpisode) {
  Result<ReportModel> report = Build(Monthly(12, 300, Steady, Dip));
  ASSERT_TRUE(report.ok()) << report.status().message();
  const ReportTrend& trend = report->trend;
  ASSERT_EQ(trend.changes.size(), 2u) << trend.test;
  EXPECT_EQ(trend.changes[0].label, "2025-08");
  EXPECT_EQ(trend.changes[1].label, "2025-09");
  const std::vector<double> holm = HolmByHand({trend.changes[0].p_value, trend.changes[1].p_value});
  EXPECT_DOUBLE_EQ(trend.changes[0].p_adjusted, holm[0]);
  EXPECT_DOUBLE_EQ(trend.changes[1].p_adjusted, holm[1]);
  EXPECT_LT(trend.changes[0].shift.difference, 0);
  EXPECT_NEAR(trend.changes[1].before, trend.changes[0].after, 1e-12);
  // The recovery returns the level to where it was before August: an
  // episode, not a trend (the level now against the level before the dip).
  EXPECT_EQ(trend.direction, "holding steady") << trend.test;
  bool episode = false;
  for (const std::string& caveat : trend.caveats) {
    episode = episode || caveat.find("episode") != std::string::npos;
  }
  EXPECT_TRUE(episode);
}

double DipThenBetter(int k) { return k < 9 ? 0.30 : (k == 9 ? 0.60 : 0.22); }  // detractors

// A dip whose recovery ends above the level before it: the direction is the
// net change's, and the test named is that net change, not the scan alone.
TEST(ReportTrend, ADirectionFromTheNetChangeNamesThatTest) {
  Result<ReportModel> report = Build(Monthly(12, 600, Steady, DipThenBetter));
  ASSERT_TRUE(report.ok()) << report.status().message();
  const ReportTrend& trend = report->trend;
  ASSERT_EQ(trend.changes.size(), 2u) << trend.test;
  ASSERT_GE(trend.slope_p_value, 0.05) << trend.test;
  EXPECT_EQ(trend.direction, "improving") << trend.test;
  EXPECT_NE(trend.test.find("net change across the calibrated change-point scan"),
            std::string::npos)
      << trend.test;
}

TEST(ReportTrend, TwoStepsTheSameWayDecline) {
  Result<ReportModel> report = Build(Monthly(12, 300, Steady, TwoSteps));
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_GE(report->trend.changes.size(), 1u) << report->trend.test;
  EXPECT_EQ(report->trend.direction, "declining") << report->trend.test;
}

TEST(ReportTrend, ABadPeriodOrTimeZoneFailsNamingIt) {
  const Table table = Monthly(4, 50, Steady, Steady);
  ReportOptions options;
  options.period = "fortnight";
  Result<ReportModel> report = Build(table, {}, options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(report.status().message().find("fortnight"), std::string::npos);
  options.period = "month";
  options.time_zone = "Mars/Olympus_Mons";
  report = Build(table, {}, options);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("Mars/Olympus_Mons"), std::string::npos)
      << report.status().message();
}

TEST(ReportTrend, DirectionFollowsTheTests) {
  Result<ReportModel> falling = Build(Monthly(10, 200, Steady, Falling));
  ASSERT_TRUE(falling.ok());
  EXPECT_EQ(falling->trend.direction, "declining");
  EXPECT_LT(falling->trend.slope, 0);

  Result<ReportModel> steady = Build(Monthly(10, 200, Steady, Steady));
  ASSERT_TRUE(steady.ok());
  EXPECT_EQ(steady->trend.direction, "holding steady");
  EXPECT_NEAR(steady->trend.slope, 0, 1e-9);
  EXPECT_TRUE(steady->trend.changes.empty());
  EXPECT_NE(steady->trend.test.find("neither passes"), std::string::npos) << steady->trend.test;
}

TEST(ReportTrend, AStepIsAChangeDatedToItsMonth) {
  const Table table = Monthly(12, 300, StepUp, Steady);
  Result<ReportModel> report = Build(table);
  ASSERT_TRUE(report.ok()) << report.status().message();
  const ReportTrend& trend = report->trend;
  ASSERT_EQ(trend.changes.size(), 1u) << trend.test;
  const ReportChange& change = trend.changes[0];
  EXPECT_EQ(change.label, "2025-07");
  EXPECT_EQ(change.time, UnixDay(2025, 7, 1));
  std::vector<double> before, after;
  for (size_t i = 0; i < table.rows(); ++i) {
    (table.times[i] < UnixDay(2025, 7, 1) ? before : after).push_back(table.scores[i]);
  }
  const Reference b = Trinomial(before), a = Trinomial(after);
  EXPECT_NEAR(change.before, b.value, 1e-9);
  EXPECT_NEAR(change.after, a.value, 1e-9);
  EXPECT_NEAR(change.shift.difference, a.value - b.value, 1e-9);
  const double se = std::hypot(a.std_error, b.std_error);
  EXPECT_NEAR(change.shift.std_error, se, 1e-9);
  EXPECT_LE(change.p_value, 0.05);
  // One change: Holm leaves it alone.
  EXPECT_DOUBLE_EQ(change.p_adjusted, change.p_value);
  EXPECT_EQ(trend.direction, "improving");
  EXPECT_NE(trend.test.find("change-point scan"), std::string::npos);
}

TEST(ReportSegments, BreakdownAgainstTheRestWithHolmByHand) {
  Table table;
  CategoricalColumn plan;
  plan.name = "plan";
  const char* labels[] = {"basic", "pro", "team"};
  // basic: mostly detractors; pro: mostly promoters; team: mixed.
  const std::vector<std::vector<double>> scores = {{0, 2, 5, 6, 6, 7, 9, 3, 4, 6, 8, 10, 1, 6},
                                                   {9, 10, 10, 9, 8, 7, 10, 9, 6, 10, 9, 9},
                                                   {7, 8, 9, 6, 10, 5, 8, 9, 7, 3}};
  for (size_t g = 0; g < scores.size(); ++g) {
    for (double s : scores[g]) {
      table.scores.push_back(s);
      plan.codes.push_back(plan.dictionary.Intern(labels[g]));
    }
  }
  table.segments.push_back(plan);
  Result<ReportModel> report = Build(table);
  ASSERT_TRUE(report.ok()) << report.status().message();
  const ReportSegments& segments = report->segments;
  ASSERT_TRUE(segments.present);
  EXPECT_EQ(segments.adjustment, "holm");
  ASSERT_EQ(segments.columns.size(), 1u);
  EXPECT_EQ(segments.columns[0].column, "plan");
  const std::vector<ReportSegmentRow>& rows = segments.columns[0].rows;
  ASSERT_EQ(rows.size(), 3u);
  std::vector<double> p;
  for (size_t g = 0; g < 3; ++g) {
    std::vector<double> rest;
    for (size_t h = 0; h < 3; ++h) {
      if (h != g) rest.insert(rest.end(), scores[h].begin(), scores[h].end());
    }
    const Reference in = Trinomial(scores[g]), out = Trinomial(rest);
    EXPECT_EQ(rows[g].label, labels[g]);
    EXPECT_NEAR(rows[g].nps.value, in.value, 1e-9);
    EXPECT_NEAR(rows[g].nps.std_error, in.std_error, 1e-9);
    EXPECT_NEAR(rows[g].vs_rest.difference, in.value - out.value, 1e-9);
    const double se = std::hypot(in.std_error, out.std_error);
    EXPECT_NEAR(rows[g].vs_rest.std_error, se, 1e-9);
    p.push_back(TwoSidedP((in.value - out.value) / se));
    EXPECT_NEAR(rows[g].vs_rest.p_value, p.back(), 1e-9);
  }
  const std::vector<double> holm = HolmByHand(p);
  for (size_t g = 0; g < 3; ++g) {
    EXPECT_NEAR(rows[g].p_adjusted, holm[g], 1e-9);
    EXPECT_EQ(rows[g].significant, holm[g] < 0.05);
  }
  EXPECT_TRUE(rows[1].significant);  // pro stands out
}

}  // namespace
}  // namespace candor

namespace candor {
namespace {

// A value whose responses are all promoters: Wald would give [100, 100]. Its
// SE is the adjusted Wald one (Rocks 2016: 0.75 detractors, 1.5 passives and
// 0.75 promoters added): 3 promoters -> p = 3.75 / 6, d = 0.75 / 6,
// var = (p + d) - (p - d)^2 = 0.5, SE = 100 sqrt(0.5 / 6).
TEST(ReportSegments, AnAllPromoterValueHasTheAdjustedWaldStandardError) {
  Table table;
  table.scores = {10, 10, 9, 3, 5, 9};
  CategoricalColumn column;
  column.name = "seg";
  for (const char* label : {"a", "a", "a", "b", "b", "b"}) {
    column.codes.push_back(column.dictionary.Intern(label));
  }
  table.segments.push_back(std::move(column));
  Result<ReportModel> report = BuildReport(table, {}, ReportOptions());
  ASSERT_TRUE(report.ok()) << report.status().message();
  const ReportSegmentRow& a = report->segments.columns.at(0).rows.at(0);
  const ReportSegmentRow& b = report->segments.columns.at(0).rows.at(1);
  const double se = 100 * std::sqrt(0.5 / 6);
  EXPECT_DOUBLE_EQ(a.nps.value, 100);
  EXPECT_NEAR(a.nps.std_error, se, 1e-9);
  // The interval: the default (Jeffreys) of a's three promoters, up to 100.
  const std::vector<double> promoters = {10, 10, 9};
  const Result<Estimate> jeffreys =
      EstimateScores(Metric::Nps(), promoters.data(), nullptr, 3, IntervalOptions());
  ASSERT_TRUE(jeffreys.ok());
  EXPECT_NEAR(a.nps.ci_low, jeffreys->ci_low, 1e-9);
  EXPECT_DOUBLE_EQ(a.nps.ci_high, 100);
  // The comparison's SE: a's and the rest's (b's Wald SE) in quadrature.
  EXPECT_NEAR(a.vs_rest.std_error, std::hypot(se, b.nps.std_error), 1e-9);
  const double p =
      std::erfc(std::fabs(a.vs_rest.difference / a.vs_rest.std_error) / std::sqrt(2.0));
  EXPECT_NEAR(a.vs_rest.p_value, p, 1e-12);
  // Holm over the two comparisons as they now stand.
  const double smaller = std::min(a.vs_rest.p_value, b.vs_rest.p_value);
  EXPECT_NEAR(std::min(a.p_adjusted, b.p_adjusted), 2 * smaller, 1e-12);
  bool said = false;
  for (const std::string& caveat : report->segments.caveats) {
    said = said || caveat.find("adjusted Wald") != std::string::npos;
  }
  EXPECT_TRUE(said);
}

}  // namespace
}  // namespace candor

namespace candor {
namespace {

// A month whose two responses are both promoters: Wald gives [100, 100]; its
// SE is the adjusted Wald one: P = 2 + 0.75, D = 0.75 of N = 5,
// var = (p + d) - (p - d)^2 = 0.70 - 0.16, SE = 100 sqrt(0.54 / 5).
TEST(ReportTrend, AnAllPromoterMonthHasTheAdjustedWaldStandardError) {
  Table table;
  const double scores[] = {10, 10, 3, 9, 5, 10, 7, 2};
  for (int i = 0; i < 8; ++i) {
    table.scores.push_back(scores[i]);
    table.times.push_back(MidMonth(i / 2) + 60 * i);
  }
  Result<ReportModel> report = BuildReport(table, {}, ReportOptions());
  ASSERT_TRUE(report.ok()) << report.status().message();
  const ReportTrendPoint& first = report->trend.points.at(0);
  const double se = 100 * std::sqrt(0.54 / 5);
  EXPECT_DOUBLE_EQ(first.nps.value, 100);
  EXPECT_NEAR(first.nps.std_error, se, 1e-9);
  // The interval: the default (Jeffreys) of two promoters, [-28.1, 100],
  // which holds the overall 12.5, so the month is not outside control.
  const std::vector<double> promoters = {10, 10};
  const Result<Estimate> jeffreys =
      EstimateScores(Metric::Nps(), promoters.data(), nullptr, 2, IntervalOptions());
  ASSERT_TRUE(jeffreys.ok());
  EXPECT_NEAR(first.nps.ci_low, jeffreys->ci_low, 1e-9);
  EXPECT_LT(first.nps.ci_low, 12.5);
  EXPECT_FALSE(first.outside_control);
}

}  // namespace
}  // namespace candor
