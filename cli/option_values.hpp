// The values of the candor tool's options: parsers with the messages of the
// usage errors they give, and the setters the option tables are built from.
// A setter's option name comes from the table; messages start "--name: ".
#ifndef CANDOR_CLI_OPTION_VALUES_HPP_
#define CANDOR_CLI_OPTION_VALUES_HPP_

#include <candor.h>

#include <candor/enum_names.hpp>
#include <candor/score.hpp>
#include <candor/status.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "args.hpp"
#include "options.hpp"

namespace candor::cli {

Result<double> ParseDouble(const std::string& name, const std::string& text);

// --tz: the zone name's form is checked now, before the input is read
// (never a file path); whether the zone exists is known once it is loaded.
Status SetTimeZone(const std::string& value, std::string* time_zone);
Result<int64_t> ParseInt(const std::string& name, const std::string& text);
Result<int> ParseIntIn(const std::string& name, const std::string& text, int64_t lo, int64_t hi);

// The value of --`option` named by `text` among `choices`; the error lists
// the choices in the order given.
template <typename T>
Result<T> ParseChoice(const std::string& option, const std::string& text,
                      const std::vector<std::pair<std::string, T>>& choices) {
  std::string listed;
  for (const auto& [name, value] : choices) {
    if (text == name) return value;
    listed += (listed.empty() ? "" : ", ") + name;
  }
  return InvalidArgument("--" + option + ": '" + text + "' is not one of " + listed);
}

// `values` of the library's enum `type` with their names (enum_names.hpp),
// as choices in the order given.
template <typename T>
std::vector<std::pair<std::string, T>> NamedChoices(candor_enum type,
                                                    std::initializer_list<T> values) {
  std::vector<std::pair<std::string, T>> choices;
  for (T value : values) choices.emplace_back(EnumName(type, value), value);
  return choices;
}

// Every value of the library's enum `type`, in its order, as choices.
template <typename T>
std::vector<std::pair<std::string, T>> AllChoices(candor_enum type) {
  std::vector<std::pair<std::string, T>> choices;
  for (const EnumEntry& entry : EnumValues(type)) {
    choices.emplace_back(entry.name, static_cast<T>(entry.value));
  }
  return choices;
}

// Setters for the option tables.

// Stores what parse(name, text) returns (a Result), as *into's type.
template <typename Into, typename Parse>
OptionSetter Store(Into* into, Parse parse) {
  return [into, parse](const std::string& name, const std::string& text) -> Status {
    auto parsed = parse(name, text);
    if (!parsed.ok()) return parsed.status();
    *into = static_cast<Into>(*parsed);
    return OkStatus();
  };
}

// Stores the number `parse` reads (ParseDouble, ParseInt) unless `problem`
// says what is wrong with it: then the usage error "--name: <problem>".
template <typename T, typename Into>
OptionSetter Checked(Into* into, Result<T> (*parse)(const std::string&, const std::string&),
                     std::string (*problem)(T number, const std::string& text)) {
  return Store(into, [parse, problem](const std::string& name, const std::string& text) {
    Result<T> parsed = parse(name, text);
    if (!parsed.ok()) return parsed;
    const std::string wrong = problem(*parsed, text);
    if (wrong.empty()) return parsed;
    return Result<T>(InvalidArgument("--" + name + ": " + wrong));
  });
}
OptionSetter Flag(bool* into);
// Any text but "" ("--name: empty <what>").
OptionSetter NonEmpty(std::string* into, const std::string& what);
// "--by a,b --by c" -> {a, b, c}; an empty or repeated name is an error.
OptionSetter Names(std::vector<std::string>* into);
OptionSetter Delimiter(char* into);
// A number of bytes, or of KiB, MiB or GiB with a K, M or G suffix; 0 is no limit.
OptionSetter MaxBytes(uint64_t* into);
// A confidence level strictly between 0 and 1.
OptionSetter Level(double* into);
// table, json and, with allow_csv, csv.
OptionSetter Format(OutputFormat* into, bool allow_csv);
template <typename Into>
OptionSetter IntIn(Into* into, int64_t lo, int64_t hi) {
  return Store(into, [lo, hi](const std::string& name, const std::string& text) {
    return ParseIntIn(name, text, lo, hi);
  });
}
// A number > 0 ("--name: V must be positive").
OptionSetter Positive(std::optional<double>* into);
template <typename T>
OptionSetter Choice(T* into, std::vector<std::pair<std::string, T>> choices) {
  return [into, choices = std::move(choices)](const std::string& name, const std::string& value) {
    Result<T> chosen = ParseChoice(name, value, choices);
    if (!chosen.ok()) return chosen.status();
    *into = *chosen;
    return OkStatus();
  };
}

// --`name` NAME: a column of the input, any name but "" ("--name: empty
// column name").
OptionSpec ColumnOption(const char* name, const char* help, std::string* into);

// Options several commands share, with the help they share.
OptionSpec ScoreColumnOption(std::string* into);
OptionSpec WeightColumnOption(std::string* into);
OptionSpec SkipBadRowsOption(bool* into);
OptionSpec DelimiterOption(char* into);
// --decimal, --time-format and --encoding (CsvOptions::decimal, time_format,
// encoding): every command that reads a CSV lists them through
// AddCsvDialectOptions (dialect.hpp), not one by one.
OptionSpec DecimalOption(char* into);
OptionSpec TimeFormatOption(std::string* into);
OptionSpec EncodingOption(std::string* into);
OptionSpec LevelOption(double* into);
OptionSpec MaxBytesOption(uint64_t* into);  // of FILE alone

// --metric, --scale and --box, shared by score, trend and themes. The metric
// is set at once; scale and box wait until FinishMetric applies them after
// the metric, whatever their order on the line.
struct MetricArgs {
  MetricArgs(std::string* metric_name, Metric* metric_set)
      : name(metric_name), metric(metric_set) {}
  std::string* name;
  Metric* metric;
  std::optional<std::string> scale;
  std::optional<int> box;
};
// Their entries; a scale or box without help is accepted but not listed (the
// command's --metric help mentions it).
OptionSpec MetricOption(MetricArgs* metric, const char* help);
OptionSpec ScaleOption(MetricArgs* metric, const char* help = nullptr);
OptionSpec BoxOption(MetricArgs* metric, const char* help = nullptr);
Status FinishMetric(const MetricArgs& metric);

}  // namespace candor::cli

#endif  // CANDOR_CLI_OPTION_VALUES_HPP_
