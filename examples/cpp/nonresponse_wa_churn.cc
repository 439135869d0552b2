// Nonresponse correction on a real customer base, as a short report.
//
// The invited population is real: the 7,043 customers of the IBM Watson telco
// churn sample (tests/data/wa_churn, from R's modeldata). The survey is not:
// who responds and what they score are SIMULATED on top of the real
// covariates (seeded), because the data set has no survey. Responding depends
// on contract and tenure (long-contract, long-tenure customers answer more);
// the score depends on churn and contract (churners are mostly detractors).
// So the true NPS of the whole population is known, and the report can show
// how far the naive respondent NPS is from it and what weighting recovers.
//
// Usage: example_nonresponse_wa_churn [path/to/wa_churn.csv]
#include <candor/score.hpp>
#include <candor/weight.hpp>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "wa_churn_survey.hpp"

namespace {

using candor::Result;
using wa_churn::Customers;
using wa_churn::kContracts;
using wa_churn::Survey;

int Fail(const std::string& what, const candor::Status& status) {
  std::fprintf(stderr, "%s: %s\n", what.c_str(), status.message().c_str());
  return 1;
}

void PrintEstimate(const char* label, const candor::Estimate& e, double truth) {
  std::printf("  %-36s %6.1f  [%6.1f, %6.1f]  off by %+5.1f\n", label, e.value, e.ci_low, e.ci_high,
              e.value - truth);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : CANDOR_WA_CHURN_CSV;
  Customers customers;
  const std::string error = wa_churn::LoadCustomers(path, &customers);
  if (!error.empty()) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  const Survey survey = wa_churn::SimulateSurvey(customers, 20240601);
  const size_t invited = customers.size();

  std::vector<double> scores;
  std::vector<int32_t> contract, internet;
  for (size_t i = 0; i < invited; ++i) {
    if (!survey.responded[i]) continue;
    scores.push_back(survey.score[i]);
    contract.push_back(customers.contract[i]);
    internet.push_back(customers.internet[i]);
  }
  const double truth = wa_churn::PopulationNps(survey.score);

  std::printf(
      "Nonresponse report: %zu invited customers (real: IBM telco churn sample),\n"
      "%zu responses. Responses and scores are SIMULATED on the real covariates.\n\n",
      invited, scores.size());

  // Who answered.
  Result<std::vector<candor::ResponseRate>> rates =
      candor::ResponseRates(survey.responded.data(), customers.contract.data(), invited, 0.95);
  if (!rates.ok()) return Fail("response rates", rates.status());
  std::printf("Response rate by contract (95%% Wilson intervals)\n");
  for (const candor::ResponseRate& r : *rates) {
    std::printf("  %-16s %5lld / %5lld  %5.1f%%  [%4.1f%%, %4.1f%%]\n", kContracts[r.code].c_str(),
                static_cast<long long>(r.responded), static_cast<long long>(r.invited),
                100 * r.rate, 100 * r.ci_low, 100 * r.ci_high);
  }

  // Raking to the contract and internet_service margins of the population.
  std::vector<double> contract_totals(3, 0.0), internet_totals(3, 0.0);
  for (size_t i = 0; i < invited; ++i) {
    contract_totals[customers.contract[i]] += 1;
    internet_totals[customers.internet[i]] += 1;
  }
  const std::vector<candor::Margin> margins = {
      {contract.data(), contract_totals, "contract"},
      {internet.data(), internet_totals, "internet_service"}};
  Result<candor::CalibrationResult> rake =
      candor::Rake(nullptr, scores.size(), margins, candor::RakeOptions());
  if (!rake.ok()) return Fail("raking", rake.status());

  // Inverse-propensity weights from a logistic model of responding.
  const std::vector<candor::Covariate> covariates = {
      {"contract", nullptr, customers.contract.data(), 3},
      {"tenure", customers.tenure.data(), nullptr, 0},
      {"monthly_charges", customers.monthly_charges.data(), nullptr, 0},
      {"internet_service", nullptr, customers.internet.data(), 3},
      {"senior_citizen", customers.senior.data(), nullptr, 0}};
  Result<candor::IpwResult> ipw = candor::InversePropensityWeights(
      survey.responded.data(), invited, covariates, candor::IpwOptions());
  if (!ipw.ok()) return Fail("propensity model", ipw.status());

  const candor::Metric nps = candor::Metric::Nps();
  const candor::IntervalOptions wald;
  std::vector<candor::CalibrationStep> steps = {rake->step};
  candor::SurveyDesign raked_design;
  raked_design.weights = rake->weights.data();
  raked_design.calibration = &steps;
  candor::SurveyDesign ipw_design;
  ipw_design.weights = ipw->weights.data();
  Result<candor::Estimate> naive =
      candor::EstimateDesign(nps, scores.data(), scores.size(), candor::SurveyDesign(), wald);
  Result<candor::Estimate> raked =
      candor::EstimateDesign(nps, scores.data(), scores.size(), raked_design, wald);
  Result<candor::Estimate> weighted =
      candor::EstimateDesign(nps, scores.data(), scores.size(), ipw_design, wald);
  if (!naive.ok()) return Fail("naive NPS", naive.status());
  if (!raked.ok()) return Fail("raked NPS", raked.status());
  if (!weighted.ok()) return Fail("IPW NPS", weighted.status());

  std::printf("\nNPS (95%% intervals); the population's NPS is %.1f (known: simulated)\n", truth);
  PrintEstimate("naive (respondents as they are)", *naive, truth);
  PrintEstimate("raked: contract, internet_service", *raked, truth);
  PrintEstimate("IPW: contract, tenure, charges, ...", *weighted, truth);
  std::printf(
      "  Raking cannot correct for tenure, which it does not see; IPW's interval\n"
      "  treats the weights as fixed (weighted linearization).\n");

  std::printf("\nWeights          design effect  effective n  max/min\n");
  for (auto [label, summary] :
       {std::pair<const char*, candor::WeightSummary>{"raked", rake->summary},
        {"IPW", ipw->summary}}) {
    std::printf("  %-14s %13.2f  %11.0f  %7.1f\n", label, summary.design_effect,
                summary.effective_n, summary.max_to_min);
  }

  // Balance: IPW's own, and the raked weights on the same covariates.
  Result<std::vector<candor::Balance>> raked_balance =
      candor::CovariateBalance(survey.responded.data(), invited, covariates, rake->weights.data());
  if (!raked_balance.ok()) return Fail("balance", raked_balance.status());
  std::printf(
      "\nBalance: |standardized mean difference| from the population (< 0.1 is good)\n"
      "  %-22s %8s %8s %8s\n",
      "covariate", "before", "raked", "IPW");
  for (size_t i = 0; i < ipw->balance.size(); ++i) {
    const candor::Balance& b = ipw->balance[i];
    std::printf("  %-22s %8.3f %8.3f %8.3f\n", b.variable.c_str(), b.asmd_before,
                (*raked_balance)[i].asmd_after, b.asmd_after);
  }
  return 0;
}
