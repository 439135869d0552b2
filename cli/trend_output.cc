// candor trend: the table, JSON and CSV renderings of a TrendReport.
#include <absl/time/time.h>
#include <candor.h>

#include <algorithm>
#include <candor/enum_names.hpp>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "format.hpp"
#include "metric_choices.hpp"
#include "score_shared.hpp"
#include "trend_report.hpp"

namespace candor::cli {
namespace {

// Accounts shown in the table (JSON and CSV have them all).
constexpr size_t kAccountsShown = 15;

// A Unix time as a local date ("2025-06-14") in the command's time zone
// (UTC if the zone cannot be loaded: the buckets already validated it).
std::string LocalDate(int64_t unix_seconds, const std::string& zone_name) {
  absl::TimeZone zone;
  if (!absl::LoadTimeZone(zone_name, &zone)) zone = absl::UTCTimeZone();
  return absl::FormatTime("%Y-%m-%d", absl::FromUnixSeconds(unix_seconds), zone);
}

std::string PeriodWord(const TrendArgs& args) { return EnumName(CANDOR_ENUM_PERIOD, args.every); }

std::string PAdjustDisplayName(PAdjust method) {
  return method == PAdjust::kHolm ? "Holm" : "Benjamini-Hochberg";
}

std::string FlagWord(int flag) { return flag > 0 ? "above" : flag < 0 ? "below" : ""; }

std::string SegmentHeading(const TrendArgs& args, const SeriesTrend& series) {
  return args.by.empty() ? "" : args.by[0] + " = " + series.segment;
}

// How the change p-values were adjusted, across how many changes, and how
// many changes stay below 1 - level after the adjustment.
void PrintChangeFamily(const TrendArgs& args, const TrendReport& report,
                       const SeriesTrend& series) {
  const double alpha = 1 - args.interval.level;
  int64_t tested = 0;
  int below = 0;
  for (size_t k = 0; k < report.buckets_per_series; ++k) {
    const TrendBucket& b = report.buckets[series.first_row + k];
    tested = b.changes_tested;
    below += b.change_p_adjusted < alpha;  // false for NaN
  }
  const std::string changes = std::to_string(tested) + " change" + (tested == 1 ? "" : "s");
  char alpha_text[32];
  std::snprintf(alpha_text, sizeof(alpha_text), "%g", alpha);
  std::cout << "  p-values "
            << (args.p_adjust == PAdjust::kNone
                    ? "not adjusted (--p-adjust none)"
                    : "adjusted (" + PAdjustDisplayName(args.p_adjust) + ")")
            << " across " << changes << "; " << below << " with p adj. < " << alpha_text << "\n";
}

void PrintBuckets(const TrendArgs& args, const TrendReport& report, const SeriesTrend& series) {
  int d = DisplayDecimals(args.metric);
  std::string name = MetricDisplayName(args.metric_name);
  std::vector<std::string> headers = {
      PeriodWord(args), "n", name,     FormatLevel(args.interval.level) + " interval",
      "change",         "p", "p adj.", "MDC"};
  if (args.window_days) headers.push_back("last " + std::to_string(*args.window_days) + "d");
  if (args.half_life_days) headers.push_back("smoothed");
  headers.push_back("control");
  TextTable table(headers, 1);
  table.SetLeftAligned(headers.size() - 1);
  for (size_t k = 0; k < report.buckets_per_series; ++k) {
    const TrendBucket& b = report.buckets[series.first_row + k];
    std::vector<std::string> row = {
        b.label,
        std::to_string(b.estimate.n),
        FormatFixed(b.estimate.value, d),
        b.estimate.n == 0 ? "-" : FormatInterval(b.estimate.ci_low, b.estimate.ci_high, d),
        FormatSigned(b.change.difference, d),
        FormatP(b.change.p_value),
        FormatP(b.change_p_adjusted),
        FormatFixed(b.mdc, d)};
    if (args.window_days) row.push_back(FormatFixed(b.rolling.value, d));
    if (args.half_life_days) row.push_back(FormatFixed(b.smoothed.value, d));
    row.push_back(b.flag == 0 ? ""
                              : FlagWord(b.flag) + " (limit " +
                                    FormatFixed(b.flag > 0 ? b.upper : b.lower, d) + ")");
    table.AddRow(row);
  }
  std::cout << table.Render("  ");
  PrintChangeFamily(args, report, series);
}

void PrintTests(const TrendArgs& args, const TrendReport& report, const SeriesTrend& series) {
  int d = DisplayDecimals(args.metric);
  std::string level = FormatLevel(args.interval.level);
  std::string per = " points per " + PeriodWord(args);
  if (args.metric.kind == MetricKind::kMean) per = " per " + PeriodWord(args);
  std::cout << "  Trend across " << series.used << " " << PeriodWord(args)
            << (series.used == 1 ? "" : "s") << " with responses:\n";
  if (series.mann_kendall.ok()) {
    const MannKendall& mk = *series.mann_kendall;
    std::cout << "    Mann-Kendall   tau " << FormatSigned(mk.tau, 2) << ", z "
              << FormatSigned(mk.z, 2) << ", p " << FormatP(mk.p_value) << "\n";
  } else {
    std::cout << "    Mann-Kendall   not run: " << series.mann_kendall.status().message() << "\n";
  }
  if (series.sens_slope.ok()) {
    const SensSlope& s = *series.sens_slope;
    std::cout << "    Sen's slope    " << FormatSigned(s.slope, d + 1) << per << ", " << level
              << " interval " << FormatInterval(s.ci_low, s.ci_high, d + 1) << "\n";
  }
  if (series.wls_slope.ok()) {
    const WlsSlope& w = *series.wls_slope;
    std::cout << "    WLS slope      " << FormatSigned(w.slope, d + 1) << per << ", " << level
              << " interval " << FormatInterval(w.slope_ci_low, w.slope_ci_high, d + 1) << ", p "
              << FormatP(w.slope_p_value) << " (weights 1/SE^2"
              << (series.wls_skipped > 0 ? "; " + std::to_string(series.wls_skipped) +
                                               " bucket(s) without an SE left out"
                                         : "")
              << ")\n";
  } else if (series.used >= 3) {
    std::cout << "    WLS slope      not run: " << series.wls_slope.status().message() << "\n";
  }
  std::cout << "    Verdict        " << series.verdict;
  if (series.verdict == "holding steady") {
    std::cout << ": no monotonic trend beyond noise at the " << level << " level";
  }
  std::cout << "\n";
  int outside = 0;
  for (size_t k = 0; k < report.buckets_per_series; ++k) {
    outside += report.buckets[series.first_row + k].flag != 0;
  }
  const TrendBucket& first = report.buckets[series.first_row];
  std::cout << "    Control        center " << FormatFixed(first.center, d) << "; " << outside
            << " " << PeriodWord(args) << (outside == 1 ? "" : "s")
            << " outside the limits chance alone rarely crosses\n";
}

// How the changes were found, for the heading.
std::string ChangeMethod(const TrendArgs& args, const ChangePoints& points) {
  const std::string grid =
      points.block_size > 1
          ? ", grid of " + std::to_string(points.block_size) + "-response blocks, refined"
          : "";
  if (points.calibration == ChangeCalibration::kNone) {
    return "PELT, multinomial cost, penalty " + FormatFixed(points.penalty, 1) + " per change" +
           grid;
  }
  std::string where = args.change_at_any_response
                          ? std::to_string(points.candidates) + " candidate positions"
                          : std::to_string(points.candidates) + " " +
                                BucketPeriodName(args.every) + " starts";
  return "calibrated scan: false-alarm rate " + FormatFixed(100 * points.alpha, 0) +
         "%, " + where + ",\n   " +
         (points.calibration == ChangeCalibration::kPermutation ? "permutation" : "Gaussian") +
         " null of " + std::to_string(points.replicates) + " draws" +
         (points.design_effect != 1
              ? ", cluster-robust over accounts (design effect of the mean " +
                    FormatFixed(points.design_effect, 2) + ")"
              : "") +
         grid;
}

void PrintChangePoints(const TrendArgs& args, const TrendReport& report) {
  const Result<ChangePoints>& result = *report.change_points;
  std::cout << "\nChange points in the responses in time order\n  (";
  if (!result.ok()) {
    std::cout << (args.penalty == ChangePenalty::kCalibrated ? "calibrated scan" : "PELT")
              << "):\n  none computed: " << result.status().message() << "\n";
    return;
  }
  const ChangePoints& points = *result;
  const bool calibrated = points.calibration != ChangeCalibration::kNone;
  int d = DisplayDecimals(args.metric);
  std::cout << ChangeMethod(args, points) << "):\n";
  if (report.change_points_unweighted) std::cout << "  (weights ignored: unweighted model)\n";
  if (calibrated && std::isfinite(points.critical_value)) {
    std::cout << "  largest standardized shift |Z| " << FormatFixed(points.max_z, 2)
              << " (p " << FormatP(points.p_value) << "); a change is declared above "
              << FormatFixed(points.critical_value, 2) << "\n";
  }
  if (points.changes.empty()) {
    std::cout << "  none: one level throughout, " << FormatFixed(points.segments[0].level.value, d)
              << " "
              << FormatInterval(points.segments[0].level.ci_low, points.segments[0].level.ci_high,
                                d)
              << "\n";
    if (calibrated) {
      std::cout << "  (no change passes the test; a real change smaller than the noise can\n"
                   "   still hide: see each period's mdc above)\n";
    }
    return;
  }
  std::vector<std::string> headers = {"from", "to", "n", MetricDisplayName(args.metric_name),
                                      FormatLevel(args.interval.level) + " interval", "change"};
  if (calibrated) {
    headers.push_back("p");
    headers.push_back("changed between");
  }
  TextTable table(headers, 2);
  for (size_t j = 0; j < points.segments.size(); ++j) {
    const ChangePointSegment& s = points.segments[j];
    std::vector<std::string> row = {
        LocalDate(s.time_begin, args.time_zone), LocalDate(s.time_end, args.time_zone),
        std::to_string(s.level.n), FormatFixed(s.level.value, d),
        FormatInterval(s.level.ci_low, s.level.ci_high, d),
        j == 0 ? "" : FormatSigned(points.changes[j - 1].change.difference, d)};
    if (calibrated) {
      if (j == 0) {
        row.push_back("");
        row.push_back("");
      } else {
        const ChangePoint& c = points.changes[j - 1];
        row.push_back(FormatP(c.p_value));
        const std::string low = LocalDate(c.time_low, args.time_zone);
        const std::string high = LocalDate(c.time_high, args.time_zone);
        row.push_back(low == high ? low : low + " - " + high);
      }
    }
    table.AddRow(row);
  }
  std::cout << table.Render("  ");
  if (calibrated) {
    std::cout << "  (p: the scan's test, which declares a change in a series without one with\n"
                 "   probability "
              << FormatFixed(100 * points.alpha, 0)
              << "%; changed between: where the change plausibly happened, at the\n"
                 "   intervals' level; the change itself is measured where the sides differ\n"
                 "   most, so it tends to be overstated)\n";
  } else {
    std::cout << "  (where a change was placed is chosen from the data: its p-value would be\n"
                 "   optimistic and is not shown)\n";
  }
}

std::string AccountLabel(const TrendReport& report, int32_t code) {
  return report.table.account.dictionary.Label(code);
}

std::string AccountStatusWord(AccountTrendStatus status) {
  const char* name = EnumName(CANDOR_ENUM_ACCOUNT_TREND_STATUS, status);
  return name == nullptr ? "?" : name;
}

void PrintAccounts(const TrendArgs& args, const TrendReport& report) {
  const AccountTrends& accounts = *report.accounts;
  int d = DisplayDecimals(args.metric);
  AccountTrendOptions defaults;
  std::cout << "\nAccounts ranked by decline (slope per "
            << FormatFixed(defaults.slope_unit_days, 0)
            << " days, robust HC3 SE, Benjamini-Hochberg across accounts); " << accounts.declining
            << " of " << accounts.rows.size() << " declining significantly:\n";
  TextTable table({args.account_column, "n", MetricDisplayName(args.metric_name), "slope",
                   FormatLevel(args.interval.level) + " interval", "p adj.", ""},
                  1);
  table.SetLeftAligned(6);
  for (size_t i = 0; i < accounts.rows.size() && i < kAccountsShown; ++i) {
    const AccountTrend& a = accounts.rows[i];
    std::string note = a.declining                           ? "declining"
                       : a.status == AccountTrendStatus::kOk ? ""
                                                             : AccountStatusWord(a.status);
    table.AddRow({AccountLabel(report, a.account), std::to_string(a.n),
                  FormatFixed(a.level.value, d), FormatSigned(a.slope, d),
                  FormatInterval(a.slope_ci_low, a.slope_ci_high, d), FormatP(a.slope_p_adjusted),
                  note});
  }
  std::cout << table.Render("  ");
  if (accounts.rows.size() > kAccountsShown) {
    std::cout << "  (" << accounts.rows.size() - kAccountsShown
              << " more; --format json or csv lists every account)\n";
  }
}

nlohmann::json MannKendallJson(const MannKendall& mk) {
  return {{"n", mk.n},    {"s", mk.s}, {"var_s", mk.var_s}, {"z", mk.z}, {"p_value", mk.p_value},
          {"tau", mk.tau}};
}

nlohmann::json SensSlopeJson(const SensSlope& s) {
  return {
      {"slope", s.slope}, {"intercept", s.intercept}, {"ci_low", s.ci_low}, {"ci_high", s.ci_high}};
}

nlohmann::json WlsSlopeJson(const WlsSlope& w) {
  return {{"slope", w.slope},
          {"std_error", w.slope_std_error},
          {"ci_low", w.slope_ci_low},
          {"ci_high", w.slope_ci_high},
          {"p_value", w.slope_p_value},
          {"chi_square", w.chi_square},
          {"n", w.n}};
}

// A test's JSON, or null where it could not run (too few buckets, say).
template <typename T>
nlohmann::json JsonOrNull(const Result<T>& result, nlohmann::json (*to_json)(const T&)) {
  return result.ok() ? to_json(*result) : nlohmann::json(nullptr);
}

nlohmann::json SeriesJson(const TrendArgs& args, const TrendReport& report,
                          const SeriesTrend& series) {
  nlohmann::json buckets = nlohmann::json::array();
  for (size_t k = 0; k < report.buckets_per_series; ++k) {
    const TrendBucket& b = report.buckets[series.first_row + k];
    nlohmann::json row = {
        {"bucket", b.label},
        {"start", b.start},
        {"end", b.end},
        {"estimate", EstimateJson(b.estimate)},
        {"change", b.previous < 0 ? nlohmann::json(nullptr) : ComparisonJson(b.change)},
        {"change_p_adjusted", NumberOrNull(b.change_p_adjusted)},
        {"mdc", NumberOrNull(b.mdc)},
        {"control",
         {{"center", NumberOrNull(b.center)},
          {"lower", NumberOrNull(b.lower)},
          {"upper", NumberOrNull(b.upper)},
          {"flag", b.flag}}}};
    if (args.window_days) row["rolling"] = EstimateJson(b.rolling);
    if (args.half_life_days) row["smoothed"] = EstimateJson(b.smoothed);
    buckets.push_back(row);
  }
  const int64_t tested =
      report.buckets_per_series == 0 ? 0 : report.buckets[series.first_row].changes_tested;
  nlohmann::json out = {
      {"buckets", buckets}, {"verdict", series.verdict}, {"changes_tested", tested}};
  if (!args.by.empty()) out["segment"] = series.segment;
  out["mann_kendall"] = JsonOrNull(series.mann_kendall, MannKendallJson);
  out["sens_slope"] = JsonOrNull(series.sens_slope, SensSlopeJson);
  out["wls_slope"] = JsonOrNull(series.wls_slope, WlsSlopeJson);
  return out;
}

nlohmann::json ChangePointsJson(const TrendReport& report) {
  const Result<ChangePoints>& result = *report.change_points;
  if (!result.ok()) return {{"error", result.status().message()}};
  const ChangePoints& points = *result;
  const bool calibrated = points.calibration != ChangeCalibration::kNone;
  nlohmann::json segments = nlohmann::json::array();
  for (const ChangePointSegment& s : points.segments) {
    segments.push_back({{"begin", s.begin},
                        {"end", s.end},
                        {"time_begin", s.time_begin},
                        {"time_end", s.time_end},
                        {"level", EstimateJson(s.level)}});
  }
  nlohmann::json changes = nlohmann::json::array();
  for (const ChangePoint& c : points.changes) {
    nlohmann::json change = {
        {"index", c.index}, {"time", c.time}, {"change", ComparisonJson(c.change)}};
    if (calibrated) {
      change["z"] = c.z;
      change["p_value"] = c.p_value;
      change["index_low"] = c.index_low;
      change["index_high"] = c.index_high;
      change["time_low"] = c.time_low;
      change["time_high"] = c.time_high;
    }
    changes.push_back(std::move(change));
  }
  nlohmann::json out = {{"method", calibrated ? "calibrated" : "pelt"},
                        {"penalty", NumberOrNull(points.penalty)},
                        {"block_size", points.block_size},
                        {"changes", changes},
                        {"segments", segments},
                        {"weights_ignored", report.change_points_unweighted}};
  if (calibrated) {
    out["alpha"] = points.alpha;
    out["null"] =
        points.calibration == ChangeCalibration::kPermutation ? "permutation" : "gaussian";
    out["replicates"] = points.replicates;
    out["candidates"] = points.candidates;
    out["critical_value"] = NumberOrNull(points.critical_value);
    out["max_z"] = points.max_z;
    out["p_value"] = NumberOrNull(points.p_value);
    out["design_effect"] = points.design_effect;
  }
  return out;
}

nlohmann::json AccountsJson(const TrendReport& report) {
  nlohmann::json rows = nlohmann::json::array();
  for (const AccountTrend& a : report.accounts->rows) {
    rows.push_back({{"account", AccountLabel(report, a.account)},
                    {"status", AccountStatusWord(a.status)},
                    {"declining", a.declining},
                    {"n", a.n},
                    {"level", EstimateJson(a.level)},
                    {"slope", NumberOrNull(a.slope)},
                    {"slope_std_error", NumberOrNull(a.slope_std_error)},
                    {"slope_ci_low", NumberOrNull(a.slope_ci_low)},
                    {"slope_ci_high", NumberOrNull(a.slope_ci_high)},
                    {"slope_p_value", NumberOrNull(a.slope_p_value)},
                    {"slope_p_adjusted", NumberOrNull(a.slope_p_adjusted)},
                    {"recent_vs_earlier", ComparisonJson(a.recent_vs_earlier)}});
  }
  return {{"split_time", report.accounts->split_time},
          {"declining", report.accounts->declining},
          {"rows", rows}};
}

int PrintTrendTable(const TrendArgs& args, const TrendReport& report) {
  std::cout << DescribeMetric(args.metric_name, args.metric) << "\nby " << PeriodWord(args)
            << " in " << args.time_zone << " (time column '" << report.time_column << "'), "
            << report.table.rows() << " responses"
            << (report.table.weights.empty() ? "" : ", weighted by " + args.input.weight_column)
            << (args.account_column.empty() ? "" : ", clustered by " + args.account_column) << "\n";
  for (const SeriesTrend& series : report.series) {
    std::cout << "\n";
    if (!args.by.empty()) std::cout << SegmentHeading(args, series) << "\n";
    PrintBuckets(args, report, series);
    PrintTests(args, report, series);
  }
  std::cout << "\nA change smaller than its MDC (the minimal detectable change at "
            << "these volumes,\n80% power) cannot be told from noise; 'control' marks "
            << PeriodWord(args) << "s outside\nthe band chance alone rarely leaves. Judge a "
            << "change by 'p adj.': with many\nchanges, some plain p is small by chance "
            << "alone.\n";
  if (report.change_points) PrintChangePoints(args, report);
  if (report.accounts) PrintAccounts(args, report);
  return kExitOk;
}

int PrintTrendJson(const TrendArgs& args, const TrendReport& report) {
  nlohmann::json series = nlohmann::json::array();
  for (const SeriesTrend& s : report.series) series.push_back(SeriesJson(args, report, s));
  nlohmann::json out = {{"metric", args.metric_name},
                        {"every", PeriodWord(args)},
                        {"time_zone", args.time_zone},
                        {"time_column", report.time_column},
                        {"responses", report.table.rows()},
                        {"series", series},
                        {"p_adjust", PAdjustName(args.p_adjust)}};
  if (report.change_points) out["change_points"] = ChangePointsJson(report);
  if (report.accounts) out["accounts"] = AccountsJson(report);
  std::cout << DumpJson(out) << "\n";
  return kExitOk;
}

int PrintTrendCsv(const TrendArgs& args, const TrendReport& report) {
  if (report.accounts) {  // the ranking, one row per account
    std::cout << CsvRow({"account", "status", "declining", "n", "value", "ci_low", "ci_high",
                         "slope", "slope_std_error", "slope_ci_low", "slope_ci_high",
                         "slope_p_value", "slope_p_adjusted"});
    for (const AccountTrend& a : report.accounts->rows) {
      std::cout << CsvRow({AccountLabel(report, a.account), AccountStatusWord(a.status),
                           a.declining ? "1" : "0", std::to_string(a.n), Full(a.level.value),
                           Full(a.level.ci_low), Full(a.level.ci_high), Full(a.slope),
                           Full(a.slope_std_error), Full(a.slope_ci_low), Full(a.slope_ci_high),
                           Full(a.slope_p_value), Full(a.slope_p_adjusted)});
    }
    return kExitOk;
  }
  std::vector<std::string> header;
  if (!args.by.empty()) header.push_back(args.by[0]);
  for (const char* name : {"bucket",
                           "start",
                           "end",
                           "n",
                           "value",
                           "std_error",
                           "ci_low",
                           "ci_high",
                           "effective_n",
                           "change",
                           "change_ci_low",
                           "change_ci_high",
                           "change_p_value",
                           "mdc",
                           "center",
                           "lower",
                           "upper",
                           "flag",
                           "rolling",
                           "smoothed",
                           "change_p_adjusted",
                           "changes_tested"}) {
    header.push_back(name);
  }
  std::cout << CsvRow(header);
  for (const SeriesTrend& series : report.series) {
    for (size_t k = 0; k < report.buckets_per_series; ++k) {
      const TrendBucket& b = report.buckets[series.first_row + k];
      std::vector<std::string> row;
      if (!args.by.empty()) row.push_back(series.segment);
      for (const std::string& field : {b.label,
                                       std::to_string(b.start),
                                       std::to_string(b.end),
                                       std::to_string(b.estimate.n),
                                       Full(b.estimate.value),
                                       Full(b.estimate.std_error),
                                       Full(b.estimate.ci_low),
                                       Full(b.estimate.ci_high),
                                       Full(b.estimate.effective_n),
                                       Full(b.change.difference),
                                       Full(b.change.ci_low),
                                       Full(b.change.ci_high),
                                       Full(b.change.p_value),
                                       Full(b.mdc),
                                       Full(b.center),
                                       Full(b.lower),
                                       Full(b.upper),
                                       std::to_string(b.flag),
                                       Full(b.rolling.value),
                                       Full(b.smoothed.value),
                                       Full(b.change_p_adjusted),
                                       std::to_string(b.changes_tested)}) {
        row.push_back(field);
      }
      std::cout << CsvRow(row);
    }
  }
  return kExitOk;
}

}  // namespace

int PrintTrend(const TrendArgs& args, const TrendReport& report) {
  return PrintInFormat(args, report, PrintTrendTable, PrintTrendJson, PrintTrendCsv);
}

}  // namespace candor::cli
