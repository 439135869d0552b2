// Command-line parsing for the candor tool: turns argv into a Command or a
// usage error (exit code 2). Knows nothing about data files.
#ifndef CANDOR_CLI_ARGS_HPP_
#define CANDOR_CLI_ARGS_HPP_

#include <candor/score.hpp>
#include <candor/status.hpp>
#include <candor/text_sentiment.hpp>
#include <candor/trend_buckets.hpp>
#include <candor/trend_change_points.hpp>
#include <candor/weight.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dialect.hpp"

namespace candor::cli {

enum class OutputFormat { kTable, kJson, kCsv };

// Options shared by the commands that read a CSV file.
struct InputArgs {
  std::string file;  // empty: the bundled sample (report only)
  std::string score_column = "score";
  std::string weight_column;  // empty: unweighted (score) / auto (report)
  char delimiter = ',';
  bool skip_bad_rows = false;
  uint64_t max_bytes = 0;  // --max-bytes: larger input files are refused; 0: no limit
  CsvDialect dialect;      // --decimal, --time-format, --encoding
};

struct ScoreArgs {
  InputArgs input;
  std::string metric_name = "nps";
  Metric metric = Metric::Nps();
  std::vector<std::string> by;  // segment columns, in order
  IntervalOptions interval;
  PAdjust p_adjust = PAdjust::kHolm;
  OutputFormat format = OutputFormat::kTable;
  // Design-based scoring: rake (or post-stratify) to the margins counted
  // from a population file, and/or cluster by account.
  std::string population;
  std::vector<std::string> margins;
  bool post_stratify = false;  // --calibration poststratify
  std::string account_column;
  bool quiet = false;  // --quiet: no progress bar on stderr (bootstrap)
  bool design() const { return !population.empty() || !account_column.empty(); }
};

enum class WeightMethod { kRake, kPostStratify, kIpw, kRecency, kAccounts };

struct WeightArgs {
  std::string file;  // the responses; for ipw, the population if no --population
  char delimiter = ',';
  CsvDialect dialect;                 // of every input CSV: --decimal, --time-format, --encoding
  uint64_t max_bytes = 0;             // of FILE and --population; 0: no limit
  std::vector<WeightMethod> methods;  // in the order given, no repeats
  std::string output;                 // empty: stdout
  std::string weight_name = "candor_weight";
  OutputFormat format = OutputFormat::kTable;  // of the diagnostics
  std::string population;
  std::vector<std::string> margins;
  std::vector<std::string> covariates;
  std::string responded_column;
  double ipw_penalty = 0;
  std::optional<double> trim_ratio;
  std::optional<double> half_life_days;
  std::string reference_time;  // empty: the newest response
  std::string time_column;     // empty: the first of the usual names present
  std::string account_column;
  AccountMode account_mode = AccountMode::kEqualPerAccount;
  std::string value_column;
  std::string role_column;
  std::vector<std::pair<std::string, double>> role_weights;
  std::string base_weight_column;
  bool quiet = false;  // --quiet: no progress bar on stderr

  bool Has(WeightMethod method) const;
};

enum class ReportFormat { kText, kJson, kHtml };

struct ReportArgs {
  InputArgs input;              // input.weight_column: --weight-column
  // Column roles; empty: from --columns, else guessed from the header.
  std::string score_column;
  std::string comment_column;
  std::string time_column;
  std::string account_column;
  std::string arr_column;
  std::string outcome_column;
  std::string invited_column;
  std::vector<std::string> by;  // segment columns
  std::string columns_config;   // --columns: a JSON object naming the roles
  bool unweighted = false;      // ignore the weight column
  double level = 0.95;
  std::string time_zone = "UTC";
  std::string period = "month";
  std::optional<ReportFormat> format;  // unset: from --output's extension, else text
  std::string output;                  // empty: stdout
  bool quiet = false;  // --quiet: no progress bar on stderr
};

struct TrendArgs {
  InputArgs input;
  std::string time_column;  // empty: the first of a few usual names
  BucketPeriod every = BucketPeriod::kMonth;
  std::string time_zone = "UTC";
  std::string metric_name = "nps";
  Metric metric = Metric::Nps();
  IntervalOptions interval;
  std::vector<std::string> by;           // one series per segment of these columns
  std::string account_column;            // clusters; with --accounts, the ranking
  std::optional<int> window_days;        // rolling estimate over the last N days
  std::optional<double> half_life_days;  // exponentially weighted estimate
  bool change_points = false;  // change points in the time-ordered responses
  ChangePenalty penalty = ChangePenalty::kCalibrated;
  double penalty_value = 0;    // kManual: the penalty per change
  double alpha = 0.05;         // kCalibrated: the false-alarm rate
  bool change_at_any_response = false;  // else only where a period starts
  bool rank_accounts = false;  // per-account trends, declining first
  OutputFormat format = OutputFormat::kTable;
  PAdjust p_adjust = PAdjust::kHolm;  // change p-values across each series' changes
};

// candor themes: sentiment, emotions, urgency and themes of a text column,
// and, with a score column, which themes drive the metric.
struct ThemesArgs {
  std::string file;
  char delimiter = ',';
  CsvDialect dialect;      // of every input CSV: --decimal, --time-format, --encoding
  uint64_t max_bytes = 0;  // of FILE; 0: no limit
  std::string text_column = "comment";
  std::string score_column;  // empty: no drivers
  std::string metric_name = "nps";
  Metric metric = Metric::Nps();
  double level = 0.95;
  std::string taxonomy;  // a JSON file; empty: discover themes (NMF)
  int themes = 0;        // discovery: the number of themes; 0: by coherence
  uint64_t seed = 0;     // discovery
  std::string lexicon;   // a user lexicon file, merged over the built-in one
  text::LexiconFormat lexicon_format = text::LexiconFormat::kCandor;
  bool replace_lexicon = false;
  std::string language;  // ISO 639-1 for every comment; empty: detect
  bool repair_utf8 = false;
  std::string time_column;  // with a score: themes trending, earlier vs later half
  std::string split;        // the time that starts the later period; empty: median
  int urgent = 10;          // urgent comments listed
  int threads = 0;
  bool quiet = false;  // --quiet: no progress bar on stderr
  OutputFormat format = OutputFormat::kTable;
};

// candor health: scores each account (row) of FILE with a scorecard and
// explains it; with an outcome, validates the score against it.
struct HealthArgs {
  std::string file;
  char delimiter = ',';
  CsvDialect dialect;          // of every input CSV: --decimal, --time-format, --encoding
  uint64_t max_bytes = 0;      // of FILE; 0: no limit
  std::string scorecard;       // a JSON file (docs/health-scorecard.md)
  std::string account_column;  // an id to print; empty: the row number
  std::string segment_column;  // percentiles, z-scores and profiles within segments
  std::string churn_column;    // 0/1 or yes/no: AUC, churn by grade, lift
  std::string time_column;     // follow-up time (e.g. tenure), with event_column:
  std::string event_column;    // concordance, Kaplan-Meier by grade, log-rank
  double level = 0.95;
  int top = 10;  // table: the lowest-scoring accounts listed
  OutputFormat format = OutputFormat::kTable;
  // A dated history (rows: an account at a time): scores as of a cut-off.
  std::string as_of;                           // ISO 8601 or epoch seconds; empty: not a history
  std::string history_time_column;             // when each row's values were true
  std::string previous;                        // momentum since this time
  std::optional<double> grade_step_days;       // days in grade: snapshots this far apart (7)
  std::vector<std::string> std_error_columns;  // MEASURE=COLUMN: momentum's sampling error
  // --suggest-weights: fit churn on the measures (candor/health_weights.hpp)
  // and print the suggested weights and out-of-fold AUCs instead.
  bool suggest_weights = false;
  std::optional<int> folds;          // default 5
  std::optional<double> l2_penalty;  // default 1
};

// candor redact: FILE written back with personal data in one column
// replaced by placeholders (include/candor/pii.hpp).
struct RedactArgs {
  std::string file;
  char delimiter = ',';
  CsvDialect dialect;      // of every input CSV: --decimal, --time-format, --encoding
  uint64_t max_bytes = 0;  // of FILE; 0: no limit
  std::string column = "comment";
  std::vector<std::string> kinds;  // empty: all
  bool all_urls = false;
};

// candor intents: complaint, suggestion, question, praise, needs_response
// of each comment (include/candor/intents.hpp).
struct IntentsArgs {
  std::string file;
  char delimiter = ',';
  CsvDialect dialect;      // of every input CSV: --decimal, --time-format, --encoding
  uint64_t max_bytes = 0;  // of FILE; 0: no limit
  std::string column = "comment";
  int list = 10;  // comments needing a response listed (table)
  OutputFormat format = OutputFormat::kTable;
};

// candor followup: the follow-up queue of the responses in FILE
// (include/candor/followup.hpp). Optional columns are read when present.
enum class FollowupFormat { kTable, kJson, kCsv, kJsonl };
struct FollowupArgs {
  std::string file;
  char delimiter = ',';
  CsvDialect dialect;      // of every input CSV: --decimal, --time-format, --encoding
  uint64_t max_bytes = 0;  // of each input file; 0: no limit
  std::string accounts;    // ACCOUNTS.csv; empty: none
  std::string contacts;    // CONTACTS.csv (respondent, time); empty: none
  std::string rules;       // rules.json (docs/followup-rules.md); empty: the defaults
  std::string score_column = "score";
  std::string time_column;     // "": the first of the usual names (data.hpp FindTimeColumn)
  std::string account_column;  // "": account or account_id
  // Optional columns: "" is the default name, used only when present.
  std::string respondent_column;
  std::string role_column;
  std::string urgency_column;
  std::string theme_column;
  char theme_separator = '\0';  // between themes in one field; '\0': one theme per field
  std::string comment_column;
  int top = 20;  // table: cases listed
  FollowupFormat format = FollowupFormat::kTable;
};

// candor business-hours: deadlines or business hours between instants.
struct BusinessHoursArgs {
  std::string file;
  std::string start_column;           // empty: the first of the usual time column names
  std::string hours_column;           // deadlines: hours per row
  std::optional<double> hours;        // deadlines: the same hours for every row
  std::string end_column;             // business hours between start and end
  std::string calendar;               // a JSON file (the calendar object); else the options below
  std::string time_zone;              // empty: UTC
  std::string open;                   // "HH:MM"; empty: 09:00
  std::string close;                  // "HH:MM"; empty: 17:00
  std::vector<std::string> weekdays;  // 0-6 or mon..sun; empty: Monday to Friday
  std::vector<std::string> holidays;  // YYYY-MM-DD
  char delimiter = ',';
  CsvDialect dialect;  // of every input CSV: --decimal, --time-format, --encoding
  uint64_t max_bytes = 0;
  OutputFormat format = OutputFormat::kTable;
};

// candor outer-loop: themes of FILE's comments ranked by what they cost
// (include/candor/outer_loop.hpp), with representative quotes.
struct OuterLoopArgs {
  std::string file;
  char delimiter = ',';
  CsvDialect dialect;      // of every input CSV: --decimal, --time-format, --encoding
  uint64_t max_bytes = 0;  // of FILE; 0: no limit
  std::string score_column = "score";
  std::string account_column = "account";
  std::string themes_column;  // theme names separated by theme_separator; default "themes"
  char theme_separator = ';';
  std::string taxonomy;  // themes matched by this JSON taxonomy (instead of a themes column)
  int themes = 0;        // > 0: discover this many themes (instead of a themes column)
  std::string text_column;       // quotes; empty: "comment" when FILE has it
  std::string arr_column;        // ARR per row, constant within an account
  std::string period_column;     // labels; sorted, trend: the last two
  std::string segment_column;    // quotes per segment
  std::string sentiment_column;  // tone of the quotes
  std::string rank_by;           // arr, impact, detractor-accounts, comments; empty: arr if ARR
  int replicates = 2000;
  uint64_t seed = 42;
  double level = 0.95;
  int quotes = 3;
  int max_quote_bytes = 280;
  int threads = 0;
  OutputFormat format = OutputFormat::kTable;
};

// candor cases: SLA status per case from a log of case events
// (candor/case_log.hpp), in business hours of a calendar.
struct CasesArgs {
  std::string file;
  char delimiter = ',';
  CsvDialect dialect;  // of every input CSV: --decimal, --time-format, --encoding
  uint64_t max_bytes = 0;
  std::string calendar;  // a JSON file (candor/business_hours.hpp); empty: UTC 09-17 Mon-Fri
  std::string case_column = "case_id";
  std::string time_column = "time";
  std::string event_column = "event";
  std::string owner_column;  // empty: "owner" when the file has it
  std::string team_column;   // empty: "team" when the file has it
  double first_contact_hours = 8;
  double at_risk_hours = 2;
  std::string as_of;  // ISO 8601 or epoch seconds; empty: the last event
  bool drop_invalid = false;
  double level = 0.95;
  OutputFormat format = OutputFormat::kTable;
};

// candor monitor: the online change monitor (candor/trend_monitor.hpp)
// replayed over the calendar buckets after the history.
struct MonitorArgs {
  InputArgs input;
  std::string time_column;  // empty: the first of a few usual names
  BucketPeriod every = BucketPeriod::kDay;
  std::string time_zone = "UTC";
  std::string history_until;  // required: monitoring starts with its bucket
  std::string metric_name = "nps";
  Metric metric = Metric::Nps();
  double alpha = 0.01;                // false-alarm probability per bucket
  std::optional<double> shift;        // in the metric's reported units
  double level = 0.95;
};

// candor recovery: re-survey scores of followed-up vs other detractors
// (candor/recovery.hpp).
struct RecoveryArgs {
  std::string file;
  char delimiter = ',';
  CsvDialect dialect;  // of every input CSV: --decimal, --time-format, --encoding
  uint64_t max_bytes = 0;
  std::string rescore_column = "rescore";
  std::string followed_up_column = "followed_up";
  std::vector<std::string> strata_columns;
  bool mean = false;  // --metric mean
  bool wald = false;  // --interval wald (NPS; default adjusted_wald)
  double level = 0.95;
  OutputFormat format = OutputFormat::kTable;
};

struct Command {
  enum class Kind {
    kScore,
    kReport,
    kWeight,
    kTrend,
    kThemes,
    kHealth,
    kHelp,
    kVersion,
    kRedact,
    kIntents,
    kFollowup,
    kBusinessHours,
    kOuterLoop,
    kCases,
    kRecovery,
    kMonitor
  };
  Kind kind = Kind::kHelp;
  std::string help_topic;  // kHelp: "" or a command name
  ScoreArgs score;
  ReportArgs report;
  WeightArgs weight;
  TrendArgs trend;
  ThemesArgs themes;
  HealthArgs health;
  RedactArgs redact;
  IntentsArgs intents;
  FollowupArgs followup;
  BusinessHoursArgs business_hours;
  OuterLoopArgs outer_loop;
  CasesArgs cases;
  RecoveryArgs recovery;
  MonitorArgs monitor;
};

// The name of a method on the command line ("rake", "ipw", ...).
std::string WeightMethodName(WeightMethod method);

// argv[1..argc-1]. A failed Status is a usage error whose message says what
// was wrong (an unknown option, a bad value, a missing file argument).
Result<Command> ParseCommandLine(const std::vector<std::string>& args);

}  // namespace candor::cli

#endif  // CANDOR_CLI_ARGS_HPP_
