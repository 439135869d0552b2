// candor/report.hpp — the whole honest story of one survey, as a model and
// as text, JSON and a self-contained HTML page.
//
// BuildReport runs the library's analyses over a table (scores with their
// interval, trend tests and change points, segments with adjusted
// comparisons, themes and their impact, quotes, emotions, fire alarms,
// declining accounts, health against churn, the follow-up queue and the
// outer loop) and returns a ReportModel: plain data, one struct per section.
// Each section says whether it is present and, if not, why (the column it
// needs, or too few responses). The renderers only format the model: every
// number a page shows is in the JSON (docs/report-schema.md).
#ifndef CANDOR_REPORT_HPP_
#define CANDOR_REPORT_HPP_

#include <candor/progress.hpp>
#include <candor/score.hpp>
#include <candor/status.hpp>
#include <candor/table.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace candor {

// The JSON's schema_version; bumped on any change a reader could notice
// (docs/report-schema.md lists the changes).
inline constexpr int kReportSchemaVersion = 1;

// Which source column was used for what: the names shown in the report
// ("used column 'submitted' for time"). Empty: not given.
struct ReportColumns {
  std::string score = "score";
  std::string comment;
  std::string time;
  std::string account;
  std::string weight;
  std::string arr;      // annual recurring revenue per response's account
  std::string outcome;  // 1 churned / 0 retained, per response's account
  std::string invited;  // responses asked for (population size), per response's segment
  std::vector<std::string> segments;
};

// Per-row inputs a Table does not hold. Each is empty (not given) or has
// table.rows() entries; NaN marks a missing value.
struct ReportExtras {
  std::vector<double> arr;      // >= 0
  std::vector<double> outcome;  // 0 or 1
  std::vector<double> invited;  // > 0; the population of the row's segment (constant within it)
};

// The extras from the table's number columns (CsvOptions::number_columns)
// named by columns.arr, .outcome and .invited ("" = not given). A named
// column the table lacks is CANDOR_NOT_FOUND; a value out of its range (ARR
// < 0, an outcome not 0 or 1, invited <= 0; NaN is missing, allowed) is
// CANDOR_INVALID_ARGUMENT naming the row.
Result<ReportExtras> ReportExtrasFromTable(const Table& table, const ReportColumns& columns);

struct ReportOptions {
  double level = 0.95;           // confidence level of every interval, in (0, 1)
  std::string time_zone = "UTC"; // IANA name; the trend's calendar
  std::string period = "month";  // trend bucket: day, week, month or quarter
  int max_themes = 8;            // themes shown in "what customers say"
  int quotes_per_theme = 3;      // representative quotes (PII redacted)
  int max_accounts = 10;         // declining accounts listed
  int max_alarms = 10;           // fire alarms listed
  uint64_t seed = 42;            // every simulation and bootstrap
  std::string source;            // file name shown; "" for data given in memory
  bool bundled_sample = false;   // the source is candor's synthetic sample
  ReportColumns columns;         // shown; `guesses` explains how they were chosen
  std::vector<std::string> guesses;  // "used column 'timestamp' for time (by name)"
  // Told sections done of 6 after each section, and the same value again
  // between chunks of a long one (the comments' analysis, per 65,536); false
  // stops with CANDOR_CANCELLED.
  Progress progress;

  Status Validate() const;
};

// Every section: present, or absent with the reason. Caveats are sentences
// the reader needs next to the numbers.
struct ReportSection {
  bool present = false;
  std::string absent_reason;
  std::vector<std::string> caveats;
};

struct ReportHeadline : ReportSection {
  Estimate nps;                  // value, interval, n, effective n
  double promoters = 0;          // weighted shares in [0, 1]
  double passives = 0;
  double detractors = 0;
  std::array<int64_t, 11> counts{};       // responses at each score 0..10
  std::array<double, 11> distribution{};  // weighted share at each score 0..10
  double margin_of_error = 0;    // z * SE
  double minimal_detectable_change = 0;  // z * sqrt(2) * SE: two periods of this size
  std::string reading;           // the plain-language reading
  std::string weighting;         // "none" or how the weights were made
  double design_effect = 1;      // Kish's n / effective n
  // Response rate, when an invited column is given (else NaN / 0).
  // extras.invited[i] is the population of row i's segment: of the first
  // segment column when there is one (constant within each of its values),
  // else of the whole survey (constant). invited sums the populations of the
  // segments where one is known (NaN rows are skipped), answered counts their
  // responses, response_rate = answered / invited. A value <= 0, one that
  // varies within a segment, or more answers than invited leaves them NaN / 0
  // with a caveat naming the row or segment.
  double invited = std::numeric_limits<double>::quiet_NaN();
  int64_t answered = 0;
  double response_rate = std::numeric_limits<double>::quiet_NaN();
};

struct ReportTrendPoint {
  std::string label;             // "2025-03"
  int64_t start = 0;             // Unix seconds of the bucket's start
  Estimate nps;
  bool outside_control = false;  // interval misses the overall NPS (control-limit breach)
};

struct ReportChange {
  std::string label;             // the bucket where the new level starts
  int64_t time = 0;
  double before = 0;             // NPS of the segment before and after
  double after = 0;
  Comparison shift;              // after - before with its interval
  double p_value = 1;            // the calibrated scan's
  double p_adjusted = 1;         // Holm across the changes found
};

struct ReportTrend : ReportSection {
  std::string period;            // "month"
  std::string time_zone;
  std::vector<ReportTrendPoint> points;
  std::string direction;         // "improving", "declining" or "holding steady"
  std::string test;              // the test that decided it, named
  double slope = 0;              // NPS points per period (weighted least squares)
  double slope_ci_low = 0;
  double slope_ci_high = 0;
  double slope_p_value = 1;
  double mann_kendall_p_value = 1;
  std::vector<ReportChange> changes;   // only those that pass at 1 - level
  double minimal_detectable_change = 0; // between two buckets at the latest volume
};

struct ReportSegmentRow {
  std::string label;
  Estimate nps;
  Comparison vs_rest;            // this segment - all others
  double p_adjusted = 1;         // Holm across the column's rows
  bool significant = false;      // p_adjusted < 1 - level
};

struct ReportSegmentColumn {
  std::string column;
  std::vector<ReportSegmentRow> rows;
};

struct ReportSegments : ReportSection {
  std::string adjustment = "holm";
  std::vector<ReportSegmentColumn> columns;
};

struct ReportQuote {
  std::string text;              // PII redacted
  int score = 0;
  std::string account;           // "" when no account column
};

struct ReportTheme {
  std::string name;
  int64_t mentions = 0;
  double share = 0;              // of comments, in [0, 1]
  double sentiment = 0;          // mean compound sentiment of its comments, [-1, 1]
  Comparison impact;             // NPS impact: overall - without the theme, with its interval
  std::string trend;             // "rising", "falling", "steady" or "" (no periods)
  double trend_p_adjusted = 1;
  std::vector<ReportQuote> quotes;
};

struct ReportEmotion {
  std::string name;
  int64_t comments = 0;          // comments expressing it
  double share = 0;              // of comments
};

struct ReportAlarm {
  std::string account;
  std::string text;              // PII redacted
  int score = 0;
  std::string reason;            // why it is an alarm
  std::string owner;             // "" when no routing
  // Whole days from the comment to the latest response in the table (how old
  // the alarm is when the report is read); -1 without a time column.
  int64_t days_before_latest = -1;
};

struct ReportQueueCount {
  std::string name;              // a category or an owner
  int64_t cases = 0;
  int64_t fire_alarms = 0;
};

struct ReportFixItem {
  std::string theme;
  double arr_at_risk = 0;
  double arr_ci_low = 0;
  double arr_ci_high = 0;
  Comparison nps_impact;
  int64_t accounts = 0;
  int64_t comments = 0;            // comments mentioning the theme
  int64_t detractor_accounts = 0;  // accounts at risk from it
  std::string arr_no_interval;     // why the ARR interval is NaN ("" when given)
  std::string impact_no_interval;  // why the impact interval is NaN
};

struct ReportVoice : ReportSection {
  int64_t comments = 0;          // non-empty comments
  int64_t responses = 0;
  double mean_sentiment = 0;
  std::vector<ReportTheme> themes;       // by |impact|, at most max_themes
  std::vector<ReportEmotion> emotions;
  std::vector<ReportAlarm> fire_alarms;  // most urgent first
  // How many fire alarms there are in all (fire_alarms lists the first
  // max_alarms): fire-alarm cases of the follow-up queue when accounts and
  // times exist, else urgent comments.
  int64_t fire_alarm_total = 0;
  int64_t themes_found = 0;       // themes found (dominating a comment), before max_themes
  int64_t theme_comments = 0;     // comments the themes were found in (a seeded sample above 200,000)
  // Computed here, where the text analysis is, and summarized by next steps:
  // the follow-up queue (urgency from the comments) and the outer loop's
  // ranking of every theme.
  bool has_queue = false;
  int64_t queue_cases = 0;
  std::vector<ReportQueueCount> queue_by_category;
  std::vector<ReportQueueCount> queue_by_owner;
  std::vector<ReportFixItem> outer_loop;  // every theme, rank 1 first
  bool outer_loop_by_arr = false;         // ranked by ARR at risk (else by NPS impact)
};

struct ReportAccount {
  std::string account;
  double arr = std::numeric_limits<double>::quiet_NaN();
  int64_t responses = 0;
  double slope = 0;              // NPS points per period
  double slope_ci_low = 0;
  double slope_ci_high = 0;
  double p_adjusted = 1;
  double latest = 0;             // NPS of its latest period
};

struct ReportKaplanMeierCurve {
  std::string grade;
  std::vector<double> times;     // event times
  std::vector<double> survival;  // S(t) after each
  std::vector<double> ci_low;
  std::vector<double> ci_high;
};

struct ReportCalibrationBin {
  double predicted = 0;          // mean predicted churn risk
  double observed = 0;           // observed churn share
  double ci_low = 0;
  double ci_high = 0;
  int64_t accounts = 0;
};

struct ReportHealth : ReportSection {
  std::vector<std::string> grades;       // "A".."F"
  std::vector<int64_t> accounts_per_grade;
  double auc = 0;                        // health against churn
  double auc_ci_low = 0;
  double auc_ci_high = 0;
  std::vector<ReportCalibrationBin> calibration;
  std::vector<ReportKaplanMeierCurve> survival;  // by grade (when times exist)
  // Grades are shown without an outcome; validated says whether the AUC and
  // calibration were computed, and if not, why.
  bool validated = false;
  std::string validation_absent_reason;
  int64_t accounts_with_outcome = 0;
  int64_t churned = 0;
  std::vector<double> grade_min_score;  // each grade's lowest health score (0-100)
};

struct ReportAccounts : ReportSection {
  std::vector<ReportAccount> declining;  // significant decline, by ARR then slope
  int64_t accounts = 0;                  // accounts with responses
  ReportHealth health;
  int64_t declining_total = 0;           // declining accounts before max_accounts
  int64_t tested = 0;                    // accounts with enough responses to test
  double slope_unit_days = 30;           // slopes are NPS points per this many days
};

struct ReportNextSteps : ReportSection {
  int64_t cases = 0;                          // follow-up cases
  int64_t fire_alarms = 0;
  std::vector<ReportQueueCount> by_category;
  std::vector<ReportQueueCount> by_owner;
  std::vector<ReportFixItem> fix_first;       // outer loop: by ARR at risk
  std::vector<std::string> actions;           // the plain-language next steps
};

struct ReportModel {
  int schema_version = kReportSchemaVersion;
  std::string candor_version;
  std::string source;
  bool bundled_sample = false;
  int64_t rows = 0;
  int64_t skipped_rows = 0;
  double level = 0.95;
  ReportColumns columns;
  std::vector<std::string> guesses;
  ReportHeadline headline;
  ReportTrend trend;
  ReportSegments segments;
  ReportVoice voice;
  ReportAccounts accounts;
  ReportNextSteps next_steps;
};

// The report of `table` (scores 0..10). Sections whose columns are absent,
// or which cannot be estimated, are absent with a reason; only a bad table
// or bad options fail. Progress is reported once per section.
Result<ReportModel> BuildReport(const Table& table, const ReportExtras& extras,
                                const ReportOptions& options);

// Renderers. Text is the terminal report; JSON the versioned schema of
// docs/report-schema.md; HTML one self-contained page (inline CSS and SVG, no
// script, no network request).
std::string RenderReportText(const ReportModel& report);
std::string RenderReportJson(const ReportModel& report);
std::string RenderReportHtml(const ReportModel& report);

}  // namespace candor

#endif  // CANDOR_REPORT_HPP_
