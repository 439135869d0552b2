// candor themes: the table, JSON and CSV outputs.
#include <candor/text_sentiment.hpp>
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "format.hpp"
#include "metric_choices.hpp"
#include "themes_report.hpp"

namespace candor::cli {
namespace {

std::string Percent(double part, double whole) {
  return whole > 0 ? FormatFixed(100.0 * part / whole, 1) + "%" : "-";
}

std::string EmotionName(int e) { return text::EmotionName(static_cast<text::Emotion>(e)); }

std::string UrgencyName(int c) {
  return text::UrgencyCategoryName(static_cast<text::UrgencyCategory>(c));
}

// The comment's first line, at most `limit` bytes, cut at a UTF-8 boundary.
std::string Excerpt(const std::string& comment, size_t limit) {
  std::string line = comment.substr(0, comment.find_first_of("\r\n"));
  if (line.size() <= limit) return line;
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "...";
}

// Urgent comments, most serious category first, then in file order.
std::vector<size_t> UrgentOrder(const ThemesReport& report, size_t limit) {
  std::vector<size_t> order;
  const text::SentimentColumns& s = report.text.sentiment;
  for (int category = 1; category <= text::kUrgencyCategoryCount; ++category) {
    for (size_t i = 0; i < s.urgent.size() && order.size() < limit; ++i) {
      if (s.urgent[i] && s.urgency_category[i] == category) order.push_back(i);
    }
  }
  return order;
}

void PrintDriversTable(const ThemesArgs& args, const ThemesReport& report) {
  const ThemeDrivers& d = *report.drivers;
  const std::string metric = MetricDisplayName(args.metric_name);
  const int decimals = DisplayDecimals(args.metric);
  std::cout << "\nDrivers of " << metric << " (overall " << FormatFixed(d.overall.value, decimals)
            << " " << FormatInterval(d.overall.ci_low, d.overall.ci_high, decimals) << ", n "
            << d.overall.n << ", " << FormatLevel(args.level) << " intervals)\n"
            << "  " << metric << " here: of the comments that mention the theme; impact: overall "
            << metric << " minus " << metric << " without them;\n"
            << "  RR: detractor relative risk of mentioning it; OR: key-driver odds ratio.\n";
  TextTable table(
      {"theme", metric + " here", "interval", "impact", "interval", "p", "RR", "interval", "OR"},
      1);
  std::string unmentioned;
  for (const ThemeDriver& t : d.themes) {
    if (t.mentions == 0) {
      unmentioned += (unmentioned.empty() ? "" : ", ") + t.name;
      continue;
    }
    table.AddRow({t.name, FormatFixed(t.score.value, decimals),
                  FormatInterval(t.score.ci_low, t.score.ci_high, decimals),
                  FormatSigned(t.impact.difference, decimals),
                  FormatInterval(t.impact.ci_low, t.impact.ci_high, decimals),
                  FormatP(t.impact.p_value), FormatFixed(t.relative_risk, 2),
                  FormatInterval(t.relative_risk_ci_low, t.relative_risk_ci_high, 2),
                  t.in_model ? FormatFixed(t.odds_ratio, 2) : "-"});
  }
  std::cout << table.Render("  ");
  if (!unmentioned.empty()) std::cout << "  (no comment mentions " << unmentioned << ")\n";
  if (!d.has_periods) return;
  std::cout << "\nTrending themes (" << report.later_label << " vs " << report.earlier_label
            << "; share of comments; p adjusted across themes)\n";
  TextTable trending({"theme", "earlier", "later", "change", "interval", "p adj", ""}, 1);
  trending.SetLeftAligned(6);
  for (const TrendingTheme& t : d.trending) {
    if (d.themes[t.theme].mentions == 0) continue;
    trending.AddRow({d.themes[t.theme].name, FormatFixed(t.share_earlier.value, 1) + "%",
                     FormatFixed(t.share_later.value, 1) + "%", FormatSigned(t.difference, 1),
                     FormatInterval(t.ci_low, t.ci_high, 1), FormatP(t.p_adjusted),
                     t.trending ? (t.difference > 0 ? "rising" : "falling") : ""});
  }
  std::cout << trending.Render("  ");
}

int PrintThemesTable(const ThemesArgs& args, const ThemesReport& report) {
  const text::SentimentColumns& s = report.text.sentiment;
  std::cout << "candor themes: " << report.rows << " rows, " << report.with_text
            << " with a comment ('" << args.text_column << "' of " << args.file << ")\n\n";
  const Estimate& e = report.sentiment;
  std::cout << "Sentiment  mean " << FormatSigned(e.value, 2) << " "
            << FormatInterval(e.ci_low, e.ci_high, 2) << " (" << FormatLevel(args.level) << "), "
            << FormatFixed(report.share_positive, 1) << "% positive, "
            << FormatFixed(report.share_negative, 1) << "% negative\n";
  std::cout << "Emotions   comments with intensity >= 0.5:";
  for (int k = 0; k < text::kEmotionCount; ++k) {
    std::cout << (k == 0 ? " " : ", ") << EmotionName(k) << " " << report.emotion_comments[k];
  }
  int64_t urgent = 0;
  for (int c = 1; c <= text::kUrgencyCategoryCount; ++c) urgent += report.urgency_comments[c];
  std::cout << "\nUrgent     " << urgent << " comments";
  for (int c = 1; c <= text::kUrgencyCategoryCount; ++c) {
    std::cout << (c == 1 ? " (" : ", ") << UrgencyName(c) << " " << report.urgency_comments[c];
  }
  std::cout << ")\n";

  if (!report.themes.empty()) {
    std::cout << "\nThemes (" << (report.discovered ? "discovered: NMF on TF-IDF, " : "taxonomy: ")
              << report.themes.size() << " themes";
    if (report.discovered) {
      std::cout << ", mean NPMI coherence " << FormatFixed(report.mean_coherence, 3);
    }
    std::cout << ")\n";
    TextTable table({"theme", "comments", "share", "mentions", "sentiment"}, 1);
    for (const ReportTheme& theme : report.themes) {
      std::string name = std::string(2 * theme.depth, ' ') + theme.name;
      if (report.discovered && !theme.terms.empty()) {
        std::string terms;
        for (size_t k = 0; k < theme.terms.size() && k < 5; ++k) {
          terms += (k ? ", " : "") + theme.terms[k];
        }
        name += " [" + terms + "]";
      }
      table.AddRow({name, std::to_string(theme.comments),
                    Percent(static_cast<double>(theme.comments), static_cast<double>(report.rows)),
                    std::to_string(theme.mentions), FormatSigned(theme.mean_sentiment, 2)});
    }
    std::cout << table.Render("  ");
  }
  if (report.drivers) PrintDriversTable(args, report);

  const std::vector<size_t> order = UrgentOrder(report, static_cast<size_t>(args.urgent));
  if (!order.empty()) {
    std::cout << "\nUrgent comments (most serious first; row = data row of the file)\n";
    TextTable table({"row", "category", "reason"}, 0);
    table.SetLeftAligned(2);
    for (size_t i : order) {
      table.AddRow({std::to_string(i + 1), UrgencyName(s.urgency_category[i]),
                    Excerpt(s.urgency_reason[i], 100)});
    }
    std::cout << table.Render("  ");
  }
  return kExitOk;
}

int PrintThemesJson(const ThemesArgs& args, const ThemesReport& report) {
  const text::SentimentColumns& s = report.text.sentiment;
  nlohmann::json out;
  out["file"] = args.file;
  out["rows"] = report.rows;
  out["comments"] = report.with_text;
  out["sentiment"] = EstimateJson(report.sentiment);
  out["share_positive"] = NumberOrNull(report.share_positive);
  out["share_negative"] = NumberOrNull(report.share_negative);
  nlohmann::json emotions = nlohmann::json::object();
  for (int k = 0; k < text::kEmotionCount; ++k) {
    emotions[EmotionName(k)] = report.emotion_comments[k];
  }
  out["emotion_comments"] = emotions;
  nlohmann::json urgency = nlohmann::json::object();
  for (int c = 1; c <= text::kUrgencyCategoryCount; ++c) {
    urgency[UrgencyName(c)] = report.urgency_comments[c];
  }
  out["urgent_comments"] = urgency;
  out["themes_source"] = report.themes.empty() ? "none"
                         : report.discovered   ? "discovered"
                                               : "taxonomy";
  nlohmann::json themes = nlohmann::json::array();
  for (size_t j = 0; j < report.themes.size(); ++j) {
    const ReportTheme& theme = report.themes[j];
    nlohmann::json row = {{"theme", theme.name},
                          {"depth", theme.depth},
                          {"comments", theme.comments},
                          {"mentions", theme.mentions},
                          {"mean_sentiment", NumberOrNull(theme.mean_sentiment)}};
    if (report.discovered) {
      row["terms"] = theme.terms;
      row["coherence"] = NumberOrNull(theme.coherence);
    }
    if (report.drivers) {
      const ThemeDriver& d = report.drivers->themes[j];
      row["score"] = EstimateJson(d.score);
      row["score_without"] = EstimateJson(d.score_without);
      row["impact"] = ComparisonJson(d.impact);
      row["share_of_detractors"] = EstimateJson(d.share_of_detractors);
      row["relative_risk"] = {{"value", NumberOrNull(d.relative_risk)},
                              {"ci_low", NumberOrNull(d.relative_risk_ci_low)},
                              {"ci_high", NumberOrNull(d.relative_risk_ci_high)},
                              {"p_value", NumberOrNull(d.relative_risk_p_value)},
                              {"corrected", d.relative_risk_corrected}};
      row["key_driver"] = {{"in_model", d.in_model},
                           {"coefficient", NumberOrNull(d.coefficient)},
                           {"odds_ratio", NumberOrNull(d.odds_ratio)},
                           {"odds_ratio_ci_low", NumberOrNull(d.odds_ratio_ci_low)},
                           {"odds_ratio_ci_high", NumberOrNull(d.odds_ratio_ci_high)},
                           {"importance", NumberOrNull(d.importance)}};
      if (report.drivers->has_periods) {
        const TrendingTheme& t = report.drivers->trending[j];
        row["trending"] = {{"share_earlier", NumberOrNull(t.share_earlier.value)},
                           {"share_later", NumberOrNull(t.share_later.value)},
                           {"difference", NumberOrNull(t.difference)},
                           {"ci_low", NumberOrNull(t.ci_low)},
                           {"ci_high", NumberOrNull(t.ci_high)},
                           {"p_value", NumberOrNull(t.p_value)},
                           {"p_adjusted", NumberOrNull(t.p_adjusted)},
                           {"trending", t.trending}};
      }
    }
    themes.push_back(row);
  }
  out["themes"] = themes;
  if (report.drivers) {
    out["metric"] = args.metric_name;
    out["overall"] = EstimateJson(report.drivers->overall);
    const KeyDriverModel& m = report.drivers->model;
    out["key_driver_model"] = {{"fitted", m.fitted},
                               {"converged", m.converged},
                               {"l2_penalty", m.l2_penalty},
                               {"intercept", NumberOrNull(m.intercept)},
                               {"iterations", m.iterations}};
  }
  nlohmann::json urgent = nlohmann::json::array();
  for (size_t i : UrgentOrder(report, static_cast<size_t>(args.urgent))) {
    urgent.push_back({{"row", i + 1},
                      {"category", UrgencyName(s.urgency_category[i])},
                      {"reason", s.urgency_reason[i]},
                      {"span", {s.urgency_span_begin[i], s.urgency_span_end[i]}}});
  }
  out["urgent"] = urgent;
  std::cout << DumpJson(out) << "\n";
  return kExitOk;
}

int PrintThemesCsv(const ThemesArgs& args, const ThemesReport& report) {
  const text::SentimentColumns& s = report.text.sentiment;
  std::vector<std::string> header = {"row", "sentiment"};
  for (int k = 0; k < text::kEmotionCount; ++k) header.push_back(EmotionName(k));
  for (const char* name : {"urgency", "urgency_reason", "language", "themes"}) {
    header.push_back(name);
  }
  std::cout << CsvRow(header);
  // Themes per comment, joined by "; " (pairs are in comment order).
  std::vector<std::string> themes(report.rows);
  for (size_t p = 0; p < report.pair_comment.size(); ++p) {
    std::string& cell = themes[report.pair_comment[p]];
    cell += (cell.empty() ? "" : "; ") + report.themes[report.pair_theme[p]].name;
  }
  for (size_t i = 0; i < report.rows; ++i) {
    std::vector<std::string> row = {std::to_string(i + 1), FormatFixed(s.score[i], 4)};
    for (int k = 0; k < text::kEmotionCount; ++k) row.push_back(FormatFixed(s.emotions[k][i], 4));
    row.push_back(UrgencyName(s.urgency_category[i]));
    row.push_back(s.urgency_reason[i]);
    row.push_back(s.language[i]);
    row.push_back(themes[i]);
    std::cout << CsvRow(row);
  }
  return kExitOk;
}

}  // namespace

int PrintThemes(const ThemesArgs& args, const ThemesReport& report) {
  return PrintInFormat(args, report, PrintThemesTable, PrintThemesJson, PrintThemesCsv);
}

}  // namespace candor::cli
