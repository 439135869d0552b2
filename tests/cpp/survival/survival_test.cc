// Survival: the concordance against a pair-by-pair O(n^2) computation written
// here from the definitions (counts, Uno's weights, and the jackknife's
// derivatives checked by numerical differentiation), and against R's
// survival on a small table (values printed by R 4 / survival 3.5-3);
// Kaplan-Meier and Greenwood by hand; the log-rank statistic against a dense
// per-event-time computation and the two-group closed form; the chi-square
// tail against closed forms; bad input. The R comparisons on real data are
// in tests/python/test_survival.py.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/survival.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace candor {
namespace {

struct Data {
  std::vector<double> risk, time, event, weights;
};

// The R table: time, event, risk, weights (see the header comment).
Data SmallTable() {
  return {{5, 3, 3, 4, 2, 2, 1, 3, 1, 0, 2},
          {1, 2, 2, 2, 3, 4, 4, 5, 6, 6, 7},
          {1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0},
          {1, 2, 1, 1, 3, 1, 1, 2, 1, 1, 1}};
}

Data RandomData(unsigned seed, size_t n, int times, int risks) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> t(0, times - 1), r(0, risks - 1);
  std::uniform_real_distribution<double> u(0, 1);
  Data d;
  for (size_t i = 0; i < n; ++i) {
    d.time.push_back(t(rng));
    d.event.push_back(u(rng) < 0.6 ? 1 : 0);
    d.risk.push_back(r(rng));
    d.weights.push_back(0.1 + 2 * u(rng));
  }
  return d;
}

struct Pairs {
  double c = 0, d = 0, tx = 0, ty = 0, txy = 0;
};

// G(t-) of the censoring times, censorings at t after the events at t, by
// definition: the product over censoring times s < t of 1 - (weight
// censored at s) / (weight at risk at s less the weight that died at s).
double CensoringSurvivalBefore(const Data& d, double t) {
  double g = 1;
  std::vector<double> seen;
  for (size_t k = 0; k < d.time.size(); ++k) {
    const double s = d.time[k];
    if (d.event[k] != 0 || s >= t) continue;
    bool done = false;
    for (double v : seen) done = done || v == s;
    if (done) continue;
    seen.push_back(s);
    double at_risk = 0, died = 0, censored = 0;
    for (size_t j = 0; j < d.time.size(); ++j) {
      if (d.time[j] >= s) at_risk += d.weights[j];
      if (d.time[j] == s) (d.event[j] == 1 ? died : censored) += d.weights[j];
    }
    g *= 1 - censored / (at_risk - died);
  }
  return g;
}

// Every ordered pair, by the definitions of survival.hpp.
Pairs BruteForce(const Data& d, bool uno, std::vector<double>* dc = nullptr,
                 std::vector<double>* dd = nullptr, std::vector<double>* dt = nullptr) {
  const size_t n = d.time.size();
  Pairs p;
  if (dc != nullptr) {
    dc->assign(n, 0);
    dd->assign(n, 0);
    dt->assign(n, 0);
  }
  for (size_t i = 0; i < n; ++i) {
    if (d.event[i] != 1) continue;
    const double g = uno ? CensoringSurvivalBefore(d, d.time[i]) : 1;
    const double tw = 1 / (g * g);
    for (size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      const double v = tw * d.weights[i] * d.weights[j];
      if (d.time[j] == d.time[i] && d.event[j] == 1) {
        if (j > i) (d.risk[i] == d.risk[j] ? p.txy : p.ty) += v;
        continue;
      }
      if (!(d.time[j] >= d.time[i])) continue;
      double* total = d.risk[i] > d.risk[j] ? &p.c : d.risk[i] < d.risk[j] ? &p.d : &p.tx;
      *total += v;
      if (dc != nullptr) {
        std::vector<double>& di = d.risk[i] > d.risk[j] ? *dc : d.risk[i] < d.risk[j] ? *dd : *dt;
        di[i] += tw * d.weights[j];
        di[j] += tw * d.weights[i];
      }
    }
  }
  return p;
}

double Somers(const Pairs& p) { return (p.c - p.d) / (p.c + p.d + p.tx); }

TEST(SurvivalConcordance, MatchesROnTheSmallTable) {
  const Data d = SmallTable();
  struct Case {
    bool weighted;
    TimeWeight tw;
    double value, std_error;
  };
  // R: concordance(Surv(time, event) ~ risk, reverse = TRUE[, weights][, timewt]).
  const Case cases[] = {{false, TimeWeight::kHarrell, 0.75000000, 0.08333333},
                        {true, TimeWeight::kHarrell, 0.73780488, 0.09150899},
                        {false, TimeWeight::kUno, 0.71791768, 0.08000258},
                        {true, TimeWeight::kUno, 0.72417455, 0.08111646}};
  for (const Case& c : cases) {
    ConcordanceOptions options;
    options.time_weight = c.tw;
    auto r = EstimateConcordance(d.risk.data(), d.time.data(), d.event.data(),
                                 c.weighted ? d.weights.data() : nullptr, d.time.size(), options);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_NEAR(r->value, c.value, 5e-9);
    EXPECT_NEAR(r->std_error, c.std_error, 5e-9);
  }
  auto r =
      EstimateConcordance(d.risk.data(), d.time.data(), d.event.data(), nullptr, d.time.size(), {});
  EXPECT_EQ(r->concordant, 29);
  EXPECT_EQ(r->discordant, 8);
  EXPECT_EQ(r->tied_risk, 5);
  EXPECT_EQ(r->tied_time, 0);
  EXPECT_EQ(r->tied_both, 1);
  EXPECT_EQ(r->events, 7);
}

TEST(SurvivalConcordance, CountsEqualEveryPairWithTiesAndWeights) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const Data d = RandomData(seed, 40 + seed, 6, 4);
    for (bool uno : {false, true}) {
      ConcordanceOptions options;
      options.time_weight = uno ? TimeWeight::kUno : TimeWeight::kHarrell;
      auto r = EstimateConcordance(d.risk.data(), d.time.data(), d.event.data(), d.weights.data(),
                                   d.time.size(), options);
      ASSERT_TRUE(r.ok()) << r.status().message();
      const Pairs p = BruteForce(d, uno);
      EXPECT_NEAR(r->concordant, p.c, 1e-9 * p.c);
      EXPECT_NEAR(r->discordant, p.d, 1e-9 * p.d);
      EXPECT_NEAR(r->tied_risk, p.tx, 1e-9 * (p.tx + 1));
      EXPECT_NEAR(r->tied_time, p.ty, 1e-9 * (p.ty + 1));
      EXPECT_NEAR(r->tied_both, p.txy, 1e-9 * (p.txy + 1));
      EXPECT_NEAR(r->value, (Somers(p) + 1) / 2, 1e-12);
    }
  }
}

// Risks of both signs and magnitudes, and -0 beside +0 (equal: a tie), as
// the pair-by-pair counts see them (the ranks come from a radix sort).
TEST(SurvivalConcordance, NegativeRisksAndSignedZerosRankAsNumbers) {
  Data d = RandomData(7, 80, 9, 7);
  const double values[] = {-1e300, -2.5, -1e-300, -0.0, 0.0, 1e-300, 3.25};
  for (size_t i = 0; i < d.risk.size(); ++i) d.risk[i] = values[static_cast<size_t>(d.risk[i])];
  auto r = EstimateConcordance(d.risk.data(), d.time.data(), d.event.data(), d.weights.data(),
                               d.time.size(), {});
  ASSERT_TRUE(r.ok());
  const Pairs p = BruteForce(d, false);
  EXPECT_NEAR(r->concordant, p.c, 1e-9 * p.c);
  EXPECT_NEAR(r->discordant, p.d, 1e-9 * p.d);
  EXPECT_NEAR(r->tied_risk, p.tx, 1e-9 * (p.tx + 1));
  EXPECT_GT(p.tx, 0);
}

// The jackknife: w_i d(somers)/d(w_i) by central differences of the
// pair-by-pair Somers' d (Harrell's weights do not depend on w).
TEST(SurvivalConcordance, StdErrorIsTheInfinitesimalJackknife) {
  for (unsigned seed = 1; seed <= 5; ++seed) {
    Data d = RandomData(seed, 30, 5, 5);
    double variance = 0;
    for (size_t i = 0; i < d.time.size(); ++i) {
      const double w = d.weights[i], h = 1e-6;
      d.weights[i] = w + h;
      const double up = Somers(BruteForce(d, false));
      d.weights[i] = w - h;
      const double down = Somers(BruteForce(d, false));
      d.weights[i] = w;
      const double dfbeta = w * (up - down) / (2 * h);
      variance += dfbeta * dfbeta;
    }
    auto r = EstimateConcordance(d.risk.data(), d.time.data(), d.event.data(), d.weights.data(),
                                 d.time.size(), {});
    ASSERT_TRUE(r.ok());
    EXPECT_NEAR(r->std_error, std::sqrt(variance / 4), 1e-7 * r->std_error) << seed;
  }
}

// Found by fuzz/survival_fuzzer (fuzz/regressions/survival/subnormal_weights):
// weights near 5e-309 made the pair sums subnormal and the standard error
// NaN, returned as OK. C and its SE do not depend on the weights' scale.
TEST(SurvivalConcordance, WeightsAtTheEdgesOfTheDoubleRange) {
  const Data d = SmallTable();
  const size_t n = d.time.size();
  for (TimeWeight tw : {TimeWeight::kHarrell, TimeWeight::kUno}) {
    ConcordanceOptions options;
    options.time_weight = tw;
    auto plain = EstimateConcordance(d.risk.data(), d.time.data(), d.event.data(), d.weights.data(),
                                     n, options);
    ASSERT_TRUE(plain.ok());
    for (int exponent : {-1060, -600, 600, 1000}) {
      std::vector<double> w(n);
      for (size_t i = 0; i < n; ++i) w[i] = std::ldexp(d.weights[i], exponent);
      auto scaled =
          EstimateConcordance(d.risk.data(), d.time.data(), d.event.data(), w.data(), n, options);
      ASSERT_TRUE(scaled.ok()) << exponent;
      EXPECT_NEAR(scaled->value, plain->value, 1e-13) << exponent;
      EXPECT_NEAR(scaled->std_error, plain->std_error, 1e-13) << exponent;
      // The counts in the caller's units: 0 or +inf past the double range.
      const double expected = std::ldexp(plain->concordant, 2 * exponent);
      if (std::isinf(expected)) {
        EXPECT_TRUE(std::isinf(scaled->concordant)) << exponent;
      } else {
        EXPECT_NEAR(scaled->concordant, expected, 1e-12 * expected) << exponent;
      }
    }
  }
  // The reproducer's core: the one weighted pair has a subnormal weight
  // beside a partner of weight 1 (dc / pairs alone overflowed to inf).
  const std::vector<double> t2{4, 6, 8}, e2{1, 0, 1}, r2{3.5, 2.5, 1},
      w2{5.58441462950671e-309, 1, 0};
  for (TimeWeight tw : {TimeWeight::kHarrell, TimeWeight::kUno}) {
    ConcordanceOptions options;
    options.time_weight = tw;
    auto tiny = EstimateConcordance(r2.data(), t2.data(), e2.data(), w2.data(), 3, options);
    ASSERT_TRUE(tiny.ok()) << tiny.status().message();
    EXPECT_EQ(tiny->value, 1.0);
    EXPECT_TRUE(std::isfinite(tiny->std_error));
  }
  // One censoring of weight 1e12 leaves G(t-) near 1e-12 for the events
  // after it; its rows' weights scale to 1e-12: fine. At 1e300 G is 0 in
  // doubles (1 - 1e300 / (1e300 + 9)): 1 / G^2 is infinite, an error saying so,
  // not a wrong C.
  Data heavy = SmallTable();
  heavy.weights[3] = 1e12;  // censored at time 2
  ConcordanceOptions uno;
  uno.time_weight = TimeWeight::kUno;
  auto r = EstimateConcordance(heavy.risk.data(), heavy.time.data(), heavy.event.data(),
                               heavy.weights.data(), n, uno);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->value >= 0 && r->value <= 1);
  EXPECT_TRUE(std::isfinite(r->std_error));
  heavy.weights[3] = 1e300;
  r = EstimateConcordance(heavy.risk.data(), heavy.time.data(), heavy.event.data(),
                          heavy.weights.data(), n, uno);
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("G reaches 0"), std::string::npos);
  const std::vector<double> huge(n, 1e308);
  EXPECT_EQ(EstimateConcordance(heavy.risk.data(), heavy.time.data(), heavy.event.data(),
                                huge.data(), n, {})
                .status()
                .code(),
            CANDOR_OUT_OF_RANGE);
}

TEST(SurvivalConcordance, PerfectAndReversedRanking) {
  const std::vector<double> time{1, 2, 3, 4, 5}, event{1, 1, 1, 1, 1};
  std::vector<double> risk{5, 4, 3, 2, 1};
  auto r = EstimateConcordance(risk.data(), time.data(), event.data(), nullptr, 5, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->value, 1.0);
  EXPECT_EQ(r->concordant, 10);
  risk = {1, 2, 3, 4, 5};
  r = EstimateConcordance(risk.data(), time.data(), event.data(), nullptr, 5, {});
  EXPECT_EQ(r->value, 0.0);
}

TEST(SurvivalConcordance, BadInput) {
  std::vector<double> risk{1, 2, 3}, time{1, 2, 3}, event{1, 0, 1};
  auto call = [&](const double* w = nullptr) {
    return EstimateConcordance(risk.data(), time.data(), event.data(), w, 3, {}).status();
  };
  time[1] = -1;
  EXPECT_EQ(call().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(call().message().find("time[1]"), std::string::npos);
  time[1] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(call().code(), CANDOR_OUT_OF_RANGE);
  time[1] = 2;
  event[2] = 0.5;
  EXPECT_EQ(call().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(call().message().find("event[2]"), std::string::npos);
  event = {0, 0, 0};
  EXPECT_EQ(call().code(), CANDOR_EMPTY);
  event = {1, 0, 1};
  risk[0] = std::numeric_limits<double>::infinity();
  EXPECT_EQ(call().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(call().message().find("risk[0]"), std::string::npos);
  risk[0] = 1;
  const std::vector<double> negative{1, -1, 1}, zero{0, 0, 0};
  EXPECT_EQ(call(negative.data()).code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(call(zero.data()).code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(EstimateConcordance(nullptr, time.data(), event.data(), nullptr, 3, {}).status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(
      EstimateConcordance(risk.data(), time.data(), event.data(), nullptr, 0, {}).status().code(),
      CANDOR_EMPTY);
  ConcordanceOptions bad;
  bad.time_weight = static_cast<TimeWeight>(7);
  EXPECT_EQ(
      EstimateConcordance(risk.data(), time.data(), event.data(), nullptr, 3, bad).status().code(),
      CANDOR_INVALID_ARGUMENT);
}

TEST(SurvivalKaplanMeier, GreenwoodAndLogIntervalByHand) {
  // Times 1 1 2 3 3 4, events 1 0 1 1 0 1: n = 6, 4, 3, 1 at the four times.
  const std::vector<double> time{1, 1, 2, 3, 3, 4}, event{1, 0, 1, 1, 0, 1};
  auto r = EstimateKaplanMeier(time.data(), event.data(), nullptr, nullptr, 6, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->curves.size(), 1u);
  const KaplanMeierCurve& c = r->curves[0];
  ASSERT_EQ(c.time, (std::vector<double>{1, 2, 3, 4}));
  EXPECT_EQ(c.n_risk, (std::vector<double>{6, 4, 3, 1}));
  EXPECT_EQ(c.n_censor, (std::vector<double>{1, 0, 1, 0}));
  const double s[] = {5.0 / 6, 5.0 / 6 * 3 / 4, 5.0 / 6 * 3 / 4 * 2 / 3, 0};
  const double g[] = {1.0 / 30, 1.0 / 30 + 1.0 / 12, 1.0 / 30 + 1.0 / 12 + 1.0 / 6};
  const double z = 1.959963984540054;
  for (int k = 0; k < 3; ++k) {
    EXPECT_NEAR(c.survival[k], s[k], 1e-15);
    EXPECT_NEAR(c.std_error_log[k], std::sqrt(g[k]), 1e-15);
    EXPECT_NEAR(c.std_error[k], s[k] * std::sqrt(g[k]), 1e-15);
    EXPECT_NEAR(c.ci_low[k], s[k] * std::exp(-z * std::sqrt(g[k])), 1e-12);
    EXPECT_NEAR(c.ci_high[k], std::min(1.0, s[k] * std::exp(z * std::sqrt(g[k]))), 1e-12);
    EXPECT_LT(c.ci_low[k], c.ci_high[k]);
  }
  EXPECT_EQ(c.ci_high[0], 1.0);  // capped, as survfit's
  EXPECT_EQ(c.survival[3], 0.0);
  EXPECT_TRUE(std::isinf(c.std_error_log[3]));
  EXPECT_TRUE(std::isnan(c.ci_low[3]) && std::isnan(c.ci_high[3]));
}

TEST(SurvivalKaplanMeier, LogLogAndPlainByHand) {
  const std::vector<double> time{1, 2, 3, 4}, event{0, 1, 1, 0};
  KaplanMeierOptions options;
  options.interval = SurvivalInterval::kLogLog;
  auto r = EstimateKaplanMeier(time.data(), event.data(), nullptr, nullptr, 4, options);
  ASSERT_TRUE(r.ok());
  const KaplanMeierCurve& c = r->curves[0];
  // S = 1 (no event yet; survfit's NA): Clopper-Pearson's bound for 4 of 4,
  // the lower end solving P(Binomial(4, p) = 4) = p^4 = 0.025.
  EXPECT_NEAR(c.ci_low[0], std::pow(0.025, 1.0 / 4), 1e-15);
  EXPECT_NEAR(std::pow(c.ci_low[0], 4), 0.025, 1e-15);
  EXPECT_EQ(c.ci_high[0], 1.0);
  // R: survfit(Surv(1:4, c(0,1,1,0)) ~ 1, conf.type = "log-log").
  EXPECT_NEAR(c.ci_low[1], 0.054073427, 1e-9);
  EXPECT_NEAR(c.ci_high[1], 0.9452064, 1e-7);
  EXPECT_NEAR(c.ci_low[2], 0.008961628, 1e-9);
  EXPECT_NEAR(c.ci_high[2], 0.7741487, 1e-7);
  options.interval = SurvivalInterval::kPlain;
  r = EstimateKaplanMeier(time.data(), event.data(), nullptr, nullptr, 4, options);
  const KaplanMeierCurve& p = r->curves[0];
  const double z = 1.959963984540054;
  EXPECT_NEAR(p.ci_low[1], 2.0 / 3 - z * p.std_error[1], 1e-14);
  EXPECT_EQ(p.ci_low[2], 0.0);  // clipped
}

// Before the first event every interval type gives the exact interval for m
// survivors of m at risk (m weighted), never survfit's zero-width [1, 1].
TEST(SurvivalKaplanMeier, NoEventYetHasTheExactIntervalNotZeroWidth) {
  const std::vector<double> time{1, 2, 3, 4, 5}, event{0, 0, 1, 0, 1};
  const std::vector<double> weights{2, 1, 1, 0.5, 1};
  for (SurvivalInterval type :
       {SurvivalInterval::kLog, SurvivalInterval::kLogLog, SurvivalInterval::kPlain}) {
    KaplanMeierOptions options;
    options.interval = type;
    options.level = 0.9;
    auto r = EstimateKaplanMeier(time.data(), event.data(), nullptr, weights.data(), 5, options);
    ASSERT_TRUE(r.ok());
    const KaplanMeierCurve& c = r->curves[0];
    for (int k = 0; k < 2; ++k) {
      ASSERT_EQ(c.survival[k], 1.0);
      const double m = c.n_risk[k];  // 5.5, then 3.5
      EXPECT_NEAR(std::pow(c.ci_low[k], m), 0.05, 1e-14) << k;
      EXPECT_EQ(c.ci_high[k], 1.0);
      EXPECT_LT(c.ci_low[k], c.ci_high[k]);
    }
    EXPECT_LT(c.survival[2], 1.0);
    EXPECT_LT(c.ci_low[2], c.ci_high[2]);  // Greenwood from here on
  }
}

TEST(SurvivalKaplanMeier, GroupsAndIntegerWeightsAreReplicatedRows) {
  const std::vector<double> time{1, 2, 2, 3, 5, 1, 4}, event{1, 0, 1, 1, 0, 1, 1};
  const std::vector<int32_t> groups{3, 3, 3, 3, 3, 0, 0};
  const std::vector<double> weights{2, 1, 3, 1, 1, 1, 1};
  auto r = EstimateKaplanMeier(time.data(), event.data(), groups.data(), weights.data(), 7, {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->curves.size(), 2u);
  EXPECT_EQ(r->curves[0].group, 0);
  EXPECT_EQ(r->curves[1].group, 3);
  // Group 3 replicated: 1 1 | 2 | 2 2 2 | 3 | 5, events 1 1 0 1 1 1 1 0.
  const std::vector<double> rt{1, 1, 2, 2, 2, 2, 3, 5}, re{1, 1, 0, 1, 1, 1, 1, 0};
  auto replicated = EstimateKaplanMeier(rt.data(), re.data(), nullptr, nullptr, 8, {});
  const KaplanMeierCurve& a = r->curves[1];
  const KaplanMeierCurve& b = replicated->curves[0];
  EXPECT_EQ(a.n_risk, b.n_risk);
  for (size_t k = 0; k < a.time.size(); ++k) {
    EXPECT_NEAR(a.survival[k], b.survival[k], 1e-15);
    EXPECT_NEAR(a.std_error[k], b.std_error[k], 1e-15);
  }
}

TEST(SurvivalKaplanMeier, BadInput) {
  const std::vector<double> time{1, 2}, event{1, 0};
  const std::vector<int32_t> groups{0, -1};
  EXPECT_EQ(
      EstimateKaplanMeier(time.data(), event.data(), groups.data(), nullptr, 2, {}).status().code(),
      CANDOR_OUT_OF_RANGE);
  KaplanMeierOptions options;
  options.level = 0;
  EXPECT_EQ(
      EstimateKaplanMeier(time.data(), event.data(), nullptr, nullptr, 2, options).status().code(),
      CANDOR_INVALID_ARGUMENT);
}

// survdiff's statistic computed densely, event time by event time.
double DenseLogRank(const Data& d, const std::vector<int32_t>& g, int groups) {
  std::vector<double> times;
  for (size_t i = 0; i < d.time.size(); ++i) {
    if (d.event[i] == 1) times.push_back(d.time[i]);
  }
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  std::vector<double> u(groups, 0), v(groups * groups, 0);
  for (double t : times) {
    std::vector<double> nk(groups, 0), dk(groups, 0);
    for (size_t i = 0; i < d.time.size(); ++i) {
      if (d.time[i] >= t) nk[g[i]] += 1;
      if (d.time[i] == t && d.event[i] == 1) dk[g[i]] += 1;
    }
    double n = 0, dd = 0;
    for (int k = 0; k < groups; ++k) n += nk[k], dd += dk[k];
    for (int k = 0; k < groups; ++k) {
      u[k] += dk[k] - dd * nk[k] / n;
      for (int l = 0; l < groups; ++l) {
        if (n > 1)
          v[k * groups + l] += dd * (n - dd) / (n - 1) * nk[k] / n * ((k == l) - nk[l] / n);
      }
    }
  }
  // Drop group 0 and solve the 2 x 2 (three groups) or 1 x 1 (two) system.
  if (groups == 2) return u[1] * u[1] / v[3];
  const double a = v[4], b = v[5], c = v[7], e = v[8], det = a * e - b * c;
  return (u[1] * (e * u[1] - b * u[2]) + u[2] * (a * u[2] - c * u[1])) / det;
}

TEST(SurvivalLogRank, EqualsTheDenseComputation) {
  for (unsigned seed = 1; seed <= 10; ++seed) {
    const Data d = RandomData(seed, 50, 8, 3);
    for (int groups : {2, 3}) {
      std::vector<int32_t> g(d.time.size());
      for (size_t i = 0; i < g.size(); ++i) g[i] = static_cast<int32_t>((i * 7 + seed) % groups);
      auto r = LogRankTest(d.time.data(), d.event.data(), g.data(), g.size());
      ASSERT_TRUE(r.ok()) << r.status().message();
      EXPECT_NEAR(r->chi_square, DenseLogRank(d, g, groups), 1e-9 * (1 + r->chi_square));
      EXPECT_EQ(r->df, groups - 1);
      double observed = 0, expected = 0;
      for (const LogRankGroup& k : r->groups) observed += k.observed, expected += k.expected;
      EXPECT_NEAR(observed, expected, 1e-9);  // sum O = sum E
    }
  }
}

TEST(SurvivalLogRank, TwoGroupsClosedFormAndPValue) {
  // Group 0 dies at 1, 2; group 1 at 3, 4; no censoring. At t = 1: n = 4
  // (2, 2), at 2: 3 (1, 2), at 3: 2 (0, 2), at 4: 1.
  const std::vector<double> time{1, 2, 3, 4}, event{1, 1, 1, 1};
  const std::vector<int32_t> g{0, 0, 1, 1};
  auto r = LogRankTest(time.data(), event.data(), g.data(), 4);
  ASSERT_TRUE(r.ok());
  const double e0 = 2.0 / 4 + 1.0 / 3;
  const double v = 1 * 3.0 / 3 * (2.0 / 4) * (2.0 / 4) + 1 * 2.0 / 2 * (1.0 / 3) * (2.0 / 3);
  EXPECT_NEAR(r->groups[0].expected, e0, 1e-15);
  EXPECT_NEAR(r->chi_square, (2 - e0) * (2 - e0) / v, 1e-12);
  EXPECT_NEAR(r->p_value, std::erfc(std::sqrt(r->chi_square / 2)), 1e-14);
}

TEST(SurvivalLogRank, BadInput) {
  const std::vector<double> time{1, 2, 3}, event{1, 0, 1};
  const std::vector<int32_t> one{2, 2, 2};
  EXPECT_EQ(LogRankTest(time.data(), event.data(), one.data(), 3).status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(LogRankTest(time.data(), event.data(), nullptr, 3).status().code(),
            CANDOR_INVALID_ARGUMENT);
  // Group 1 is gone before the first event: only one group is tested.
  const std::vector<double> late{2, 3, 1}, ev{1, 1, 0};
  const std::vector<int32_t> g{0, 0, 1};
  EXPECT_EQ(LogRankTest(late.data(), ev.data(), g.data(), 3).status().code(),
            CANDOR_INVALID_ARGUMENT);
  // Everyone at risk dies at each event time: V = 0.
  const std::vector<double> t2{1, 1}, e2{1, 1};
  const std::vector<int32_t> g2{0, 1};
  EXPECT_EQ(LogRankTest(t2.data(), e2.data(), g2.data(), 2).status().code(), CANDOR_UNSUPPORTED);
}

}  // namespace
}  // namespace candor
