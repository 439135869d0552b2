// The online change monitor: Siegmund's ARL against the published values,
// the CUSUM against a direct per-response Page recursion, seeded Monte Carlo
// run lengths against the stated ARL0 (near-Gaussian and NPS responses), the
// detection and dating of a step drop, Reset, and bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/trend_monitor.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "support/nps_responses.hpp"

namespace candor {
namespace {

using testing::AppendNps;

std::vector<double> NpsHistory(uint64_t seed, size_t n, double promoters, double detractors) {
  std::mt19937_64 rng(seed);
  std::vector<double> out;
  AppendNps(rng, n, promoters, detractors, &out);
  return out;
}

TEST(CusumArl, MatchesTheTabulatedSiegmundValues) {
  // Montgomery (Introduction to SQC, the CUSUM chapter) tabulates the
  // one-sided in-control ARL of k = 0.5, h = 4 as 336 and h = 5 as 930 from
  // this approximation: (e^{2k h'} - 2k h' - 1) / (2k^2), h' = h + 1.166.
  EXPECT_NEAR(CusumArl(0.5, 4), (std::exp(5.166) - 5.166 - 1) / 0.5, 1e-9);
  EXPECT_NEAR(CusumArl(0.5, 4), 336, 3);
  EXPECT_NEAR(CusumArl(0.5, 5), 930, 10);
  // k -> 0: h'^2, continuous across the series branch.
  EXPECT_NEAR(CusumArl(0, 3), 4.166 * 4.166, 1e-12);
  EXPECT_NEAR(CusumArl(1e-6, 3), CusumArl(1e-3, 3), 0.05);
}

TEST(CusumArl, ThresholdInvertsTheTwoSidedArl) {
  for (double k : {0.0, 0.25, 0.5, 1.0}) {
    for (double alpha : {0.1, 0.01, 0.001}) {
      const double h = CusumThreshold(k, alpha);
      EXPECT_NEAR(CusumArl(k, h) / 2, 1 / alpha, 1e-6 / alpha) << k << " " << alpha;
    }
  }
  EXPECT_EQ(CusumThreshold(0.5, 0.99), 0);  // even h = 0 alarms less often
}

TEST(ChangeMonitor, BaselineAndThresholdFromTheHistory) {
  const std::vector<double> history = NpsHistory(1, 600, 0.45, 0.25);
  double sum = 0;
  for (double x : history) sum += x >= 9 ? 1 : x <= 6 ? -1 : 0;
  const double mean = sum / 600;
  double squares = 0;
  for (double x : history) {
    const double d = (x >= 9 ? 1 : x <= 6 ? -1 : 0) - mean;
    squares += d * d;
  }
  const std::vector<int64_t> buckets(30, 20);
  ChangeMonitorOptions options;
  auto monitor = ChangeMonitor::Create(history.data(), history.size(), buckets.data(),
                                       buckets.size(), options);
  ASSERT_TRUE(monitor.ok()) << monitor.status().message();
  EXPECT_NEAR(monitor->baseline_mean(), 100 * mean, 1e-9);
  EXPECT_NEAR(monitor->baseline_sd(), 100 * std::sqrt(squares / 599), 1e-9);
  EXPECT_EQ(monitor->bucket_size(), 20);
  EXPECT_DOUBLE_EQ(monitor->reference(), 0.5);
  EXPECT_DOUBLE_EQ(monitor->threshold(), CusumThreshold(0.5, 0.01));
  EXPECT_NEAR(monitor->arl0(), 100, 1e-6);

  // A shift of 10 NPS points: k_b = 10 / sd sqrt(20) / 2.
  options.shift = 10;
  auto shifted = ChangeMonitor::Create(history.data(), history.size(), buckets.data(),
                                       buckets.size(), options);
  ASSERT_TRUE(shifted.ok());
  EXPECT_NEAR(shifted->reference(), 0.5 * 10 / shifted->baseline_sd() * std::sqrt(20.0), 1e-12);
}

// Page's per-observation recursion written out, in bucket-SE units of a
// one-response bucket: every update of a one-response bucket must match it.
TEST(ChangeMonitor, SingleResponsesFollowPagesRecursion) {
  const std::vector<double> history = NpsHistory(2, 200, 0.4, 0.3);
  ChangeMonitorOptions options;
  options.alpha = 0.002;
  auto monitor = ChangeMonitor::Create(history.data(), history.size(), nullptr, 0, options);
  ASSERT_TRUE(monitor.ok());
  const double mu0 = monitor->baseline_mean() / 100;
  const double sigma = monitor->baseline_sd() / 100;
  const double k = monitor->reference();
  const std::vector<double> stream = NpsHistory(3, 400, 0.3, 0.45);  // a drop
  double u = 0;
  double l = 0;
  int64_t first_alarm = -1;
  for (size_t t = 0; t < stream.size(); ++t) {
    const double v = stream[t] >= 9 ? 1 : stream[t] <= 6 ? -1 : 0;
    const double z = (v - mu0) / sigma;
    u = std::max(0.0, u + z - k);
    l = std::max(0.0, l - z - k);
    auto state = monitor->Update(&stream[t], 1);
    ASSERT_TRUE(state.ok());
    EXPECT_NEAR(state->upper, u, 1e-9) << t;
    EXPECT_NEAR(state->lower, l, 1e-9) << t;
    EXPECT_EQ(state->alarm, u > monitor->threshold() || l > monitor->threshold()) << t;
    if (state->alarm && first_alarm < 0) {
      first_alarm = static_cast<int64_t>(t);
      EXPECT_EQ(state->direction, ChangeDirection::kDown);
    }
  }
  EXPECT_GE(first_alarm, 0);  // a 25-point drop over 400 responses is found
}

// Buckets until the first alarm, from a fresh monitor, for `runs` runs.
template <typename MakeBucket>
double MeanRunLength(ChangeMonitor monitor, int runs, int64_t cap, MakeBucket make_bucket) {
  double total = 0;
  std::vector<double> bucket;
  for (int r = 0; r < runs; ++r) {
    monitor.Reset();
    int64_t t = 0;
    while (t < cap) {
      ++t;
      make_bucket(&bucket);
      auto state = monitor.Update(bucket.data(), bucket.size());
      if (!state.ok() || state->alarm) break;
    }
    total += static_cast<double>(t);
  }
  return total / runs;
}

TEST(ChangeMonitor, GaussianRunLengthMatchesTheStatedArl) {
  // Scores 500 + 50 N(0, 1) rounded on 0..999: Gaussian up to a rounding
  // of 1/50 sd. A long history makes the baseline essentially exact.
  std::mt19937_64 rng(11);
  std::normal_distribution<double> normal(500, 50);
  auto draw = [&] { return std::clamp(std::round(normal(rng)), 0.0, 999.0); };
  std::vector<double> history(100000);
  for (double& x : history) x = draw();
  for (int64_t size : {1, 10}) {
    ChangeMonitorOptions options;
    options.metric = Metric::Mean(0, 999);
    options.alpha = 0.01;
    options.bucket_size = size;
    auto monitor = ChangeMonitor::Create(history.data(), history.size(), nullptr, 0, options);
    ASSERT_TRUE(monitor.ok());
    const double arl = MeanRunLength(*monitor, 1500, 100000, [&](std::vector<double>* b) {
      b->resize(size);
      for (double& x : *b) x = draw();
    });
    // Standard error of the mean run length about 100 / sqrt(1500) = 2.6%.
    EXPECT_NEAR(arl, 100, 10) << "bucket size " << size;
  }
}

TEST(ChangeMonitor, NpsRunLengthAtRealisticVolumes) {
  // NPS 15 (45% promoters, 30% detractors), 100 responses per bucket: the
  // bucket's value is a trinomial mean, close to Gaussian.
  std::mt19937_64 rng(12);
  std::vector<double> history;
  AppendNps(rng, 20000, 0.45, 0.30, &history);
  ChangeMonitorOptions options;
  options.bucket_size = 100;
  auto monitor = ChangeMonitor::Create(history.data(), history.size(), nullptr, 0, options);
  ASSERT_TRUE(monitor.ok());
  const double arl = MeanRunLength(*monitor, 400, 100000, [&](std::vector<double>* b) {
    b->clear();
    AppendNps(rng, 100, 0.45, 0.30, b);
  });
  EXPECT_NEAR(arl, 100, 15);  // SE about 5%
}

TEST(ChangeMonitor, FindsAndDatesAStepDrop) {
  // 500 responses a month (17 a day) at NPS 15, then a 15-point drop on day
  // 40 of monitoring: found within days, dated near day 40, shift about -15.
  std::mt19937_64 rng(13);
  std::vector<double> history;
  AppendNps(rng, 17 * 90, 0.45, 0.30, &history);
  const std::vector<int64_t> days(90, 17);
  ChangeMonitorOptions options;
  options.alpha = 0.001;
  auto monitor =
      ChangeMonitor::Create(history.data(), history.size(), days.data(), days.size(), options);
  ASSERT_TRUE(monitor.ok());
  ChangeMonitorState first;
  for (int day = 0; day < 120 && !first.alarm; ++day) {
    std::vector<double> bucket;
    if (day < 40) {
      AppendNps(rng, 17, 0.45, 0.30, &bucket);
    } else {
      AppendNps(rng, 17, 0.375, 0.375, &bucket);  // NPS 0
    }
    auto state = monitor->Update(bucket.data(), bucket.size());
    ASSERT_TRUE(state.ok());
    if (state->alarm) first = *state;
  }
  ASSERT_TRUE(first.alarm);
  EXPECT_GE(first.bucket, 40);  // no false alarm before (seeded)
  EXPECT_LE(first.bucket, 40 + 30);
  EXPECT_EQ(first.direction, ChangeDirection::kDown);
  EXPECT_NEAR(static_cast<double>(first.change_start), 40, 8);
  EXPECT_LT(first.shift, 0);
  EXPECT_LT(first.shift_low, first.shift);
  EXPECT_GT(first.shift_high, first.shift);
  EXPECT_EQ(first.change_n, 17 * (first.bucket - first.change_start + 1));
  // The statistic keeps running: the next bucket at the new level alarms too.
  std::vector<double> bucket;
  AppendNps(rng, 17, 0.375, 0.375, &bucket);
  EXPECT_TRUE(monitor->Update(bucket.data(), bucket.size())->alarm);
  // Reset: back to zero, indices go on.
  monitor->Reset();
  auto after = monitor->Update(bucket.data(), 0);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->upper, 0);
  EXPECT_EQ(after->lower, 0);
  EXPECT_FALSE(after->alarm);
  EXPECT_EQ(after->buckets_since_reset, 1);
  EXPECT_EQ(after->bucket, first.bucket + 2);
  EXPECT_TRUE(std::isnan(after->level));
  EXPECT_EQ(after->change_start, -1);
}

TEST(ChangeMonitor, BadInput) {
  const std::vector<double> history = NpsHistory(4, 100, 0.4, 0.3);
  ChangeMonitorOptions options;
  auto create = [&](const ChangeMonitorOptions& o) {
    return ChangeMonitor::Create(history.data(), history.size(), nullptr, 0, o);
  };
  for (double alpha : {0.0, 1.0, -0.5, std::numeric_limits<double>::quiet_NaN()}) {
    ChangeMonitorOptions o;
    o.alpha = alpha;
    auto m = create(o);
    EXPECT_EQ(m.status().code(), CANDOR_INVALID_ARGUMENT);
    EXPECT_NE(m.status().message().find("alpha"), std::string::npos);
  }
  ChangeMonitorOptions negative;
  negative.shift = -1;
  EXPECT_EQ(create(negative).status().code(), CANDOR_INVALID_ARGUMENT);
  negative.shift = std::numeric_limits<double>::infinity();
  EXPECT_EQ(create(negative).status().code(), CANDOR_INVALID_ARGUMENT);
  ChangeMonitorOptions size;
  size.bucket_size = -3;
  EXPECT_EQ(create(size).status().code(), CANDOR_INVALID_ARGUMENT);

  auto short_history = ChangeMonitor::Create(history.data(), 29, nullptr, 0, options);
  EXPECT_EQ(short_history.status().code(), CANDOR_EMPTY);
  const std::vector<double> constant(50, 10);
  auto flat = ChangeMonitor::Create(constant.data(), constant.size(), nullptr, 0, options);
  EXPECT_EQ(flat.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(flat.status().message().find("same value"), std::string::npos);

  std::vector<double> bad = history;
  bad[37] = std::numeric_limits<double>::quiet_NaN();
  auto nan = ChangeMonitor::Create(bad.data(), bad.size(), nullptr, 0, options);
  EXPECT_EQ(nan.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(nan.status().message().find("history: score at index 37"), std::string::npos);
  bad[37] = 11;
  EXPECT_EQ(ChangeMonitor::Create(bad.data(), bad.size(), nullptr, 0, options).status().code(),
            CANDOR_OUT_OF_RANGE);

  const std::vector<int64_t> sizes = {50, 49};
  EXPECT_EQ(ChangeMonitor::Create(history.data(), history.size(), sizes.data(), 2, options)
                .status()
                .code(),
            CANDOR_LENGTH_MISMATCH);
  const std::vector<int64_t> negative_sizes = {150, -50};
  EXPECT_EQ(ChangeMonitor::Create(history.data(), history.size(), negative_sizes.data(), 2, options)
                .status()
                .code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(ChangeMonitor::Create(nullptr, 40, nullptr, 0, options).status().code(),
            CANDOR_INVALID_ARGUMENT);

  auto monitor = create(options);
  ASSERT_TRUE(monitor.ok());
  const std::vector<double> bucket = {9, 10, 4.5};
  auto state = monitor->Update(bucket.data(), bucket.size());
  EXPECT_EQ(state.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(state.status().message().find("scores: score at index 2"), std::string::npos);
  EXPECT_EQ(monitor->buckets(), 0);  // a bad bucket changes nothing
  EXPECT_EQ(monitor->Update(nullptr, 3).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_TRUE(monitor->Update(nullptr, 0).ok());
}

}  // namespace
}  // namespace candor
