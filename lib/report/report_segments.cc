// The report's segments section. Placeholder until its builder lands.
#include "report_sections.hpp"

namespace candor::report_internal {

Status BuildSegments(const ReportContext& context, ReportSegments* segments) {
  (void)context;
  segments->present = false;
  segments->absent_reason = "not built yet";
  return OkStatus();
}

}  // namespace candor::report_internal
