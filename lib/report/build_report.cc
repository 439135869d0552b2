// BuildReport: validates the inputs, then fills the sections in order,
// reporting progress after each.
#include <candor.h>

#include <candor/report.hpp>
#include <cmath>
#include <string>

#include "report_sections.hpp"

namespace candor {
namespace {

using report_internal::ReportContext;

constexpr int kSections = report_internal::kReportSections;

std::string VersionString() {
  return std::to_string(CANDOR_VERSION_MAJOR) + "." + std::to_string(CANDOR_VERSION_MINOR) + "." +
         std::to_string(CANDOR_VERSION_PATCH);
}

Status CheckExtra(const std::vector<double>& values, size_t rows, const char* name) {
  if (!values.empty() && values.size() != rows) {
    return Status(CANDOR_LENGTH_MISMATCH, std::string("report ") + name + " has " +
                                              std::to_string(values.size()) + " values for " +
                                              std::to_string(rows) + " rows");
  }
  return OkStatus();
}

Status Cancelled(int done) {
  return Status(CANDOR_CANCELLED, "report cancelled after " + std::to_string(done) + " of " +
                                      std::to_string(kSections) + " sections");
}

}  // namespace

Status ReportOptions::Validate() const {
  if (!(level > 0 && level < 1)) {
    return InvalidArgument("level must be in (0, 1), got " + std::to_string(level));
  }
  if (max_themes < 0 || quotes_per_theme < 0 || max_accounts < 0 || max_alarms < 0) {
    return InvalidArgument(
        "max_themes, quotes_per_theme, max_accounts and max_alarms must be >= 0");
  }
  return OkStatus();
}

Result<ReportModel> BuildReport(const Table& table, const ReportExtras& extras,
                                const ReportOptions& options) {
  if (Status status = options.Validate(); !status.ok()) return status;
  if (Status status = table.Validate(); !status.ok()) return status;
  if (table.rows() == 0) return InvalidArgument("report of an empty table: no responses");
  for (const auto& [values, name] :
       {std::pair{&extras.arr, "arr"}, std::pair{&extras.outcome, "outcome"},
        std::pair{&extras.invited, "invited"}}) {
    if (Status status = CheckExtra(*values, table.rows(), name); !status.ok()) return status;
  }

  IntervalOptions interval;
  interval.level = options.level;
  const ReportContext context{table, extras, options,
                              table.weights.empty() ? nullptr : table.weights.data(), interval};

  ReportModel report;
  report.candor_version = VersionString();
  report.source = options.source;
  report.bundled_sample = options.bundled_sample;
  report.rows = static_cast<int64_t>(table.rows());
  report.skipped_rows = static_cast<int64_t>(table.skipped_rows);
  report.level = options.level;
  report.columns = options.columns;
  report.guesses = options.guesses;

  int done = 0;
  auto step = [&](Status status) -> Status {
    if (!status.ok()) return status;
    ++done;
    if (!options.progress.Report(done, kSections)) return Cancelled(done);
    return OkStatus();
  };
  if (Status s = step(BuildHeadline(context, &report.headline)); !s.ok()) return s;
  if (Status s = step(BuildTrend(context, &report.trend)); !s.ok()) return s;
  if (Status s = step(BuildSegments(context, &report.segments)); !s.ok()) return s;
  if (Status s = step(BuildVoice(context, &report.voice)); !s.ok()) return s;
  if (Status s = step(BuildAccounts(context, &report.accounts)); !s.ok()) return s;
  if (Status s = step(BuildNextSteps(context, report, &report.next_steps)); !s.ok()) return s;
  return report;
}

}  // namespace candor
