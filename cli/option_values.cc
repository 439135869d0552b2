#include "option_values.hpp"

#include <candor/trend_buckets.hpp>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "metric_choices.hpp"

namespace candor::cli {
namespace {

Result<char> ParseDelimiter(const std::string& text) {
  if (text == "\\t" || text == "tab") return '\t';
  if (text.size() != 1 || text[0] == '"' || text[0] == '\n' || text[0] == '\r') {
    return InvalidArgument("--delimiter: '" + text +
                           "' must be one character other than a quote or line break");
  }
  return text[0];
}

Result<uint64_t> ParseMaxBytes(const std::string& text) {
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  int shift = 0;
  if (digits + 1 == text.size()) {
    const char unit = text[digits];
    shift = unit == 'K' || unit == 'k'   ? 10
            : unit == 'M' || unit == 'm' ? 20
            : unit == 'G' || unit == 'g' ? 30
                                         : -1;
  }
  if (digits == 0 || shift < 0 || (shift == 0 && digits != text.size())) {
    return InvalidArgument("--max-bytes: '" + text +
                           "' is not a size in bytes (e.g. 1000000, 64K, 500M, 2G)");
  }
  uint64_t value = 0;
  for (size_t i = 0; i < digits; ++i) {
    const uint64_t digit = static_cast<uint64_t>(text[i] - '0');
    if (value > (UINT64_MAX - digit) / 10) {
      return InvalidArgument("--max-bytes: '" + text + "' is too large");
    }
    value = value * 10 + digit;
  }
  if (value > (UINT64_MAX >> shift)) {
    return InvalidArgument("--max-bytes: '" + text + "' is too large");
  }
  return value << shift;
}

Status AppendNames(const std::string& option, const std::string& text,
                   std::vector<std::string>* columns) {
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    std::string name =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (name.empty()) {
      return InvalidArgument("--" + option + ": empty column name in '" + text + "'");
    }
    for (const std::string& seen : *columns) {
      if (seen == name) {
        return InvalidArgument("--" + option + ": column '" + name + "' given twice");
      }
    }
    columns->push_back(name);
    if (comma == std::string::npos) return OkStatus();
    start = comma + 1;
  }
}

Status ParseScale(const std::string& text, Metric* metric) {
  size_t colon = text.find(':');
  if (colon == std::string::npos) {
    return InvalidArgument("--scale: '" + text + "' is not MIN:MAX (e.g. 1:5)");
  }
  Result<int> lo = ParseIntIn("scale", text.substr(0, colon), -100000, 100000);
  if (!lo.ok()) return lo.status();
  Result<int> hi = ParseIntIn("scale", text.substr(colon + 1), -100000, 100000);
  if (!hi.ok()) return hi.status();
  metric->scale_min = *lo;
  metric->scale_max = *hi;
  return OkStatus();
}

}  // namespace

Status SetTimeZone(const std::string& value, std::string* time_zone) {
  if (value.empty()) return InvalidArgument("--tz: empty time zone name");
  BucketOptions zone;
  zone.time_zone = value;
  const Status form = zone.Validate();
  if (!form.ok()) return InvalidArgument("--tz: " + form.message());
  *time_zone = value;
  return OkStatus();
}

Result<double> ParseDouble(const std::string& name, const std::string& text) {
  if (text.empty()) return InvalidArgument("--" + name + ": empty value");
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (*end != '\0' || errno == ERANGE || !std::isfinite(v)) {
    return InvalidArgument("--" + name + ": '" + text + "' is not a number");
  }
  return v;
}

Result<int64_t> ParseInt(const std::string& name, const std::string& text) {
  if (text.empty()) return InvalidArgument("--" + name + ": empty value");
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (*end != '\0' || errno == ERANGE) {
    return InvalidArgument("--" + name + ": '" + text + "' is not an integer");
  }
  return static_cast<int64_t>(v);
}

Result<int> ParseIntIn(const std::string& name, const std::string& text, int64_t lo, int64_t hi) {
  Result<int64_t> v = ParseInt(name, text);
  if (!v.ok()) return v.status();
  if (*v < lo || *v > hi) {
    return InvalidArgument("--" + name + ": " + text + " is outside " + std::to_string(lo) + ".." +
                           std::to_string(hi));
  }
  return static_cast<int>(*v);
}

OptionSetter Flag(bool* into) {
  return [into](const std::string&, const std::string&) {
    *into = true;
    return OkStatus();
  };
}

OptionSetter NonEmpty(std::string* into, const std::string& what) {
  return [into, what](const std::string& name, const std::string& value) {
    if (value.empty()) return InvalidArgument("--" + name + ": empty " + what);
    *into = value;
    return OkStatus();
  };
}

OptionSetter Names(std::vector<std::string>* into) {
  return [into](const std::string& name, const std::string& value) {
    return AppendNames(name, value, into);
  };
}

OptionSetter Delimiter(char* into) {
  return Store(into, [](const std::string&, const std::string& v) { return ParseDelimiter(v); });
}

OptionSetter MaxBytes(uint64_t* into) {
  return Store(into, [](const std::string&, const std::string& v) { return ParseMaxBytes(v); });
}

OptionSetter Level(double* into) {
  return Store(into, [](const std::string&, const std::string& text) {
    Result<double> level = ParseDouble("level", text);
    if (level.ok() && !(*level > 0 && *level < 1)) {
      return Result<double>(
          InvalidArgument("--level: " + text + " must be strictly between 0 and 1"));
    }
    return level;
  });
}

OptionSetter Format(OutputFormat* into, bool allow_csv) {
  std::vector<std::pair<std::string, OutputFormat>> formats = {{"table", OutputFormat::kTable},
                                                               {"json", OutputFormat::kJson}};
  if (allow_csv) formats.emplace_back("csv", OutputFormat::kCsv);
  return Choice(into, std::move(formats));
}

OptionSetter Positive(std::optional<double>* into) {
  return Checked<double>(into, ParseDouble, [](double number, const std::string& text) {
    return number > 0 ? std::string() : text + " must be positive";
  });
}

OptionSpec ColumnOption(const char* name, const char* help, std::string* into) {
  return {name, "NAME", help, NonEmpty(into, "column name")};
}

OptionSpec ScoreColumnOption(std::string* into) {
  return ColumnOption("score-column", "column of scores (default: score)", into);
}

OptionSpec WeightColumnOption(std::string* into) {
  return ColumnOption("weight-column", "column of weights (default: unweighted)", into);
}

OptionSpec SkipBadRowsOption(bool* into) {
  return {"skip-bad-rows", nullptr, "skip (and count) rows that cannot be read", Flag(into)};
}

OptionSpec DelimiterOption(char* into) {
  return {"delimiter", "C", "field delimiter (default ',')", Delimiter(into)};
}

OptionSpec DecimalOption(char* into) {
  OptionSetter set = [into](const std::string&, const std::string& value) {
    if (value != "." && value != ",") {
      return InvalidArgument("--decimal: '" + value + "' must be '.' or ','");
    }
    *into = value[0];
    return OkStatus();
  };
  return {"decimal", "C", "decimal separator of numbers: '.' (default) or ','\n(8,5)",
          std::move(set)};
}

OptionSpec TimeFormatOption(std::string* into) {
  return {"time-format", "F",
          "strftime-style format of the time column, e.g.\n"
          "'%d.%m.%Y %H:%M' (default: ISO 8601 or epoch\n"
          "seconds); UTC unless the format has %z",
          NonEmpty(into, "format")};
}

OptionSpec EncodingOption(std::string* into) {
  return {"encoding", "E",
          "the file's encoding, e.g. windows-1252, latin1\n"
          "(default UTF-8); transcoded with ICU",
          NonEmpty(into, "encoding name")};
}

OptionSpec LevelOption(double* into) {
  return {"level", "L", "confidence level in (0, 1) (default 0.95)", Level(into)};
}

OptionSpec MaxBytesOption(uint64_t* into) {
  return {"max-bytes", "N",
          "refuse FILE if larger than N bytes; K, M, G suffixes\n"
          "for KiB, MiB, GiB (default 0: no limit)",
          MaxBytes(into)};
}

OptionSpec MetricOption(MetricArgs* metric, const char* help) {
  OptionSetter set = [metric](const std::string&, const std::string& value) {
    Result<Metric> parsed = ParseChoice("metric", value, MetricChoiceList());
    if (!parsed.ok()) return parsed.status();
    *metric->name = value;
    *metric->metric = *parsed;
    return OkStatus();
  };
  return {"metric", "M", help, std::move(set)};
}

OptionSpec ScaleOption(MetricArgs* metric, const char* help) {
  OptionSetter set = [metric](const std::string&, const std::string& value) {
    metric->scale = value;
    return OkStatus();
  };
  return {"scale", "MIN:MAX", help, std::move(set)};
}

OptionSpec BoxOption(MetricArgs* metric, const char* help) {
  OptionSetter set = [metric](const std::string&, const std::string& value) {
    Result<int> k = ParseIntIn("box", value, 1, 1000);
    if (!k.ok()) return k.status();
    metric->box = *k;
    return OkStatus();
  };
  return {"box", "K", help, std::move(set)};
}

Status FinishMetric(const MetricArgs& metric) {
  if (metric.scale) CANDOR_RETURN_IF_ERROR(ParseScale(*metric.scale, metric.metric));
  if (metric.box) metric.metric->box_size = *metric.box;
  Status valid = metric.metric->Validate();
  if (!valid.ok()) return InvalidArgument("--metric/--scale/--box: " + valid.message());
  return OkStatus();
}

}  // namespace candor::cli
