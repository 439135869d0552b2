// The report as html. Placeholder until its renderer lands.
#include <candor/report.hpp>

namespace candor {

std::string RenderReportHtml(const ReportModel& report) {
  (void)report;
  return "";
}

}  // namespace candor
