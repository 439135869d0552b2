#include "args.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace candor::cli {
namespace {

// One "--name value" or "--name=value" option, or a bare flag.
struct Option {
  std::string name;
  std::optional<std::string> value;
};

// Walks argv: positional arguments and options, with their values.
class Tokens {
 public:
  explicit Tokens(const std::vector<std::string>& args) : args_(args) {}

  bool done() const { return next_ >= args_.size(); }
  const std::string& Peek() const { return args_[next_]; }
  std::string Take() { return args_[next_++]; }

  // The value of an option whose name was just taken: inline or the next word.
  Result<std::string> Value(const Option& option) {
    if (option.value) return *option.value;
    if (done()) return InvalidArgument("option --" + option.name + " needs a value");
    return Take();
  }

 private:
  const std::vector<std::string>& args_;
  size_t next_ = 0;
};

Option SplitOption(const std::string& word) {
  Option option;
  std::string body = word.substr(2);
  size_t eq = body.find('=');
  if (eq == std::string::npos) {
    option.name = body;
  } else {
    option.name = body.substr(0, eq);
    option.value = body.substr(eq + 1);
  }
  return option;
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

Result<OutputFormat> ParseFormat(const std::string& text, bool allow_csv) {
  if (text == "table") return OutputFormat::kTable;
  if (text == "json") return OutputFormat::kJson;
  if (text == "csv" && allow_csv) return OutputFormat::kCsv;
  return InvalidArgument("--format: '" + text + "' is not one of table, json" +
                         (allow_csv ? ", csv" : ""));
}

Result<char> ParseDelimiter(const std::string& text) {
  if (text == "\\t" || text == "tab") return '\t';
  if (text.size() != 1 || text[0] == '"' || text[0] == '\n' || text[0] == '\r') {
    return InvalidArgument("--delimiter: '" + text +
                           "' must be one character other than a quote or line break");
  }
  return text[0];
}

// "--by a,b --by c" -> {a, b, c}; empty names are errors.
Status AppendColumns(const std::string& text, std::vector<std::string>* columns) {
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    std::string name =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (name.empty()) return InvalidArgument("--by: empty column name in '" + text + "'");
    for (const std::string& seen : *columns) {
      if (seen == name) return InvalidArgument("--by: column '" + name + "' given twice");
    }
    columns->push_back(name);
    if (comma == std::string::npos) return OkStatus();
    start = comma + 1;
  }
}

Result<Metric> MetricByName(const std::string& name) {
  if (name == "nps") return Metric::Nps();
  if (name == "csat") return Metric::Csat();
  if (name == "ces") return Metric::Ces();
  if (name == "ces_agree") return Metric::CesAgree();
  if (name == "topbox") return Metric::TopBox(0, 10, 2);
  if (name == "bottombox") return Metric::BottomBox(0, 10, 2);
  if (name == "mean") return Metric::Mean(0, 10);
  return InvalidArgument("--metric: '" + name +
                         "' is not one of nps, csat, ces, ces_agree, topbox, bottombox, mean");
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

Result<IntervalMethod> ParseInterval(const std::string& text) {
  if (text == "wald") return IntervalMethod::kWald;
  if (text == "adjusted_wald") return IntervalMethod::kAdjustedWald;
  if (text == "bayes") return IntervalMethod::kBayes;
  if (text == "bootstrap") return IntervalMethod::kBootstrap;
  return InvalidArgument("--interval: '" + text +
                         "' is not one of wald, adjusted_wald, bayes, bootstrap");
}

Result<PAdjust> ParsePAdjust(const std::string& text) {
  if (text == "holm") return PAdjust::kHolm;
  if (text == "bh") return PAdjust::kBenjaminiHochberg;
  if (text == "none") return PAdjust::kNone;
  return InvalidArgument("--p-adjust: '" + text + "' is not one of holm, bh, none");
}

Result<double> ParseLevel(const std::string& text) {
  Result<double> level = ParseDouble("level", text);
  if (!level.ok()) return level;
  if (!(*level > 0 && *level < 1)) {
    return InvalidArgument("--level: " + text + " must be strictly between 0 and 1");
  }
  return level;
}

// Handles the options common to score and report. Returns true in *used when
// the option was one of them.
Status ParseInputOption(const Option& option, Tokens& tokens, InputArgs* input, bool* used) {
  *used = true;
  if (option.name == "skip-bad-rows") {
    if (option.value) return InvalidArgument("--skip-bad-rows takes no value");
    input->skip_bad_rows = true;
    return OkStatus();
  }
  if (option.name != "score-column" && option.name != "weight-column" &&
      option.name != "delimiter") {
    *used = false;
    return OkStatus();
  }
  Result<std::string> value = tokens.Value(option);
  if (!value.ok()) return value.status();
  if (option.name == "delimiter") {
    Result<char> d = ParseDelimiter(*value);
    if (!d.ok()) return d.status();
    input->delimiter = *d;
    return OkStatus();
  }
  if (value->empty()) return InvalidArgument("--" + option.name + ": empty column name");
  (option.name == "score-column" ? input->score_column : input->weight_column) = *value;
  return OkStatus();
}

Status SetPositional(const std::string& word, InputArgs* input) {
  if (!input->file.empty()) {
    return InvalidArgument("unexpected argument '" + word + "' (one FILE only)");
  }
  if (word.empty()) return InvalidArgument("FILE is an empty string");
  input->file = word;
  return OkStatus();
}

Result<Command> ParseScore(Tokens& tokens) {
  Command command;
  command.kind = Command::Kind::kScore;
  ScoreArgs& args = command.score;
  std::optional<std::string> scale;
  std::optional<int> box;
  while (!tokens.done()) {
    std::string word = tokens.Take();
    if (word == "--help" || word == "-h") {
      command.kind = Command::Kind::kHelp;
      command.help_topic = "score";
      return command;
    }
    if (word.size() < 2 || word.compare(0, 2, "--") != 0 || word == "--") {
      if (word.size() > 1 && word[0] == '-') {
        return InvalidArgument("unknown option '" + word + "' for score");
      }
      CANDOR_RETURN_IF_ERROR(SetPositional(word, &args.input));
      continue;
    }
    Option option = SplitOption(word);
    bool used = false;
    CANDOR_RETURN_IF_ERROR(ParseInputOption(option, tokens, &args.input, &used));
    if (used) continue;
    if (option.name != "metric" && option.name != "scale" && option.name != "box" &&
        option.name != "by" && option.name != "interval" && option.name != "level" &&
        option.name != "seed" && option.name != "replicates" && option.name != "p-adjust" &&
        option.name != "format") {
      return InvalidArgument("unknown option '--" + option.name + "' for score");
    }
    Result<std::string> value = tokens.Value(option);
    if (!value.ok()) return value.status();
    if (option.name == "metric") {
      Result<Metric> metric = MetricByName(*value);
      if (!metric.ok()) return metric.status();
      args.metric_name = *value;
      args.metric = *metric;
    } else if (option.name == "scale") {
      scale = *value;
    } else if (option.name == "box") {
      Result<int> k = ParseIntIn("box", *value, 1, 1000);
      if (!k.ok()) return k.status();
      box = *k;
    } else if (option.name == "by") {
      CANDOR_RETURN_IF_ERROR(AppendColumns(*value, &args.by));
    } else if (option.name == "interval") {
      Result<IntervalMethod> m = ParseInterval(*value);
      if (!m.ok()) return m.status();
      args.interval.method = *m;
    } else if (option.name == "level") {
      Result<double> level = ParseLevel(*value);
      if (!level.ok()) return level.status();
      args.interval.level = *level;
    } else if (option.name == "seed") {
      Result<int64_t> seed = ParseInt("seed", *value);
      if (!seed.ok()) return seed.status();
      if (*seed < 0) return InvalidArgument("--seed: must not be negative");
      args.interval.seed = static_cast<uint64_t>(*seed);
    } else if (option.name == "replicates") {
      Result<int> r = ParseIntIn("replicates", *value, 100, 10000000);
      if (!r.ok()) return r.status();
      args.interval.replicates = *r;
    } else if (option.name == "p-adjust") {
      Result<PAdjust> p = ParsePAdjust(*value);
      if (!p.ok()) return p.status();
      args.p_adjust = *p;
    } else {
      Result<OutputFormat> f = ParseFormat(*value, /*allow_csv=*/true);
      if (!f.ok()) return f.status();
      args.format = *f;
    }
  }
  if (args.input.file.empty()) return InvalidArgument("score needs a FILE (a CSV file)");
  // Scale and box apply after the metric, whatever their order on the line.
  if (scale) CANDOR_RETURN_IF_ERROR(ParseScale(*scale, &args.metric));
  if (box) args.metric.box_size = *box;
  Status valid = args.metric.Validate();
  if (!valid.ok()) return InvalidArgument("--metric/--scale/--box: " + valid.message());
  valid = args.interval.Validate();
  if (!valid.ok()) return InvalidArgument(valid.message());
  return command;
}

Result<Command> ParseReport(Tokens& tokens) {
  Command command;
  command.kind = Command::Kind::kReport;
  ReportArgs& args = command.report;
  while (!tokens.done()) {
    std::string word = tokens.Take();
    if (word == "--help" || word == "-h") {
      command.kind = Command::Kind::kHelp;
      command.help_topic = "report";
      return command;
    }
    if (word.size() < 2 || word.compare(0, 2, "--") != 0 || word == "--") {
      if (word.size() > 1 && word[0] == '-') {
        return InvalidArgument("unknown option '" + word + "' for report");
      }
      CANDOR_RETURN_IF_ERROR(SetPositional(word, &args.input));
      continue;
    }
    Option option = SplitOption(word);
    bool used = false;
    CANDOR_RETURN_IF_ERROR(ParseInputOption(option, tokens, &args.input, &used));
    if (used) continue;
    if (option.name == "unweighted") {
      if (option.value) return InvalidArgument("--unweighted takes no value");
      args.unweighted = true;
      continue;
    }
    if (option.name != "time-column" && option.name != "by" && option.name != "level" &&
        option.name != "format") {
      return InvalidArgument("unknown option '--" + option.name + "' for report");
    }
    Result<std::string> value = tokens.Value(option);
    if (!value.ok()) return value.status();
    if (option.name == "time-column") {
      if (value->empty()) return InvalidArgument("--time-column: empty column name");
      args.time_column = *value;
    } else if (option.name == "by") {
      CANDOR_RETURN_IF_ERROR(AppendColumns(*value, &args.by));
    } else if (option.name == "level") {
      Result<double> level = ParseLevel(*value);
      if (!level.ok()) return level.status();
      args.level = *level;
    } else {
      Result<OutputFormat> f = ParseFormat(*value, /*allow_csv=*/false);
      if (!f.ok()) return f.status();
      args.format = *f;
    }
  }
  if (args.unweighted && !args.input.weight_column.empty()) {
    return InvalidArgument("--unweighted and --weight-column contradict each other");
  }
  return command;
}

}  // namespace

Result<Command> ParseCommandLine(const std::vector<std::string>& args) {
  Tokens tokens(args);
  Command command;
  if (tokens.done()) {
    return InvalidArgument("no command given (try 'candor --help')");
  }
  std::string first = tokens.Take();
  if (first == "--version" || first == "-V" || first == "version") {
    if (!tokens.done()) return InvalidArgument("--version takes no arguments");
    command.kind = Command::Kind::kVersion;
    return command;
  }
  if (first == "--help" || first == "-h" || first == "help") {
    command.kind = Command::Kind::kHelp;
    if (!tokens.done()) command.help_topic = tokens.Take();
    if (!tokens.done()) return InvalidArgument("help takes at most one topic");
    if (!command.help_topic.empty() && command.help_topic != "score" &&
        command.help_topic != "report") {
      return InvalidArgument("no help for '" + command.help_topic + "' (topics: score, report)");
    }
    return command;
  }
  if (first == "score") return ParseScore(tokens);
  if (first == "report") return ParseReport(tokens);
  return InvalidArgument("unknown command '" + first + "' (commands: score, report, help)");
}

}  // namespace candor::cli
