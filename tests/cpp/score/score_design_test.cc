// EstimateDesign, CompareGroups and the design Breakdown against R's survey
// package (4.1): tests/crosscheck/design_reference.R builds a seeded survey
// of 400 responses in 40 accounts, calibrates it in R (postStratify, rake,
// calibrate linear) and writes svymean / svyby / domain-contrast values to
// tests/data/design/. Here each CalibrationStep is rebuilt by hand from the
// fixture's codes and R's weights before and after the step.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/design.hpp>
#include <candor/score.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "nps_posterior.hpp"

namespace candor {
namespace {

constexpr double kRelative = 1e-6;  // the bar for SEs

// survey::svymean's confint is Wald's; the default interval is Jeffreys'.
IntervalOptions Wald() {
  IntervalOptions options;
  options.method = IntervalMethod::kWald;
  return options;
}

struct Fixture {
  std::vector<double> score, weight, tenure, w_post, w_rake, w_linear, w_post_linear;
  std::vector<int32_t> account, region, plan;
  std::vector<int8_t> group;
  std::map<std::string, double> reference;
};

std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, ',')) fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

const Fixture& Data() {
  static const Fixture* fixture = [] {
    auto* f = new Fixture;
    const std::string dir = std::string(CANDOR_TEST_DATA) + "/design/";
    for (const auto& row : ReadCsv(dir + "responses.csv")) {
      if (row.size() != 11) {
        ADD_FAILURE() << "responses.csv row with " << row.size() << " fields";
        continue;
      }
      f->score.push_back(std::stod(row[0]));
      f->account.push_back(std::stoi(row[1]));
      f->weight.push_back(std::stod(row[2]));
      f->region.push_back(std::stoi(row[3]));
      f->plan.push_back(std::stoi(row[4]));
      f->tenure.push_back(std::stod(row[5]));
      f->group.push_back(static_cast<int8_t>(std::stoi(row[6])));
      f->w_post.push_back(std::stod(row[7]));
      f->w_rake.push_back(std::stod(row[8]));
      f->w_linear.push_back(std::stod(row[9]));
      f->w_post_linear.push_back(std::stod(row[10]));
    }
    for (const auto& row : ReadCsv(dir + "reference.csv")) {
      if (row.size() == 2) f->reference[row[0]] = std::stod(row[1]);
    }
    return f;
  }();
  return *fixture;
}

double Ref(const std::string& name) {
  const auto it = Data().reference.find(name);
  EXPECT_NE(it, Data().reference.end()) << "no reference value " << name;
  return it == Data().reference.end() ? std::nan("") : it->second;
}

#define EXPECT_RELATIVE(actual, expected, tolerance)                      \
  EXPECT_NEAR(actual, expected, (tolerance)*std::fabs(expected) + 1e-300) \
      << #actual << " vs " << #expected

// model.matrix(~region_f + tenure): intercept, region 1..3 dummies, tenure.
CalibrationStep LinearStep(const std::vector<double>& before) {
  const Fixture& f = Data();
  CalibrationStep step;
  step.kind = CalibrationStep::Kind::kLinear;
  step.columns = 5;
  for (size_t i = 0; i < f.score.size(); ++i) {
    step.x.insert(step.x.end(), {1.0, f.region[i] == 1 ? 1.0 : 0.0, f.region[i] == 2 ? 1.0 : 0.0,
                                 f.region[i] == 3 ? 1.0 : 0.0, f.tenure[i]});
  }
  step.weights_before = before;
  return step;
}

CalibrationStep PostStep(const std::vector<double>& before) {
  CalibrationStep step;
  step.kind = CalibrationStep::Kind::kPostStratify;
  step.cells = {Data().region};
  step.weights_before = before;
  return step;
}

// One of R's designs: ids = ~account or ~1; calibration none, post, rake,
// linear or post_linear (post-stratified, then linearly calibrated).
struct Built {
  std::vector<CalibrationStep> steps;
  SurveyDesign design;
};

Built MakeDesign(const std::string& ids, const std::string& calibration) {
  const Fixture& f = Data();
  Built built;
  const std::vector<double>* final_weights = &f.weight;
  if (calibration == "post") {
    built.steps.push_back(PostStep(f.weight));
    final_weights = &f.w_post;
  } else if (calibration == "rake") {
    CalibrationStep step;
    step.kind = CalibrationStep::Kind::kRake;
    step.cells = {f.region, f.plan};
    step.weights_before = f.weight;
    built.steps.push_back(step);
    final_weights = &f.w_rake;
  } else if (calibration == "linear") {
    built.steps.push_back(LinearStep(f.weight));
    final_weights = &f.w_linear;
  } else if (calibration == "post_linear") {
    built.steps.push_back(PostStep(f.weight));
    built.steps.push_back(LinearStep(f.w_post));
    final_weights = &f.w_post_linear;
  }
  built.design.weights = final_weights->data();
  built.design.clusters = ids == "account" ? f.account.data() : nullptr;
  return built;
}

const char* const kIds[] = {"account", "flat"};
const char* const kCalibrations[] = {"none", "post", "rake", "linear", "post_linear"};

std::string Prefix(const std::string& ids, const std::string& calibration) {
  return ids + "." + calibration + ".";
}

TEST(DesignFixture, AccountsAnswerInBothGroups) {
  const Fixture& f = Data();
  ASSERT_EQ(f.score.size(), 400u);
  std::map<int32_t, int> seen;  // bit 1: group a, bit 2: group b
  for (size_t i = 0; i < f.score.size(); ++i) {
    if (f.group[i] == 0 || f.group[i] == 1) seen[f.account[i]] |= 1 << f.group[i];
  }
  int shared = 0;
  for (const auto& entry : seen) shared += entry.second == 3;
  EXPECT_GE(shared, 20) << "the contrast test needs accounts answering in both groups";
}

// svymean(~nps, design): NPS and top-2-box values and SEs.
TEST(EstimateDesign, MatchesSvymean) {
  const Fixture& f = Data();
  for (const char* ids : kIds) {
    for (const char* calibration : kCalibrations) {
      SCOPED_TRACE(Prefix(ids, calibration));
      const Built built = MakeDesign(ids, calibration);
      SurveyDesign design = built.design;
      design.calibration = &built.steps;
      const std::string prefix = Prefix(ids, calibration);
      Result<Estimate> nps =
          EstimateDesign(Metric::Nps(), f.score.data(), f.score.size(), design, Wald());
      ASSERT_TRUE(nps.ok()) << nps.status().message();
      EXPECT_RELATIVE(nps->value, 100 * Ref(prefix + "mean"), 1e-9);
      EXPECT_RELATIVE(nps->std_error, 100 * Ref(prefix + "se"), kRelative);
      const double z = 1.959963984540054;
      EXPECT_RELATIVE(nps->ci_low, 100 * (Ref(prefix + "mean") - z * Ref(prefix + "se")), 1e-6);
      EXPECT_RELATIVE(nps->ci_high, 100 * (Ref(prefix + "mean") + z * Ref(prefix + "se")), 1e-6);
      EXPECT_EQ(nps->n, 400);
      double sum = 0, squares = 0;
      for (size_t i = 0; i < f.score.size(); ++i) {
        sum += design.weights[i];
        squares += design.weights[i] * design.weights[i];
      }
      EXPECT_RELATIVE(nps->effective_n, sum * sum / squares, 1e-12);

      Result<Estimate> box = EstimateDesign(Metric::TopBox(0, 10, 2), f.score.data(),
                                            f.score.size(), design, IntervalOptions());
      ASSERT_TRUE(box.ok()) << box.status().message();
      EXPECT_RELATIVE(box->value, 100 * Ref(prefix + "top2.mean"), 1e-9);
      EXPECT_RELATIVE(box->std_error, 100 * Ref(prefix + "top2.se"), kRelative);
    }
  }
}

// The default (Jeffreys) under a design: R's standard error, and the Jeffreys
// interval on Korn and Graubard's effective counts, n_eff = sigma^2 / var.
TEST(EstimateDesign, JeffreysUsesTheDesignsEffectiveCounts) {
  const Fixture& f = Data();
  const Built built = MakeDesign(kIds[0], kCalibrations[0]);  // by account
  SurveyDesign design = built.design;
  design.calibration = &built.steps;
  const std::string prefix = Prefix(kIds[0], kCalibrations[0]);
  Result<Estimate> nps =
      EstimateDesign(Metric::Nps(), f.score.data(), f.score.size(), design, IntervalOptions());
  ASSERT_TRUE(nps.ok()) << nps.status().message();
  EXPECT_RELATIVE(nps->std_error, 100 * Ref(prefix + "se"), kRelative);
  double weight = 0, promoters = 0, detractors = 0;
  for (size_t i = 0; i < f.score.size(); ++i) {
    const double w = design.weights[i];
    weight += w;
    promoters += f.score[i] >= 9 ? w : 0;
    detractors += f.score[i] <= 6 ? w : 0;
  }
  const double p = promoters / weight, d = detractors / weight;
  const double se = Ref(prefix + "se");
  const double n_eff = std::min(((p + d) - (p - d) * (p - d)) / (se * se), 400.0);
  const double low = internal::NpsPosteriorQuantile(0.025, d * n_eff + 0.5,
                                                    (1 - p - d) * n_eff + 0.5, p * n_eff + 0.5);
  const double high = internal::NpsPosteriorQuantile(0.975, d * n_eff + 0.5,
                                                     (1 - p - d) * n_eff + 0.5, p * n_eff + 0.5);
  EXPECT_NEAR(nps->ci_low, 100 * low, 1e-4);
  EXPECT_NEAR(nps->ci_high, 100 * high, 1e-4);
  EXPECT_LT(nps->ci_low, nps->value);
  EXPECT_GT(nps->ci_high, nps->value);
}

// Calibration lowers (here: changes) the variance, and clusters raise it: the
// design is really used, not just the weights.
TEST(EstimateDesign, DesignChangesTheStandardError) {
  EXPECT_GT(Ref("account.none.se"), 1.2 * Ref("flat.none.se"));
  EXPECT_GT(std::fabs(Ref("account.post.se") - Ref("account.none.se")), 1e-3);
}

// Without clusters or calibration the call is EstimateScores', every method.
TEST(EstimateDesign, PlainWeightsDelegateToEstimateScores) {
  const Fixture& f = Data();
  SurveyDesign design;
  design.weights = f.weight.data();
  for (IntervalMethod method : {IntervalMethod::kWald, IntervalMethod::kAdjustedWald,
                                IntervalMethod::kBayes, IntervalMethod::kBootstrap}) {
    IntervalOptions options;
    options.method = method;
    options.replicates = 200;
    Result<Estimate> a =
        EstimateDesign(Metric::Nps(), f.score.data(), f.score.size(), design, options);
    Result<Estimate> b =
        EstimateScores(Metric::Nps(), f.score.data(), f.weight.data(), f.score.size(), options);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->value, b->value);
    EXPECT_EQ(a->std_error, b->std_error);
    EXPECT_EQ(a->ci_low, b->ci_low);
    EXPECT_EQ(a->ci_high, b->ci_high);
  }
  // An empty calibration list is no calibration.
  const std::vector<CalibrationStep> none;
  design.calibration = &none;
  Result<Estimate> flat =
      EstimateDesign(Metric::Nps(), f.score.data(), f.score.size(), design, IntervalOptions());
  ASSERT_TRUE(flat.ok());
  EXPECT_RELATIVE(flat->std_error, 100 * Ref("flat.none.se"), kRelative);
}

// Every response its own account is ids = ~1: the same variance as the
// weighted Wald estimate (a closed-form identity, independent of R).
TEST(EstimateDesign, SingletonClustersEqualNoClusters) {
  const Fixture& f = Data();
  std::vector<int32_t> own(f.score.size());
  for (size_t i = 0; i < own.size(); ++i) own[i] = static_cast<int32_t>(7 * i + 3);
  SurveyDesign design;
  design.weights = f.weight.data();
  design.clusters = own.data();
  Result<Estimate> clustered =
      EstimateDesign(Metric::Nps(), f.score.data(), f.score.size(), design, IntervalOptions());
  Result<Estimate> flat = EstimateScores(Metric::Nps(), f.score.data(), f.weight.data(),
                                         f.score.size(), IntervalOptions());
  ASSERT_TRUE(clustered.ok() && flat.ok());
  EXPECT_RELATIVE(clustered->std_error, flat->std_error, 1e-12);
}

// svyby(~nps, ~group) + svycontrast(c(1, -1)) on one design.
TEST(CompareGroups, MatchesDomainContrast) {
  const Fixture& f = Data();
  for (const char* ids : kIds) {
    for (const char* calibration : kCalibrations) {
      const std::string prefix = Prefix(ids, calibration);
      if (prefix == "flat.none.") continue;  // independent groups: below
      SCOPED_TRACE(prefix);
      const Built built = MakeDesign(ids, calibration);
      SurveyDesign design = built.design;
      design.calibration = &built.steps;
      Result<Comparison> c = CompareGroups(Metric::Nps(), f.score.data(), f.score.size(), design,
                                           f.group.data(), IntervalOptions());
      ASSERT_TRUE(c.ok()) << c.status().message();
      const double difference = Ref(prefix + "group.diff");
      const double se = Ref(prefix + "group.diff_se");
      EXPECT_RELATIVE(c->difference, 100 * difference, 1e-9);
      EXPECT_RELATIVE(c->std_error, 100 * se, kRelative);
      EXPECT_RELATIVE(c->p_value, std::erfc(std::fabs(difference / se) / std::sqrt(2.0)), 1e-6);
      EXPECT_RELATIVE(c->a.value, 100 * Ref(prefix + "group0.mean"), 1e-9);
      EXPECT_RELATIVE(c->a.std_error, 100 * Ref(prefix + "group0.se"), kRelative);
      EXPECT_RELATIVE(c->b.value, 100 * Ref(prefix + "group1.mean"), 1e-9);
      EXPECT_RELATIVE(c->b.std_error, 100 * Ref(prefix + "group1.se"), kRelative);
      int64_t in_a = 0;
      for (int8_t g : f.group) in_a += g == 0;
      EXPECT_EQ(c->a.n, in_a);
    }
  }
}

// Shared accounts make the groups correlated: the contrast SE is not the
// independent-groups sqrt(se_a^2 + se_b^2).
TEST(CompareGroups, SharedAccountsAreNotIndependent) {
  const double a = Ref("account.none.group0.se"), b = Ref("account.none.group1.se");
  EXPECT_GT(std::fabs(Ref("account.none.group.diff_se") - std::sqrt(a * a + b * b)),
            0.05 * Ref("account.none.group.diff_se"));
}

TEST(CompareGroups, PlainWeightsCompareIndependentGroups) {
  const Fixture& f = Data();
  SurveyDesign design;
  design.weights = f.weight.data();
  Result<Comparison> c = CompareGroups(Metric::Nps(), f.score.data(), f.score.size(), design,
                                       f.group.data(), IntervalOptions());
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_RELATIVE(c->difference, 100 * Ref("flat.none.group.diff"), 1e-9);
  EXPECT_RELATIVE(c->std_error, 100 * Ref("flat.none.group.independent_diff_se"), kRelative);
}

// Each region against the rest: svyby domain estimates and domain contrasts.
TEST(DesignBreakdown, MatchesSvybyDomains) {
  const Fixture& f = Data();
  for (const char* ids : kIds) {
    for (const char* calibration : kCalibrations) {
      const std::string prefix = Prefix(ids, calibration);
      SCOPED_TRACE(prefix);
      const Built built = MakeDesign(ids, calibration);
      SurveyDesign design = built.design;
      design.calibration = &built.steps;
      IntervalOptions options;
      options.threads = 2;
      Result<std::vector<BreakdownRow>> rows =
          Breakdown(Metric::Nps(), f.score.data(), f.score.size(), design, {f.region.data()},
                    options, PAdjust::kHolm);
      ASSERT_TRUE(rows.ok()) << rows.status().message();
      ASSERT_EQ(rows->size(), 4u);
      std::vector<double> p_values;
      for (int r = 0; r < 4; ++r) {
        const BreakdownRow& row = (*rows)[r];
        const std::string region = prefix + "region" + std::to_string(r);
        EXPECT_EQ(row.codes, std::vector<int32_t>{r});
        EXPECT_RELATIVE(row.estimate.value, 100 * Ref(region + ".mean"), 1e-9);
        EXPECT_RELATIVE(row.vs_rest.difference, 100 * Ref(region + ".vs_rest"), 1e-9);
        if (prefix == "flat.none.") {
          // Delegated to Breakdown: independent segment and rest.
          EXPECT_RELATIVE(row.vs_rest.std_error, 100 * Ref(region + ".independent_vs_rest_se"),
                          kRelative);
        } else {
          EXPECT_RELATIVE(row.estimate.std_error, 100 * Ref(region + ".se"), kRelative);
          EXPECT_RELATIVE(row.vs_rest.std_error, 100 * Ref(region + ".vs_rest_se"), kRelative);
          const double z = Ref(region + ".vs_rest") / Ref(region + ".vs_rest_se");
          EXPECT_RELATIVE(row.vs_rest.p_value, std::erfc(std::fabs(z) / std::sqrt(2.0)), 1e-6);
        }
        p_values.push_back(row.vs_rest.p_value);
      }
      const std::vector<double> holm = AdjustPValues(p_values, PAdjust::kHolm);
      for (int r = 0; r < 4; ++r) EXPECT_DOUBLE_EQ((*rows)[r].p_adjusted, holm[r]);
    }
  }
}

// Two segment columns: rows sorted by tuple; a thread count does not matter.
TEST(DesignBreakdown, TwoColumnsAndThreads) {
  const Fixture& f = Data();
  SurveyDesign design;
  design.weights = f.weight.data();
  design.clusters = f.account.data();
  IntervalOptions one, two;
  one.threads = 1;
  two.threads = 2;
  auto a = Breakdown(Metric::Nps(), f.score.data(), f.score.size(), design,
                     {f.region.data(), f.plan.data()}, one, PAdjust::kBenjaminiHochberg);
  auto b = Breakdown(Metric::Nps(), f.score.data(), f.score.size(), design,
                     {f.region.data(), f.plan.data()}, two, PAdjust::kBenjaminiHochberg);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->size(), 12u);
  for (size_t r = 0; r < a->size(); ++r) {
    EXPECT_EQ((*a)[r].codes,
              (std::vector<int32_t>{static_cast<int32_t>(r / 3), static_cast<int32_t>(r % 3)}));
    EXPECT_EQ((*a)[r].vs_rest.std_error, (*b)[r].vs_rest.std_error);
    EXPECT_EQ((*a)[r].p_adjusted, (*b)[r].p_adjusted);
  }
}

TEST(DesignBreakdown, EmptyRestGivesNaNRow) {
  const std::vector<double> scores = {10, 9, 3, 7};
  const std::vector<int32_t> accounts = {0, 0, 1, 1}, segment = {5, 5, 5, 5};
  SurveyDesign design;
  design.clusters = accounts.data();
  auto rows = Breakdown(Metric::Nps(), scores.data(), scores.size(), design, {segment.data()},
                        IntervalOptions(), PAdjust::kHolm);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_DOUBLE_EQ((*rows)[0].estimate.value, 25.0);
  EXPECT_TRUE(std::isnan((*rows)[0].vs_rest.difference));
  EXPECT_EQ((*rows)[0].vs_rest.p_value, 1.0);
  EXPECT_EQ((*rows)[0].p_adjusted, 1.0);
}

// Hand-computed: two accounts, unit weights, s = (1, 1, -1, 0). m = 1/4;
// e = (3/4, 3/4, -5/4, -1/4) / 4; z = (6/16, -6/16); var = 2 / 1 * 2 *
// (6/16)^2 = 144/256, SE = 12/16.
TEST(EstimateDesign, TwoAccountsByHand) {
  const std::vector<double> scores = {10, 9, 3, 7};
  const std::vector<int32_t> accounts = {4, 4, 9, 9};
  SurveyDesign design;
  design.clusters = accounts.data();
  Result<Estimate> e =
      EstimateDesign(Metric::Nps(), scores.data(), scores.size(), design, IntervalOptions());
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_DOUBLE_EQ(e->value, 25.0);
  EXPECT_NEAR(e->std_error, 100.0 * 12.0 / 16.0, 1e-10);
  EXPECT_EQ(e->effective_n, 4.0);
}

// Account codes far apart (hashed ids) take the sorting path rather than the
// direct table; the clusters, and so the variance, must be the same.
TEST(EstimateDesign, SparseClusterCodesEqualDenseOnes) {
  const std::vector<double> scores = {10, 9, 3, 7, 0, 10, 8, 6, 9};
  const std::vector<int32_t> dense = {0, 0, 1, 1, 2, 2, 2, 3, 1};
  std::vector<int32_t> sparse;
  for (int32_t code : dense) sparse.push_back(code * 600000000 + 7);
  SurveyDesign a, b;
  a.clusters = dense.data();
  b.clusters = sparse.data();
  Result<Estimate> ea = EstimateDesign(Metric::Nps(), scores.data(), scores.size(), a, {});
  Result<Estimate> eb = EstimateDesign(Metric::Nps(), scores.data(), scores.size(), b, {});
  ASSERT_TRUE(ea.ok() && eb.ok());
  EXPECT_GT(ea->std_error, 0);
  EXPECT_EQ(ea->std_error, eb->std_error);
}

TEST(DesignErrors, ClearStatuses) {
  const Fixture& f = Data();
  const size_t n = f.score.size();
  IntervalOptions wald;
  SurveyDesign design;
  design.weights = f.weight.data();
  design.clusters = f.account.data();

  IntervalOptions bayes;
  bayes.method = IntervalMethod::kBayes;
  Result<Estimate> unsupported = EstimateDesign(Metric::Nps(), f.score.data(), n, design, bayes);
  EXPECT_EQ(unsupported.status().code(), CANDOR_UNSUPPORTED);
  EXPECT_NE(unsupported.status().message().find("Wald"), std::string::npos);

  std::vector<int32_t> negative = f.account;
  negative[17] = -2;
  design.clusters = negative.data();
  Result<Estimate> bad = EstimateDesign(Metric::Nps(), f.score.data(), n, design, wald);
  EXPECT_EQ(bad.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(bad.status().message().find("index 17"), std::string::npos);

  const std::vector<int32_t> single(n, 3);
  design.clusters = single.data();
  bad = EstimateDesign(Metric::Nps(), f.score.data(), n, design, wald);
  EXPECT_EQ(bad.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(bad.status().message().find("single cluster"), std::string::npos);

  design.clusters = f.account.data();
  std::vector<CalibrationStep> steps = {PostStep(f.weight)};
  steps[0].weights_before.pop_back();
  design.calibration = &steps;
  bad = EstimateDesign(Metric::Nps(), f.score.data(), n, design, wald);
  EXPECT_EQ(bad.status().code(), CANDOR_LENGTH_MISMATCH);
  EXPECT_NE(bad.status().message().find("calibration step 0"), std::string::npos);

  steps = {PostStep(f.weight)};
  steps[0].cells[0][5] = -1;
  bad = EstimateDesign(Metric::Nps(), f.score.data(), n, design, wald);
  EXPECT_EQ(bad.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(bad.status().message().find("index 5"), std::string::npos);

  steps = {PostStep(f.weight)};
  steps[0].cells.push_back(f.plan);
  bad = EstimateDesign(Metric::Nps(), f.score.data(), n, design, wald);
  EXPECT_EQ(bad.status().code(), CANDOR_INVALID_ARGUMENT);

  steps = {PostStep(f.weight), LinearStep(f.w_post)};
  steps[1].x.resize(steps[1].x.size() - 1);
  bad = EstimateDesign(Metric::Nps(), f.score.data(), n, design, wald);
  EXPECT_EQ(bad.status().code(), CANDOR_LENGTH_MISMATCH);
  EXPECT_NE(bad.status().message().find("calibration step 1"), std::string::npos);

  steps = {LinearStep(f.weight)};
  steps[0].weights_before[9] = std::nan("");
  bad = EstimateDesign(Metric::Nps(), f.score.data(), n, design, wald);
  EXPECT_EQ(bad.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_NE(bad.status().message().find("index 9"), std::string::npos);

  design.calibration = nullptr;
  std::vector<double> scores = f.score;
  scores[3] = 4.5;
  bad = EstimateDesign(Metric::Nps(), scores.data(), n, design, wald);
  EXPECT_EQ(bad.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(bad.status().message().find("index 3"), std::string::npos);
  SurveyDesign weights_only;
  weights_only.weights = f.weight.data();
  Result<Comparison> split =
      CompareGroups(Metric::Nps(), scores.data(), n, weights_only, f.group.data(), wald);
  EXPECT_EQ(split.status().code(), CANDOR_OUT_OF_RANGE);
  EXPECT_NE(split.status().message().find("index 3"), std::string::npos);

  Result<Comparison> compare =
      CompareGroups(Metric::Nps(), f.score.data(), n, design, nullptr, wald);
  EXPECT_EQ(compare.status().code(), CANDOR_INVALID_ARGUMENT);
  const std::vector<int8_t> only_b(n, 1);
  compare = CompareGroups(Metric::Nps(), f.score.data(), n, design, only_b.data(), wald);
  EXPECT_EQ(compare.status().code(), CANDOR_EMPTY);
  EXPECT_NE(compare.status().message().find("group a"), std::string::npos);

  Result<std::vector<BreakdownRow>> rows =
      Breakdown(Metric::Nps(), f.score.data(), n, design, {nullptr}, wald, PAdjust::kNone);
  EXPECT_EQ(rows.status().code(), CANDOR_INVALID_ARGUMENT);
  rows =
      Breakdown(Metric::Nps(), f.score.data(), n, design, {f.region.data()}, bayes, PAdjust::kNone);
  EXPECT_EQ(rows.status().code(), CANDOR_UNSUPPORTED);
}

}  // namespace
}  // namespace candor
