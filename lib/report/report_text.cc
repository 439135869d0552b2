// The report as text. Placeholder until its renderer lands.
#include <candor/report.hpp>

namespace candor {

std::string RenderReportText(const ReportModel& report) {
  (void)report;
  return "";
}

}  // namespace candor
