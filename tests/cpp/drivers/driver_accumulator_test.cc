// DriverAccumulator and EstimateThemeDriversAccumulated: what
// EstimateThemeDrivers gives for the same comments (the independent
// computation: it is checked against closed forms in drivers_test.cc and
// against R's survey, statsmodels and scikit-learn in
// tests/python/test_drivers.py), however the comments are split, serialized
// and merged; periods keyed by label; limits and bad input as statuses.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/drivers.hpp>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace candor {
namespace {

constexpr size_t kThemes = 6;

struct Comments {
  std::vector<double> scores;
  std::vector<double> weights;
  std::vector<int32_t> periods;
  std::vector<int64_t> offsets{0};
  std::vector<int32_t> ids;

  ThemeMentions Mentions(size_t begin, size_t end) const {
    std::vector<int64_t> o;
    for (size_t i = begin; i <= end; ++i) o.push_back(offsets[i] - offsets[begin]);
    Result<ThemeMentions> m =
        ThemeMentions::FromCsr(o.data(), ids.data() + offsets[begin], end - begin, kThemes);
    EXPECT_TRUE(m.ok()) << m.status().message();
    return std::move(m).value();
  }
};

// Theme 0 goes with low scores; theme 5 is never mentioned; periods 0..3.
Comments Make(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  Comments c;
  for (size_t i = 0; i < n; ++i) {
    bool low = false;
    for (int32_t j = 0; j < 5; ++j) {
      if (u(rng) < 0.25 + 0.05 * j) {
        c.ids.push_back(j);
        low = low || j == 0;
      }
    }
    c.offsets.push_back(static_cast<int64_t>(c.ids.size()));
    c.scores.push_back(low ? std::floor(u(rng) * 9) : std::floor(4 + u(rng) * 7));
    c.weights.push_back(0.5 + 2 * u(rng));
    c.periods.push_back(static_cast<int32_t>(i % 4));
  }
  return c;
}

// Period labels whose byte order is the codes' order.
const std::vector<std::string> kPeriods = {"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"};

DriverAccumulator Accumulate(const Comments& c, bool weighted, bool periods, int parts) {
  std::vector<std::string_view> labels(kPeriods.begin(), kPeriods.end());
  Result<DriverAccumulator> merged = DriverAccumulator::Create(0, 10, kThemes);
  EXPECT_TRUE(merged.ok());
  const size_t n = c.scores.size();
  for (int p = 0; p < parts; ++p) {
    const size_t begin = n * p / parts, end = n * (p + 1) / parts;
    Result<DriverAccumulator> part = DriverAccumulator::Create(0, 10, kThemes);
    const Status added = part->Add(c.scores.data() + begin,
                                   weighted ? c.weights.data() + begin : nullptr,
                                   c.Mentions(begin, end),
                                   periods ? c.periods.data() + begin : nullptr, labels.data(),
                                   labels.size());
    EXPECT_TRUE(added.ok()) << added.message();
    Result<DriverAccumulator> read = DriverAccumulator::Deserialize(part->Serialize());
    EXPECT_TRUE(read.ok()) << read.status().message();
    EXPECT_EQ(read->Serialize(), part->Serialize());
    EXPECT_TRUE(merged->Merge(*read).ok());
  }
  return std::move(merged).value();
}

bool Close(double a, double b, double tolerance = 1e-12) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::fabs(a - b) <= tolerance * std::max(1.0, std::fabs(b));
}

#define EXPECT_SAME_ESTIMATE(a, b, what)                                               \
  do {                                                                                 \
    EXPECT_TRUE(Close((a).value, (b).value)) << what << " value";                      \
    EXPECT_TRUE(Close((a).std_error, (b).std_error)) << what << " se";                 \
    EXPECT_TRUE(Close((a).ci_low, (b).ci_low)) << what << " ci_low";                   \
    EXPECT_TRUE(Close((a).ci_high, (b).ci_high)) << what << " ci_high";                \
    EXPECT_EQ((a).n, (b).n) << what << " n";                                           \
    EXPECT_TRUE(Close((a).effective_n, (b).effective_n)) << what << " effective_n";    \
  } while (0)

void ExpectSame(const ThemeDrivers& got, const ThemeDrivers& want) {
  EXPECT_SAME_ESTIMATE(got.overall, want.overall, "overall");
  EXPECT_EQ(got.detractors, want.detractors);
  ASSERT_EQ(got.themes.size(), want.themes.size());
  for (size_t j = 0; j < want.themes.size(); ++j) {
    const ThemeDriver& a = got.themes[j];
    const ThemeDriver& b = want.themes[j];
    const std::string what = "theme " + std::to_string(j);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.status, b.status) << what;
    EXPECT_EQ(a.mentions, b.mentions) << what;
    EXPECT_TRUE(Close(a.weighted_mentions, b.weighted_mentions)) << what;
    EXPECT_SAME_ESTIMATE(a.share, b.share, what + " share");
    EXPECT_SAME_ESTIMATE(a.share_of_promoters, b.share_of_promoters, what + " promoters");
    EXPECT_SAME_ESTIMATE(a.share_of_passives, b.share_of_passives, what + " passives");
    EXPECT_SAME_ESTIMATE(a.share_of_detractors, b.share_of_detractors, what + " detractors");
    EXPECT_SAME_ESTIMATE(a.score, b.score, what + " score");
    EXPECT_SAME_ESTIMATE(a.score_without, b.score_without, what + " without");
    EXPECT_TRUE(Close(a.impact.difference, b.impact.difference)) << what;
    EXPECT_TRUE(Close(a.impact.std_error, b.impact.std_error)) << what;
    EXPECT_TRUE(Close(a.impact.p_value, b.impact.p_value)) << what;
    EXPECT_EQ(a.detractors_mentioning, b.detractors_mentioning) << what;
    EXPECT_EQ(a.detractors_not, b.detractors_not) << what;
    EXPECT_TRUE(Close(a.relative_risk, b.relative_risk)) << what;
    EXPECT_TRUE(Close(a.log_relative_risk_std_error, b.log_relative_risk_std_error)) << what;
    EXPECT_TRUE(Close(a.relative_risk_p_value, b.relative_risk_p_value)) << what;
    EXPECT_EQ(a.relative_risk_corrected, b.relative_risk_corrected) << what;
    EXPECT_EQ(a.in_model, b.in_model) << what;
    // The model converges to 1e-10 in the coefficients from sums added in
    // another order: equal to 1e-9.
    EXPECT_TRUE(Close(a.coefficient, b.coefficient, 1e-9)) << what << " " << a.coefficient
                                                            << " vs " << b.coefficient;
    EXPECT_TRUE(Close(a.coefficient_std_error, b.coefficient_std_error, 1e-9)) << what;
    EXPECT_TRUE(Close(a.importance, b.importance, 1e-9)) << what;
  }
  EXPECT_EQ(got.model.fitted, want.model.fitted);
  EXPECT_EQ(got.model.converged, want.model.converged);
  EXPECT_TRUE(Close(got.model.intercept, want.model.intercept, 1e-9));
  EXPECT_TRUE(Close(got.model.penalized_log_likelihood, want.model.penalized_log_likelihood,
                    1e-9));
  EXPECT_EQ(got.has_periods, want.has_periods);
  EXPECT_EQ(got.earlier_period, want.earlier_period);
  EXPECT_EQ(got.later_period, want.later_period);
  ASSERT_EQ(got.trending.size(), want.trending.size());
  for (size_t j = 0; j < want.trending.size(); ++j) {
    const TrendingTheme& a = got.trending[j];
    const TrendingTheme& b = want.trending[j];
    EXPECT_SAME_ESTIMATE(a.share_earlier, b.share_earlier, "trending earlier");
    EXPECT_SAME_ESTIMATE(a.share_later, b.share_later, "trending later");
    EXPECT_TRUE(Close(a.difference, b.difference));
    EXPECT_TRUE(Close(a.std_error, b.std_error));
    EXPECT_TRUE(Close(a.z, b.z));
    EXPECT_TRUE(Close(a.p_adjusted, b.p_adjusted));
    EXPECT_EQ(a.trending, b.trending);
    EXPECT_TRUE(Close(a.score_change.difference, b.score_change.difference));
    EXPECT_TRUE(Close(a.score_change_p_adjusted, b.score_change_p_adjusted));
  }
}

TEST(DriverAccumulatorTest, EqualsTheDriversOfTheSameComments) {
  const Comments c = Make(4000, 3);
  const std::vector<std::string> names = {"price", "support", "speed", "ui", "docs", "none"};
  for (bool weighted : {false, true}) {
    for (bool periods : {false, true}) {
      for (IntervalMethod method : {IntervalMethod::kJeffreys, IntervalMethod::kWald,
                                    IntervalMethod::kBootstrap}) {
        if (weighted && method == IntervalMethod::kBootstrap) continue;
        IntervalOptions interval;
        interval.method = method;
        interval.replicates = 200;
        DriverOptions options;
        options.earlier_period = periods ? 1 : -1;
        DriverInputs inputs;
        inputs.weights = weighted ? c.weights.data() : nullptr;
        inputs.periods = periods ? c.periods.data() : nullptr;
        Result<ThemeDrivers> want =
            EstimateThemeDrivers(Metric::Nps(), c.scores.data(), c.scores.size(),
                                 c.Mentions(0, c.scores.size()), names, inputs, interval, options);
        ASSERT_TRUE(want.ok()) << want.status().message();
        for (int parts : {1, 7}) {
          SCOPED_TRACE(std::string(weighted ? "weighted" : "unweighted") +
                       (periods ? " periods" : "") + " method " +
                       std::to_string(static_cast<int>(method)) + " parts " +
                       std::to_string(parts));
          const DriverAccumulator acc = Accumulate(c, weighted, periods, parts);
          EXPECT_EQ(acc.count(), 4000);
          EXPECT_EQ(acc.has_periods(), periods);
          Result<ThemeDrivers> got =
              EstimateThemeDriversAccumulated(Metric::Nps(), acc, names, interval, options);
          ASSERT_TRUE(got.ok()) << got.status().message();
          ExpectSame(*got, *want);
        }
      }
    }
  }
}

TEST(DriverAccumulatorTest, TopBoxAndPeriodsByLabel) {
  const Comments c = Make(1500, 8);
  std::vector<double> csat(c.scores);
  for (double& s : csat) s = 1 + std::fmod(s, 5);
  DriverInputs inputs;
  inputs.periods = c.periods.data();
  Result<ThemeDrivers> want =
      EstimateThemeDrivers(Metric::Csat(), csat.data(), csat.size(), c.Mentions(0, csat.size()),
                           {}, inputs, IntervalOptions{}, DriverOptions{});
  ASSERT_TRUE(want.ok());
  // Periods labelled per batch with different codes: keyed by label.
  Result<DriverAccumulator> acc = DriverAccumulator::Create(1, 5, kThemes);
  const std::vector<std::string_view> reversed = {"2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1"};
  std::vector<int32_t> codes(c.periods);
  for (int32_t& code : codes) code = 3 - code;
  ASSERT_TRUE(acc->Add(csat.data(), nullptr, c.Mentions(0, 700), codes.data(), reversed.data(), 4)
                  .ok());
  const std::vector<std::string_view> in_order(kPeriods.begin(), kPeriods.end());
  ASSERT_TRUE(acc->Add(csat.data() + 700, nullptr, c.Mentions(700, 1500), c.periods.data() + 700,
                       in_order.data(), 4)
                  .ok());
  EXPECT_EQ(acc->periods(), 4u);
  EXPECT_EQ(acc->period(0), "2025-Q1");
  Result<ThemeDrivers> got = EstimateThemeDriversAccumulated(Metric::Csat(), *acc, {},
                                                             IntervalOptions{}, DriverOptions{});
  ASSERT_TRUE(got.ok()) << got.status().message();
  ExpectSame(*got, *want);
}

TEST(DriverAccumulatorTest, BadInputIsAClearStatusAndAddsNothing) {
  EXPECT_EQ(DriverAccumulator::Create(0, 10, 0).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(DriverAccumulator::Create(3, 1, 2).status().code(), CANDOR_INVALID_ARGUMENT);
  Result<DriverAccumulator> acc = DriverAccumulator::Create(0, 10, kThemes);
  const Comments c = Make(20, 1);
  std::vector<double> scores(c.scores);
  scores[7] = 11;
  Status s = acc->Add(scores.data(), nullptr, c.Mentions(0, 20), nullptr, nullptr, 0);
  EXPECT_EQ(s.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(s.message().find("index 7"), std::string::npos) << s.message();
  std::vector<int32_t> codes(20, 0);
  codes[4] = 2;
  const std::string_view one[] = {"a", "b"};
  EXPECT_EQ(acc->Add(c.scores.data(), nullptr, c.Mentions(0, 20), codes.data(), one, 2).code(),
            CANDOR_OUT_OF_RANGE);
  Result<ThemeMentions> other_themes = ThemeMentions::FromCsr(c.offsets.data(), c.ids.data(), 20, 9);
  EXPECT_EQ(acc->Add(c.scores.data(), nullptr, *other_themes, nullptr, nullptr, 0).code(),
            CANDOR_INVALID_ARGUMENT);
  std::vector<double> huge(20, 1e300);  // squares overflow a double
  EXPECT_EQ(acc->Add(c.scores.data(), huge.data(), c.Mentions(0, 20), nullptr, nullptr, 0).code(),
            CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(acc->count(), 0);
  EXPECT_EQ(EstimateThemeDriversAccumulated(Metric::Nps(), *acc, {}, IntervalOptions{},
                                            DriverOptions{})
                .status()
                .code(),
            CANDOR_EMPTY);
  ASSERT_TRUE(acc->Add(c.scores.data(), c.weights.data(), c.Mentions(0, 20), nullptr, nullptr, 0)
                  .ok());
  // Periods now would mix with a batch without: refused.
  codes[4] = 1;
  EXPECT_EQ(acc->Add(c.scores.data(), nullptr, c.Mentions(0, 20), codes.data(), one, 2).code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(acc->count(), 20);
  IntervalOptions bootstrap;
  bootstrap.method = IntervalMethod::kBootstrap;
  EXPECT_EQ(EstimateThemeDriversAccumulated(Metric::Nps(), *acc, {}, bootstrap, DriverOptions{})
                .status()
                .code(),
            CANDOR_UNSUPPORTED);
  EXPECT_EQ(EstimateThemeDriversAccumulated(Metric::Mean(0, 10), *acc, {}, IntervalOptions{},
                                            DriverOptions{})
                .status()
                .code(),
            CANDOR_UNSUPPORTED);
  EXPECT_EQ(EstimateThemeDriversAccumulated(Metric::Nps(), *acc, {"just one"}, IntervalOptions{},
                                            DriverOptions{})
                .status()
                .code(),
            CANDOR_LENGTH_MISMATCH);
  Result<DriverAccumulator> fewer = DriverAccumulator::Create(0, 10, 3);
  EXPECT_EQ(acc->Merge(*fewer).code(), CANDOR_INVALID_ARGUMENT);
  ASSERT_TRUE(acc->Merge(*acc).ok());
  EXPECT_EQ(acc->count(), 40);

  const std::string bytes = acc->Serialize();
  for (size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_EQ(DriverAccumulator::Deserialize(std::string_view(bytes).substr(0, size))
                  .status()
                  .code(),
              CANDOR_PARSE_ERROR)
        << size;
  }
  std::string flipped = bytes;
  flipped[bytes.size() / 3] ^= 0x04;
  EXPECT_EQ(DriverAccumulator::Deserialize(flipped).status().code(), CANDOR_PARSE_ERROR);
}

}  // namespace
}  // namespace candor
