// candor health: its options, the checks of how they combine, and its help.
#include <string>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro =
    R"(Usage: candor health FILE --scorecard CARD.json [options]

Scores each account (row) of FILE with the scorecard: a 0-100 health score,
a grade, the share of the scorecard with data (coverage), and the top
reasons (the measures that lost the most points). The scorecard's JSON
form: docs/health-scorecard.md. Measure columns hold numbers, yes/no or
true/false; an empty field or NA is missing data.

With --churn-column the score is validated against churn: the AUC of the
score for churn (lower health should mean churn: the AUC is of -score),
with DeLong's interval, and churn by grade. With --time-column and
--event-column (e.g. tenure and churned): Harrell's concordance of -score
with time to churn, Kaplan-Meier by grade and the log-rank test.

As of a date (--as-of, with --history-time-column and --account-column):
FILE is a dated history, a row per account and time (an empty field: not
recorded then). Each account is scored from its latest value of each
measure in rows before the date (nothing at or after it is read), with its
days in grade (weekly snapshots back, --grade-step-days) and, with
--previous, its momentum (the change of score since then). The churn,
time and event columns then describe each account after the date: every
row of an account must hold the same value, and only accounts with a row
before the date are validated.

With --suggest-weights (and --churn-column) the measures' points are fitted
to churn by an L2-penalized logistic regression: each measure's coefficient,
a suggested weight (the churn-reducing coefficients per point, scaled to sum
100; a measure whose points go with more churn gets 0 and is flagged) beside
the scorecard's own, and the AUC of the suggested model out of fold only
(each fold predicted by the model of the others) against the AUC of the
scorecard's score, with the paired DeLong test. With --as-of the fit reads
the measures as they stood before the date and the churn column per
account (churn after the date: weights learned without leakage), over the
accounts with a row before the date.

Options:
)";

constexpr const char* kEpilog = R"(
Example:
  candor health accounts.csv --scorecard card.json --account-column id \
      --churn-column churned --time-column tenure --event-column churned
  candor health history.csv --scorecard card.json --account-column id \
      --history-time-column month --as-of 2026-06-01 --previous 2026-03-01 \
      --churn-column churned_after_june
  candor health accounts.csv --scorecard card.json --churn-column churned \
      --suggest-weights --folds 10
  candor health history.csv --scorecard card.json --account-column id \
      --history-time-column month --as-of 2026-06-01 \
      --churn-column churned_after_june --suggest-weights
)";

Status Finish(const HealthArgs& args) {
  if (args.file.empty()) return InvalidArgument("health needs a FILE (a CSV file of accounts)");
  if (args.scorecard.empty()) {
    return InvalidArgument("health needs --scorecard CARD.json (docs/health-scorecard.md)");
  }
  if (args.as_of.empty()) {
    if (!args.history_time_column.empty() || !args.previous.empty() || args.grade_step_days ||
        !args.std_error_columns.empty()) {
      return InvalidArgument(
          "--history-time-column, --previous, --grade-step-days and --std-error-columns need "
          "--as-of (a dated history)");
    }
  } else if (args.history_time_column.empty() || args.account_column.empty()) {
    return InvalidArgument(
        "--as-of needs --history-time-column and --account-column (when and whose each row is)");
  }
  if (args.time_column.empty() != args.event_column.empty()) {
    return InvalidArgument(
        "--time-column and --event-column go together (time to churn needs both)");
  }
  if (args.suggest_weights && args.churn_column.empty()) {
    return InvalidArgument("--suggest-weights needs --churn-column (the churn it fits)");
  }
  if ((args.folds || args.l2_penalty) && !args.suggest_weights) {
    return InvalidArgument("--folds and --l2-penalty go with --suggest-weights");
  }
  return OkStatus();
}

}  // namespace

CommandSpec HealthSpec(Command* command) {
  HealthArgs* args = &command->health;
  CommandSpec spec = {
      "health",
      kIntro,
      24,
      {
          {"scorecard", "FILE", "the scorecard, a JSON file (required)",
           NonEmpty(&args->scorecard, "file name")},
          ColumnOption("account-column",
                       "account ids to print (default: the row number);\n"
                       "with --as-of, the account of each row",
                       &args->account_column),
          ColumnOption("segment-column",
                       "segments: percentiles and z-scores within them,\n"
                       "and the scorecard's profiles",
                       &args->segment_column),
          ColumnOption("churn-column", "0/1 or yes/no: validate the score against churn",
                       &args->churn_column),
          ColumnOption("time-column", "follow-up time (e.g. tenure), with --event-column",
                       &args->time_column),
          ColumnOption("event-column", "1/yes: churned at that time; 0/no: still a customer",
                       &args->event_column),
          {"as-of", "DATE",
           "score as of DATE (ISO 8601 or epoch seconds) from\n"
           "the rows before it: FILE is a dated history",
           NonEmpty(&args->as_of, "date")},
          ColumnOption("history-time-column", "with --as-of: when each row's values were true",
                       &args->history_time_column),
          {"previous", "DATE", "with --as-of: momentum, the change since DATE",
           NonEmpty(&args->previous, "date")},
          {"std-error-columns", "M=C,...",
           "with --previous: measure M's standard errors are\n"
           "in column C (e.g. a survey measure's), for\n"
           "momentum's interval",
           Names(&args->std_error_columns)},
          {"grade-step-days", "N",
           "with --as-of: days between the snapshots of\ndays in grade (default 7)",
           Positive(&args->grade_step_days)},
          LevelOption(&args->level),
          {"top", "N", "table: list the N lowest scores (default 10)",
           IntIn(&args->top, 0, 1000000)},
          DelimiterOption(&args->delimiter),
          MaxBytesOption(&args->max_bytes),
          {"format", "F",
           "table (default), json, csv (one row per account:\n"
           "score, grade, coverage, reasons, points and\n"
           "contributions; with --as-of days in grade and\n"
           "momentum)",
           Format(&args->format, true)},
          {"suggest-weights", nullptr,
           "with --churn-column: fit churn on the measures'\n"
           "points (L2 logistic) and print suggested weights\n"
           "with out-of-fold AUCs instead (csv: one row per\n"
           "measure)",
           Flag(&args->suggest_weights)},
          {"folds", "K", "--suggest-weights: folds (default 5)", IntIn(&args->folds, 2, 1000)},
          {"l2-penalty", "L",
           "--suggest-weights: L2 penalty on the standardized\n"
           "coefficients (sklearn C = 1 / L; default 1)",
           Checked<double>(&args->l2_penalty, ParseDouble,
                           [](double penalty, const std::string&) {
                             return penalty >= 0 ? std::string()
                                                 : std::string("must not be negative");
                           })},
      },
      kEpilog,
      &args->file,
      [args] { return Finish(*args); },
  };
  AddCsvDialectOptions(&spec, &args->dialect, kReadsNumbers | kReadsTimes);
  return spec;
}

}  // namespace candor::cli
