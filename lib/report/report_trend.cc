// The report's trend section. Placeholder until its builder lands.
#include "report_sections.hpp"

namespace candor::report_internal {

Status BuildTrend(const ReportContext& context, ReportTrend* trend) {
  (void)context;
  trend->present = false;
  trend->absent_reason = "not built yet";
  return OkStatus();
}

}  // namespace candor::report_internal
