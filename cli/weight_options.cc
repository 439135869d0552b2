// candor weight: its options, the checks of how they combine, and its help.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "command_specs.hpp"
#include "dialect.hpp"
#include "option_values.hpp"

namespace candor::cli {
namespace {

constexpr const char* kIntro =
    R"(Usage: candor weight FILE --method M [--method M ...] [options]

Reads the responses in FILE and writes them back, every field unchanged,
with one more column of weights (to --output, or stdout). Diagnostics go to
stderr (to stdout when --output is given): the weight sum, min, max,
max/min, Kish effective n and design effect, and each method's fit.

Methods (repeat --method to combine): recency, accounts, ipw and a base
weight column are multiplied (rescaled to mean 1 when more than one);
rake or poststratify then calibrate that product to the population, so
the output reproduces the population margins; --trim-ratio comes last.
  rake           iterative proportional fitting to the margins of POP
  poststratify   w = w0 N_cell / sum of w0 over the cell (joint margins)
  ipw            1 / p(responded | covariates), p from a logistic fit over
                 every invited customer; the rows written are POP's
                 respondents (POP given as FILE or --population)
  recency        0.5 ^ (age / half-life), age from --reference-time
  accounts       how much each account counts, spread over its responses

Options:
)";

// The methods by their names on the command line, in the order errors list them.
const std::vector<std::pair<std::string, WeightMethod>>& WeightMethods() {
  static const auto* const methods = new std::vector<std::pair<std::string, WeightMethod>>{
      {"rake", WeightMethod::kRake},
      {"poststratify", WeightMethod::kPostStratify},
      {"ipw", WeightMethod::kIpw},
      {"recency", WeightMethod::kRecency},
      {"accounts", WeightMethod::kAccounts}};
  return *methods;
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

}  // namespace

CommandSpec WeightSpec(Command* command) {
  WeightArgs* args = &command->weight;
  OptionSetter method = [args](const std::string& name, const std::string& value) {
    Result<WeightMethod> chosen = ParseChoice(name, value, WeightMethods());
    if (!chosen.ok()) return chosen.status();
    if (args->Has(*chosen)) return InvalidArgument("--method " + value + " given twice");
    args->methods.push_back(*chosen);
    return OkStatus();
  };
  OptionSetter ipw_penalty =
      Checked<double>(&args->ipw_penalty, ParseDouble, [](double penalty, const std::string&) {
        return penalty < 0 ? std::string("must not be negative") : std::string();
      });
  OptionSetter trim_ratio =
      Checked<double>(&args->trim_ratio, ParseDouble, [](double ratio, const std::string& text) {
        return ratio > 1 ? std::string() : text + " must exceed 1";
      });
  // Whether --account-mode was given, for the check once the line is read.
  auto account_mode_given = std::make_shared<bool>(false);
  OptionSetter choose_mode = Choice(
      &args->account_mode,
      NamedChoices(CANDOR_ENUM_ACCOUNT_MODE, {AccountMode::kEqualPerAccount,
                                              AccountMode::kPerResponse, AccountMode::kByValue}));
  OptionSetter account_mode = [account_mode_given, choose_mode](const std::string& name,
                                                                const std::string& value) {
    CANDOR_RETURN_IF_ERROR(choose_mode(name, value));
    *account_mode_given = true;
    return OkStatus();
  };
  OptionSetter role_weight = [args](const std::string&, const std::string& value) {
    return AppendRoleWeight(value, &args->role_weights);
  };
  CommandSpec spec = {
      "weight",
      kIntro,
      26,
      {
          {"method", "M", nullptr, method},
          {"output", "OUT.csv", "write the weighted file here (default: stdout)",
           NonEmpty(&args->output, "value")},
          {"weight-name", "NAME", "the new column (default: candor_weight)",
           NonEmpty(&args->weight_name, "value")},
          {"format", "F", "diagnostics as table (default) or json", Format(&args->format, false)},
          {"population", "POP.csv", "the invited population (rake, poststratify, ipw)",
           NonEmpty(&args->population, "value")},
          {"margin", "COLUMN", "a margin counted from POP; repeat for several",
           Names(&args->margins)},
          {"covariate", "COLUMN",
           "ipw: a covariate in POP (numeric if every value is\n"
           "a number, else categorical); repeat",
           Names(&args->covariates)},
          {"responded-column", "NAME", "ipw: 0/1, yes/no or true/false in POP",
           NonEmpty(&args->responded_column, "value")},
          {"ipw-penalty", "L",
           "ipw: L2 penalty on the standardized coefficients\n"
           "(sklearn C = 1 / L; default 0)",
           ipw_penalty},
          {"half-life", "DAYS", "recency: the age at which a response counts half",
           Positive(&args->half_life_days)},
          {"reference-time", "T",
           "recency: ISO 8601 or epoch seconds (default: the\n"
           "newest response)",
           NonEmpty(&args->reference_time, "value")},
          {"time-column", "NAME", "recency (default: timestamp, time, date, ...)",
           NonEmpty(&args->time_column, "value")},
          {"account-column", "NAME", "accounts: the account of each response",
           NonEmpty(&args->account_column, "value")},
          {"account-mode", "M",
           "equal (default: each account sums to 1),\n"
           "per_response, by_value (sums to --value-column)",
           account_mode},
          {"value-column", "NAME", "accounts by_value: ARR, seats (one per account)",
           NonEmpty(&args->value_column, "value")},
          {"role-column", "NAME", "accounts: spread within an account by role",
           NonEmpty(&args->role_column, "value")},
          {"role-weight", "ROLE=W", "a role's weight (others 1); repeat", role_weight},
          {"base-weight-column", "N", "multiply in an existing weight column (>= 0)",
           NonEmpty(&args->base_weight_column, "value")},
          {"trim-ratio", "R", "cap weights at R x the mean, then rescale", trim_ratio},
          {"quiet", nullptr,
           "no progress bar (shown on stderr when it is a terminal\n"
           "and a fit takes over a second)",
           Flag(&args->quiet)},
          DelimiterOption(&args->delimiter),
          {"max-bytes", "N",
           "refuse FILE or POP if larger than N bytes; K, M, G\n"
           "suffixes for KiB, MiB, GiB (default 0: no limit)",
           MaxBytes(&args->max_bytes)},
      },
      "",
      &args->file,
      [args, account_mode_given] {
        if (*account_mode_given && !args->Has(WeightMethod::kAccounts)) {
          return InvalidArgument("--account-mode is for --method accounts");
        }
        return CheckWeightArgs(*args);
      },
  };
  AddCsvDialectOptions(&spec, &args->dialect, kReadsNumbers | kReadsTimes);
  return spec;
}

bool WeightArgs::Has(WeightMethod method) const {
  for (WeightMethod m : methods) {
    if (m == method) return true;
  }
  return false;
}

std::string WeightMethodName(WeightMethod method) {
  for (const auto& [name, value] : WeightMethods()) {
    if (value == method) return name;
  }
  return "?";
}

}  // namespace candor::cli
