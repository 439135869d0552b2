// candor trend: its options and help.
#include <candor.h>

#include <candor/enum_names.hpp>
#include <candor/trend_buckets.hpp>
#include <memory>
#include <string>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro = R"(Usage: candor trend FILE [options]

Is the metric improving, declining or holding steady? One row per calendar
bucket (in a time zone) with its estimate, interval and n; the change from the
previous bucket with its p-value, also adjusted across the series' changes
(Holm by default: 11 monthly changes of a steady year show some p < 0.05 by
chance in about 40% of years), and its minimal detectable change (MDC: the
smallest true change these volumes would detect with 80% power; a smaller
change cannot be told from noise); control limits (center +/- 3 sigma from
each bucket's n; buckets outside are marked). Then trend tests on the bucket
estimates: Mann-Kendall (tau, z, p), Sen's slope with its interval, and the
weighted least-squares slope (weights 1/SE^2), with a verdict.

Options:
)";

constexpr const char* kEpilog = R"(
Example:
  candor trend survey.csv --every month --tz Europe/Paris --change-points
)";

// calibrated, bic, aic (the library's names) or a positive number.
Status SetPenalty(const std::string& value, TrendArgs* args) {
  for (ChangePenalty named :
       {ChangePenalty::kCalibrated, ChangePenalty::kBic, ChangePenalty::kAic}) {
    if (value == EnumName(CANDOR_ENUM_CHANGE_PENALTY, static_cast<int32_t>(named))) {
      args->penalty = named;
      return OkStatus();
    }
  }
  Result<double> manual = ParseDouble("penalty", value);
  if (!manual.ok() || !(*manual > 0)) {
    return InvalidArgument("--penalty: '" + value + "' is not calibrated, bic, aic" +
                           " or a positive number");
  }
  args->penalty = ChangePenalty::kManual;
  args->penalty_value = *manual;
  return OkStatus();
}

Status Finish(const TrendArgs& args, const MetricArgs& metric) {
  if (args.input.file.empty()) return InvalidArgument("trend needs a FILE (a CSV file)");
  CANDOR_RETURN_IF_ERROR(FinishMetric(metric));
  if (args.by.size() > 1) {
    return InvalidArgument("--by: trend takes one segment column (got " +
                           std::to_string(args.by.size()) + ")");
  }
  if (args.rank_accounts && args.account_column.empty()) {
    return InvalidArgument("--accounts needs --account-column COLUMN (whose accounts to rank)");
  }
  return OkStatus();
}

}  // namespace

CommandSpec TrendSpec(Command* command) {
  TrendArgs* args = &command->trend;
  auto metric = std::make_shared<MetricArgs>(&args->metric_name, &args->metric);
  CommandSpec spec = {
      "trend",
      kIntro,
      24,
      {
          {"every", "P", "day, week (ISO, Monday start), month (default), quarter",
           Choice(&args->every, AllChoices<BucketPeriod>(CANDOR_ENUM_PERIOD))},
          {"tz", "ZONE",
           "IANA time zone of the buckets (default UTC), e.g.\n"
           "Europe/Paris, America/New_York, Etc/GMT+5: a tz\n"
           "database name, never a file path",
           [args](const std::string&, const std::string& value) {
             return SetTimeZone(value, &args->time_zone);
           }},
          ColumnOption("time-column",
                       "column of times: ISO 8601 or Unix seconds (default:\n"
                       "the first of timestamp, time, date, submitted_at,\n"
                       "created_at)",
                       &args->time_column),
          MetricOption(metric.get(),
                       "nps (default), csat, ces, ces_agree, topbox,\n"
                       "bottombox, mean (as for score); --scale, --box too"),
          ScaleOption(metric.get()),
          BoxOption(metric.get()),
          ScoreColumnOption(&args->input.score_column),
          WeightColumnOption(&args->input.weight_column),
          ColumnOption("account-column",
                       "responses of one account are correlated: cluster-\n"
                       "robust intervals, and the column --accounts ranks",
                       &args->account_column),
          {"by", "COLUMN", "one series per segment of this column", Names(&args->by)},
          {"window-days", "N", "add a rolling estimate over the last N days",
           IntIn(&args->window_days, 1, 36500)},
          {"half-life-days", "H", "add an exponentially weighted estimate (half-life H)",
           Positive(&args->half_life_days)},
          {"change-points", nullptr,
           "find when the level changed, at a stated false-alarm\n"
           "rate (a calibrated scan of the responses in time order)",
           Flag(&args->change_points)},
          {"penalty", "P",
           "change-point rule: calibrated (default; --alpha),\n"
           "or PELT with bic, aic or a number per change",
           [args](const std::string&, const std::string& value) {
             return SetPenalty(value, args);
           }},
          {"alpha", "A",
           "false-alarm rate of --change-points: the chance of\n"
           "declaring a change in a series with none (default 0.05)",
           [args](const std::string&, const std::string& value) {
             Result<double> alpha = ParseDouble("alpha", value);
             if (!alpha.ok() || !(*alpha > 0 && *alpha < 0.5)) {
               return InvalidArgument("--alpha: '" + value + "' is not a rate in (0, 0.5)");
             }
             args->alpha = *alpha;
             return OkStatus();
           }},
          {"change-at", "WHERE",
           "where a change may be placed: period (default: where\n"
           "a period of --every starts) or response (anywhere)",
           [args](const std::string&, const std::string& value) {
             if (value != "period" && value != "response") {
               return InvalidArgument("--change-at: '" + value + "' is not period or response");
             }
             args->change_at_any_response = value == "response";
             return OkStatus();
           }},
          {"accounts", nullptr,
           "rank accounts by significant decline (needs\n"
           "--account-column): slope per 30 days with a robust\n"
           "interval, Benjamini-Hochberg across accounts",
           Flag(&args->rank_accounts)},
          LevelOption(&args->interval.level),
          {"p-adjust", "A",
           "holm (default), bh, none: the change p-values across\n"
           "the changes of each series",
           Choice(&args->p_adjust,
                  NamedChoices(CANDOR_ENUM_P_ADJUST,
                               {PAdjust::kHolm, PAdjust::kBenjaminiHochberg, PAdjust::kNone}))},
          SkipBadRowsOption(&args->input.skip_bad_rows),
          DelimiterOption(&args->input.delimiter),
          MaxBytesOption(&args->input.max_bytes),
          {"format", "F",
           "table (default), json, csv (the bucket rows; with\n"
           "--accounts, the account ranking)",
           Format(&args->format, true)},
      },
      kEpilog,
      &args->input.file,
      [args, metric] { return Finish(*args, *metric); },
  };
  AddCsvDialectOptions(&spec, &args->input.dialect, kReadsNumbers | kReadsTimes);
  return spec;
}

}  // namespace candor::cli
