// candor trend: a metric per calendar bucket with its interval, the change
// from the previous bucket and its minimal detectable change, control limits,
// trend tests on the bucket estimates, and optionally change points in the
// time-ordered responses and per-account trends ranked by decline.
#include <algorithm>
#include <candor/csv.hpp>
#include <candor/design.hpp>
#include <candor/score.hpp>
#include <candor/table.hpp>
#include <candor/trend_buckets.hpp>
#include <cmath>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "data.hpp"
#include "score_shared.hpp"
#include "trend_report.hpp"

namespace candor::cli {
namespace {

Result<TrendReport> ReadInput(const TrendArgs& args) {
  Result<std::string> data = ReadInputText(args.input);
  if (!data.ok()) return data.status();
  TrendReport report;
  report.time_column = args.time_column;
  // An unreadable header is reported by ParseCsv below.
  const auto header = HeaderColumns(*data, args.input.delimiter);
  if (report.time_column.empty() && header &&
      !OneColumnHoldingADelimiter(*header, args.input.delimiter)) {
    report.time_column = FindTimeColumn(*header);
    if (report.time_column.empty()) {
      return NotFound("'" + args.input.file + "': no time column (looked for " + TimeColumnNames() +
                      "; use --time-column)");
    }
  }
  CsvOptions csv;
  csv.weight_column = args.input.weight_column;
  csv.time_column = report.time_column;
  csv.account_column = args.account_column;
  csv.segment_columns = args.by;
  Result<Table> table = ParseInput(*data, args.input.file, args.input, csv);
  if (!table.ok()) return table.status();
  report.table = std::move(table).value();
  return report;
}

// "improving" / "declining" when Mann-Kendall finds a monotonic trend at the
// interval's level; which is which depends on whether more is better.
std::string Verdict(const Metric& metric, const Result<MannKendall>& mk) {
  if (!mk.ok()) return "too few buckets to tell";
  if (mk->trend == TrendDirection::kNone) return "holding steady";
  bool rising = mk->trend == TrendDirection::kIncreasing;
  bool more_is_better = metric.kind != MetricKind::kBottomBox;
  return rising == more_is_better ? "improving" : "declining";
}

SeriesTrend TestSeries(const TrendArgs& args, const std::vector<TrendBucket>& rows, size_t first,
                       size_t count) {
  SeriesTrend out;
  out.first_row = first;
  std::vector<double> values;
  std::vector<double> wls_values;
  std::vector<double> wls_errors;
  std::vector<double> wls_times;
  for (size_t k = 0; k < count; ++k) {
    const Estimate& e = rows[first + k].estimate;
    if (e.n == 0 || !std::isfinite(e.value)) continue;
    values.push_back(e.value);
    if (std::isfinite(e.std_error) && e.std_error > 0) {
      wls_values.push_back(e.value);
      wls_errors.push_back(e.std_error);
      wls_times.push_back(static_cast<double>(k));  // in buckets; gaps kept
    } else {
      ++out.wls_skipped;
    }
  }
  out.used = values.size();
  MannKendallOptions mk;
  mk.alpha = 1 - args.interval.level;
  out.mann_kendall = MannKendallTest(values.data(), values.size(), mk);
  out.sens_slope = SensSlopeEstimate(values.data(), values.size(), args.interval.level);
  WlsSlopeOptions wls;
  wls.level = args.interval.level;
  out.wls_slope = WlsSlopeEstimate(wls_values.data(), wls_errors.data(), wls_times.data(),
                                   wls_values.size(), wls);
  out.verdict = Verdict(args.metric, out.mann_kendall);
  return out;
}

// Change points need the responses in time order; ties keep file order. The
// calibrated scan takes the weights and accounts, and by default places
// changes only where a period (--every) starts.
Result<ChangePoints> ChangePointsInTimeOrder(const TrendArgs& args, const Table& table) {
  std::vector<size_t> order(table.rows());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return table.times[a] < table.times[b]; });
  const size_t n = order.size();
  const bool calibrated = args.penalty == ChangePenalty::kCalibrated;
  const bool weighted = calibrated && !table.weights.empty();
  const bool clustered = calibrated && !table.account.codes.empty();
  std::vector<double> scores(n), weights(weighted ? n : 0);
  std::vector<int64_t> times(n);
  std::vector<int32_t> accounts(clustered ? n : 0);
  for (size_t i = 0; i < n; ++i) {
    scores[i] = table.scores[order[i]];
    times[i] = table.times[order[i]];
    if (weighted) weights[i] = table.weights[order[i]];
    if (clustered) accounts[i] = table.account.codes[order[i]];
  }
  ChangePointOptions options;
  options.metric = args.metric;
  options.interval = args.interval;
  options.penalty = args.penalty;
  options.alpha = args.alpha;
  if (args.penalty == ChangePenalty::kManual) options.penalty_value = args.penalty_value;
  if (!args.change_at_any_response) {
    Result<CalendarBuckets> periods =
        AssignCalendarBuckets(times.data(), n, args.every, args.time_zone);
    if (!periods.ok()) return periods.status();
    for (size_t i = 1; i < n; ++i) {
      if (periods->bucket_of[i] != periods->bucket_of[i - 1]) {
        options.boundaries.push_back(static_cast<int64_t>(i));
      }
    }
    if (options.boundaries.empty()) {
      return Empty("every response is in one " + std::string(BucketPeriodName(args.every)) +
                   ": no period starts where a change could be placed (--change-at response "
                   "places changes anywhere)");
    }
  }
  SurveyDesign design;
  design.weights = weighted ? weights.data() : nullptr;
  design.clusters = clustered ? accounts.data() : nullptr;
  return DetectChangePoints(scores.data(), times.data(), design, n, options);
}

}  // namespace

Result<TrendReport> ComputeTrend(const TrendArgs& args) {
  Result<TrendReport> read = ReadInput(args);
  if (!read.ok()) return read.status();
  TrendReport report = std::move(read).value();
  const Table& table = report.table;

  BucketResponses responses;
  responses.scores = table.scores.data();
  responses.times = table.times.data();
  responses.n = table.rows();
  responses.weights = table.weights.empty() ? nullptr : table.weights.data();
  responses.accounts = table.account.codes.empty() ? nullptr : table.account.codes.data();
  const CategoricalColumn* segment = args.by.empty() ? nullptr : &table.segments[0];
  responses.segments = segment != nullptr ? segment->codes.data() : nullptr;
  BucketOptions options;
  options.every = args.every;
  options.time_zone = args.time_zone;
  options.window_days = args.window_days.value_or(0);
  options.half_life_days = args.half_life_days.value_or(0);
  options.p_adjust = args.p_adjust;
  Result<std::vector<TrendBucket>> buckets =
      TimeBuckets(args.metric, args.interval, responses, options);
  if (!buckets.ok()) return InFile(args.input, table, buckets.status());
  report.buckets = std::move(buckets).value();

  // Every series has the same grid: count the rows of the first segment.
  size_t per_series = 0;
  while (per_series < report.buckets.size() &&
         report.buckets[per_series].segment == report.buckets[0].segment) {
    ++per_series;
  }
  report.buckets_per_series = per_series;
  for (size_t first = 0; per_series > 0 && first < report.buckets.size(); first += per_series) {
    SeriesTrend series = TestSeries(args, report.buckets, first, per_series);
    if (segment != nullptr)
      series.segment = segment->dictionary.Label(report.buckets[first].segment);
    report.series.push_back(std::move(series));
  }

  if (args.change_points) {
    Result<ChangePoints> points = ChangePointsInTimeOrder(args, table);
    // Too few responses for two segments is an answer, not a failure.
    if (!points.ok() && points.status().code() != CANDOR_EMPTY) {
      return InFile(args.input, table, points.status());
    }
    report.change_points = std::move(points);
    report.change_points_unweighted =
        !table.weights.empty() && args.penalty != ChangePenalty::kCalibrated;
  }
  if (args.rank_accounts) {
    const double* weights = table.weights.empty() ? nullptr : table.weights.data();
    Result<AccountTrends> accounts = EstimateAccountTrends(
        args.metric, table.scores.data(), table.times.data(), table.account.codes.data(), weights,
        table.rows(), args.interval, AccountTrendOptions());
    if (!accounts.ok()) return InFile(args.input, table, accounts.status());
    report.accounts = std::move(accounts).value();
  }
  return report;
}

int RunTrend(const TrendArgs& args) { return ComputeAndPrint(args, ComputeTrend, PrintTrend); }

}  // namespace candor::cli
