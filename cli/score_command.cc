// candor score: one estimate, or a breakdown by segment columns.
#include <candor/csv.hpp>
#include <candor/score.hpp>
#include <candor/table.hpp>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "data.hpp"
#include "format.hpp"
#include "metric_choices.hpp"
#include "progress_bar.hpp"
#include "score_shared.hpp"
#include "weight_rule.hpp"

namespace candor::cli {

std::string Full(double value) {
  if (value != value) return "";  // NaN: an empty CSV field
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.15g", value);
  return buffer;
}

std::string DescribeMetric(const ScoreArgs& args) {
  return DescribeMetric(args.metric_name, args.metric);
}

std::string DescribeMetric(const std::string& metric_name, const Metric& m) {
  std::string scale = std::to_string(m.scale_min) + ".." + std::to_string(m.scale_max);
  std::string name = MetricDisplayName(metric_name);
  switch (m.kind) {
    case MetricKind::kNps:
      return name + " on " + scale + " (promoters >= " + std::to_string(m.promoter_min) +
             ", detractors <= " + std::to_string(m.detractor_max) + ")";
    case MetricKind::kTopBox:
      return name + " on " + scale + " (% in the top " + std::to_string(m.box_size) + " points)";
    case MetricKind::kBottomBox:
      return name + " on " + scale + " (% in the bottom " + std::to_string(m.box_size) + " points)";
    case MetricKind::kMean:
      return name + " on " + scale + " (mean score)";
  }
  return name;
}

// The label of each segment column of a breakdown row.
std::vector<std::string> RowLabels(const std::vector<const CategoricalColumn*>& columns,
                                   const BreakdownRow& row) {
  std::vector<std::string> labels;
  for (size_t j = 0; j < columns.size(); ++j) {
    int32_t code = j < row.codes.size() ? row.codes[j] : -1;
    bool known = code >= 0 && static_cast<size_t>(code) < columns[j]->dictionary.size();
    labels.push_back(known ? columns[j]->dictionary.Label(code) : "?");
  }
  return labels;
}

void PrintEstimateTable(const ScoreArgs& args, const Estimate& e, bool weighted) {
  int d = DisplayDecimals(args.metric);
  TextTable table({"", ""}, 2);
  table.AddRow({"metric", DescribeMetric(args)});
  table.AddRow({"estimate", FormatFixed(e.value, d)});
  table.AddRow({"std. error", FormatFixed(e.std_error, d + 1)});
  table.AddRow({FormatLevel(e.level) + " interval", FormatInterval(e.ci_low, e.ci_high, d) + " (" +
                                                        IntervalName(args.interval.method) + ")"});
  table.AddRow({"n", std::to_string(e.n)});
  table.AddRow({"effective n", FormatFixed(e.effective_n, 1)});
  table.AddRow({"weights", WeightingText(weighted ? args.input.weight_column : "")});
  std::string text = table.Render();
  // Drop the empty header and its rule: a key-value listing.
  for (int i = 0; i < 2; ++i) text.erase(0, text.find('\n') + 1);
  std::cout << text;
}

std::vector<std::string> CsvHeader(const ScoreArgs& args) {
  std::vector<std::string> header = {"kind"};
  header.insert(header.end(), args.by.begin(), args.by.end());
  for (const char* name :
       {"metric", "value", "std_error", "ci_low", "ci_high", "level", "n", "effective_n",
        "difference", "difference_ci_low", "difference_ci_high", "p_value", "p_adjusted"}) {
    header.push_back(name);
  }
  return header;
}

std::vector<std::string> CsvEstimateFields(const ScoreArgs& args, const Estimate& e) {
  return {args.metric_name, Full(e.value), Full(e.std_error),   Full(e.ci_low),
          Full(e.ci_high),  Full(e.level), std::to_string(e.n), Full(e.effective_n)};
}

std::string BreakdownTableText(const ScoreArgs& args,
                               const std::vector<const CategoricalColumn*>& columns,
                               const std::vector<BreakdownRow>& rows) {
  int d = DisplayDecimals(args.metric);
  std::vector<std::string> header = args.by;
  for (const std::string& h :
       {std::string("n"), std::string("eff. n"), MetricDisplayName(args.metric_name),
        std::string("SE"), FormatLevel(args.interval.level) + " CI", std::string("vs rest"),
        std::string("p"), "p " + PAdjustName(args.p_adjust)}) {
    header.push_back(h);
  }
  TextTable text(header, args.by.size());
  for (const BreakdownRow& row : rows) {
    std::vector<std::string> cells = RowLabels(columns, row);
    const Estimate& e = row.estimate;
    for (const std::string& cell :
         {std::to_string(e.n), FormatFixed(e.effective_n, 1), FormatFixed(e.value, d),
          FormatFixed(e.std_error, d + 1), FormatInterval(e.ci_low, e.ci_high, d),
          FormatSigned(row.vs_rest.difference, d), FormatP(row.vs_rest.p_value),
          FormatP(row.p_adjusted)}) {
      cells.push_back(cell);
    }
    text.AddRow(cells);
  }
  return text.Render();
}

nlohmann::json BreakdownRowsJson(const ScoreArgs& args,
                                 const std::vector<const CategoricalColumn*>& columns,
                                 const std::vector<BreakdownRow>& rows) {
  nlohmann::json out_rows = nlohmann::json::array();
  for (const BreakdownRow& row : rows) {
    nlohmann::json segment = nlohmann::json::object();
    std::vector<std::string> labels = RowLabels(columns, row);
    for (size_t j = 0; j < labels.size(); ++j) segment[args.by[j]] = labels[j];
    out_rows.push_back({{"segment", segment},
                        {"estimate", EstimateJson(row.estimate)},
                        {"vs_rest", ComparisonJson(row.vs_rest)},
                        {"p_adjusted", NumberOrNull(row.p_adjusted)}});
  }
  return out_rows;
}

std::vector<std::string> CsvSegmentFields(const ScoreArgs& args,
                                          const std::vector<const CategoricalColumn*>& columns,
                                          const BreakdownRow& row) {
  std::vector<std::string> fields = {"segment"};
  for (const std::string& label : RowLabels(columns, row)) fields.push_back(label);
  for (const std::string& field : CsvEstimateFields(args, row.estimate)) fields.push_back(field);
  for (double v : {row.vs_rest.difference, row.vs_rest.ci_low, row.vs_rest.ci_high,
                   row.vs_rest.p_value, row.p_adjusted}) {
    fields.push_back(Full(v));
  }
  return fields;
}

// Scoring errors name the file; an index is a data row.
Status InFile(const InputArgs& input, const Table& table, const Status& status) {
  std::string message = "'" + input.file + "': " + status.message();
  if (status.message().find("index") != std::string::npos && table.skipped_rows == 0) {
    message += " (index 0 is the first row after the header)";
  }
  if (table.skipped_rows > 0) {
    message += " (" + std::to_string(table.skipped_rows) + " bad rows skipped)";
  }
  return Status(status.code(), message);
}

namespace {

int OutputSingle(const ScoreArgs& args, const Table& table, const Estimate& e) {
  bool weighted = !table.weights.empty();
  switch (args.format) {
    case OutputFormat::kTable:
      PrintEstimateTable(args, e, weighted);
      if (table.skipped_rows > 0) {
        std::cout << "skipped rows  " << table.skipped_rows << " (bad rows, --skip-bad-rows)\n";
      }
      break;
    case OutputFormat::kJson: {
      nlohmann::json out = {{"metric", args.metric_name},
                            {"interval", IntervalName(args.interval.method)},
                            {"weighted", weighted},
                            {"skipped_rows", table.skipped_rows},
                            {"estimate", EstimateJson(e)}};
      std::cout << DumpJson(out);
      break;
    }
    case OutputFormat::kCsv: {
      std::cout << CsvRow(CsvHeader(args));
      std::vector<std::string> row = {"overall"};
      for (const std::string& field : CsvEstimateFields(args, e)) row.push_back(field);
      row.resize(CsvHeader(args).size());
      std::cout << CsvRow(row);
      break;
    }
  }
  return kExitOk;
}

int OutputBreakdown(const ScoreArgs& args, const Table& table, const Estimate& overall,
                    const std::vector<const CategoricalColumn*>& columns,
                    const std::vector<BreakdownRow>& rows) {
  bool weighted = !table.weights.empty();
  int d = DisplayDecimals(args.metric);
  std::string name = MetricDisplayName(args.metric_name);
  switch (args.format) {
    case OutputFormat::kTable: {
      std::cout << DescribeMetric(args) << ", " << IntervalName(args.interval.method)
                << " intervals, " << WeightingText(weighted ? args.input.weight_column : "")
                << "\n\n"
                << BreakdownTableText(args, columns, rows) << "\noverall: " << name << " "
                << FormatFixed(overall.value, d) << " "
                << FormatInterval(overall.ci_low, overall.ci_high, d) << ", n " << overall.n << "\n"
                << "'vs rest' is the segment minus all other responses; p is two-sided, "
                << "adjusted across the " << rows.size() << " rows (" << PAdjustName(args.p_adjust)
                << ").\n";
      if (table.skipped_rows > 0) {
        std::cout << "skipped " << table.skipped_rows << " bad rows (--skip-bad-rows)\n";
      }
      break;
    }
    case OutputFormat::kJson: {
      nlohmann::json out_rows = BreakdownRowsJson(args, columns, rows);
      nlohmann::json out = {{"metric", args.metric_name},
                            {"interval", IntervalName(args.interval.method)},
                            {"weighted", weighted},
                            {"skipped_rows", table.skipped_rows},
                            {"by", args.by},
                            {"p_adjust", PAdjustName(args.p_adjust)},
                            {"estimate", EstimateJson(overall)},
                            {"rows", out_rows}};
      std::cout << DumpJson(out);
      break;
    }
    case OutputFormat::kCsv: {
      std::vector<std::string> header = CsvHeader(args);
      std::cout << CsvRow(header);
      std::vector<std::string> first = {"overall"};
      first.resize(1 + args.by.size());
      for (const std::string& field : CsvEstimateFields(args, overall)) first.push_back(field);
      first.resize(header.size());
      std::cout << CsvRow(first);
      for (const BreakdownRow& row : rows)
        std::cout << CsvRow(CsvSegmentFields(args, columns, row));
      break;
    }
  }
  return kExitOk;
}

}  // namespace

int RunScore(const ScoreArgs& args) {
  if (args.design()) return RunDesignScore(args);
  CsvOptions csv;
  csv.score_column = args.input.score_column;
  csv.weight_column = args.input.weight_column;
  csv.segment_columns = args.by;
  csv.delimiter = args.input.delimiter;
  csv.skip_bad_rows = args.input.skip_bad_rows;
  csv.max_bytes = args.input.max_bytes;
  csv.decimal = args.input.dialect.decimal;
  csv.encoding = args.input.dialect.encoding;
  Result<Table> table = ReadCsv(args.input.file, csv);
  if (!table.ok()) return FailData(table.status());
  const double* weights = table->weights.empty() ? nullptr : table->weights.data();
  Result<Estimate> overall = Status(CANDOR_INTERNAL, "not estimated");
  {
    // The bootstrap's replicates (only the overall estimate resamples
    // responses; a breakdown's bootstrap resamples counts, in microseconds).
    // Without a bootstrap, no bar (nor its Ctrl-C handler).
    IntervalOptions interval = args.interval;
    std::optional<ProgressBar> bar;
    if (interval.method == IntervalMethod::kBootstrap) {
      bar.emplace("bootstrapping", args.quiet, ProgressBar::Unit::kSteps);
      interval.progress = bar->hook();
    }
    overall = EstimateScores(args.metric, table->scores.data(), weights, table->rows(), interval);
  }
  if (!overall.ok() && overall.status().code() == CANDOR_CANCELLED) {
    return Fail(kExitInterrupted, "interrupted (Ctrl-C): " + overall.status().message());
  }
  if (!overall.ok()) return FailData(InFile(args.input, *table, overall.status()));
  if (table->skipped_rows > 0 && args.format != OutputFormat::kTable) {
    std::cerr << "candor: note: skipped " << table->skipped_rows << " bad rows\n";
  }
  // The weighting rule (weight_rule.hpp): a column that looks like weights
  // but was not named is noted, on stderr so that JSON and CSV stay data.
  if (std::optional<std::string> note = UnusedWeightNote(
          ReadHeaderColumns(args.input.file, args.input).value_or(std::vector<std::string>()),
          args.input.weight_column)) {
    std::cerr << "candor: note: " << *note << "\n";
  }
  if (args.by.empty()) return OutputSingle(args, *table, *overall);

  std::vector<const CategoricalColumn*> columns;
  std::vector<const int32_t*> segments;
  for (const std::string& name : args.by) {
    const CategoricalColumn* column = table->FindCategorical(name);
    if (column == nullptr || column->codes.size() != table->rows()) {
      return FailData(NotFound("no segment column '" + name + "' in the table"));
    }
    columns.push_back(column);
    segments.push_back(column->codes.data());
  }
  Result<std::vector<BreakdownRow>> rows =
      Breakdown(args.metric, table->scores.data(), weights, table->rows(), segments, args.interval,
                args.p_adjust);
  if (!rows.ok()) return FailData(InFile(args.input, *table, rows.status()));
  return OutputBreakdown(args, *table, *overall, columns, *rows);
}

}  // namespace candor::cli
