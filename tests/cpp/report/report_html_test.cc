// RenderReportHtml on hand-built models: structure, escaping, no URL of any
// kind, an accessible chart for each figure, absent sections with reasons.
#include <gtest/gtest.h>

#include <algorithm>
#include <candor/report.hpp>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace candor {
namespace {

const char kHostile[] = "<script>&\"";
const char kHostileEscaped[] = "&lt;script&gt;&amp;&quot;";

size_t Count(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

Estimate MakeEstimate(double value, int64_t n) {
  Estimate e;
  e.value = value;
  e.std_error = 4;
  e.ci_low = value - 7.84;
  e.ci_high = value + 7.84;
  e.n = n;
  e.effective_n = n * 0.9;
  return e;
}

Comparison MakeComparison(double difference) {
  Comparison c;
  c.difference = difference;
  c.std_error = 3;
  c.ci_low = difference - 5.88;
  c.ci_high = difference + 5.88;
  c.p_value = 0.0004;
  return c;
}

// Every section present; user text carries markup to be escaped.
ReportModel FullModel() {
  ReportModel r;
  r.candor_version = "0.5.0";
  r.source = "survey.csv";
  r.rows = 300;
  r.columns.comment = "comment";
  r.columns.time = "timestamp";
  r.columns.segments = {kHostile};
  r.guesses = {"used column 'timestamp' for time (by name)"};

  ReportHeadline& h = r.headline;
  h.present = true;
  h.nps = MakeEstimate(31.24, 300);
  h.promoters = 0.5;
  h.passives = 0.31;
  h.detractors = 0.19;
  for (int s = 0; s <= 10; ++s) {
    h.counts[s] = 10 + s;
    h.distribution[s] = (10.0 + s) / 165;
  }
  h.margin_of_error = 7.84;
  h.minimal_detectable_change = 11.09;
  h.reading = "Clearly positive & steady";
  h.weighting = "none";
  h.invited = 1000;
  h.answered = 300;
  h.response_rate = 0.3;
  h.caveats = {"Nonresponse: the 70% who did not answer may differ."};

  ReportTrend& t = r.trend;
  t.present = true;
  t.period = "month";
  t.time_zone = "UTC";
  for (int m = 0; m < 6; ++m) {
    ReportTrendPoint point;
    point.label = "2025-0" + std::to_string(m + 1);
    point.nps = MakeEstimate(20 + 3 * m, 50);
    point.outside_control = m == 5;
    t.points.push_back(point);
  }
  t.direction = "improving";
  t.test = "weighted least squares slope";
  t.slope = 3;
  t.slope_ci_low = 1.2;
  t.slope_ci_high = 4.8;
  t.slope_p_value = 0.002;
  t.mann_kendall_p_value = 0.01;
  ReportChange change;
  change.label = "2025-04";
  change.before = 22;
  change.after = 33;
  change.shift = MakeComparison(11);
  change.p_value = 0.01;
  change.p_adjusted = 0.01;
  t.changes = {change};
  t.minimal_detectable_change = 22.2;

  ReportSegments& s = r.segments;
  s.present = true;
  ReportSegmentColumn column;
  column.column = kHostile;
  for (const char* label : {kHostile, "EMEA"}) {
    ReportSegmentRow row;
    row.label = label;
    row.nps = MakeEstimate(25, 150);
    row.vs_rest = MakeComparison(-6);
    row.p_adjusted = 0.04;
    row.significant = true;
    column.rows.push_back(row);
  }
  s.columns = {column};

  ReportVoice& v = r.voice;
  v.present = true;
  v.comments = 240;
  v.responses = 300;
  v.mean_sentiment = 0.12;
  ReportTheme theme;
  theme.name = kHostile;
  theme.mentions = 40;
  theme.share = 40.0 / 240;
  theme.sentiment = -0.3;
  theme.impact = MakeComparison(-4);
  theme.trend = "rising";
  theme.quotes = {{std::string("It broke ") + kHostile, 2, "ACC-1"}};
  v.themes = {theme};
  v.emotions = {{"anger", 20, 20.0 / 240}};
  v.fire_alarms = {{"ACC-2", "We will cancel", 0, "threat to cancel", "support"}};

  ReportAccounts& a = r.accounts;
  a.present = true;
  a.accounts = 40;
  ReportAccount account;
  account.account = "ACC-3";
  account.arr = 123456;
  account.responses = 12;
  account.slope = -4.5;
  account.slope_ci_low = -8;
  account.slope_ci_high = -1;
  account.p_adjusted = 0.03;
  account.latest = -20;
  a.declining = {account};
  ReportHealth& health = a.health;
  health.present = true;
  health.grades = {"A", "F"};
  health.accounts_per_grade = {30, 10};
  health.auc = 0.71;
  health.auc_ci_low = 0.6;
  health.auc_ci_high = 0.82;
  health.calibration = {{0.1, 0.12, 0.05, 0.2, 20}, {0.4, 0.35, 0.2, 0.5, 20}};
  health.survival = {{"A", {30, 90}, {0.95, 0.9}, {0.85, 0.8}, {1, 0.97}},
                     {"F", {10, 60}, {0.7, 0.4}, {0.5, 0.2}, {0.85, 0.6}}};

  ReportNextSteps& n = r.next_steps;
  n.present = true;
  n.cases = 25;
  n.fire_alarms = 1;
  n.by_category = {{"complaint", 20, 1}};
  n.by_owner = {{"support", 25, 1}};
  ReportFixItem item;
  item.theme = "reliability";
  item.arr_at_risk = 250000;
  item.arr_ci_low = 100000;
  item.arr_ci_high = 400000;
  item.nps_impact = MakeComparison(-4);
  item.accounts = 7;
  n.fix_first = {item};
  n.actions = {"Call ACC-2 today."};
  return r;
}

// Every section absent, each with its own reason.
ReportModel AbsentModel() {
  ReportModel r;
  r.candor_version = "0.5.0";
  r.rows = 3;
  r.headline.absent_reason = "too few responses <3>";
  r.trend.absent_reason = "no time column";
  r.segments.absent_reason = "no segment column";
  r.voice.absent_reason = "no comment column";
  r.accounts.absent_reason = "no account column";
  r.accounts.health.absent_reason = "no outcome column";
  r.next_steps.absent_reason = "no follow-up rules";
  return r;
}

const char* const kHeadings[] = {"Headline",           "Trend",    "Segments",
                                 "What customers say", "Accounts", "What to do next"};

TEST(ReportHtml, IsOneSelfContainedPageWithNoUrl) {
  for (const ReportModel& model : {FullModel(), AbsentModel()}) {
    const std::string html = Lower(RenderReportHtml(model));
    EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
    EXPECT_NE(html.find("<meta name=\"viewport\""), std::string::npos);
    EXPECT_NE(html.find("@media print"), std::string::npos);
    for (const char* banned : {"http", "src=", "href=", "<script", "@import", "url(", "<link",
                               "@font-face", "<img", "<iframe", "<object"}) {
      EXPECT_EQ(html.find(banned), std::string::npos) << banned;
    }
  }
}

TEST(ReportHtml, SectionsAppearInOrder) {
  const std::string html = RenderReportHtml(FullModel());
  size_t previous = 0;
  for (const char* heading : kHeadings) {
    const size_t at = html.find(std::string("\">") + heading + "</h2>");
    ASSERT_NE(at, std::string::npos) << heading;
    EXPECT_GT(at, previous) << heading;
    previous = at;
  }
}

TEST(ReportHtml, EscapesUserText) {
  const std::string html = RenderReportHtml(FullModel());
  EXPECT_EQ(html.find(kHostile), std::string::npos);
  EXPECT_EQ(Lower(html).find("<script"), std::string::npos);
  // The segment column, its label (table and chart), the theme, the quote.
  EXPECT_GE(Count(html, kHostileEscaped), 6u);
  EXPECT_NE(html.find("<blockquote><p>It broke &lt;script&gt;&amp;&quot;</p>"), std::string::npos);
  EXPECT_NE(html.find("Clearly positive &amp; steady"), std::string::npos);
}

TEST(ReportHtml, EveryChartIsAccessibleWithATableFallback) {
  const std::string html = RenderReportHtml(FullModel());
  // Distribution, trend, one segment column, theme impact, survival, calibration.
  const size_t charts = Count(html, "<svg ");
  EXPECT_EQ(charts, 6u);
  EXPECT_EQ(Count(html, "role=\"img\" aria-labelledby="), charts);
  EXPECT_EQ(Count(html, "<title id=\"chart-"), charts);
  EXPECT_EQ(Count(html, "<desc id=\"chart-"), charts);
  EXPECT_EQ(Count(html, "<figure>"), charts);
  EXPECT_EQ(Count(html, "<details><summary>Table: "), charts);
  for (const char* id : {"chart-distribution", "chart-trend", "chart-segments-0",
                         "chart-theme-impact", "chart-survival", "chart-calibration"}) {
    EXPECT_NE(html.find(std::string("<title id=\"") + id + "-title\">"), std::string::npos) << id;
  }
}

TEST(ReportHtml, NumbersCarryTheirJsonPathAndRounding) {
  const std::string html = RenderReportHtml(FullModel());
  for (const char* tagged : {
           "<span data-json=\"headline.nps.value\" data-decimals=\"1\">31.2</span>",
           "<span data-json=\"headline.nps.ci_low\" data-decimals=\"1\">23.4</span>",
           "<span data-json=\"headline.nps.n\" data-decimals=\"0\">300</span>",
           "<span data-json=\"headline.promoters\" data-decimals=\"1\" "
           "data-scale=\"100\">50.0</span>%",
           "<span data-json=\"headline.response_rate\" data-decimals=\"1\" "
           "data-scale=\"100\">30.0</span>%",
           "<span data-json=\"trend.points[5].nps.value\" data-decimals=\"1\">35.0</span>",
           "<span data-json=\"trend.slope_p_value\" data-format=\"p\">0.002</span>",
           "<span data-json=\"trend.changes[0].shift.difference\" data-decimals=\"1\">11.0</span>",
           "<span data-json=\"segments.columns[0].rows[1].p_adjusted\" "
           "data-format=\"p\">0.040</span>",
           "<span data-json=\"voice.themes[0].impact.difference\" data-decimals=\"1\">-4.0</span>",
           "<span data-json=\"accounts.declining[0].arr\" data-format=\"money\">$123,456</span>",
           "<span data-json=\"accounts.health.auc\" data-decimals=\"3\">0.710</span>",
           "<span data-json=\"next_steps.fix_first[0].arr_at_risk\" "
           "data-format=\"money\">$250,000</span>",
       }) {
    EXPECT_NE(html.find(tagged), std::string::npos) << tagged;
  }
}

TEST(ReportHtml, AbsentSectionsKeepTheirHeadingAndSayWhy) {
  const std::string html = RenderReportHtml(AbsentModel());
  for (const char* heading : kHeadings) {
    EXPECT_NE(html.find(std::string("\">") + heading + "</h2>"), std::string::npos) << heading;
  }
  for (const char* reason :
       {"too few responses &lt;3&gt;", "no time column", "no segment column", "no comment column",
        "no account column", "no outcome column", "no follow-up rules"}) {
    EXPECT_NE(html.find(std::string("<p class=\"absent\">Not shown: ") + reason + "</p>"),
              std::string::npos)
        << reason;
  }
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("data-json=\"headline"), std::string::npos);
}

TEST(ReportHtml, HealthWithoutValidationShowsNoAuc) {
  ReportModel model = FullModel();
  model.accounts.health.auc = NAN;
  model.accounts.health.calibration.clear();
  const std::string html = RenderReportHtml(model);
  EXPECT_EQ(html.find("accounts.health.auc"), std::string::npos);
  EXPECT_NE(html.find("not validated against churn"), std::string::npos);
  EXPECT_EQ(html.find("chart-calibration"), std::string::npos);
}

TEST(ReportHtml, ProseColumnsWrap) {
  const std::string html = RenderReportHtml(FullModel());
  EXPECT_NE(html.find("<td class=\"text\">threat to cancel</td><td class=\"text\">support</td>"
                      "<td class=\"text\">We will cancel</td>"),
            std::string::npos);
}

TEST(ReportHtml, IsDeterministic) {
  EXPECT_EQ(RenderReportHtml(FullModel()), RenderReportHtml(FullModel()));
  // The browser test (tests/browser/) also opens this page: every chart drawn.
  if (const char* dir = std::getenv("CANDOR_REPORT_PAGE_DIR")) {
    std::ofstream(std::string(dir) + "/fixture.html", std::ios::binary)
        << RenderReportHtml(FullModel());
  }
}

}  // namespace
}  // namespace candor
