// candor weight: writes a CSV back with a weight column, and says what the
// weights did (summary, calibration fit, covariate balance).
//
// Composition: the weights that describe each response on its own (a base
// weight column, recency, accounts, inverse propensity) are multiplied
// (CombineWeights, mean 1, when more than one); calibration (rake or
// post-stratify) then takes that product as its base weights, so the output
// still reproduces the population margins exactly; trimming comes last.
#include <algorithm>
#include <candor/weight.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "format.hpp"
#include "records.hpp"
#include "weight_parts.hpp"

namespace candor::cli {
namespace {

nlohmann::json SummaryJson(const WeightSummary& s) {
  return {{"sum", NumberOrNull(s.sum)},
          {"min", NumberOrNull(s.min)},
          {"max", NumberOrNull(s.max)},
          {"max_to_min", NumberOrNull(s.max_to_min)},
          {"effective_n", NumberOrNull(s.effective_n)},
          {"design_effect", NumberOrNull(s.design_effect)}};
}

Result<WeightInputs> LoadInputs(const WeightArgs& args) {
  WeightInputs in;
  if (args.Has(WeightMethod::kIpw)) {
    const std::string& path = args.population.empty() ? args.file : args.population;
    Result<Records> population = ReadRecords(path, args.delimiter, args.max_bytes, args.dialect);
    if (!population.ok()) return population.status();
    in.population = std::move(*population);
    Result<std::vector<uint8_t>> responded = ReadFlags(in.population, args.responded_column);
    if (!responded.ok()) return responded.status();
    in.responded = std::move(*responded);
    in.responses = in.population.Subset(in.responded);
    return in;
  }
  Result<Records> responses = ReadRecords(args.file, args.delimiter, args.max_bytes, args.dialect);
  if (!responses.ok()) return responses.status();
  in.responses = std::move(*responses);
  if (!args.population.empty()) {
    Result<Records> population =
        ReadRecords(args.population, args.delimiter, args.max_bytes, args.dialect);
    if (!population.ok()) return population.status();
    in.population = std::move(*population);
  }
  return in;
}

Status WriteCsv(const WeightArgs& args, const Records& records,
                const std::vector<double>& weights) {
  std::ofstream file;
  if (!args.output.empty()) {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) return IoError("cannot write '" + args.output + "'");
  }
  std::ostream& out = args.output.empty() ? std::cout : file;
  std::vector<std::string> header = records.header;
  header.push_back(args.weight_name);
  out << CsvRow(header, args.delimiter);
  std::string row;
  for (size_t r = 0; r < records.size(); ++r) {
    row.clear();
    for (const std::string& field : records.rows[r]) {
      row += CsvField(field, args.delimiter);
      row += args.delimiter;
    }
    std::string weight = RoundTrip(weights[r]);
    // In the file's dialect, so that the same options read it back.
    if (args.dialect.decimal == ',') std::replace(weight.begin(), weight.end(), '.', ',');
    row += weight;
    row += '\n';
    out << row;
  }
  out.flush();
  if (!out)
    return IoError("writing '" + (args.output.empty() ? "stdout" : args.output) + "' failed");
  return OkStatus();
}

// A fit's error: Ctrl-C during a fit (its progress bar's callback stopped
// it) exits 130, as in report and themes; anything else is a data error.
int FailFit(const Status& status) {
  if (status.code() == CANDOR_CANCELLED) {
    return Fail(kExitInterrupted, "interrupted (Ctrl-C): " + status.message());
  }
  return FailData(status);
}

}  // namespace

int RunWeight(const WeightArgs& args) {
  Result<WeightInputs> loaded = LoadInputs(args);
  if (!loaded.ok()) return FailData(loaded.status());
  const WeightInputs& in = *loaded;
  const size_t n = in.responses.size();
  if (n == 0) {
    return FailData(Empty("'" + in.responses.file + "' has no " +
                          (args.Has(WeightMethod::kIpw) ? "respondents" : "data rows")));
  }
  for (const std::string& column : in.responses.header) {
    if (column == args.weight_name) {
      return FailData(InvalidArgument("'" + in.responses.file + "' already has a column '" +
                                      args.weight_name + "'; name the new one with --weight-name"));
    }
  }

  Diagnostics diag;
  // Per-response parts, multiplied.
  std::vector<std::vector<double>> parts;
  std::vector<std::string> part_names;
  if (!args.base_weight_column.empty()) {
    Result<std::vector<double>> base = ReadNonNegative(in.responses, args.base_weight_column);
    if (!base.ok()) return FailData(base.status());
    parts.push_back(std::move(*base));
    part_names.push_back("base weight '" + args.base_weight_column + "'");
  }
  for (WeightMethod method : args.methods) {
    Result<std::vector<double>> part = std::vector<double>();
    if (method == WeightMethod::kRecency) {
      part = RecencyPart(args, in.responses, &diag);
    } else if (method == WeightMethod::kAccounts) {
      part = AccountsPart(args, in.responses, &diag);
    } else if (method == WeightMethod::kIpw) {
      part = IpwPart(args, in, &diag);
    } else {
      continue;
    }
    if (!part.ok()) return FailFit(part.status());
    parts.push_back(std::move(*part));
    part_names.push_back(WeightMethodName(method));
  }
  std::vector<double> weights;
  if (parts.size() == 1) {
    weights = parts[0];
  } else if (parts.size() > 1) {
    std::vector<const double*> pointers;
    for (const auto& part : parts) pointers.push_back(part.data());
    Result<std::vector<double>> combined = CombineWeights(pointers, n);
    if (!combined.ok()) return FailData(combined.status());
    weights = std::move(*combined);
  }
  std::string composition;
  for (const std::string& name : part_names)
    composition += (composition.empty() ? "" : " x ") + name;
  if (parts.size() > 1) composition = "(" + composition + ", rescaled to mean 1)";

  PopulationCalibration calibration;
  const bool calibrate = args.Has(WeightMethod::kRake) || args.Has(WeightMethod::kPostStratify);
  if (calibrate) {
    std::vector<double> calibrated;
    Status status = CalibrationPart(args, in, weights.empty() ? nullptr : weights.data(),
                                    &calibrated, &calibration, &diag);
    if (!status.ok()) return FailFit(status);
    weights = std::move(calibrated);
    std::string step = args.Has(WeightMethod::kRake) ? "raked" : "post-stratified";
    composition = composition.empty() ? step : composition + ", then " + step;
  }
  if (args.trim_ratio) {
    TrimOptions trim;
    trim.ratio = *args.trim_ratio;
    Result<std::vector<double>> trimmed = TrimWeights(weights.data(), n, trim);
    if (!trimmed.ok()) return FailData(trimmed.status());
    weights = std::move(*trimmed);
    composition += ", then trimmed at " + FormatFixed(*args.trim_ratio, 2) + " x mean";
    diag.json["trim_ratio"] = *args.trim_ratio;
  }
  if (weights.empty()) weights.assign(n, 1.0);  // base column of 1s cannot happen; defensive

  Result<WeightSummary> summary = SummarizeWeights(weights.data(), n);
  if (!summary.ok()) return FailData(summary.status());
  if (calibrate) AddMarginTable(calibration, weights, &diag);

  Status written = WriteCsv(args, in.responses, weights);
  if (!written.ok()) return FailData(written);

  nlohmann::json methods = nlohmann::json::array();
  for (WeightMethod m : args.methods) methods.push_back(WeightMethodName(m));
  diag.json["methods"] = methods;
  diag.json["composition"] = composition;
  diag.json["n"] = n;
  diag.json["weight_column"] = args.weight_name;
  diag.json["output"] =
      args.output.empty() ? nlohmann::json("stdout") : nlohmann::json(args.output);
  diag.json["summary"] = SummaryJson(*summary);
  const WeightSummary& s = *summary;
  std::string head = "candor weight: " + std::to_string(n) + " rows of '" + in.responses.file +
                     "', column '" + args.weight_name + "' = " + composition + "\n" +
                     KeyValues({{"sum", FormatFixed(s.sum, 4)},
                                {"min", FormatFixed(s.min, 6)},
                                {"max", FormatFixed(s.max, 6)},
                                {"max / min", FormatFixed(s.max_to_min, 3)},
                                {"effective n (Kish)", FormatFixed(s.effective_n, 1)},
                                {"design effect", FormatFixed(s.design_effect, 3)}});
  std::ostream& report = args.output.empty() ? std::cerr : std::cout;
  if (args.format == OutputFormat::kJson) {
    report << DumpJson(diag.json);
  } else {
    report << head << (diag.text.empty() ? "" : "\n" + diag.text);
  }
  return kExitOk;
}

}  // namespace candor::cli
