// candor recovery: re-survey scores of followed-up vs other detractors,
// overall and within strata, with the caveat (candor/recovery.hpp).
#include <candor/recovery.hpp>
#include <candor/score.hpp>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "commands.hpp"
#include "format.hpp"
#include "records.hpp"

namespace candor::cli {
namespace {

struct RecoveryReport {
  Recovery recovery;
  std::vector<std::string> stratum_labels;  // by code
  Metric metric;
};

Result<RecoveryReport> Compute(const RecoveryArgs& args) {
  Result<Records> records = ReadRecords(args.file, args.delimiter, args.max_bytes, args.dialect);
  if (!records.ok()) return records.status();
  Result<std::vector<double>> scores = ReadNumbers(*records, args.rescore_column);
  if (!scores.ok()) return scores.status();
  Result<std::vector<uint8_t>> flags = ReadFlags(*records, args.followed_up_column);
  if (!flags.ok()) return flags.status();
  std::vector<int32_t> followed(flags->begin(), flags->end());
  RecoveryReport report;
  std::vector<int32_t> strata;
  if (!args.strata_columns.empty()) {
    std::vector<size_t> columns;
    for (const std::string& name : args.strata_columns) {
      Result<size_t> c = records->Column(name);
      if (!c.ok()) return c.status();
      columns.push_back(*c);
    }
    std::map<std::string, int32_t> codes;
    for (const auto& row : records->rows) {
      std::string label;
      for (size_t k = 0; k < columns.size(); ++k) label += (k ? " / " : "") + row[columns[k]];
      auto [it, inserted] = codes.try_emplace(label, static_cast<int32_t>(codes.size()));
      if (inserted) report.stratum_labels.push_back(label);
      strata.push_back(it->second);
    }
  }
  RecoveryOptions options;
  if (args.mean) {
    options.metric = Metric::Mean(0, 10);
    options.interval.method = IntervalMethod::kWald;
  }
  if (args.wald) options.interval.method = IntervalMethod::kWald;
  options.interval.level = args.level;
  report.metric = options.metric;
  Result<Recovery> r =
      EstimateRecovery(scores->data(), followed.data(), strata.empty() ? nullptr : strata.data(),
                       scores->size(), options);
  if (!r.ok()) return Status(r.status().code(), args.file + ": " + r.status().message());
  report.recovery = std::move(r).value();
  return report;
}

int PrintTable(const RecoveryArgs& args, const RecoveryReport& report) {
  const Recovery& r = report.recovery;
  const int d = DisplayDecimals(report.metric);
  const std::string name = args.mean ? "mean" : "NPS";
  const std::string level = FormatLevel(r.level);
  TextTable table({"comparison", "followed up", "others", "difference", level + " CI", "p"}, 1);
  table.AddRow({"overall (" + name + ")",
                FormatFixed(r.overall.a.value, d) + " (n=" + std::to_string(r.overall.a.n) + ")",
                FormatFixed(r.overall.b.value, d) + " (n=" + std::to_string(r.overall.b.n) + ")",
                FormatSigned(r.overall.difference, d),
                FormatInterval(r.overall.ci_low, r.overall.ci_high, d),
                FormatP(r.overall.p_value)});
  if (r.stratified_given) {
    const StratifiedDifference& s = r.stratified;
    table.AddRow({"within strata", "n=" + std::to_string(s.followed_up_compared),
                  "n=" + std::to_string(s.not_followed_up_compared), FormatSigned(s.difference, d),
                  FormatInterval(s.ci_low, s.ci_high, d), FormatP(s.p_value)});
  }
  std::cout << "Re-survey " << name << " of followed-up vs other detractors:\n"
            << table.Render("  ");
  if (r.stratified_given) {
    std::cout << "Strata: " << r.stratified.strata_compared << " compared, "
              << r.stratified.strata_dropped << " left out (one group only; "
              << r.stratified.rows_dropped << " rows)\n";
  }
  std::cout << "Caveat: " << r.caveat << "\n";
  return kExitOk;
}

nlohmann::json StratifiedJson(const StratifiedDifference& s) {
  return {{"difference", s.difference},
          {"std_error", s.std_error},
          {"ci_low", s.ci_low},
          {"ci_high", s.ci_high},
          {"p_value", s.p_value},
          {"strata_compared", s.strata_compared},
          {"strata_dropped", s.strata_dropped},
          {"rows_dropped", s.rows_dropped}};
}

int PrintJson(const RecoveryArgs& args, const RecoveryReport& report) {
  const Recovery& r = report.recovery;
  nlohmann::json out = {{"metric", args.mean ? "mean" : "nps"},
                        {"level", r.level},
                        {"overall", ComparisonJson(r.overall)},
                        {"caveat", r.caveat}};
  if (r.stratified_given) {
    out["within_strata"] = StratifiedJson(r.stratified);
    out["strata"] = nlohmann::json::array();
    for (const RecoveryStratum& s : r.strata) {
      out["strata"].push_back({{"stratum", report.stratum_labels[s.stratum]},
                               {"followed_up", s.followed_up},
                               {"not_followed_up", s.not_followed_up},
                               {"compared", s.compared},
                               {"weight", s.weight},
                               {"difference", NumberOrNull(s.comparison.difference)},
                               {"ci_low", NumberOrNull(s.comparison.ci_low)},
                               {"ci_high", NumberOrNull(s.comparison.ci_high)}});
    }
  }
  std::cout << DumpJson(out) << "\n";
  return kExitOk;
}

int PrintCsv(const RecoveryArgs& args, const RecoveryReport& report) {
  const Recovery& r = report.recovery;
  std::cout << CsvRow({"comparison", "stratum", "followed_up", "not_followed_up", "weight",
                       "difference", "std_error", "ci_low", "ci_high", "p_value", "caveat"});
  std::cout << CsvRow({"overall", "", std::to_string(r.overall.a.n), std::to_string(r.overall.b.n),
                       "", RoundTrip(r.overall.difference), RoundTrip(r.overall.std_error),
                       RoundTrip(r.overall.ci_low), RoundTrip(r.overall.ci_high),
                       RoundTrip(r.overall.p_value), r.caveat});
  if (r.stratified_given) {
    const StratifiedDifference& s = r.stratified;
    std::cout << CsvRow({"within_strata", "", std::to_string(s.followed_up_compared),
                         std::to_string(s.not_followed_up_compared), "", RoundTrip(s.difference),
                         RoundTrip(s.std_error), RoundTrip(s.ci_low), RoundTrip(s.ci_high),
                         RoundTrip(s.p_value), r.caveat});
    for (const RecoveryStratum& st : r.strata) {
      const Comparison& c = st.comparison;
      std::cout << CsvRow(
          {"stratum", report.stratum_labels[st.stratum], std::to_string(st.followed_up),
           std::to_string(st.not_followed_up), RoundTrip(st.weight),
           st.compared ? RoundTrip(c.difference) : "", st.compared ? RoundTrip(c.std_error) : "",
           st.compared ? RoundTrip(c.ci_low) : "", st.compared ? RoundTrip(c.ci_high) : "",
           st.compared ? RoundTrip(c.p_value) : "", r.caveat});
    }
  }
  return kExitOk;
}

int Print(const RecoveryArgs& args, const RecoveryReport& report) {
  return PrintInFormat(args, report, PrintTable, PrintJson, PrintCsv);
}

}  // namespace

int RunRecovery(const RecoveryArgs& args) { return ComputeAndPrint(args, Compute, Print); }

}  // namespace candor::cli
