// candor themes: its options and help.
#include <candor.h>

#include <candor/text_sentiment.hpp>
#include <memory>
#include <string>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro = R"(Usage: candor themes FILE [options]

Reads the comments of a CSV file and says what they carry: sentiment in
[-1, 1] (mean with its interval, shares positive / negative), emotions
(frustration, anger, annoyance, disappointment, confusion, delight,
gratitude), urgent comments with their reason (safety, legal, churn, refund,
unresolved), and themes: a taxonomy's (--taxonomy, hierarchical, matched per
sentence, with the sentiment of each mention) or discovered ones (NMF on
TF-IDF, the number chosen by coherence). With --score-column, per theme the
metric of the comments that mention it, its impact (the overall metric minus
the metric without those comments), the detractor relative risk and a
key-driver model; with --time-column, themes trending between the earlier
and the later period. Rows without a comment count in the metric and mention
no theme.

Options:
)";

constexpr const char* kEpilog = R"(
Example:
  candor themes survey.csv --taxonomy cx_starter.json --score-column score
)";

Status Finish(const ThemesArgs& args, const MetricArgs& metric) {
  if (args.file.empty()) return InvalidArgument("themes needs a FILE (a CSV file)");
  CANDOR_RETURN_IF_ERROR(FinishMetric(metric));
  if (!args.taxonomy.empty() && args.themes > 0) {
    return InvalidArgument(
        "--themes sets how many themes to discover; with --taxonomy the "
        "taxonomy's themes are used");
  }
  if (!args.time_column.empty() && args.score_column.empty()) {
    return InvalidArgument(
        "--time-column needs --score-column (trending themes are "
        "compared with the metric)");
  }
  if (!args.split.empty() && args.time_column.empty()) {
    return InvalidArgument("--split needs --time-column");
  }
  return OkStatus();
}

}  // namespace

CommandSpec ThemesSpec(Command* command) {
  ThemesArgs* args = &command->themes;
  auto metric = std::make_shared<MetricArgs>(&args->metric_name, &args->metric);
  OptionSetter seed =
      Checked<int64_t>(&args->seed, ParseInt, [](int64_t number, const std::string& text) {
        return number < 0 ? text + " must be >= 0" : std::string();
      });
  CommandSpec spec = {
      "themes",
      kIntro,
      24,
      {
          ColumnOption("text-column", "column of comments (default: comment)", &args->text_column),
          {"taxonomy", "FILE",
           "themes from a JSON taxonomy (format: candor's\n"
           "include/candor/text_taxonomy.hpp, at most 32 levels\n"
           "of themes; a starter: cx_starter.json, a bare name\n"
           "also found in candor's installed taxonomies)",
           NonEmpty(&args->taxonomy, "file name")},
          {"themes", "K", "discover K themes (default: chosen by coherence)",
           IntIn(&args->themes, 1, 200)},
          {"seed", "S", "seed of the discovery (default 0)", seed},
          ColumnOption("score-column", "scores: adds the drivers of the metric",
                       &args->score_column),
          MetricOption(metric.get(),
                       "nps (default), csat, topbox, bottombox, ... (as for\n"
                       "score); --scale, --box too"),
          ScaleOption(metric.get()),
          BoxOption(metric.get()),
          ColumnOption("time-column",
                       "times (ISO 8601 or Unix seconds): trending themes,\n"
                       "the later period against the earlier one",
                       &args->time_column),
          {"split", "TIME", "when the later period starts (default: the median)",
           NonEmpty(&args->split, "time")},
          {"lexicon", "FILE", "a sentiment lexicon merged over the built-in one",
           NonEmpty(&args->lexicon, "file name")},
          {"lexicon-format", "F",
           "candor (term<TAB>valence -4..4, default), vader,\n"
           "afinn",
           Choice(&args->lexicon_format,
                  AllChoices<text::LexiconFormat>(CANDOR_ENUM_LEXICON_FORMAT))},
          {"replace-lexicon", nullptr, "use --lexicon instead of the built-in lexicon",
           Flag(&args->replace_lexicon)},
          {"language", "CODE", "ISO 639-1 language of every comment (default: detect)",
           NonEmpty(&args->language, "language code")},
          {"repair-utf8", nullptr, "replace invalid UTF-8 by U+FFFD (default: an error)",
           Flag(&args->repair_utf8)},
          {"urgent", "N", "list N urgent comments (default 10)", IntIn(&args->urgent, 0, 1000000)},
          LevelOption(&args->level),
          {"threads", "N", "threads (default 0: all cores)", IntIn(&args->threads, 0, 1024)},
          {"quiet", nullptr,
           "no progress bar (shown on stderr when it is a terminal\n"
           "and the work takes over a second)",
           Flag(&args->quiet)},
          DelimiterOption(&args->delimiter),
          {"max-bytes", "N",
           "refuse FILE if larger than N bytes; K, M, G suffixes\n"
           "for KiB, MiB, GiB (default 0: no limit; --lexicon and\n"
           "--taxonomy files are limited to 64 MiB)",
           MaxBytes(&args->max_bytes)},
          {"format", "F",
           "table (default), json, csv (one row per comment:\n"
           "sentiment, emotions, urgency, themes)",
           Format(&args->format, true)},
      },
      kEpilog,
      &args->file,
      [args, metric] { return Finish(*args, *metric); },
  };
  AddCsvDialectOptions(&spec, &args->dialect, kReadsNumbers | kReadsTimes);
  return spec;
}

}  // namespace candor::cli
