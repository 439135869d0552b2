// candor intents: its options and help.
#include <string>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro = R"(Usage: candor intents FILE [options]

What each comment of a CSV file wants: complaint, suggestion (feature
requests included), question, praise, and needs_response (a question, a
request to be contacted, or a complaint with urgency: a threat to cancel, a
refund, a legal or security matter, lost data, a deadline, a case left
unanswered). A comment may have several intents or none. Rules with
reasons (include/candor/intents.hpp); English only. The table counts each
intent and lists comments that need a response; csv gives one row per
comment.

Options:
)";

constexpr const char* kEpilog = R"(
Example:
  candor intents survey.csv --column comment --format csv
)";

}  // namespace

CommandSpec IntentsSpec(Command* command) {
  IntentsArgs* args = &command->intents;
  CommandSpec spec = {
      "intents",
      kIntro,
      24,
      {
          ColumnOption("column", "column of comments (default: comment)", &args->column),
          {"list", "N", "list N comments that need a response (default 10)",
           IntIn(&args->list, 0, 1000000)},
          DelimiterOption(&args->delimiter),
          MaxBytesOption(&args->max_bytes),
          {"format", "F",
           "table (default), json (counts), csv (one row per\n"
           "comment: row, the five intents as 0/1, reasons)",
           Format(&args->format, true)},
      },
      kEpilog,
      &args->file,
      [args] {
        if (args->file.empty()) return InvalidArgument("intents needs a FILE (a CSV file)");
        return OkStatus();
      },
  };
  AddCsvDialectOptions(&spec, &args->dialect, kReadsText);
  return spec;
}

}  // namespace candor::cli
