// candor redact: its options and help.
#include <string>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro = R"(Usage: candor redact FILE [options]

Writes the CSV file back (every column, the header, the rows in order) with
personal data in one column replaced by placeholders: emails ([EMAIL]),
phone numbers ([PHONE]), card numbers passing the Luhn check ([CARD]),
IBANs passing the MOD 97-10 check ([IBAN]) and URLs that carry a secret
(a token, key, password or session parameter, credentials, a token-like
path segment: [URL]). Dates, amounts, version numbers, ids and numbers
failing their check digits are left. The file goes to stdout, the count of
each kind found to stderr.

Options:
)";

constexpr const char* kEpilog = R"(
Example:
  candor redact survey.csv --column comment > survey_redacted.csv
)";

}  // namespace

CommandSpec RedactSpec(Command* command) {
  RedactArgs* args = &command->redact;
  CommandSpec spec = {
      "redact",
      kIntro,
      24,
      {
          ColumnOption("column", "the column to redact (default: comment)", &args->column),
          {"kinds", "K,...",
           "kinds to find: email, phone, card, iban, url\n"
           "(default: all)",
           Names(&args->kinds)},
          {"all-urls", nullptr, "redact every URL, not only those with a secret",
           Flag(&args->all_urls)},
          DelimiterOption(&args->delimiter),
          MaxBytesOption(&args->max_bytes),
      },
      kEpilog,
      &args->file,
      [args] {
        if (args->file.empty()) return InvalidArgument("redact needs a FILE (a CSV file)");
        for (const std::string& kind : args->kinds) {
          if (kind != "email" && kind != "phone" && kind != "card" && kind != "iban" &&
              kind != "url") {
            return InvalidArgument("--kinds: '" + kind +
                                   "' is not one of email, phone, card, iban, url");
          }
        }
        return OkStatus();
      },
  };
  AddCsvDialectOptions(&spec, &args->dialect, kReadsText);
  return spec;
}

}  // namespace candor::cli
