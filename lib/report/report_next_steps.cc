// The report's "what to do next": the follow-up queue's summary (cases by
// category and owner, fire alarms first), the outer loop's ranking of themes
// (by ARR at risk when ARR is given, else by NPS impact), and a few plain
// sentences derived from the other sections.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "report_followup.hpp"
#include "report_sections.hpp"

namespace candor::report_internal {
namespace {

constexpr size_t kMaxActions = 5;
constexpr size_t kMaxFixItems = 5;

std::string Money(double value) {
  char buffer[64];
  if (std::fabs(value) >= 1e6) {
    std::snprintf(buffer, sizeof buffer, "$%.1fM", value / 1e6);
  } else if (std::fabs(value) >= 1e3) {
    std::snprintf(buffer, sizeof buffer, "$%.0fk", value / 1e3);
  } else {
    std::snprintf(buffer, sizeof buffer, "$%.0f", value);
  }
  return buffer;
}

std::string Points(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.1f", value);
  return buffer;
}

std::string Percent(double level) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%g%%", 100 * level);
  return buffer;
}

std::string Plural(int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void Actions(const ReportModel& report, ReportNextSteps* next) {
  const ReportVoice& voice = report.voice;
  std::vector<std::string>& actions = next->actions;
  if (next->fire_alarms > 0) {
    std::string sentence =
        "Call the " + Plural(next->fire_alarms, "fire alarm", "fire alarms") + " first";
    if (!voice.fire_alarms.empty()) {
      sentence += ": " + voice.fire_alarms.front().account;
      if (!voice.fire_alarms.front().reason.empty()) {
        sentence += " (" + voice.fire_alarms.front().reason + ")";
      }
      const int64_t listed = static_cast<int64_t>(voice.fire_alarms.size());
      if (next->fire_alarms > listed) {
        sentence += "; the " + std::to_string(listed) + " most urgent are listed above";
      } else if (next->fire_alarms > 1) {
        sentence += " and the others listed above";
      }
    }
    actions.push_back(sentence + ".");
  }
  // The outer loop's first theme that costs something.
  for (const ReportFixItem& item : next->fix_first) {
    const bool by_arr = voice.outer_loop_by_arr && item.arr_at_risk > 0;
    if (!by_arr && !(item.nps_impact.difference < 0)) continue;
    std::string sentence = "Fix '" + item.theme + "' first: ";
    if (by_arr) {
      sentence += Money(item.arr_at_risk) + " ARR at risk";
      if (std::isfinite(item.arr_ci_low) && std::isfinite(item.arr_ci_high)) {
        sentence += " (" + Percent(report.level) + " interval " + Money(item.arr_ci_low) + " to " +
                    Money(item.arr_ci_high) + ")";
      }
      sentence += " across " +
                  Plural(item.detractor_accounts, "detractor account", "detractor accounts") +
                  " (of " + std::to_string(item.accounts) + " accounts mentioning it)";
    } else {
      sentence += "it costs " + Points(item.nps_impact.difference) + " NPS points";
      if (std::isfinite(item.nps_impact.ci_low) && std::isfinite(item.nps_impact.ci_high)) {
        sentence += " (" + Percent(report.level) + " interval " + Points(item.nps_impact.ci_low) +
                    " to " + Points(item.nps_impact.ci_high) + ")";
      }
    }
    actions.push_back(sentence + ".");
    break;
  }
  const ReportAccounts& accounts = report.accounts;
  if (accounts.present && !accounts.declining.empty()) {
    std::string sentence = "Declining: ";
    const size_t named = std::min<size_t>(3, accounts.declining.size());
    for (size_t k = 0; k < named; ++k) {
      const ReportAccount& account = accounts.declining[k];
      if (k > 0) sentence += ", ";
      sentence += account.account + " (" + Points(account.slope) + " points a month";
      if (std::isfinite(account.arr)) sentence += ", " + Money(account.arr) + " ARR";
      sentence += ")";
    }
    if (accounts.declining_total > static_cast<int64_t>(named)) {
      sentence += " and " + std::to_string(accounts.declining_total - named) + " more";
    }
    actions.push_back(sentence + ": have their owners call them this week.");
  }
  const ReportHealth& health = accounts.health;
  if (health.present && health.validated && health.auc_ci_low <= 0.5) {
    actions.push_back(
        "Health grades do not yet separate churners from others (AUC interval includes 0.5): "
        "do not steer by them until they do.");
  }
  for (const ReportQueueCount& category : next->by_category) {
    if (actions.size() >= kMaxActions) break;
    if (category.name == "detractor" && category.cases > 0) {
      actions.push_back("Close the loop with the " +
                        Plural(category.cases, "detractor case", "detractor cases") +
                        " in the follow-up queue within a day.");
    }
  }
  if (actions.empty()) {
    actions.push_back("Nothing urgent: keep listening and re-run the report next " +
                      (report.trend.period.empty() ? std::string("month") : report.trend.period) +
                      ".");
  }
  if (actions.size() > kMaxActions) actions.resize(kMaxActions);
}

}  // namespace

Status BuildNextSteps(const ReportContext& context, const ReportModel& report,
                      ReportNextSteps* next_steps) {
  const ReportVoice& voice = report.voice;
  if (voice.has_queue) {
    next_steps->cases = voice.queue_cases;
    next_steps->fire_alarms = voice.fire_alarm_total;
    next_steps->by_category = voice.queue_by_category;
    next_steps->by_owner = voice.queue_by_owner;
  } else if (!context.table.account.codes.empty() && !context.table.times.empty()) {
    // No comments: the queue from scores alone (no urgency, so no fire alarms).
    Result<FollowupDigest> digest = DigestFollowup(context, nullptr, nullptr, 0);
    if (digest.ok()) {
      next_steps->cases = digest->cases;
      next_steps->fire_alarms = digest->fire_alarms;
      next_steps->by_category = std::move(digest->by_category);
      next_steps->by_owner = std::move(digest->by_owner);
      next_steps->caveats.push_back(
          "no comments: the follow-up queue has no fire alarms (urgency comes from comments)");
    } else {
      next_steps->caveats.push_back("no follow-up queue: " + digest.status().message());
    }
  } else {
    next_steps->caveats.push_back("no follow-up queue: it needs an account and a time column");
    // Fire alarms still come from urgent comments when there are comments.
    next_steps->fire_alarms = voice.fire_alarm_total;
  }
  if (!voice.outer_loop.empty()) {
    next_steps->fix_first = voice.outer_loop;
    if (!voice.outer_loop_by_arr) {
      // By the NPS points each theme costs (the most negative impact first).
      std::stable_sort(next_steps->fix_first.begin(), next_steps->fix_first.end(),
                       [](const ReportFixItem& a, const ReportFixItem& b) {
                         const double x = a.nps_impact.difference;
                         const double y = b.nps_impact.difference;
                         if (std::isnan(x) != std::isnan(y)) return std::isnan(y);
                         return x < y;
                       });
      for (ReportFixItem& item : next_steps->fix_first) {
        item.arr_at_risk = item.arr_ci_low = item.arr_ci_high = std::nan("");
      }
      next_steps->caveats.push_back(
          "no ARR column: themes are ranked by the NPS points they cost, not by revenue at risk "
          "(give --arr-column to rank by ARR at risk)");
    }
    if (voice.outer_loop_by_arr && next_steps->fix_first.size() > 1) {
      next_steps->caveats.push_back(
          "an account that mentions several themes counts its ARR under each: the themes' ARR "
          "at risk overlap and do not add up");
    }
    if (next_steps->fix_first.size() > kMaxFixItems) next_steps->fix_first.resize(kMaxFixItems);
  } else if (voice.present) {
    next_steps->caveats.push_back("no theme ranking: no themes were found in the comments");
  } else {
    next_steps->caveats.push_back("no theme ranking: it needs a comment column");
  }
  next_steps->present = true;
  Actions(report, next_steps);
  return OkStatus();
}

}  // namespace candor::report_internal
