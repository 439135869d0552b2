// candor score: its options and help.
#include <candor.h>

#include <memory>
#include <string>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro = R"(Usage: candor score FILE [options]

Estimates a metric from the score column of a CSV file (RFC 4180, UTF-8, one
header row), with its standard error, interval, n and effective n. With --by,
one row per segment, each compared with all other responses.

Options:
)";

constexpr const char* kEpilog =
    R"(  The output shows the naive estimate (responses independent, base weights)
  next to the design-based one, how far the correction moved the estimate,
  and the design effect (design variance / naive variance).
)";

Status Finish(const ScoreArgs& args, const MetricArgs& metric) {
  if (args.input.file.empty()) return InvalidArgument("score needs a FILE (a CSV file)");
  CANDOR_RETURN_IF_ERROR(FinishMetric(metric));
  Status valid = args.interval.Validate();
  if (!valid.ok()) return InvalidArgument(valid.message());
  if (!args.population.empty() && args.margins.empty()) {
    return InvalidArgument("--population needs at least one --margin COLUMN to rake to");
  }
  if (args.population.empty() && !args.margins.empty()) {
    return InvalidArgument("--margin needs --population FILE (the invited population)");
  }
  if (args.design() && args.interval.method != IntervalMethod::kWald &&
      args.interval.method != IntervalMethod::kJeffreys) {
    return InvalidArgument(
        "--population / --account-column: only --interval jeffreys or wald is defined "
        "for a design with calibration or clusters");
  }
  return OkStatus();
}

}  // namespace

CommandSpec ScoreSpec(Command* command) {
  ScoreArgs* args = &command->score;
  auto metric = std::make_shared<MetricArgs>(&args->metric_name, &args->metric);
  IntervalOptions* interval = &args->interval;
  OptionSetter seed =
      Checked<int64_t>(&interval->seed, ParseInt, [](int64_t number, const std::string&) {
        return number < 0 ? std::string("must not be negative") : std::string();
      });
  CommandSpec spec = {
      "score",
      kIntro,
      24,
      {
          MetricOption(metric.get(),
                       "nps (default), csat (top-2 of 1..5), ces (mean of 1..7),\n"
                       "ces_agree (top-3 of 1..7), topbox, bottombox, mean"),
          ScaleOption(metric.get(),
                      "the score scale (default: the metric's; 0:10 for\n"
                      "topbox, bottombox and mean)"),
          BoxOption(metric.get(), "points in the top/bottom box"),
          ScoreColumnOption(&args->input.score_column),
          WeightColumnOption(&args->input.weight_column),
          {"by", "COLUMN",
           "break down by a segment column; repeat or use commas\n"
           "(--by region,plan) to cross columns",
           Names(&args->by)},
          {"interval", "I",
           "jeffreys (default; Wald for means), wald, adjusted_wald,\nbayes, bootstrap",
           Choice(&interval->method, AllChoices<IntervalMethod>(CANDOR_ENUM_INTERVAL))},
          LevelOption(&interval->level),
          {"seed", "N", "bootstrap seed (default 42)", seed},
          {"quiet", nullptr,
           "no progress bar (shown on stderr while bootstrapping when\n"
           "it is a terminal and it takes over a second)",
           Flag(&args->quiet)},
          {"replicates", "N", "bootstrap replicates (default 2000)",
           IntIn(&interval->replicates, 100, 10000000)},
          {"p-adjust", "A", "holm (default), bh, none: across breakdown rows",
           Choice(&args->p_adjust,
                  NamedChoices(CANDOR_ENUM_P_ADJUST,
                               {PAdjust::kHolm, PAdjust::kBenjaminiHochberg, PAdjust::kNone}))},
          SkipBadRowsOption(&args->input.skip_bad_rows),
          {"delimiter", "C", "field delimiter (default ','; 'tab' or '\\t' for tabs)",
           Delimiter(&args->input.delimiter)},
          {"max-bytes", "N",
           "refuse FILE (or POP) if larger than N bytes; K, M, G\n"
           "suffixes for KiB, MiB, GiB (default 0: no limit)",
           MaxBytes(&args->input.max_bytes)},
          {"format", "F", "table (default), json, csv", Format(&args->format, true)},
          {"population", "POP.csv",
           "the invited population, one row per customer: rake\n"
           "the responses to its margins (base weights from\n"
           "--weight-column, if given) and use the calibration-\n"
           "aware linearization variance (as R survey's svymean)",
           NonEmpty(&args->population, "file name"),
           "\nDesign-based scoring (Wald intervals only):\n"},
          {"margin", "COLUMN",
           "a margin to rake to; repeat (or commas) for several;\n"
           "the column must exist in FILE and in POP",
           Names(&args->margins)},
          {"calibration", "C",
           "rake (default) or poststratify (joint cells of the\n"
           "margins, w = w0 N_cell / sum of w0 in the cell)",
           Choice<bool>(&args->post_stratify, {{"rake", false}, {"poststratify", true}})},
          ColumnOption("account-column",
                       "cluster by account: a cluster-robust standard error\n"
                       "(C/(C-1) times the sum of squared account totals of\n"
                       "the linearized values); works without --population",
                       &args->account_column),
      },
      kEpilog,
      &args->input.file,
      [args, metric] { return Finish(*args, *metric); },
  };
  AddCsvDialectOptions(&spec, &args->input.dialect, kReadsNumbers);
  return spec;
}

}  // namespace candor::cli
