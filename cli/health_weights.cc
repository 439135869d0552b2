// candor health --suggest-weights: reads churn, calls SuggestHealthWeights
// (SuggestHealthWeightsAsOf with --as-of) and prints per measure the coefficient, the suggested and
// the current weight, then the out-of-fold AUC of the suggested weights against the AUC of the
// scorecard's score and their paired DeLong test.
#include "health_weights.hpp"

#include <cmath>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "format.hpp"

namespace candor::cli {
namespace {

SuggestWeightsOptions OptionsFor(const HealthArgs& args) {
  SuggestWeightsOptions options;
  options.folds = args.folds.value_or(options.folds);
  options.l2_penalty = args.l2_penalty.value_or(options.l2_penalty);
  options.level = args.level;
  return options;
}

struct WeightsReport {
  const Scorecard& card;
  const SuggestedWeights& weights;
};

std::string AucText(const Auc& auc, double level) {
  return FormatFixed(auc.value, 3) + " " + FormatInterval(auc.ci_low, auc.ci_high, 3) + " (" +
         FormatLevel(level) + (auc.hanley_mcneil_interval ? " Hanley-McNeil" : " DeLong");
}

int PrintTable(const HealthArgs& args, const WeightsReport& r) {
  const SuggestedWeights& w = r.weights;
  std::cout << "Suggested weights for " << args.scorecard << " from churn ('" << args.churn_column
            << "': " << w.auc.n_positive << " churned of " << w.auc.n_positive + w.auc.n_negative
            << " scored accounts";
  if (w.excluded > 0) std::cout << "; " << w.excluded << " without data left out";
  if (!args.as_of.empty()) {
    std::cout << ";\n  the measures as of " << args.as_of << ", from the rows before it; "
              << w.not_yet_customers << " accounts first seen at or after it left out";
  }
  std::cout << ")\n"
            << "  L2 logistic regression of churn on the standardized points, penalty "
            << FormatFixed(OptionsFor(args).l2_penalty, 3) << "\n\n";
  TextTable table({"measure", "coef per SD", "per point", "suggested", "current", "imputed", ""},
                  1);
  table.SetLeftAligned(6);
  for (size_t m = 0; m < w.measures; ++m) {
    table.AddRow({r.card.measures[m].name, FormatSigned(w.coefficient[m], 3),
                  FormatSigned(w.coefficient_per_point[m], 4),
                  FormatFixed(w.suggested_weight[m], 1), FormatFixed(w.current_weight[m], 1),
                  std::to_string(w.imputed[m]),
                  w.flagged[m] ? "flagged: more points, more churn" : ""});
  }
  std::cout << table.Render() << "\n";
  std::cout << "  coefficient: change in the log-odds of churn per SD of points (negative:\n"
            << "  points go with less churn); suggested weight: the negative coefficients per\n"
            << "  point scaled to sum 100; current: the scorecard's nominal share\n\n";
  std::cout << "Out-of-fold evidence (" << OptionsFor(args).folds
            << " folds stratified by churn;\n  each fold predicted by the model fitted to the "
            << "others, never in-sample)\n";
  std::cout << "  AUC of the suggested weights " << AucText(w.auc, args.level) << ")\n";
  std::cout << "  AUC of the scorecard's score " << AucText(w.current_auc, args.level)
            << "; fitted to nothing, so out of sample as is)\n";
  const AucComparison& c = w.comparison;
  std::cout << "  difference " << FormatSigned(c.difference, 3) << " "
            << FormatInterval(c.ci_low, c.ci_high, 3) << ", p " << FormatP(c.p_value)
            << " (paired DeLong)\n";
  return kExitOk;
}

nlohmann::json AucJson(const Auc& auc) {
  return {{"value", auc.value},           {"std_error", NumberOrNull(auc.std_error)},
          {"ci_low", auc.ci_low},         {"ci_high", auc.ci_high},
          {"level", auc.level},           {"n_positive", auc.n_positive},
          {"n_negative", auc.n_negative}, {"hanley_mcneil_interval", auc.hanley_mcneil_interval}};
}

int PrintJson(const HealthArgs& args, const WeightsReport& r) {
  const SuggestedWeights& w = r.weights;
  nlohmann::json measures = nlohmann::json::array();
  for (size_t m = 0; m < w.measures; ++m) {
    measures.push_back({{"measure", r.card.measures[m].name},
                        {"coefficient", w.coefficient[m]},
                        {"coefficient_per_point", w.coefficient_per_point[m]},
                        {"suggested_weight", w.suggested_weight[m]},
                        {"current_weight", w.current_weight[m]},
                        {"flagged", w.flagged[m] != 0},
                        {"point_mean", NumberOrNull(w.point_mean[m])},
                        {"point_sd", w.point_sd[m]},
                        {"imputed", w.imputed[m]}});
  }
  const AucComparison& c = w.comparison;
  nlohmann::json out = {{"scorecard", args.scorecard},
                        {"churn_column", args.churn_column},
                        {"l2_penalty", OptionsFor(args).l2_penalty},
                        {"folds", OptionsFor(args).folds},
                        {"intercept", w.intercept},
                        {"excluded", w.excluded},
                        {"weights", measures},
                        {"auc", AucJson(w.auc)},
                        {"current_auc", AucJson(w.current_auc)},
                        {"comparison",
                         {{"difference", c.difference},
                          {"std_error", c.std_error},
                          {"ci_low", NumberOrNull(c.ci_low)},
                          {"ci_high", NumberOrNull(c.ci_high)},
                          {"z", NumberOrNull(c.z)},
                          {"p_value", NumberOrNull(c.p_value)},
                          {"correlation", NumberOrNull(c.correlation)},
                          {"a", "suggested weights, out of fold"},
                          {"b", "the scorecard's score"}}}};
  if (!args.as_of.empty()) {
    out["as_of"] = args.as_of;
    out["not_yet_customers"] = w.not_yet_customers;
  }
  std::cout << DumpJson(out) << "\n";
  return kExitOk;
}

int PrintCsv(const HealthArgs& args, const WeightsReport& r) {
  const SuggestedWeights& w = r.weights;
  std::cout << CsvRow({"measure", "coefficient", "coefficient_per_point", "suggested_weight",
                       "current_weight", "flagged", "imputed"},
                      args.delimiter);
  for (size_t m = 0; m < w.measures; ++m) {
    std::cout << CsvRow(
        {r.card.measures[m].name, RoundTrip(w.coefficient[m]),
         RoundTrip(w.coefficient_per_point[m]), RoundTrip(w.suggested_weight[m]),
         RoundTrip(w.current_weight[m]), w.flagged[m] ? "1" : "0", std::to_string(w.imputed[m])},
        args.delimiter);
  }
  return kExitOk;
}

// A failed fit's message says which churn column it read.
Result<SuggestedWeights> Explained(const HealthArgs& args, Result<SuggestedWeights> weights) {
  if (weights.ok()) return weights;
  return Status(weights.status().code(), "suggesting weights from '" + args.churn_column +
                                             "': " + weights.status().message());
}

}  // namespace

Result<SuggestedWeights> SuggestWeightsFor(const HealthArgs& args, const Scorecard& card,
                                           const HealthTable& table, const Records& records) {
  Result<std::vector<uint8_t>> churn = ReadFlags(records, args.churn_column);
  if (!churn.ok()) return churn.status();
  return Explained(args, SuggestHealthWeights(card, table, churn->data(), OptionsFor(args)));
}

Result<SuggestedWeights> SuggestWeightsAsOfFor(const HealthArgs& args, const Scorecard& card,
                                               const HealthHistory& history, int64_t as_of,
                                               const std::vector<uint8_t>& churned) {
  return Explained(
      args, SuggestHealthWeightsAsOf(card, history, as_of, churned.data(), OptionsFor(args)));
}

int PrintSuggestedWeights(const HealthArgs& args, const Scorecard& card,
                          const SuggestedWeights& weights) {
  return PrintInFormat(args, WeightsReport{card, weights}, PrintTable, PrintJson, PrintCsv);
}

}  // namespace candor::cli
