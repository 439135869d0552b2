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

#include <algorithm>
#include <candor/score.hpp>
#include <candor/weight.hpp>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "wa_churn_survey.hpp"  // the loader and the simulated survey

namespace candor {
namespace {

using wa_churn::Customers;
using wa_churn::Survey;

class WaChurnTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string error = wa_churn::LoadCustomers(
        std::string(CANDOR_TEST_DATA) + "/wa_churn/wa_churn.csv", &customers_);
    ASSERT_TRUE(error.empty()) << error;
    ASSERT_EQ(customers_.size(), 7043u);
    survey_ = wa_churn::SimulateSurvey(customers_, 20240601);
    for (size_t i = 0; i < customers_.size(); ++i) {
      if (!survey_.responded[i]) continue;
      scores_.push_back(survey_.score[i]);
      contract_.push_back(customers_.contract[i]);
      internet_.push_back(customers_.internet[i]);
    }
    truth_ = wa_churn::PopulationNps(survey_.score);
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
