// candor monitor: its options and help.
#include <candor.h>

#include <candor/csv.hpp>
#include <candor/enum_names.hpp>
#include <candor/trend_buckets.hpp>
#include <memory>
#include <string>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro = R"(Usage: candor monitor FILE --history-until DATE [options]

Would an online monitor have raised an alarm, and when? The responses in the
buckets (of --every, in --tz) before the one holding DATE are the history:
their mean and standard deviation are the in-control level. Each later
bucket, empty ones included, updates a two-sided CUSUM (Page 1954) of the
metric's per-response values, as a survey platform would each day. A bucket
alarms when either side exceeds a threshold set from --alpha, the false-alarm
probability per bucket on average (Siegmund's approximation of the average
run length, for buckets of the history's median size): --alpha 0.01 means
one false alarm per 100 buckets on average when nothing changes, so a daily
monitor should use a smaller one (0.001: one per 1000 days). The monitor is
not reset after an alarm (the table shows how long the shift persists).

Prints one row per bucket (n, level, the upper and lower CUSUM and the
threshold in standard errors of a typical bucket, the alarm) and a summary:
the first alarm, its direction, the estimated start of the change (where the
alarming side last left 0) and the shift since then with its interval (biased
away from 0: it is conditional on the alarm).

Options:
)";

constexpr const char* kEpilog = R"(
Example:
  candor monitor survey.csv --every day --history-until 2024-03-01 --alpha 0.001
)";

Status Finish(const MonitorArgs& args, const MetricArgs& metric) {
  if (args.input.file.empty()) return InvalidArgument("monitor needs a FILE (a CSV file)");
  if (args.history_until.empty()) {
    return InvalidArgument("monitor needs --history-until DATE (the history ends before it)");
  }
  return FinishMetric(metric);
}

}  // namespace

CommandSpec MonitorSpec(Command* command) {
  MonitorArgs* args = &command->monitor;
  auto metric = std::make_shared<MetricArgs>(&args->metric_name, &args->metric);
  CommandSpec spec = {
      "monitor",
      kIntro,
      24,
      {
          {"history-until", "DATE",
           "the history is every bucket before the one holding\n"
           "DATE (ISO 8601: 2024-03-01, or a time with an offset)",
           [args](const std::string&, const std::string& value) {
             Result<int64_t> time = ParseTimestamp(value);
             if (!time.ok()) {
               return InvalidArgument("--history-until: '" + value +
                                      "' is not an ISO 8601 date or time");
             }
             args->history_until = value;
             return OkStatus();
           }},
          {"every", "P", "day (default), week (ISO, Monday start), month,\nquarter",
           Choice(&args->every, AllChoices<BucketPeriod>(CANDOR_ENUM_PERIOD))},
          {"tz", "ZONE", "IANA time zone of the buckets (default UTC)",
           [args](const std::string&, const std::string& value) {
             return SetTimeZone(value, &args->time_zone);
           }},
          ColumnOption("time-column",
                       "column of times: ISO 8601 or Unix seconds (default:\n"
                       "the first of timestamp, time, date, submitted_at,\n"
                       "created_at)",
                       &args->time_column),
          {"alpha", "A",
           "false-alarm probability per bucket on average, in\n"
           "(0, 1) (default 0.01: one per 100 buckets)",
           Checked<double>(
               &args->alpha, ParseDouble,
               +[](double alpha, const std::string& text) -> std::string {
                 return alpha > 0 && alpha < 1 ? "" : "'" + text + "' is not a rate in (0, 1)";
               })},
          {"shift", "POINTS",
           "the shift to detect fastest, in the metric's units\n"
           "(NPS points); default: one standard error of a\n"
           "typical bucket",
           Checked<double>(
               &args->shift, ParseDouble,
               +[](double shift, const std::string& text) -> std::string {
                 return shift > 0 ? "" : "'" + text + "' is not a positive number";
               })},
          MetricOption(metric.get(),
                       "nps (default), csat, ces, ces_agree, topbox,\n"
                       "bottombox, mean (as for score); --scale, --box too"),
          ScaleOption(metric.get()),
          BoxOption(metric.get()),
          ScoreColumnOption(&args->input.score_column),
          LevelOption(&args->level),
          SkipBadRowsOption(&args->input.skip_bad_rows),
          DelimiterOption(&args->input.delimiter),
          MaxBytesOption(&args->input.max_bytes),
      },
      kEpilog,
      &args->input.file,
      [args, metric] { return Finish(*args, *metric); },
  };
  AddCsvDialectOptions(&spec, &args->input.dialect, kReadsNumbers | kReadsTimes);
  return spec;
}

}  // namespace candor::cli
