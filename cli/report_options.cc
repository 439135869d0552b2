// candor report: its options and help.
#include <candor/enum_names.hpp>
#include <string>
#include <utility>
#include <vector>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro = R"(Usage: candor report [FILE] [options]

The whole story of one survey on one page: the NPS with its interval and
what it means, the trend (improving, declining or holding steady, by a named
test, with change points that pass), segments with Holm-adjusted
comparisons, what customers say (themes, quotes, fire alarms), accounts at
risk and what to do next. Each section says why when its columns are
missing. As text, JSON (schema: docs/report-schema.md) or one self-contained
HTML page. Without FILE, runs on the bundled synthetic sample.

Columns not named by an option or by --columns are guessed from the header's
names, and the report says which column it used for what.

Options:
)";

constexpr const char* kEpilog = R"(
--columns FILE is a JSON object naming any of the roles, e.g.
  {"score": "ltr", "time": "submitted", "account": "company",
   "segments": ["region", "plan"], "arr": "arr", "outcome": "churned"}
(keys: score, comment, time, account, weight, arr, outcome, invited,
segments). Options given on the line win over the file.
)";

std::vector<std::pair<std::string, std::string>> PeriodChoices() {
  std::vector<std::pair<std::string, std::string>> choices;
  for (const EnumEntry& entry : EnumValues(CANDOR_ENUM_PERIOD)) {
    choices.emplace_back(entry.name, entry.name);
  }
  return choices;
}

}  // namespace

CommandSpec ReportSpec(Command* command) {
  ReportArgs* args = &command->report;
  OptionSetter format = [args](const std::string& name, const std::string& value) {
    Result<ReportFormat> chosen = ParseChoice<ReportFormat>(name, value,
                                                            {{"text", ReportFormat::kText},
                                                             {"json", ReportFormat::kJson},
                                                             {"html", ReportFormat::kHtml}});
    if (!chosen.ok()) return chosen.status();
    args->format = *chosen;
    return OkStatus();
  };
  CommandSpec spec = {
      "report",
      kIntro,
      26,
      {
          ColumnOption("score-column", "column of 0-10 scores (default: score)",
                       &args->score_column),
          ColumnOption("comment-column", "column of comments (default: comment, feedback, ...)",
                       &args->comment_column),
          ColumnOption("time-column",
                       "column of times (default: timestamp, time, date,\n"
                       "submitted_at or created_at, the first present)",
                       &args->time_column),
          ColumnOption("account-column", "column of accounts (default: account_id, account, ...)",
                       &args->account_column),
          ColumnOption("weight-column",
                       "column of weights (default: unweighted; a column\nthat looks like weights "
                       "is noted, never used unnamed)",
                       &args->input.weight_column),
          {"unweighted", nullptr, "no weights (the default; kept for scripts)",
           Flag(&args->unweighted)},
          ColumnOption("arr-column", "column of the account's ARR (default: arr, ...)",
                       &args->arr_column),
          ColumnOption("outcome-column",
                       "column of the account's churn, 1 churned / 0 retained\n"
                       "(default: churned, churn, outcome)",
                       &args->outcome_column),
          ColumnOption("invited-column",
                       "column of responses asked for in the row's segment\n"
                       "(default: invited, population)",
                       &args->invited_column),
          {"by", "COLUMN", "segment columns (default: region, plan, role, segment\nwhen present)",
           Names(&args->by)},
          {"columns", "FILE", "a JSON object naming the columns' roles (below)",
           NonEmpty(&args->columns_config, "value")},
          {"level", "L", "confidence level (default 0.95)", Level(&args->level)},
          {"tz", "ZONE", "IANA time zone of the trend's calendar (default UTC)",
           [args](const std::string&, const std::string& value) {
             return SetTimeZone(value, &args->time_zone);
           }},
          {"period", "P", "trend bucket: day, week, month (default), quarter",
           Choice(&args->period, PeriodChoices())},
          SkipBadRowsOption(&args->input.skip_bad_rows),
          DelimiterOption(&args->input.delimiter),
          MaxBytesOption(&args->input.max_bytes),
          {"format", "F", "text (default), json or html (default: from\n--output's extension)",
           format},
          {"output", "FILE", "write the report here, also -o FILE (default: stdout)",
           NonEmpty(&args->output, "value")},
          {"quiet", nullptr,
           "no progress bar (shown on stderr when it is a terminal\n"
           "and the work takes over a second)",
           Flag(&args->quiet)},
      },
      kEpilog,
      &args->input.file,
      [args] {
        if (args->unweighted && !args->input.weight_column.empty()) {
          return InvalidArgument("--unweighted and --weight-column contradict each other");
        }
        return OkStatus();
      },
  };
  AddCsvDialectOptions(&spec, &args->input.dialect, kReadsNumbers | kReadsTimes);
  return spec;
}

}  // namespace candor::cli
