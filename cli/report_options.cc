// candor report: its options and help.
#include <string>

#include "command_specs.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro = R"(Usage: candor report [FILE] [options]

A readable NPS report: the overall NPS with its interval and what it means,
the NPS by segment (region, plan, role when present) with differences that
hold after Holm adjustment, and by calendar month (UTC). Without FILE, runs on
the bundled synthetic sample. Uses the 'weight' column when present.

Options:
)";

}  // namespace

CommandSpec ReportSpec(Command* command) {
  ReportArgs* args = &command->report;
  return {
      "report",
      kIntro,
      24,
      {
          ColumnOption("score-column", "column of 0-10 scores (default: score)",
                       &args->input.score_column),
          ColumnOption("weight-column", "column of weights (default: 'weight' if present)",
                       &args->input.weight_column),
          {"unweighted", nullptr, "ignore weights", Flag(&args->unweighted)},
          ColumnOption("time-column",
                       "column of times (default: timestamp, time, date,\n"
                       "submitted_at or created_at, the first present)",
                       &args->time_column),
          {"by", "COLUMN", "segment columns to show instead of region, plan, role",
           Names(&args->by)},
          {"level", "L", "confidence level (default 0.95)", Level(&args->level)},
          SkipBadRowsOption(&args->input.skip_bad_rows),
          DelimiterOption(&args->input.delimiter),
          MaxBytesOption(&args->input.max_bytes),
          {"format", "F", "table (default) or json", Format(&args->format, false)},
          {"quiet", nullptr,
           "no progress bar (shown on stderr when it is a terminal\n"
           "and reading takes over a second)",
           Flag(&args->quiet)},
      },
      "",
      &args->input.file,
      [args] {
        if (args->unweighted && !args->input.weight_column.empty()) {
          return InvalidArgument("--unweighted and --weight-column contradict each other");
        }
        return OkStatus();
      },
  };
}

}  // namespace candor::cli
