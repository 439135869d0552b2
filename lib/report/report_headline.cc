// The report's headline section. Placeholder until its builder lands.
#include "report_sections.hpp"

namespace candor::report_internal {

Status BuildHeadline(const ReportContext& context, ReportHeadline* headline) {
  (void)context;
  headline->present = false;
  headline->absent_reason = "not built yet";
  return OkStatus();
}

}  // namespace candor::report_internal
