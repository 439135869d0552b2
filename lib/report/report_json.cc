// The report as JSON: every field of ReportModel under its member's name,
// the schema of docs/report-schema.md (kReportSchemaVersion). A number that
// is not finite (NaN: not given or not estimable) is null.
#include <candor/report.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace candor {
namespace {

using Json = nlohmann::ordered_json;

Json Number(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

template <typename T, typename ToJson>
Json Array(const std::vector<T>& items, ToJson to_json) {
  Json out = Json::array();
  for (const T& item : items) out.push_back(to_json(item));
  return out;
}

Json Numbers(const std::vector<double>& values) { return Array(values, Number); }

Json EstimateObject(const Estimate& estimate) {
  Json out = Json::object();
  out["value"] = Number(estimate.value);
  out["std_error"] = Number(estimate.std_error);
  out["ci_low"] = Number(estimate.ci_low);
  out["ci_high"] = Number(estimate.ci_high);
  out["level"] = Number(estimate.level);
  out["n"] = estimate.n;
  out["effective_n"] = Number(estimate.effective_n);
  return out;
}

// The contrast only; its two sides are reported where the section has them.
Json ComparisonObject(const Comparison& comparison) {
  Json out = Json::object();
  out["difference"] = Number(comparison.difference);
  out["std_error"] = Number(comparison.std_error);
  out["ci_low"] = Number(comparison.ci_low);
  out["ci_high"] = Number(comparison.ci_high);
  out["p_value"] = Number(comparison.p_value);
  return out;
}

// present, absent_reason and caveats, first in every section.
Json SectionObject(const ReportSection& section) {
  Json out = Json::object();
  out["present"] = section.present;
  out["absent_reason"] = section.absent_reason;
  out["caveats"] = section.caveats;
  return out;
}

Json ColumnsObject(const ReportColumns& columns) {
  Json out = Json::object();
  out["score"] = columns.score;
  out["comment"] = columns.comment;
  out["time"] = columns.time;
  out["account"] = columns.account;
  out["weight"] = columns.weight;
  out["arr"] = columns.arr;
  out["outcome"] = columns.outcome;
  out["invited"] = columns.invited;
  out["segments"] = columns.segments;
  return out;
}

Json HeadlineObject(const ReportHeadline& headline) {
  Json out = SectionObject(headline);
  out["nps"] = EstimateObject(headline.nps);
  out["promoters"] = Number(headline.promoters);
  out["passives"] = Number(headline.passives);
  out["detractors"] = Number(headline.detractors);
  out["counts"] = headline.counts;
  Json distribution = Json::array();
  for (double share : headline.distribution) distribution.push_back(Number(share));
  out["distribution"] = distribution;
  out["margin_of_error"] = Number(headline.margin_of_error);
  out["minimal_detectable_change"] = Number(headline.minimal_detectable_change);
  out["reading"] = headline.reading;
  out["weighting"] = headline.weighting;
  out["design_effect"] = Number(headline.design_effect);
  out["invited"] = Number(headline.invited);
  out["answered"] = headline.answered;
  out["response_rate"] = Number(headline.response_rate);
  return out;
}

Json TrendObject(const ReportTrend& trend) {
  Json out = SectionObject(trend);
  out["period"] = trend.period;
  out["time_zone"] = trend.time_zone;
  out["points"] = Array(trend.points, [](const ReportTrendPoint& point) {
    Json p = Json::object();
    p["label"] = point.label;
    p["start"] = point.start;
    p["nps"] = EstimateObject(point.nps);
    p["outside_control"] = point.outside_control;
    return p;
  });
  out["direction"] = trend.direction;
  out["test"] = trend.test;
  out["slope"] = Number(trend.slope);
  out["slope_ci_low"] = Number(trend.slope_ci_low);
  out["slope_ci_high"] = Number(trend.slope_ci_high);
  out["slope_p_value"] = Number(trend.slope_p_value);
  out["mann_kendall_p_value"] = Number(trend.mann_kendall_p_value);
  out["changes"] = Array(trend.changes, [](const ReportChange& change) {
    Json c = Json::object();
    c["label"] = change.label;
    c["time"] = change.time;
    c["before"] = Number(change.before);
    c["after"] = Number(change.after);
    c["shift"] = ComparisonObject(change.shift);
    c["p_value"] = Number(change.p_value);
    c["p_adjusted"] = Number(change.p_adjusted);
    return c;
  });
  out["minimal_detectable_change"] = Number(trend.minimal_detectable_change);
  return out;
}

Json SegmentsObject(const ReportSegments& segments) {
  Json out = SectionObject(segments);
  out["adjustment"] = segments.adjustment;
  out["columns"] = Array(segments.columns, [](const ReportSegmentColumn& column) {
    Json c = Json::object();
    c["column"] = column.column;
    c["rows"] = Array(column.rows, [](const ReportSegmentRow& row) {
      Json r = Json::object();
      r["label"] = row.label;
      r["nps"] = EstimateObject(row.nps);
      r["vs_rest"] = ComparisonObject(row.vs_rest);
      r["p_adjusted"] = Number(row.p_adjusted);
      r["significant"] = row.significant;
      return r;
    });
    return c;
  });
  return out;
}

Json QuoteObject(const ReportQuote& quote) {
  Json out = Json::object();
  out["text"] = quote.text;
  out["score"] = quote.score;
  out["account"] = quote.account;
  return out;
}

Json QueueCountObject(const ReportQueueCount& count);
Json FixItemObject(const ReportFixItem& item);

Json VoiceObject(const ReportVoice& voice) {
  Json out = SectionObject(voice);
  out["comments"] = voice.comments;
  out["responses"] = voice.responses;
  out["mean_sentiment"] = Number(voice.mean_sentiment);
  out["themes"] = Array(voice.themes, [](const ReportTheme& theme) {
    Json t = Json::object();
    t["name"] = theme.name;
    t["mentions"] = theme.mentions;
    t["share"] = Number(theme.share);
    t["sentiment"] = Number(theme.sentiment);
    t["impact"] = ComparisonObject(theme.impact);
    t["trend"] = theme.trend;
    t["trend_p_adjusted"] = Number(theme.trend_p_adjusted);
    t["quotes"] = Array(theme.quotes, QuoteObject);
    return t;
  });
  out["emotions"] = Array(voice.emotions, [](const ReportEmotion& emotion) {
    Json e = Json::object();
    e["name"] = emotion.name;
    e["comments"] = emotion.comments;
    e["share"] = Number(emotion.share);
    return e;
  });
  out["fire_alarms"] = Array(voice.fire_alarms, [](const ReportAlarm& alarm) {
    Json a = Json::object();
    a["account"] = alarm.account;
    a["text"] = alarm.text;
    a["score"] = alarm.score;
    a["reason"] = alarm.reason;
    a["owner"] = alarm.owner;
    a["days_before_latest"] =
        alarm.days_before_latest >= 0 ? Json(alarm.days_before_latest) : Json(nullptr);
    return a;
  });
  out["fire_alarm_total"] = voice.fire_alarm_total;
  out["themes_found"] = voice.themes_found;
  out["theme_comments"] = voice.theme_comments;
  out["has_queue"] = voice.has_queue;
  out["queue_cases"] = voice.queue_cases;
  out["queue_by_category"] = Array(voice.queue_by_category, QueueCountObject);
  out["queue_by_owner"] = Array(voice.queue_by_owner, QueueCountObject);
  out["outer_loop"] = Array(voice.outer_loop, FixItemObject);
  out["outer_loop_by_arr"] = voice.outer_loop_by_arr;
  return out;
}

Json HealthObject(const ReportHealth& health) {
  Json out = SectionObject(health);
  out["grades"] = health.grades;
  out["accounts_per_grade"] = health.accounts_per_grade;
  out["auc"] = Number(health.auc);
  out["auc_ci_low"] = Number(health.auc_ci_low);
  out["auc_ci_high"] = Number(health.auc_ci_high);
  out["calibration"] = Array(health.calibration, [](const ReportCalibrationBin& bin) {
    Json b = Json::object();
    b["predicted"] = Number(bin.predicted);
    b["observed"] = Number(bin.observed);
    b["ci_low"] = Number(bin.ci_low);
    b["ci_high"] = Number(bin.ci_high);
    b["accounts"] = bin.accounts;
    return b;
  });
  out["survival"] = Array(health.survival, [](const ReportKaplanMeierCurve& curve) {
    Json c = Json::object();
    c["grade"] = curve.grade;
    c["times"] = Numbers(curve.times);
    c["survival"] = Numbers(curve.survival);
    c["ci_low"] = Numbers(curve.ci_low);
    c["ci_high"] = Numbers(curve.ci_high);
    return c;
  });
  out["validated"] = health.validated;
  out["validation_absent_reason"] = health.validation_absent_reason;
  out["accounts_with_outcome"] = health.accounts_with_outcome;
  out["churned"] = health.churned;
  out["grade_min_score"] = Numbers(health.grade_min_score);
  return out;
}

Json AccountsObject(const ReportAccounts& accounts) {
  Json out = SectionObject(accounts);
  out["declining"] = Array(accounts.declining, [](const ReportAccount& account) {
    Json a = Json::object();
    a["account"] = account.account;
    a["arr"] = Number(account.arr);
    a["responses"] = account.responses;
    a["slope"] = Number(account.slope);
    a["slope_ci_low"] = Number(account.slope_ci_low);
    a["slope_ci_high"] = Number(account.slope_ci_high);
    a["p_adjusted"] = Number(account.p_adjusted);
    a["latest"] = Number(account.latest);
    return a;
  });
  out["accounts"] = accounts.accounts;
  out["health"] = HealthObject(accounts.health);
  out["declining_total"] = accounts.declining_total;
  out["tested"] = accounts.tested;
  out["slope_unit_days"] = Number(accounts.slope_unit_days);
  return out;
}

Json QueueCountObject(const ReportQueueCount& count) {
  Json out = Json::object();
  out["name"] = count.name;
  out["cases"] = count.cases;
  out["fire_alarms"] = count.fire_alarms;
  return out;
}

Json FixItemObject(const ReportFixItem& item) {
  Json out = Json::object();
  out["theme"] = item.theme;
  out["arr_at_risk"] = Number(item.arr_at_risk);
  out["arr_ci_low"] = Number(item.arr_ci_low);
  out["arr_ci_high"] = Number(item.arr_ci_high);
  out["nps_impact"] = ComparisonObject(item.nps_impact);
  out["accounts"] = item.accounts;
  out["comments"] = item.comments;
  out["detractor_accounts"] = item.detractor_accounts;
  out["arr_no_interval"] = item.arr_no_interval;
  out["impact_no_interval"] = item.impact_no_interval;
  return out;
}

Json NextStepsObject(const ReportNextSteps& next_steps) {
  Json out = SectionObject(next_steps);
  out["cases"] = next_steps.cases;
  out["fire_alarms"] = next_steps.fire_alarms;
  out["by_category"] = Array(next_steps.by_category, QueueCountObject);
  out["by_owner"] = Array(next_steps.by_owner, QueueCountObject);
  out["fix_first"] = Array(next_steps.fix_first, FixItemObject);
  out["actions"] = next_steps.actions;
  return out;
}

}  // namespace

std::string RenderReportJson(const ReportModel& report) {
  Json out = Json::object();
  out["schema_version"] = report.schema_version;
  out["candor_version"] = report.candor_version;
  out["source"] = report.source;
  out["bundled_sample"] = report.bundled_sample;
  out["rows"] = report.rows;
  out["skipped_rows"] = report.skipped_rows;
  out["level"] = Number(report.level);
  out["columns"] = ColumnsObject(report.columns);
  out["guesses"] = report.guesses;
  out["headline"] = HeadlineObject(report.headline);
  out["trend"] = TrendObject(report.trend);
  out["segments"] = SegmentsObject(report.segments);
  out["voice"] = VoiceObject(report.voice);
  out["accounts"] = AccountsObject(report.accounts);
  out["next_steps"] = NextStepsObject(report.next_steps);
  // Text comes from validated UTF-8; replace rather than throw if not.
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace candor
