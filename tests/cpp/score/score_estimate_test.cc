// EstimateScores against the R NPS package's vectors, R survey, scipy and
// closed forms (references in docs/REFERENCES.md).
#include <gtest/gtest.h>

#include "score_test_util.hpp"

#include <candor/score.hpp>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "common/random.hpp"
#include "nps_posterior.hpp"

namespace candor {
namespace {

using testing::NpsScores;

Estimate MustEstimate(const Metric& metric, const std::vector<double>& scores,
                      const IntervalOptions& options,
                      const std::vector<double>* weights = nullptr) {
  Result<Estimate> result = EstimateScores(
      metric, scores.data(), weights ? weights->data() : nullptr, scores.size(), options);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return result.ok() ? *result : Estimate();
}

IntervalOptions With(IntervalMethod method) {
  IntervalOptions options;
  options.method = method;
  return options;
}

// R NPS (Rocks) nps_var_/nps_se_ test vectors: SE = sqrt(var / n).
TEST(EstimateWald, RocksVarianceVectors) {
  struct Case {
    int det, pas, pro;
    double variance;
  } cases[] = {
      {1, 2, 3, 5.0 / 9}, {1, 0, 1, 1.0}, {0, 1, 1, 0.25}, {1, 1, 1, 2.0 / 3}, {1, 0, 0, 0}};
  for (const Case& c : cases) {
    const int n = c.det + c.pas + c.pro;
    const Estimate e =
        MustEstimate(Metric::Nps(), NpsScores(c.det, c.pas, c.pro), IntervalOptions());
    EXPECT_NEAR(e.value, 100.0 * (c.pro - c.det) / n, 1e-12);
    EXPECT_NEAR(e.std_error, 100.0 * std::sqrt(c.variance / n), 1e-10);
    EXPECT_EQ(e.n, n);
    EXPECT_EQ(e.effective_n, n);
  }
  // Published SEs: (1,2,3) -> 0.304, (1,0,1) -> 0.707, (1,1,1) -> 0.471.
  EXPECT_NEAR(MustEstimate(Metric::Nps(), NpsScores(1, 2, 3), IntervalOptions()).std_error, 30.4,
              0.05);
  EXPECT_NEAR(MustEstimate(Metric::Nps(), NpsScores(1, 0, 1), IntervalOptions()).std_error, 70.7,
              0.05);
  EXPECT_NEAR(MustEstimate(Metric::Nps(), NpsScores(1, 1, 1), IntervalOptions()).std_error, 47.1,
              0.05);
}

TEST(EstimateWald, RocksBreaksVector) {
  // Breaks c(0,6,8,15): nps(1:15) = 2/30, nps_var = 0.8622.
  Metric metric = Metric::Nps();
  metric.scale_max = 15;
  std::vector<double> scores;
  for (int s = 1; s <= 15; ++s) scores.push_back(s);
  const Estimate e = MustEstimate(metric, scores, IntervalOptions());
  EXPECT_NEAR(e.value, 100.0 * 2 / 30, 1e-12);
  EXPECT_NEAR(e.std_error, 100.0 * std::sqrt(0.8622 / 15), 0.01);
}

// Verified Wald CIs from Rocks' code (0..1 scale times 100); the (5,0,1)
// interval falls below -1 there and is clipped here.
TEST(EstimateWald, RocksIntervals) {
  Estimate e = MustEstimate(Metric::Nps(), NpsScores(10, 20, 30), With(IntervalMethod::kWald));
  EXPECT_NEAR(e.ci_low, 14.474, 1e-3);
  EXPECT_NEAR(e.ci_high, 52.193, 1e-3);
  e = MustEstimate(Metric::Nps(), NpsScores(1, 2, 3), With(IntervalMethod::kWald));
  EXPECT_NEAR(e.ci_low, -26.306, 1e-3);
  EXPECT_NEAR(e.ci_high, 92.973, 1e-3);
  e = MustEstimate(Metric::Nps(), NpsScores(5, 0, 1), With(IntervalMethod::kWald));
  EXPECT_EQ(e.ci_low, -100.0);
  EXPECT_NEAR(e.ci_high, -7.027, 1e-3);
}

TEST(EstimateWald, DegenerateAllPromotersHasZeroError) {
  // Plug-in variance of a constant is 0: SE 0 and a zero-width interval.
  const Estimate e = MustEstimate(Metric::Nps(), NpsScores(0, 0, 25), With(IntervalMethod::kWald));
  EXPECT_EQ(e.value, 100.0);
  EXPECT_EQ(e.std_error, 0.0);
  EXPECT_EQ(e.ci_low, 100.0);
  EXPECT_EQ(e.ci_high, 100.0);
  const Estimate one = MustEstimate(Metric::Nps(), NpsScores(0, 1, 0), With(IntervalMethod::kWald));
  EXPECT_EQ(one.std_error, 0.0);
}

TEST(EstimateAdjustedWald, RocksIntervals) {
  const IntervalOptions options = With(IntervalMethod::kAdjustedWald);
  Estimate e = MustEstimate(Metric::Nps(), NpsScores(10, 20, 30), options);
  EXPECT_NEAR(e.ci_low, 13.301, 1e-3);
  EXPECT_NEAR(e.ci_high, 50.191, 1e-3);
  EXPECT_NEAR(e.std_error, 9.411, 1e-3);
  // The value is the adjusted estimate the interval is centred on:
  // (30.75 - 10.75) / 63.
  EXPECT_NEAR(e.value, 100.0 * 20 / 63, 1e-12);
  e = MustEstimate(Metric::Nps(), NpsScores(1, 2, 3), options);
  EXPECT_NEAR(e.ci_low, -26.743, 1e-3);
  EXPECT_NEAR(e.ci_high, 71.188, 1e-3);
  EXPECT_NEAR(e.std_error, 24.983, 1e-3);
  e = MustEstimate(Metric::Nps(), NpsScores(5, 0, 1), options);
  EXPECT_NEAR(e.ci_low, -96.538, 1e-3);
  EXPECT_NEAR(e.ci_high, 7.650, 1e-3);
}

TEST(EstimateAdjustedWald, BoxAddsOneInOneOut) {
  // Agresti-Caffo: p' = (x + 1) / (n + 2), SE = sqrt(p'(1 - p') / (n + 2)).
  const std::vector<double> scores = {5, 5, 4, 4, 4, 3, 2, 1, 5, 4};  // 7 of 10 in the top 2
  const Estimate e = MustEstimate(Metric::Csat(), scores, With(IntervalMethod::kAdjustedWald));
  const double p = 8.0 / 12;
  EXPECT_NEAR(e.value, 100 * p, 1e-12);
  EXPECT_NEAR(e.std_error, 100 * std::sqrt(p * (1 - p) / 12), 1e-10);
  EXPECT_NEAR(e.ci_low, 100 * (p - 1.959963984540054 * std::sqrt(p * (1 - p) / 12)), 1e-9);
}

TEST(EstimateAdjustedWald, MeanIsUnsupported) {
  const std::vector<double> scores = {1, 2, 3};
  Result<Estimate> r =
      EstimateScores(Metric::Ces(), scores.data(), nullptr, 3, With(IntervalMethod::kAdjustedWald));
  EXPECT_EQ(r.status().code(), CANDOR_UNSUPPORTED);
}

// Bayes: closed-form Dirichlet moments, and equal-tailed intervals from a
// separate scipy integration that conditions on theta_det instead of
// theta_pro, cross-checked by 10^7 Dirichlet draws for (1,2,3): (-0.2917,
// 0.6741). The reference, run with /usr/bin/python3 (scipy 1.10):
//   def cdf(t, ad, aq, ap):  # theta_det ~ Beta(ad, ap + aq)
//     b = ap + aq; m = ad / (ad + b); s = sqrt(m * (1 - m) / (ad + b + 1))
//     f = lambda v: stats.beta.pdf(v, ad, b) * stats.beta.cdf(
//         min(max((v + t) / (1 - v), 0), 1), ap, aq)
//     return quad(f, max(0, -t, m - 15 * s), min(1, m + 15 * s), limit=1000,
//                 epsabs=1e-14, epsrel=1e-12, points=[m])[0]
//   quantile(p) = brentq(lambda t: cdf(t, *alpha) - p, mean - 10 sd, mean + 10 sd)
// (for the small cases the integral ran over [max(0, -t), 1] without points).
TEST(EstimateBayes, DirichletIntervalsMatchScipy) {
  struct Case {
    int det, pas, pro;
    double prior, low, high;
  } cases[] = {
      {1, 2, 3, 1.0, -29.1344956734, 67.3911275158},
      {10, 20, 30, 1.0, 12.6864279299, 49.4869028691},
      {5, 0, 1, 0.5, -93.3004516793, 10.7600388824},
      {40, 100, 260, 1.0, 47.8576115398, 60.9542445948},
      {300, 100, 600, 1.0, 24.2920188037, 35.4225843108},
      // a0 > 1e5: the Cornish-Fisher branch (error O(1/a0) SDs; SD = 0.24).
      {20000, 30000, 50000, 1.0, 29.5146046717, 30.4827383459},
  };
  for (const Case& c : cases) {
    IntervalOptions options = With(IntervalMethod::kBayes);
    options.prior = c.prior;
    const Estimate e = MustEstimate(Metric::Nps(), NpsScores(c.det, c.pas, c.pro), options);
    const double tolerance = c.det + c.pas + c.pro > 1e5 ? 1e-4 : 1e-5;
    EXPECT_NEAR(e.ci_low, c.low, tolerance) << c.det << "," << c.pas << "," << c.pro;
    EXPECT_NEAR(e.ci_high, c.high, tolerance) << c.det << "," << c.pas << "," << c.pro;
    const double a_det = c.det + c.prior, a_pas = c.pas + c.prior, a_pro = c.pro + c.prior;
    const double a0 = a_det + a_pas + a_pro;
    const double mean = (a_pro - a_det) / a0;
    const double sd = std::sqrt(((a_pro + a_det) / a0 - mean * mean) / (a0 + 1));
    EXPECT_NEAR(e.std_error, 100 * sd, 1e-10);
    EXPECT_NEAR(e.value, 100.0 * (c.pro - c.det) / (c.det + c.pas + c.pro), 1e-12);
  }
  // docs/REFERENCES.md section 1: mean 0.22222, SD 0.24845 for (1,2,3).
  const Estimate e = MustEstimate(Metric::Nps(), NpsScores(1, 2, 3), With(IntervalMethod::kBayes));
  EXPECT_NEAR(e.std_error, 24.845, 1e-3);
}

// P(theta_pro - theta_det <= 0) under Dirichlet(2, 3, 4): scipy reference
// above prints cdf(0) = 0.1875; the CDF is monotone and spans 0..1.
TEST(EstimateBayes, PosteriorCdf) {
  EXPECT_NEAR(internal::NpsPosteriorCdf(0.0, 2, 3, 4), 0.1875, 1e-10);
  EXPECT_EQ(internal::NpsPosteriorCdf(-1.0, 2, 3, 4), 0.0);
  EXPECT_EQ(internal::NpsPosteriorCdf(1.0, 2, 3, 4), 1.0);
  double previous = 0;
  for (double t = -0.99; t < 1; t += 0.01) {
    const double cdf = internal::NpsPosteriorCdf(t, 2, 3, 4);
    EXPECT_GE(cdf, previous - 1e-12);
    previous = cdf;
  }
  // Prior < 1 with empty categories: singular densities at the ends.
  const double q = internal::NpsPosteriorQuantile(0.5, 0.5, 0.5, 0.5);
  EXPECT_NEAR(q, 0.0, 1e-9);  // symmetric in det and pro
}

// From every Dirichlet parameter >= 200 on, the quantiles come from the
// four-moment Cornish-Fisher expansion instead of inverting the integrated
// CDF: the CDF at the expansion's quantile must give back the level (to 2e-5
// in probability; the worst measured was 4e-7 on the value scale), across
// shares and levels, also just past the switch.
TEST(EstimateBayes, CornishFisherQuantilesAgreeWithTheExactCdf) {
  const double shares[][3] = {{0.1, 0.2, 0.7}, {0.45, 0.1, 0.45}, {0.05, 0.05, 0.9},
                              {0.7, 0.2, 0.1}, {0.3, 0.3, 0.4}};
  for (double n : {5000.0, 20000.0, 60000.0}) {
    for (const auto& share : shares) {
      const double a_det = share[0] * n, a_pas = share[1] * n, a_pro = share[2] * n;
      ASSERT_GE(std::min({a_det, a_pas, a_pro}), 200.0);
      for (double q : {0.005, 0.025, 0.5, 0.975, 0.995}) {
        const double t = internal::NpsPosteriorQuantile(q, a_det, a_pas, a_pro);
        EXPECT_NEAR(internal::NpsPosteriorCdf(t, a_det, a_pas, a_pro), q, 2e-5)
            << n << " " << share[0] << " " << share[1] << " q=" << q;
      }
    }
  }
  // Just past the switch, where the expansion is least accurate.
  for (double q : {0.0005, 0.025, 0.975, 0.9995}) {
    const double t = internal::NpsPosteriorQuantile(q, 200.5, 200.5, 600.5);
    EXPECT_NEAR(internal::NpsPosteriorCdf(t, 200.5, 200.5, 600.5), q, 2e-5) << q;
  }
}

// A category with no responses and a tiny prior holds a near-atom at 0: all
// but 7e-7 of Beta(1e-9, b)'s mass lies below 1e-300, out of reach of the
// quadrature's nodes. The integral missed it (the 2.5% quantile of
// Dirichlet(5.29, 1.44, 1e-9) came out as -2.5e-13; found by fuzz/score as a
// timeout). With theta_pro ~ 0 the NPS is -theta_det, theta_det ~
// Beta(a_det, a_pas + a_pro): scipy.stats.beta.ppf gives the references
// (to O(a_pro), here 1e-9).
TEST(EstimateBayes, TinyPriorWithAnEmptyCategory) {
  struct Case {
    double q, a_det, a_pas, a_pro, expected;
  };
  const Case cases[] = {
      // -beta.ppf(1 - q, a_det, a_pas + a_pro)
      {0.025, 5.2900763368778625, 1.4427480926030536, 1e-9, -0.9827841079896863},
      {0.975, 5.2900763368778625, 1.4427480926030536, 1e-9, -0.4351239261594317},
      {0.025, 17.000000007041528, 10.000000007041528, 7.0415291131711472e-09,
       -0.7977397562500225},
      // beta.ppf(q, a_pro, a_pas + a_det) when theta_det ~ 0
      {0.025, 1e-9, 2.5, 4.0, 0.24932699022151344},
      {0.975, 1e-9, 2.5, 4.0, 0.91533657033978655},
  };
  for (const Case& c : cases) {
    EXPECT_NEAR(internal::NpsPosteriorQuantile(c.q, c.a_det, c.a_pas, c.a_pro), c.expected, 1e-8)
        << c.q << " " << c.a_det << " " << c.a_pas << " " << c.a_pro;
  }
}

TEST(EstimateBayes, BoxUsesBetaQuantiles) {
  // 7 of 10 in the box, prior 1: Beta(8, 4); scipy.stats.beta.ppf.
  const std::vector<double> scores = {5, 5, 4, 4, 4, 3, 2, 1, 5, 4};
  const Estimate e = MustEstimate(Metric::Csat(), scores, With(IntervalMethod::kBayes));
  EXPECT_NEAR(e.ci_low, 39.025744042757879, 1e-8);
  EXPECT_NEAR(e.ci_high, 89.073655618090186, 1e-8);
  EXPECT_NEAR(e.value, 70.0, 1e-12);
  EXPECT_NEAR(e.std_error, 100 * std::sqrt(8.0 * 4 / (12.0 * 12 * 13)), 1e-10);
}

TEST(EstimateBayes, MeanClosedForm) {
  // CES 1..7, prior 1 on each of the 7 points.
  const std::vector<double> scores = {7, 6, 6, 5, 2, 7, 4};
  const Estimate e = MustEstimate(Metric::Ces(), scores, With(IntervalMethod::kBayes));
  std::vector<double> alpha(7, 1.0);
  for (double s : scores) alpha[static_cast<int>(s) - 1] += 1;
  double a0 = 0, m1 = 0, m2 = 0;
  for (int j = 0; j < 7; ++j) a0 += alpha[j];
  for (int j = 0; j < 7; ++j) {
    m1 += (j + 1) * alpha[j] / a0;
    m2 += (j + 1) * (j + 1) * alpha[j] / a0;
  }
  const double sd = std::sqrt((m2 - m1 * m1) / (a0 + 1));
  EXPECT_NEAR(e.std_error, sd, 1e-12);
  EXPECT_NEAR(e.ci_low, m1 - 1.959963984540054 * sd, 1e-9);
  EXPECT_NEAR(e.value, 37.0 / 7, 1e-12);
}

// R 4.2.2, survey: svydesign(ids=~1, weights=~w, data=df); svymean(~s, d)
// with the data below (Rscript, printed with %.17g).
const std::vector<double> kSurveyScores = {10, 9, 7, 3, 8, 10, 6, 0, 9, 5, 10, 8};
const std::vector<double> kSurveyWeights = {1.5, 0.5, 2, 1, 3, 0.25, 1, 2.5, 1.2, 0.8, 2, 1};

TEST(EstimateWeighted, MatchesRSurvey) {
  Estimate e = MustEstimate(Metric::Nps(), kSurveyScores, IntervalOptions(), &kSurveyWeights);
  EXPECT_NEAR(e.value, 100 * 0.0089552238805970259, 1e-12);
  EXPECT_NEAR(e.std_error, 100 * 0.25642625091876653, 1e-8 * 25.6);
  e = MustEstimate(Metric::Mean(0, 10), kSurveyScores, IntervalOptions(), &kSurveyWeights);
  EXPECT_NEAR(e.value, 6.674626865671641, 1e-12);
  EXPECT_NEAR(e.std_error, 1.2332132619715979, 1e-8 * 1.23);
  e = MustEstimate(Metric::TopBox(0, 10, 2), kSurveyScores, IntervalOptions(), &kSurveyWeights);
  EXPECT_NEAR(e.value, 100 * 0.32537313432835818, 1e-12);
  EXPECT_NEAR(e.std_error, 100 * 0.15357124853264809, 1e-8 * 15.4);
  // Kish effective n = (sum w)^2 / sum w^2.
  double sum = 0, squares = 0;
  for (double w : kSurveyWeights) {
    sum += w;
    squares += w * w;
  }
  EXPECT_NEAR(e.effective_n, sum * sum / squares, 1e-12);
  EXPECT_EQ(e.n, 12);
}

TEST(EstimateWeighted, AdjustedWaldUsesKishCounts) {
  const Estimate e = MustEstimate(Metric::Nps(), kSurveyScores, With(IntervalMethod::kAdjustedWald),
                                  &kSurveyWeights);
  double sum = 0, squares = 0, pro = 0, det = 0;
  for (size_t i = 0; i < kSurveyScores.size(); ++i) {
    const double w = kSurveyWeights[i];
    sum += w;
    squares += w * w;
    if (kSurveyScores[i] >= 9) pro += w;
    if (kSurveyScores[i] <= 6) det += w;
  }
  const double n_eff = sum * sum / squares;
  const double n_adj = n_eff + 3;
  const double p = (pro / sum * n_eff + 0.75) / n_adj;
  const double d = (det / sum * n_eff + 0.75) / n_adj;
  EXPECT_NEAR(e.value, 100 * (p - d), 1e-10);
  EXPECT_NEAR(e.std_error, 100 * std::sqrt((p + d - (p - d) * (p - d)) / n_adj), 1e-10);
}

// Weighted Bayes on a box: Beta(1 + p n_eff, 1 + (1 - p) n_eff) with Kish
// n_eff; /usr/bin/python3: neff = w.sum()**2 / (w**2).sum();
// p = w[s >= 9].sum() / w.sum(); 100 * stats.beta.ppf([0.025, 0.975], a, b).
TEST(EstimateWeighted, BayesUsesKishCounts) {
  const Estimate e = MustEstimate(Metric::TopBox(0, 10, 2), kSurveyScores,
                                  With(IntervalMethod::kBayes), &kSurveyWeights);
  EXPECT_NEAR(e.ci_low, 11.775987897407122, 1e-8);
  EXPECT_NEAR(e.ci_high, 64.468981165637246, 1e-8);
  EXPECT_NEAR(e.effective_n, 9.081896900542203, 1e-12);
}

TEST(EstimateWeighted, UnitWeightsAreUnweighted) {
  const std::vector<double> scores = NpsScores(3, 4, 5);
  const std::vector<double> ones(scores.size(), 1.0);
  const Estimate a = MustEstimate(Metric::Nps(), scores, IntervalOptions(), &ones);
  const Estimate b = MustEstimate(Metric::Nps(), scores, IntervalOptions());
  EXPECT_EQ(a.std_error, b.std_error);
}

TEST(EstimateWeighted, SingleWeightedResponseIsAnError) {
  // n / (n - 1) is undefined for n = 1: CANDOR_EMPTY, not a silent NaN.
  const std::vector<double> scores = {9};
  const std::vector<double> weights = {2.0};
  Result<Estimate> r =
      EstimateScores(Metric::Nps(), scores.data(), weights.data(), 1, IntervalOptions());
  EXPECT_EQ(r.status().code(), CANDOR_EMPTY);
  EXPECT_NE(r.status().message().find("at least 2"), std::string::npos);
  // Other methods do not need n - 1.
  EXPECT_TRUE(
      EstimateScores(Metric::Nps(), scores.data(), weights.data(), 1, With(IntervalMethod::kBayes))
          .ok());
}

TEST(EstimateErrors, NameTheProblem) {
  const IntervalOptions options;
  std::vector<double> scores = {9, 10, NAN, 3};
  Result<Estimate> r = EstimateScores(Metric::Nps(), scores.data(), nullptr, 4, options);
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(r.status().message(), "score at index 2 is NaN");
  scores = {9, 11};
  r = EstimateScores(Metric::Nps(), scores.data(), nullptr, 2, options);
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("index 1"), std::string::npos);
  scores = {9, 7.5};
  r = EstimateScores(Metric::Nps(), scores.data(), nullptr, 2, options);
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("not an integer"), std::string::npos);
  scores = {9, INFINITY};
  EXPECT_EQ(EstimateScores(Metric::Nps(), scores.data(), nullptr, 2, options).status().code(),
            CANDOR_OUT_OF_RANGE);
  scores = {9, 7};
  std::vector<double> weights = {1, -1};
  r = EstimateScores(Metric::Nps(), scores.data(), weights.data(), 2, options);
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("weight at index 1"), std::string::npos);
  weights = {0, 0};
  EXPECT_EQ(
      EstimateScores(Metric::Nps(), scores.data(), weights.data(), 2, options).status().code(),
      CANDOR_OUT_OF_RANGE);
  weights = {1, NAN};
  EXPECT_EQ(
      EstimateScores(Metric::Nps(), scores.data(), weights.data(), 2, options).status().code(),
      CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(EstimateScores(Metric::Nps(), nullptr, nullptr, 0, options).status().code(),
            CANDOR_EMPTY);
  EXPECT_EQ(EstimateScores(Metric::Nps(), nullptr, nullptr, 3, options).status().code(),
            CANDOR_INVALID_ARGUMENT);
}

TEST(EstimateErrors, BadOptionsAndMetrics) {
  const std::vector<double> scores = {9, 7};
  auto code = [&](const Metric& metric, const IntervalOptions& options) {
    return EstimateScores(metric, scores.data(), nullptr, 2, options).status().code();
  };
  IntervalOptions options;
  options.level = 1.0;
  EXPECT_EQ(code(Metric::Nps(), options), CANDOR_INVALID_ARGUMENT);
  options = IntervalOptions();
  options.prior = 0;
  EXPECT_EQ(code(Metric::Nps(), options), CANDOR_INVALID_ARGUMENT);
  options = IntervalOptions();
  options.replicates = 10;
  EXPECT_EQ(code(Metric::Nps(), options), CANDOR_INVALID_ARGUMENT);
  options = IntervalOptions();
  options.threads = -1;
  EXPECT_EQ(code(Metric::Nps(), options), CANDOR_INVALID_ARGUMENT);
  Metric metric = Metric::Nps();
  metric.promoter_min = 6;
  EXPECT_EQ(code(metric, IntervalOptions()), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(code(Metric::TopBox(1, 5, 5), IntervalOptions()), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(code(Metric::Mean(5, 5), IntervalOptions()), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(code(Metric::Mean(0, 2000), IntervalOptions()), CANDOR_INVALID_ARGUMENT);
}

TEST(Metric, PresetsAndValues) {
  EXPECT_TRUE(Metric::Nps().Validate().ok());
  EXPECT_TRUE(Metric::Csat().Validate().ok());
  EXPECT_TRUE(Metric::Ces().Validate().ok());
  EXPECT_TRUE(Metric::CesAgree().Validate().ok());
  EXPECT_EQ(Metric::Nps().ValueOf(6), -1);
  EXPECT_EQ(Metric::Nps().ValueOf(8), 0);
  EXPECT_EQ(Metric::Nps().ValueOf(9), 1);
  EXPECT_EQ(Metric::Csat().ValueOf(3), 0);
  EXPECT_EQ(Metric::Csat().ValueOf(4), 1);
  EXPECT_EQ(Metric::CesAgree().ValueOf(5), 1);
  EXPECT_EQ(Metric::CesAgree().ValueOf(4), 0);
  EXPECT_EQ(Metric::BottomBox(1, 5, 2).ValueOf(2), 1);
  EXPECT_EQ(Metric::BottomBox(1, 5, 2).ValueOf(3), 0);
  EXPECT_EQ(Metric::Ces().ValueOf(4), 4);
  EXPECT_EQ(Metric::Nps().LowestValue(), -100);
  EXPECT_EQ(Metric::Ces().HighestValue(), 7);
  EXPECT_EQ(Metric::Ces().Multiplier(), 1);
}

// 95% Wald and adjusted Wald intervals at n = 200 cover the true NPS (30:
// 50% promoters, 20% detractors) in 93-97% of 2000 seeded replicates.
TEST(EstimateCoverage, WaldAndAdjustedWaldNearNominal) {
  internal::RandomStream random(2024);
  int covered_wald = 0, covered_adjusted = 0;
  const int replicates = 2000;
  std::vector<double> scores(200);
  for (int r = 0; r < replicates; ++r) {
    for (double& s : scores) {
      const double u = random.Uniform();
      s = u < 0.5 ? 10 : (u < 0.7 ? 2 : 8);
    }
    const Estimate wald = MustEstimate(Metric::Nps(), scores, IntervalOptions());
    const Estimate adjusted =
        MustEstimate(Metric::Nps(), scores, With(IntervalMethod::kAdjustedWald));
    covered_wald += wald.ci_low <= 30 && 30 <= wald.ci_high;
    covered_adjusted += adjusted.ci_low <= 30 && 30 <= adjusted.ci_high;
  }
  EXPECT_GE(covered_wald, 0.93 * replicates);
  EXPECT_LE(covered_wald, 0.97 * replicates);
  EXPECT_GE(covered_adjusted, 0.93 * replicates);
  EXPECT_LE(covered_adjusted, 0.97 * replicates);
}

}  // namespace
}  // namespace candor
