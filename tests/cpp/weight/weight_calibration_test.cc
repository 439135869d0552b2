// Rake, PostStratify, CalibrateLinear and CovariateBalance against R's survey
// package and plain R (tests/crosscheck/weight_calibration.R writes the
// fixture and references in tests/data/weight); SummarizeWeights and
// TrimWeights against closed forms.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/weight.hpp>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace candor {
namespace {

// A CSV file with a header and no quoting, as the R script writes it:
// column name -> cells (empty cells kept as "").
std::map<std::string, std::vector<std::string>> ReadSimpleCsv(const std::string& name) {
  std::ifstream in(std::string(CANDOR_TEST_DATA) + "/weight/" + name);
  EXPECT_TRUE(in.good()) << "cannot open " << name;
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  std::stringstream header_stream(line);
  for (std::string cell; std::getline(header_stream, cell, ',');) header.push_back(cell);
  std::map<std::string, std::vector<std::string>> columns;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    size_t start = 0;
    while (true) {
      const size_t comma = line.find(',', start);
      cells.push_back(line.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    EXPECT_EQ(cells.size(), header.size()) << line;
    for (size_t j = 0; j < header.size() && j < cells.size(); ++j) {
      columns[header[j]].push_back(cells[j]);
    }
  }
  return columns;
}

std::vector<double> Doubles(const std::vector<std::string>& cells) {
  std::vector<double> values;
  for (const std::string& cell : cells) values.push_back(std::stod(cell));
  return values;
}

std::vector<int32_t> Codes(const std::vector<std::string>& cells) {
  std::vector<int32_t> values;
  for (const std::string& cell : cells) values.push_back(std::stoi(cell));
  return values;
}

// Population totals of one variable from calibration_population.csv.
std::vector<double> PopulationTotals(const std::string& variable) {
  auto population = ReadSimpleCsv("calibration_population.csv");
  std::vector<double> totals;
  for (size_t i = 0; i < population["variable"].size(); ++i) {
    if (population["variable"][i] != variable) continue;
    const size_t level = static_cast<size_t>(std::stoi(population["level"][i]));
    if (totals.size() <= level) totals.resize(level + 1, 0.0);
    totals[level] = std::stod(population["total"][i]);
  }
  return totals;
}

void ExpectRelativelyNear(const std::vector<double>& actual, const std::vector<double>& expected,
                          double tolerance) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < actual.size(); ++i) {
    EXPECT_NEAR(actual[i] / expected[i], 1.0, tolerance) << "weight " << i;
  }
}

class CalibrationFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    auto sample = ReadSimpleCsv("calibration_sample.csv");
    region_ = Codes(sample["region"]);
    age_ = Codes(sample["age"]);
    tenure_ = Doubles(sample["tenure"]);
    base_ = Doubles(sample["base_weight"]);
    for (size_t i = 0; i < region_.size(); ++i) cell_.push_back(region_[i] * 3 + age_[i]);
    auto reference = ReadSimpleCsv("calibration_reference.csv");
    rake_ = Doubles(reference["rake"]);
    poststratify_ = Doubles(reference["poststratify"]);
    linear_ = Doubles(reference["linear"]);
    ASSERT_EQ(region_.size(), 360u);
    ASSERT_EQ(rake_.size(), region_.size());
  }
  size_t n() const { return region_.size(); }

  // Intercept, region indicators 1..3 (R's treatment contrasts), tenure.
  std::vector<double> LinearDesign() const {
    std::vector<double> x;
    for (size_t i = 0; i < n(); ++i) {
      x.push_back(1.0);
      for (int level = 1; level <= 3; ++level) x.push_back(region_[i] == level ? 1.0 : 0.0);
      x.push_back(tenure_[i]);
    }
    return x;
  }

  std::vector<int32_t> region_, age_, cell_;
  std::vector<double> tenure_, base_, rake_, poststratify_, linear_;
};

TEST_F(CalibrationFixture, RakeMatchesSurveyRake) {
  const std::vector<Margin> margins = {{region_.data(), PopulationTotals("region"), "region"},
                                       {age_.data(), PopulationTotals("age"), "age"}};
  RakeOptions options;
  options.tolerance = 1e-13;
  Result<CalibrationResult> raked = Rake(base_.data(), n(), margins, options);
  ASSERT_TRUE(raked.ok()) << raked.status().message();
  ExpectRelativelyNear(raked->weights, rake_, 1e-8);
  EXPECT_TRUE(raked->converged);
  EXPECT_GT(raked->iterations, 1);
  EXPECT_LT(raked->max_margin_error, 1e-13);
  // What variance estimation needs: both margins' codes and the base weights.
  EXPECT_EQ(raked->step.kind, CalibrationStep::Kind::kRake);
  ASSERT_EQ(raked->step.cells.size(), 2u);
  EXPECT_EQ(raked->step.cells[0], region_);
  EXPECT_EQ(raked->step.cells[1], age_);
  EXPECT_EQ(raked->step.weights_before, base_);
  EXPECT_NEAR(raked->summary.sum, 10000, 1e-6);
}

TEST_F(CalibrationFixture, PostStratifyMatchesSurveyPostStratify) {
  const Margin cells{cell_.data(), PopulationTotals("cell"), "region x age"};
  Result<CalibrationResult> post = PostStratify(base_.data(), n(), cells);
  ASSERT_TRUE(post.ok()) << post.status().message();
  ExpectRelativelyNear(post->weights, poststratify_, 1e-8);
  EXPECT_EQ(post->step.kind, CalibrationStep::Kind::kPostStratify);
  ASSERT_EQ(post->step.cells.size(), 1u);
  EXPECT_EQ(post->step.cells[0], cell_);
  EXPECT_EQ(post->step.weights_before, base_);
  EXPECT_LT(post->max_margin_error, 1e-12);
}

// A cell of tiny weights and a large population: the factor N / total
// overflowed to inf and so did the weights, returned as OK (fuzz/weights).
// Closed form: w_i / total_c * N_c.
TEST(PostStratifyTest, FactorBeyondTheDoubleRange) {
  const std::vector<double> base = {1.5e-47, 3e-47, 2.0, 2.0};
  const std::vector<int32_t> codes = {0, 0, 1, 1};
  const std::vector<double> population = {1e270, 10};
  const Margin cells{codes.data(), population, "cell"};
  Result<CalibrationResult> post = PostStratify(base.data(), base.size(), cells);
  ASSERT_TRUE(post.ok()) << post.status().message();
  EXPECT_NEAR(post->weights[0] / (1e270 / 3), 1.0, 1e-15);
  EXPECT_NEAR(post->weights[1] / (2e270 / 3), 1.0, 1e-15);
  EXPECT_DOUBLE_EQ(post->weights[2], 5.0);
  EXPECT_DOUBLE_EQ(post->weights[3], 5.0);
  EXPECT_LT(post->max_margin_error, 1e-15);
}

TEST_F(CalibrationFixture, LinearCalibrationMatchesSurveyCalibrate) {
  const std::vector<double> x = LinearDesign();
  const std::vector<double> totals = PopulationTotals("linear");
  ASSERT_EQ(totals.size(), 5u);
  Result<CalibrationResult> greg = CalibrateLinear(base_.data(), n(), x.data(), 5, totals);
  ASSERT_TRUE(greg.ok()) << greg.status().message();
  ExpectRelativelyNear(greg->weights, linear_, 1e-8);
  EXPECT_EQ(greg->step.kind, CalibrationStep::Kind::kLinear);
  EXPECT_EQ(greg->step.columns, 5);
  EXPECT_EQ(greg->step.x, x);
  EXPECT_EQ(greg->step.weights_before, base_);
  // The calibrated weights reproduce every total.
  for (int j = 0; j < 5; ++j) {
    double total = 0;
    for (size_t i = 0; i < n(); ++i) total += greg->weights[i] * x[i * 5 + j];
    EXPECT_NEAR(total / totals[j], 1.0, 1e-12) << "column " << j;
  }
}

TEST_F(CalibrationFixture, NullBaseWeightsMeanOnes) {
  const Margin cells{cell_.data(), PopulationTotals("cell"), "cell"};
  Result<CalibrationResult> with_null = PostStratify(nullptr, n(), cells);
  ASSERT_TRUE(with_null.ok());
  std::vector<double> ones(n(), 1.0);
  Result<CalibrationResult> with_ones = PostStratify(ones.data(), n(), cells);
  ASSERT_TRUE(with_ones.ok());
  EXPECT_EQ(with_null->weights, with_ones->weights);
  // Unit base weights: every member of a cell gets N_c / n_c.
  EXPECT_DOUBLE_EQ(with_null->weights[0],
                   PopulationTotals("cell")[static_cast<size_t>(cell_[0])] /
                       static_cast<double>(std::count(cell_.begin(), cell_.end(), cell_[0])));
}

TEST_F(CalibrationFixture, RakeReportsNonConvergence) {
  const std::vector<Margin> margins = {{region_.data(), PopulationTotals("region"), "region"},
                                       {age_.data(), PopulationTotals("age"), "age"}};
  RakeOptions options;
  options.max_iterations = 1;
  options.tolerance = 1e-14;
  Result<CalibrationResult> raked = Rake(base_.data(), n(), margins, options);
  ASSERT_FALSE(raked.ok());
  EXPECT_EQ(raked.status().code(), CANDOR_NOT_CONVERGED);
  EXPECT_NE(raked.status().message().find("after 1 iterations"), std::string::npos)
      << raked.status().message();
  EXPECT_NE(raked.status().message().find("margin 'region'"), std::string::npos)
      << raked.status().message();
}

TEST(RakeTest, EmptyLevelNamesMarginAndLevel) {
  const std::vector<int32_t> region = {0, 0, 1, 1};
  const std::vector<int32_t> size = {0, 1, 0, 1};  // nobody in level 2
  const std::vector<Margin> margins = {{region.data(), {50, 50}, "region"},
                                       {size.data(), {30, 30, 40}, "size"}};
  Result<CalibrationResult> raked = Rake(nullptr, 4, margins, RakeOptions());
  ASSERT_FALSE(raked.ok());
  EXPECT_EQ(raked.status().code(), CANDOR_EMPTY);
  EXPECT_NE(raked.status().message().find("margin 'size' level 2"), std::string::npos)
      << raked.status().message();
}

TEST(RakeTest, RejectsBadInput) {
  const std::vector<int32_t> codes = {0, 1, 1, 0};
  const std::vector<double> bad_weights = {1, -2, 1, 1};
  const std::vector<double> nan_weights = {1, 1, std::nan(""), 1};
  const std::vector<Margin> ok = {{codes.data(), {5, 5}, "a"}};
  EXPECT_EQ(Rake(bad_weights.data(), 4, ok, RakeOptions()).status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(Rake(nan_weights.data(), 4, ok, RakeOptions()).status().message().find("[2]"),
            std::string::npos);
  // Code outside the population vector.
  const std::vector<int32_t> wide = {0, 1, 2, 0};
  const std::vector<Margin> out_of_range = {{wide.data(), {5, 5}, "a"}};
  Result<CalibrationResult> r = Rake(nullptr, 4, out_of_range, RakeOptions());
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("margin 'a' codes[2] = 2"), std::string::npos)
      << r.status().message();
  // Negative population total.
  const std::vector<Margin> negative = {{codes.data(), {5, -5}, "a"}};
  EXPECT_EQ(Rake(nullptr, 4, negative, RakeOptions()).status().code(), CANDOR_INVALID_ARGUMENT);
  // Margins with different population sizes cannot be raked to.
  const std::vector<Margin> mismatched = {{codes.data(), {5, 5}, "a"}, {codes.data(), {6, 5}, "b"}};
  r = Rake(nullptr, 4, mismatched, RakeOptions());
  EXPECT_EQ(r.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(r.status().message().find("margin 'b' totals 11"), std::string::npos)
      << r.status().message();
  // Respondents in a level with no population (survey::postStratify refuses).
  const std::vector<Margin> zero_level = {{codes.data(), {10, 0}, "a"}};
  EXPECT_EQ(Rake(nullptr, 4, zero_level, RakeOptions()).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(Rake(nullptr, 4, {}, RakeOptions()).status().code(), CANDOR_INVALID_ARGUMENT);
  const std::vector<Margin> null_codes = {{nullptr, {5, 5}, "a"}};
  EXPECT_EQ(Rake(nullptr, 4, null_codes, RakeOptions()).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(Rake(nullptr, 0, ok, RakeOptions()).status().code(), CANDOR_EMPTY);
  RakeOptions no_iterations;
  no_iterations.max_iterations = 0;
  EXPECT_EQ(Rake(nullptr, 4, ok, no_iterations).status().code(), CANDOR_INVALID_ARGUMENT);
}

TEST(PostStratifyTest, ZeroWeightCellIsEmpty) {
  const std::vector<int32_t> cells = {0, 0, 1};
  const std::vector<double> base = {1, 1, 0};
  Result<CalibrationResult> r = PostStratify(base.data(), 3, {cells.data(), {4, 6}, "cell"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), CANDOR_EMPTY);
  EXPECT_NE(r.status().message().find("margin 'cell' level 1"), std::string::npos);
}

TEST(CalibrateLinearTest, ConstantColumnBesideInterceptIsSingular) {
  // Columns: intercept, x, constant 2 (collinear with the intercept).
  const std::vector<double> x = {1, 0.5, 2, 1, 1.5, 2, 1, 2.5, 2, 1, 3.0, 2};
  Result<CalibrationResult> r = CalibrateLinear(nullptr, 4, x.data(), 3, {10, 20, 20});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(r.status().message().find("column 2"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("constant"), std::string::npos) << r.status().message();
}

TEST(CalibrateLinearTest, InterceptOnlyScalesToPopulationSize) {
  // With only an intercept, GREG is a ratio adjustment: w = w0 * N / sum w0.
  const std::vector<double> base = {1, 2, 3, 4};
  const std::vector<double> x = {1, 1, 1, 1};
  Result<CalibrationResult> r = CalibrateLinear(base.data(), 4, x.data(), 1, {50});
  ASSERT_TRUE(r.ok()) << r.status().message();
  for (size_t i = 0; i < 4; ++i) EXPECT_NEAR(r->weights[i], base[i] * 5, 1e-12);
}

TEST(CalibrateLinearTest, WeightsBeyondTheDoubleRangeAreOutOfRange) {
  // The input of fuzz/regressions/weights/new18: the second variable is
  // nonzero only in a row whose base weight is subnormal. Its total needs
  // 3 w_2 = 37.5, so w_2 = 12.5 = w0_2 (1 + lambda_1 + 3 lambda_2), a factor
  // of 12.5 / 4.17e-309 = 3.0e309, beyond DBL_MAX: no finite lambda exists.
  // It used to return inf weights as OK.
  const double tiny = 4.1720134847009977e-309;
  ASSERT_GT(12.5 / tiny, std::numeric_limits<double>::max() / 1e6);  // the closed form's factor
  const std::vector<double> base = {1, 0.25, tiny, 0.25, 0.25};
  const std::vector<double> x = {1, 0, 1, 0, 1, 3, 1, 0, 1, 0};
  Result<CalibrationResult> r = CalibrateLinear(base.data(), 5, x.data(), 2, {22.5, 37.5});
  ASSERT_FALSE(r.ok()) << "weights " << (r.ok() ? r->weights[2] : 0);
  EXPECT_EQ(r.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(r.status().message().find("beyond the double range"), std::string::npos)
      << r.status().message();
  // The same shape with a normal base weight there calibrates exactly.
  const std::vector<double> normal = {1, 0.25, 0.5, 0.25, 0.25};
  Result<CalibrationResult> ok = CalibrateLinear(normal.data(), 5, x.data(), 2, {22.5, 37.5});
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_NEAR(ok->weights[2], 12.5, 1e-12);
  EXPECT_NEAR(ok->weights[0] + ok->weights[1] + ok->weights[3] + ok->weights[4], 10, 1e-12);
}

TEST(CalibrateLinearTest, RejectsBadInput) {
  const std::vector<double> x = {1, 0, 1, 1, 1, 2};
  EXPECT_EQ(CalibrateLinear(nullptr, 3, x.data(), 2, {3}).status().code(), CANDOR_LENGTH_MISMATCH);
  EXPECT_EQ(CalibrateLinear(nullptr, 3, nullptr, 2, {3, 3}).status().code(),
            CANDOR_INVALID_ARGUMENT);
  std::vector<double> inf_x = x;
  inf_x[3] = std::numeric_limits<double>::infinity();
  Result<CalibrationResult> r = CalibrateLinear(nullptr, 3, inf_x.data(), 2, {3, 3});
  EXPECT_EQ(r.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(r.status().message().find("row 1 column 1"), std::string::npos);
  EXPECT_EQ(CalibrateLinear(nullptr, 3, x.data(), 0, {}).status().code(), CANDOR_INVALID_ARGUMENT);
  const std::vector<double> base = {1, -1, 1};
  EXPECT_EQ(CalibrateLinear(base.data(), 3, x.data(), 2, {3, 3}).status().code(),
            CANDOR_INVALID_ARGUMENT);
}

TEST(CovariateBalanceTest, MatchesPlainR) {
  auto population = ReadSimpleCsv("balance_population.csv");
  const std::vector<int32_t> region = Codes(population["region"]);
  const std::vector<double> spend = Doubles(population["spend"]);
  std::vector<uint8_t> responded;
  std::vector<double> weights;  // one per respondent, in population order
  for (size_t i = 0; i < region.size(); ++i) {
    responded.push_back(static_cast<uint8_t>(std::stoi(population["responded"][i])));
    if (responded.back()) weights.push_back(std::stod(population["weight"][i]));
  }
  const std::vector<Covariate> covariates = {{"spend", spend.data(), nullptr, 0},
                                             {"region", nullptr, region.data(), 3}};
  Result<std::vector<Balance>> rows =
      CovariateBalance(responded.data(), responded.size(), covariates, weights.data());
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  auto reference = ReadSimpleCsv("balance_reference.csv");
  ASSERT_EQ(rows->size(), reference["variable"].size());
  for (size_t k = 0; k < rows->size(); ++k) {
    EXPECT_EQ((*rows)[k].variable, reference["variable"][k]);
    EXPECT_NEAR((*rows)[k].asmd_before, std::stod(reference["asmd_before"][k]), 1e-12);
    EXPECT_NEAR((*rows)[k].asmd_after, std::stod(reference["asmd_after"][k]), 1e-12);
  }
}

TEST(CovariateBalanceTest, RejectsBadInput) {
  const std::vector<uint8_t> responded = {1, 0, 1};
  const std::vector<double> value = {1, 2, std::nan("")};
  const std::vector<Covariate> nan_covariate = {{"v", value.data(), nullptr, 0}};
  Result<std::vector<Balance>> r = CovariateBalance(responded.data(), 3, nan_covariate, nullptr);
  EXPECT_EQ(r.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(r.status().message().find("'v' row 2"), std::string::npos) << r.status().message();
  const std::vector<uint8_t> nobody = {0, 0, 0};
  EXPECT_EQ(CovariateBalance(nobody.data(), 3, {}, nullptr).status().code(), CANDOR_EMPTY);
  const std::vector<int32_t> codes = {0, 3, 1};
  const std::vector<Covariate> bad_codes = {{"c", nullptr, codes.data(), 2}};
  EXPECT_EQ(CovariateBalance(responded.data(), 3, bad_codes, nullptr).status().code(),
            CANDOR_OUT_OF_RANGE);
}

TEST(SummarizeWeightsTest, KishDesignEffectOfBalanceDocVector) {
  // balance's design_effect((0, 1, 2, 3)) = 1.5556: mean(w^2) / mean(w)^2 = 3.5 / 2.25.
  const std::vector<double> w = {0, 1, 2, 3};
  Result<WeightSummary> s = SummarizeWeights(w.data(), 4);
  ASSERT_TRUE(s.ok());
  EXPECT_NEAR(s->design_effect, 3.5 / 2.25, 1e-15);
  EXPECT_NEAR(s->design_effect, 1.5556, 5e-5);
  EXPECT_NEAR(s->effective_n, 36.0 / 14.0, 1e-15);  // (sum w)^2 / sum w^2
  EXPECT_EQ(s->sum, 6);
  EXPECT_EQ(s->min, 0);
  EXPECT_EQ(s->max, 3);
  EXPECT_EQ(s->max_to_min, 3);  // over positive weights: 3 / 1
}

TEST(SummarizeWeightsTest, EqualWeightsHaveNoDesignEffect) {
  const std::vector<double> w(7, 2.5);
  Result<WeightSummary> s = SummarizeWeights(w.data(), w.size());
  ASSERT_TRUE(s.ok());
  EXPECT_NEAR(s->design_effect, 1.0, 1e-15);
  EXPECT_NEAR(s->effective_n, 7.0, 1e-13);
}

TEST(SummarizeWeightsTest, RejectsBadInput) {
  EXPECT_EQ(SummarizeWeights(nullptr, 3).status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(SummarizeWeights(nullptr, 0).status().code(), CANDOR_EMPTY);
  const std::vector<double> inf = {1, std::numeric_limits<double>::infinity()};
  Result<WeightSummary> s = SummarizeWeights(inf.data(), 2);
  EXPECT_EQ(s.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(s.status().message().find("weights[1]"), std::string::npos);
  const std::vector<double> zeros = {0, 0};
  EXPECT_EQ(SummarizeWeights(zeros.data(), 2).status().code(), CANDOR_INVALID_ARGUMENT);
}

TEST(TrimWeightsTest, RatioCapKeepsSum) {
  // Sum 42, mean 7; a cap of 1.5 x mean = 10.5 clips 12 and 20, then all are
  // rescaled by 42 / 31 so that the sum stays 42.
  const std::vector<double> w = {1, 2, 3, 4, 12, 20};
  TrimOptions options;
  options.ratio = 1.5;
  Result<std::vector<double>> trimmed = TrimWeights(w.data(), w.size(), options);
  ASSERT_TRUE(trimmed.ok()) << trimmed.status().message();
  double sum = 0;
  for (double v : *trimmed) sum += v;
  EXPECT_NEAR(sum, 42, 1e-12);
  const double scale = 42.0 / (1 + 2 + 3 + 4 + 10.5 + 10.5);
  EXPECT_NEAR((*trimmed)[5], 10.5 * scale, 1e-12);
  EXPECT_NEAR((*trimmed)[4], 10.5 * scale, 1e-12);
  EXPECT_NEAR((*trimmed)[0], 1 * scale, 1e-12);
  // Default ratio 20 leaves these weights alone.
  Result<std::vector<double>> untouched = TrimWeights(w.data(), w.size(), TrimOptions());
  ASSERT_TRUE(untouched.ok());
  EXPECT_EQ(*untouched, w);
}

TEST(TrimWeightsTest, QuantileWinsorizesBothEnds) {
  // Type-7 quantiles of 1..11: q(0.1) = 2, q(0.9) = 10.
  std::vector<double> w;
  for (int k = 1; k <= 11; ++k) w.push_back(k);
  TrimOptions options;
  options.kind = TrimOptions::Kind::kQuantile;
  options.lower_quantile = 0.1;
  options.upper_quantile = 0.9;
  Result<std::vector<double>> trimmed = TrimWeights(w.data(), w.size(), options);
  ASSERT_TRUE(trimmed.ok()) << trimmed.status().message();
  // 2 + 2..10 + 10 sums to 66, the same as 1..11: the scale is 1.
  EXPECT_NEAR((*trimmed)[0], 2, 1e-12);
  EXPECT_NEAR((*trimmed)[10], 10, 1e-12);
  EXPECT_NEAR((*trimmed)[5], 6, 1e-12);
}

TEST(TrimWeightsTest, RejectsBadOptions) {
  const std::vector<double> w = {1, 2, 3};
  TrimOptions options;
  options.ratio = 0;
  EXPECT_EQ(TrimWeights(w.data(), 3, options).status().code(), CANDOR_INVALID_ARGUMENT);
  options.ratio = std::nan("");
  EXPECT_EQ(TrimWeights(w.data(), 3, options).status().code(), CANDOR_INVALID_ARGUMENT);
  options.kind = TrimOptions::Kind::kQuantile;
  options.lower_quantile = 0.6;
  options.upper_quantile = 0.4;
  EXPECT_EQ(TrimWeights(w.data(), 3, options).status().code(), CANDOR_INVALID_ARGUMENT);
  options.lower_quantile = -0.1;
  options.upper_quantile = 0.9;
  EXPECT_EQ(TrimWeights(w.data(), 3, options).status().code(), CANDOR_INVALID_ARGUMENT);
  options.lower_quantile = 0;
  options.upper_quantile = 1.5;
  EXPECT_EQ(TrimWeights(w.data(), 3, options).status().code(), CANDOR_INVALID_ARGUMENT);
  const std::vector<double> negative = {1, -2, 3};
  EXPECT_EQ(TrimWeights(negative.data(), 3, TrimOptions()).status().code(),
            CANDOR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace candor
