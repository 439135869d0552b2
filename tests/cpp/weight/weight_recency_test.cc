// Recency adjustment: WLS coefficients, cluster-robust and HC1 standard
// errors and the delta-method SE of the standardized value vs statsmodels
// (tests/crosscheck/recency_reference.py), and input validation.
#include <gtest/gtest.h>

#include <candor/weight.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace candor {
namespace {

constexpr double kDecayDays = 30;  // DECAY in recency_reference.py
const std::vector<double> kReferenceShare = {0.1, 0.05};
constexpr double kLevel = 0.9;

struct RecencyData {
  std::vector<double> values, weights, days;
  std::vector<int32_t> kinds, clusters;
};

RecencyData ReadData() {
  std::ifstream in(std::string(CANDOR_TEST_DATA) + "/weight/recency_data.csv");
  EXPECT_TRUE(in.good());
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "value,weight,event_kind,days,cluster");
  RecencyData d;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string f[5];
    for (std::string& field : f) std::getline(row, field, ',');
    d.values.push_back(std::stod(f[0]));
    d.weights.push_back(std::stod(f[1]));
    d.kinds.push_back(std::stoi(f[2]));
    d.days.push_back(std::stod(f[3]));
    d.clusters.push_back(std::stoi(f[4]));
  }
  return d;
}

// case -> quantity -> value.
std::map<std::string, std::map<std::string, double>> ReadReference() {
  std::ifstream in(std::string(CANDOR_TEST_DATA) + "/weight/recency_reference.csv");
  EXPECT_TRUE(in.good());
  std::string line;
  std::getline(in, line);
  std::map<std::string, std::map<std::string, double>> out;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string which, quantity, value;
    std::getline(row, which, ',');
    std::getline(row, quantity, ',');
    std::getline(row, value, ',');
    out[which][quantity] = std::stod(value);
  }
  return out;
}

void ExpectRelative(double actual, double expected, const std::string& what) {
  EXPECT_NEAR(actual, expected, 1e-8 * std::abs(expected)) << what;
}

class RecencyVsStatsmodels : public ::testing::TestWithParam<const char*> {};

TEST_P(RecencyVsStatsmodels, CoefficientsAndStandardErrors) {
  const std::string which = GetParam();
  const RecencyData d = ReadData();
  ASSERT_EQ(d.values.size(), 1500u);
  const std::map<std::string, double> expected = ReadReference()[which];
  ASSERT_FALSE(expected.empty()) << which;
  const bool weighted = which.find("unweighted") == std::string::npos;
  const bool clustered = which.rfind("cluster", 0) == 0;
  Result<RecencyEffect> r =
      AdjustRecency(d.values.data(), weighted ? d.weights.data() : nullptr, d.kinds.data(),
                    d.days.data(), d.values.size(), 2, kDecayDays, kReferenceShare,
                    clustered ? d.clusters.data() : nullptr, kLevel);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->coefficients.size(), 3u);
  ASSERT_EQ(r->std_errors.size(), 3u);
  for (int j = 0; j < 3; ++j) {
    ExpectRelative(r->coefficients[j], expected.at("b" + std::to_string(j)), which + " b");
    ExpectRelative(r->std_errors[j], expected.at("se" + std::to_string(j)), which + " se");
  }
  ExpectRelative(r->raw_value, expected.at("raw_value"), which + " raw");
  ExpectRelative(r->standardized_value, expected.at("standardized"), which + " value");
  ExpectRelative(r->standardized_std_error, expected.at("standardized_se"), which + " value se");
  ExpectRelative(r->ci_low, expected.at("ci_low"), which + " ci_low");
  ExpectRelative(r->ci_high, expected.at("ci_high"), which + " ci_high");
}

INSTANTIATE_TEST_SUITE_P(Cases, RecencyVsStatsmodels,
                         ::testing::Values("cluster_weighted", "hc1_weighted", "cluster_unweighted",
                                           "hc1_unweighted"));

TEST(AdjustRecency, NoEventMixIsTheIntercept) {
  const RecencyData d = ReadData();
  Result<RecencyEffect> r =
      AdjustRecency(d.values.data(), d.weights.data(), d.kinds.data(), d.days.data(),
                    d.values.size(), 2, kDecayDays, {0, 0}, d.clusters.data(), 0.95);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_DOUBLE_EQ(r->standardized_value, r->coefficients[0]);
  EXPECT_NEAR(r->standardized_std_error, r->std_errors[0], 1e-12 * r->std_errors[0]);
  EXPECT_NEAR(r->ci_high - r->ci_low, 2 * 1.959963984540054 * r->std_errors[0], 1e-9);
}

TEST(AdjustRecency, DaysAreIgnoredWithoutAnEvent) {
  // Rows without an event may carry any days value, even NaN.
  RecencyData d = ReadData();
  Result<RecencyEffect> before =
      AdjustRecency(d.values.data(), nullptr, d.kinds.data(), d.days.data(), d.values.size(), 2,
                    kDecayDays, kReferenceShare, nullptr, kLevel);
  for (size_t i = 0; i < d.days.size(); ++i) {
    if (d.kinds[i] < 0) d.days[i] = NAN;
  }
  Result<RecencyEffect> after =
      AdjustRecency(d.values.data(), nullptr, d.kinds.data(), d.days.data(), d.values.size(), 2,
                    kDecayDays, kReferenceShare, nullptr, kLevel);
  ASSERT_TRUE(before.ok() && after.ok()) << after.status().message();
  EXPECT_EQ(before->coefficients, after->coefficients);
  EXPECT_EQ(before->std_errors, after->std_errors);
}

class RecencyErrors : public ::testing::Test {
 protected:
  // Two event kinds; kind 1 appears only in row 4.
  std::vector<double> values = {100, 0, -100, 100, 0, 100, -100, 0};
  std::vector<double> weights = {1, 1, 2, 1, 1, 1, 1, 1};
  std::vector<int32_t> kinds = {-1, 0, 0, -1, 1, 0, -1, -1};
  std::vector<double> days = {0, 3, 10, 0, 5, 20, 0, 0};
  std::vector<int32_t> clusters = {0, 0, 1, 1, 2, 2, 3, 3};
  std::vector<double> share = {0.2, 0.1};

  Status Run(int kind_count = 2, double decay = 14, double level = 0.95,
             const int32_t* cluster_codes = nullptr) {
    return AdjustRecency(values.data(), weights.data(), kinds.data(), days.data(), values.size(),
                         kind_count, decay, share, cluster_codes, level)
        .status();
  }
  void ExpectError(const Status& s, candor_status code, const std::string& needle) {
    EXPECT_EQ(s.code(), code) << s.message();
    EXPECT_NE(s.message().find(needle), std::string::npos) << s.message();
  }
};

TEST_F(RecencyErrors, ValidInputFits) { EXPECT_TRUE(Run().ok()) << Run().message(); }

TEST_F(RecencyErrors, Parameters) {
  ExpectError(Run(0), CANDOR_INVALID_ARGUMENT, "kinds");
  ExpectError(Run(2, 0), CANDOR_INVALID_ARGUMENT, "decay_days");
  ExpectError(Run(2, NAN), CANDOR_INVALID_ARGUMENT, "decay_days");
  ExpectError(Run(2, 14, 1.0), CANDOR_INVALID_ARGUMENT, "level");
  ExpectError(Run(2, 14, 0.0), CANDOR_INVALID_ARGUMENT, "level");
  share = {0.2};
  ExpectError(Run(), CANDOR_LENGTH_MISMATCH, "reference_share");
  share = {0.2, 1.5};
  ExpectError(Run(), CANDOR_INVALID_ARGUMENT, "reference_share[1]");
  share = {-0.1, 0.5};
  ExpectError(Run(), CANDOR_INVALID_ARGUMENT, "reference_share[0]");
}

TEST_F(RecencyErrors, Rows) {
  kinds[3] = 2;
  ExpectError(Run(), CANDOR_OUT_OF_RANGE, "row 3");
  kinds[3] = -2;
  ExpectError(Run(), CANDOR_OUT_OF_RANGE, "row 3");
  kinds[3] = -1;
  days[2] = -1;
  ExpectError(Run(), CANDOR_OUT_OF_RANGE, "row 2");
  days[2] = INFINITY;
  ExpectError(Run(), CANDOR_OUT_OF_RANGE, "row 2");
  days[2] = 10;
  values[5] = NAN;
  ExpectError(Run(), CANDOR_OUT_OF_RANGE, "row 5");
  values[5] = 100;
  weights[6] = -1;
  ExpectError(Run(), CANDOR_OUT_OF_RANGE, "row 6");
  weights[6] = 1;
  EXPECT_EQ(AdjustRecency(values.data(), weights.data(), kinds.data(), days.data(), 0, 2, 14, share,
                          nullptr, 0.95)
                .status()
                .code(),
            CANDOR_EMPTY);
  EXPECT_EQ(AdjustRecency(values.data(), weights.data(), nullptr, days.data(), values.size(), 2, 14,
                          share, nullptr, 0.95)
                .status()
                .code(),
            CANDOR_INVALID_ARGUMENT);
}

TEST_F(RecencyErrors, KindWithoutEventsIsNotIdentifiable) {
  kinds[4] = -1;
  ExpectError(Run(), CANDOR_INVALID_ARGUMENT, "event kind 1");
  kinds[4] = 1;
  weights[4] = 0;  // its only event carries no weight
  ExpectError(Run(), CANDOR_INVALID_ARGUMENT, "event kind 1");
}

TEST_F(RecencyErrors, Clusters) {
  EXPECT_TRUE(Run(2, 14, 0.95, clusters.data()).ok());
  const std::vector<int32_t> one(values.size(), 7);
  ExpectError(Run(2, 14, 0.95, one.data()), CANDOR_INVALID_ARGUMENT, "2 clusters");
}

TEST_F(RecencyErrors, FadedEventsAreCollinear) {
  // exp(-days / decay) underflows to 0 for every event.
  for (size_t i = 0; i < days.size(); ++i) days[i] = kinds[i] >= 0 ? 1e6 : 0;
  ExpectError(Run(), CANDOR_INVALID_ARGUMENT, "decay_days");
}

// The overload on raw scores (what candor_adjust_recency takes) is the values
// overload on each score's metric value: 10 -> +100, 8 -> 0, 3 -> -100 (NPS).
TEST(AdjustRecency, ScoresOnAMetricAreTheirMetricValues) {
  const RecencyData d = ReadData();
  std::vector<double> scores;
  for (double v : d.values) scores.push_back(v > 0 ? 10 : (v < 0 ? 3 : 8));
  Result<RecencyEffect> from_values =
      AdjustRecency(d.values.data(), d.weights.data(), d.kinds.data(), d.days.data(),
                    d.values.size(), 2, kDecayDays, kReferenceShare, d.clusters.data(), kLevel);
  Result<RecencyEffect> from_scores =
      AdjustRecency(Metric::Nps(), scores.data(), d.weights.data(), d.kinds.data(), d.days.data(),
                    scores.size(), 2, kDecayDays, kReferenceShare, d.clusters.data(), kLevel);
  ASSERT_TRUE(from_values.ok()) << from_values.status().message();
  ASSERT_TRUE(from_scores.ok()) << from_scores.status().message();
  EXPECT_EQ(from_scores->coefficients, from_values->coefficients);
  EXPECT_EQ(from_scores->std_errors, from_values->std_errors);
  EXPECT_EQ(from_scores->raw_value, from_values->raw_value);
  EXPECT_EQ(from_scores->standardized_value, from_values->standardized_value);
  EXPECT_EQ(from_scores->standardized_std_error, from_values->standardized_std_error);
  EXPECT_EQ(from_scores->ci_low, from_values->ci_low);
  EXPECT_EQ(from_scores->ci_high, from_values->ci_high);
}

// Scores are checked as an estimate checks them (same code, same message),
// and so is the metric; no scores for n > 0 is an error, not a crash.
TEST(AdjustRecency, ScoresAreCheckedAsEstimatesCheckThem) {
  const RecencyData d = ReadData();
  std::vector<double> scores(d.values.size(), 9);
  const auto run = [&](const Metric& metric, const double* s) {
    return AdjustRecency(metric, s, nullptr, d.kinds.data(), d.days.data(), scores.size(), 2,
                         kDecayDays, kReferenceShare, nullptr, kLevel)
        .status();
  };
  ASSERT_TRUE(run(Metric::Nps(), scores.data()).ok());
  for (double bad : {11.0, 2.5, -1.0, static_cast<double>(NAN)}) {
    scores[4] = bad;
    const Status expected =
        EstimateScores(Metric::Nps(), scores.data(), nullptr, scores.size(), IntervalOptions())
            .status();
    ASSERT_FALSE(expected.ok()) << bad;
    const Status status = run(Metric::Nps(), scores.data());
    EXPECT_EQ(status.code(), expected.code()) << bad;
    EXPECT_EQ(status.message(), expected.message()) << bad;
  }
  scores[4] = 9;
  Metric inverted = Metric::Nps();
  inverted.scale_min = 10;
  inverted.scale_max = 0;
  ASSERT_FALSE(inverted.Validate().ok());
  EXPECT_EQ(run(inverted, scores.data()).code(), inverted.Validate().code());
  EXPECT_EQ(run(Metric::Nps(), nullptr).code(), CANDOR_INVALID_ARGUMENT);
}

}  // namespace
}  // namespace candor
