// The report as terminal text: one block per section, in the model's order,
// each absent section named with the reason.
#include <candor/report.hpp>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "report_format.hpp"

namespace candor {
namespace {

using report_internal::Fixed;
using report_internal::Interval;
using report_internal::LevelPercent;
using report_internal::Money;
using report_internal::Percent;
using report_internal::Points;
using report_internal::PValue;
using report_internal::Signed;
using report_internal::TextTable;
using report_internal::Wrap;

constexpr size_t kWidth = 78;

std::string Heading(const std::string& title) { return "\n== " + title + " ==\n"; }

// The heading, and the reason when the section is absent.
std::string Open(const std::string& title, const ReportSection& section) {
  std::string out = Heading(title);
  if (!section.present) out += Wrap("Not shown: " + section.absent_reason, kWidth, "  ");
  return out;
}

std::string Caveats(const ReportSection& section) {
  std::string out;
  for (const std::string& caveat : section.caveats) {
    out += Wrap("* " + caveat, kWidth, "  ");
  }
  return out;
}

std::string Source(const ReportModel& r) {
  std::string out =
      "candor report: " + (r.source.empty() ? std::string("(data in memory)") : r.source);
  if (r.bundled_sample) out += " (bundled synthetic sample)";
  out += "\n" + std::to_string(r.rows) + " responses";
  if (r.skipped_rows > 0) out += "; " + std::to_string(r.skipped_rows) + " bad rows skipped";
  out += "; candor " + r.candor_version + "\n";
  for (const std::string& guess : r.guesses) out += Wrap(guess, kWidth, "  ");
  return out;
}

std::string Headline(const ReportModel& r) {
  const ReportHeadline& h = r.headline;
  std::string out = Open("Headline", h);
  if (!h.present) return out;
  const Estimate& e = h.nps;
  out += "Net Promoter Score (NPS): " + Fixed(e.value, 1) + "   " + LevelPercent(r.level) +
         " interval " + Fixed(e.ci_low, 1) + " to " + Fixed(e.ci_high, 1) +
         ", n = " + std::to_string(e.n) + ", effective n " + Fixed(e.effective_n, 0) + "\n";
  out += "  promoters (9-10) " + Percent(h.promoters) + ", passives (7-8) " + Percent(h.passives) +
         ", detractors (0-6) " + Percent(h.detractors) + "\n";
  out += "  scores 0..10:";
  for (size_t s = 0; s < h.distribution.size(); ++s) {
    out += " " + std::to_string(s) + ":" + Fixed(100 * h.distribution[s], 0) + "%";
  }
  out += "\n  weighting: " + h.weighting;
  if (h.weighting != "none") {
    out += " (Kish design effect " + Fixed(h.design_effect, 2) + ", effective n " +
           Fixed(e.effective_n, 0) + " of " + std::to_string(e.n) + ")";
  }
  out += "\n";
  if (std::isfinite(h.response_rate)) {
    out += "  asked " + Fixed(h.invited, 0) + ", answered " + std::to_string(h.answered) +
           ": response rate " + Percent(h.response_rate) + "\n";
  }
  out += "\n" + Wrap(h.reading, kWidth, "");
  out += Caveats(h);
  return out;
}

std::string Trend(const ReportModel& r) {
  const ReportTrend& t = r.trend;
  std::string out = Open("Trend", t);
  if (!t.present) return out;
  out += "By " + t.period + " (" + t.time_zone + "):\n";
  TextTable table({t.period, "n", "NPS", LevelPercent(r.level) + " interval", "note"}, 1);
  for (const ReportTrendPoint& p : t.points) {
    table.AddRow({p.label, std::to_string(p.nps.n), Fixed(p.nps.value, 1),
                  Interval(p.nps.ci_low, p.nps.ci_high, 1),
                  p.outside_control ? "outside control limits" : ""});
  }
  out += table.Render("  ");
  out += Wrap("Direction: " + t.direction + " (" + t.test + "). Slope " + Signed(t.slope, 2) +
                  " points per " + t.period + ", interval " +
                  Interval(t.slope_ci_low, t.slope_ci_high, 2) + ", p " + PValue(t.slope_p_value) +
                  "; Mann-Kendall p " + PValue(t.mann_kendall_p_value) + ".",
              kWidth, "  ");
  if (t.changes.empty()) {
    out += "  No change point passes at the " + LevelPercent(r.level) + " level.\n";
  }
  for (const ReportChange& c : t.changes) {
    out += Wrap("Change from " + c.label + ": " + Fixed(c.before, 1) + " to " + Fixed(c.after, 1) +
                    " (" + Signed(c.shift.difference, 1) + ", interval " +
                    Interval(c.shift.ci_low, c.shift.ci_high, 1) + "), adjusted p " +
                    PValue(c.p_adjusted) + ".",
                kWidth, "  ");
  }
  out += Wrap("At the latest volume, a change smaller than " + Points(t.minimal_detectable_change) +
                  " between two " + t.period + "s cannot be told from noise.",
              kWidth, "  ");
  out += Caveats(t);
  return out;
}

std::string Segments(const ReportModel& r) {
  const ReportSegments& s = r.segments;
  std::string out = Open("Segments", s);
  if (!s.present) return out;
  for (const ReportSegmentColumn& column : s.columns) {
    out += "By " + column.column + " (each value against all other responses):\n";
    TextTable table({column.column, "n", "NPS", LevelPercent(r.level) + " interval", "vs rest",
                     "p (" + s.adjustment + ")", "note"},
                    1);
    std::vector<std::string> notes;
    for (const ReportSegmentRow& row : column.rows) {
      std::string flag;
      if (row.significant) {
        bool lower = row.vs_rest.difference < 0;
        flag = lower ? "* lower" : "* higher";
        notes.push_back(row.label + " is " + Points(std::fabs(row.vs_rest.difference)) + " " +
                        (lower ? "lower" : "higher") + " than the rest (adjusted p " +
                        PValue(row.p_adjusted) + ").");
      }
      table.AddRow({row.label, std::to_string(row.nps.n), Fixed(row.nps.value, 1),
                    Interval(row.nps.ci_low, row.nps.ci_high, 1), Signed(row.vs_rest.difference, 1),
                    PValue(row.p_adjusted), flag});
    }
    out += table.Render("  ");
    if (notes.empty()) {
      out += "  No " + column.column + " differs from the rest at the " + LevelPercent(r.level) +
             " level after adjustment.\n";
    }
    for (const std::string& note : notes) out += Wrap("* " + note, kWidth, "  ");
  }
  out += Caveats(s);
  return out;
}

std::string Voice(const ReportModel& r) {
  const ReportVoice& v = r.voice;
  std::string out = Open("What customers say", v);
  if (!v.present) return out;
  out += "  " + std::to_string(v.comments) + " comments from " + std::to_string(v.responses) +
         " responses; mean sentiment " + Signed(v.mean_sentiment, 2) + " (-1 to +1)\n";
  if (!v.themes.empty()) {
    TextTable table({"theme", "mentions", "share", "sentiment", "NPS impact",
                     LevelPercent(r.level) + " interval", "trend"},
                    1);
    for (const ReportTheme& theme : v.themes) {
      table.AddRow({theme.name, std::to_string(theme.mentions), Percent(theme.share),
                    Signed(theme.sentiment, 2), Signed(theme.impact.difference, 1),
                    Interval(theme.impact.ci_low, theme.impact.ci_high, 1), theme.trend});
    }
    out += table.Render("  ");
    for (const ReportTheme& theme : v.themes) {
      if (theme.quotes.empty()) continue;
      out += "  " + theme.name + ":\n";
      for (const ReportQuote& quote : theme.quotes) {
        out += Wrap("\"" + quote.text + "\" (score " + std::to_string(quote.score) +
                        (quote.account.empty() ? "" : ", " + quote.account) + ")",
                    kWidth, "    ");
      }
    }
  }
  if (!v.emotions.empty()) {
    std::string line = "Emotions:";
    for (const ReportEmotion& emotion : v.emotions) {
      line += " " + emotion.name + " " + Percent(emotion.share) + " (" +
              std::to_string(emotion.comments) + ")";
    }
    out += Wrap(line, kWidth, "  ");
  }
  if (v.fire_alarms.empty()) {
    out += "  No fire alarms.\n";
  } else {
    out += "  Fire alarms (most urgent first):\n";
    for (const ReportAlarm& alarm : v.fire_alarms) {
      std::string who = alarm.account.empty() ? "" : alarm.account + ", ";
      if (alarm.days_before_latest >= 0) {
        who += std::to_string(alarm.days_before_latest) + " days before the latest response, ";
      }
      out +=
          Wrap("! " + who + "score " + std::to_string(alarm.score) + ": \"" + alarm.text + "\" (" +
                   alarm.reason + (alarm.owner.empty() ? "" : "; owner " + alarm.owner) + ")",
               kWidth, "    ");
    }
  }
  out += Caveats(v);
  return out;
}

std::string Health(const ReportModel& r) {
  const ReportHealth& h = r.accounts.health;
  std::string out = "  Health against churn:\n";
  if (!h.present) return out + Wrap("Not shown: " + h.absent_reason, kWidth, "    ");
  for (size_t g = 0; g < h.grades.size() && g < h.accounts_per_grade.size(); ++g) {
    out +=
        "    grade " + h.grades[g] + ": " + std::to_string(h.accounts_per_grade[g]) + " accounts\n";
  }
  if (h.validated && std::isfinite(h.auc)) {
    out += "    AUC " + Fixed(h.auc, 3) + ", interval " + Interval(h.auc_ci_low, h.auc_ci_high, 3) +
           " (0.5: no better than chance)\n";
  } else {
    out += Wrap("The grades are not validated against churn: " +
                    (h.validation_absent_reason.empty() ? std::string("no AUC")
                                                        : h.validation_absent_reason) +
                    ".",
                kWidth, "    ");
  }
  if (!h.calibration.empty()) {
    TextTable table({"predicted", "observed", LevelPercent(r.level) + " interval", "accounts"}, 0);
    for (const ReportCalibrationBin& bin : h.calibration) {
      table.AddRow({Percent(bin.predicted), Percent(bin.observed),
                    "[" + Percent(bin.ci_low) + ", " + Percent(bin.ci_high) + "]",
                    std::to_string(bin.accounts)});
    }
    out += table.Render("    ");
  }
  for (const std::string& caveat : h.caveats) out += Wrap("* " + caveat, kWidth, "    ");
  return out;
}

std::string Accounts(const ReportModel& r) {
  const ReportAccounts& a = r.accounts;
  std::string out = Open("Accounts", a);
  if (!a.present) return out;
  out += "  " + std::to_string(a.accounts) + " accounts with responses.\n";
  if (a.declining.empty()) {
    out += "  No account is declining after adjustment for multiple comparisons.\n";
  } else {
    out += "  Declining accounts:\n";
    TextTable table({"account", "ARR", "responses", "slope", LevelPercent(r.level) + " interval",
                     "adjusted p", "latest NPS"},
                    1);
    for (const ReportAccount& account : a.declining) {
      table.AddRow({account.account, Money(account.arr), std::to_string(account.responses),
                    Signed(account.slope, 1),
                    Interval(account.slope_ci_low, account.slope_ci_high, 1),
                    PValue(account.p_adjusted), Fixed(account.latest, 1)});
    }
    out += table.Render("  ");
  }
  out += Health(r);
  out += Caveats(a);
  return out;
}

std::string NextSteps(const ReportModel& r) {
  const ReportNextSteps& n = r.next_steps;
  std::string out = Open("What to do next", n);
  if (!n.present) return out;
  for (size_t i = 0; i < n.actions.size(); ++i) {
    out += Wrap(std::to_string(i + 1) + ". " + n.actions[i], kWidth, "  ");
  }
  out += "  Follow-up queue: " + std::to_string(n.cases) + " cases, " +
         std::to_string(n.fire_alarms) + " fire alarms.\n";
  auto counts = [&](const std::string& title, const std::vector<ReportQueueCount>& rows) {
    if (rows.empty()) return;
    TextTable table({title, "cases", "fire alarms"}, 1);
    for (const ReportQueueCount& row : rows) {
      table.AddRow({row.name, std::to_string(row.cases), std::to_string(row.fire_alarms)});
    }
    out += table.Render("  ");
  };
  counts("category", n.by_category);
  counts("owner", n.by_owner);
  if (!n.fix_first.empty()) {
    out += "  Fix first (themes ranked by revenue at risk):\n";
    TextTable table(
        {"theme", "ARR at risk", LevelPercent(r.level) + " interval", "accounts", "NPS impact"}, 1);
    for (const ReportFixItem& item : n.fix_first) {
      table.AddRow({item.theme, Money(item.arr_at_risk),
                    "[" + Money(item.arr_ci_low) + ", " + Money(item.arr_ci_high) + "]",
                    std::to_string(item.accounts), Signed(item.nps_impact.difference, 1)});
    }
    out += table.Render("  ");
  }
  out += Caveats(n);
  return out;
}

}  // namespace

std::string RenderReportText(const ReportModel& report) {
  return Source(report) + Headline(report) + Trend(report) + Segments(report) + Voice(report) +
         Accounts(report) + NextSteps(report);
}

}  // namespace candor
