// BucketAccumulator and TimeBucketsAccumulated: the rows TimeBuckets gives
// for the same responses (the independent computation: TimeBuckets is
// checked against numpy/scipy in trend_buckets_test.cc), however the
// responses are split, serialized and merged; across daylight-saving jumps,
// every period, rolling and smoothed estimates, segments, weights and
// intervals; and the limits and bad input as clear statuses.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/trend_buckets.hpp>
#include <cmath>
#include <cstdint>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace candor {
namespace {

struct Responses {
  std::vector<double> scores;
  std::vector<int64_t> times;
  std::vector<double> weights;
  std::vector<int32_t> segments;
};

// Responses over about 15 months from 2023-02-20 (across both of Berlin's
// jumps and a year end), `segments` series, weights when asked.
Responses Make(size_t n, int segments, bool weighted, uint32_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> score(0, 10);
  std::uniform_int_distribution<int64_t> time(1676851200, 1676851200 + 455 * 86400);
  std::uniform_real_distribution<double> weight(0.2, 3.0);
  std::uniform_int_distribution<int> segment(0, segments - 1);
  Responses r;
  for (size_t i = 0; i < n; ++i) {
    r.scores.push_back(score(rng));
    r.times.push_back(time(rng));
    if (weighted) r.weights.push_back(weight(rng));
    r.segments.push_back(segment(rng));
  }
  return r;
}

// Segment labels whose byte order is the codes' order.
const std::vector<std::string> kLabels = {"alpha", "beta", "gamma", "delta-not-used"};

// The responses in `parts` accumulators of random contiguous slices, each
// serialized and read back, merged in a chain.
BucketAccumulator Accumulate(const Responses& r, const std::string& zone, double half_life,
                             int parts, uint32_t seed) {
  std::vector<std::string_view> labels(kLabels.begin(), kLabels.end());
  std::mt19937 rng(seed);
  std::vector<size_t> cuts = {0, r.scores.size()};
  for (int p = 1; p < parts; ++p) cuts.push_back(rng() % (r.scores.size() + 1));
  std::sort(cuts.begin(), cuts.end());
  Result<BucketAccumulator> merged = BucketAccumulator::Create(0, 10, zone, half_life);
  EXPECT_TRUE(merged.ok()) << merged.status().message();
  for (size_t p = 0; p + 1 < cuts.size(); ++p) {
    const size_t begin = cuts[p], n = cuts[p + 1] - cuts[p];
    Result<BucketAccumulator> part = BucketAccumulator::Create(0, 10, zone, half_life);
    EXPECT_TRUE(part->Add(r.scores.data() + begin, r.times.data() + begin,
                          r.weights.empty() ? nullptr : r.weights.data() + begin,
                          r.segments.data() + begin, n, labels.data(), labels.size())
                    .ok());
    Result<BucketAccumulator> read = BucketAccumulator::Deserialize(part->Serialize());
    EXPECT_TRUE(read.ok()) << read.status().message();
    EXPECT_TRUE(merged->Merge(*read).ok());
  }
  return std::move(merged).value();
}

bool Close(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::fabs(a - b) <= 1e-12 * std::max(1.0, std::fabs(b));
}

void ExpectSameEstimate(const Estimate& a, const Estimate& b, const std::string& what) {
  EXPECT_TRUE(Close(a.value, b.value)) << what << " value " << a.value << " vs " << b.value;
  EXPECT_TRUE(Close(a.std_error, b.std_error)) << what << " se " << a.std_error << " vs " << b.std_error;
  EXPECT_TRUE(Close(a.ci_low, b.ci_low)) << what << " ci_low " << a.ci_low << " vs " << b.ci_low;
  EXPECT_TRUE(Close(a.ci_high, b.ci_high)) << what << " ci_high " << a.ci_high << " vs " << b.ci_high;
  EXPECT_EQ(a.n, b.n) << what << " n";
  EXPECT_TRUE(Close(a.effective_n, b.effective_n)) << what << " effective_n";
}

void ExpectSameRows(const std::vector<TrendBucket>& got, const std::vector<TrendBucket>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    const TrendBucket& a = got[i];
    const TrendBucket& b = want[i];
    const std::string what = "row " + std::to_string(i) + " (" + b.label + ")";
    EXPECT_EQ(a.segment, b.segment) << what;
    EXPECT_EQ(a.label, b.label) << what;
    EXPECT_EQ(a.start, b.start) << what;
    EXPECT_EQ(a.end, b.end) << what;
    ExpectSameEstimate(a.estimate, b.estimate, what + " estimate");
    ExpectSameEstimate(a.rolling, b.rolling, what + " rolling");
    ExpectSameEstimate(a.smoothed, b.smoothed, what + " smoothed");
    EXPECT_EQ(a.previous, b.previous) << what;
    EXPECT_TRUE(Close(a.change.difference, b.change.difference)) << what << " change";
    EXPECT_TRUE(Close(a.change.std_error, b.change.std_error)) << what << " change se";
    EXPECT_TRUE(Close(a.change.ci_low, b.change.ci_low)) << what << " change ci_low";
    EXPECT_TRUE(Close(a.change.ci_high, b.change.ci_high)) << what << " change ci_high";
    EXPECT_TRUE(Close(a.change.p_value, b.change.p_value)) << what << " change p";
    EXPECT_TRUE(Close(a.change_p_adjusted, b.change_p_adjusted)) << what << " p adjusted";
    EXPECT_EQ(a.changes_tested, b.changes_tested) << what;
    EXPECT_TRUE(Close(a.mdc, b.mdc)) << what << " mdc";
    EXPECT_TRUE(Close(a.center, b.center)) << what << " center";
    EXPECT_TRUE(Close(a.lower, b.lower)) << what << " lower";
    EXPECT_TRUE(Close(a.upper, b.upper)) << what << " upper";
    EXPECT_EQ(a.flag, b.flag) << what;
  }
}

struct Case {
  BucketPeriod every;
  int window_days;
  double half_life_days;
  bool weighted;
  IntervalMethod method;
};

// gtest prints a parameter's bytes unless told how (padding included).
void PrintTo(const Case& c, std::ostream* os) {
  *os << BucketPeriodName(c.every) << ", window " << c.window_days << ", half-life "
      << c.half_life_days << (c.weighted ? ", weighted" : "") << ", method "
      << static_cast<int>(c.method);
}

class AccumulatedEqualsTimeBuckets : public ::testing::TestWithParam<Case> {};

TEST_P(AccumulatedEqualsTimeBuckets, RowByRow) {
  const Case& c = GetParam();
  const Responses r = Make(3000, 3, c.weighted, 7);
  Metric metric = Metric::Nps();
  IntervalOptions interval;
  interval.method = c.method;
  interval.replicates = 200;
  BucketOptions options;
  options.every = c.every;
  options.time_zone = "Europe/Berlin";
  options.window_days = c.window_days;
  options.half_life_days = c.half_life_days;
  BucketResponses responses;
  responses.scores = r.scores.data();
  responses.times = r.times.data();
  responses.n = r.scores.size();
  responses.weights = r.weights.empty() ? nullptr : r.weights.data();
  responses.segments = r.segments.data();
  Result<std::vector<TrendBucket>> want = TimeBuckets(metric, interval, responses, options);
  ASSERT_TRUE(want.ok()) << want.status().message();
  for (int parts : {1, 5, 300}) {  // 300: ~10 rows a part, each day computed apart
    const BucketAccumulator acc = Accumulate(r, "Europe/Berlin", c.half_life_days, parts, 11);
    EXPECT_EQ(acc.count(), 3000);
    ASSERT_EQ(acc.segments(), 3u);
    EXPECT_EQ(acc.segment(0), "alpha");
    Result<std::vector<TrendBucket>> got = TimeBucketsAccumulated(metric, interval, acc, options);
    ASSERT_TRUE(got.ok()) << got.status().message();
    ExpectSameRows(*got, *want);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, AccumulatedEqualsTimeBuckets,
    ::testing::Values(Case{BucketPeriod::kMonth, 0, 0, false, IntervalMethod::kJeffreys},
                      Case{BucketPeriod::kMonth, 30, 14, true, IntervalMethod::kJeffreys},
                      Case{BucketPeriod::kWeek, 7, 3.5, true, IntervalMethod::kWald},
                      Case{BucketPeriod::kDay, 3, 1, false, IntervalMethod::kAdjustedWald},
                      Case{BucketPeriod::kQuarter, 45, 30, true, IntervalMethod::kBayes},
                      Case{BucketPeriod::kWeek, 14, 0, false, IntervalMethod::kBootstrap}),
    [](const ::testing::TestParamInfo<Case>& info) {
      const Case& c = info.param;
      return std::string(BucketPeriodName(c.every)) + "_window" + std::to_string(c.window_days) +
             "_halflife" + std::to_string(static_cast<int>(c.half_life_days * 10)) +
             (c.weighted ? "_weighted" : "_unweighted") + "_method" +
             std::to_string(static_cast<int>(c.method));
    });

TEST(BucketAccumulatorTest, OneSeriesWithoutSegmentsAndAnyScale) {
  const Responses r = Make(500, 1, true, 3);
  std::vector<double> scores(r.scores);
  for (double& s : scores) s = 1 + std::fmod(s, 5);  // CSAT 1..5
  Metric metric = Metric::Csat();
  BucketOptions options;
  options.every = BucketPeriod::kWeek;
  options.time_zone = "America/New_York";
  BucketResponses responses;
  responses.scores = scores.data();
  responses.times = r.times.data();
  responses.n = scores.size();
  responses.weights = r.weights.data();
  Result<std::vector<TrendBucket>> want = TimeBuckets(metric, IntervalOptions{}, responses, options);
  ASSERT_TRUE(want.ok()) << want.status().message();
  Result<BucketAccumulator> acc = BucketAccumulator::Create(1, 5, "America/New_York", 0);
  ASSERT_TRUE(acc.ok());
  ASSERT_TRUE(acc->Add(scores.data(), r.times.data(), r.weights.data(), nullptr, scores.size(),
                       nullptr, 0)
                  .ok());
  EXPECT_EQ(acc->segments(), 1u);
  EXPECT_EQ(acc->segment(0), "");
  Result<std::vector<TrendBucket>> got =
      TimeBucketsAccumulated(metric, IntervalOptions{}, *acc, options);
  ASSERT_TRUE(got.ok()) << got.status().message();
  ExpectSameRows(*got, *want);
}

// Santiago skips 00:00-01:00 when daylight saving starts (2022-09-11 begins
// at 01:00): day buckets there have a 23-hour day and equal TimeBuckets';
// a rolling window ending at that skipped midnight starts at 01:00 a week
// earlier, inside a day, which per-day sums cannot give.
TEST(BucketAccumulatorTest, MidnightSkippedByDaylightSaving) {
  std::vector<double> scores;
  std::vector<int64_t> times;
  for (int i = 0; i < 400; ++i) {
    scores.push_back(i % 11);
    times.push_back(1662422400 + int64_t{i} * 3931);  // 2022-09-06 00:00 UTC on, every ~65 min
  }
  BucketOptions options;
  options.every = BucketPeriod::kDay;
  options.time_zone = "America/Santiago";
  options.half_life_days = 2;
  BucketResponses responses;
  responses.scores = scores.data();
  responses.times = times.data();
  responses.n = scores.size();
  Result<std::vector<TrendBucket>> want =
      TimeBuckets(Metric::Nps(), IntervalOptions{}, responses, options);
  ASSERT_TRUE(want.ok());
  Result<BucketAccumulator> acc = BucketAccumulator::Create(0, 10, "America/Santiago", 2);
  ASSERT_TRUE(acc->Add(scores.data(), times.data(), nullptr, nullptr, scores.size(), nullptr, 0)
                  .ok());
  Result<std::vector<TrendBucket>> got =
      TimeBucketsAccumulated(Metric::Nps(), IntervalOptions{}, *acc, options);
  ASSERT_TRUE(got.ok()) << got.status().message();
  ExpectSameRows(*got, *want);
  bool short_day = false;
  for (const TrendBucket& b : *got) short_day = short_day || b.end - b.start == 23 * 3600;
  EXPECT_TRUE(short_day);

  options.window_days = 7;
  Result<std::vector<TrendBucket>> windowed =
      TimeBucketsAccumulated(Metric::Nps(), IntervalOptions{}, *acc, options);
  ASSERT_FALSE(windowed.ok());
  EXPECT_EQ(windowed.status().code(), CANDOR_UNSUPPORTED);
  EXPECT_NE(windowed.status().message().find("2022-09-10"), std::string::npos)
      << windowed.status().message();
}

TEST(BucketAccumulatorTest, BadInputIsAClearStatusAndAddsNothing) {
  EXPECT_EQ(BucketAccumulator::Create(0, 10, "Mars/Olympus", 0).status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(BucketAccumulator::Create(0, 10, "../etc/passwd", 0).status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(BucketAccumulator::Create(0, 10, "UTC", -1).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(BucketAccumulator::Create(0, 10, "UTC", NAN).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(BucketAccumulator::Create(5, 1, "UTC", 0).status().code(), CANDOR_INVALID_ARGUMENT);

  Result<BucketAccumulator> acc = BucketAccumulator::Create(0, 10, "UTC", 7);
  ASSERT_TRUE(acc.ok());
  const double scores[] = {10, 9, 11};
  const int64_t times[] = {1700000000, 1700000000, 1700000000};
  const int64_t far[] = {1700000000, -3000000000LL, 1700000000};
  const int32_t codes[] = {0, 1, 2};
  const std::string_view labels[] = {"x", "y"};
  Status s = acc->Add(scores, times, nullptr, nullptr, 3, nullptr, 0);
  EXPECT_EQ(s.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(s.message().find("index 2"), std::string::npos) << s.message();
  EXPECT_EQ(acc->Add(scores, far, nullptr, nullptr, 2, nullptr, 0).code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(acc->Add(scores, times, nullptr, codes, 3, labels, 2).code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(acc->Add(scores, nullptr, nullptr, nullptr, 2, nullptr, 0).code(),
            CANDOR_INVALID_ARGUMENT);
  const double huge[] = {1e300};  // its square overflows a double
  EXPECT_EQ(acc->Add(scores, times, huge, nullptr, 1, nullptr, 0).code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(acc->count(), 0);
  EXPECT_EQ(acc->cells(), 0u);

  BucketOptions options;
  options.half_life_days = 7;
  EXPECT_EQ(TimeBucketsAccumulated(Metric::Nps(), IntervalOptions{}, *acc, options).status().code(),
            CANDOR_EMPTY);
  ASSERT_TRUE(acc->Add(scores, times, nullptr, codes, 2, labels, 2).ok());
  EXPECT_EQ(acc->count(), 2);
  EXPECT_EQ(acc->segments(), 2u);

  BucketOptions berlin = options;
  berlin.time_zone = "Europe/Berlin";
  EXPECT_EQ(TimeBucketsAccumulated(Metric::Nps(), IntervalOptions{}, *acc, berlin).status().code(),
            CANDOR_INVALID_ARGUMENT);
  BucketOptions other_half_life = options;
  other_half_life.half_life_days = 3;
  EXPECT_EQ(TimeBucketsAccumulated(Metric::Nps(), IntervalOptions{}, *acc, other_half_life)
                .status()
                .code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(TimeBucketsAccumulated(Metric::Csat(), IntervalOptions{}, *acc, options).status().code(),
            CANDOR_INVALID_ARGUMENT);
  IntervalOptions bootstrap;
  bootstrap.method = IntervalMethod::kBootstrap;
  EXPECT_EQ(TimeBucketsAccumulated(Metric::Nps(), bootstrap, *acc, options).status().code(),
            CANDOR_UNSUPPORTED);

  Result<BucketAccumulator> berlin_acc = BucketAccumulator::Create(0, 10, "Europe/Berlin", 7);
  EXPECT_EQ(acc->Merge(*berlin_acc).code(), CANDOR_INVALID_ARGUMENT);
  Result<BucketAccumulator> csat = BucketAccumulator::Create(1, 5, "UTC", 7);
  EXPECT_EQ(acc->Merge(*csat).code(), CANDOR_INVALID_ARGUMENT);
  ASSERT_TRUE(acc->Merge(*acc).ok());  // itself: every response twice
  EXPECT_EQ(acc->count(), 4);
}

TEST(BucketAccumulatorTest, DamagedBytesAreAParseErrorNeverACrash) {
  const Responses r = Make(200, 2, true, 5);
  const BucketAccumulator acc = Accumulate(r, "Europe/Berlin", 5, 2, 3);
  const std::string bytes = acc.Serialize();
  Result<BucketAccumulator> back = BucketAccumulator::Deserialize(bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->Serialize(), bytes);
  EXPECT_EQ(back->count(), 200);
  for (size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_EQ(BucketAccumulator::Deserialize(std::string_view(bytes).substr(0, size))
                  .status()
                  .code(),
              CANDOR_PARSE_ERROR)
        << size;
  }
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x10;
  EXPECT_EQ(BucketAccumulator::Deserialize(flipped).status().code(), CANDOR_PARSE_ERROR);
  std::string other = bytes;
  other[0] = 'X';
  EXPECT_EQ(BucketAccumulator::Deserialize(other).status().code(), CANDOR_PARSE_ERROR);
}

}  // namespace
}  // namespace candor
