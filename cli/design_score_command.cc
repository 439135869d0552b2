// candor score --population / --account-column: design-based scoring. The
// responses are raked (or post-stratified) to margins counted from the
// invited population, and/or clustered by account; the estimate and its
// standard error then come from EstimateDesign (Taylor linearization with the
// calibration residuals and cluster sums of design.hpp), printed next to the
// naive estimate that ignores both.
#include <candor/csv.hpp>
#include <candor/design.hpp>
#include <candor/score.hpp>
#include <candor/table.hpp>
#include <cmath>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "format.hpp"
#include "metric_choices.hpp"
#include "population.hpp"
#include "records.hpp"
#include "score_shared.hpp"

namespace candor::cli {
namespace {

struct DesignRun {
  Table table;
  std::optional<PopulationCalibration> calibration;
  std::vector<CalibrationStep> steps;
  size_t clusters = 0;
  Estimate naive;                    // base weights (or none), responses independent
  std::optional<Estimate> weighted;  // calibrated weights treated as fixed, independent
  Estimate corrected;                // the design
  double kish_design_effect = 1;     // of the final weights
};

std::string Plural(size_t count, const std::string& word) {
  return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

std::vector<std::string> SegmentColumns(const ScoreArgs& args) {
  std::vector<std::string> columns = args.by;
  for (const std::string& margin : args.margins) {
    bool seen = false;
    for (const std::string& c : columns) seen = seen || c == margin;
    if (!seen) columns.push_back(margin);
  }
  return columns;
}

Result<DesignRun> Run(const ScoreArgs& args) {
  CsvOptions csv;
  csv.score_column = args.input.score_column;
  csv.weight_column = args.input.weight_column;
  csv.segment_columns = SegmentColumns(args);
  csv.account_column = args.account_column;
  csv.delimiter = args.input.delimiter;
  csv.skip_bad_rows = args.input.skip_bad_rows;
  csv.max_bytes = args.input.max_bytes;
  csv.decimal = args.input.dialect.decimal;
  csv.encoding = args.input.dialect.encoding;
  Result<Table> read = ReadCsv(args.input.file, csv);
  if (!read.ok()) {
    if (read.status().code() == CANDOR_NOT_FOUND && !args.margins.empty()) {
      return Status(read.status().code(), read.status().message() + " (--margin columns must " +
                                              "exist in FILE and in the population)");
    }
    return read.status();
  }
  DesignRun run;
  run.table = std::move(*read);
  const Table& table = run.table;
  const size_t n = table.rows();
  const double* base = table.weights.empty() ? nullptr : table.weights.data();
  Result<Estimate> naive = EstimateScores(args.metric, table.scores.data(), base, n, args.interval);
  if (!naive.ok()) return InFile(args.input, table, naive.status());
  run.naive = *naive;

  SurveyDesign design;
  design.weights = base;
  if (!args.population.empty()) {
    Result<Records> population = ReadRecords(args.population, args.input.delimiter,
                                             args.input.max_bytes, args.input.dialect);
    if (!population.ok()) return population.status();
    std::vector<const CategoricalColumn*> columns;
    for (const std::string& margin : args.margins) {
      const CategoricalColumn* column = table.FindCategorical(margin);
      if (column == nullptr) return NotFound("no margin column '" + margin + "' in the table");
      columns.push_back(column);
    }
    Result<PopulationCalibration> calibration = CalibrateToPopulation(
        args.post_stratify ? CalibrationKind::kPostStratify : CalibrationKind::kRake, *population,
        args.margins, columns, base, args.input.file);
    if (!calibration.ok()) return calibration.status();
    run.calibration = std::move(*calibration);
    run.steps.push_back(run.calibration->result.step);
    design.weights = run.calibration->result.weights.data();
    design.calibration = &run.steps;
    run.kish_design_effect = run.calibration->result.summary.design_effect;
    Result<Estimate> weighted =
        EstimateScores(args.metric, table.scores.data(), design.weights, n, args.interval);
    if (!weighted.ok()) return InFile(args.input, table, weighted.status());
    run.weighted = *weighted;
  } else if (base != nullptr) {
    Result<WeightSummary> summary = SummarizeWeights(base, n);
    if (summary.ok()) run.kish_design_effect = summary->design_effect;
  }
  if (!args.account_column.empty()) {
    design.clusters = table.account.codes.data();
    std::vector<bool> seen(table.account.dictionary.size(), false);
    for (int32_t code : table.account.codes) {
      if (code >= 0 && !seen[static_cast<size_t>(code)]) {
        seen[static_cast<size_t>(code)] = true;
        ++run.clusters;
      }
    }
    if (run.clusters < 2) {
      return InvalidArgument("--account-column '" + args.account_column +
                             "': " + Plural(run.clusters, "account") + " in '" + args.input.file +
                             "'; a cluster-robust variance needs at least 2");
    }
  }
  Result<Estimate> corrected =
      EstimateDesign(args.metric, table.scores.data(), n, design, args.interval);
  if (!corrected.ok()) return InFile(args.input, table, corrected.status());
  run.corrected = *corrected;
  return run;
}

SurveyDesign DesignOf(const ScoreArgs& args, const DesignRun& run) {
  SurveyDesign design;
  design.weights = run.table.weights.empty() ? nullptr : run.table.weights.data();
  if (run.calibration) {
    design.weights = run.calibration->result.weights.data();
    design.calibration = &run.steps;
  }
  if (!args.account_column.empty()) design.clusters = run.table.account.codes.data();
  return design;
}

// Design variance over the naive variance (same n): the design effect of the
// whole correction, weighting, calibration and clustering together.
double VarianceRatio(const DesignRun& run) {
  double naive = run.naive.std_error;
  return naive > 0 ? std::pow(run.corrected.std_error / naive, 2) : NAN;
}

std::string DesignDescription(const ScoreArgs& args, const DesignRun& run) {
  std::vector<std::string> parts;
  if (!args.input.weight_column.empty())
    parts.push_back("base weights '" + args.input.weight_column + "'");
  if (run.calibration) {
    std::string margins;
    for (const std::string& m : args.margins) margins += (margins.empty() ? "" : ", ") + m;
    parts.push_back((args.post_stratify ? "post-stratified on " : "raked on ") + margins + " to '" +
                    args.population + "' (" + std::to_string(run.calibration->population_size) +
                    " rows)");
  }
  if (!args.account_column.empty()) {
    parts.push_back("clustered by '" + args.account_column + "' (" +
                    Plural(run.clusters, "account") + ")");
  }
  std::string text;
  for (const std::string& p : parts) text += (text.empty() ? "" : "; ") + p;
  return text;
}

void PrintTable(const ScoreArgs& args, const DesignRun& run,
                const std::vector<const CategoricalColumn*>& columns,
                const std::vector<BreakdownRow>* rows) {
  const int d = DisplayDecimals(args.metric);
  const std::string name = MetricDisplayName(args.metric_name);
  std::cout << DescribeMetric(args) << "\ndesign: " << DesignDescription(args, run) << "\n\n";
  std::vector<std::string> header = {"", "naive"};
  if (run.weighted)
    header.push_back(args.post_stratify ? "post-stratified, iid SE" : "raked, iid SE");
  header.push_back("design-based");
  TextTable table(header, 1);
  auto row = [&](const std::string& label, auto cell) {
    std::vector<std::string> cells = {label, cell(run.naive)};
    if (run.weighted) cells.push_back(cell(*run.weighted));
    cells.push_back(cell(run.corrected));
    table.AddRow(cells);
  };
  row(name, [&](const Estimate& e) { return FormatFixed(e.value, d); });
  row("std. error", [&](const Estimate& e) { return FormatFixed(e.std_error, d + 1); });
  row(FormatLevel(args.interval.level) + " interval",
      [&](const Estimate& e) { return FormatInterval(e.ci_low, e.ci_high, d); });
  row("n", [](const Estimate& e) { return std::to_string(e.n); });
  row("effective n", [](const Estimate& e) { return FormatFixed(e.effective_n, 1); });
  std::cout << table.Render();
  const double shift = run.corrected.value - run.naive.value;
  std::cout << "\nthe correction moved " << name << " by " << FormatSigned(shift, d) << " points ("
            << FormatFixed(run.naive.value, d) << " -> " << FormatFixed(run.corrected.value, d)
            << "); design effect " << FormatFixed(VarianceRatio(run), 2)
            << " (design variance / naive variance; Kish weighting effect "
            << FormatFixed(run.kish_design_effect, 2) << ")\n";
  if (rows != nullptr) {
    std::cout << "\nby segment, design-based (domain estimates; 'vs rest' is the domain "
              << "contrast, p adjusted " << PAdjustName(args.p_adjust) << ")\n\n"
              << BreakdownTableText(args, columns, *rows);
  }
  if (run.table.skipped_rows > 0) {
    std::cout << "skipped " << run.table.skipped_rows << " bad rows (--skip-bad-rows)\n";
  }
}

void PrintJson(const ScoreArgs& args, const DesignRun& run,
               const std::vector<const CategoricalColumn*>& columns,
               const std::vector<BreakdownRow>* rows) {
  nlohmann::json design = {
      {"base_weight_column", args.input.weight_column.empty()
                                 ? nlohmann::json(nullptr)
                                 : nlohmann::json(args.input.weight_column)},
      {"account_column",
       args.account_column.empty() ? nlohmann::json(nullptr) : nlohmann::json(args.account_column)},
      {"clusters", run.clusters}};
  if (run.calibration) {
    design["population"] = args.population;
    design["population_size"] = run.calibration->population_size;
    design["calibration"] = args.post_stratify ? "poststratify" : "rake";
    design["margins"] = args.margins;
    design["iterations"] = run.calibration->result.iterations;
    design["max_margin_error"] = NumberOrNull(run.calibration->result.max_margin_error);
  }
  nlohmann::json out = {
      {"metric", args.metric_name},
      {"interval", IntervalName(args.interval.method)},
      {"skipped_rows", run.table.skipped_rows},
      {"design", design},
      {"naive", EstimateJson(run.naive)},
      {"weighted_iid", run.weighted ? EstimateJson(*run.weighted) : nlohmann::json(nullptr)},
      {"estimate", EstimateJson(run.corrected)},
      {"shift", NumberOrNull(run.corrected.value - run.naive.value)},
      {"design_effect", NumberOrNull(VarianceRatio(run))},
      {"kish_design_effect", NumberOrNull(run.kish_design_effect)}};
  if (rows != nullptr) {
    out["by"] = args.by;
    out["p_adjust"] = PAdjustName(args.p_adjust);
    out["rows"] = BreakdownRowsJson(args, columns, *rows);
  }
  std::cout << DumpJson(out);
}

void PrintCsv(const ScoreArgs& args, const DesignRun& run,
              const std::vector<const CategoricalColumn*>& columns,
              const std::vector<BreakdownRow>* rows) {
  std::vector<std::string> header = CsvHeader(args);
  std::cout << CsvRow(header);
  auto estimate_row = [&](const std::string& kind, const Estimate& e) {
    std::vector<std::string> fields = {kind};
    fields.resize(1 + args.by.size());
    for (const std::string& field : CsvEstimateFields(args, e)) fields.push_back(field);
    fields.resize(header.size());
    std::cout << CsvRow(fields);
  };
  estimate_row("naive", run.naive);
  if (run.weighted) estimate_row("weighted_iid", *run.weighted);
  estimate_row("overall", run.corrected);
  if (rows != nullptr) {
    for (const BreakdownRow& row : *rows) std::cout << CsvRow(CsvSegmentFields(args, columns, row));
  }
}

}  // namespace

int RunDesignScore(const ScoreArgs& args) {
  Result<DesignRun> run = Run(args);
  if (!run.ok()) return FailData(run.status());
  std::vector<const CategoricalColumn*> columns;
  std::optional<std::vector<BreakdownRow>> rows;
  if (!args.by.empty()) {
    std::vector<const int32_t*> segments;
    for (const std::string& name : args.by) {
      const CategoricalColumn* column = run->table.FindCategorical(name);
      if (column == nullptr || column->codes.size() != run->table.rows()) {
        return FailData(NotFound("no segment column '" + name + "' in the table"));
      }
      columns.push_back(column);
      segments.push_back(column->codes.data());
    }
    Result<std::vector<BreakdownRow>> computed =
        Breakdown(args.metric, run->table.scores.data(), run->table.rows(), DesignOf(args, *run),
                  segments, args.interval, args.p_adjust);
    if (!computed.ok()) return FailData(InFile(args.input, run->table, computed.status()));
    rows = std::move(*computed);
  }
  if (run->table.skipped_rows > 0 && args.format != OutputFormat::kTable) {
    std::cerr << "candor: note: skipped " << run->table.skipped_rows << " bad rows\n";
  }
  const std::vector<BreakdownRow>* row_pointer = rows ? &*rows : nullptr;
  switch (args.format) {
    case OutputFormat::kTable:
      PrintTable(args, *run, columns, row_pointer);
      break;
    case OutputFormat::kJson:
      PrintJson(args, *run, columns, row_pointer);
      break;
    case OutputFormat::kCsv:
      PrintCsv(args, *run, columns, row_pointer);
      break;
  }
  return kExitOk;
}

}  // namespace candor::cli
