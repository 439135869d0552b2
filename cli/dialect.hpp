// The dialect of an input CSV file beyond its delimiter, as the candor tool's
// --decimal, --time-format and --encoding set it (CsvOptions::decimal,
// time_format and encoding): one struct for every command that reads a CSV,
// the option entries they all list, and the field parsers of the tool's own
// readers (records.hpp, themes, followup) that follow the library's rules.
#ifndef CANDOR_CLI_DIALECT_HPP_
#define CANDOR_CLI_DIALECT_HPP_

#include <candor/status.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace candor::cli {

struct CommandSpec;

struct CsvDialect {
  char decimal = '.';       // --decimal: '.' or ','
  std::string time_format;  // --time-format: strftime-style; empty: ISO 8601 or epoch seconds
  std::string encoding;     // --encoding: the file's encoding; empty: UTF-8
};

// What a command reads from its CSV, which decides which of the three
// options apply to it: --encoding always; --decimal when it reads numbers;
// --time-format when it reads times.
enum DialectReads : unsigned {
  kReadsText = 0,
  kReadsNumbers = 1u << 0,
  kReadsTimes = 1u << 1,
};

// Adds --decimal, --time-format and --encoding to `spec` right after its
// --delimiter (at the end if it has none), setting *dialect, with the same
// help in every command. An option that does not apply to what the command
// reads is still recognized but not listed, and giving it is a usage error
// that says why ("--time-format: candor intents reads no times").
void AddCsvDialectOptions(CommandSpec* spec, CsvDialect* dialect, unsigned reads);

// A '.' decimal with a ',' delimiter is fine; ',' as both cannot be read; a
// time format needs a % field. InvalidArgument with the library's messages
// (CsvOptions::decimal, time_format).
Status CheckDialect(char delimiter, const CsvDialect& dialect);

// A finite number with `decimal` as its separator (spaces or tabs around
// allowed; with ',' a '.' is refused, as the library's reader refuses it).
bool ParseDialectNumber(std::string_view field, char decimal, double* value);

// A time as the library reads one (ParseTimestamp: ISO 8601 or epoch
// seconds) or, with a time_format, absl::ParseTime of that format: at the
// offset of its %z, else UTC. Spaces or tabs around are allowed.
Result<int64_t> ParseDialectTime(std::string_view field, const std::string& time_format);

// What a time must be, for messages: "a time (ISO 8601 or epoch seconds;
// other shapes: --time-format)" or "a time of --time-format '%d.%m.%Y'".
std::string TimeShape(const std::string& time_format);

// A hint for a field that is not a number: " (a decimal comma? pass
// --decimal ,)" when it would be one with a decimal comma, or why a '.' is
// refused with --decimal ','; else "".
std::string NumberHint(std::string_view field, char decimal);

// The hint added to an invalid UTF-8 error without --encoding, as the
// library's reader gives it.
constexpr const char* kEncodingHint =
    " (if the file is in another encoding, say so: --encoding windows-1252)";

// The whole file at `path` (ReadWholeFile, within max_bytes) as UTF-8:
// transcoded from dialect.encoding when one is given; errors name the file.
Result<std::string> ReadDialectText(const std::string& path, uint64_t max_bytes,
                                    const CsvDialect& dialect);

}  // namespace candor::cli

#endif  // CANDOR_CLI_DIALECT_HPP_
