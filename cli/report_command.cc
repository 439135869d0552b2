// candor report: an honest, readable NPS report of one survey file.
#include <algorithm>
#include <candor/csv.hpp>
#include <candor/score.hpp>
#include <candor/table.hpp>
#include <cmath>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "data.hpp"
#include "format.hpp"
#include "normal_quantile.hpp"
#include "progress_bar.hpp"

namespace candor::cli {
namespace {

constexpr const char* kSegmentColumns[] = {"region", "plan", "role", "segment"};

struct Inputs {
  std::string file;
  bool is_sample = false;
  std::string weight_column;  // empty: unweighted
  std::string time_column;    // empty: no month section
  std::vector<std::string> segment_columns;
  Table table;
};

struct SegmentRow {
  std::string label;
  BreakdownRow row;
};

struct SegmentSection {
  std::string column;
  std::vector<SegmentRow> rows;
};

struct Report {
  Inputs inputs;
  double level = 0.95;
  Estimate overall;
  double promoters = 0, passives = 0, detractors = 0;  // weighted shares
  double margin = 0;                                   // z * SE: half-width of the overall interval
  double change_threshold = 0;  // z * sqrt(2) * SE: noise level of a difference
  std::vector<SegmentSection> segments;
  std::vector<SegmentRow> months;
};

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Result<Inputs> LoadInputs(const ReportArgs& args) {
  Inputs inputs;
  inputs.file = args.input.file;
  if (inputs.file.empty()) {
    Result<std::string> sample = FindSampleCsv();
    if (!sample.ok()) return sample.status();
    inputs.file = *sample;
    inputs.is_sample = true;
  }
  // An unreadable file or header is reported by ReadInput below.
  const std::vector<std::string> header =
      ReadHeaderColumns(inputs.file, args.input).value_or(std::vector<std::string>());

  if (!args.input.weight_column.empty()) {
    inputs.weight_column = args.input.weight_column;
  } else if (!args.unweighted && Contains(header, "weight")) {
    inputs.weight_column = "weight";
  }
  if (!args.time_column.empty()) {
    inputs.time_column = args.time_column;
  } else {
    inputs.time_column = FindTimeColumn(header);
  }
  if (!args.by.empty()) {
    inputs.segment_columns = args.by;
  } else {
    for (const char* name : kSegmentColumns) {
      if (Contains(header, name)) inputs.segment_columns.push_back(name);
    }
  }

  CsvOptions csv;
  csv.weight_column = inputs.weight_column;
  csv.time_column = inputs.time_column;
  csv.segment_columns = inputs.segment_columns;
  ProgressBar progress_bar(inputs.file, args.quiet);
  Result<Table> table = ReadInput(inputs.file, args.input, csv, progress_bar.hook());
  if (!table.ok()) return table.status();
  inputs.table = std::move(table).value();
  return inputs;
}

// Breakdown rows with their labels; `labels(code)` names a code.
template <typename LabelOf>
Result<std::vector<SegmentRow>> LabeledBreakdown(const Report& report, const int32_t* codes,
                                                 LabelOf labels) {
  const Table& table = report.inputs.table;
  IntervalOptions options;
  options.level = report.level;
  const double* weights = table.weights.empty() ? nullptr : table.weights.data();
  Result<std::vector<BreakdownRow>> rows = Breakdown(
      Metric::Nps(), table.scores.data(), weights, table.rows(), {codes}, options, PAdjust::kHolm);
  if (!rows.ok()) return rows.status();
  std::vector<SegmentRow> out;
  for (const BreakdownRow& row : *rows) {
    out.push_back({row.codes.empty() ? "?" : labels(row.codes[0]), row});
  }
  return out;
}

Result<Report> Analyze(const ReportArgs& args) {
  Report report;
  report.level = args.level;
  Result<Inputs> inputs = LoadInputs(args);
  if (!inputs.ok()) return inputs.status();
  report.inputs = std::move(inputs).value();
  const Table& table = report.inputs.table;
  auto in_file = [&](const Status& status) {
    return Status(status.code(), "'" + report.inputs.file + "': " + status.message());
  };
  const double* weights = table.weights.empty() ? nullptr : table.weights.data();

  IntervalOptions options;
  options.level = args.level;
  Result<Estimate> overall =
      EstimateScores(Metric::Nps(), table.scores.data(), weights, table.rows(), options);
  if (!overall.ok()) return in_file(overall.status());
  report.overall = *overall;

  // Shares of the three groups (scores were validated by EstimateScores).
  double total = 0;
  for (size_t i = 0; i < table.rows(); ++i) {
    double w = weights ? weights[i] : 1.0;
    total += w;
    if (table.scores[i] >= 9) {
      report.promoters += w;
    } else if (table.scores[i] >= 7) {
      report.passives += w;
    } else {
      report.detractors += w;
    }
  }
  if (total > 0) {
    report.promoters /= total;
    report.passives /= total;
    report.detractors /= total;
  }
  // The margin of error of one estimate, and of the difference of two
  // independent periods of the same size and spread: sqrt(2) times larger.
  double z = NormalQuantile((1 + args.level) / 2);
  report.margin = z * report.overall.std_error;
  report.change_threshold = z * std::sqrt(2.0) * report.overall.std_error;

  for (const std::string& name : report.inputs.segment_columns) {
    const CategoricalColumn* column = table.FindCategorical(name);
    if (column == nullptr || column->codes.size() != table.rows()) {
      return NotFound("no segment column '" + name + "' in the table");
    }
    Result<std::vector<SegmentRow>> rows =
        LabeledBreakdown(report, column->codes.data(), [&](int32_t code) {
          return code >= 0 && static_cast<size_t>(code) < column->dictionary.size()
                     ? column->dictionary.Label(code)
                     : std::string("?");
        });
    if (!rows.ok()) return in_file(rows.status());
    report.segments.push_back({name, std::move(rows).value()});
  }

  if (!table.times.empty()) {
    std::vector<int32_t> month_codes(table.rows());
    for (size_t i = 0; i < table.rows(); ++i) {
      month_codes[i] = static_cast<int32_t>(MonthCode(table.times[i]));
    }
    Result<std::vector<SegmentRow>> rows =
        LabeledBreakdown(report, month_codes.data(), [](int32_t code) { return MonthLabel(code); });
    if (!rows.ok()) return in_file(rows.status());
    report.months = std::move(rows).value();
  }
  return report;
}

bool Significant(const Report& report, const BreakdownRow& row) {
  return row.p_adjusted < 1 - report.level;  // false for NaN
}

// "below" / "above" when the row's interval excludes the overall NPS.
std::string Excludes(const Report& report, const Estimate& e) {
  if (e.ci_high < report.overall.value) return "below";
  if (e.ci_low > report.overall.value) return "above";
  return "";
}

std::string Percent(double share) { return FormatFixed(100 * share, 1) + "%"; }

std::string Points(double value) {
  return FormatFixed(value, 1) + (FormatFixed(value, 1) == "1.0" ? " point" : " points");
}

void PrintSegmentTable(const Report& report, const std::string& column,
                       const std::vector<SegmentRow>& rows, bool month) {
  std::string level = FormatLevel(report.level);
  TextTable text({column, "n", "NPS", level + " interval", "vs rest", "p (Holm)", ""}, 1);
  text.SetLeftAligned(6);
  for (const SegmentRow& r : rows) {
    const Estimate& e = r.row.estimate;
    std::string flag;
    if (month) {
      std::string side = Excludes(report, e);
      if (!side.empty()) flag = "interval " + side + " overall";
      if (Significant(report, r.row)) flag += std::string(flag.empty() ? "" : "; ") + "differs*";
    } else if (Significant(report, r.row)) {
      flag = r.row.vs_rest.difference < 0 ? "* lower" : "* higher";
    }
    text.AddRow({r.label, std::to_string(e.n), FormatFixed(e.value, 1),
                 FormatInterval(e.ci_low, e.ci_high, 1), FormatSigned(r.row.vs_rest.difference, 1),
                 FormatP(r.row.p_adjusted), flag});
  }
  std::cout << text.Render("  ");
}

void PrintText(const Report& report) {
  const Inputs& in = report.inputs;
  const Estimate& e = report.overall;
  std::string level = FormatLevel(report.level);
  std::string alpha = FormatFixed(1 - report.level, 3);
  while (alpha.back() == '0') alpha.pop_back();

  std::cout << "candor NPS report: " << in.file
            << (in.is_sample ? " (bundled synthetic sample)" : "") << "\n"
            << e.n << " responses";
  if (!in.weight_column.empty()) {
    std::cout << ", weighted by column '" << in.weight_column << "' (effective n "
              << FormatFixed(e.effective_n, 0) << ")";
  } else {
    std::cout << ", unweighted";
  }
  if (in.table.skipped_rows > 0) std::cout << "; " << in.table.skipped_rows << " bad rows skipped";
  std::cout << "\n\n";

  std::cout << "Net Promoter Score (NPS): " << FormatFixed(e.value, 1) << "   " << level
            << " interval " << FormatFixed(e.ci_low, 1) << " to " << FormatFixed(e.ci_high, 1)
            << ", n = " << e.n << "\n"
            << "  promoters (9-10) " << Percent(report.promoters) << ", passives (7-8) "
            << Percent(report.passives) << ", detractors (0-6) " << Percent(report.detractors)
            << "\n\n"
            << "What this means: if these responses are a fair sample of your customers, the\n"
            << "NPS of all of them is between " << FormatFixed(e.ci_low, 1) << " and "
            << FormatFixed(e.ci_high, 1) << " with " << level << " confidence";
  // A clipped interval (tiny samples near +/-100) has no single margin.
  bool clipped = e.value - report.margin < -100 || e.value + report.margin > 100;
  if (!clipped) std::cout << " (margin of error +/- " << Points(report.margin) << ")";
  std::cout << ".\n"
            << "A change smaller than " << Points(report.change_threshold)
            << " between two periods of this size (" << e.n << " responses each)\n"
            << "would be noise: too small to tell apart from sampling variation.\n"
            << "The interval covers sampling noise only, not bias in who chose to answer.\n";
  if (e.effective_n < 30) {
    std::cout << "Caution: with an effective sample of " << FormatFixed(e.effective_n, 0)
              << " (under 30) the normal approximation is poor;\n"
              << "treat every interval here as a rough guide.\n";
  }

  for (const SegmentSection& section : report.segments) {
    std::cout << "\nBy " << section.column << " (each value against all other responses):\n";
    PrintSegmentTable(report, section.column, section.rows, false);
    std::vector<std::string> notes;
    for (const SegmentRow& r : section.rows) {
      if (!Significant(report, r.row)) continue;
      notes.push_back(
          r.label + " is " + Points(std::fabs(r.row.vs_rest.difference)) + " " +
          (r.row.vs_rest.difference < 0 ? "lower" : "higher") + " than the rest (Holm-adjusted p " +
          (r.row.p_adjusted < 0.001 ? "< 0.001" : "= " + FormatP(r.row.p_adjusted)) + ")");
    }
    if (notes.empty()) {
      std::cout << "  No " << section.column << " differs from the rest at the " << level
                << " level after Holm adjustment.\n";
    } else {
      for (const std::string& note : notes) std::cout << "  * " << note << ".\n";
    }
  }

  if (in.time_column.empty()) {
    std::cout << "\nNo time column found (looked for timestamp, time, date, submitted_at,\n"
                 "created_at; use --time-column): no monthly view.\n";
    return;
  }
  std::cout << "\nBy month (UTC, from column '" << in.time_column << "'):\n";
  PrintSegmentTable(report, "month", report.months, true);
  std::vector<std::string> outside;
  for (const SegmentRow& r : report.months) {
    std::string side = Excludes(report, r.row.estimate);
    if (!side.empty()) outside.push_back(r.label + " (" + side + ")");
  }
  size_t k = report.months.size();
  double chance = 1 - std::pow(report.level, static_cast<double>(k));
  if (outside.empty()) {
    std::cout << "  Every month's " << level << " interval contains the overall NPS of "
              << FormatFixed(e.value, 1) << ".\n";
  } else {
    std::cout << "  Months whose " << level << " interval does not contain the overall NPS of "
              << FormatFixed(e.value, 1) << ":";
    for (size_t i = 0; i < outside.size(); ++i) std::cout << (i ? ", " : " ") << outside[i];
    std::cout << ".\n  These are worth a look, not proof of a change: with " << k
              << " months, at least one interval\n  would miss by chance alone about "
              << FormatFixed(100 * chance, 0) << "% of the time even if nothing changed. "
              << "Months marked\n  'differs*' also differ from all other months after Holm "
              << "adjustment (p < " << alpha << ").\n";
  }
}

nlohmann::json SegmentJson(const Report& report, const SegmentRow& r, const char* key) {
  nlohmann::json row = {{key, r.label},
                        {"estimate", EstimateJson(r.row.estimate)},
                        {"vs_rest", ComparisonJson(r.row.vs_rest)},
                        {"p_adjusted", NumberOrNull(r.row.p_adjusted)},
                        {"significant", Significant(report, r.row)}};
  return row;
}

void PrintJson(const Report& report) {
  const Inputs& in = report.inputs;
  nlohmann::json segments = nlohmann::json::array();
  for (const SegmentSection& section : report.segments) {
    nlohmann::json rows = nlohmann::json::array();
    for (const SegmentRow& r : section.rows) rows.push_back(SegmentJson(report, r, "label"));
    segments.push_back({{"column", section.column}, {"rows", rows}});
  }
  nlohmann::json months = nlohmann::json::array();
  for (const SegmentRow& r : report.months) {
    nlohmann::json row = SegmentJson(report, r, "month");
    std::string side = Excludes(report, r.row.estimate);
    row["interval_excludes_overall"] = !side.empty();
    row["side"] = side.empty() ? nlohmann::json(nullptr) : nlohmann::json(side);
    months.push_back(row);
  }
  nlohmann::json out = {
      {"file", in.file},
      {"bundled_sample", in.is_sample},
      {"metric", "nps"},
      {"interval", "wald"},
      {"p_adjust", "holm"},
      {"weight_column",
       in.weight_column.empty() ? nlohmann::json(nullptr) : nlohmann::json(in.weight_column)},
      {"time_column",
       in.time_column.empty() ? nlohmann::json(nullptr) : nlohmann::json(in.time_column)},
      {"skipped_rows", in.table.skipped_rows},
      {"overall", EstimateJson(report.overall)},
      {"shares",
       {{"promoters", report.promoters},
        {"passives", report.passives},
        {"detractors", report.detractors}}},
      {"margin_of_error", NumberOrNull(report.margin)},
      {"change_threshold", NumberOrNull(report.change_threshold)},
      {"segments", segments},
      {"months", months}};
  std::cout << DumpJson(out);
}

}  // namespace

int RunReport(const ReportArgs& args) {
  Result<Report> report = Analyze(args);
  if (!report.ok() && report.status().code() == CANDOR_CANCELLED) {
    return Fail(kExitInterrupted, "interrupted (Ctrl-C): " + report.status().message());
  }
  if (!report.ok()) return FailData(report.status());
  if (args.format == OutputFormat::kJson) {
    PrintJson(*report);
  } else {
    PrintText(*report);
  }
  return kExitOk;
}

}  // namespace candor::cli
