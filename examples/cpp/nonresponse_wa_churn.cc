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
#include <candor/csv.hpp>
#include <candor/score.hpp>
#include <candor/weight.hpp>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using candor::Result;

const std::vector<std::string> kContracts = {"Month-to-month", "One year", "Two year"};
const std::vector<std::string> kInternet = {"DSL", "Fiber optic", "No"};
const std::vector<std::string> kPayments = {"Bank transfer (automatic)", "Credit card (automatic)",
                                            "Electronic check", "Mailed check"};

// The columns used, categorical ones as codes into the lists above.
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

bool ParseNumber(const std::string& text, double* out) {
  errno = 0;
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size() && errno == 0 && std::isfinite(*out);
}

// Loads the population into *c with the library's CSV reader
// (candor::ParseCsvColumns); returns "" or an error message.
std::string LoadCustomers(const std::string& path, Customers* c) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot open " + path;
  std::stringstream data;
  data << in.rdbuf();
  const std::vector<std::string> names = {"contract", "internet_service", "payment_method", "churn",
                                          "tenure",   "monthly_charges",  "senior_citizen"};
  Result<std::vector<std::vector<std::string>>> columns =
      candor::ParseCsvColumns(data.str(), names);
  if (!columns.ok()) return path + ": " + columns.status().message();
  const std::vector<std::vector<std::string>>& f = *columns;
  for (size_t i = 0; i < f[0].size(); ++i) {
    const std::string where = path + ": customer " + std::to_string(i + 1) + ": ";
    const int32_t contract = CodeOf(kContracts, f[0][i]);
    const int32_t internet = CodeOf(kInternet, f[1][i]);
    const int32_t payment = CodeOf(kPayments, f[2][i]);
    if (contract < 0) return where + "unknown contract \"" + f[0][i] + "\"";
    if (internet < 0) return where + "unknown internet_service \"" + f[1][i] + "\"";
    if (payment < 0) return where + "unknown payment_method \"" + f[2][i] + "\"";
    double numbers[3];
    for (int k = 0; k < 3; ++k) {
      if (!ParseNumber(f[4 + k][i], &numbers[k])) {
        return where + "column " + names[4 + k] + ": not a number: \"" + f[4 + k][i] + "\"";
      }
    }
    c->contract.push_back(contract);
    c->internet.push_back(internet);
    c->payment.push_back(payment);
    c->churned.push_back(f[3][i] == "Yes" ? 1 : 0);
    c->tenure.push_back(numbers[0]);
    c->monthly_charges.push_back(numbers[1]);
    c->senior.push_back(numbers[2]);
  }
  if (c->size() == 0) return path + ": no customers";
  return "";
}

double Uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// The simulated survey: a response flag and a 0..10 score for every customer
// (the population's NPS is over all of them; only the respondents' scores
// are observed). The model:
// logit P(respond) = -1.6 + (-0.6, 0, +0.5 by contract) + 0.02 (tenure - 32);
// P(promoter) = 0.12 churned / 0.38 stayed, + (0, 0.08, 0.15) by contract;
// P(detractor) = 0.55 churned / 0.22 stayed, - (0, 0.05, 0.10) by contract.
// tests/cpp/weight/wa_churn_survey.hpp simulates the same survey for the
// tests of these weights.
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

// The population's NPS from the scores, counted directly.
double PopulationNps(const std::vector<double>& scores) {
  double sum = 0;
  for (double x : scores) sum += x >= 9 ? 1 : (x <= 6 ? -1 : 0);
  return 100 * sum / static_cast<double>(scores.size());
}

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
  const std::string error = LoadCustomers(path, &customers);
  if (!error.empty()) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  const Survey survey = SimulateSurvey(customers, 20240601);
  const size_t invited = customers.size();

  std::vector<double> scores;
  std::vector<int32_t> contract, internet;
  for (size_t i = 0; i < invited; ++i) {
    if (!survey.responded[i]) continue;
    scores.push_back(survey.score[i]);
    contract.push_back(customers.contract[i]);
    internet.push_back(customers.internet[i]);
  }
  const double truth = PopulationNps(survey.score);

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
