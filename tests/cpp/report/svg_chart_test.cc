#include "svg_chart.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace candor::report_internal {
namespace {

size_t Count(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

ChartText Text(const std::string& id) {
  return {id, "A <title> & more", "What it shows", "x (units)", "y (units)"};
}

// Every chart is an accessible image: role, labelled by its title and desc.
void ExpectAccessible(const std::string& svg, const std::string& id) {
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u) << svg;
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"" + id + "-title " + id + "-desc\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"" + id + "-title\">A &lt;title&gt; &amp; more</title>"),
            std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"" + id + "-desc\">What it shows</desc>"), std::string::npos);
  EXPECT_NE(svg.find("viewBox=\"0 0 "), std::string::npos);
  EXPECT_EQ(svg.find("http"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
}

TEST(SvgChart, EscapeXmlEscapesEveryMarkupCharacter) {
  EXPECT_EQ(EscapeXml("<script>&\"'x"), "&lt;script&gt;&amp;&quot;&#39;x");
  EXPECT_EQ(EscapeXml("caf\xC3\xA9"), "caf\xC3\xA9");
}

TEST(SvgChart, AbbreviateCountsCodePoints) {
  EXPECT_EQ(Abbreviate("caf\xC3\xA9s", 4), "caf\xC3\xA9\xE2\x80\xA6");
  EXPECT_EQ(Abbreviate("short", 10), "short");
}

TEST(SvgChart, LinearScaleMapsEnds) {
  const LinearScale y{-20, 60, 264, 40};
  EXPECT_DOUBLE_EQ(y(-20), 264);
  EXPECT_DOUBLE_EQ(y(60), 40);
  EXPECT_DOUBLE_EQ(y(0), 208);
}

TEST(SvgChart, NiceTicksCoverTheRangeWithRoundSteps) {
  EXPECT_EQ(NiceTicks(0, 1, 5), (std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}));
  EXPECT_EQ(NiceTicks(-10, 60, 5), (std::vector<double>{-20, 0, 20, 40, 60}));
  EXPECT_EQ(NiceTicks(3, 3, 5).front(), 2);
  EXPECT_EQ(NiceTicks(NAN, 1, 5).size(), 1u);
}

TEST(SvgChart, TrendChartPlacesAKnownPoint) {
  // Plot area x 64..624 (two points: 204 and 484), y 264..40 over ticks -20..60.
  const std::vector<TrendChartPoint> points = {{"2025-01", 0, -10, 10, 120, false, false},
                                               {"2025-<02>", 50, 40, 60, 80, true, true}};
  const std::string svg = TrendChart(Text("t"), points, NAN);
  ExpectAccessible(svg, "t");
  EXPECT_NE(svg.find("<circle cx=\"204.0\" cy=\"208.0\""), std::string::npos) << svg;
  // The breach is a diamond at (484, 68), not a circle.
  EXPECT_NE(svg.find("<path d=\"M484.0 62.0L490.0 68.0"), std::string::npos) << svg;
  EXPECT_EQ(Count(svg, "<circle"), 1u);
  // The change is a dashed line half a step before its bucket, labelled.
  EXPECT_NE(svg.find("<line x1=\"344.0\" y1=\"40.0\" x2=\"344.0\" y2=\"264.0\""),
            std::string::npos);
  EXPECT_NE(svg.find(">change</text>"), std::string::npos);
  EXPECT_NE(svg.find(">n=120</text>"), std::string::npos);
  EXPECT_NE(svg.find(">2025-&lt;02&gt;</text>"), std::string::npos);
  EXPECT_EQ(svg.find("2025-<02>"), std::string::npos);
  EXPECT_NE(svg.find(">y (units)</text>"), std::string::npos);
  EXPECT_NE(svg.find(">x (units)</text>"), std::string::npos);
  // The band: upper ends then lower ends back.
  EXPECT_NE(svg.find("<path d=\"M204.0 180.0L484.0 40.0L484.0 96.0L204.0 236.0Z\""),
            std::string::npos);
}

TEST(SvgChart, TrendChartWithoutFinitePointsSaysSo) {
  const std::string svg = TrendChart(Text("e"), {{"a", NAN, NAN, NAN, 0, false, false}}, NAN);
  ExpectAccessible(svg, "e");
  EXPECT_NE(svg.find("No data to draw"), std::string::npos);
}

TEST(SvgChart, ScoreDistributionLabelsGroupsNotOnlyColours) {
  std::array<double, 11> shares{};
  shares[10] = 0.5;
  shares[0] = 0.25;
  shares[7] = 0.25;
  const std::string svg = ScoreDistributionChart(Text("d"), shares);
  ExpectAccessible(svg, "d");
  EXPECT_EQ(Count(svg, "<rect "), 12u);  // background + 11 bars
  for (const char* label : {"Detractors (0-6)", "Passives (7-8)", "Promoters (9-10)"}) {
    EXPECT_NE(svg.find(label), std::string::npos) << label;
  }
  EXPECT_NE(svg.find(">50.0</text>"), std::string::npos);
  // Ticks are percents: 0..50 by 10.
  EXPECT_NE(svg.find(">50</text>"), std::string::npos);
  EXPECT_NE(svg.find("#D55E00"), std::string::npos);
  EXPECT_NE(svg.find("#009E73"), std::string::npos);
}

TEST(SvgChart, ForestPlotEscapesLabelsAndMarksSignificance) {
  const std::vector<ForestRow> rows = {{"<script>&\"", -5, -8, -2, true},
                                       {"plain", 1, -3, 5, false}};
  const std::string svg = ForestPlot(Text("f"), rows, 0);
  ExpectAccessible(svg, "f");
  EXPECT_EQ(svg.find("<script>"), std::string::npos);
  EXPECT_NE(svg.find(">&lt;script&gt;&amp;&quot;</text>"), std::string::npos) << svg;
  // x: ticks -10..5 by 5 over 180..620; the reference 0 at 180 + 10/15 * 440.
  EXPECT_NE(svg.find("x1=\"473.3\" y1=\"32.0\" x2=\"473.3\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("fill=\"#0072B2\" stroke=\"#0072B2\""), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#ffffff\" stroke=\"#0072B2\""), std::string::npos);
}

TEST(SvgChart, SurvivalChartStepsFromOne) {
  const std::vector<StepCurve> curves = {{"A", {10, 20}, {0.9, 0.5}, {0.8, 0.3}, {1, 0.7}},
                                         {"F&co", {5}, {0.4}, {0.2}, {0.6}}};
  const std::string svg = SurvivalChart(Text("s"), curves);
  ExpectAccessible(svg, "s");
  // x 0..20 over 64..570, y 0..1 over 284..20: starts at (64, 20), steps at t=10 to 0.9.
  EXPECT_NE(svg.find("<path d=\"M64.0 20.0H317.0V46.4H570.0V152.0H570.0\""), std::string::npos)
      << svg;
  EXPECT_NE(svg.find(">F&amp;co</text>"), std::string::npos);
  EXPECT_NE(svg.find("stroke-dasharray=\"6 3\""), std::string::npos);  // not colour alone
}

TEST(SvgChart, CalibrationChartDrawsTheDiagonalAndPoints) {
  const std::string svg = CalibrationChart(Text("c"), {{0.25, 0.5, 0.4, 0.6, 30}});
  ExpectAccessible(svg, "c");
  // x 0..1 over 64..460, y 0..1 over 384..20.
  EXPECT_NE(svg.find("<line x1=\"64.0\" y1=\"384.0\" x2=\"460.0\" y2=\"20.0\""), std::string::npos);
  EXPECT_NE(svg.find("<circle cx=\"163.0\" cy=\"202.0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("perfect calibration"), std::string::npos);
}

}  // namespace
}  // namespace candor::report_internal
