// The report's next-steps section. Placeholder until its builder lands.
#include "report_sections.hpp"

namespace candor::report_internal {

Status BuildNextSteps(const ReportContext& context, const ReportModel& report,
                      ReportNextSteps* next_steps) {
  (void)context;
  (void)report;
  next_steps->present = false;
  next_steps->absent_reason = "not built yet";
  return OkStatus();
}

}  // namespace candor::report_internal
