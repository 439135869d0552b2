// The report's accounts section. Placeholder until its builder lands.
#include "report_sections.hpp"

namespace candor::report_internal {

Status BuildAccounts(const ReportContext& context, ReportAccounts* accounts) {
  (void)context;
  accounts->present = false;
  accounts->absent_reason = "not built yet";
  return OkStatus();
}

}  // namespace candor::report_internal
