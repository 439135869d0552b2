// candor monitor: the online change monitor (candor/trend_monitor.hpp)
// replayed over the calendar buckets after a history, one row per bucket and
// a summary of the first alarm.
#include <algorithm>
#include <candor/csv.hpp>
#include <candor/table.hpp>
#include <candor/trend_buckets.hpp>
#include <candor/trend_monitor.hpp>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "data.hpp"
#include "format.hpp"
#include "score_shared.hpp"

namespace candor::cli {
namespace {

// A bare date (YYYY-MM-DD) names its calendar day in the buckets' zone:
// its noon UTC lies in that local day for every zone within 12 hours of UTC.
constexpr int64_t kNoon = 12 * 3600;

struct Replay {
  std::vector<std::string> labels;  // of the monitored buckets
  std::vector<ChangeMonitorState> states;
  double threshold = 0;
  double arl0 = 0;
  double baseline = 0;
  int64_t history_n = 0;
  int64_t history_buckets = 0;
  int64_t bucket_size = 0;
};

Result<Replay> Run(const MonitorArgs& args, const Table& table) {
  Result<int64_t> cut = ParseTimestamp(args.history_until);
  if (!cut.ok()) return cut.status();
  const int64_t anchor = *cut + (args.history_until.size() == 10 ? kNoon : 0);
  const size_t n = table.rows();
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return table.times[a] < table.times[b]; });
  // The responses' times and the anchor on one calendar grid.
  std::vector<int64_t> times(n + 1);
  for (size_t i = 0; i < n; ++i) times[i] = table.times[order[i]];
  times[n] = anchor;
  Result<CalendarBuckets> grid =
      AssignCalendarBuckets(times.data(), times.size(), args.every, args.time_zone);
  if (!grid.ok()) return grid.status();
  const int64_t first_monitored = grid->bucket_of[n];
  const int64_t buckets = static_cast<int64_t>(grid->labels.size());

  std::vector<double> history;
  std::vector<int64_t> sizes(static_cast<size_t>(std::max<int64_t>(first_monitored, 0)), 0);
  std::vector<std::vector<double>> later(static_cast<size_t>(buckets));
  for (size_t i = 0; i < n; ++i) {
    const int64_t b = grid->bucket_of[i];
    const double score = table.scores[order[i]];
    if (b < first_monitored) {
      history.push_back(score);
      ++sizes[static_cast<size_t>(b)];
    } else {
      later[static_cast<size_t>(b)].push_back(score);
    }
  }
  int64_t last = first_monitored - 1;
  for (size_t i = 0; i < n; ++i) last = std::max(last, grid->bucket_of[i]);
  if (last < first_monitored) {
    return Empty("no response on or after --history-until " + args.history_until +
                 ": nothing to monitor");
  }
  ChangeMonitorOptions options;
  options.metric = args.metric;
  options.alpha = args.alpha;
  if (args.shift) options.shift = *args.shift;
  options.level = args.level;
  Result<ChangeMonitor> monitor =
      ChangeMonitor::Create(history.data(), history.size(), sizes.data(), sizes.size(), options);
  if (!monitor.ok()) {
    return Status(monitor.status().code(),
                  "the history (before " + args.history_until + "): " + monitor.status().message());
  }
  Replay replay;
  replay.threshold = monitor->threshold();
  replay.arl0 = monitor->arl0();
  replay.baseline = monitor->baseline_mean();
  replay.history_n = monitor->history_n();
  replay.history_buckets = static_cast<int64_t>(sizes.size());
  replay.bucket_size = monitor->bucket_size();
  for (int64_t b = first_monitored; b <= last; ++b) {
    const std::vector<double>& bucket = later[static_cast<size_t>(b)];
    Result<ChangeMonitorState> state = monitor->Update(bucket.data(), bucket.size());
    if (!state.ok()) return state.status();
    replay.labels.push_back(grid->labels[static_cast<size_t>(b)]);
    replay.states.push_back(*state);
  }
  return replay;
}

const char* DirectionName(ChangeDirection direction) {
  return direction == ChangeDirection::kUp     ? "up"
         : direction == ChangeDirection::kDown ? "down"
                                               : "";
}

int Print(const MonitorArgs& args, const Replay& replay) {
  const int decimals = DisplayDecimals(args.metric);
  std::printf("%-12s %6s %8s %7s %7s %9s  %s\n", "bucket", "n", "level", "upper", "lower",
              "threshold", "alarm");
  for (size_t t = 0; t < replay.states.size(); ++t) {
    const ChangeMonitorState& s = replay.states[t];
    const std::string level = s.n == 0 ? "-" : FormatFixed(s.level, decimals);
    std::printf("%-12s %6lld %8s %7.2f %7.2f %9.2f  %s\n", replay.labels[t].c_str(),
                static_cast<long long>(s.n), level.c_str(), s.upper, s.lower, s.threshold,
                s.alarm ? (std::string("ALARM ") + DirectionName(s.direction)).c_str() : "");
  }
  std::printf(
      "\nhistory: %lld responses in %lld buckets before %s, level %s; typical bucket "
      "%lld responses\n",
      static_cast<long long>(replay.history_n), static_cast<long long>(replay.history_buckets),
      args.history_until.c_str(), FormatFixed(replay.baseline, decimals).c_str(),
      static_cast<long long>(replay.bucket_size));
  std::printf(
      "false-alarm rate: alpha %s per bucket, ARL0 %.0f buckets (one false alarm per "
      "%.0f buckets on average when nothing changes; Siegmund's approximation)\n",
      Full(args.alpha).c_str(), replay.arl0, replay.arl0);
  const auto first = std::find_if(replay.states.begin(), replay.states.end(),
                                  [](const ChangeMonitorState& s) { return s.alarm; });
  if (first == replay.states.end()) {
    std::printf("no alarm in %zu buckets\n", replay.states.size());
    return kExitOk;
  }
  const size_t at = static_cast<size_t>(first - replay.states.begin());
  const size_t start = static_cast<size_t>(first->change_start - replay.states.front().bucket);
  std::printf(
      "first alarm: %s, %s; estimated start %s; shift %s %s (%s responses since; "
      "conditional on the alarm, so biased away from 0)\n",
      replay.labels[at].c_str(), DirectionName(first->direction), replay.labels[start].c_str(),
      FormatSigned(first->shift, decimals).c_str(),
      FormatInterval(first->shift_low, first->shift_high, decimals).c_str(),
      std::to_string(first->change_n).c_str());
  return kExitOk;
}

}  // namespace

int RunMonitor(const MonitorArgs& args) {
  Result<std::string> data = ReadInputText(args.input);
  if (!data.ok()) return FailData(data.status());
  std::string time_column = args.time_column;
  const auto header = HeaderColumns(*data, args.input.delimiter);
  if (time_column.empty() && header && !OneColumnHoldingADelimiter(*header, args.input.delimiter)) {
    time_column = FindTimeColumn(*header);
    if (time_column.empty()) {
      return FailData(NotFound("'" + args.input.file + "': no time column (looked for " +
                               TimeColumnNames() + "; use --time-column)"));
    }
  }
  CsvOptions csv;
  csv.time_column = time_column;
  Result<Table> table = ParseInput(*data, args.input.file, args.input, csv);
  if (!table.ok()) return FailData(table.status());
  Result<Replay> replay = Run(args, *table);
  if (!replay.ok()) return FailData(InFile(args.input, *table, replay.status()));
  return Print(args, *replay);
}

}  // namespace candor::cli
