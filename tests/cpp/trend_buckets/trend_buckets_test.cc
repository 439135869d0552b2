// Calendar-bucket trends: bucket assignment against pandas/zoneinfo, every
// statistic against numpy/scipy closed forms (fixtures from
// tests/crosscheck/trend_buckets_reference.py), hand-computed cases and bad
// input.
#include <gtest/gtest.h>

#include <candor/trend_buckets.hpp>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/fixture_csv.hpp"

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string DataPath(const std::string& name) {
  return std::string(CANDOR_TEST_DATA) + "/trend_buckets/" + name;
}

using Row = std::map<std::string, std::string>;

std::vector<Row> ReadCsv(const std::string& name) {
  return testing::ReadFixtureCsv(DataPath(name));
}

double Number(const Row& row, const std::string& column) {
  const std::string& text = row.at(column);
  if (text == "nan") return kNaN;
  return std::stod(text);
}

// Equal within a relative tolerance, or both NaN.
void ExpectClose(double actual, double expected, const std::string& what) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(actual)) << what << ": " << actual << " should be NaN";
    return;
  }
  EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::fabs(expected))) << what;
}

void ExpectEstimate(const Estimate& e, const Row& row, const std::string& prefix,
                    const std::string& what) {
  ExpectClose(e.value, Number(row, prefix + "value"), what + " " + prefix + "value");
  ExpectClose(e.std_error, Number(row, prefix + "std_error"), what + " " + prefix + "std_error");
  ExpectClose(e.ci_low, Number(row, prefix + "ci_low"), what + " " + prefix + "ci_low");
  ExpectClose(e.ci_high, Number(row, prefix + "ci_high"), what + " " + prefix + "ci_high");
  EXPECT_EQ(e.n, static_cast<int64_t>(Number(row, prefix + "n"))) << what << " " << prefix << "n";
  ExpectClose(e.effective_n, Number(row, prefix + "effective_n"),
              what + " " + prefix + "effective_n");
}

TEST(CalendarBucketsTest, MatchesPandasAndZoneinfo) {
  // (zone, period) -> rows of that case.
  std::map<std::pair<std::string, std::string>, std::vector<Row>> cases;
  for (Row& row : ReadCsv("calendar.csv")) {
    cases[{row["zone"], row["period"]}].push_back(row);
  }
  ASSERT_EQ(cases.size(), 20u);
  size_t checked = 0;
  for (const auto& [key, rows] : cases) {
    const std::string what = key.first + " " + key.second;
    std::vector<int64_t> times;
    for (const Row& row : rows) times.push_back(std::stoll(row.at("time")));
    const Result<BucketPeriod> period = ParseBucketPeriod(key.second);
    ASSERT_TRUE(period.ok());
    const Result<CalendarBuckets> b =
        AssignCalendarBuckets(times.data(), times.size(), *period, key.first);
    ASSERT_TRUE(b.ok()) << b.status().message();
    ASSERT_EQ(b->bucket_of.size(), times.size());
    for (size_t k = 0; k + 1 < b->starts.size(); ++k) {
      ASSERT_EQ(b->ends[k], b->starts[k + 1]) << what << ": buckets are contiguous";
      ASSERT_LT(b->starts[k], b->ends[k]);
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      const size_t k = static_cast<size_t>(b->bucket_of[i]);
      ASSERT_LT(k, b->labels.size());
      EXPECT_EQ(b->labels[k], rows[i].at("label")) << what << " time " << times[i];
      EXPECT_EQ(b->starts[k], std::stoll(rows[i].at("start"))) << what << " time " << times[i];
      EXPECT_EQ(b->ends[k], std::stoll(rows[i].at("end"))) << what << " time " << times[i];
      ++checked;
    }
  }
  EXPECT_GT(checked, 10000u);
}

TEST(CalendarBucketsTest, IsoWeeksAtYearBoundaries) {
  // 2020-12-31 (Thursday) is in 2020-W53; 2021-01-03 (Sunday) too; 2021-01-04
  // opens 2021-W01; 2024-12-30 (Monday) is in 2025-W01.
  const int64_t times[] = {1609372800, 1609675200, 1609718400, 1735560000};
  const Result<CalendarBuckets> b =
      AssignCalendarBuckets(times, 4, BucketPeriod::kWeek, "UTC");
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->labels[b->bucket_of[0]], "2020-W53");
  EXPECT_EQ(b->labels[b->bucket_of[1]], "2020-W53");
  EXPECT_EQ(b->labels[b->bucket_of[2]], "2021-W01");
  EXPECT_EQ(b->labels[b->bucket_of[3]], "2025-W01");
  EXPECT_EQ(b->starts[b->bucket_of[0]], 1609113600);  // Monday 2020-12-28
}

TEST(CalendarBucketsTest, DaysAcrossDaylightSavingAreShortAndLong) {
  // New York 2026: clocks go forward on March 8 and back on November 1.
  const int64_t times[] = {1772946000 + 3600 * 12, 1793505600 + 3600 * 12};
  for (int i = 0; i < 2; ++i) {
    const Result<CalendarBuckets> b =
        AssignCalendarBuckets(&times[i], 1, BucketPeriod::kDay, "America/New_York");
    ASSERT_TRUE(b.ok()) << b.status().message();
    ASSERT_EQ(b->labels.size(), 1u);
    EXPECT_EQ(b->labels[0], i == 0 ? "2026-03-08" : "2026-11-01");
    EXPECT_EQ(b->ends[0] - b->starts[0], i == 0 ? 23 * 3600 : 25 * 3600);
  }
}

struct Survey {
  std::vector<double> scores, weights;
  std::vector<int64_t> times;
  std::vector<int32_t> accounts, segments;
};

Survey ReadSurvey() {
  Survey s;
  for (const Row& row : ReadCsv("responses.csv")) {
    s.times.push_back(std::stoll(row.at("time")));
    s.scores.push_back(std::stod(row.at("score")));
    s.weights.push_back(std::stod(row.at("weight")));
    s.accounts.push_back(std::stoi(row.at("account")));
    s.segments.push_back(std::stoi(row.at("segment")));
  }
  return s;
}

Metric MetricNamed(const std::string& name) {
  if (name == "nps") return Metric::Nps();
  if (name == "top_box") return Metric::TopBox(0, 10, 2);
  return Metric::Mean(0, 10);
}

TEST(TimeBucketsTest, MatchesClosedFormsFromNumpyAndScipy) {
  const Survey survey = ReadSurvey();
  ASSERT_EQ(survey.scores.size(), 2400u);
  std::map<std::string, std::vector<Row>> expected;
  for (Row& row : ReadCsv("expected.csv")) expected[row["case"]].push_back(row);
  const std::vector<Row> cases = ReadCsv("cases.csv");
  ASSERT_EQ(cases.size(), 5u);
  int flagged = 0, changes = 0, empties = 0;
  for (const Row& c : cases) {
    const std::string name = c.at("case");
    BucketResponses r;
    r.scores = survey.scores.data();
    r.times = survey.times.data();
    r.n = survey.scores.size();
    if (c.at("weighted") == "1") r.weights = survey.weights.data();
    if (c.at("accounts") == "1") r.accounts = survey.accounts.data();
    if (c.at("segments") == "1") r.segments = survey.segments.data();
    BucketOptions options;
    options.every = *ParseBucketPeriod(c.at("every"));
    options.time_zone = c.at("zone");
    options.window_days = std::stoi(c.at("window_days"));
    options.half_life_days = Number(c, "half_life_days");
    options.control_k = Number(c, "control_k");
    IntervalOptions interval;  // the reference (numpy and scipy) is Wald
    interval.method = IntervalMethod::kWald;
    interval.level = Number(c, "level");
    const Result<std::vector<TrendBucket>> rows =
        TimeBuckets(MetricNamed(c.at("metric")), interval, r, options);
    ASSERT_TRUE(rows.ok()) << name << ": " << rows.status().message();
    const std::vector<Row>& want = expected[name];
    ASSERT_EQ(rows->size(), want.size()) << name;
    for (size_t i = 0; i < want.size(); ++i) {
      const TrendBucket& b = (*rows)[i];
      const Row& w = want[i];
      const std::string what = name + " row " + std::to_string(i) + " " + b.label;
      EXPECT_EQ(b.segment, std::stoi(w.at("segment"))) << what;
      EXPECT_EQ(b.label, w.at("label")) << what;
      EXPECT_EQ(b.start, std::stoll(w.at("start"))) << what;
      EXPECT_EQ(b.end, std::stoll(w.at("end"))) << what;
      ExpectEstimate(b.estimate, w, "", what);
      ExpectEstimate(b.rolling, w, "rolling_", what);
      ExpectEstimate(b.smoothed, w, "smoothed_", what);
      EXPECT_EQ(b.previous, std::stoll(w.at("previous"))) << what;
      ExpectClose(b.change.difference, Number(w, "change"), what + " change");
      ExpectClose(b.change.std_error, Number(w, "change_std_error"), what + " change se");
      ExpectClose(b.change.ci_low, Number(w, "change_ci_low"), what + " change ci_low");
      ExpectClose(b.change.ci_high, Number(w, "change_ci_high"), what + " change ci_high");
      ExpectClose(b.change.p_value, Number(w, "change_p_value"), what + " p");
      ExpectClose(b.mdc, Number(w, "mdc"), what + " mdc");
      ExpectClose(b.center, Number(w, "center"), what + " center");
      ExpectClose(b.lower, Number(w, "lower"), what + " lower");
      ExpectClose(b.upper, Number(w, "upper"), what + " upper");
      EXPECT_EQ(b.flag, std::stoi(w.at("flag"))) << what;
      flagged += b.flag != 0;
      changes += b.previous >= 0;
      empties += b.estimate.n == 0;
    }
  }
  // The fixtures exercise what they should.
  EXPECT_GT(flagged, 0);
  EXPECT_GT(changes, 50);
  EXPECT_GT(empties, 3);
}

// Two months by hand: January 10 promoters, 5 passives, 5 detractors (NPS 25),
// February 4, 4, 12 (NPS -40); one-sigma control limits.
TEST(TimeBucketsTest, HandComputedTwoMonths) {
  std::vector<double> scores;
  std::vector<int64_t> times;
  auto add = [&](int64_t day_start, int pro, int pas, int det) {
    int k = 0;
    for (int i = 0; i < pro; ++i) scores.push_back(10), times.push_back(day_start + 3600 * k++);
    for (int i = 0; i < pas; ++i) scores.push_back(8), times.push_back(day_start + 3600 * k++);
    for (int i = 0; i < det; ++i) scores.push_back(2), times.push_back(day_start + 3600 * k++);
  };
  add(1767225600 + 86400 * 3, 10, 5, 5);   // 2026-01-04 UTC
  add(1769904000 + 86400 * 10, 4, 4, 12);  // 2026-02-11 UTC
  BucketResponses r{scores.data(), times.data(), scores.size(), nullptr, nullptr, nullptr};
  BucketOptions options;
  options.control_k = 1;
  const Result<std::vector<TrendBucket>> rows =
      TimeBuckets(Metric::Nps(), IntervalOptions{}, r, options);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  const TrendBucket& jan = (*rows)[0];
  const TrendBucket& feb = (*rows)[1];
  EXPECT_EQ(jan.label, "2026-01");
  EXPECT_EQ(feb.label, "2026-02");
  EXPECT_EQ(jan.start, 1767225600);
  EXPECT_EQ(jan.end, 1769904000);
  EXPECT_NEAR(jan.estimate.value, 25.0, 1e-12);
  EXPECT_NEAR(feb.estimate.value, -40.0, 1e-12);
  const double var_jan = (0.75 - 0.25 * 0.25) / 20, var_feb = (0.8 - 0.4 * 0.4) / 20;
  EXPECT_NEAR(jan.estimate.std_error, 100 * std::sqrt(var_jan), 1e-10);
  EXPECT_EQ(jan.previous, -1);
  EXPECT_TRUE(std::isnan(jan.change.difference));
  EXPECT_TRUE(std::isnan(jan.mdc));
  EXPECT_EQ(feb.previous, 0);
  const double se = 100 * std::sqrt(var_jan + var_feb);
  EXPECT_NEAR(feb.change.difference, -65.0, 1e-10);
  EXPECT_NEAR(feb.change.std_error, se, 1e-10);
  EXPECT_NEAR(feb.change.p_value, std::erfc(65.0 / se / std::sqrt(2.0)), 1e-12);
  // z_0.975 + z_0.8 = 1.959963984540054 + 0.8416212335729143.
  EXPECT_NEAR(feb.mdc, 2.8015852181129683 * se, 1e-9);
  // Pooled: 14 promoters, 17 detractors of 40: m = -0.075,
  // sigma^2 = 31/40 - 0.075^2; limits -7.5 -/+ k sigma / sqrt(20), k = 1.
  const double sigma = 100 * std::sqrt(31.0 / 40 - 0.075 * 0.075);
  EXPECT_NEAR(jan.center, -7.5, 1e-12);
  EXPECT_NEAR(jan.upper, -7.5 + sigma / std::sqrt(20.0), 1e-10);
  EXPECT_NEAR(feb.lower, -7.5 - sigma / std::sqrt(20.0), 1e-10);
  EXPECT_EQ(jan.flag, 1);   // 25 > -7.5 + 19.6
  EXPECT_EQ(feb.flag, -1);  // -40 < -7.5 - 19.6
}

// Change p-values adjusted within each series, by hand: segment 0 has
// January (NPS 25), February (-40), an empty March and April (10), so two
// changes with two-sided normal p-values p_feb and p_apr; segment 1 answers
// in January only (no change: a family of 0). Holm (1979) for two p-values
// lo <= hi: min(1, 2 lo) and max(min(1, 2 lo), hi); Benjamini-Hochberg:
// min(2 lo, hi) and hi.
TEST(TimeBucketsTest, ChangePValuesAreAdjustedWithinEachSeries) {
  std::vector<double> scores;
  std::vector<int64_t> times;
  std::vector<int32_t> segments;
  auto add = [&](int32_t segment, int64_t day_start, int pro, int pas, int det) {
    int k = 0;
    auto push = [&](double score) {
      scores.push_back(score);
      times.push_back(day_start + 3600 * k++);
      segments.push_back(segment);
    };
    for (int i = 0; i < pro; ++i) push(10);
    for (int i = 0; i < pas; ++i) push(8);
    for (int i = 0; i < det; ++i) push(2);
  };
  add(0, 1767225600 + 86400 * 3, 10, 5, 5);   // 2026-01-04 UTC
  add(0, 1769904000 + 86400 * 10, 4, 4, 12);  // 2026-02-11 UTC
  add(0, 1775001600 + 86400 * 2, 8, 6, 6);    // 2026-04-03 UTC
  add(1, 1767225600 + 86400 * 5, 3, 1, 1);    // 2026-01-06 UTC
  BucketResponses r{scores.data(), times.data(), scores.size(), nullptr, nullptr, segments.data()};
  const double var_jan = (0.75 - 0.25 * 0.25) / 20, var_feb = (0.8 - 0.4 * 0.4) / 20,
               var_apr = (0.7 - 0.1 * 0.1) / 20;
  const double z_feb = 65 / (100 * std::sqrt(var_jan + var_feb));
  const double z_apr = 50 / (100 * std::sqrt(var_feb + var_apr));
  const double p_feb = std::erfc(z_feb / std::sqrt(2.0));
  const double p_apr = std::erfc(z_apr / std::sqrt(2.0));
  ASSERT_LT(p_feb, p_apr);  // the hand formulas below take p_feb as the smaller
  struct Case {
    PAdjust method;
    double feb, apr;
  };
  const Case cases[] = {
      {PAdjust::kHolm, std::min(1.0, 2 * p_feb), std::max(std::min(1.0, 2 * p_feb), p_apr)},
      {PAdjust::kBenjaminiHochberg, std::min(2 * p_feb, p_apr), p_apr},
      {PAdjust::kNone, p_feb, p_apr}};
  for (const Case& c : cases) {
    BucketOptions options;
    options.p_adjust = c.method;
    const Result<std::vector<TrendBucket>> rows =
        TimeBuckets(Metric::Nps(), IntervalOptions{}, r, options);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    ASSERT_EQ(rows->size(), 8u);  // 2 segments x January..April
    const std::string what = "method " + std::to_string(static_cast<int>(c.method));
    EXPECT_NEAR((*rows)[1].change.p_value, p_feb, 1e-12) << what;
    EXPECT_NEAR((*rows)[3].change.p_value, p_apr, 1e-12) << what;
    EXPECT_EQ((*rows)[3].previous, 1) << what;
    EXPECT_NEAR((*rows)[1].change_p_adjusted, c.feb, 1e-12) << what;
    EXPECT_NEAR((*rows)[3].change_p_adjusted, c.apr, 1e-12) << what;
    EXPECT_TRUE(std::isnan((*rows)[0].change_p_adjusted)) << what;  // first bucket
    EXPECT_TRUE(std::isnan((*rows)[2].change_p_adjusted)) << what;  // empty March
    for (size_t k = 0; k < 4; ++k) {
      EXPECT_EQ((*rows)[k].changes_tested, 2) << what << " row " << k;
      EXPECT_EQ((*rows)[4 + k].changes_tested, 0) << what << " row " << 4 + k;
      EXPECT_TRUE(std::isnan((*rows)[4 + k].change_p_adjusted)) << what;
    }
  }
  // The adjustment changes these p-values (so the test could tell).
  EXPECT_GT(std::min(1.0, 2 * p_feb), p_feb * 1.5);
}

TEST(TimeBucketsTest, SingleBucketHasNoChange) {
  const double scores[] = {10, 9, 3};
  const int64_t times[] = {1767225600, 1767225600 + 5, 1767225600 + 9};
  BucketResponses r{scores, times, 3, nullptr, nullptr, nullptr};
  const Result<std::vector<TrendBucket>> rows =
      TimeBuckets(Metric::Nps(), IntervalOptions{}, r, BucketOptions{});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].previous, -1);
  EXPECT_TRUE(std::isnan((*rows)[0].change.p_value));
  EXPECT_NEAR((*rows)[0].estimate.value, 100.0 / 3, 1e-12);
}

TEST(TimeBucketsTest, EmptyBucketsAreRowsAndChangesSkipThem) {
  const double scores[] = {10, 0, 9, 9};
  // 2026-01-01, 2026-01-02, (nothing on 01-03 and 01-04), 2026-01-05 twice.
  const int64_t times[] = {1767225600, 1767312000, 1767571200, 1767571300};
  BucketOptions options;
  options.every = BucketPeriod::kDay;
  BucketResponses r{scores, times, 4, nullptr, nullptr, nullptr};
  const Result<std::vector<TrendBucket>> rows =
      TimeBuckets(Metric::Nps(), IntervalOptions{}, r, options);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 5u);
  EXPECT_EQ((*rows)[2].estimate.n, 0);
  EXPECT_TRUE(std::isnan((*rows)[2].estimate.value));
  EXPECT_TRUE(std::isnan((*rows)[2].lower));
  EXPECT_EQ((*rows)[2].flag, 0);
  EXPECT_EQ((*rows)[2].previous, -1);
  EXPECT_EQ((*rows)[4].previous, 1);  // skips the empty days
  EXPECT_NEAR((*rows)[4].change.difference, 200.0, 1e-12);
}

TEST(TimeBucketsTest, UndefinedVarianceKeepsThePointEstimate) {
  // One weighted response in January; one account in February.
  const double scores[] = {10, 3, 10, 9};
  const double weights[] = {2, 1, 1, 1};
  const int32_t accounts[] = {0, 1, 1, 1};
  const int64_t times[] = {1767225600, 1769904000, 1769904000 + 60, 1769904000 + 120};
  BucketResponses r{scores, times, 1, weights, nullptr, nullptr};
  Result<std::vector<TrendBucket>> rows =
      TimeBuckets(Metric::Nps(), IntervalOptions{}, r, BucketOptions{});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_NEAR((*rows)[0].estimate.value, 100.0, 1e-12);
  EXPECT_TRUE(std::isnan((*rows)[0].estimate.std_error));
  r.n = 4;
  r.accounts = accounts;
  rows = TimeBuckets(Metric::Nps(), IntervalOptions{}, r, BucketOptions{});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_NEAR((*rows)[1].estimate.value, 100.0 / 3, 1e-12);
  EXPECT_TRUE(std::isnan((*rows)[1].estimate.std_error));
  EXPECT_EQ((*rows)[1].previous, 0);
  EXPECT_TRUE(std::isnan((*rows)[1].change.difference));
}

TEST(TimeBucketsTest, ControlLevelSetsK) {
  BucketOptions options;
  options.control_level = 0.95;
  EXPECT_NEAR(options.ControlK(), 1.959963984540054, 1e-9);
  options.control_level = 0;
  options.control_k = 2.5;
  EXPECT_EQ(options.ControlK(), 2.5);
}

TEST(TimeBucketsTest, BadInputIsAClearStatus) {
  const double scores[] = {10, 9, 3};
  const int64_t times[] = {1767225600, 1767225600 + 5, 1767225600 + 9};
  const Metric nps = Metric::Nps();
  auto run = [&](BucketResponses r, BucketOptions o) {
    return TimeBuckets(nps, IntervalOptions{}, r, o).status();
  };
  const BucketResponses good{scores, times, 3, nullptr, nullptr, nullptr};
  BucketOptions o;
  o.time_zone = "Mars/Olympus_Mons";
  Status s = run(good, o);
  EXPECT_EQ(s.code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(s.message().find("Mars/Olympus_Mons"), std::string::npos) << s.message();
  o.time_zone = "";
  EXPECT_EQ(run(good, o).code(), CANDOR_INVALID_ARGUMENT);
  o = BucketOptions{};
  o.window_days = -1;
  EXPECT_EQ(run(good, o).code(), CANDOR_INVALID_ARGUMENT);
  o = BucketOptions{};
  o.half_life_days = -2;
  EXPECT_EQ(run(good, o).code(), CANDOR_INVALID_ARGUMENT);
  o.half_life_days = std::numeric_limits<double>::infinity();
  EXPECT_EQ(run(good, o).code(), CANDOR_INVALID_ARGUMENT);
  o = BucketOptions{};
  o.power = 1;
  EXPECT_EQ(run(good, o).code(), CANDOR_INVALID_ARGUMENT);
  o = BucketOptions{};
  o.control_k = 0;
  EXPECT_EQ(run(good, o).code(), CANDOR_INVALID_ARGUMENT);
  o = BucketOptions{};
  o.control_level = 1.5;
  EXPECT_EQ(run(good, o).code(), CANDOR_INVALID_ARGUMENT);
  o = BucketOptions{};
  o.every = static_cast<BucketPeriod>(9);
  EXPECT_EQ(run(good, o).code(), CANDOR_INVALID_ARGUMENT);
  o = BucketOptions{};
  o.p_adjust = static_cast<PAdjust>(7);
  s = run(good, o);
  EXPECT_EQ(s.code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(s.message().find("p_adjust"), std::string::npos) << s.message();
  const Result<BucketPeriod> period = ParseBucketPeriod("fortnight");
  ASSERT_FALSE(period.ok());
  EXPECT_NE(period.status().message().find("fortnight"), std::string::npos);

  BucketResponses r = good;
  r.n = 0;
  EXPECT_EQ(run(r, BucketOptions{}).code(), CANDOR_EMPTY);
  r = good;
  r.scores = nullptr;
  EXPECT_EQ(run(r, BucketOptions{}).code(), CANDOR_INVALID_ARGUMENT);
  r = good;
  r.times = nullptr;
  EXPECT_EQ(run(r, BucketOptions{}).code(), CANDOR_INVALID_ARGUMENT);
  const int64_t far[] = {1767225600, kLatestBucketTime, 1767225600};
  r = good;
  r.times = far;
  s = run(r, BucketOptions{});
  EXPECT_EQ(s.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(s.message().find("index 1"), std::string::npos) << s.message();
  const double bad_scores[] = {10, 11, 3};
  r = good;
  r.scores = bad_scores;
  s = run(r, BucketOptions{});
  EXPECT_EQ(s.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(s.message().find("index 1"), std::string::npos) << s.message();
  const double bad_weights[] = {1, 1, -1};
  r = good;
  r.weights = bad_weights;
  EXPECT_EQ(run(r, BucketOptions{}).code(), CANDOR_OUT_OF_RANGE);
  const int32_t bad_accounts[] = {0, -4, 1};
  r = good;
  r.accounts = bad_accounts;
  s = run(r, BucketOptions{});
  EXPECT_EQ(s.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(s.message().find("index 1"), std::string::npos) << s.message();
  const int32_t accounts[] = {0, 1, 1};
  r = good;
  r.accounts = accounts;
  IntervalOptions bayes;
  bayes.method = IntervalMethod::kBayes;
  EXPECT_EQ(TimeBuckets(nps, bayes, r, BucketOptions{}).status().code(), CANDOR_UNSUPPORTED);
  // Daily buckets over 300 years are fine for one series (109,573 rows) but
  // not for 50 segments.
  std::vector<double> many_scores(50, 10);
  std::vector<int64_t> span(50);
  std::vector<int32_t> many(50);
  for (int i = 0; i < 50; ++i) {
    span[i] = i % 2 == 0 ? kEarliestBucketTime : kLatestBucketTime - 1;
    many[i] = i;
  }
  o = BucketOptions{};
  o.every = BucketPeriod::kDay;
  r = BucketResponses{many_scores.data(), span.data(), 50, nullptr, nullptr, nullptr};
  const Result<std::vector<TrendBucket>> long_series = TimeBuckets(nps, IntervalOptions{}, r, o);
  ASSERT_TRUE(long_series.ok()) << long_series.status().message();
  EXPECT_EQ(long_series->size(),
            static_cast<size_t>((kLatestBucketTime - kEarliestBucketTime) / 86400));
  r.segments = many.data();
  EXPECT_EQ(TimeBuckets(nps, IntervalOptions{}, r, o).status().code(), CANDOR_UNSUPPORTED);
  EXPECT_EQ(AssignCalendarBuckets(nullptr, 2, BucketPeriod::kDay, "UTC").status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(AssignCalendarBuckets(times, 0, BucketPeriod::kDay, "UTC").status().code(),
            CANDOR_EMPTY);
}

}  // namespace
}  // namespace candor
