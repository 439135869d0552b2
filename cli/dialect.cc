#include "dialect.hpp"

#include <absl/time/time.h>

#include <candor/csv.hpp>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "option_values.hpp"
#include "options.hpp"

namespace candor::cli {
namespace {

std::string_view TrimBlanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The entry of an option that does not apply: accepted by the parser (so
// that the error says why) but not listed in the help.
OptionSpec NotApplicable(const char* name, const char* placeholder, std::string why) {
  OptionSetter refuse = [why = std::move(why)](const std::string& option, const std::string&) {
    return InvalidArgument("--" + option + ": " + why);
  };
  return {name, placeholder, nullptr, std::move(refuse)};
}

}  // namespace

void AddCsvDialectOptions(CommandSpec* spec, CsvDialect* dialect, unsigned reads) {
  const std::string command = std::string("candor ") + spec->name;
  std::vector<OptionSpec> added;
  if (reads & kReadsNumbers) {
    added.push_back(DecimalOption(&dialect->decimal));
  } else {
    added.push_back(NotApplicable("decimal", "C", command + " reads no numbers from its CSV"));
  }
  if (reads & kReadsTimes) {
    added.push_back(TimeFormatOption(&dialect->time_format));
  } else {
    added.push_back(NotApplicable("time-format", "F", command + " reads no times from its CSV"));
  }
  added.push_back(EncodingOption(&dialect->encoding));
  auto at = spec->options.begin();
  while (at != spec->options.end() && std::string(at->name) != "delimiter") ++at;
  if (at != spec->options.end()) ++at;
  // Unlisted entries go last so that the help's order stays that of the listed ones.
  std::vector<OptionSpec> listed;
  std::vector<OptionSpec> unlisted;
  for (OptionSpec& option : added) (option.help ? listed : unlisted).push_back(std::move(option));
  at = spec->options.insert(at, listed.begin(), listed.end());
  spec->options.insert(spec->options.end(), unlisted.begin(), unlisted.end());
}

Status CheckDialect(char delimiter, const CsvDialect& dialect) {
  if (dialect.decimal == delimiter) {
    return InvalidArgument(std::string("decimal and delimiter are both '") + delimiter +
                           "': with decimal ',' choose another delimiter (e.g. ';')");
  }
  if (!dialect.time_format.empty() && dialect.time_format.find('%') == std::string::npos) {
    return InvalidArgument("time_format '" + dialect.time_format +
                           "' has no % field (e.g. %d.%m.%Y %H:%M)");
  }
  return OkStatus();
}

bool ParseDialectNumber(std::string_view field, char decimal, double* value) {
  std::string text(TrimBlanks(field));
  if (text.empty()) return false;
  if (decimal == ',') {
    if (text.find('.') != std::string::npos) return false;
    for (char& c : text) c = c == ',' ? '.' : c;
  }
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (*end != '\0' || errno == ERANGE || !std::isfinite(v)) return false;
  *value = v;
  return true;
}

Result<int64_t> ParseDialectTime(std::string_view field, const std::string& time_format) {
  const std::string_view text = TrimBlanks(field);
  if (time_format.empty()) return ParseTimestamp(text);
  absl::Time parsed;
  std::string why;
  if (text.empty()) {
    why = "empty time";
  } else if (absl::ParseTime(time_format, std::string(text), absl::UTCTimeZone(), &parsed, &why)) {
    if (parsed != absl::InfiniteFuture() && parsed != absl::InfinitePast()) {
      return absl::ToUnixSeconds(parsed);
    }
    why = "is not a finite time";
  }
  return ParseError("time '" + std::string(text) + "' does not match --time-format '" +
                    time_format + "' (" + why + ")");
}

std::string TimeShape(const std::string& time_format) {
  return time_format.empty() ? "a time (ISO 8601 or epoch seconds; other shapes: --time-format)"
                             : "a time of --time-format '" + time_format + "'";
}

std::string NumberHint(std::string_view field, char decimal) {
  double unused = 0;
  if (decimal == ',' && field.find('.') != std::string_view::npos) {
    return " (the decimal separator is ',' (--decimal), and '.' is not accepted)";
  }
  if (decimal != ',' && field.find(',') != std::string_view::npos &&
      ParseDialectNumber(field, ',', &unused)) {
    return " (a decimal comma? pass --decimal ,)";
  }
  return "";
}

Result<std::string> ReadDialectText(const std::string& path, uint64_t max_bytes,
                                    const CsvDialect& dialect) {
  Result<std::string> data = ReadWholeFile(path, max_bytes);
  if (!data.ok() || dialect.encoding.empty()) return data;
  Result<std::string> utf8 = TranscodeToUtf8(*data, dialect.encoding);
  if (!utf8.ok()) {
    return Status(utf8.status().code(), "'" + path + "': " + utf8.status().message());
  }
  return utf8;
}

}  // namespace candor::cli
