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
