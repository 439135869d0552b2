// Regression tests for issue 11, bugs 1-3: counts and weight sums that
// overflow, Beta quantiles at huge counts, and non-finite results returned as
// OK. Each case failed (or returned a wrong OK) before its fix.
#include <gtest/gtest.h>

#include <candor/design.hpp>
#include <candor/score.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace candor {
namespace {

// Serialized accumulator bytes for per-point (count, weight sum, square sum),
// written independently of accumulator.cc from the layout documented there:
// "CNDR" | u16 version | i32 min | i32 max | u8 flags | per point u64, f64,
// f64 | u64 FNV-1a of everything before it.
struct Point {
  uint64_t count;
  double weight_sum;
  double square_sum;
};

void Put(uint64_t value, int bytes, std::string* out) {
  for (int b = 0; b < bytes; ++b) out->push_back(static_cast<char>((value >> (8 * b)) & 0xff));
}

uint64_t Bits(double x) {
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof(bits));
  return bits;
}

std::string AccumulatorBytes(int scale_min, int scale_max, bool weighted,
                             const std::vector<Point>& points) {
  std::string out = "CNDR";
  Put(1, 2, &out);
  Put(static_cast<uint32_t>(scale_min), 4, &out);
  Put(static_cast<uint32_t>(scale_max), 4, &out);
  Put(weighted ? 1 : 0, 1, &out);
  for (const Point& p : points) {
    Put(p.count, 8, &out);
    Put(Bits(p.weight_sum), 8, &out);
    Put(Bits(p.square_sum), 8, &out);
  }
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : out) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  Put(hash, 8, &out);
  return out;
}

// Scale 0..2 with the given counts; unit weights.
std::string CountsBytes(uint64_t a, uint64_t b, uint64_t c) {
  auto point = [](uint64_t n) { return Point{n, static_cast<double>(n), static_cast<double>(n)}; };
  return AccumulatorBytes(0, 2, false, {point(a), point(b), point(c)});
}

TEST(AccumulatorOverflow, HelperWritesWhatSerializeWrites) {
  // The test's own writer agrees with the library's, so the cases below test
  // the reader and not a malformed fixture.
  auto acc = ScoreAccumulator::Create(0, 2);
  ASSERT_TRUE(acc.ok());
  const std::vector<double> scores = {0, 2, 2};
  ASSERT_TRUE(acc->Add(scores.data(), nullptr, scores.size()).ok());
  EXPECT_EQ(acc->Serialize(), CountsBytes(1, 0, 2));
}

TEST(AccumulatorOverflow, DeserializeRejectsATotalAboveInt64) {
  const uint64_t two_62 = uint64_t{1} << 62;
  // Each count is valid alone; their total is 2^63.
  Result<ScoreAccumulator> acc = ScoreAccumulator::Deserialize(CountsBytes(two_62, 0, two_62));
  ASSERT_FALSE(acc.ok()) << "n = " << acc->count();
  EXPECT_EQ(acc.status().code(), CANDOR_PARSE_ERROR);
  EXPECT_NE(acc.status().message().find("2^63"), std::string::npos) << acc.status().message();
  // Just below the limit is accepted, and counted exactly.
  const uint64_t max = static_cast<uint64_t>(INT64_MAX);
  Result<ScoreAccumulator> full = ScoreAccumulator::Deserialize(CountsBytes(max - 5, 2, 3));
  ASSERT_TRUE(full.ok()) << full.status().message();
  EXPECT_EQ(full->count(), INT64_MAX);
}

TEST(AccumulatorOverflow, DeserializeRejectsWeightWithoutResponses) {
  Result<ScoreAccumulator> acc = ScoreAccumulator::Deserialize(
      AccumulatorBytes(0, 2, true, {{0, 5.0, 25.0}, {1, 1, 1}, {0, 0, 0}}));
  EXPECT_EQ(acc.status().code(), CANDOR_PARSE_ERROR);
  // Responses of weight zero are valid.
  EXPECT_TRUE(
      ScoreAccumulator::Deserialize(AccumulatorBytes(0, 2, true, {{3, 0, 0}, {1, 1, 1}, {0, 0, 0}}))
          .ok());
}

TEST(AccumulatorOverflow, MergeWithItselfStopsBeforeWrapping) {
  const uint64_t two_61 = uint64_t{1} << 61;
  Result<ScoreAccumulator> acc = ScoreAccumulator::Deserialize(CountsBytes(0, two_61, 0));
  ASSERT_TRUE(acc.ok());
  ASSERT_TRUE(acc->Merge(*acc).ok());
  EXPECT_EQ(acc->count(), int64_t{1} << 62);
  // 2^62 + 2^62 = 2^63 does not fit: an error, and nothing changes.
  Status status = acc->Merge(*acc);
  EXPECT_EQ(status.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(acc->count(), int64_t{1} << 62);
  EXPECT_EQ(acc->weight_sums()[1], std::ldexp(1.0, 62));
}

TEST(AccumulatorOverflow, AddAndInt8StopBeforeWrapping) {
  const uint64_t max = static_cast<uint64_t>(INT64_MAX);
  Result<ScoreAccumulator> acc = ScoreAccumulator::Deserialize(CountsBytes(max - 1, 0, 0));
  ASSERT_TRUE(acc.ok());
  const std::vector<double> one = {1};
  ASSERT_TRUE(acc->Add(one.data(), nullptr, 1).ok());
  EXPECT_EQ(acc->count(), INT64_MAX);
  EXPECT_EQ(acc->Add(one.data(), nullptr, 1).code(), CANDOR_OUT_OF_RANGE);
  const int8_t two = 2;
  EXPECT_EQ(acc->AddInt8(&two, 1).code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(acc->count(), INT64_MAX);
  EXPECT_EQ(acc->counts()[2], 0);
}

TEST(AccumulatorOverflow, WeightSumsThatOverflowAreRefused) {
  auto acc = ScoreAccumulator::Create(0, 10);
  ASSERT_TRUE(acc.ok());
  // (1e154)^2 = 1e308 fits; twice that does not.
  const std::vector<double> scores = {10}, weights = {1e154};
  ASSERT_TRUE(acc->Add(scores.data(), weights.data(), 1).ok());
  Status status = acc->Add(scores.data(), weights.data(), 1);
  EXPECT_EQ(status.code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(status.message().find("scale the weights down"), std::string::npos);
  EXPECT_EQ(acc->count(), 1);
  EXPECT_EQ(acc->weight_square_sums()[10], 1e154 * 1e154);
  // Merging into itself overflows the same way and changes nothing.
  EXPECT_EQ(acc->Merge(*acc).code(), CANDOR_OUT_OF_RANGE);
  EXPECT_EQ(acc->count(), 1);
}

// Bug 2: the Bayes interval of a box metric at huge counts. At n = 1e16 the
// posterior Beta is normal to far better than the tolerance, so the closed
// form mean +- z sd (sd of Beta(a, b)) is the independent reference.
TEST(BayesAtHugeCounts, TopBoxIntervalMatchesTheNormalLimit) {
  IntervalOptions options;
  options.method = IntervalMethod::kBayes;
  for (double n_top : {1e8, 1e12, 1e16, 1e18}) {
    const double n_rest = 3 * n_top;  // top-2-box share 0.25
    const uint64_t top = static_cast<uint64_t>(n_top), rest = static_cast<uint64_t>(n_rest);
    Result<ScoreAccumulator> acc = ScoreAccumulator::Deserialize(AccumulatorBytes(
        1, 5, false,
        {{rest, n_rest, n_rest}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {top, n_top, n_top}}));
    ASSERT_TRUE(acc.ok()) << acc.status().message();
    Result<Estimate> e = EstimateAccumulated(Metric::Csat(), *acc, options);
    ASSERT_TRUE(e.ok()) << e.status().message();
    const double a = n_top + 1, b = n_rest + 1;
    const double mean = a / (a + b);
    const double sd = std::sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
    const double z = 1.959963984540054;
    EXPECT_NEAR(e->ci_low, 100 * (mean - z * sd), 100 * 1e-3 * sd) << "n_top " << n_top;
    EXPECT_NEAR(e->ci_high, 100 * (mean + z * sd), 100 * 1e-3 * sd) << "n_top " << n_top;
    EXPECT_LE(e->ci_low, e->value) << "n_top " << n_top;
    EXPECT_GE(e->ci_high, e->value) << "n_top " << n_top;
  }
}

TEST(BayesAtHugeCounts, NpsIntervalMatchesTheNormalLimit) {
  IntervalOptions options;
  options.method = IntervalMethod::kBayes;
  for (double n_pro : {1e8, 1e12, 1e16}) {
    // Detractors at 0, passives at 7, promoters at 10: 2 : 3 : 5.
    const double d = 0.4 * n_pro, p = 0.6 * n_pro;
    std::vector<Point> points(11, Point{0, 0, 0});
    points[0] = {static_cast<uint64_t>(d), d, d};
    points[7] = {static_cast<uint64_t>(p), p, p};
    points[10] = {static_cast<uint64_t>(n_pro), n_pro, n_pro};
    Result<ScoreAccumulator> acc =
        ScoreAccumulator::Deserialize(AccumulatorBytes(0, 10, false, points));
    ASSERT_TRUE(acc.ok()) << acc.status().message();
    Result<Estimate> e = EstimateAccumulated(Metric::Nps(), *acc, options);
    ASSERT_TRUE(e.ok()) << e.status().message();
    // Dirichlet(d + 1, p + 1, n_pro + 1): NPS = pro - det, normal in the limit.
    const double a_det = d + 1, a_pro = n_pro + 1, a0 = d + p + n_pro + 3;
    const double mean = (a_pro - a_det) / a0;
    const double second = (a_pro + a_det) / a0;
    const double sd = std::sqrt((second - mean * mean) / (a0 + 1));
    const double z = 1.959963984540054;
    EXPECT_NEAR(e->ci_low, 100 * (mean - z * sd), 100 * 1e-3 * sd) << "n_pro " << n_pro;
    EXPECT_NEAR(e->ci_high, 100 * (mean + z * sd), 100 * 1e-3 * sd) << "n_pro " << n_pro;
  }
}

// Bug 3: weights whose squares overflow or underflow. Estimates do not
// depend on the weights' scale, so weights 1e200 and 1e-200 times a vector
// must give what the vector itself gives.
TEST(WeightScale, EstimatesDoNotDependOnTheWeightsScale) {
  const std::vector<double> scores = {10, 9, 3, 7, 10, 0, 8, 9};
  const std::vector<double> base = {1, 1.5, 2, 0.5, 1, 3, 1, 0.25};
  for (IntervalMethod method :
       {IntervalMethod::kWald, IntervalMethod::kAdjustedWald, IntervalMethod::kBayes}) {
    IntervalOptions options;
    options.method = method;
    Result<Estimate> reference =
        EstimateScores(Metric::Nps(), scores.data(), base.data(), scores.size(), options);
    ASSERT_TRUE(reference.ok());
    for (double factor : {1e200, 1e300, 1e-200, 1e-300}) {
      std::vector<double> weights = base;
      for (double& w : weights) w *= factor;
      Result<Estimate> e =
          EstimateScores(Metric::Nps(), scores.data(), weights.data(), scores.size(), options);
      ASSERT_TRUE(e.ok()) << e.status().message();
      EXPECT_NEAR(e->value, reference->value, 1e-9) << factor;
      EXPECT_NEAR(e->std_error, reference->std_error, 1e-9) << factor;
      EXPECT_NEAR(e->ci_low, reference->ci_low, 1e-9) << factor;
      EXPECT_NEAR(e->ci_high, reference->ci_high, 1e-9) << factor;
      EXPECT_NEAR(e->effective_n, reference->effective_n, 1e-9) << factor;
    }
  }
}

TEST(WeightScale, TheIssuesCasesAreFiniteOrRefused) {
  // score([13, 12, 3], 'mean', scale=(3, 14), weights=[1e308, 1.5, 1]).
  const std::vector<double> scores = {13, 12, 3}, weights = {1e308, 1.5, 1};
  Result<Estimate> e =
      EstimateScores(Metric::Mean(3, 14), scores.data(), weights.data(), 3, IntervalOptions());
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->value, 13);  // 1e308 outweighs the rest by 308 digits
  EXPECT_TRUE(std::isfinite(e->std_error));
  EXPECT_LE(e->ci_low, e->value);
  EXPECT_GE(e->ci_high, e->value);
  // nps(..., weights=1e300 each) equals equal weights of 2.
  const std::vector<double> nps_scores = {10, 9, 3, 7};
  IntervalOptions options;
  Result<Estimate> huge = EstimateScores(Metric::Nps(), nps_scores.data(),
                                         std::vector<double>(4, 1e300).data(), 4, options);
  Result<Estimate> two = EstimateScores(Metric::Nps(), nps_scores.data(),
                                        std::vector<double>(4, 2.0).data(), 4, options);
  ASSERT_TRUE(huge.ok() && two.ok());
  EXPECT_NEAR(huge->std_error, two->std_error, 1e-9);
  // The same weights through Compare and Breakdown.
  Result<Comparison> c =
      Compare(Metric::Nps(), nps_scores.data(), std::vector<double>(4, 1e300).data(), 4,
              nps_scores.data(), std::vector<double>(4, 1e-300).data(), 4, options);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_NEAR(c->difference, 0, 1e-9);
  EXPECT_NEAR(c->std_error, std::sqrt(2.0) * two->std_error, 1e-9);
  const std::vector<int32_t> segment = {0, 0, 1, 1};
  Result<std::vector<BreakdownRow>> rows =
      Breakdown(Metric::Nps(), nps_scores.data(), std::vector<double>(4, 1e300).data(), 4,
                {segment.data()}, options, PAdjust::kHolm);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  for (const BreakdownRow& row : *rows) {
    EXPECT_TRUE(std::isfinite(row.estimate.std_error)) << row.estimate.std_error;
  }
}

// Found by fuzz/score (bug3_compare_denormal_weight) and fuzz/weights
// (bug3_design_weight_1e274): a segment whose weights lie 200 orders of
// magnitude below the largest has squared weights that underflow to zero
// even after scaling, so its Kish effective n was 0/0 = NaN and the Jeffreys
// interval searched a NaN posterior. That segment is not estimable (a NaN
// row, as for an empty one); the other segment is unaffected.
TEST(WeightScale, ASegmentOfUnderflowingSquaresIsANotEstimableRow) {
  const std::vector<double> scores = {10, 9, 3, 7, 10, 2};
  const std::vector<double> weights = {1, 1, 1, 1, 1e-200, 2e-200};
  const std::vector<int32_t> segment = {0, 0, 0, 0, 1, 1};
  for (IntervalMethod method : {IntervalMethod::kJeffreys, IntervalMethod::kWald,
                                IntervalMethod::kBayes, IntervalMethod::kAdjustedWald}) {
    IntervalOptions options;
    options.method = method;
    Result<std::vector<BreakdownRow>> rows =
        Breakdown(Metric::Nps(), scores.data(), weights.data(), scores.size(),
                  {segment.data()}, options, PAdjust::kHolm);
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    ASSERT_EQ(rows->size(), 2u);
    const Estimate& big = (*rows)[0].codes[0] == 0 ? (*rows)[0].estimate : (*rows)[1].estimate;
    const Estimate& tiny = (*rows)[0].codes[0] == 1 ? (*rows)[0].estimate : (*rows)[1].estimate;
    EXPECT_TRUE(std::isnan(tiny.value));
    EXPECT_EQ(tiny.n, 2);
    if (method == IntervalMethod::kWald || method == IntervalMethod::kJeffreys) {
      EXPECT_NEAR(big.value, 25.0, 1e-9);  // 2 promoters, 1 detractor of 4
    }
    EXPECT_LT(big.ci_low, big.ci_high);
    // Alone, the tiny weights are scaled up and estimable.
    Result<Estimate> alone =
        EstimateScores(Metric::Nps(), scores.data() + 4, weights.data() + 4, 2, options);
    ASSERT_TRUE(alone.ok()) << alone.status().message();
    EXPECT_LT(alone->ci_low, alone->ci_high);
    if (method == IntervalMethod::kWald || method == IntervalMethod::kJeffreys) {
      EXPECT_NEAR(alone->value, -100.0 / 3.0, 1e-9);  // (1 - 2) / 3 of the weight
    }
  }
}

// Found by fuzz/weights (a design weight of 1e277): under a cluster design
// the weights were not scaled, sum w^2 overflowed, and the Jeffreys
// interval of a group came out NaN inside a comparison returned as OK.
TEST(WeightScale, DesignEstimatesDoNotDependOnTheWeightsScale) {
  const std::vector<double> scores = {10, 9, 3, 7, 10, 0, 8, 9, 2, 4};
  const std::vector<double> base = {1, 1.5, 2, 0.5, 1, 3, 1, 0.25, 2, 1};
  const std::vector<int32_t> clusters = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4};
  const std::vector<int8_t> group = {0, 1, 0, 1, 0, 1, 0, 1, 1, 1};
  for (IntervalMethod method : {IntervalMethod::kWald, IntervalMethod::kJeffreys}) {
    IntervalOptions options;
    options.method = method;
    SurveyDesign design;
    design.clusters = clusters.data();
    design.weights = base.data();
    Result<Estimate> reference = EstimateDesign(Metric::Nps(), scores.data(), scores.size(),
                                                design, options);
    Result<Comparison> reference_contrast = CompareGroups(
        Metric::Nps(), scores.data(), scores.size(), design, group.data(), options);
    ASSERT_TRUE(reference.ok() && reference_contrast.ok());
    for (double factor : {1e277, 1e-300}) {
      std::vector<double> weights = base;
      for (double& w : weights) w *= factor;
      design.weights = weights.data();
      Result<Estimate> e =
          EstimateDesign(Metric::Nps(), scores.data(), scores.size(), design, options);
      ASSERT_TRUE(e.ok()) << e.status().message();
      EXPECT_NEAR(e->ci_low, reference->ci_low, 1e-9) << factor;
      EXPECT_NEAR(e->ci_high, reference->ci_high, 1e-9) << factor;
      Result<Comparison> c = CompareGroups(Metric::Nps(), scores.data(), scores.size(), design,
                                           group.data(), options);
      ASSERT_TRUE(c.ok()) << c.status().message();
      EXPECT_NEAR(c->std_error, reference_contrast->std_error, 1e-9) << factor;
      EXPECT_NEAR(c->b.ci_low, reference_contrast->b.ci_low, 1e-9) << factor;
      EXPECT_NEAR(c->b.ci_high, reference_contrast->b.ci_high, 1e-9) << factor;
    }
  }
}

// Found by fuzz/score (bug2_beta_huge_prior): a Dirichlet prior of 1e300
// overflowed the Beta's moments and the interval came out NaN.
TEST(BayesAtHugeCounts, PriorIsBoundedAndHugeParametersStayFinite) {
  const std::vector<double> scores = {5, 4, 1, 2, 5};
  IntervalOptions options;
  options.method = IntervalMethod::kBayes;
  options.prior = 1e300;
  EXPECT_EQ(EstimateScores(Metric::Csat(), scores.data(), nullptr, scores.size(), options)
                .status()
                .code(),
            CANDOR_INVALID_ARGUMENT);
  options.prior = 1e15;  // the largest prior: a share of 1/2 to within its sd
  Result<Estimate> e =
      EstimateScores(Metric::Csat(), scores.data(), nullptr, scores.size(), options);
  ASSERT_TRUE(e.ok()) << e.status().message();
  const double sd = 100 * std::sqrt(0.25 / (2e15 + 6));
  EXPECT_NEAR(e->ci_low, 50 - 1.959963984540054 * sd, 1e-3 * sd + 1e-12);
  EXPECT_LT(e->ci_low, e->ci_high);
}

}  // namespace
}  // namespace candor
