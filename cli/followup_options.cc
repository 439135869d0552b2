// candor followup: its options, the checks of how they combine, and its help.
#include <string>
#include <utility>
#include <vector>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro =
    R"(Usage: candor followup FILE [--accounts ACCOUNTS.csv] [--rules rules.json] [options]

The follow-up queue of the responses in FILE (include/candor/followup.hpp):
rows with a score outside 0-10, a missing time or account, an account not
in ACCOUNTS.csv, an opted-out account, or a respondent contacted within the
suppression window (--contacts) are dropped and counted. Each account's
responses within the dedup window make one case, led by its strongest
response. Fire alarms (urgent comments: safety, legal, churn, refund,
unresolved) come first, then the priority: a sum of named points, each
reason listed with its points. Each case gets its playbook's action, an
owner (routing rules, round robin within a team) and a due time in business
hours. The rules: docs/followup-rules.md (defaults without --rules).

FILE columns: score, a time (ISO 8601 or epoch seconds), account (or
account_id); used when
present: respondent, role, urgency (a category name), theme (one theme, or
several separated by --theme-separator), comment (read for urgency when
there is no urgency column). A case's themes are its lead's; a route's theme
matches when any of them is it. ACCOUNTS.csv columns: the account column,
and any of arr, renewal, health_change, health_grade (the rules'
poor_health_grades, default D and F, earn points), owner, region, opt_out.
CONTACTS.csv: respondent, time.

--format jsonl writes one case per line (docs/followup-jsonl.md), the counts
on stderr.

Options:
)";

constexpr const char* kEpilog = R"(
Example:
  candor followup responses.csv --accounts accounts.csv --rules rules.json
  candor followup responses.csv --contacts contacts.csv --format jsonl > cases.jsonl
)";

Status Finish(const FollowupArgs& args) {
  if (args.file.empty()) return InvalidArgument("followup needs a FILE (a CSV file of responses)");
  return OkStatus();
}

}  // namespace

CommandSpec FollowupSpec(Command* command) {
  FollowupArgs* args = &command->followup;
  CommandSpec spec = {
      "followup",
      kIntro,
      26,
      {
          {"accounts", "FILE", "account attributes, a CSV file keyed by the\naccount column",
           NonEmpty(&args->accounts, "file name")},
          {"rules", "FILE", "the rules, a JSON file (docs/followup-rules.md)",
           NonEmpty(&args->rules, "file name")},
          {"contacts", "FILE",
           "earlier contacts (respondent, time): suppression\nof respondents contacted "
           "recently",
           NonEmpty(&args->contacts, "file name")},
          ScoreColumnOption(&args->score_column),
          ColumnOption("time-column",
                       "response times (default: the first of timestamp,\ntime, date, "
                       "submitted_at, created_at)",
                       &args->time_column),
          ColumnOption("account-column",
                       "accounts, in FILE and ACCOUNTS.csv (default:\naccount or account_id)",
                       &args->account_column),
          ColumnOption("respondent-column", "respondents (default: respondent, if present)",
                       &args->respondent_column),
          ColumnOption("role-column", "respondent roles (default: role, if present)",
                       &args->role_column),
          ColumnOption("urgency-column", "urgency categories (default: urgency, if present)",
                       &args->urgency_column),
          ColumnOption("theme-column", "themes (default: theme, if present)", &args->theme_column),
          {"theme-separator", "C",
           "several themes per response in the theme column,\nseparated by C (default: one "
           "theme per field)",
           Delimiter(&args->theme_separator)},
          ColumnOption("comment-column",
                       "comments, analyzed for urgency when there is no\nurgency column "
                       "(default: comment, if present)",
                       &args->comment_column),
          {"top", "N", "table: list the first N cases (default 20)", IntIn(&args->top, 0, 1000000)},
          DelimiterOption(&args->delimiter),
          {"max-bytes", "N",
           "refuse an input file larger than N bytes; K, M, G\nsuffixes for KiB, MiB, GiB "
           "(default 0: no limit)",
           MaxBytes(&args->max_bytes)},
          {"format", "F",
           "table (default), json, csv (one row per case) or\njsonl (one case per line, "
           "docs/followup-jsonl.md)",
           Choice(&args->format,
                  std::vector<std::pair<std::string, FollowupFormat>>{
                      {"table", FollowupFormat::kTable},
                      {"json", FollowupFormat::kJson},
                      {"csv", FollowupFormat::kCsv},
                      {"jsonl", FollowupFormat::kJsonl}})},
      },
      kEpilog,
      &args->file,
      [args] { return Finish(*args); },
  };
  AddCsvDialectOptions(&spec, &args->dialect, kReadsNumbers | kReadsTimes);
  return spec;
}

}  // namespace candor::cli
