// Nonresponse correction on a real customer population: the 7,043 customers
// of the IBM Watson telco churn sample (tests/data/wa_churn) are the invited
// population. Their covariates are real; who responds and what they score are
// SIMULATED on top of them (seeded), since the data has no survey:
//  - responding: logit p = -1.6 + contract effect (month-to-month -0.6,
//    one year 0, two year +0.5) + 0.02 * (tenure - 32), about 5% to 45%;
//  - the NPS score: churned customers are mostly detractors, and longer
//    contracts hold more promoters.
// Responses are missing at random given contract and tenure, so IPW on a
// model containing them removes the bias; raking to the contract and
// internet_service margins (which leave tenure out) can remove only part.
#include <gtest/gtest.h>

#include <candor/score.hpp>
#include <candor/weight.hpp>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace candor {
namespace {

const std::vector<std::string> kContracts = {"Month-to-month", "One year", "Two year"};
const std::vector<std::string> kInternet = {"DSL", "Fiber optic", "No"};
const std::vector<std::string> kPayments = {"Bank transfer (automatic)", "Credit card (automatic)",
                                            "Electronic check", "Mailed check"};

// The columns the test uses, categorical ones as codes into the lists above.
struct Customers {
  std::vector<int32_t> contract, internet, payment, churned;
  std::vector<double> tenure, monthly_charges, senior;
  size_t size() const { return tenure.size(); }
};

int32_t CodeOf(const std::vector<std::string>& labels, const std::string& label) {
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == label) return static_cast<int32_t>(i);
  }
  return -1;
}

// The file quotes text fields and has no commas or quotes inside them (20
// fields on every line), so a plain split suffices.
std::vector<std::string> SplitLine(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');) {
    if (field.size() >= 2 && field.front() == '"') field = field.substr(1, field.size() - 2);
    fields.push_back(field);
  }
  return fields;
}

// Loads the population; on a malformed line it stops and leaves *error set.
Customers LoadCustomers(std::string* error) {
  Customers c;
  const std::string path = std::string(CANDOR_TEST_DATA) + "/wa_churn/wa_churn.csv";
  std::ifstream in(path);
  if (!in) {
    *error = "cannot open " + path;
    return c;
  }
  std::string line;
  std::getline(in, line);
  std::map<std::string, size_t> column;
  const std::vector<std::string> header = SplitLine(line);
  for (size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
  for (const char* name : {"contract", "internet_service", "payment_method", "churn", "tenure",
                           "monthly_charges", "senior_citizen"}) {
    if (column.count(name) == 0) {
      *error = std::string("no column ") + name;
      return c;
    }
  }
  for (int line_number = 2; std::getline(in, line); ++line_number) {
    const std::vector<std::string> f = SplitLine(line);
    if (f.size() != header.size()) {
      *error = "line " + std::to_string(line_number) + ": " + std::to_string(f.size()) + " fields";
      return c;
    }
    c.contract.push_back(CodeOf(kContracts, f[column["contract"]]));
    c.internet.push_back(CodeOf(kInternet, f[column["internet_service"]]));
    c.payment.push_back(CodeOf(kPayments, f[column["payment_method"]]));
    c.churned.push_back(f[column["churn"]] == "Yes" ? 1 : 0);
    c.tenure.push_back(std::stod(f[column["tenure"]]));
    c.monthly_charges.push_back(std::stod(f[column["monthly_charges"]]));
    c.senior.push_back(std::stod(f[column["senior_citizen"]]));
    if (c.contract.back() < 0 || c.internet.back() < 0 || c.payment.back() < 0) {
      *error = "line " + std::to_string(line_number) + ": unknown category";
      return c;
    }
  }
  return c;
}

double Uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// The simulated survey: a response flag for every customer and a 0..10 score
// for every customer (the population's NPS is over all of them; only the
// respondents' scores are observed).
struct Survey {
  std::vector<uint8_t> responded;
  std::vector<double> score;
};

Survey SimulateSurvey(const Customers& c, uint64_t seed) {
  const double kContractLogit[3] = {-0.6, 0.0, 0.5};
  const double kContractPromoter[3] = {0.0, 0.08, 0.15};
  const double kContractDetractor[3] = {0.0, -0.05, -0.10};
  std::mt19937_64 rng(seed);
  Survey s;
  for (size_t i = 0; i < c.size(); ++i) {
    const int k = c.contract[i];
    const double logit = -1.6 + kContractLogit[k] + 0.02 * (c.tenure[i] - 32);
    s.responded.push_back(Uniform(rng) < 1 / (1 + std::exp(-logit)) ? 1 : 0);
    const double promoter = (c.churned[i] ? 0.12 : 0.38) + kContractPromoter[k];
    const double detractor = (c.churned[i] ? 0.55 : 0.22) + kContractDetractor[k];
    const double u = Uniform(rng);
    const double v = Uniform(rng);
    if (u < detractor) {
      s.score.push_back(std::floor(v * 7));
    } else if (u < detractor + promoter) {
      s.score.push_back(9 + std::floor(v * 2));
    } else {
      s.score.push_back(7 + std::floor(v * 2));
    }
  }
  return s;
}

// The population's NPS from the scores, counted directly (independent of the
// library's estimators).
double PopulationNps(const std::vector<double>& scores) {
  double sum = 0;
  for (double x : scores) sum += x >= 9 ? 1 : (x <= 6 ? -1 : 0);
  return 100 * sum / static_cast<double>(scores.size());
}

class WaChurnTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    customers_ = LoadCustomers(&error);
    ASSERT_TRUE(error.empty()) << error;
    ASSERT_EQ(customers_.size(), 7043u);
    survey_ = SimulateSurvey(customers_, 20240601);
    for (size_t i = 0; i < customers_.size(); ++i) {
      if (!survey_.responded[i]) continue;
      scores_.push_back(survey_.score[i]);
      contract_.push_back(customers_.contract[i]);
      internet_.push_back(customers_.internet[i]);
    }
    truth_ = PopulationNps(survey_.score);
  }

  std::vector<Covariate> Covariates() const {
    return {{"contract", nullptr, customers_.contract.data(), 3},
            {"tenure", customers_.tenure.data(), nullptr, 0},
            {"monthly_charges", customers_.monthly_charges.data(), nullptr, 0},
            {"internet_service", nullptr, customers_.internet.data(), 3},
            {"payment_method", nullptr, customers_.payment.data(), 4},
            {"senior_citizen", customers_.senior.data(), nullptr, 0}};
  }

  Estimate MustEstimate(const SurveyDesign& design) const {
    Result<Estimate> e =
        EstimateDesign(Metric::Nps(), scores_.data(), scores_.size(), design, IntervalOptions());
    EXPECT_TRUE(e.ok()) << e.status().message();
    return e.ok() ? *e : Estimate();
  }

  Customers customers_;
  Survey survey_;
  std::vector<double> scores_;                // respondents, population order
  std::vector<int32_t> contract_, internet_;  // respondents
  double truth_ = 0;
};

TEST_F(WaChurnTest, IpwConvergesBalancesAndMovesTowardThePopulationNps) {
  Result<IpwResult> fit = InversePropensityWeights(survey_.responded.data(), customers_.size(),
                                                   Covariates(), IpwOptions());
  ASSERT_TRUE(fit.ok()) << fit.status().message();
  EXPECT_TRUE(fit->converged);
  ASSERT_EQ(fit->weights.size(), scores_.size());

  // Balance: every covariate and level within 0.1 ASMD of the population
  // after weighting, and some clearly off before (else the check is empty).
  double worst_before = 0;
  ASSERT_EQ(fit->balance.size(), 13u);  // 3 + 1 + 1 + 3 + 4 + 1 rows
  for (const Balance& b : fit->balance) {
    EXPECT_LT(b.asmd_after, 0.1) << b.variable;
    worst_before = std::max(worst_before, b.asmd_before);
  }
  EXPECT_GT(worst_before, 0.2);

  SurveyDesign weighted;
  weighted.weights = fit->weights.data();
  const Estimate naive = MustEstimate(SurveyDesign());
  const Estimate corrected = MustEstimate(weighted);
  std::cout << "population NPS " << truth_ << ", respondents " << scores_.size() << "\n"
            << "naive " << naive.value << " [" << naive.ci_low << ", " << naive.ci_high << "]\n"
            << "IPW   " << corrected.value << " [" << corrected.ci_low << ", " << corrected.ci_high
            << "], worst ASMD before " << worst_before << "\n";
  EXPECT_LT(std::fabs(corrected.value - truth_), std::fabs(naive.value - truth_));
}

TEST_F(WaChurnTest, RakingReproducesContractAndInternetMargins) {
  std::vector<double> contract_totals(3, 0.0), internet_totals(3, 0.0);
  for (size_t i = 0; i < customers_.size(); ++i) {
    contract_totals[customers_.contract[i]] += 1;
    internet_totals[customers_.internet[i]] += 1;
  }
  const std::vector<Margin> margins = {{contract_.data(), contract_totals, "contract"},
                                       {internet_.data(), internet_totals, "internet_service"}};
  Result<CalibrationResult> rake = Rake(nullptr, scores_.size(), margins, RakeOptions());
  ASSERT_TRUE(rake.ok()) << rake.status().message();
  ASSERT_TRUE(rake->converged);

  // Weighted totals, summed here, against the population counts.
  std::vector<double> contract_sums(3, 0.0), internet_sums(3, 0.0);
  for (size_t i = 0; i < scores_.size(); ++i) {
    contract_sums[contract_[i]] += rake->weights[i];
    internet_sums[internet_[i]] += rake->weights[i];
  }
  for (int k = 0; k < 3; ++k) {
    EXPECT_NEAR(contract_sums[k], contract_totals[k], 1e-8 * contract_totals[k]) << k;
    EXPECT_NEAR(internet_sums[k], internet_totals[k], 1e-8 * internet_totals[k]) << k;
  }

  std::vector<CalibrationStep> steps = {rake->step};
  SurveyDesign raked;
  raked.weights = rake->weights.data();
  raked.calibration = &steps;
  const Estimate naive = MustEstimate(SurveyDesign());
  const Estimate corrected = MustEstimate(raked);
  std::cout << "raked " << corrected.value << " [" << corrected.ci_low << ", " << corrected.ci_high
            << "] vs naive " << naive.value << ", population " << truth_ << "\n";
  // Contract carries part of the bias, so raking on it moves toward the truth.
  EXPECT_LT(std::fabs(corrected.value - truth_), std::fabs(naive.value - truth_));
}

}  // namespace
}  // namespace candor
