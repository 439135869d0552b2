// candor weight: the parts of a weight column and the calibration, with
// their diagnostics (weight_parts.hpp).
#include "weight_parts.hpp"

#include <candor.h>

#include <algorithm>
#include <candor/csv.hpp>
#include <candor/enum_names.hpp>
#include <candor/weight.hpp>
#include <cstdlib>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "data.hpp"
#include "format.hpp"
#include "progress_bar.hpp"

namespace candor::cli {
namespace {

std::string IsoTime(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  if (gmtime_r(&t, &parts) == nullptr) return std::to_string(unix_seconds);
  char buffer[64];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

std::string AccountModeName(AccountMode mode) {
  const char* name = EnumName(CANDOR_ENUM_ACCOUNT_MODE, mode);
  return name == nullptr ? "?" : name;
}

}  // namespace

std::string KeyValues(const std::vector<std::pair<std::string, std::string>>& pairs) {
  TextTable table({"", ""}, 2);
  for (const auto& [key, value] : pairs) table.AddRow({key, value});
  std::string text = table.Render("  ");
  for (int i = 0; i < 2; ++i) text.erase(0, text.find('\n') + 1);
  return text;
}

Result<std::vector<double>> RecencyPart(const WeightArgs& args, const Records& responses,
                                        Diagnostics* diag) {
  std::string column = args.time_column;
  if (column.empty()) {
    column = FindTimeColumn(responses.header);
    if (column.empty()) {
      return NotFound("--method recency: no time column in '" + responses.file + "' (looked for " +
                      TimeColumnNames() + "; name one with --time-column)");
    }
  }
  Result<std::vector<int64_t>> times = ReadTimes(responses, column);
  if (!times.ok()) return times.status();
  int64_t reference = *std::max_element(times->begin(), times->end());
  if (!args.reference_time.empty()) {
    Result<int64_t> parsed = ParseTimestamp(args.reference_time);
    if (!parsed.ok()) {
      return InvalidArgument("--reference-time: '" + args.reference_time +
                             "' is not a time (ISO 8601 or epoch seconds)");
    }
    reference = *parsed;
    for (size_t i = 0; i < times->size(); ++i) {
      if ((*times)[i] > reference) {
        return OutOfRange("'" + responses.file + "' line " + std::to_string(responses.lines[i]) +
                          ": the response at " + IsoTime((*times)[i]) +
                          " is after --reference-time " + IsoTime(reference));
      }
    }
  }
  Result<std::vector<double>> weights =
      RecencyWeights(times->data(), times->size(), *args.half_life_days, reference);
  if (!weights.ok()) return weights.status();
  diag->json["recency"] = {{"time_column", column},
                           {"half_life_days", *args.half_life_days},
                           {"reference_time", IsoTime(reference)}};
  diag->text +=
      "recency\n" + KeyValues({{"time column", column},
                               {"half-life", FormatFixed(*args.half_life_days, 2) + " days"},
                               {"reference time", IsoTime(reference)}});
  return weights;
}

Result<std::vector<double>> AccountsPart(const WeightArgs& args, const Records& responses,
                                         Diagnostics* diag) {
  Result<CategoricalColumn> accounts = ReadCategorical(responses, args.account_column);
  if (!accounts.ok()) return accounts.status();
  AccountOptions options;
  options.mode = args.account_mode;
  std::vector<double> values;
  if (args.account_mode == AccountMode::kByValue) {
    Result<std::vector<double>> read = ReadNumbers(responses, args.value_column);
    if (!read.ok()) return read.status();
    values = std::move(*read);
    // Name the account and lines here: the library knows only codes.
    std::vector<size_t> first(accounts->dictionary.size(), responses.size());
    for (size_t i = 0; i < values.size(); ++i) {
      size_t& f = first[static_cast<size_t>(accounts->codes[i])];
      if (f == responses.size()) {
        f = i;
      } else if (values[i] != values[f]) {
        return InvalidArgument(
            "--value-column '" + args.value_column + "': account '" +
            accounts->dictionary.Label(accounts->codes[i]) + "' has " + RoundTrip(values[f]) +
            " on line " + std::to_string(responses.lines[f]) + " but " + RoundTrip(values[i]) +
            " on line " + std::to_string(responses.lines[i]) + " (one value per account)");
      }
    }
    options.account_value = values.data();
  }
  CategoricalColumn roles;
  if (!args.role_column.empty()) {
    Result<CategoricalColumn> read = ReadCategorical(responses, args.role_column);
    if (!read.ok()) return read.status();
    roles = std::move(*read);
    options.roles = roles.codes.data();
    options.role_weights.assign(roles.dictionary.size(), 1.0);
    for (const auto& [role, weight] : args.role_weights) {
      int32_t code = roles.dictionary.Find(role);
      if (code < 0) {
        return NotFound("--role-weight: no role '" + role + "' in column '" + args.role_column +
                        "' of '" + responses.file + "'");
      }
      options.role_weights[static_cast<size_t>(code)] = weight;
    }
  }
  Result<std::vector<double>> weights =
      AccountWeights(accounts->codes.data(), accounts->codes.size(), options);
  if (!weights.ok()) return weights.status();
  nlohmann::json role_json = nlohmann::json::object();
  std::string role_text;
  for (size_t r = 0; r < options.role_weights.size(); ++r) {
    role_json[roles.dictionary.Label(static_cast<int32_t>(r))] = options.role_weights[r];
    role_text += (role_text.empty() ? "" : ", ") + roles.dictionary.Label(static_cast<int32_t>(r)) +
                 "=" + FormatFixed(options.role_weights[r], 2);
  }
  diag->json["accounts"] = {{"account_column", args.account_column},
                            {"mode", AccountModeName(args.account_mode)},
                            {"accounts", accounts->dictionary.size()},
                            {"role_weights", role_json}};
  std::vector<std::pair<std::string, std::string>> rows = {
      {"account column", args.account_column},
      {"mode", AccountModeName(args.account_mode)},
      {"accounts", std::to_string(accounts->dictionary.size())}};
  if (!role_text.empty()) rows.push_back({"role weights", role_text});
  diag->text += "accounts\n" + KeyValues(rows);
  return weights;
}

Result<std::vector<double>> IpwPart(const WeightArgs& args, const WeightInputs& in,
                                    Diagnostics* diag) {
  const Records& population = in.population;
  std::vector<std::vector<double>> numeric(args.covariates.size());
  std::vector<CategoricalColumn> categorical(args.covariates.size());
  std::vector<Covariate> covariates;
  for (size_t c = 0; c < args.covariates.size(); ++c) {
    const std::string& name = args.covariates[c];
    Result<size_t> column = population.Column(name);
    if (!column.ok()) return NotFound("--covariate: " + column.status().message());
    Covariate covariate;
    covariate.name = name;
    if (IsNumericColumn(population, *column)) {
      Result<std::vector<double>> values = ReadNumbers(population, name);
      if (!values.ok()) return values.status();
      numeric[c] = std::move(*values);
      covariate.numeric = numeric[c].data();
    } else {
      Result<CategoricalColumn> codes = ReadCategorical(population, name);
      if (!codes.ok()) return codes.status();
      categorical[c] = std::move(*codes);
      covariate.codes = categorical[c].codes.data();
      covariate.levels = static_cast<int32_t>(categorical[c].dictionary.size());
    }
    covariates.push_back(covariate);
  }
  IpwOptions options;
  options.l2_penalty = args.ipw_penalty;
  Result<IpwResult> fit = Status(CANDOR_INTERNAL, "not fitted");
  {
    ProgressBar bar("fitting response propensities", args.quiet, ProgressBar::Unit::kSteps);
    options.progress = bar.hook();
    fit = InversePropensityWeights(in.responded.data(), population.size(), covariates, options);
  }
  if (!fit.ok() && fit.status().code() == CANDOR_CANCELLED) return fit.status();
  if (!fit.ok()) {
    return Status(fit.status().code(),
                  "--method ipw on '" + population.file + "': " + fit.status().message());
  }
  // Terms name categorical levels by code ("plan=2"): show the labels instead.
  std::vector<std::string> terms = fit->terms;
  std::vector<std::string> balance_names;
  auto relabel = [&](const std::string& term) {
    size_t eq = term.rfind('=');
    if (eq == std::string::npos) return term;
    std::string name = term.substr(0, eq);
    for (size_t c = 0; c < args.covariates.size(); ++c) {
      if (args.covariates[c] != name || covariates[c].codes == nullptr) continue;
      char* end = nullptr;
      long code = std::strtol(term.c_str() + eq + 1, &end, 10);
      if (*end != '\0' || code < 0 ||
          static_cast<size_t>(code) >= categorical[c].dictionary.size()) {
        return term;
      }
      return name + "=" + categorical[c].dictionary.Label(static_cast<int32_t>(code));
    }
    return term;
  };
  nlohmann::json coefficients = nlohmann::json::array();
  TextTable coef_table({"term", "coefficient"}, 1);
  for (size_t t = 0; t < terms.size() && t < fit->coefficients.size(); ++t) {
    coefficients.push_back(
        {{"term", relabel(terms[t])}, {"estimate", NumberOrNull(fit->coefficients[t])}});
    coef_table.AddRow({relabel(terms[t]), FormatFixed(fit->coefficients[t], 4)});
  }
  nlohmann::json balance = nlohmann::json::array();
  TextTable balance_table({"covariate", "ASMD before", "ASMD after"}, 1);
  for (const Balance& b : fit->balance) {
    balance.push_back({{"variable", relabel(b.variable)},
                       {"asmd_before", NumberOrNull(b.asmd_before)},
                       {"asmd_after", NumberOrNull(b.asmd_after)}});
    balance_table.AddRow(
        {relabel(b.variable), FormatFixed(b.asmd_before, 3), FormatFixed(b.asmd_after, 3)});
  }
  diag->json["ipw"] = {{"invited", population.size()},
                       {"respondents", in.responses.size()},
                       {"responded_column", args.responded_column},
                       {"l2_penalty", args.ipw_penalty},
                       {"iterations", fit->iterations},
                       {"converged", fit->converged},
                       {"coefficients", coefficients},
                       {"balance", balance}};
  diag->text +=
      "inverse propensity (logistic fit of " + args.responded_column +
      "; numeric covariates standardized)\n" +
      KeyValues({{"invited", std::to_string(population.size())},
                 {"respondents", std::to_string(in.responses.size())},
                 {"iterations", std::to_string(fit->iterations) +
                                    (fit->converged ? " (converged)" : " (NOT converged)")}}) +
      "\n" + coef_table.Render("  ") +
      "\n  covariate balance, absolute standardized mean difference vs the invited:\n" +
      balance_table.Render("  ");
  return std::move(fit->weights);
}

Status CalibrationPart(const WeightArgs& args, const WeightInputs& in, const double* base,
                       std::vector<double>* weights, PopulationCalibration* calibration,
                       Diagnostics* diag) {
  std::vector<CategoricalColumn> columns;
  std::vector<const CategoricalColumn*> pointers;
  columns.reserve(args.margins.size());
  for (const std::string& name : args.margins) {
    Result<CategoricalColumn> column = ReadCategorical(in.responses, name);
    if (!column.ok()) return NotFound("--margin '" + name + "': " + column.status().message());
    columns.push_back(std::move(*column));
    pointers.push_back(&columns.back());
  }
  const CalibrationKind kind =
      args.Has(WeightMethod::kRake) ? CalibrationKind::kRake : CalibrationKind::kPostStratify;
  Result<PopulationCalibration> result = Status(CANDOR_INTERNAL, "not calibrated");
  {
    ProgressBar bar(kind == CalibrationKind::kRake ? "raking" : "post-stratifying", args.quiet,
                    kind == CalibrationKind::kRake ? ProgressBar::Unit::kSteps
                                                   : ProgressBar::Unit::kWork);
    result = CalibrateToPopulation(kind, in.population, args.margins, pointers, base,
                                   in.responses.file, bar.hook());
  }
  if (!result.ok()) return result.status();
  *calibration = std::move(*result);
  *weights = calibration->result.weights;
  const std::string name = kind == CalibrationKind::kRake ? "rake" : "poststratify";
  diag->json[name] = {{"population", in.population.file},
                      {"population_size", calibration->population_size},
                      {"iterations", calibration->result.iterations},
                      {"converged", calibration->result.converged},
                      {"max_margin_error", NumberOrNull(calibration->result.max_margin_error)}};
  diag->text +=
      (kind == CalibrationKind::kRake ? "raking" : "post-stratification") + std::string(" to '") +
      in.population.file + "' (" + std::to_string(calibration->population_size) + " rows)\n" +
      KeyValues({{"iterations",
                  std::to_string(calibration->result.iterations) +
                      (calibration->result.converged ? " (converged)" : " (NOT converged)")},
                 {"largest relative margin error",
                  FormatFixed(calibration->result.max_margin_error * 100, 6) + "%"}});
  return OkStatus();
}

// Population, respondents and weighted total per margin level, with the final weights.
void AddMarginTable(const PopulationCalibration& calibration, const std::vector<double>& weights,
                    Diagnostics* diag) {
  nlohmann::json margins = nlohmann::json::array();
  TextTable table({"margin", "level", "population", "respondents", "weighted"}, 2);
  for (const Target& target : calibration.targets) {
    std::vector<int64_t> count(target.population.size(), 0);
    std::vector<double> total(target.population.size(), 0);
    for (size_t i = 0; i < target.codes.size(); ++i) {
      ++count[static_cast<size_t>(target.codes[i])];
      total[static_cast<size_t>(target.codes[i])] += weights[i];
    }
    for (size_t level = 0; level < target.population.size(); ++level) {
      margins.push_back({{"margin", target.name},
                         {"level", target.labels[level]},
                         {"population", target.population[level]},
                         {"respondents", count[level]},
                         {"weighted_total", NumberOrNull(total[level])}});
      table.AddRow({target.name, target.labels[level], FormatFixed(target.population[level], 0),
                    std::to_string(count[level]), FormatFixed(total[level], 2)});
    }
  }
  diag->json["margins"] = margins;
  diag->text += "\n" + table.Render("  ");
}

}  // namespace candor::cli
