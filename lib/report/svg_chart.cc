#include "svg_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "report_format.hpp"

namespace candor::report_internal {
namespace {

constexpr double kWidth = 640;

// The plotting area inside the chart's margins.
struct Area {
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
};

// Coordinates: one decimal is a tenth of a pixel at the viewBox's scale.
std::string C(double value) { return Fixed(value, 1); }

std::string Attr(const char* name, double value) {
  return std::string(" ") + name + "=\"" + C(value) + "\"";
}

std::string OpenSvg(const ChartText& text, double width, double height) {
  const std::string id = EscapeXml(text.id);
  // Narrower charts are square-ish: the page keeps them from growing wider.
  std::string out = std::string("<svg class=\"chart") + (width < kWidth ? " square" : "") +
                    "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
                    "-desc\" viewBox=\"0 0 " + C(width) + " " + C(height) +
                    "\" preserveAspectRatio=\"xMidYMid meet\" font-size=\"12\">\n";
  out += "<title id=\"" + id + "-title\">" + EscapeXml(text.title) + "</title>\n";
  out += "<desc id=\"" + id + "-desc\">" + EscapeXml(text.description) + "</desc>\n";
  out += "<rect x=\"0\" y=\"0\"" + Attr("width", width) + Attr("height", height) +
         " fill=\"#ffffff\"/>\n";
  return out;
}

std::string Line(double x1, double y1, double x2, double y2, const char* stroke,
                 const std::string& extra = "") {
  return "<line" + Attr("x1", x1) + Attr("y1", y1) + Attr("x2", x2) + Attr("y2", y2) +
         " stroke=\"" + stroke + "\"" + extra + "/>\n";
}

std::string Text(double x, double y, const std::string& escaped, const char* anchor,
                 const std::string& extra = "") {
  return "<text" + Attr("x", x) + Attr("y", y) + " text-anchor=\"" + anchor + "\"" + extra + ">" +
         escaped + "</text>\n";
}

// Decimals enough to tell ticks `step` apart.
int TickDecimals(double step) {
  int decimals = 0;
  while (decimals < 6 && std::fabs(step * std::pow(10.0, decimals) -
                                   std::round(step * std::pow(10.0, decimals))) > 1e-6) {
    ++decimals;
  }
  return decimals;
}

// The y axis: grid lines, tick labels and the rotated axis label.
std::string YAxis(const Area& area, const LinearScale& y, const std::vector<double>& ticks,
                  const std::string& label, double scale_label = 1) {
  std::string out;
  const int decimals = ticks.size() > 1 ? TickDecimals((ticks[1] - ticks[0]) * scale_label) : 0;
  for (double tick : ticks) {
    const double py = y(tick);
    out += Line(area.left, py, area.right, py, "#dddddd");
    out += Text(area.left - 6, py + 4, Fixed(tick * scale_label, decimals), "end");
  }
  out += Line(area.left, area.top, area.left, area.bottom, okabe_ito::kBlack);
  const double middle = (area.top + area.bottom) / 2;
  out += "<text" + Attr("x", 14) + Attr("y", middle) +
         " text-anchor=\"middle\" transform=\"rotate(-90 14 " + C(middle) + ")\">" +
         EscapeXml(label) + "</text>\n";
  return out;
}

// A numeric x axis along the bottom.
std::string XAxis(const Area& area, const LinearScale& x, const std::vector<double>& ticks,
                  const std::string& label, double scale_label = 1, bool grid = false) {
  std::string out;
  const int decimals = ticks.size() > 1 ? TickDecimals((ticks[1] - ticks[0]) * scale_label) : 0;
  for (double tick : ticks) {
    const double px = x(tick);
    if (grid) out += Line(px, area.top, px, area.bottom, "#dddddd");
    out += Line(px, area.bottom, px, area.bottom + 4, okabe_ito::kBlack);
    out += Text(px, area.bottom + 16, Fixed(tick * scale_label, decimals), "middle");
  }
  out += Line(area.left, area.bottom, area.right, area.bottom, okabe_ito::kBlack);
  out += Text((area.left + area.right) / 2, area.bottom + 34, EscapeXml(label), "middle");
  return out;
}

std::string NoData(double width, double height) {
  return Text(width / 2, height / 2, "No data to draw", "middle") + "</svg>\n";
}

bool Finite(double a) { return std::isfinite(a); }

// The items with a finite value and interval (`get` returns value, low,
// high), and in *low, *high the range they and a finite `reference` span.
template <typename T, typename Get>
std::vector<const T*> Drawable(const std::vector<T>& items, Get get, double reference, double* low,
                               double* high) {
  std::vector<const T*> drawn;
  for (const T& item : items) {
    const std::array<double, 3> v = get(item);
    if (Finite(v[0]) && Finite(v[1]) && Finite(v[2])) drawn.push_back(&item);
  }
  if (drawn.empty()) return drawn;
  *low = Finite(reference) ? reference : get(*drawn[0])[1];
  *high = *low;
  for (const T* item : drawn) {
    const std::array<double, 3> v = get(*item);
    *low = std::min({*low, v[0], v[1]});
    *high = std::max({*high, v[0], v[2]});
  }
  return drawn;
}

std::string Diamond(double x, double y, double r, const char* fill) {
  return "<path d=\"M" + C(x) + " " + C(y - r) + "L" + C(x + r) + " " + C(y) + "L" + C(x) + " " +
         C(y + r) + "L" + C(x - r) + " " + C(y) + "Z\" fill=\"" + fill +
         "\" stroke=\"#000000\"/>\n";
}

}  // namespace

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Abbreviate(std::string_view text, size_t max_code_points) {
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (points == max_code_points) return std::string(text.substr(0, i)) + "\u2026";
    ++points;
  }
  return std::string(text);
}

double LinearScale::operator()(double value) const {
  if (domain_high == domain_low) return (range_low + range_high) / 2;
  return range_low + (value - domain_low) / (domain_high - domain_low) * (range_high - range_low);
}

std::vector<double> NiceTicks(double low, double high, int target) {
  if (!Finite(low) || !Finite(high)) return {0};
  if (high < low) std::swap(low, high);
  if (high == low) {
    low -= 1;
    high += 1;
  }
  const double raw = (high - low) / std::max(1, target);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double factor : {1.0, 2.0, 5.0, 10.0}) {
    step = factor * magnitude;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  const double first = std::floor(low / step + 1e-9) * step;
  for (int i = 0; i < 1000; ++i) {
    double tick = first + i * step;
    if (std::fabs(tick) < step * 1e-9) tick = 0;
    ticks.push_back(tick);
    if (tick >= high - step * 1e-9) break;
  }
  return ticks;
}

std::string TrendChart(const ChartText& text, const std::vector<TrendChartPoint>& points,
                       double reference) {
  const double height = 340;
  std::string out = OpenSvg(text, kWidth, height);
  double low = 0, high = 0;
  const std::vector<const TrendChartPoint*> drawn = Drawable(
      points,
      [](const TrendChartPoint& p) {
        return std::array<double, 3>{p.value, p.low, p.high};
      },
      reference, &low, &high);
  if (drawn.empty()) return out + NoData(kWidth, height);
  const Area area{64, 40, kWidth - 16, height - 76};
  const std::vector<double> ticks = NiceTicks(low, high, 5);
  const LinearScale y{ticks.front(), ticks.back(), area.bottom, area.top};
  const double step = (area.right - area.left) / drawn.size();
  auto x = [&](size_t i) { return area.left + (i + 0.5) * step; };

  // Legend: what each mark means, in words.
  out += Line(area.left, 14, area.left + 20, 14, okabe_ito::kBlue, " stroke-width=\"2\"");
  out += Text(area.left + 24, 18, "NPS", "start");
  out += "<rect" + Attr("x", area.left + 64) + Attr("y", 8) + Attr("width", 20) +
         Attr("height", 12) + " fill=\"" + okabe_ito::kSkyBlue + "\" fill-opacity=\"0.35\"/>\n";
  out += Text(area.left + 88, 18, "interval", "start");
  out += Diamond(area.left + 160, 14, 5, okabe_ito::kVermillion);
  out += Text(area.left + 170, 18, "outside control limits", "start");
  out +=
      Line(area.left + 318, 6, area.left + 318, 22, okabe_ito::kBlack, " stroke-dasharray=\"4 3\"");
  out += Text(area.left + 324, 18, "change point", "start");
  if (Finite(reference)) {
    out += Line(area.left + 412, 14, area.left + 432, 14, "#666666", " stroke-dasharray=\"2 2\"");
    out += Text(area.left + 436, 18, "overall", "start");
  }

  out += YAxis(area, y, ticks, text.y_label);
  // The band: the upper ends left to right, then the lower ends back.
  std::string band = "<path d=\"";
  for (size_t i = 0; i < drawn.size(); ++i) {
    band += (i == 0 ? "M" : "L") + C(x(i)) + " " + C(y(drawn[i]->high));
  }
  for (size_t i = drawn.size(); i-- > 0;) band += "L" + C(x(i)) + " " + C(y(drawn[i]->low));
  out +=
      band + "Z\" fill=\"" + okabe_ito::kSkyBlue + "\" fill-opacity=\"0.35\" stroke=\"none\"/>\n";
  if (Finite(reference)) {
    out += Line(area.left, y(reference), area.right, y(reference), "#666666",
                " stroke-dasharray=\"2 2\"");
  }
  std::string line = "<path d=\"";
  for (size_t i = 0; i < drawn.size(); ++i) {
    line += (i == 0 ? "M" : "L") + C(x(i)) + " " + C(y(drawn[i]->value));
  }
  out += line + "\" fill=\"none\" stroke=\"" + okabe_ito::kBlue + "\" stroke-width=\"2\"/>\n";

  // Labels under the axis: every k-th so that they do not overlap.
  const size_t every = std::max<size_t>(1, (drawn.size() + 11) / 12);
  for (size_t i = 0; i < drawn.size(); ++i) {
    const TrendChartPoint& point = *drawn[i];
    if (point.change) {
      const double px = x(i) - step / 2;
      out += Line(px, area.top, px, area.bottom, okabe_ito::kBlack, " stroke-dasharray=\"4 3\"");
      out += Text(px + 3, area.top + 12, "change", "start", " font-size=\"10\"");
    }
    if (point.breach) {
      out += Diamond(x(i), y(point.value), 6, okabe_ito::kVermillion);
    } else {
      out += "<circle" + Attr("cx", x(i)) + Attr("cy", y(point.value)) + Attr("r", 3.5) +
             " fill=\"" + okabe_ito::kBlue + "\"/>\n";
    }
    if (i % every == 0) {
      out += Line(x(i), area.bottom, x(i), area.bottom + 4, okabe_ito::kBlack);
      out += Text(x(i), area.bottom + 16, EscapeXml(Abbreviate(point.label, 10)), "middle",
                  " font-size=\"10\"");
      out += Text(x(i), area.bottom + 30, "n=" + std::to_string(point.n), "middle",
                  " font-size=\"10\" fill=\"#444444\"");
    }
  }
  out += Line(area.left, area.bottom, area.right, area.bottom, okabe_ito::kBlack);
  out += Text((area.left + area.right) / 2, area.bottom + 50, EscapeXml(text.x_label), "middle");
  return out + "</svg>\n";
}

std::string ScoreDistributionChart(const ChartText& text, const std::array<double, 11>& shares) {
  const double height = 300;
  std::string out = OpenSvg(text, kWidth, height);
  const Area area{64, 20, kWidth - 16, height - 86};
  double high = 0;
  for (double share : shares) {
    if (Finite(share)) high = std::max(high, share);
  }
  const std::vector<double> ticks = NiceTicks(0, high > 0 ? high : 0.1, 5);
  const LinearScale y{ticks.front(), ticks.back(), area.bottom, area.top};
  out += YAxis(area, y, ticks, text.y_label, 100);
  const double step = (area.right - area.left) / 11;
  const char* colours[] = {okabe_ito::kVermillion, okabe_ito::kOrange, okabe_ito::kBluishGreen};
  for (int score = 0; score <= 10; ++score) {
    const int group = score <= 6 ? 0 : score <= 8 ? 1 : 2;
    const double share = Finite(shares[score]) ? shares[score] : 0;
    const double px = area.left + score * step;
    out += "<rect" + Attr("x", px + 4) + Attr("y", y(share)) + Attr("width", step - 8) +
           Attr("height", area.bottom - y(share)) + " fill=\"" + colours[group] +
           "\" stroke=\"#000000\" stroke-width=\"0.5\"/>\n";
    out += Text(px + step / 2, y(share) - 4, Fixed(100 * share, 1), "middle", " font-size=\"10\"");
    out += Text(px + step / 2, area.bottom + 16, std::to_string(score), "middle");
  }
  out += Line(area.left, area.bottom, area.right, area.bottom, okabe_ito::kBlack);
  // Group brackets name the colours.
  const char* names[] = {"Detractors (0-6)", "Passives (7-8)", "Promoters (9-10)"};
  const int first[] = {0, 7, 9};
  const int last[] = {6, 8, 10};
  for (int group = 0; group < 3; ++group) {
    const double x1 = area.left + first[group] * step + 4;
    const double x2 = area.left + (last[group] + 1) * step - 4;
    out += Line(x1, area.bottom + 24, x2, area.bottom + 24, colours[group], " stroke-width=\"4\"");
    out += Text((x1 + x2) / 2, area.bottom + 40, names[group], "middle", " font-size=\"11\"");
  }
  out += Text((area.left + area.right) / 2, area.bottom + 62, EscapeXml(text.x_label), "middle");
  return out + "</svg>\n";
}

std::string ForestPlot(const ChartText& text, const std::vector<ForestRow>& rows,
                       double reference) {
  const double row_height = 26;
  const double height = 40 + row_height * std::max<size_t>(rows.size(), 1) + 56;
  std::string out = OpenSvg(text, kWidth, height);
  double low = 0, high = 0;
  const std::vector<const ForestRow*> drawn = Drawable(
      rows,
      [](const ForestRow& r) {
        return std::array<double, 3>{r.estimate, r.low, r.high};
      },
      reference, &low, &high);
  if (drawn.empty()) return out + NoData(kWidth, height);
  const Area area{180, 32, kWidth - 20, height - 56};
  const std::vector<double> ticks = NiceTicks(low, high, 6);
  const LinearScale x{ticks.front(), ticks.back(), area.left, area.right};
  out += "<rect" + Attr("x", area.left) + Attr("y", 6) + Attr("width", 10) + Attr("height", 10) +
         " fill=\"#000000\"/>\n";
  out += Text(area.left + 14, 15, "significant after adjustment", "start", " font-size=\"11\"");
  out += "<rect" + Attr("x", area.left + 190) + Attr("y", 6) + Attr("width", 10) +
         Attr("height", 10) + " fill=\"#ffffff\" stroke=\"#000000\"/>\n";
  out += Text(area.left + 204, 15, "not significant", "start", " font-size=\"11\"");
  out += XAxis(area, x, ticks, text.x_label, 1, true);
  if (Finite(reference)) {
    out += Line(x(reference), area.top, x(reference), area.bottom, "#666666",
                " stroke-dasharray=\"4 3\"");
  }
  for (size_t i = 0; i < drawn.size(); ++i) {
    const ForestRow& row = *drawn[i];
    const double py = area.top + (i + 0.5) * row_height;
    out += Text(area.left - 8, py + 4, EscapeXml(Abbreviate(row.label, 24)), "end");
    out += Line(x(row.low), py, x(row.high), py, okabe_ito::kBlue, " stroke-width=\"2\"");
    out += "<rect" + Attr("x", x(row.estimate) - 5) + Attr("y", py - 5) + Attr("width", 10) +
           Attr("height", 10) + " fill=\"" + (row.significant ? okabe_ito::kBlue : "#ffffff") +
           "\" stroke=\"" + okabe_ito::kBlue + "\" stroke-width=\"1.5\"/>\n";
  }
  return out + "</svg>\n";
}

std::string SurvivalChart(const ChartText& text, const std::vector<StepCurve>& curves) {
  const double height = 340;
  std::string out = OpenSvg(text, kWidth, height);
  double end = 0;
  for (const auto& curve : curves) {
    for (double t : curve.times) {
      if (Finite(t)) end = std::max(end, t);
    }
  }
  if (curves.empty()) return out + NoData(kWidth, height);
  const Area area{64, 20, kWidth - 70, height - 56};
  const std::vector<double> x_ticks = NiceTicks(0, end > 0 ? end : 1, 6);
  const std::vector<double> y_ticks = NiceTicks(0, 1, 5);
  const LinearScale x{x_ticks.front(), x_ticks.back(), area.left, area.right};
  const LinearScale y{0, 1, area.bottom, area.top};
  out += YAxis(area, y, y_ticks, text.y_label);
  out += XAxis(area, x, x_ticks, text.x_label);
  const char* colours[] = {okabe_ito::kBlue,   okabe_ito::kVermillion,    okabe_ito::kBluishGreen,
                           okabe_ito::kOrange, okabe_ito::kReddishPurple, okabe_ito::kSkyBlue,
                           okabe_ito::kBlack};
  const char* dashes[] = {"", "6 3", "2 2", "8 3 2 3", "4 4", "10 2", "1 3"};
  for (size_t c = 0; c < curves.size(); ++c) {
    const StepCurve& curve = curves[c];
    const char* colour = colours[c % 7];
    const size_t n = std::min({curve.times.size(), curve.values.size()});
    // The band steps with the curve: upper edge out, lower edge back.
    if (curve.low.size() >= n && curve.high.size() >= n && n > 0) {
      std::string band = "<path d=\"M" + C(x(0)) + " " + C(y(1));
      for (size_t i = 0; i < n; ++i) {
        band += "H" + C(x(curve.times[i])) + "V" + C(y(curve.high[i]));
      }
      band += "H" + C(area.right) + "V" + C(y(curve.low[n - 1]));
      for (size_t i = n; i-- > 0;) {
        band += "H" + C(x(curve.times[i])) + "V" + C(y(i == 0 ? 1 : curve.low[i - 1]));
      }
      out += band + "H" + C(x(0)) + "Z\" fill=\"" + colour +
             "\" fill-opacity=\"0.15\" stroke=\"none\"/>\n";
    }
    std::string path = "<path d=\"M" + C(x(0)) + " " + C(y(1));
    double last = 1;
    for (size_t i = 0; i < n; ++i) {
      if (!Finite(curve.times[i]) || !Finite(curve.values[i])) continue;
      path += "H" + C(x(curve.times[i])) + "V" + C(y(curve.values[i]));
      last = curve.values[i];
    }
    path += "H" + C(area.right);
    out += path + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"" +
           (dashes[c % 7][0] ? std::string(" stroke-dasharray=\"") + dashes[c % 7] + "\"" : "") +
           "/>\n";
    out += Text(area.right + 6, y(last) + 4, EscapeXml(Abbreviate(curve.label, 10)), "start",
                std::string(" fill=\"") + colour + "\" font-weight=\"bold\"");
  }
  return out + "</svg>\n";
}

std::string CalibrationChart(const ChartText& text, const std::vector<CalibrationPoint>& points) {
  const double width = 480;
  const double height = 440;
  std::string out = OpenSvg(text, width, height);
  if (points.empty()) return out + NoData(width, height);
  const Area area{64, 20, width - 20, height - 56};
  const std::vector<double> ticks = NiceTicks(0, 1, 5);
  const LinearScale x{0, 1, area.left, area.right};
  const LinearScale y{0, 1, area.bottom, area.top};
  out += YAxis(area, y, ticks, text.y_label);
  out += XAxis(area, x, ticks, text.x_label, 1, true);
  out += Line(x(0), y(0), x(1), y(1), "#666666", " stroke-dasharray=\"4 3\"");
  out += Text(x(0.98), y(0.98) + 14, "perfect calibration", "end", " font-size=\"10\"");
  for (const auto& point : points) {
    if (!Finite(point.predicted) || !Finite(point.observed)) continue;
    const double px = x(point.predicted);
    if (Finite(point.low) && Finite(point.high)) {
      out += Line(px, y(point.low), px, y(point.high), okabe_ito::kVermillion,
                  " stroke-width=\"1.5\"");
    }
    out += "<circle" + Attr("cx", px) + Attr("cy", y(point.observed)) + Attr("r", 4.5) +
           " fill=\"" + okabe_ito::kVermillion + "\" stroke=\"#000000\"/>\n";
  }
  return out + "</svg>\n";
}

}  // namespace candor::report_internal
