#include "args.h"

#include <candor/trend_buckets.hpp>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
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

// The value of --`option` named by `text` among `choices`; the error lists
// the choices in the order given.
template <typename T>
Result<T> ParseChoice(const std::string& option, const std::string& text,
                      std::initializer_list<std::pair<const char*, T>> choices) {
  std::string listed;
  for (const auto& [name, value] : choices) {
    if (text == name) return value;
    listed += (listed.empty() ? "" : ", ") + std::string(name);
  }
  return InvalidArgument("--" + option + ": '" + text + "' is not one of " + listed);
}

Result<OutputFormat> ParseFormat(const std::string& text, bool allow_csv) {
  if (!allow_csv) {
    return ParseChoice<OutputFormat>(
        "format", text, {{"table", OutputFormat::kTable}, {"json", OutputFormat::kJson}});
  }
  return ParseChoice<OutputFormat>("format", text,
                                   {{"table", OutputFormat::kTable},
                                    {"json", OutputFormat::kJson},
                                    {"csv", OutputFormat::kCsv}});
}

Result<char> ParseDelimiter(const std::string& text) {
  if (text == "\\t" || text == "tab") return '\t';
  if (text.size() != 1 || text[0] == '"' || text[0] == '\n' || text[0] == '\r') {
    return InvalidArgument("--delimiter: '" + text +
                           "' must be one character other than a quote or line break");
  }
  return text[0];
}

// --max-bytes: a number of bytes, or of KiB, MiB or GiB with a K, M or G
// suffix; 0 is no limit.
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

// "--by a,b --by c" -> {a, b, c}; empty names are errors.
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

Result<Metric> MetricByName(const std::string& name) {
  return ParseChoice<Metric>("metric", name,
                             {{"nps", Metric::Nps()},
                              {"csat", Metric::Csat()},
                              {"ces", Metric::Ces()},
                              {"ces_agree", Metric::CesAgree()},
                              {"topbox", Metric::TopBox(0, 10, 2)},
                              {"bottombox", Metric::BottomBox(0, 10, 2)},
                              {"mean", Metric::Mean(0, 10)}});
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
  return ParseChoice<IntervalMethod>("interval", text,
                                     {{"wald", IntervalMethod::kWald},
                                      {"adjusted_wald", IntervalMethod::kAdjustedWald},
                                      {"bayes", IntervalMethod::kBayes},
                                      {"bootstrap", IntervalMethod::kBootstrap}});
}

Result<PAdjust> ParsePAdjust(const std::string& text) {
  return ParseChoice<PAdjust>(
      "p-adjust", text,
      {{"holm", PAdjust::kHolm}, {"bh", PAdjust::kBenjaminiHochberg}, {"none", PAdjust::kNone}});
}

// --metric, --scale and --box, shared by score and trend. The metric is set
// at once; scale and box wait in `pending` until FinishMetric applies them
// after the metric, whatever their order on the line.
struct PendingMetric {
  std::optional<std::string> scale;
  std::optional<int> box;
};

bool IsMetricOption(const std::string& name) {
  return name == "metric" || name == "scale" || name == "box";
}

Status ParseMetricOption(const Option& option, const std::string& value, std::string* metric_name,
                         Metric* metric, PendingMetric* pending) {
  if (option.name == "metric") {
    Result<Metric> parsed = MetricByName(value);
    if (!parsed.ok()) return parsed.status();
    *metric_name = value;
    *metric = *parsed;
  } else if (option.name == "scale") {
    pending->scale = value;
  } else {
    Result<int> k = ParseIntIn("box", value, 1, 1000);
    if (!k.ok()) return k.status();
    pending->box = *k;
  }
  return OkStatus();
}

Status FinishMetric(const PendingMetric& pending, Metric* metric) {
  if (pending.scale) CANDOR_RETURN_IF_ERROR(ParseScale(*pending.scale, metric));
  if (pending.box) metric->box_size = *pending.box;
  Status valid = metric->Validate();
  if (!valid.ok()) return InvalidArgument("--metric/--scale/--box: " + valid.message());
  return OkStatus();
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
      option.name != "delimiter" && option.name != "max-bytes") {
    *used = false;
    return OkStatus();
  }
  Result<std::string> value = tokens.Value(option);
  if (!value.ok()) return value.status();
  if (option.name == "max-bytes") {
    Result<uint64_t> max_bytes = ParseMaxBytes(*value);
    if (!max_bytes.ok()) return max_bytes.status();
    input->max_bytes = *max_bytes;
    return OkStatus();
  }
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

// The one positional argument of every command: its FILE.
Status SetPositional(const std::string& word, std::string* file) {
  if (!file->empty()) {
    return InvalidArgument("unexpected argument '" + word + "' (one FILE only)");
  }
  if (word.empty()) return InvalidArgument("FILE is an empty string");
  *file = word;
  return OkStatus();
}

// One word of a command's line: --help (or -h), an option, or a positional
// argument.
struct Word {
  enum class Kind { kHelp, kOption, kPositional };
  Kind kind = Kind::kPositional;
  std::string text;
  Option option;  // kOption: the option split into name and value
};

// Takes the next word of `command`'s line. A lone "-" is positional; any
// other word starting with '-' that is not "--name[=value]" is an unknown
// option.
Result<Word> TakeWord(Tokens& tokens, const std::string& command) {
  Word word;
  word.text = tokens.Take();
  const std::string& text = word.text;
  if (text == "--help" || text == "-h") {
    word.kind = Word::Kind::kHelp;
  } else if (text.size() < 2 || text.compare(0, 2, "--") != 0 || text == "--") {
    if (text.size() > 1 && text[0] == '-') {
      return InvalidArgument("unknown option '" + text + "' for " + command);
    }
    word.kind = Word::Kind::kPositional;
  } else {
    word.kind = Word::Kind::kOption;
    word.option = SplitOption(text);
  }
  return word;
}

Command HelpCommand(const std::string& topic) {
  Command command;
  command.kind = Command::Kind::kHelp;
  command.help_topic = topic;
  return command;
}

Result<Command> ParseScore(Tokens& tokens) {
  Command command;
  command.kind = Command::Kind::kScore;
  ScoreArgs& args = command.score;
  PendingMetric pending;
  while (!tokens.done()) {
    Result<Word> word = TakeWord(tokens, "score");
    if (!word.ok()) return word.status();
    if (word->kind == Word::Kind::kHelp) return HelpCommand("score");
    if (word->kind == Word::Kind::kPositional) {
      CANDOR_RETURN_IF_ERROR(SetPositional(word->text, &args.input.file));
      continue;
    }
    const Option& option = word->option;
    bool used = false;
    CANDOR_RETURN_IF_ERROR(ParseInputOption(option, tokens, &args.input, &used));
    if (used) continue;
    if (!IsMetricOption(option.name) && option.name != "by" && option.name != "interval" &&
        option.name != "level" && option.name != "seed" && option.name != "replicates" &&
        option.name != "p-adjust" && option.name != "format" && option.name != "population" &&
        option.name != "margin" && option.name != "calibration" &&
        option.name != "account-column") {
      return InvalidArgument("unknown option '--" + option.name + "' for score");
    }
    Result<std::string> value = tokens.Value(option);
    if (!value.ok()) return value.status();
    if (IsMetricOption(option.name)) {
      CANDOR_RETURN_IF_ERROR(
          ParseMetricOption(option, *value, &args.metric_name, &args.metric, &pending));
    } else if (option.name == "by") {
      CANDOR_RETURN_IF_ERROR(AppendNames("by", *value, &args.by));
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
    } else if (option.name == "population") {
      if (value->empty()) return InvalidArgument("--population: empty file name");
      args.population = *value;
    } else if (option.name == "margin") {
      CANDOR_RETURN_IF_ERROR(AppendNames("margin", *value, &args.margins));
    } else if (option.name == "calibration") {
      if (*value != "rake" && *value != "poststratify") {
        return InvalidArgument("--calibration: '" + *value + "' is not one of rake, poststratify");
      }
      args.post_stratify = *value == "poststratify";
    } else if (option.name == "account-column") {
      if (value->empty()) return InvalidArgument("--account-column: empty column name");
      args.account_column = *value;
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
  CANDOR_RETURN_IF_ERROR(FinishMetric(pending, &args.metric));
  Status valid = args.interval.Validate();
  if (!valid.ok()) return InvalidArgument(valid.message());
  if (!args.population.empty() && args.margins.empty()) {
    return InvalidArgument("--population needs at least one --margin COLUMN to rake to");
  }
  if (args.population.empty() && !args.margins.empty()) {
    return InvalidArgument("--margin needs --population FILE (the invited population)");
  }
  if (args.design() && args.interval.method != IntervalMethod::kWald) {
    return InvalidArgument(
        "--population / --account-column: only --interval wald is defined "
        "for a design with calibration or clusters");
  }
  return command;
}

Result<Command> ParseReport(Tokens& tokens) {
  Command command;
  command.kind = Command::Kind::kReport;
  ReportArgs& args = command.report;
  while (!tokens.done()) {
    Result<Word> word = TakeWord(tokens, "report");
    if (!word.ok()) return word.status();
    if (word->kind == Word::Kind::kHelp) return HelpCommand("report");
    if (word->kind == Word::Kind::kPositional) {
      CANDOR_RETURN_IF_ERROR(SetPositional(word->text, &args.input.file));
      continue;
    }
    const Option& option = word->option;
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
      CANDOR_RETURN_IF_ERROR(AppendNames("by", *value, &args.by));
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

Result<WeightMethod> ParseWeightMethod(const std::string& text) {
  return ParseChoice<WeightMethod>("method", text,
                                   {{"rake", WeightMethod::kRake},
                                    {"poststratify", WeightMethod::kPostStratify},
                                    {"ipw", WeightMethod::kIpw},
                                    {"recency", WeightMethod::kRecency},
                                    {"accounts", WeightMethod::kAccounts}});
}

Result<AccountMode> ParseAccountMode(const std::string& text) {
  return ParseChoice<AccountMode>("account-mode", text,
                                  {{"equal", AccountMode::kEqualPerAccount},
                                   {"per_response", AccountMode::kPerResponse},
                                   {"by_value", AccountMode::kByValue}});
}

// "champion=2" -> {"champion", 2}; the weight must be finite and >= 0.
Status AppendRoleWeight(const std::string& text,
                        std::vector<std::pair<std::string, double>>* role_weights) {
  size_t eq = text.rfind('=');
  if (eq == std::string::npos || eq == 0) {
    return InvalidArgument("--role-weight: '" + text + "' is not ROLE=WEIGHT (e.g. champion=2)");
  }
  std::string role = text.substr(0, eq);
  Result<double> weight = ParseDouble("role-weight", text.substr(eq + 1));
  if (!weight.ok()) return weight.status();
  if (*weight < 0) return InvalidArgument("--role-weight: " + text + " is negative");
  for (const auto& seen : *role_weights) {
    if (seen.first == role) return InvalidArgument("--role-weight: role '" + role + "' twice");
  }
  role_weights->emplace_back(role, *weight);
  return OkStatus();
}

Status CheckWeightArgs(const WeightArgs& args) {
  if (args.methods.empty()) {
    return InvalidArgument(
        "weight needs --method (rake, poststratify, ipw, recency or accounts; repeat to "
        "combine)");
  }
  const bool ipw = args.Has(WeightMethod::kIpw);
  if (ipw && !args.file.empty() && !args.population.empty()) {
    return InvalidArgument(
        "with --method ipw the respondents are the population's rows flagged by "
        "--responded-column: give the population as FILE or as --population, not both");
  }
  if (args.file.empty() && !(ipw && !args.population.empty())) {
    return InvalidArgument("weight needs a FILE (a CSV file of responses)");
  }
  if (args.Has(WeightMethod::kRake) && args.Has(WeightMethod::kPostStratify)) {
    return InvalidArgument("--method rake and --method poststratify both calibrate: choose one");
  }
  const bool calibrate = args.Has(WeightMethod::kRake) || args.Has(WeightMethod::kPostStratify);
  if (calibrate && args.population.empty()) {
    return InvalidArgument("rake/poststratify need --population FILE to count the margins from");
  }
  if (calibrate && args.margins.empty()) {
    return InvalidArgument("rake/poststratify need at least one --margin COLUMN");
  }
  if (!calibrate && !args.margins.empty()) {
    return InvalidArgument("--margin is for --method rake or poststratify");
  }
  if (!calibrate && !ipw && !args.population.empty()) {
    return InvalidArgument("--population is for --method rake, poststratify or ipw");
  }
  if (ipw && args.responded_column.empty()) {
    return InvalidArgument("--method ipw needs --responded-column NAME (0/1, yes/no, true/false)");
  }
  if (ipw && args.covariates.empty()) {
    return InvalidArgument("--method ipw needs at least one --covariate COLUMN");
  }
  if (!ipw && (!args.covariates.empty() || !args.responded_column.empty())) {
    return InvalidArgument("--covariate and --responded-column are for --method ipw");
  }
  const bool recency = args.Has(WeightMethod::kRecency);
  if (recency && !args.half_life_days) {
    return InvalidArgument("--method recency needs --half-life DAYS");
  }
  if (!recency && (args.half_life_days || !args.reference_time.empty())) {
    return InvalidArgument("--half-life and --reference-time are for --method recency");
  }
  const bool accounts = args.Has(WeightMethod::kAccounts);
  if (accounts && args.account_column.empty()) {
    return InvalidArgument("--method accounts needs --account-column NAME");
  }
  if (!accounts && (!args.account_column.empty() || !args.role_column.empty() ||
                    !args.value_column.empty() || !args.role_weights.empty())) {
    return InvalidArgument(
        "--account-column, --account-mode, --value-column, --role-column and --role-weight are "
        "for --method accounts");
  }
  if (accounts && (args.account_mode == AccountMode::kByValue) != !args.value_column.empty()) {
    return InvalidArgument(args.value_column.empty()
                               ? "--account-mode by_value needs --value-column NAME"
                               : "--value-column needs --account-mode by_value");
  }
  if (!args.role_weights.empty() && args.role_column.empty()) {
    return InvalidArgument("--role-weight needs --role-column NAME");
  }
  return OkStatus();
}

Result<Command> ParseWeight(Tokens& tokens) {
  Command command;
  command.kind = Command::Kind::kWeight;
  WeightArgs& args = command.weight;
  bool account_mode_given = false;
  while (!tokens.done()) {
    Result<Word> word = TakeWord(tokens, "weight");
    if (!word.ok()) return word.status();
    if (word->kind == Word::Kind::kHelp) return HelpCommand("weight");
    if (word->kind == Word::Kind::kPositional) {
      CANDOR_RETURN_IF_ERROR(SetPositional(word->text, &args.file));
      continue;
    }
    const Option& option = word->option;
    static const char* const kKnown[] = {
        "method",      "output",         "weight-name",        "format",
        "population",  "margin",         "covariate",          "responded-column",
        "ipw-penalty", "trim-ratio",     "half-life",          "reference-time",
        "time-column", "account-column", "account-mode",       "value-column",
        "role-column", "role-weight",    "base-weight-column", "delimiter",
        "max-bytes"};
    bool known = false;
    for (const char* name : kKnown) known = known || option.name == name;
    if (!known) return InvalidArgument("unknown option '--" + option.name + "' for weight");
    Result<std::string> value = tokens.Value(option);
    if (!value.ok()) return value.status();
    const std::string& name = option.name;
    if (name == "method") {
      Result<WeightMethod> method = ParseWeightMethod(*value);
      if (!method.ok()) return method.status();
      if (args.Has(*method)) return InvalidArgument("--method " + *value + " given twice");
      args.methods.push_back(*method);
    } else if (name == "format") {
      Result<OutputFormat> f = ParseFormat(*value, /*allow_csv=*/false);
      if (!f.ok()) return f.status();
      args.format = *f;
    } else if (name == "margin" || name == "covariate") {
      CANDOR_RETURN_IF_ERROR(
          AppendNames(name, *value, name == "margin" ? &args.margins : &args.covariates));
    } else if (name == "ipw-penalty" || name == "trim-ratio" || name == "half-life") {
      Result<double> number = ParseDouble(name, *value);
      if (!number.ok()) return number.status();
      if (name == "ipw-penalty") {
        if (*number < 0) return InvalidArgument("--ipw-penalty: must not be negative");
        args.ipw_penalty = *number;
      } else if (name == "trim-ratio") {
        if (!(*number > 1)) return InvalidArgument("--trim-ratio: " + *value + " must exceed 1");
        args.trim_ratio = *number;
      } else {
        if (!(*number > 0)) return InvalidArgument("--half-life: " + *value + " must be positive");
        args.half_life_days = *number;
      }
    } else if (name == "account-mode") {
      Result<AccountMode> mode = ParseAccountMode(*value);
      if (!mode.ok()) return mode.status();
      args.account_mode = *mode;
      account_mode_given = true;
    } else if (name == "role-weight") {
      CANDOR_RETURN_IF_ERROR(AppendRoleWeight(*value, &args.role_weights));
    } else if (name == "delimiter") {
      Result<char> d = ParseDelimiter(*value);
      if (!d.ok()) return d.status();
      args.delimiter = *d;
    } else if (name == "max-bytes") {
      Result<uint64_t> max_bytes = ParseMaxBytes(*value);
      if (!max_bytes.ok()) return max_bytes.status();
      args.max_bytes = *max_bytes;
    } else {
      if (value->empty()) return InvalidArgument("--" + name + ": empty value");
      std::string* target = name == "output"             ? &args.output
                            : name == "weight-name"      ? &args.weight_name
                            : name == "population"       ? &args.population
                            : name == "responded-column" ? &args.responded_column
                            : name == "reference-time"   ? &args.reference_time
                            : name == "time-column"      ? &args.time_column
                            : name == "account-column"   ? &args.account_column
                            : name == "value-column"     ? &args.value_column
                            : name == "role-column"      ? &args.role_column
                                                         : &args.base_weight_column;
      *target = *value;
    }
  }
  if (account_mode_given && !args.Has(WeightMethod::kAccounts)) {
    return InvalidArgument("--account-mode is for --method accounts");
  }
  CANDOR_RETURN_IF_ERROR(CheckWeightArgs(args));
  return command;
}

Result<TrendEvery> ParseEvery(const std::string& text) {
  return ParseChoice<TrendEvery>("every", text,
                                 {{"day", TrendEvery::kDay},
                                  {"week", TrendEvery::kWeek},
                                  {"month", TrendEvery::kMonth},
                                  {"quarter", TrendEvery::kQuarter}});
}

// A flag takes no value: "--accounts=yes" is a usage error, not a silent yes.
Status SetFlag(const Option& option, bool* flag) {
  if (option.value) return InvalidArgument("--" + option.name + " takes no value");
  *flag = true;
  return OkStatus();
}

Result<Command> ParseTrend(Tokens& tokens) {
  Command command;
  command.kind = Command::Kind::kTrend;
  TrendArgs& args = command.trend;
  PendingMetric pending;
  while (!tokens.done()) {
    Result<Word> word = TakeWord(tokens, "trend");
    if (!word.ok()) return word.status();
    if (word->kind == Word::Kind::kHelp) return HelpCommand("trend");
    if (word->kind == Word::Kind::kPositional) {
      CANDOR_RETURN_IF_ERROR(SetPositional(word->text, &args.input.file));
      continue;
    }
    const Option& option = word->option;
    bool used = false;
    CANDOR_RETURN_IF_ERROR(ParseInputOption(option, tokens, &args.input, &used));
    if (used) continue;
    if (option.name == "change-points") {
      CANDOR_RETURN_IF_ERROR(SetFlag(option, &args.change_points));
      continue;
    }
    if (option.name == "accounts") {
      CANDOR_RETURN_IF_ERROR(SetFlag(option, &args.rank_accounts));
      continue;
    }
    if (option.name != "every" && option.name != "time-column" && option.name != "tz" &&
        !IsMetricOption(option.name) && option.name != "by" && option.name != "account-column" &&
        option.name != "level" && option.name != "window-days" && option.name != "half-life-days" &&
        option.name != "penalty" && option.name != "format") {
      return InvalidArgument("unknown option '--" + option.name + "' for trend");
    }
    Result<std::string> value = tokens.Value(option);
    if (!value.ok()) return value.status();
    if (option.name == "every") {
      Result<TrendEvery> every = ParseEvery(*value);
      if (!every.ok()) return every.status();
      args.every = *every;
    } else if (option.name == "time-column") {
      if (value->empty()) return InvalidArgument("--time-column: empty column name");
      args.time_column = *value;
    } else if (option.name == "tz") {
      if (value->empty()) return InvalidArgument("--tz: empty time zone name");
      // The name's form is checked now, before the input is read; whether the
      // zone exists is known once it is loaded.
      BucketOptions zone;
      zone.time_zone = *value;
      const Status form = zone.Validate();
      if (!form.ok()) return InvalidArgument("--tz: " + form.message());
      args.time_zone = *value;
    } else if (IsMetricOption(option.name)) {
      CANDOR_RETURN_IF_ERROR(
          ParseMetricOption(option, *value, &args.metric_name, &args.metric, &pending));
    } else if (option.name == "by") {
      CANDOR_RETURN_IF_ERROR(AppendNames("by", *value, &args.by));
    } else if (option.name == "account-column") {
      if (value->empty()) return InvalidArgument("--account-column: empty column name");
      args.account_column = *value;
    } else if (option.name == "level") {
      Result<double> level = ParseLevel(*value);
      if (!level.ok()) return level.status();
      args.interval.level = *level;
    } else if (option.name == "window-days") {
      Result<int> days = ParseIntIn("window-days", *value, 1, 36500);
      if (!days.ok()) return days.status();
      args.window_days = *days;
    } else if (option.name == "half-life-days") {
      Result<double> days = ParseDouble("half-life-days", *value);
      if (!days.ok()) return days.status();
      if (!(*days > 0)) return InvalidArgument("--half-life-days: " + *value + " must be positive");
      args.half_life_days = *days;
    } else if (option.name == "penalty") {
      if (*value != "bic" && *value != "aic") {
        Result<double> manual = ParseDouble("penalty", *value);
        if (!manual.ok() || !(*manual > 0)) {
          return InvalidArgument("--penalty: '" + *value +
                                 "' is not bic, aic or a positive number");
        }
      }
      args.penalty = *value;
    } else {
      Result<OutputFormat> f = ParseFormat(*value, /*allow_csv=*/true);
      if (!f.ok()) return f.status();
      args.format = *f;
    }
  }
  if (args.input.file.empty()) return InvalidArgument("trend needs a FILE (a CSV file)");
  CANDOR_RETURN_IF_ERROR(FinishMetric(pending, &args.metric));
  if (args.by.size() > 1) {
    return InvalidArgument("--by: trend takes one segment column (got " +
                           std::to_string(args.by.size()) + ")");
  }
  if (args.rank_accounts && args.account_column.empty()) {
    return InvalidArgument("--accounts needs --account-column COLUMN (whose accounts to rank)");
  }
  return command;
}

// candor themes FILE [options].
Result<Command> ParseThemes(Tokens& tokens) {
  Command command;
  command.kind = Command::Kind::kThemes;
  ThemesArgs& args = command.themes;
  PendingMetric pending;
  while (!tokens.done()) {
    Result<Word> word = TakeWord(tokens, "themes");
    if (!word.ok()) return word.status();
    if (word->kind == Word::Kind::kHelp) return HelpCommand("themes");
    if (word->kind == Word::Kind::kPositional) {
      CANDOR_RETURN_IF_ERROR(SetPositional(word->text, &args.file));
      continue;
    }
    const Option& option = word->option;
    if (option.name == "repair-utf8") {
      CANDOR_RETURN_IF_ERROR(SetFlag(option, &args.repair_utf8));
      continue;
    }
    if (option.name == "replace-lexicon") {
      CANDOR_RETURN_IF_ERROR(SetFlag(option, &args.replace_lexicon));
      continue;
    }
    static const char* const kValued[] = {
        "text-column", "score-column", "delimiter", "metric", "scale", "box", "level",
        "taxonomy", "themes", "seed", "lexicon", "lexicon-format", "language", "time-column",
        "split", "urgent", "threads", "format", "max-bytes"};
    bool known = false;
    for (const char* name : kValued) known = known || option.name == name;
    if (!known) return InvalidArgument("unknown option '--" + option.name + "' for themes");
    Result<std::string> value = tokens.Value(option);
    if (!value.ok()) return value.status();
    const std::string& v = *value;
    auto column = [&](std::string* into) -> Status {
      if (v.empty()) return InvalidArgument("--" + option.name + ": empty column name");
      *into = v;
      return OkStatus();
    };
    if (option.name == "text-column") {
      CANDOR_RETURN_IF_ERROR(column(&args.text_column));
    } else if (option.name == "score-column") {
      CANDOR_RETURN_IF_ERROR(column(&args.score_column));
    } else if (option.name == "time-column") {
      CANDOR_RETURN_IF_ERROR(column(&args.time_column));
    } else if (option.name == "delimiter") {
      Result<char> d = ParseDelimiter(v);
      if (!d.ok()) return d.status();
      args.delimiter = *d;
    } else if (option.name == "max-bytes") {
      Result<uint64_t> max_bytes = ParseMaxBytes(v);
      if (!max_bytes.ok()) return max_bytes.status();
      args.max_bytes = *max_bytes;
    } else if (IsMetricOption(option.name)) {
      CANDOR_RETURN_IF_ERROR(
          ParseMetricOption(option, v, &args.metric_name, &args.metric, &pending));
    } else if (option.name == "level") {
      Result<double> level = ParseLevel(v);
      if (!level.ok()) return level.status();
      args.level = *level;
    } else if (option.name == "taxonomy" || option.name == "lexicon") {
      if (v.empty()) return InvalidArgument("--" + option.name + ": empty file name");
      (option.name == "taxonomy" ? args.taxonomy : args.lexicon) = v;
    } else if (option.name == "themes") {
      Result<int> k = ParseIntIn("themes", v, 1, 200);
      if (!k.ok()) return k.status();
      args.themes = *k;
    } else if (option.name == "seed") {
      Result<int64_t> seed = ParseInt("seed", v);
      if (!seed.ok()) return seed.status();
      if (*seed < 0) return InvalidArgument("--seed: " + v + " must be >= 0");
      args.seed = static_cast<uint64_t>(*seed);
    } else if (option.name == "lexicon-format") {
      if (v != "candor" && v != "vader" && v != "afinn") {
        return InvalidArgument("--lexicon-format: '" + v + "' is not one of candor, vader, afinn");
      }
      args.lexicon_format = v;
    } else if (option.name == "language") {
      if (v.empty()) return InvalidArgument("--language: empty language code");
      args.language = v;
    } else if (option.name == "split") {
      if (v.empty()) return InvalidArgument("--split: empty time");
      args.split = v;
    } else if (option.name == "urgent") {
      Result<int> count = ParseIntIn("urgent", v, 0, 1000000);
      if (!count.ok()) return count.status();
      args.urgent = *count;
    } else if (option.name == "threads") {
      Result<int> threads = ParseIntIn("threads", v, 0, 1024);
      if (!threads.ok()) return threads.status();
      args.threads = *threads;
    } else {
      Result<OutputFormat> f = ParseFormat(v, /*allow_csv=*/true);
      if (!f.ok()) return f.status();
      args.format = *f;
    }
  }
  if (args.file.empty()) return InvalidArgument("themes needs a FILE (a CSV file)");
  CANDOR_RETURN_IF_ERROR(FinishMetric(pending, &args.metric));
  if (!args.taxonomy.empty() && args.themes > 0) {
    return InvalidArgument("--themes sets how many themes to discover; with --taxonomy the "
                           "taxonomy's themes are used");
  }
  if (!args.time_column.empty() && args.score_column.empty()) {
    return InvalidArgument("--time-column needs --score-column (trending themes are "
                           "compared with the metric)");
  }
  if (!args.split.empty() && args.time_column.empty()) {
    return InvalidArgument("--split needs --time-column");
  }
  return command;
}

}  // namespace

bool WeightArgs::Has(WeightMethod method) const {
  for (WeightMethod m : methods) {
    if (m == method) return true;
  }
  return false;
}

std::string TrendEveryName(TrendEvery every) {
  switch (every) {
    case TrendEvery::kDay:
      return "day";
    case TrendEvery::kWeek:
      return "week";
    case TrendEvery::kMonth:
      return "month";
    case TrendEvery::kQuarter:
      return "quarter";
  }
  return "?";
}

std::string WeightMethodName(WeightMethod method) {
  switch (method) {
    case WeightMethod::kRake:
      return "rake";
    case WeightMethod::kPostStratify:
      return "poststratify";
    case WeightMethod::kIpw:
      return "ipw";
    case WeightMethod::kRecency:
      return "recency";
    case WeightMethod::kAccounts:
      return "accounts";
  }
  return "?";
}

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
        command.help_topic != "report" && command.help_topic != "weight" &&
        command.help_topic != "trend" && command.help_topic != "themes") {
      return InvalidArgument("no help for '" + command.help_topic +
                             "' (topics: score, report, weight, trend, themes)");
    }
    return command;
  }
  if (first == "score") return ParseScore(tokens);
  if (first == "report") return ParseReport(tokens);
  if (first == "weight") return ParseWeight(tokens);
  if (first == "trend") return ParseTrend(tokens);
  if (first == "themes") return ParseThemes(tokens);
  return InvalidArgument("unknown command '" + first +
                         "' (commands: score, report, weight, trend, themes, help)");
}

}  // namespace candor::cli
