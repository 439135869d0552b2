// candor report: the library's report (candor::BuildReport) of one survey
// file, rendered as text, JSON or HTML. This file only chooses the columns,
// reads the file and writes what the renderer returns.
#include <candor/csv.hpp>
#include <candor/report.hpp>
#include <candor/table.hpp>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "data.hpp"
#include "progress_bar.hpp"
#include "report_columns.hpp"

namespace candor::cli {
namespace {

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// --format, else --output's extension (.json, .html or .htm), else text.
ReportFormat ChosenFormat(const ReportArgs& args) {
  if (args.format) return *args.format;
  if (EndsWith(args.output, ".json")) return ReportFormat::kJson;
  if (EndsWith(args.output, ".html") || EndsWith(args.output, ".htm")) return ReportFormat::kHtml;
  return ReportFormat::kText;
}

CsvOptions CsvFor(const ReportColumns& columns) {
  CsvOptions csv;
  csv.score_column = columns.score;
  csv.comment_column = columns.comment;
  csv.time_column = columns.time;
  csv.account_column = columns.account;
  csv.weight_column = columns.weight;
  csv.segment_columns = columns.segments;
  for (const std::string* name : {&columns.arr, &columns.outcome, &columns.invited}) {
    bool listed = false;
    for (const std::string& kept : csv.number_columns) listed = listed || kept == *name;
    if (!name->empty() && !listed) csv.number_columns.push_back(*name);
  }
  return csv;
}

Result<ReportModel> Build(const ReportArgs& args) {
  ReportOptions options;
  options.level = args.level;
  options.time_zone = args.time_zone;
  options.period = args.period;
  options.source = args.input.file;
  if (options.source.empty()) {
    Result<std::string> sample = FindSampleCsv();
    if (!sample.ok()) return sample.status();
    options.source = *sample;
    options.bundled_sample = true;
  }
  ReportColumns config;
  config.score.clear();
  if (!args.columns_config.empty()) {
    Result<ReportColumns> read = ReadColumnsConfig(args.columns_config);
    if (!read.ok()) return read.status();
    config = std::move(read).value();
  }
  // An unreadable file or header is reported by ReadInput below.
  const std::vector<std::string> header =
      ReadHeaderColumns(options.source, args.input).value_or(std::vector<std::string>());
  options.columns = ChooseReportColumns(args, config, header, &options.guesses);

  InputArgs input = args.input;
  input.score_column = options.columns.score;
  Result<Table> table = [&] {
    ProgressBar bar(options.source, args.quiet);
    return ReadInput(options.source, input, CsvFor(options.columns), bar.hook());
  }();
  if (!table.ok()) return table.status();
  Result<ReportExtras> extras = ReportExtrasFromTable(*table, options.columns);
  if (!extras.ok()) return extras.status();

  ProgressBar bar("building the report", args.quiet, ProgressBar::Unit::kSteps);
  options.progress = bar.hook();
  Result<ReportModel> report = BuildReport(*table, *extras, options);
  if (!report.ok()) {
    return Status(report.status().code(), "'" + options.source + "': " + report.status().message());
  }
  return report;
}

std::string Render(const ReportModel& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::kJson:
      return RenderReportJson(report);
    case ReportFormat::kHtml:
      return RenderReportHtml(report);
    case ReportFormat::kText:
      break;
  }
  return RenderReportText(report);
}

}  // namespace

int RunReport(const ReportArgs& args) {
  Result<ReportModel> report = Build(args);
  if (!report.ok() && report.status().code() == CANDOR_CANCELLED) {
    return Fail(kExitInterrupted, "interrupted (Ctrl-C): " + report.status().message());
  }
  if (!report.ok()) return FailData(report.status());
  const std::string text = Render(*report, ChosenFormat(args));
  if (args.output.empty()) {
    std::cout << text << std::flush;
    return std::cout ? kExitOk : Fail(kExitDataError, "writing the report to stdout failed");
  }
  std::ofstream file(args.output, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) return Fail(kExitDataError, "cannot write the report to '" + args.output + "'");
  return kExitOk;
}

}  // namespace candor::cli
