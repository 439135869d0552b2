// candor recovery: its options and its help.
#include <string>
#include <utility>
#include <vector>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro =
    R"(Usage: candor recovery FILE [options]

FILE has one row per detractor who answered a later survey: the re-survey
score (0-10) and whether the detractor was followed up (0/1, yes/no,
true/false). Prints the NPS (or, with --metric mean, the mean) of the
followed-up minus that of the others with its interval (adjusted Wald, Rocks
2016, for NPS), and with --strata-columns the same difference within the
strata (e.g. the first score and the segment), standardized to the
followed-up's strata; strata with only one of the two groups are left out
and counted.

Follow-up is not randomized: who was called depends on who was reachable,
valuable or angry. The difference is an association, not the effect of the
call; every output says so.

Options:
)";

constexpr const char* kEpilog = R"(
Example:
  candor recovery resurvey.csv --strata-columns first_score,segment
)";

}  // namespace

CommandSpec RecoverySpec(Command* command) {
  RecoveryArgs* args = &command->recovery;
  CommandSpec spec = {
      "recovery",
      kIntro,
      24,
      {
          ColumnOption("rescore-column", "re-survey scores (default: rescore)",
                       &args->rescore_column),
          ColumnOption("followed-up-column", "0/1, yes/no: followed up (default: followed_up)",
                       &args->followed_up_column),
          {"strata-columns", "A,B", "compare within the strata of these columns",
           Names(&args->strata_columns)},
          {"metric", "M", "nps (default) or mean (of the 0-10 re-survey score)",
           Choice(&args->mean,
                  std::vector<std::pair<std::string, bool>>{{"nps", false}, {"mean", true}})},
          {"interval", "I", "NPS: adjusted_wald (default, Rocks 2016) or wald",
           Choice(&args->wald, std::vector<std::pair<std::string, bool>>{{"adjusted_wald", false},
                                                                         {"wald", true}})},
          LevelOption(&args->level),
          DelimiterOption(&args->delimiter),
          MaxBytesOption(&args->max_bytes),
          {"format", "F", "table (default), json, csv (one row per comparison and stratum)",
           Format(&args->format, true)},
      },
      kEpilog,
      &args->file,
      [args] {
        return args->file.empty() ? InvalidArgument("recovery needs a FILE (a CSV file)")
                                  : OkStatus();
      },
  };
  AddCsvDialectOptions(&spec, &args->dialect, kReadsNumbers);
  return spec;
}

}  // namespace candor::cli
