// The report's voice section. Placeholder until its builder lands.
#include "report_sections.hpp"

namespace candor::report_internal {

Status BuildVoice(const ReportContext& context, ReportVoice* voice) {
  (void)context;
  voice->present = false;
  voice->absent_reason = "not built yet";
  return OkStatus();
}

}  // namespace candor::report_internal
