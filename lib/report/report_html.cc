// The report as one self-contained HTML5 page: inline CSS and SVG, no
// script, no URL of any kind (no network request, no external font),
// readable on a phone and printable.
//
// Every number shown is formatted from the model with report_format's
// rounding and, where it is one of the JSON's numbers, wrapped in an element
// naming its JSON path and rounding:
//   <span data-json="headline.nps.value" data-decimals="1">31.2</span>
// data-scale="100" marks a share shown as a percent, data-format="p" a
// p-value ("<0.001" or 3 decimals) and data-format="money" an amount
// ("$1,234"), so that a reader of the JSON (the browser test) reproduces the
// text exactly.
#include <algorithm>
#include <candor/report.hpp>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "report_format.hpp"
#include "svg_chart.hpp"

namespace candor {
namespace {

using report_internal::ChartText;
using report_internal::EscapeXml;
using report_internal::Fixed;
using report_internal::ForestRow;

std::string H(std::string_view text) { return EscapeXml(text); }

std::string Index(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// A number from the model, tagged with its JSON path.
std::string Num(const std::string& path, double value, int decimals, double scale = 1) {
  if (!std::isfinite(value)) return "<span class=\"na\">-</span>";
  std::string out =
      "<span data-json=\"" + H(path) + "\" data-decimals=\"" + std::to_string(decimals) + "\"";
  if (scale != 1) out += " data-scale=\"" + Fixed(scale, 0) + "\"";
  return out + ">" + Fixed(value * scale, decimals) + "</span>";
}

std::string Int(const std::string& path, int64_t value) {
  return "<span data-json=\"" + H(path) + "\" data-decimals=\"0\">" + std::to_string(value) +
         "</span>";
}

std::string Percent(const std::string& path, double share) {
  return Num(path, share, 1, 100) + (std::isfinite(share) ? "%" : "");
}

std::string PValue(const std::string& path, double p) {
  if (std::isnan(p)) return "<span class=\"na\">-</span>";
  return "<span data-json=\"" + H(path) + "\" data-format=\"p\">" + report_internal::PValue(p) +
         "</span>";
}

std::string Money(const std::string& path, double amount) {
  if (!std::isfinite(amount)) return "<span class=\"na\">-</span>";
  return "<span data-json=\"" + H(path) + "\" data-format=\"money\">" +
         report_internal::Money(amount) + "</span>";
}

// "[low, high]" with both ends tagged; `low` and `high` are paths.
std::string Interval(const std::string& low_path, double low, const std::string& high_path,
                     double high, int decimals, double scale = 1) {
  return "[" + Num(low_path, low, decimals, scale) + ", " + Num(high_path, high, decimals, scale) +
         "]";
}

std::string EstimateInterval(const std::string& path, const Estimate& estimate) {
  return Interval(path + ".ci_low", estimate.ci_low, path + ".ci_high", estimate.ci_high, 1);
}

std::string Caveats(const ReportSection& section, const std::string& path) {
  if (section.caveats.empty()) return "";
  std::string out = "<ul class=\"caveats\" data-path=\"" + H(path) + ".caveats\">\n";
  for (const auto& caveat : section.caveats) out += "<li>" + H(caveat) + "</li>\n";
  return out + "</ul>\n";
}

// A table inside a horizontally scrolling box.
class Table {
 public:
  Table(const std::string& caption, std::vector<std::string> headers) {
    out_ = "<div class=\"scroll\"><table>\n<caption>" + H(caption) + "</caption>\n<thead><tr>";
    for (const auto& header : headers) out_ += "<th scope=\"col\">" + H(header) + "</th>";
    out_ += "</tr></thead>\n<tbody>\n";
  }
  // Columns of prose (reasons, comments): left-aligned and wrapped.
  Table& TextColumns(std::vector<size_t> columns) {
    text_columns_ = std::move(columns);
    return *this;
  }
  // Cells are HTML already: the first a row header.
  void Row(const std::vector<std::string>& cells) {
    out_ += "<tr>";
    for (size_t i = 0; i < cells.size(); ++i) {
      const bool text =
          std::find(text_columns_.begin(), text_columns_.end(), i) != text_columns_.end();
      out_ += (i == 0 ? "<th scope=\"row\">"
               : text ? "<td class=\"text\">"
                      : "<td>") +
              cells[i] + (i == 0 ? "</th>" : "</td>");
    }
    out_ += "</tr>\n";
  }
  std::string Done() const { return out_ + "</tbody>\n</table></div>\n"; }

 private:
  std::string out_;
  std::vector<size_t> text_columns_;
};

// A chart with its table fallback under a disclosure.
std::string Figure(const std::string& svg, const std::string& table, const std::string& summary) {
  return "<figure>\n" + svg + "<details><summary>" + H(summary) + "</summary>\n" + table +
         "</details>\n</figure>\n";
}

std::string OpenSection(const char* id, const char* heading) {
  return std::string("<section id=\"") + id + "\" aria-labelledby=\"" + id + "-h\">\n<h2 id=\"" +
         id + "-h\">" + heading + "</h2>\n";
}

std::string Absent(const ReportSection& section) {
  return "<p class=\"absent\">Not shown: " +
         H(section.absent_reason.empty() ? "no reason given" : section.absent_reason) + "</p>\n";
}

std::string Level(double level) { return report_internal::LevelPercent(level); }

std::string RenderHeader(const ReportModel& report) {
  std::string out = "<header>\n<h1>Customer feedback report</h1>\n<p class=\"meta\">";
  out += report.source.empty() ? "Data given in memory" : "Source: " + H(report.source);
  if (report.bundled_sample) out += " (candor's synthetic sample)";
  out += " &middot; " + Int("rows", report.rows) + " responses";
  if (report.skipped_rows > 0) out += ", " + Int("skipped_rows", report.skipped_rows) + " skipped";
  out += " &middot; intervals at " + H(Level(report.level)) + " confidence</p>\n";
  const ReportColumns& c = report.columns;
  std::vector<std::pair<const char*, std::string>> used = {
      {"score", c.score},   {"comment", c.comment}, {"time", c.time},       {"account", c.account},
      {"weight", c.weight}, {"ARR", c.arr},         {"outcome", c.outcome}, {"invited", c.invited}};
  std::string columns;
  for (const auto& [role, name] : used) {
    if (name.empty()) continue;
    columns += std::string(columns.empty() ? "" : "; ") + role + ": <code>" + H(name) + "</code>";
  }
  for (const auto& segment : c.segments) {
    columns +=
        std::string(columns.empty() ? "" : "; ") + "segment: <code>" + H(segment) + "</code>";
  }
  out += "<p class=\"meta\">Columns used: " + (columns.empty() ? "none named" : columns) + "</p>\n";
  if (!report.guesses.empty()) {
    out += "<details><summary>How the columns were chosen</summary><ul>\n";
    for (const auto& guess : report.guesses) out += "<li>" + H(guess) + "</li>\n";
    out += "</ul></details>\n";
  }
  return out + "</header>\n";
}

std::string RenderHeadline(const ReportModel& report) {
  const ReportHeadline& h = report.headline;
  std::string out = OpenSection("headline", "Headline");
  if (!h.present) return out + Absent(h) + "</section>\n";
  out += "<p class=\"nps\"><span class=\"label\">NPS</span> <strong class=\"big\">" +
         Num("headline.nps.value", h.nps.value, 1) + "</strong> <span class=\"ci\">" +
         H(Level(report.level)) + " interval " + EstimateInterval("headline.nps", h.nps) +
         ", &plusmn;" + Num("headline.margin_of_error", h.margin_of_error, 1) + "</span></p>\n";
  out += "<p>" + Int("headline.nps.n", h.nps.n) + " responses, effective n " +
         Num("headline.nps.effective_n", h.nps.effective_n, 1) + ". Promoters " +
         Percent("headline.promoters", h.promoters) + ", passives " +
         Percent("headline.passives", h.passives) + ", detractors " +
         Percent("headline.detractors", h.detractors) + ".</p>\n";
  if (!h.reading.empty()) out += "<p class=\"reading\">" + H(h.reading) + "</p>\n";
  out += "<p>Weighting: " + H(h.weighting.empty() ? "none" : h.weighting) + " (design effect " +
         Num("headline.design_effect", h.design_effect, 2) + ").</p>\n";
  if (std::isfinite(h.response_rate)) {
    out += "<p>Response rate " + Percent("headline.response_rate", h.response_rate) + ": " +
           Int("headline.answered", h.answered) + " answered of " +
           Num("headline.invited", h.invited, 0) + " invited.</p>\n";
  }
  out += "<p>A change between two periods of this size is detectable from " +
         Num("headline.minimal_detectable_change", h.minimal_detectable_change, 1) +
         " points.</p>\n";
  out += Caveats(h, "headline");

  ChartText text{"chart-distribution", "Score distribution",
                 "Share of responses at each score from 0 to 10: detractors " +
                     report_internal::Percent(h.detractors) + ", passives " +
                     report_internal::Percent(h.passives) + ", promoters " +
                     report_internal::Percent(h.promoters) + ".",
                 "Score (0-10)", "Share of responses (%)"};
  Table table("Score distribution", {"Score", "Responses", "Share"});
  for (size_t s = 0; s < 11; ++s) {
    table.Row({std::to_string(s), Int(Index("headline.counts", s), h.counts[s]),
               Percent(Index("headline.distribution", s), h.distribution[s])});
  }
  out += Figure(report_internal::ScoreDistributionChart(text, h.distribution), table.Done(),
                "Table: score distribution");
  return out + "</section>\n";
}

std::string RenderTrend(const ReportModel& report) {
  const ReportTrend& t = report.trend;
  std::string out = OpenSection("trend", "Trend");
  if (!t.present) return out + Absent(t) + "</section>\n";
  out += "<p class=\"direction\">NPS is <strong>" + H(t.direction) + "</strong>, decided by " +
         H(t.test) + ".</p>\n";
  out += "<p>Slope " + Num("trend.slope", t.slope, 2) + " points per " + H(t.period) + " " +
         Interval("trend.slope_ci_low", t.slope_ci_low, "trend.slope_ci_high", t.slope_ci_high, 2) +
         ", p = " + PValue("trend.slope_p_value", t.slope_p_value) +
         "; Mann-Kendall p = " + PValue("trend.mann_kendall_p_value", t.mann_kendall_p_value) +
         ". Buckets by " + H(t.period) + " in " + H(t.time_zone) + ".</p>\n";
  out += "<p>Minimal detectable change between two buckets at the latest volume: " +
         Num("trend.minimal_detectable_change", t.minimal_detectable_change, 1) + " points.</p>\n";
  if (t.changes.empty()) {
    out += "<p>No change point passes at " + H(Level(report.level)) + ".</p>\n";
  } else {
    Table changes("Changes in level",
                  {"Starting", "Before", "After", "Shift", "Interval", "p", "p (Holm)"});
    for (size_t i = 0; i < t.changes.size(); ++i) {
      const ReportChange& c = t.changes[i];
      const std::string p = Index("trend.changes", i);
      changes.Row(
          {H(c.label), Num(p + ".before", c.before, 1), Num(p + ".after", c.after, 1),
           Num(p + ".shift.difference", c.shift.difference, 1),
           Interval(p + ".shift.ci_low", c.shift.ci_low, p + ".shift.ci_high", c.shift.ci_high, 1),
           PValue(p + ".p_value", c.p_value), PValue(p + ".p_adjusted", c.p_adjusted)});
    }
    out += changes.Done();
  }
  out += Caveats(t, "trend");

  std::vector<report_internal::TrendChartPoint> points;
  Table table("NPS by " + t.period, {"Bucket", "Responses", "NPS", "Interval", "Outside control"});
  int breaches = 0;
  for (size_t i = 0; i < t.points.size(); ++i) {
    const ReportTrendPoint& point = t.points[i];
    bool change = false;
    for (const auto& c : t.changes) change = change || c.label == point.label;
    points.push_back({point.label, point.nps.value, point.nps.ci_low, point.nps.ci_high,
                      point.nps.n, point.outside_control, change});
    breaches += point.outside_control;
    const std::string p = Index("trend.points", i);
    table.Row({H(point.label), Int(p + ".nps.n", point.nps.n),
               Num(p + ".nps.value", point.nps.value, 1), EstimateInterval(p + ".nps", point.nps),
               point.outside_control ? "yes" : "no"});
  }
  const double overall = report.headline.present ? report.headline.nps.value : NAN;
  ChartText text{"chart-trend", "NPS by " + t.period,
                 "NPS of each " + t.period + " with its " + Level(report.level) +
                     " interval over " + std::to_string(t.points.size()) + " buckets: " +
                     t.direction + "; " + std::to_string(t.changes.size()) + " change point(s), " +
                     std::to_string(breaches) + " bucket(s) outside the control limits.",
                 "Bucket (" + t.period + ", " + t.time_zone + ")", "NPS (points, -100 to 100)"};
  out += Figure(report_internal::TrendChart(text, points, overall), table.Done(),
                "Table: NPS by " + t.period);
  return out + "</section>\n";
}

std::string RenderSegments(const ReportModel& report) {
  const ReportSegments& s = report.segments;
  std::string out = OpenSection("segments", "Segments");
  if (!s.present) return out + Absent(s) + "</section>\n";
  out += "<p>Each segment against all others; p-values adjusted by " + H(s.adjustment) +
         " within each column.</p>\n";
  out += Caveats(s, "segments");
  for (size_t c = 0; c < s.columns.size(); ++c) {
    const ReportSegmentColumn& column = s.columns[c];
    const std::string cp = Index("segments.columns", c);
    out += "<h3>By " + H(column.column) + "</h3>\n";
    std::vector<ForestRow> rows;
    Table table("NPS by " + column.column, {"Segment", "Responses", "NPS", "Interval", "vs rest",
                                            "Interval", "p (adjusted)", "Significant"});
    int significant = 0;
    for (size_t r = 0; r < column.rows.size(); ++r) {
      const ReportSegmentRow& row = column.rows[r];
      const std::string p = Index(cp + ".rows", r);
      rows.push_back({row.label, row.vs_rest.difference, row.vs_rest.ci_low, row.vs_rest.ci_high,
                      row.significant});
      significant += row.significant;
      table.Row({H(row.label), Int(p + ".nps.n", row.nps.n),
                 Num(p + ".nps.value", row.nps.value, 1), EstimateInterval(p + ".nps", row.nps),
                 Num(p + ".vs_rest.difference", row.vs_rest.difference, 1),
                 Interval(p + ".vs_rest.ci_low", row.vs_rest.ci_low, p + ".vs_rest.ci_high",
                          row.vs_rest.ci_high, 1),
                 PValue(p + ".p_adjusted", row.p_adjusted), row.significant ? "yes" : "no"});
    }
    ChartText text{
        "chart-segments-" + std::to_string(c), "NPS by " + column.column + " vs the rest",
        "Difference between each " + column.column +
            " segment's NPS and the other segments', with " + Level(report.level) + " intervals; " +
            std::to_string(significant) + " of " + std::to_string(column.rows.size()) +
            " differ significantly after adjustment.",
        "NPS difference vs the rest (points)", ""};
    out += Figure(report_internal::ForestPlot(text, rows, 0), table.Done(),
                  "Table: NPS by " + column.column);
  }
  return out + "</section>\n";
}

std::string RenderVoice(const ReportModel& report) {
  const ReportVoice& v = report.voice;
  std::string out = OpenSection("voice", "What customers say");
  if (!v.present) return out + Absent(v) + "</section>\n";
  out += "<p>" + Int("voice.comments", v.comments) + " comments from " +
         Int("voice.responses", v.responses) + " responses; mean sentiment " +
         Num("voice.mean_sentiment", v.mean_sentiment, 2) + " (from -1 to 1).</p>\n";
  out += Caveats(v, "voice");

  out += "<h3>Themes</h3>\n";
  if (v.themes.empty()) {
    out += "<p>No theme found in the comments.</p>\n";
  } else {
    Table themes("Themes by NPS impact", {"Theme", "Mentions", "Share of comments", "Sentiment",
                                          "NPS impact", "Interval", "Trend"});
    std::vector<ForestRow> rows;
    for (size_t i = 0; i < v.themes.size(); ++i) {
      const ReportTheme& theme = v.themes[i];
      const std::string p = Index("voice.themes", i);
      const bool significant =
          theme.impact.ci_low > 0 || theme.impact.ci_high < 0;  // the interval excludes 0
      rows.push_back({theme.name, theme.impact.difference, theme.impact.ci_low,
                      theme.impact.ci_high, significant});
      themes.Row({H(theme.name), Int(p + ".mentions", theme.mentions),
                  Percent(p + ".share", theme.share), Num(p + ".sentiment", theme.sentiment, 2),
                  Num(p + ".impact.difference", theme.impact.difference, 1),
                  Interval(p + ".impact.ci_low", theme.impact.ci_low, p + ".impact.ci_high",
                           theme.impact.ci_high, 1),
                  H(theme.trend.empty() ? "-" : theme.trend)});
    }
    const std::string table = themes.Done();
    out += table;
    ChartText text{"chart-theme-impact", "NPS impact of each theme",
                   "NPS impact of the " + std::to_string(v.themes.size()) +
                       " themes (overall NPS minus NPS without the theme's comments), with " +
                       Level(report.level) + " intervals; filled markers exclude 0.",
                   "NPS impact (points)", ""};
    out += Figure(report_internal::ForestPlot(text, rows, 0), table, "Table: theme impact");
    out += "<h3>In their words</h3>\n";
    for (size_t i = 0; i < v.themes.size(); ++i) {
      const ReportTheme& theme = v.themes[i];
      if (theme.quotes.empty()) continue;
      out += "<h4>" + H(theme.name) + "</h4>\n";
      for (size_t q = 0; q < theme.quotes.size(); ++q) {
        const ReportQuote& quote = theme.quotes[q];
        const std::string p = Index(Index("voice.themes", i) + ".quotes", q);
        out += "<blockquote><p>" + H(quote.text) + "</p><footer>score " +
               Int(p + ".score", quote.score) +
               (quote.account.empty() ? "" : ", account " + H(quote.account)) +
               "</footer></blockquote>\n";
      }
    }
  }

  out += "<h3>Emotions</h3>\n";
  if (v.emotions.empty()) {
    out += "<p>No emotion found in the comments.</p>\n";
  } else {
    Table emotions("Emotions", {"Emotion", "Comments", "Share of comments"});
    for (size_t i = 0; i < v.emotions.size(); ++i) {
      const std::string p = Index("voice.emotions", i);
      emotions.Row({H(v.emotions[i].name), Int(p + ".comments", v.emotions[i].comments),
                    Percent(p + ".share", v.emotions[i].share)});
    }
    out += emotions.Done();
  }

  out += "<h3>Fire alarms</h3>\n";
  if (v.fire_alarms.empty()) {
    out += "<p>No fire alarm.</p>\n";
  } else {
    Table alarms(
        "Fire alarms, most urgent first",
        {"Account", "Score", "Days before the latest response", "Why", "Owner", "Comment"});
    alarms.TextColumns({3, 4, 5});
    for (size_t i = 0; i < v.fire_alarms.size(); ++i) {
      const ReportAlarm& alarm = v.fire_alarms[i];
      alarms.Row({H(alarm.account.empty() ? "-" : alarm.account),
                  Int(Index("voice.fire_alarms", i) + ".score", alarm.score),
                  alarm.days_before_latest >= 0
                      ? Int(Index("voice.fire_alarms", i) + ".days_before_latest",
                            alarm.days_before_latest)
                      : std::string("-"),
                  H(alarm.reason), H(alarm.owner.empty() ? "-" : alarm.owner), H(alarm.text)});
    }
    out += alarms.Done();
  }
  return out + "</section>\n";
}

std::string RenderHealth(const ReportModel& report) {
  const ReportHealth& h = report.accounts.health;
  std::string out = "<h3>Health against churn</h3>\n";
  if (!h.present) return out + Absent(h);
  if (std::isfinite(h.auc)) {
    out += "<p>AUC " + Num("accounts.health.auc", h.auc, 3) + " " +
           Interval("accounts.health.auc_ci_low", h.auc_ci_low, "accounts.health.auc_ci_high",
                    h.auc_ci_high, 3) +
           " (0.5: no better than chance).</p>\n";
  } else {
    out +=
        "<p>The grades are not validated against churn: " +
        H(h.validation_absent_reason.empty() ? std::string("no AUC") : h.validation_absent_reason) +
        ".</p>\n";
  }
  out += Caveats(h, "accounts.health");
  Table grades("Accounts per health grade", {"Grade", "Accounts"});
  for (size_t i = 0; i < h.grades.size(); ++i) {
    grades.Row({H(h.grades[i]),
                i < h.accounts_per_grade.size()
                    ? Int(Index("accounts.health.accounts_per_grade", i), h.accounts_per_grade[i])
                    : "-"});
  }
  out += grades.Done();
  if (!h.survival.empty()) {
    std::vector<report_internal::StepCurve> curves;
    Table table("Retention by grade (Kaplan-Meier)",
                {"Grade", "Event times", "Last time", "Retained", "Interval"});
    for (size_t c = 0; c < h.survival.size(); ++c) {
      const ReportKaplanMeierCurve& curve = h.survival[c];
      curves.push_back({curve.grade, curve.times, curve.survival, curve.ci_low, curve.ci_high});
      const std::string p = Index("accounts.health.survival", c);
      const size_t n = std::min(curve.times.size(), curve.survival.size());
      if (n == 0 || curve.ci_low.size() < n || curve.ci_high.size() < n) {
        table.Row({H(curve.grade), "0", "-", "-", "-"});
        continue;
      }
      const size_t last = n - 1;
      table.Row({H(curve.grade), std::to_string(n),
                 Num(Index(p + ".times", last), curve.times[last], 1),
                 Percent(Index(p + ".survival", last), curve.survival[last]),
                 Interval(Index(p + ".ci_low", last), curve.ci_low[last],
                          Index(p + ".ci_high", last), curve.ci_high[last], 1, 100)});
    }
    ChartText text{"chart-survival", "Retention by health grade",
                   "Kaplan-Meier estimate of the share of accounts retained over time for each of "
                   "the " +
                       std::to_string(h.survival.size()) + " health grades, with " +
                       Level(report.level) + " pointwise intervals.",
                   "Time (days)", "Share retained"};
    out += Figure(report_internal::SurvivalChart(text, curves), table.Done(),
                  "Table: retention by grade");
  }
  if (!h.calibration.empty()) {
    std::vector<report_internal::CalibrationPoint> points;
    Table table("Calibration of churn risk",
                {"Bin", "Accounts", "Predicted", "Observed", "Interval"});
    for (size_t i = 0; i < h.calibration.size(); ++i) {
      const ReportCalibrationBin& bin = h.calibration[i];
      points.push_back({bin.predicted, bin.observed, bin.ci_low, bin.ci_high, bin.accounts});
      const std::string p = Index("accounts.health.calibration", i);
      table.Row({std::to_string(i + 1), Int(p + ".accounts", bin.accounts),
                 Percent(p + ".predicted", bin.predicted), Percent(p + ".observed", bin.observed),
                 Interval(p + ".ci_low", bin.ci_low, p + ".ci_high", bin.ci_high, 1, 100)});
    }
    ChartText text{"chart-calibration", "Predicted against observed churn",
                   "Observed churn share against mean predicted churn risk in " +
                       std::to_string(h.calibration.size()) + " bins, with " + Level(report.level) +
                       " intervals; points on the diagonal are perfectly calibrated.",
                   "Predicted churn risk (share)", "Observed churn (share)"};
    out +=
        Figure(report_internal::CalibrationChart(text, points), table.Done(), "Table: calibration");
  }
  return out;
}

std::string RenderAccounts(const ReportModel& report) {
  const ReportAccounts& a = report.accounts;
  std::string out = OpenSection("accounts", "Accounts");
  if (!a.present) {
    // Health needs accounts too: shown only when it says something of its own.
    const ReportHealth& health = a.health;
    const bool health_shown = health.present || !health.absent_reason.empty();
    return out + Absent(a) + (health_shown ? RenderHealth(report) : "") + "</section>\n";
  }
  out += "<p>" + Int("accounts.accounts", a.accounts) + " accounts with responses; " +
         std::to_string(a.declining.size()) + " declining significantly.</p>\n";
  out += Caveats(a, "accounts");
  if (!a.declining.empty()) {
    Table table("Declining accounts", {"Account", "ARR", "Responses", "Slope (points per period)",
                                       "Interval", "p (adjusted)", "Latest NPS"});
    for (size_t i = 0; i < a.declining.size(); ++i) {
      const ReportAccount& account = a.declining[i];
      const std::string p = Index("accounts.declining", i);
      table.Row({H(account.account), Money(p + ".arr", account.arr),
                 Int(p + ".responses", account.responses), Num(p + ".slope", account.slope, 2),
                 Interval(p + ".slope_ci_low", account.slope_ci_low, p + ".slope_ci_high",
                          account.slope_ci_high, 2),
                 PValue(p + ".p_adjusted", account.p_adjusted),
                 Num(p + ".latest", account.latest, 1)});
    }
    out += table.Done();
  }
  return out + RenderHealth(report) + "</section>\n";
}

std::string QueueTable(const std::string& caption, const char* what,
                       const std::vector<ReportQueueCount>& counts, const std::string& path) {
  Table table(caption, {what, "Cases", "Fire alarms"});
  for (size_t i = 0; i < counts.size(); ++i) {
    const std::string p = Index(path, i);
    table.Row({H(counts[i].name), Int(p + ".cases", counts[i].cases),
               Int(p + ".fire_alarms", counts[i].fire_alarms)});
  }
  return table.Done();
}

std::string RenderNextSteps(const ReportModel& report) {
  const ReportNextSteps& n = report.next_steps;
  std::string out = OpenSection("next-steps", "What to do next");
  if (!n.present) return out + Absent(n) + "</section>\n";
  if (!n.actions.empty()) {
    out += "<ol class=\"actions\">\n";
    for (const auto& action : n.actions) out += "<li>" + H(action) + "</li>\n";
    out += "</ol>\n";
  }
  out += "<p>Follow-up queue: " + Int("next_steps.cases", n.cases) + " cases, " +
         Int("next_steps.fire_alarms", n.fire_alarms) + " fire alarms first.</p>\n";
  out += Caveats(n, "next_steps");
  if (!n.by_category.empty()) {
    out += QueueTable("Cases by category", "Category", n.by_category, "next_steps.by_category");
  }
  if (!n.by_owner.empty()) {
    out += QueueTable("Cases by owner", "Owner", n.by_owner, "next_steps.by_owner");
  }
  if (!n.fix_first.empty()) {
    out += "<h3>Fix first</h3>\n";
    Table table("Themes ranked by ARR at risk",
                {"Theme", "ARR at risk", "Interval", "NPS impact", "Interval", "Accounts"});
    for (size_t i = 0; i < n.fix_first.size(); ++i) {
      const ReportFixItem& item = n.fix_first[i];
      const std::string p = Index("next_steps.fix_first", i);
      table.Row({H(item.theme), Money(p + ".arr_at_risk", item.arr_at_risk),
                 "[" + Money(p + ".arr_ci_low", item.arr_ci_low) + ", " +
                     Money(p + ".arr_ci_high", item.arr_ci_high) + "]",
                 Num(p + ".nps_impact.difference", item.nps_impact.difference, 1),
                 Interval(p + ".nps_impact.ci_low", item.nps_impact.ci_low,
                          p + ".nps_impact.ci_high", item.nps_impact.ci_high, 1),
                 Int(p + ".accounts", item.accounts)});
    }
    out += table.Done();
  }
  return out + "</section>\n";
}

// Inline only: no @import, no url(), no web font.
constexpr const char* kStyle = R"(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; color: #1a1a1a; background: #ffffff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 16px; line-height: 1.5; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
.meta { color: #444444; margin: 0.2rem 0; }
.nps { font-size: 1.1rem; }
.big { font-size: 2.4rem; }
.ci { color: #333333; }
.absent { font-style: italic; color: #444444; border-left: 4px solid #E69F00; padding-left: 0.6rem; }
.caveats { background: #fff8e6; border-left: 4px solid #E69F00; padding: 0.5rem 0.5rem 0.5rem 1.8rem; }
figure { margin: 1rem 0; }
svg.chart { display: block; width: 100%; max-width: 720px; height: auto; font-family: inherit; }
svg.chart.square { max-width: 480px; }
details { margin: 0.4rem 0; }
summary { cursor: pointer; color: #0072B2; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.5rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: 0.2rem 0; }
th, td { border-bottom: 1px solid #dddddd; padding: 0.25rem 0.5rem; text-align: right; white-space: nowrap; }
th[scope="row"], thead th:first-child { text-align: left; }
td.text { text-align: left; white-space: normal; min-width: 10rem; }
blockquote { margin: 0.5rem 0; padding: 0.3rem 0.8rem; border-left: 4px solid #56B4E9; background: #f4f9fc; }
blockquote p { margin: 0; }
blockquote footer { font-size: 0.85rem; color: #444444; }
footer.page { margin-top: 2rem; font-size: 0.85rem; color: #444444; }
@media (max-width: 600px) {
  body { font-size: 15px; }
  main { padding: 0.6rem; }
  .big { font-size: 2rem; }
}
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, table, blockquote { break-inside: avoid; }
  summary { color: #000000; }
  .scroll { overflow: visible; }
}
)";

}  // namespace

std::string RenderReportHtml(const ReportModel& report) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Customer feedback report";
  if (!report.source.empty()) out += ": " + H(report.source);
  out += "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<main>\n";
  out += RenderHeader(report);
  out += RenderHeadline(report);
  out += RenderTrend(report);
  out += RenderSegments(report);
  out += RenderVoice(report);
  out += RenderAccounts(report);
  out += RenderNextSteps(report);
  out += "<footer class=\"page\">Made by candor " + H(report.candor_version) +
         " (report schema version " + Int("schema_version", report.schema_version) +
         "). Every number here is in the report's JSON.</footer>\n";
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace candor
