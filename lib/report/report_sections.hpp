// The report's section builders, one file each (report_<section>.cc), and
// what they share. Each fills its section: present with its numbers, or
// absent with the reason. Only cancellation (CANDOR_CANCELLED) is an error:
// a section that cannot be estimated is absent, never a failed report.
#ifndef CANDOR_LIB_REPORT_REPORT_SECTIONS_HPP_
#define CANDOR_LIB_REPORT_REPORT_SECTIONS_HPP_

#include <candor/report.hpp>
#include <candor/score.hpp>
#include <candor/status.hpp>
#include <candor/table.hpp>

namespace candor::report_internal {

struct ReportContext {
  const Table& table;
  const ReportExtras& extras;
  const ReportOptions& options;
  const double* weights = nullptr;  // null: unweighted
  IntervalOptions interval;         // Wald at options.level
};

// The sections, in BuildReport's order; progress is reported as sections
// done of kReportSections. A long section also reports, between its chunks,
// the sections done before it (the same value again), so that a caller can
// cancel it without waiting for it to end.
inline constexpr int kReportSections = 6;
inline constexpr int kSectionsBeforeVoice = 3;

Status BuildHeadline(const ReportContext& context, ReportHeadline* headline);
Status BuildTrend(const ReportContext& context, ReportTrend* trend);
Status BuildSegments(const ReportContext& context, ReportSegments* segments);
Status BuildVoice(const ReportContext& context, ReportVoice* voice);
Status BuildAccounts(const ReportContext& context, ReportAccounts* accounts);
// Runs after the others: it may summarize what they found.
Status BuildNextSteps(const ReportContext& context, const ReportModel& report,
                      ReportNextSteps* next_steps);

}  // namespace candor::report_internal

#endif  // CANDOR_LIB_REPORT_REPORT_SECTIONS_HPP_
