// Inline SVG charts for the report's HTML page, drawn from plain inputs:
// a trend line with its interval band, the 0..10 score distribution, forest
// plots, Kaplan-Meier step curves and a calibration plot.
//
// Every chart is <svg role="img" aria-labelledby> with a <title> and a <desc>
// (the text alternative), axis labels with units and tick labels, and a
// viewBox so that it scales to the width of a phone. Colours are the
// Okabe-Ito palette (readable with colour-vision deficiency) and are never
// the only cue: markers, dash patterns and labels carry the same meaning.
// All text is XML-escaped (labels come from user data); numbers are printed
// with a fixed number of decimals, independent of the locale.
#ifndef CANDOR_LIB_REPORT_SVG_CHART_HPP_
#define CANDOR_LIB_REPORT_SVG_CHART_HPP_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace candor::report_internal {

// &, <, >, " and ' as entities; valid in XML and HTML text and attributes.
std::string EscapeXml(std::string_view text);

// At most `max_code_points` UTF-8 code points, "…" appended when cut.
std::string Abbreviate(std::string_view text, size_t max_code_points);

// The Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design").
namespace okabe_ito {
inline constexpr const char* kBlack = "#000000";
inline constexpr const char* kOrange = "#E69F00";
inline constexpr const char* kSkyBlue = "#56B4E9";
inline constexpr const char* kBluishGreen = "#009E73";
inline constexpr const char* kYellow = "#F0E442";
inline constexpr const char* kBlue = "#0072B2";
inline constexpr const char* kVermillion = "#D55E00";
inline constexpr const char* kReddishPurple = "#CC79A7";
}  // namespace okabe_ito

// Maps [domain_low, domain_high] linearly onto [range_low, range_high]
// (range_low > range_high for a y axis drawn downwards).
struct LinearScale {
  double domain_low = 0;
  double domain_high = 1;
  double range_low = 0;
  double range_high = 1;
  double operator()(double value) const;
};

// Round tick values (1, 2 or 5 times a power of ten) covering [low, high],
// about `target` of them; the first <= low and the last >= high.
std::vector<double> NiceTicks(double low, double high, int target);

// What every chart says about itself. `id` must be unique in the page: it
// prefixes the ids of <title> and <desc>.
struct ChartText {
  std::string id;
  std::string title;
  std::string description;  // the text alternative: what the chart shows
  std::string x_label;      // with units
  std::string y_label;
};

// Trend: one point per bucket, evenly spaced, with its interval band and n
// under each label. `change` marks a bucket where a new level starts (a
// dashed vertical line before it); `breach` a point outside the control
// limits (a diamond). `reference` (the overall value; NaN: none) is a
// dashed horizontal line.
struct TrendChartPoint {
  std::string label;
  double value = 0;
  double low = 0;
  double high = 0;
  int64_t n = 0;
  bool breach = false;
  bool change = false;
};
std::string TrendChart(const ChartText& text, const std::vector<TrendChartPoint>& points,
                       double reference);

// Share of responses (in [0, 1]) at each score 0..10: detractors (0-6),
// passives (7-8) and promoters (9-10) coloured and labelled by group.
std::string ScoreDistributionChart(const ChartText& text, const std::array<double, 11>& shares);

// Forest plot: one row per label, a square at the estimate and a line over
// its interval; filled when `significant`, hollow when not. `reference`
// (NaN: none) is a dashed vertical line (0 for differences).
struct ForestRow {
  std::string label;
  double estimate = 0;
  double low = 0;
  double high = 0;
  bool significant = false;
};
std::string ForestPlot(const ChartText& text, const std::vector<ForestRow>& rows, double reference);

// Kaplan-Meier curves: S(t) steps from 1 at time 0, down at each time, with
// the pointwise interval as a band. Each curve has its own colour, dash
// pattern and a label at its end.
struct StepCurve {
  std::string label;
  std::vector<double> times;
  std::vector<double> values;  // S(t) from each time on
  std::vector<double> low;
  std::vector<double> high;
};
std::string SurvivalChart(const ChartText& text, const std::vector<StepCurve>& curves);

// Calibration: observed share against mean predicted risk per bin, with the
// observed share's interval, and the diagonal of perfect calibration.
struct CalibrationPoint {
  double predicted = 0;
  double observed = 0;
  double low = 0;
  double high = 0;
  int64_t n = 0;
};
std::string CalibrationChart(const ChartText& text, const std::vector<CalibrationPoint>& points);

}  // namespace candor::report_internal

#endif  // CANDOR_LIB_REPORT_SVG_CHART_HPP_
