// candor outer-loop: its options and help.
#include <memory>
#include <string>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro = R"(Usage: candor outer-loop FILE [options]

Ranks the themes of a CSV file's comments by what they cost, in one table:
comments mentioning each theme, detractor comments, accounts and detractor
accounts mentioning it, the ARR of those detractor accounts at risk (with a
seeded percentile bootstrap interval by account), the NPS impact (the NPS
minus the NPS without the theme's comments, clustered by account) with its
interval, and with --period-column the change of the theme's share of
comments between the last two periods (BH-adjusted). Under each theme, 2-5
representative quotes: typical of the theme (close to its TF-IDF centre),
not near-duplicates of each other, with the theme's tone, PII redacted.
Each row of FILE is a comment: a score, an account, and its themes from
exactly one source: names separated by ';' in --themes-column (default
"themes", e.g. "price;support"; empty: none), or --taxonomy FILE (the
themes a JSON taxonomy matches in the comments, as candor themes --taxonomy;
a child theme counts for its parents), or --themes K (K themes discovered in
the comments, each comment in its dominant theme, as candor themes --themes).
An interval that would have zero width (e.g. no detractor account mentions a
theme: nothing at risk to resample) is shown as "-" (null in JSON) with the
reason under the table.

Options:
)";

constexpr const char* kEpilog = R"(
Example:
  candor outer-loop feedback.csv --arr-column arr --period-column quarter
  candor outer-loop feedback.csv --taxonomy cx_starter.json --arr-column arr
)";

Status Finish(const OuterLoopArgs& args) {
  if (args.file.empty()) return InvalidArgument("outer-loop needs a FILE (a CSV file)");
  const int sources =
      !args.themes_column.empty() + !args.taxonomy.empty() + (args.themes > 0 ? 1 : 0);
  if (sources > 1) {
    return InvalidArgument(
        "give one source of themes: --themes-column, --taxonomy or --themes, not several");
  }
  if (args.rank_by == "arr" && args.arr_column.empty()) {
    return InvalidArgument("--rank-by arr needs --arr-column");
  }
  return OkStatus();
}

}  // namespace

CommandSpec OuterLoopSpec(Command* command) {
  OuterLoopArgs* args = &command->outer_loop;
  OptionSetter seed =
      Checked<int64_t>(&args->seed, ParseInt, [](int64_t number, const std::string& text) {
        return number < 0 ? text + " must be >= 0" : std::string();
      });
  CommandSpec spec = {
      "outer-loop",
      kIntro,
      26,
      {
          ColumnOption("score-column", "scores 0-10 (default: score)", &args->score_column),
          ColumnOption("account-column", "the respondent's account (default: account)",
                       &args->account_column),
          ColumnOption("themes-column", "themes of the comment (default: themes)",
                       &args->themes_column),
          {"taxonomy", "FILE",
           "themes a JSON taxonomy matches in the comments\n"
           "(instead of a themes column; a bare name such as\n"
           "cx_starter.json is also found in candor's taxonomies)",
           NonEmpty(&args->taxonomy, "file name")},
          {"themes", "K", "discover K themes in the comments (instead of a\nthemes column)",
           IntIn(&args->themes, 1, 200)},
          {"theme-separator", "C", "between theme names (default ';')",
           Delimiter(&args->theme_separator)},
          ColumnOption("text-column", "comments to quote (default: comment, if present)",
                       &args->text_column),
          ColumnOption("arr-column", "ARR of the account (one value per account)",
                       &args->arr_column),
          ColumnOption("period-column",
                       "period labels (sorted as text, e.g. 2026-Q3): the\n"
                       "trend compares the last two",
                       &args->period_column),
          ColumnOption("segment-column", "quotes per segment", &args->segment_column),
          ColumnOption("sentiment-column",
                       "the comments' sentiment: the tone quotes must share\n"
                       "(default: the NPS category)",
                       &args->sentiment_column),
          {"rank-by", "R",
           "arr (default with --arr-column), impact (default\n"
           "without), detractor-accounts, comments",
           Choice(&args->rank_by,
                  std::vector<std::pair<std::string, std::string>>{
                      {"arr", "arr"},
                      {"impact", "impact"},
                      {"detractor-accounts", "detractor-accounts"},
                      {"comments", "comments"}})},
          {"replicates", "B", "bootstrap replicates (default 2000)",
           IntIn(&args->replicates, 100, 1000000)},
          {"seed", "S", "seed of the bootstrap and of --themes (default 42)", seed},
          {"quotes", "N", "quotes per theme and segment (default 3)", IntIn(&args->quotes, 0, 20)},
          {"max-quote-bytes", "N", "longer comments are not quoted (default 280)",
           IntIn(&args->max_quote_bytes, 1, 1000000)},
          LevelOption(&args->level),
          {"threads", "N", "threads (default 0: all cores)", IntIn(&args->threads, 0, 1024)},
          DelimiterOption(&args->delimiter),
          MaxBytesOption(&args->max_bytes),
          {"format", "F", "table (default), json, csv (one row per theme)",
           Format(&args->format, true)},
      },
      kEpilog,
      &args->file,
      [args] { return Finish(*args); },
  };
  AddCsvDialectOptions(&spec, &args->dialect, kReadsNumbers);
  return spec;
}

}  // namespace candor::cli
