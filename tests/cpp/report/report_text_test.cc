// The terminal text renderer: every section in order, absent sections with
// their reasons, numbers rounded as the JSON reader would round them.
#include <gtest/gtest.h>

#include <candor/report.hpp>
#include <cmath>
#include <string>

#include "report_format.hpp"

namespace candor {
namespace {

using report_internal::Fixed;
using report_internal::Money;
using report_internal::PValue;
using report_internal::Signed;
using report_internal::Wrap;

TEST(ReportFormat, RoundsAndSigns) {
  EXPECT_EQ(Fixed(31.25, 1), "31.2");  // printf rounds the binary value 31.25 to even
  EXPECT_EQ(Fixed(-0.04, 1), "0.0");
  EXPECT_EQ(Fixed(std::nan(""), 1), "-");
  EXPECT_EQ(Signed(2.5, 1), "+2.5");
  EXPECT_EQ(Signed(-2.5, 1), "-2.5");
  EXPECT_EQ(Signed(0.01, 1), "0.0");
  EXPECT_EQ(PValue(0.0004), "<0.001");
  EXPECT_EQ(PValue(0.0123), "0.012");
  EXPECT_EQ(Money(1234567.4), "$1,234,567");
  EXPECT_EQ(Money(999), "$999");
  EXPECT_EQ(Money(-1500), "-$1,500");
}

TEST(ReportFormat, WrapsAtWidth) {
  std::string text = Wrap("aaa bbb ccc ddd", 9, "  ");
  EXPECT_EQ(text, "  aaa bbb\n  ccc ddd\n");
}

ReportModel Fixture() {
  ReportModel report;
  report.source = "survey.csv";
  report.rows = 120;
  report.level = 0.95;
  report.guesses = {"used column 'submitted' for time (by name)"};
  ReportHeadline& h = report.headline;
  h.present = true;
  h.nps.value = 12.34;
  h.nps.ci_low = 1.06;
  h.nps.ci_high = 23.62;
  h.nps.n = 120;
  h.nps.effective_n = 98.6;
  h.promoters = 0.4;
  h.passives = 0.324;
  h.detractors = 0.276;
  h.weighting = "column 'weight'";
  h.design_effect = 1.22;
  h.reading = "The NPS of all customers is between 1.1 and 23.6.";
  h.caveats = {"The interval covers sampling noise only."};
  report.trend.absent_reason = "no time column (give --time-column)";
  ReportSegments& s = report.segments;
  s.present = true;
  ReportSegmentColumn column;
  column.column = "region";
  ReportSegmentRow row;
  row.label = "EMEA";
  row.nps.value = -5;
  row.nps.n = 40;
  row.vs_rest.difference = -26.2;
  row.p_adjusted = 0.0004;
  row.significant = true;
  column.rows.push_back(row);
  s.columns.push_back(column);
  report.voice.absent_reason = "no comment column";
  report.accounts.absent_reason = "no account column";
  report.next_steps.absent_reason = "nothing to follow up";
  return report;
}

TEST(ReportText, ShowsEverySectionInOrder) {
  std::string text = RenderReportText(Fixture());
  size_t at = 0;
  for (const char* heading :
       {"== Headline ==", "== Trend ==", "== Segments ==", "== What customers say ==",
        "== Accounts ==", "== What to do next =="}) {
    size_t found = text.find(heading, at);
    ASSERT_NE(found, std::string::npos) << heading << "\n" << text;
    at = found;
  }
}

TEST(ReportText, NumbersAndReasons) {
  std::string text = RenderReportText(Fixture());
  EXPECT_NE(text.find("Net Promoter Score (NPS): 12.3   95% interval 1.1 to 23.6, n = 120"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("effective n 99"), std::string::npos);
  EXPECT_NE(
      text.find("weighting: column 'weight' (Kish design effect 1.22, effective n 99 of 120)"),
      std::string::npos);
  EXPECT_NE(text.find("used column 'submitted' for time (by name)"), std::string::npos);
  EXPECT_NE(text.find("Not shown: no time column (give --time-column)"), std::string::npos);
  EXPECT_NE(text.find("EMEA is 26.2 points lower than the rest (adjusted p <0.001)."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("* The interval covers sampling noise only."), std::string::npos);
}

// Every column of a text table has a header: no dashed rule under an empty
// one (the trend's and segments' note columns had none).
TEST(ReportText, EveryTableColumnHasAHeader) {
  ReportModel report = Fixture();
  ReportTrend& t = report.trend;
  t.present = true;
  t.period = "month";
  t.time_zone = "UTC";
  for (const char* label : {"2025-01", "2025-02", "2025-03"}) {
    ReportTrendPoint point;
    point.label = label;
    point.nps.n = 40;
    t.points.push_back(point);
  }
  t.points[1].outside_control = true;
  report.segments.adjustment = "holm";
  std::string text = RenderReportText(report);
  // The trend's and the segments' header rows end with their note column.
  EXPECT_NE(text.find("95% interval                    note\n"), std::string::npos) << text;
  EXPECT_NE(text.find("p (holm)     note\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("--------  --------\n"), std::string::npos) << text;
}

TEST(ReportText, UnvalidatedHealthSaysWhyInsteadOfDashes) {
  ReportModel report = Fixture();
  report.accounts.absent_reason.clear();
  report.accounts.present = true;
  ReportHealth& h = report.accounts.health;
  h.present = true;
  h.grades = {"A", "B"};
  h.accounts_per_grade = {3, 4};
  h.validation_absent_reason = "no outcome column: give --outcome-column to validate";
  std::string text = RenderReportText(report);
  EXPECT_EQ(text.find("AUC -"), std::string::npos) << text;
  EXPECT_NE(text.find("not validated against churn: no outcome"), std::string::npos) << text;
}

}  // namespace
}  // namespace candor
