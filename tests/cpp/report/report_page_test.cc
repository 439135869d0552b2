// The bundled sample's report page: self-contained and under 1 MB. With
// CANDOR_REPORT_PAGE_DIR set, also writes report.html and report.json there
// for the browser test (tests/browser/), until the CLI writes them.
#include <gtest/gtest.h>

#include <candor/csv.hpp>
#include <candor/report.hpp>
#include <cstdlib>
#include <fstream>
#include <string>

namespace candor {
namespace {

TEST(ReportPage, SampleIsSelfContainedAndSmall) {
  CsvOptions csv;
  csv.time_column = "timestamp";
  csv.account_column = "account_id";
  csv.role_column = "role";
  csv.comment_column = "comment";
  csv.segment_columns = {"region", "plan"};
  Result<Table> table = ReadCsv(CANDOR_TEST_DATA "/../../data/sample/survey.csv", csv);
  ASSERT_TRUE(table.ok()) << table.status().message();
  ReportOptions options;
  options.source = "survey.csv";
  options.bundled_sample = true;
  options.columns.comment = "comment";
  options.columns.time = "timestamp";
  options.columns.account = "account_id";
  options.columns.segments = {"region", "plan"};
  Result<ReportModel> report = BuildReport(*table, ReportExtras{}, options);
  ASSERT_TRUE(report.ok()) << report.status().message();
  const std::string html = RenderReportHtml(*report);
  EXPECT_LT(html.size(), 1u << 20);
  EXPECT_EQ(html.find("http"), std::string::npos);
  for (const char* id : {"headline", "trend", "segments", "voice", "accounts", "next-steps"}) {
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\""), std::string::npos) << id;
  }
  if (const char* dir = std::getenv("CANDOR_REPORT_PAGE_DIR")) {
    std::ofstream(std::string(dir) + "/report.html", std::ios::binary) << html;
    std::ofstream(std::string(dir) + "/report.json", std::ios::binary) << RenderReportJson(*report);
  }
}

}  // namespace
}  // namespace candor
