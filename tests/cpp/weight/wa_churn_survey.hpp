// The wa_churn population (the 7,043 customers of the IBM Watson telco churn
// sample, tests/data/wa_churn, from R's modeldata) and a survey simulated on
// it, for weight_wa_churn_test.cc. The example
// examples/cpp/nonresponse_wa_churn.cc simulates the same survey with its own
// copy of the model (an example stands alone; a test never includes one).
#ifndef CANDOR_TESTS_CPP_WEIGHT_WA_CHURN_SURVEY_HPP_
#define CANDOR_TESTS_CPP_WEIGHT_WA_CHURN_SURVEY_HPP_

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace wa_churn {

inline const std::vector<std::string> kContracts = {"Month-to-month", "One year", "Two year"};
inline const std::vector<std::string> kInternet = {"DSL", "Fiber optic", "No"};
inline const std::vector<std::string> kPayments = {
    "Bank transfer (automatic)", "Credit card (automatic)", "Electronic check", "Mailed check"};

// The columns used, categorical ones as codes into the lists above.
struct Customers {
  std::vector<int32_t> contract, internet, payment, churned;
  std::vector<double> tenure, monthly_charges, senior;
  size_t size() const { return tenure.size(); }
};

inline int32_t CodeOf(const std::vector<std::string>& labels, const std::string& label) {
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == label) return static_cast<int32_t>(i);
  }
  return -1;
}

// The file quotes text fields and has no commas or quotes inside them (20
// fields on every line), so a plain split suffices.
inline std::vector<std::string> SplitLine(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');) {
    if (field.size() >= 2 && field.front() == '"') field = field.substr(1, field.size() - 2);
    fields.push_back(field);
  }
  return fields;
}

inline bool ParseNumber(const std::string& text, double* out) {
  errno = 0;
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size() && errno == 0 && std::isfinite(*out);
}

// Loads the population into *c; returns "" or an error message naming the
// line and column.
inline std::string LoadCustomers(const std::string& path, Customers* c) {
  std::ifstream in(path);
  if (!in) return "cannot open " + path;
  std::string line;
  if (!std::getline(in, line)) return path + ": no header";
  const std::vector<std::string> header = SplitLine(line);
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
  for (const char* name : {"contract", "internet_service", "payment_method", "churn", "tenure",
                           "monthly_charges", "senior_citizen"}) {
    if (column.count(name) == 0) return path + ": no column " + name;
  }
  for (int line_number = 2; std::getline(in, line); ++line_number) {
    const std::string where = path + ":" + std::to_string(line_number) + ": ";
    const std::vector<std::string> f = SplitLine(line);
    if (f.size() != header.size()) {
      return where + std::to_string(f.size()) + " fields, header has " +
             std::to_string(header.size());
    }
    const int32_t contract = CodeOf(kContracts, f[column["contract"]]);
    const int32_t internet = CodeOf(kInternet, f[column["internet_service"]]);
    const int32_t payment = CodeOf(kPayments, f[column["payment_method"]]);
    if (contract < 0) return where + "unknown contract \"" + f[column["contract"]] + "\"";
    if (internet < 0)
      return where + "unknown internet_service \"" + f[column["internet_service"]] + "\"";
    if (payment < 0)
      return where + "unknown payment_method \"" + f[column["payment_method"]] + "\"";
    double tenure, charges, senior;
    for (auto [name, value] : {std::pair<const char*, double*>{"tenure", &tenure},
                               {"monthly_charges", &charges},
                               {"senior_citizen", &senior}}) {
      if (!ParseNumber(f[column[name]], value)) {
        return where + "column " + name + ": not a number: \"" + f[column[name]] + "\"";
      }
    }
    c->contract.push_back(contract);
    c->internet.push_back(internet);
    c->payment.push_back(payment);
    c->churned.push_back(f[column["churn"]] == "Yes" ? 1 : 0);
    c->tenure.push_back(tenure);
    c->monthly_charges.push_back(charges);
    c->senior.push_back(senior);
  }
  if (c->size() == 0) return path + ": no customers";
  return "";
}

inline double Uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// The simulated survey: a response flag and a 0..10 score for every customer
// (the population's NPS is over all of them; only the respondents' scores
// are observed). The model:
// logit P(respond) = -1.6 + (-0.6, 0, +0.5 by contract) + 0.02 (tenure - 32);
// P(promoter) = 0.12 churned / 0.38 stayed, + (0, 0.08, 0.15) by contract;
// P(detractor) = 0.55 churned / 0.22 stayed, - (0, 0.05, 0.10) by contract.
struct Survey {
  std::vector<uint8_t> responded;
  std::vector<double> score;
};

inline Survey SimulateSurvey(const Customers& c, uint64_t seed) {
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
inline double PopulationNps(const std::vector<double>& scores) {
  double sum = 0;
  for (double x : scores) sum += x >= 9 ? 1 : (x <= 6 ? -1 : 0);
  return 100 * sum / static_cast<double>(scores.size());
}

}  // namespace wa_churn

#endif  // CANDOR_TESTS_CPP_WEIGHT_WA_CHURN_SURVEY_HPP_
