// EstimateAuc and CompareAuc: R pROC's values on small vectors with ties,
// DeLong's placements computed pair by pair (O(n^2), the definition) on
// random data and by binary search on 300,000 rows, closed forms of the
// Hanley-McNeil score interval, and errors.
// The Python suite (tests/python/test_validate.py) checks against pROC live
// on the wa_churn data.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/validate.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace candor {
namespace {

// The vectors of tests/python/test_validate.py's pROC check, in small.
const std::vector<uint8_t> kOutcome = {0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 0};
const std::vector<double> kScoreA = {1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 0.5, 3};
const std::vector<double> kScoreB = {2, 1, 4, 4, 1, 3, 2, 6, 3, 3, 2, 5};

// AUC and DeLong variance from the definition: every positive against every
// negative.
struct Reference {
  double auc;
  double variance;
};

double Psi(double positive, double negative) {
  return positive > negative ? 1.0 : positive == negative ? 0.5 : 0.0;
}

void Placements(const std::vector<double>& x, const std::vector<uint8_t>& y,
                std::vector<double>* v10, std::vector<double>* v01) {
  v10->clear();
  v01->clear();
  for (size_t i = 0; i < x.size(); ++i) {
    double sum = 0;
    double count = 0;
    for (size_t j = 0; j < x.size(); ++j) {
      if (y[j] == y[i]) continue;
      sum += y[i] ? Psi(x[i], x[j]) : Psi(x[j], x[i]);
      ++count;
    }
    (y[i] ? v10 : v01)->push_back(sum / count);
  }
}

double Mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

double Covariance(const std::vector<double>& a, const std::vector<double>& b) {
  const double ma = Mean(a), mb = Mean(b);
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += (a[i] - ma) * (b[i] - mb);
  return s / static_cast<double>(a.size() - 1);
}

Reference ByDefinition(const std::vector<double>& x, const std::vector<uint8_t>& y) {
  std::vector<double> v10, v01;
  Placements(x, y, &v10, &v01);
  return {Mean(v10), Covariance(v10, v10) / static_cast<double>(v10.size()) +
                         Covariance(v01, v01) / static_cast<double>(v01.size())};
}

// Rscript: roc(y, a, levels = c(0, 1), direction = "<"); auc, sqrt(var),
// ci.auc(method = "delong") (its upper end clamped from 1.05 to 1).
TEST(EstimateAuc, MatchesProcWithTiesAndClamping) {
  auto a = EstimateAuc(kScoreA.data(), kOutcome.data(), kOutcome.size(), 0.95);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_NEAR(a->value, 0.79166666666666674, 1e-15);
  EXPECT_NEAR(a->std_error, 0.13176156917368248, 1e-15);
  EXPECT_NEAR(a->ci_low, 0.53341873653976601, 1e-14);
  EXPECT_EQ(a->ci_high, 1.0);
  EXPECT_FALSE(a->hanley_mcneil_interval);
  EXPECT_EQ(a->n_positive, 6);
  EXPECT_EQ(a->n_negative, 6);
  auto b = EstimateAuc(kScoreB.data(), kOutcome.data(), kOutcome.size(), 0.95);
  ASSERT_TRUE(b.ok());
  EXPECT_NEAR(b->value, 0.63888888888888895, 1e-15);
  EXPECT_NEAR(b->std_error, 0.18425693279752223, 1e-15);
  EXPECT_NEAR(b->ci_low, 0.27775193670392845, 1e-14);
  EXPECT_EQ(b->ci_high, 1.0);
}

TEST(EstimateAuc, EqualsTheDefinitionOnRandomDataWithTies) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 20; ++trial) {
    const size_t n = 5 + trial * 37;
    std::vector<double> x(n);
    std::vector<uint8_t> y(n);
    std::uniform_int_distribution<int> level(0, 9 + trial);  // few distinct values: ties
    std::bernoulli_distribution churn(0.3);
    for (size_t i = 0; i < n; ++i) {
      y[i] = churn(rng) ? 1 : 0;
      x[i] = level(rng) + (y[i] ? 1.5 : 0) - 3;  // negative values and zeros too
    }
    y[0] = 1;
    y[1] = 0;
    y[2] = 1;
    y[3] = 0;
    const Reference expected = ByDefinition(x, y);
    auto got = EstimateAuc(x.data(), y.data(), n, 0.9);
    ASSERT_TRUE(got.ok()) << got.status().message();
    EXPECT_NEAR(got->value, expected.auc, 1e-14) << n;
    EXPECT_NEAR(got->std_error, std::sqrt(expected.variance), 1e-13) << n;
    const double z = 1.6448536269514722;
    EXPECT_NEAR(got->ci_low, std::max(0.0, expected.auc - z * std::sqrt(expected.variance)), 1e-13);
  }
}

TEST(EstimateAuc, NegatedScoreFlipsTheDirection) {
  std::vector<double> negated;
  for (double v : kScoreA) negated.push_back(-v);
  auto a = EstimateAuc(kScoreA.data(), kOutcome.data(), kOutcome.size());
  auto flipped = EstimateAuc(negated.data(), kOutcome.data(), kOutcome.size());
  ASSERT_TRUE(a.ok() && flipped.ok());
  EXPECT_NEAR(flipped->value, 1 - a->value, 1e-15);
  EXPECT_NEAR(flipped->std_error, a->std_error, 1e-15);
}

// With one positive and one negative perfectly ordered, V_HM(theta) =
// theta (1 - theta) and the lower end solves (1 - theta)^2 = z^2 theta
// (1 - theta): theta = 1 / (1 + z^2), Wilson's lower bound for 1 of 1.
TEST(EstimateAuc, PerfectSeparationGetsTheScoreIntervalNotZeroWidth) {
  const double x[] = {0.2, 0.9};
  const uint8_t y[] = {0, 1};
  auto a = EstimateAuc(x, y, 2, 0.95);
  ASSERT_TRUE(a.ok());
  const double z = 1.959963984540054;
  EXPECT_EQ(a->value, 1.0);
  EXPECT_TRUE(std::isnan(a->std_error));  // DeLong needs two of each class
  EXPECT_TRUE(a->hanley_mcneil_interval);
  EXPECT_NEAR(a->ci_low, 1 / (1 + z * z), 1e-12);
  EXPECT_EQ(a->ci_high, 1.0);

  // Five of each, separated: DeLong's variance is exactly 0 (pROC: [1, 1]).
  const double x5[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const uint8_t y5[] = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
  auto b = EstimateAuc(x5, y5, 10, 0.95);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->value, 1.0);
  EXPECT_EQ(b->std_error, 0.0);
  EXPECT_TRUE(b->hanley_mcneil_interval);
  EXPECT_LT(b->ci_low, 0.9);
  EXPECT_GT(b->ci_low, 0.5);
  // The lower end solves (1 - theta)^2 = z^2 V_HM(theta) with m = k = 5.
  const double t = b->ci_low;
  const double v = t * (1 - t) / 25 * (1 + 4 * (1 - t) / (2 - t) + 4 * t / (1 + t));
  EXPECT_NEAR((1 - t) * (1 - t), z * z * v, 1e-12);
  // Reversed: AUC 0, the interval mirrored.
  const uint8_t reversed[] = {1, 1, 1, 1, 1, 0, 0, 0, 0, 0};
  auto c = EstimateAuc(x5, reversed, 10, 0.95);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->value, 0.0);
  EXPECT_EQ(c->ci_low, 0.0);
  EXPECT_NEAR(c->ci_high, 1 - b->ci_low, 1e-12);
}

TEST(EstimateAuc, AllTiedIsOneHalfWithASymmetricInterval) {
  const double x[] = {3, 3, 3, 3, 3, 3};
  const uint8_t y[] = {0, 1, 0, 1, 0, 1};
  auto a = EstimateAuc(x, y, 6, 0.95);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->value, 0.5);
  EXPECT_EQ(a->std_error, 0.0);
  EXPECT_TRUE(a->hanley_mcneil_interval);
  EXPECT_GT(a->ci_high - a->ci_low, 0.3);
  // V_HM is not symmetric in theta for m = k, but close to it.
  EXPECT_NEAR(a->ci_low + a->ci_high, 1.0, 0.05);
}

TEST(EstimateAuc, OnePositiveHasNoDeLongErrorButAnInterval) {
  const double x[] = {1, 2, 3, 4, 2.5};
  const uint8_t y[] = {0, 0, 0, 0, 1};
  auto a = EstimateAuc(x, y, 5, 0.95);
  ASSERT_TRUE(a.ok());
  EXPECT_DOUBLE_EQ(a->value, 0.5);
  EXPECT_TRUE(std::isnan(a->std_error));
  EXPECT_TRUE(a->hanley_mcneil_interval);
  EXPECT_LT(a->ci_low, 0.5);
  EXPECT_GT(a->ci_high, 0.5);
}

TEST(EstimateAuc, Errors) {
  const double x[] = {1, 2, std::numeric_limits<double>::quiet_NaN(), 4};
  const uint8_t y[] = {0, 1, 0, 1};
  auto nan = EstimateAuc(x, y, 4);
  EXPECT_EQ(nan.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(nan.status().message(), "score[2] is NaN");
  const uint8_t bad[] = {0, 1, 2, 1};
  auto two = EstimateAuc(x, bad, 2 + 2);
  EXPECT_EQ(two.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(two.status().message(), "outcome[2] = 2 is not 0 or 1");
  const uint8_t zeros[] = {0, 0, 0};
  auto one_class = EstimateAuc(x, zeros, 2);
  EXPECT_EQ(one_class.status().code(), CANDOR_EMPTY);
  EXPECT_NE(one_class.status().message().find("no positives"), std::string::npos)
      << one_class.status().message();
  const uint8_t ones[] = {1, 1};
  EXPECT_NE(EstimateAuc(x, ones, 2).status().message().find("no negatives"), std::string::npos);
  EXPECT_EQ(EstimateAuc(x, y, 0).status().code(), CANDOR_EMPTY);
  EXPECT_EQ(EstimateAuc(nullptr, y, 2).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(EstimateAuc(x, nullptr, 2).status().code(), CANDOR_INVALID_ARGUMENT);
  for (double level : {0.0, 1.0, -0.5, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
    auto bad_level = EstimateAuc(x, y, 2, level);
    EXPECT_EQ(bad_level.status().code(), CANDOR_INVALID_ARGUMENT) << level;
    EXPECT_NE(bad_level.status().message().find("level"), std::string::npos);
  }
}

// Rscript: roc.test(roc(y, a), roc(y, b), paired = TRUE, method = "delong").
TEST(CompareAuc, MatchesProcRocTest) {
  auto c = CompareAuc(kScoreA.data(), kScoreB.data(), kOutcome.data(), kOutcome.size(), 0.95);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_NEAR(c->difference, 0.79166666666666674 - 0.63888888888888895, 1e-15);
  EXPECT_NEAR(c->z, 0.84366148773210681, 1e-13);
  EXPECT_NEAR(c->p_value, 0.39885859409376706, 1e-13);
  EXPECT_NEAR(c->ci_low, -0.20215005339233583, 1e-13);
  EXPECT_NEAR(c->ci_high, 0.50770560894789118, 1e-13);
}

TEST(CompareAuc, EqualsTheDefinitionOnRandomData) {
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 10; ++trial) {
    const size_t n = 8 + trial * 53;
    std::vector<double> a(n), b(n);
    std::vector<uint8_t> y(n);
    std::normal_distribution<double> noise(0, 1);
    for (size_t i = 0; i < n; ++i) {
      y[i] = i % 3 == 0 ? 1 : 0;
      a[i] = std::round(2 * (y[i] + noise(rng)));  // ties
      b[i] = 0.5 * a[i] + noise(rng);              // correlated with a
    }
    std::vector<double> a10, a01, b10, b01;
    Placements(a, y, &a10, &a01);
    Placements(b, y, &b10, &b01);
    const double m = static_cast<double>(a10.size()), k = static_cast<double>(a01.size());
    const double variance =
        (Covariance(a10, a10) + Covariance(b10, b10) - 2 * Covariance(a10, b10)) / m +
        (Covariance(a01, a01) + Covariance(b01, b01) - 2 * Covariance(a01, b01)) / k;
    auto c = CompareAuc(a.data(), b.data(), y.data(), n);
    ASSERT_TRUE(c.ok());
    EXPECT_NEAR(c->auc_a, Mean(a10), 1e-14);
    EXPECT_NEAR(c->auc_b, Mean(b10), 1e-14);
    EXPECT_NEAR(c->std_error, std::sqrt(variance), 1e-13);
    EXPECT_NEAR(c->z, (Mean(a10) - Mean(b10)) / std::sqrt(variance), 1e-10);
  }
}

// Placements by binary search in each class's sorted scores (a second way
// to the definition, fast enough for many rows), in long double.
void SortedPlacements(const std::vector<double>& x, const std::vector<uint8_t>& y,
                      std::vector<long double>* v10, std::vector<long double>* v01) {
  std::vector<double> positives, negatives;
  for (size_t i = 0; i < x.size(); ++i) (y[i] ? positives : negatives).push_back(x[i]);
  std::sort(positives.begin(), positives.end());
  std::sort(negatives.begin(), negatives.end());
  const long double m = positives.size(), k = negatives.size();
  v10->clear();
  v01->clear();
  for (size_t i = 0; i < x.size(); ++i) {
    const auto& other = y[i] ? negatives : positives;
    const auto below = std::lower_bound(other.begin(), other.end(), x[i]) - other.begin();
    const auto tied = std::upper_bound(other.begin(), other.end(), x[i]) - other.begin() - below;
    if (y[i]) {
      v10->push_back((below + 0.5L * tied) / k);
    } else {
      v01->push_back((m - below - tied + 0.5L * tied) / m);
    }
  }
}

long double PairedVariance(const std::vector<long double>& a, const std::vector<long double>& b) {
  long double ma = 0, mb = 0;
  for (size_t i = 0; i < a.size(); ++i) ma += a[i], mb += b[i];
  ma /= a.size();
  mb /= b.size();
  long double s = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const long double d = (a[i] - ma) - (b[i] - mb);
    s += d * d;
  }
  return s / (a.size() - 1) / a.size();
}

// Many rows (buffers of several MB, sums in many blocks), with ties, both
// zeros, and negative scores.
TEST(CompareAuc, EqualsSortedPlacementsOnManyRows) {
  const size_t n = 300000;
  std::mt19937_64 rng(17);
  std::normal_distribution<double> noise(0, 1);
  std::vector<double> a(n), b(n), same_order(n);
  std::vector<uint8_t> y(n);
  for (size_t i = 0; i < n; ++i) {
    y[i] = rng() % 4 == 0;
    a[i] = y[i] + noise(rng);
    if (i % 97 == 0) a[i] = i % 2 ? 0.0 : -0.0;
    b[i] = std::round(20 * (0.6 * a[i] + noise(rng))) / 20;  // many ties
    same_order[i] = 3 * a[i] - 1;
  }
  std::vector<long double> a10, a01, b10, b01;
  SortedPlacements(a, y, &a10, &a01);
  SortedPlacements(b, y, &b10, &b01);
  const long double variance = PairedVariance(a10, b10) + PairedVariance(a01, b01);
  auto c = CompareAuc(a.data(), b.data(), y.data(), n);
  ASSERT_TRUE(c.ok()) << c.status().message();
  long double auc_a = 0, auc_b = 0;
  for (size_t i = 0; i < a10.size(); ++i) auc_a += a10[i], auc_b += b10[i];
  EXPECT_NEAR(c->auc_a, static_cast<double>(auc_a / a10.size()), 1e-14);
  EXPECT_NEAR(c->auc_b, static_cast<double>(auc_b / b10.size()), 1e-14);
  EXPECT_NEAR(c->std_error, static_cast<double>(std::sqrt(variance)), 1e-15);
  EXPECT_NEAR(c->std_error / static_cast<double>(std::sqrt(variance)), 1.0, 1e-12);

  // Scores ordering the rows alike: the three sums are equal to the bit.
  auto alike = CompareAuc(a.data(), same_order.data(), y.data(), n);
  ASSERT_TRUE(alike.ok());
  EXPECT_EQ(alike->difference, 0.0);
  EXPECT_EQ(alike->std_error, 0.0);
  EXPECT_EQ(alike->p_value, 1.0);
}

TEST(CompareAuc, SameOrderingHasNoVarianceAndNoTest) {
  std::vector<double> doubled;
  for (double v : kScoreA) doubled.push_back(2 * v + 1);  // an increasing function of a
  auto c = CompareAuc(kScoreA.data(), doubled.data(), kOutcome.data(), kOutcome.size());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->difference, 0.0);
  EXPECT_EQ(c->std_error, 0.0);
  EXPECT_EQ(c->z, 0.0);  // pROC's convention for d = 0, sig = 0
  EXPECT_EQ(c->p_value, 1.0);
  EXPECT_TRUE(std::isnan(c->ci_low) && std::isnan(c->ci_high));  // not zero width
  EXPECT_NEAR(c->correlation, 1.0, 1e-12);

  // Perfect separation against all tied: both variances 0, difference 0.5.
  const double separated[] = {1, 2, 3, 4};
  const double tied[] = {7, 7, 7, 7};
  const uint8_t y[] = {0, 0, 1, 1};
  auto d = CompareAuc(separated, tied, y, 4);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->difference, 0.5);
  EXPECT_EQ(d->std_error, 0.0);
  EXPECT_TRUE(std::isnan(d->z) && std::isnan(d->p_value));  // pROC: z = Inf, p = 0
  EXPECT_TRUE(std::isnan(d->correlation));
}

TEST(CompareAuc, Errors) {
  const double a[] = {1, 2, 3, 4};
  const double b[] = {1, std::numeric_limits<double>::quiet_NaN(), 3, 4};
  const uint8_t y[] = {0, 1, 0, 1};
  auto nan = CompareAuc(a, b, y, 4);
  EXPECT_EQ(nan.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(nan.status().message(), "score_b[1] is NaN");
  const uint8_t one_positive[] = {0, 1, 0, 0};
  auto few = CompareAuc(a, a, one_positive, 4);
  EXPECT_EQ(few.status().code(), CANDOR_EMPTY);
  EXPECT_NE(few.status().message().find("only 1 row with outcome 1"), std::string::npos)
      << few.status().message();
  EXPECT_EQ(CompareAuc(a, nullptr, y, 4).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(CompareAuc(a, a, y, 4, 1.0).status().code(), CANDOR_INVALID_ARGUMENT);
}

// The rows are checked on the way through the sort's first passes; with
// several problems the error names the first of: outcomes, score_a's NaN,
// score_b's NaN, the level, the classes (the order of the checks alone).
TEST(CompareAuc, ErrorsNameTheFirstProblemInCheckOrder) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double a[] = {1, 2, 3, 4, 5};
  const double a_nan[] = {1, 2, 3, 4, nan};
  const double b_nan[] = {nan, 2, 3, 4, 5};
  const uint8_t y[] = {0, 1, 0, 1, 0};
  const uint8_t y_bad[] = {0, 1, 0, 1, 2};
  const uint8_t one_positive[] = {0, 1, 0, 0, 0};
  auto message = [](const Result<AucComparison>& r) { return r.status().message(); };
  EXPECT_EQ(message(CompareAuc(a_nan, b_nan, y_bad, 5)), "outcome[4] = 2 is not 0 or 1");
  EXPECT_EQ(message(CompareAuc(a_nan, b_nan, y, 5, 2.0)), "score_a[4] is NaN");
  EXPECT_EQ(message(CompareAuc(a, b_nan, one_positive, 5, 2.0)), "score_b[0] is NaN");
  EXPECT_EQ(message(CompareAuc(a, b_nan, one_positive, 5)), "score_b[0] is NaN");
  EXPECT_EQ(CompareAuc(a, a, one_positive, 5, 2.0).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(CompareAuc(a, a, one_positive, 5).status().code(), CANDOR_EMPTY);
  EXPECT_EQ(CompareAuc(a, b_nan, y, 0).status().code(), CANDOR_EMPTY);
  const double inf = std::numeric_limits<double>::infinity();
  const double a_inf[] = {-inf, 2, 3, 4, inf};  // infinite scores are allowed
  EXPECT_TRUE(CompareAuc(a_inf, a, y, 5).ok());
}

}  // namespace
}  // namespace candor
