// Hamed-Rao and seasonal Mann-Kendall tests, the seasonal Sen's slope and
// the WLS trend line: pymannkendall's published vectors, fixtures from
// numpy/scipy/statsmodels (tests/crosscheck/trend_series_reference.py) and
// input validation.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/trend_series.hpp>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "series.hpp"
#include "support/fixture_csv.hpp"

namespace candor {
namespace {

using Row = std::map<std::string, std::string>;

std::string DataPath(const std::string& name) {
  return std::string(CANDOR_TEST_DATA) + "/trend/" + name;
}

std::vector<Row> ReadCsv(const std::string& name) {
  return testing::ReadFixtureCsv(DataPath(name));
}

double Num(const Row& row, const std::string& key) { return std::stod(row.at(key)); }

// pymannkendall's arbitrary_1d_data, `nan` where missing.
std::vector<double> Bogra() {
  std::ifstream in(DataPath("pymannkendall_bogra.txt"));
  EXPECT_TRUE(in.good());
  std::vector<double> x;
  std::string line;
  while (std::getline(in, line)) {
    x.push_back(line == "nan" ? std::numeric_limits<double>::quiet_NaN() : std::stod(line));
  }
  return x;
}

std::vector<double> DropMissing(const std::vector<double>& x) {
  std::vector<double> kept;
  for (double v : x) {
    if (!std::isnan(v)) kept.push_back(v);
  }
  return kept;
}

// pymannkendall tests/test_pymannkendall.py, test_hamed_rao_modification_test
// (and _lag3): computed there with the Sen's slope of the series with its
// missing values, -0.006369426751592357, and the paper's signed sum.
TEST(HamedRaoTest, MatchesPymannkendallPublishedVectors) {
  const std::vector<double> x = DropMissing(Bogra());
  ASSERT_EQ(x.size(), 353u);
  const double slope = -0.006369426751592357;
  const double var_s = 4889800.333333333;
  int64_t lags = 0;
  const double factor =
      internal::HamedRaoFactor(x.data(), x.size(), slope, 0.05, 0, true, &lags);
  EXPECT_NEAR(var_s * factor, 259723.81316716125, 1e-7);
  EXPECT_GT(lags, 0);
  MannKendall mk;
  mk.s = -1959;
  mk.var_s = var_s * factor;
  internal::SetMannKendallVerdict(0.05, &mk);
  EXPECT_NEAR(mk.z, -3.8419950613710894, 1e-11);
  EXPECT_NEAR(mk.p_value, 0.00012203829241275166, 1e-14);
  EXPECT_EQ(mk.trend, TrendDirection::kDecreasing);

  const double lag3 = internal::HamedRaoFactor(x.data(), x.size(), slope, 0.05, 3, true, &lags);
  EXPECT_NEAR(var_s * lag3, 14228919.889368296, 1e-6);
  EXPECT_LE(lags, 3);
  // The default absolute sum mirrors the negative signed one around 1.
  const double absolute =
      internal::HamedRaoFactor(x.data(), x.size(), slope, 0.05, 0, false, &lags);
  EXPECT_NEAR(absolute - 1, 1 - factor, 1e-12);
}

// pymannkendall test_seasonal_test and test_seasonal_sens_slope, period 12,
// missing values skipped within each season.
TEST(SeasonalMannKendallTest, MatchesPymannkendallPublishedVector) {
  const std::vector<double> bogra = Bogra();
  ASSERT_EQ(bogra.size(), 360u);
  const auto seasons = internal::SeasonColumns(bogra.data(), bogra.size(), 12);
  MannKendall mk = internal::SeasonalScore(seasons);
  internal::SetMannKendallVerdict(0.05, &mk);
  EXPECT_EQ(mk.s, -399);
  EXPECT_NEAR(mk.var_s, 34702.333333333336, 1e-9);
  EXPECT_NEAR(mk.z, -2.136504114534638, 1e-12);
  EXPECT_NEAR(mk.p_value, 0.03263834596177739, 1e-14);
  EXPECT_NEAR(mk.tau, -0.0794979079497908, 1e-15);
  EXPECT_EQ(mk.trend, TrendDirection::kDecreasing);

  std::vector<double> slopes = internal::SeasonalSlopes(seasons);
  const double slope = internal::Median(slopes);
  EXPECT_DOUBLE_EQ(slope, -0.08695652173913043);
  // pymannkendall's intercept: median(x) - median(kept index) / period * slope.
  std::vector<double> kept = DropMissing(bogra);
  std::vector<double> kept_index;
  for (size_t i = 0; i < bogra.size(); ++i) {
    if (!std::isnan(bogra[i])) kept_index.push_back(static_cast<double>(i));
  }
  const double intercept =
      internal::Median(kept) - internal::Median(kept_index) / 12 * slope;
  EXPECT_NEAR(intercept, 96.31159420289855, 1e-12);
}

TEST(MannKendallVariantsTest, MatchesNumpyScipyFixtures) {
  std::map<std::string, std::vector<double>> series;
  for (const Row& row : ReadCsv("variants_series.csv")) {
    series[row.at("case")].push_back(Num(row, "value"));
  }
  const std::vector<Row> expected = ReadCsv("variants_expected.csv");
  ASSERT_GE(expected.size(), 40u);
  int seasonal_rows = 0, signed_rows = 0;
  for (const Row& row : expected) {
    const std::string method = row.at("method");
    SCOPED_TRACE(row.at("case") + " " + method + " lag " + row.at("max_lag") + " period " +
                 row.at("period") + " alpha " + row.at("alpha") + " signed " + row.at("signed"));
    const std::vector<double>& x = series.at(row.at("case"));
    MannKendallOptions options;
    options.method =
        method == "seasonal" ? MannKendallMethod::kSeasonal : MannKendallMethod::kHamedRao;
    options.alpha = Num(row, "alpha");
    options.max_lag = std::stoul(row.at("max_lag"));
    options.period = std::stoul(row.at("period"));
    options.hamed_rao_signed_sum = row.at("signed") == "1";
    signed_rows += options.hamed_rao_signed_sum;
    const Result<MannKendall> mk = MannKendallTest(x.data(), x.size(), options);
    ASSERT_TRUE(mk.ok()) << mk.status().message();
    EXPECT_EQ(mk->s, std::stoll(row.at("s")));
    const double var_s = Num(row, "var_s");
    EXPECT_NEAR(mk->var_s, var_s, 1e-9 * var_s);
    EXPECT_NEAR(mk->variance_factor, Num(row, "factor"), 1e-9);
    EXPECT_EQ(mk->significant_lags, std::stoll(row.at("lags")));
    EXPECT_NEAR(mk->z, Num(row, "z"), 1e-9);
    EXPECT_NEAR(mk->p_value, Num(row, "p"), 1e-9 * std::max(1e-6, Num(row, "p")));
    EXPECT_NEAR(mk->tau, Num(row, "tau"), 1e-15);
    EXPECT_EQ(static_cast<int>(mk->trend), std::stoi(row.at("trend")));
    if (method != "seasonal") continue;
    ++seasonal_rows;
    const Result<SensSlope> sen =
        SeasonalSensSlopeEstimate(x.data(), x.size(), options.period, Num(row, "level"));
    ASSERT_TRUE(sen.ok()) << sen.status().message();
    EXPECT_NEAR(sen->slope, Num(row, "slope"), 1e-12);
    EXPECT_NEAR(sen->intercept, Num(row, "intercept"), 1e-9);
    EXPECT_DOUBLE_EQ(sen->ci_low, Num(row, "low"));
    EXPECT_DOUBLE_EQ(sen->ci_high, Num(row, "high"));
  }
  EXPECT_GE(seasonal_rows, 10);
  EXPECT_GE(signed_rows, 3);
}

// The seasonal S and Var(S) are the sums of the original test's per season.
TEST(SeasonalMannKendallTest, SumsTheOriginalTestOverSeasons) {
  std::vector<double> x;
  for (int i = 0; i < 43; ++i) x.push_back(static_cast<double>((i * 7919) % 13) + i % 3);
  MannKendallOptions options;
  options.method = MannKendallMethod::kSeasonal;
  options.period = 4;
  const Result<MannKendall> seasonal = MannKendallTest(x.data(), x.size(), options);
  ASSERT_TRUE(seasonal.ok());
  int64_t s = 0;
  double var_s = 0;
  for (size_t g = 0; g < 4; ++g) {
    std::vector<double> column;
    for (size_t i = g; i < x.size(); i += 4) column.push_back(x[i]);
    const Result<MannKendall> one = MannKendallTest(column.data(), column.size());
    ASSERT_TRUE(one.ok());
    s += one->s;
    var_s += one->var_s;
  }
  EXPECT_EQ(seasonal->s, s);
  EXPECT_NEAR(seasonal->var_s, var_s, 1e-9);
  EXPECT_EQ(seasonal->n, 43);
}

TEST(WlsSlopeTest, MatchesStatsmodelsWls) {
  struct Series {
    std::vector<double> time, value, se;
  };
  std::map<std::string, Series> series;
  for (const Row& row : ReadCsv("wls_series.csv")) {
    Series& s = series[row.at("case")];
    s.time.push_back(Num(row, "time"));
    s.value.push_back(Num(row, "value"));
    s.se.push_back(Num(row, "se"));
  }
  const std::vector<Row> expected = ReadCsv("wls_expected.csv");
  ASSERT_GE(expected.size(), 8u);
  for (const Row& row : expected) {
    SCOPED_TRACE(row.at("case") + " scaled " + row.at("scaled"));
    const Series& s = series.at(row.at("case"));
    WlsSlopeOptions options;
    options.level = Num(row, "level");
    options.scale_by_residual_variance = row.at("scaled") == "1";
    const Result<WlsSlope> fit =
        WlsSlopeEstimate(s.value.data(), s.se.data(), s.time.data(), s.value.size(), options);
    ASSERT_TRUE(fit.ok()) << fit.status().message();
    // The intercept at time 0 of unix_weeks8 (times near 1.7e9) is an
    // extrapolation that statsmodels computes from uncentred normal
    // equations; it agrees to about 1e-9 relative there, hence 1e-8.
    auto near = [&](double got, const std::string& key) {
      const double want = Num(row, key);
      const double relative = key.rfind("intercept", 0) == 0 ? 1e-8 : 1e-9;
      EXPECT_NEAR(got, want, relative * std::max(1.0, std::fabs(want))) << key;
    };
    near(fit->slope, "slope");
    near(fit->slope_std_error, "slope_se");
    near(fit->slope_ci_low, "slope_low");
    near(fit->slope_ci_high, "slope_high");
    near(fit->slope_p_value, "slope_p");
    near(fit->intercept, "intercept");
    near(fit->intercept_std_error, "intercept_se");
    near(fit->intercept_ci_low, "intercept_low");
    near(fit->intercept_ci_high, "intercept_high");
    near(fit->intercept_p_value, "intercept_p");
    near(fit->chi_square, "chi_square");
    near(fit->residual_scale, "residual_scale");
    EXPECT_EQ(fit->n, static_cast<int64_t>(s.value.size()));
  }
}

TEST(WlsSlopeTest, DefaultTimesAreTheIndex) {
  const std::vector<double> y = {3, 5, 4, 8, 9};
  const std::vector<double> se = {1, 2, 1, 1.5, 0.5};
  const std::vector<double> index = {0, 1, 2, 3, 4};
  const Result<WlsSlope> a = WlsSlopeEstimate(y.data(), se.data(), nullptr, 5, {});
  const Result<WlsSlope> b = WlsSlopeEstimate(y.data(), se.data(), index.data(), 5, {});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->slope, b->slope);
  EXPECT_EQ(a->slope_std_error, b->slope_std_error);
  // An exact line with equal errors: the slope, and chi-square 0.
  const std::vector<double> line = {1, 3, 5, 7};
  const std::vector<double> ones = {1, 1, 1, 1};
  const Result<WlsSlope> exact = WlsSlopeEstimate(line.data(), ones.data(), nullptr, 4, {});
  ASSERT_TRUE(exact.ok());
  EXPECT_NEAR(exact->slope, 2, 1e-14);
  EXPECT_NEAR(exact->intercept, 1, 1e-14);
  EXPECT_NEAR(exact->chi_square, 0, 1e-20);
  EXPECT_NEAR(exact->slope_std_error, std::sqrt(1 / 5.0), 1e-15);  // 1 / sum (x - 1.5)^2
}

TEST(TrendVariantsTest, RejectsBadInput) {
  std::vector<double> x(24);
  for (size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i % 5);
  MannKendallOptions seasonal;
  seasonal.method = MannKendallMethod::kSeasonal;
  seasonal.period = 1;
  EXPECT_EQ(MannKendallTest(x.data(), x.size(), seasonal).status().code(),
            CANDOR_INVALID_ARGUMENT);
  seasonal.period = 13;  // 24 values are fewer than 2 periods
  Result<MannKendall> mk = MannKendallTest(x.data(), x.size(), seasonal);
  EXPECT_EQ(mk.status().code(), CANDOR_EMPTY);
  EXPECT_NE(mk.status().message().find("2 full periods"), std::string::npos);
  seasonal.period = 12;
  EXPECT_TRUE(MannKendallTest(x.data(), x.size(), seasonal).ok());
  EXPECT_EQ(SeasonalSensSlopeEstimate(x.data(), x.size(), 0, 0.95).status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(SeasonalSensSlopeEstimate(x.data(), x.size(), 13, 0.95).status().code(),
            CANDOR_EMPTY);
  EXPECT_EQ(SeasonalSensSlopeEstimate(x.data(), x.size(), 12, 1.0).status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(SeasonalSensSlopeEstimate(nullptr, 30, 12, 0.95).status().code(),
            CANDOR_INVALID_ARGUMENT);

  MannKendallOptions bad;
  for (double alpha : {0.0, 1.0, std::numeric_limits<double>::quiet_NaN()}) {
    bad.alpha = alpha;
    EXPECT_EQ(MannKendallTest(x.data(), x.size(), bad).status().code(),
              CANDOR_INVALID_ARGUMENT);
  }
  bad.alpha = 0.05;
  bad.method = static_cast<MannKendallMethod>(7);
  EXPECT_EQ(MannKendallTest(x.data(), x.size(), bad).status().code(), CANDOR_INVALID_ARGUMENT);

  MannKendallOptions hamed_rao;
  hamed_rao.method = MannKendallMethod::kHamedRao;
  x[5] = std::numeric_limits<double>::quiet_NaN();
  mk = MannKendallTest(x.data(), x.size(), hamed_rao);
  EXPECT_EQ(mk.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(mk.status().message().find("index 5"), std::string::npos);
  EXPECT_EQ(MannKendallTest(x.data(), 2, hamed_rao).status().code(), CANDOR_EMPTY);
  const std::vector<double> big(kSensSlopeMaxN + 1, 1.0);
  EXPECT_EQ(MannKendallTest(big.data(), big.size(), hamed_rao).status().code(),
            CANDOR_UNSUPPORTED);
  // A constant series: no autocorrelation to correct, S = 0.
  const std::vector<double> flat(30, 4.0);
  mk = MannKendallTest(flat.data(), flat.size(), hamed_rao);
  ASSERT_TRUE(mk.ok());
  EXPECT_EQ(mk->s, 0);
  EXPECT_EQ(mk->variance_factor, 1);
  EXPECT_EQ(mk->p_value, 1);
}

TEST(WlsSlopeTest, RejectsBadInput) {
  const std::vector<double> y = {1, 2, 3, 4};
  std::vector<double> se = {1, 1, 1, 1};
  std::vector<double> t = {0, 1, 2, 3};
  const WlsSlopeOptions options;
  EXPECT_EQ(WlsSlopeEstimate(nullptr, se.data(), nullptr, 4, options).status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(WlsSlopeEstimate(y.data(), nullptr, nullptr, 4, options).status().code(),
            CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(WlsSlopeEstimate(y.data(), se.data(), nullptr, 2, options).status().code(),
            CANDOR_EMPTY);
  for (double bad : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN()}) {
    se[2] = bad;
    const Result<WlsSlope> fit = WlsSlopeEstimate(y.data(), se.data(), nullptr, 4, options);
    EXPECT_EQ(fit.status().code(), CANDOR_OUT_OF_RANGE) << bad;
    EXPECT_NE(fit.status().message().find("index 2"), std::string::npos);
  }
  se[2] = 1;
  std::vector<double> nan_y = y;
  nan_y[1] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(WlsSlopeEstimate(nan_y.data(), se.data(), nullptr, 4, options).status().code(),
            CANDOR_OUT_OF_RANGE);
  t[3] = 2;  // duplicate
  Result<WlsSlope> fit = WlsSlopeEstimate(y.data(), se.data(), t.data(), 4, options);
  EXPECT_EQ(fit.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(fit.status().message().find("index 3"), std::string::npos) << fit.status().message();
  EXPECT_NE(fit.status().message().find("duplicate"), std::string::npos);
  t[3] = 3;
  t[1] = 5;  // unsorted: index 2 comes before index 1
  fit = WlsSlopeEstimate(y.data(), se.data(), t.data(), 4, options);
  EXPECT_EQ(fit.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(fit.status().message().find("index 2"), std::string::npos) << fit.status().message();
  t[1] = std::numeric_limits<double>::infinity();
  EXPECT_EQ(WlsSlopeEstimate(y.data(), se.data(), t.data(), 4, options).status().code(),
            CANDOR_OUT_OF_RANGE);
  t[1] = 1;
  WlsSlopeOptions bad_level;
  bad_level.level = 1.5;
  EXPECT_EQ(WlsSlopeEstimate(y.data(), se.data(), t.data(), 4, bad_level).status().code(),
            CANDOR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace candor
