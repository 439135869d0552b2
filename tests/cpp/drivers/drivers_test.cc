// Theme drivers: per-theme NPS, impact, relative risk and trending shares
// against closed forms computed here comment by comment (independently of the
// tallies the library uses); the impact SE against a seeded bootstrap; the
// Katz interval and the Haldane correction by hand; accounts as clusters; a
// seeded simulation of a planted 2x detractor risk (coverage) and of a null
// theme; edge cases and bad input. Cross-checks against R survey,
// statsmodels and sklearn are in tests/python/test_drivers.py.
#include <gtest/gtest.h>

#include <candor/drivers.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace candor {
namespace {

struct Sample {
  std::vector<double> scores;
  std::vector<std::vector<int32_t>> themes;  // per comment
  std::vector<double> weights;
  std::vector<int32_t> periods;
  std::vector<int32_t> accounts;
};

ThemeMentions MentionsOf(const Sample& s, size_t themes) {
  std::vector<int64_t> offsets{0};
  std::vector<int32_t> ids;
  for (const auto& row : s.themes) {
    ids.insert(ids.end(), row.begin(), row.end());
    offsets.push_back(static_cast<int64_t>(ids.size()));
  }
  auto m = ThemeMentions::FromCsr(offsets.data(), ids.data(), s.scores.size(), themes);
  EXPECT_TRUE(m.ok()) << m.status().message();
  return std::move(m).value();
}

// Random comments: score 0..10, each theme mentioned with probability 0.3,
// theme 0 raising the chance of a low score.
Sample RandomSample(size_t n, size_t themes, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  Sample s;
  for (size_t i = 0; i < n; ++i) {
    std::vector<int32_t> row;
    for (size_t j = 0; j < themes; ++j) {
      if (u(rng) < 0.3) row.push_back(static_cast<int32_t>(j));
    }
    const bool bad = !row.empty() && row[0] == 0;
    const double score = bad ? std::floor(u(rng) * 9.0) : std::floor(4.0 + u(rng) * 7.0);
    s.scores.push_back(std::min(10.0, score));
    s.themes.push_back(row);
    s.weights.push_back(0.5 + 2.0 * u(rng));
    s.periods.push_back(static_cast<int32_t>(i % 3));
    s.accounts.push_back(static_cast<int32_t>(i % 37));
  }
  return s;
}

double NpsValue(double x) { return x >= 9 ? 1.0 : (x <= 6 ? -1.0 : 0.0); }
bool Mentions(const Sample& s, size_t i, int32_t j) {
  for (int32_t t : s.themes[i]) {
    if (t == j) return true;
  }
  return false;
}

Result<ThemeDrivers> RunDrivers(const Sample& s, size_t themes, DriverInputs inputs = {},
                         IntervalOptions interval = {}, DriverOptions options = {}) {
  return EstimateThemeDrivers(Metric::Nps(), s.scores.data(), s.scores.size(),
                              MentionsOf(s, themes), {}, inputs, interval, options);
}

// Closed forms, comment by comment: NPS with and without the theme, the
// impact's linearized variance, the Katz relative risk.
TEST(DriversTest, PerThemeStatisticsMatchClosedForms) {
  const Sample s = RandomSample(3000, 4, 7);
  auto r = RunDrivers(s, 4);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const double n = static_cast<double>(s.scores.size());
  double overall = 0;
  for (double x : s.scores) overall += NpsValue(x) / n;
  EXPECT_NEAR(r->overall.value, 100 * overall, 1e-10);
  for (int32_t j = 0; j < 4; ++j) {
    double n1 = 0, sum1 = 0, n0 = 0, sum0 = 0, a = 0, c = 0;
    for (size_t i = 0; i < s.scores.size(); ++i) {
      const bool m = Mentions(s, i, j);
      (m ? n1 : n0) += 1;
      (m ? sum1 : sum0) += NpsValue(s.scores[i]);
      if (s.scores[i] <= 6) (m ? a : c) += 1;
    }
    const double m1 = sum1 / n1, m0 = sum0 / n0;
    double var = 0;
    for (size_t i = 0; i < s.scores.size(); ++i) {
      const double v = NpsValue(s.scores[i]);
      double d = (v - overall) / n;
      if (!Mentions(s, i, j)) d -= (v - m0) / n0;
      var += d * d;
    }
    const ThemeDriver& row = r->themes[static_cast<size_t>(j)];
    EXPECT_EQ(row.mentions, static_cast<int64_t>(n1));
    EXPECT_NEAR(row.share.value, 100 * n1 / n, 1e-10);
    EXPECT_NEAR(row.share.std_error, 100 * std::sqrt(n1 / n * (1 - n1 / n) / n), 1e-10);
    EXPECT_NEAR(row.score.value, 100 * m1, 1e-10);
    EXPECT_NEAR(row.score_without.value, 100 * m0, 1e-10);
    EXPECT_NEAR(row.impact.difference, 100 * (overall - m0), 1e-10);
    EXPECT_NEAR(row.impact.difference, row.share.value * (m1 - m0), 1e-9);  // identity
    EXPECT_NEAR(row.impact.std_error, 100 * std::sqrt(var), 1e-10);
    EXPECT_NEAR(row.relative_risk, (a / n1) / (c / n0), 1e-12);
    const double se = std::sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0);
    EXPECT_NEAR(row.log_relative_risk_std_error, se, 1e-12);
    EXPECT_NEAR(row.relative_risk_ci_low, (a / n1) / (c / n0) * std::exp(-1.959963984540054 * se),
                1e-9);
    EXPECT_FALSE(row.relative_risk_corrected);
    EXPECT_EQ(row.detractors_mentioning, static_cast<int64_t>(a));
  }
  // The planted theme raises detractor risk.
  EXPECT_GT(r->themes[0].relative_risk_ci_low, 1.0);
  EXPECT_LT(r->themes[0].impact.difference, 0.0);  // NPS rises without it
}

TEST(DriversTest, SharesAmongCategories) {
  const Sample s = RandomSample(2000, 3, 11);
  auto r = RunDrivers(s, 3);
  ASSERT_TRUE(r.ok());
  for (int32_t j = 0; j < 3; ++j) {
    double det = 0, det_m = 0, pro = 0, pro_m = 0, pas = 0, pas_m = 0;
    for (size_t i = 0; i < s.scores.size(); ++i) {
      const bool m = Mentions(s, i, j);
      const double x = s.scores[i];
      if (x <= 6) { det += 1; det_m += m; }
      else if (x >= 9) { pro += 1; pro_m += m; }
      else { pas += 1; pas_m += m; }
    }
    const ThemeDriver& row = r->themes[static_cast<size_t>(j)];
    EXPECT_NEAR(row.share_of_detractors.value, 100 * det_m / det, 1e-10);
    EXPECT_NEAR(row.share_of_promoters.value, 100 * pro_m / pro, 1e-10);
    EXPECT_NEAR(row.share_of_passives.value, 100 * pas_m / pas, 1e-10);
    EXPECT_EQ(row.share_of_detractors.n, static_cast<int64_t>(det));
  }
}

// The linearized SE of the impact against the SD of seeded bootstrap
// replicates of overall - without (resampling comments).
TEST(DriversTest, ImpactStandardErrorAgreesWithBootstrap) {
  const Sample s = RandomSample(1500, 2, 3);
  auto r = RunDrivers(s, 2);
  ASSERT_TRUE(r.ok());
  std::mt19937_64 rng(99);
  std::uniform_int_distribution<size_t> pick(0, s.scores.size() - 1);
  const int replicates = 2000;
  double sum = 0, sum2 = 0;
  for (int b = 0; b < replicates; ++b) {
    double all = 0, out = 0, n_out = 0;
    for (size_t k = 0; k < s.scores.size(); ++k) {
      const size_t i = pick(rng);
      const double v = NpsValue(s.scores[i]);
      all += v;
      if (!Mentions(s, i, 0)) { out += v; n_out += 1; }
    }
    const double impact = 100 * (all / s.scores.size() - out / n_out);
    sum += impact;
    sum2 += impact * impact;
  }
  const double sd = std::sqrt(sum2 / replicates - (sum / replicates) * (sum / replicates));
  // 2000 replicates: the SD itself is within a few percent.
  EXPECT_NEAR(r->themes[0].impact.std_error / sd, 1.0, 0.07);
}

TEST(DriversTest, WeightedImpactUsesWeightedMeans) {
  const Sample s = RandomSample(800, 2, 5);
  DriverInputs in;
  in.weights = s.weights.data();
  auto r = RunDrivers(s, 2, in);
  ASSERT_TRUE(r.ok());
  double w = 0, wv = 0, w0 = 0, wv0 = 0;
  for (size_t i = 0; i < s.scores.size(); ++i) {
    w += s.weights[i];
    wv += s.weights[i] * NpsValue(s.scores[i]);
    if (!Mentions(s, i, 1)) { w0 += s.weights[i]; wv0 += s.weights[i] * NpsValue(s.scores[i]); }
  }
  const double m = wv / w, m0 = wv0 / w0;
  double var = 0;
  for (size_t i = 0; i < s.scores.size(); ++i) {
    const double v = NpsValue(s.scores[i]);
    double d = s.weights[i] * (v - m) / w;
    if (!Mentions(s, i, 1)) d -= s.weights[i] * (v - m0) / w0;
    var += d * d;
  }
  const double n = static_cast<double>(s.scores.size());
  var *= n / (n - 1);
  EXPECT_NEAR(r->themes[1].impact.difference, 100 * (m - m0), 1e-10);
  EXPECT_NEAR(r->themes[1].impact.std_error, 100 * std::sqrt(var), 1e-10);
}

// Each comment its own account: cluster sums are the comments, so every
// variance is the unclustered one times n / (n - 1).
TEST(DriversTest, SingletonAccountsScaleVarianceByNOverNMinusOne) {
  Sample s = RandomSample(600, 3, 13);
  for (size_t i = 0; i < s.accounts.size(); ++i) s.accounts[i] = static_cast<int32_t>(i);
  DriverInputs plain;
  plain.periods = s.periods.data();
  DriverInputs clustered = plain;
  clustered.accounts = s.accounts.data();
  auto a = RunDrivers(s, 3, plain);
  auto b = RunDrivers(s, 3, clustered);
  ASSERT_TRUE(a.ok() && b.ok()) << b.status().message();
  const double factor = std::sqrt(600.0 / 599.0);
  for (size_t j = 0; j < 3; ++j) {
    const ThemeDriver& x = a->themes[j];
    const ThemeDriver& y = b->themes[j];
    EXPECT_NEAR(y.impact.difference, x.impact.difference, 1e-10);
    EXPECT_NEAR(y.impact.std_error, x.impact.std_error * factor, 1e-10);
    EXPECT_NEAR(y.score.std_error, x.score.std_error * factor, 1e-10);
    EXPECT_NEAR(y.share.std_error, x.share.std_error * factor, 1e-10);
    EXPECT_NEAR(y.share_of_detractors.std_error, x.share_of_detractors.std_error * factor, 1e-10);
    EXPECT_NEAR(y.log_relative_risk_std_error, x.log_relative_risk_std_error * factor, 1e-10);
    EXPECT_NEAR(b->trending[j].std_error, a->trending[j].std_error * factor, 1e-10);
    EXPECT_NEAR(b->trending[j].score_change.std_error,
                a->trending[j].score_change.std_error * factor, 1e-10);
  }
}

// Real accounts (37 of them, comments spread across): clustering changes the
// SE, and the library result equals the account-sum formula computed here.
TEST(DriversTest, AccountsClusterTheImpactVariance) {
  const Sample s = RandomSample(1200, 2, 17);
  DriverInputs in;
  in.accounts = s.accounts.data();
  auto r = RunDrivers(s, 2, in);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const double n = static_cast<double>(s.scores.size());
  double all = 0, out = 0, n0 = 0;
  for (size_t i = 0; i < s.scores.size(); ++i) {
    all += NpsValue(s.scores[i]);
    if (!Mentions(s, i, 0)) { out += NpsValue(s.scores[i]); n0 += 1; }
  }
  const double m = all / n, m0 = out / n0;
  std::vector<double> z(37, 0.0);
  for (size_t i = 0; i < s.scores.size(); ++i) {
    const double v = NpsValue(s.scores[i]);
    double d = (v - m) / n;
    if (!Mentions(s, i, 0)) d -= (v - m0) / n0;
    z[static_cast<size_t>(s.accounts[i])] += d;
  }
  double zbar = 0, var = 0;
  for (double v : z) zbar += v / 37;
  for (double v : z) var += (v - zbar) * (v - zbar);
  var *= 37.0 / 36.0;
  EXPECT_NEAR(r->themes[0].impact.std_error, 100 * std::sqrt(var), 1e-10);
  IntervalOptions bayes;
  bayes.method = IntervalMethod::kBayes;
  EXPECT_EQ(RunDrivers(s, 2, in, bayes).status().code(), CANDOR_UNSUPPORTED);
}

TEST(DriversTest, ZeroCellUsesHaldaneCorrection) {
  // Theme 0: 20 comments, none a detractor; 80 others, 30 detractors.
  Sample s;
  for (int i = 0; i < 100; ++i) {
    s.scores.push_back(i < 20 ? 10.0 : (i < 50 ? 2.0 : 8.0));
    s.themes.push_back(i < 20 ? std::vector<int32_t>{0} : std::vector<int32_t>{1});
  }
  auto r = RunDrivers(s, 2);
  ASSERT_TRUE(r.ok());
  const ThemeDriver& row = r->themes[0];
  EXPECT_TRUE(row.relative_risk_corrected);
  const double a = 0.5, n1 = 21, c = 30.5, n0 = 81;
  EXPECT_NEAR(row.relative_risk, (a / n1) / (c / n0), 1e-12);
  EXPECT_NEAR(row.log_relative_risk_std_error, std::sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0), 1e-12);
  EXPECT_LT(row.relative_risk_ci_high, 1.0);
  // The default ridge keeps the model finite although theme 0 has no detractor.
  EXPECT_TRUE(r->model.converged) << r->model.message;
  EXPECT_TRUE(std::isfinite(row.coefficient));
  EXPECT_LT(row.coefficient, 0.0);
  // Without the ridge the coefficient has no finite value: reported, not an error.
  DriverOptions no_ridge;
  no_ridge.l2_penalty = 0;
  auto unpenalized = RunDrivers(s, 2, {}, {}, no_ridge);
  ASSERT_TRUE(unpenalized.ok());
  EXPECT_FALSE(unpenalized->model.converged);
  EXPECT_FALSE(unpenalized->model.message.empty());
  EXPECT_TRUE(std::isnan(unpenalized->themes[0].coefficient));
}

TEST(DriversTest, ThemesMentionedByAllOrNone) {
  Sample s = RandomSample(300, 1, 19);
  for (auto& row : s.themes) row = {1};  // theme 1 by all, theme 0 and 2 by none
  s.themes[5] = {1, 2};
  auto r = RunDrivers(s, 3);
  ASSERT_TRUE(r.ok());
  const ThemeDriver& none = r->themes[0];
  EXPECT_EQ(none.status, ThemeStatus::kNoMentions);
  EXPECT_EQ(none.share.value, 0.0);
  EXPECT_TRUE(std::isnan(none.score.value));
  EXPECT_EQ(none.impact.difference, 0.0);
  EXPECT_EQ(none.impact.std_error, 0.0);
  EXPECT_EQ(none.impact.p_value, 1.0);
  EXPECT_TRUE(std::isnan(none.relative_risk));
  EXPECT_FALSE(none.in_model);
  const ThemeDriver& all = r->themes[1];
  EXPECT_EQ(all.status, ThemeStatus::kAllMention);
  EXPECT_NEAR(all.share.value, 100.0, 1e-12);
  EXPECT_TRUE(std::isnan(all.score_without.value));
  EXPECT_TRUE(std::isnan(all.impact.difference));
  EXPECT_TRUE(std::isnan(all.relative_risk));
  EXPECT_FALSE(all.in_model);
  EXPECT_TRUE(r->themes[2].in_model);
  EXPECT_EQ(r->model.themes_in_model, 1);
}

TEST(DriversTest, TrendingSharesPooledZTest) {
  // Period 0: theme 0 in 20 of 200 comments; period 1: in 60 of 200.
  Sample s;
  for (int i = 0; i < 400; ++i) {
    const bool later = i >= 200;
    const int k = later ? i - 200 : i;
    const bool m = k < (later ? 60 : 20);
    s.scores.push_back(static_cast<double>(i % 11));
    s.themes.push_back(m ? std::vector<int32_t>{0} : std::vector<int32_t>{1});
    s.periods.push_back(later ? 1 : 0);
  }
  DriverInputs in;
  in.periods = s.periods.data();
  auto r = RunDrivers(s, 2, in);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->trending.size(), 2u);
  EXPECT_EQ(r->earlier_period, 0);
  EXPECT_EQ(r->later_period, 1);
  const TrendingTheme& t = r->trending[0];
  const double pa = 0.1, pb = 0.3, pooled = 0.2;
  const double z = (pb - pa) / std::sqrt(pooled * (1 - pooled) * (2.0 / 200));
  EXPECT_NEAR(t.difference, 20.0, 1e-10);
  EXPECT_NEAR(t.z, z, 1e-10);
  EXPECT_NEAR(t.p_value, std::erfc(z / std::sqrt(2.0)), 1e-12);
  EXPECT_NEAR(t.std_error, 100 * std::sqrt(pa * (1 - pa) / 200 + pb * (1 - pb) / 200), 1e-10);
  // BH over two p-values that are equal (theme 1 is theme 0's complement).
  EXPECT_NEAR(t.p_adjusted, t.p_value, 1e-15);
  EXPECT_TRUE(t.trending);
  EXPECT_NEAR(t.share_earlier.value, 10.0, 1e-10);
  EXPECT_NEAR(t.share_later.value, 30.0, 1e-10);
}

// Planted: mentioning theme 0 doubles the detractor risk (0.15 -> 0.30).
// The Katz interval should cover 2 in about 95% of replicates and exclude 1
// in nearly all; the null theme 1 should cover 1 in about 95%.
TEST(DriversTest, SimulationPlantedRelativeRiskCoverage) {
  const int replicates = 200;
  int cover_two = 0, flagged = 0, null_cover = 0;
  for (int rep = 0; rep < replicates; ++rep) {
    std::mt19937_64 rng(1000 + rep);
    std::uniform_real_distribution<double> u(0, 1);
    Sample s;
    for (int i = 0; i < 5000; ++i) {
      std::vector<int32_t> row;
      const bool planted = u(rng) < 0.3;
      if (planted) row.push_back(0);
      if (u(rng) < 0.4) row.push_back(1);
      const bool detractor = u(rng) < (planted ? 0.30 : 0.15);
      s.scores.push_back(detractor ? std::floor(u(rng) * 7) : 7 + std::floor(u(rng) * 4));
      s.themes.push_back(row);
    }
    auto r = RunDrivers(s, 2);
    ASSERT_TRUE(r.ok());
    const ThemeDriver& t = r->themes[0];
    cover_two += t.relative_risk_ci_low <= 2.0 && 2.0 <= t.relative_risk_ci_high;
    flagged += t.relative_risk_ci_low > 1.0;
    const ThemeDriver& null = r->themes[1];
    null_cover += null.relative_risk_ci_low <= 1.0 && 1.0 <= null.relative_risk_ci_high;
  }
  std::printf("planted RR 2: covered %d/%d, flagged %d/%d; null theme covers 1: %d/%d\n",
              cover_two, replicates, flagged, replicates, null_cover, replicates);
  EXPECT_GE(cover_two, static_cast<int>(0.90 * replicates));
  EXPECT_GE(flagged, static_cast<int>(0.99 * replicates));
  // 95% nominal: with 200 replicates the binomial SD is 1.5 points.
  EXPECT_GE(null_cover, static_cast<int>(0.91 * replicates));
  EXPECT_LE(null_cover, static_cast<int>(0.985 * replicates));
}

TEST(DriversTest, MentionsFromPairsEqualCsrAndDeduplicate) {
  const std::vector<int64_t> comments{2, 0, 0, 2, 1, 0};
  const std::vector<int32_t> themes{1, 2, 0, 1, 2, 2};
  auto pairs = ThemeMentions::FromPairs(comments.data(), themes.data(), 6, 4, 3);
  ASSERT_TRUE(pairs.ok());
  EXPECT_EQ(pairs->offsets(), (std::vector<int64_t>{0, 2, 3, 4, 4}));
  EXPECT_EQ(pairs->ids(), (std::vector<int32_t>{0, 2, 2, 1}));
  const std::vector<int64_t> offsets{0, 3, 4, 6, 6};
  const std::vector<int32_t> ids{2, 0, 2, 2, 1, 1};
  auto csr = ThemeMentions::FromCsr(offsets.data(), ids.data(), 4, 3);
  ASSERT_TRUE(csr.ok());
  EXPECT_EQ(csr->offsets(), pairs->offsets());
  EXPECT_EQ(csr->ids(), pairs->ids());
}

TEST(DriversTest, ThreadCountDoesNotChangeResults) {
  const Sample s = RandomSample(150000, 5, 23);
  DriverInputs in;
  in.weights = s.weights.data();
  in.periods = s.periods.data();
  IntervalOptions one, two;
  one.threads = 1;
  two.threads = 2;
  auto a = RunDrivers(s, 5, in, one);
  auto b = RunDrivers(s, 5, in, two);
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t j = 0; j < 5; ++j) {
    EXPECT_EQ(a->themes[j].impact.std_error, b->themes[j].impact.std_error);
    EXPECT_EQ(a->themes[j].coefficient, b->themes[j].coefficient);
    EXPECT_EQ(a->trending[j].p_value, b->trending[j].p_value);
  }
}

TEST(DriversTest, BadInput) {
  const Sample s = RandomSample(50, 2, 29);
  const ThemeMentions m = MentionsOf(s, 2);
  const Metric nps = Metric::Nps();
  auto run = [&](const std::vector<double>& scores, DriverInputs in = {}, Metric metric = Metric::Nps(),
                 DriverOptions options = {}) {
    return EstimateThemeDrivers(metric, scores.data(), scores.size(), m, {}, in, {}, options)
        .status()
        .code();
  };
  // Length mismatch: mentions for 50 comments, 49 scores.
  std::vector<double> short_scores(s.scores.begin(), s.scores.end() - 1);
  EXPECT_EQ(run(short_scores), CANDOR_LENGTH_MISMATCH);
  EXPECT_EQ(EstimateThemeDrivers(nps, s.scores.data(), 50, m, {"one"}, {}, {}, {}).status().code(),
            CANDOR_LENGTH_MISMATCH);
  // Score out of scale.
  std::vector<double> bad = s.scores;
  bad[7] = 11;
  EXPECT_EQ(run(bad), CANDOR_OUT_OF_RANGE);
  bad[7] = std::nan("");
  EXPECT_EQ(run(bad), CANDOR_OUT_OF_RANGE);
  // NaN and negative weights.
  std::vector<double> w(50, 1.0);
  w[3] = std::nan("");
  DriverInputs in;
  in.weights = w.data();
  EXPECT_EQ(run(s.scores, in), CANDOR_OUT_OF_RANGE);
  w[3] = -1;
  EXPECT_EQ(run(s.scores, in), CANDOR_OUT_OF_RANGE);
  std::vector<double> zeros(50, 0.0);
  in.weights = zeros.data();
  EXPECT_EQ(run(s.scores, in), CANDOR_EMPTY);
  // One period only; a negative period code; a missing requested period.
  std::vector<int32_t> one_period(50, 4);
  DriverInputs p;
  p.periods = one_period.data();
  EXPECT_EQ(run(s.scores, p), CANDOR_INVALID_ARGUMENT);
  one_period[0] = -2;
  EXPECT_EQ(run(s.scores, p), CANDOR_OUT_OF_RANGE);
  one_period[0] = 3;
  DriverOptions missing;
  missing.later_period = 9;
  EXPECT_EQ(run(s.scores, p, nps, missing), CANDOR_INVALID_ARGUMENT);
  // Negative account code; a single account.
  std::vector<int32_t> accounts(50, 0);
  DriverInputs a;
  a.accounts = accounts.data();
  EXPECT_EQ(run(s.scores, a), CANDOR_INVALID_ARGUMENT);
  accounts[1] = -1;
  EXPECT_EQ(run(s.scores, a), CANDOR_OUT_OF_RANGE);
  // A mean metric has no bottom category.
  EXPECT_EQ(run(s.scores, {}, Metric::Mean(0, 10)), CANDOR_UNSUPPORTED);
  // Bad options.
  DriverOptions negative;
  negative.l2_penalty = -1;
  EXPECT_EQ(run(s.scores, {}, nps, negative), CANDOR_INVALID_ARGUMENT);
  DriverOptions alpha;
  alpha.alpha = 1.5;
  EXPECT_EQ(run(s.scores, {}, nps, alpha), CANDOR_INVALID_ARGUMENT);
  // Empty input.
  auto empty_m = ThemeMentions::FromCsr(std::vector<int64_t>{0}.data(), nullptr, 0, 2);
  ASSERT_TRUE(empty_m.ok());
  EXPECT_EQ(EstimateThemeDrivers(nps, nullptr, 0, *empty_m, {}, {}, {}, {}).status().code(),
            CANDOR_EMPTY);
  // Mentions: theme id out of range, comment out of range, no themes,
  // decreasing offsets.
  const std::vector<int64_t> offsets{0, 1, 2};
  const std::vector<int32_t> ids{0, 5};
  EXPECT_EQ(ThemeMentions::FromCsr(offsets.data(), ids.data(), 2, 3).status().code(),
            CANDOR_OUT_OF_RANGE);
  const std::vector<int64_t> comments{0, 7};
  const std::vector<int32_t> ok_ids{0, 1};
  EXPECT_EQ(ThemeMentions::FromPairs(comments.data(), ok_ids.data(), 2, 2, 3).status().code(),
            CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(ThemeMentions::FromCsr(offsets.data(), ok_ids.data(), 2, 0).status().code(),
            CANDOR_INVALID_ARGUMENT);
  const std::vector<int64_t> down{0, 2, 1};
  EXPECT_EQ(ThemeMentions::FromCsr(down.data(), ok_ids.data(), 2, 3).status().code(),
            CANDOR_INVALID_ARGUMENT);
}

TEST(DriversTest, TopAndBottomBoxCategories) {
  // CSAT (top-2-box on 1..5): "detractors" are scores 1..3.
  Sample s;
  const double scores[] = {1, 2, 3, 4, 5, 5, 4, 3, 2, 1, 5, 5};
  for (int i = 0; i < 12; ++i) {
    s.scores.push_back(scores[i]);
    s.themes.push_back(i % 2 == 0 ? std::vector<int32_t>{0} : std::vector<int32_t>{});
  }
  auto r = EstimateThemeDrivers(Metric::Csat(), s.scores.data(), 12, MentionsOf(s, 1), {}, {}, {},
                                {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->detractors, 6);
  EXPECT_EQ(r->themes[0].share_of_passives.n, 0);
  EXPECT_TRUE(std::isnan(r->themes[0].share_of_passives.value));
  auto bottom = EstimateThemeDrivers(Metric::BottomBox(1, 5, 2), s.scores.data(), 12,
                                     MentionsOf(s, 1), {}, {}, {}, {});
  ASSERT_TRUE(bottom.ok());
  EXPECT_EQ(bottom->detractors, 4);  // scores 1 and 2
}

}  // namespace
}  // namespace candor
