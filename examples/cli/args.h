// Command-line parsing for the candor tool: turns argv into a Command or a
// usage error (exit code 2). Knows nothing about data files.
#ifndef CANDOR_EXAMPLES_CLI_ARGS_H_
#define CANDOR_EXAMPLES_CLI_ARGS_H_

#include <candor/score.hpp>
#include <candor/status.hpp>
#include <string>
#include <vector>

namespace candor::cli {

enum class OutputFormat { kTable, kJson, kCsv };

// Options shared by the commands that read a CSV file.
struct InputArgs {
  std::string file;  // empty: the bundled sample (report only)
  std::string score_column = "score";
  std::string weight_column;  // empty: unweighted (score) / auto (report)
  char delimiter = ',';
  bool skip_bad_rows = false;
};

struct ScoreArgs {
  InputArgs input;
  std::string metric_name = "nps";
  Metric metric = Metric::Nps();
  std::vector<std::string> by;  // segment columns, in order
  IntervalOptions interval;
  PAdjust p_adjust = PAdjust::kHolm;
  OutputFormat format = OutputFormat::kTable;
};

struct ReportArgs {
  InputArgs input;
  std::string time_column;      // empty: the first of a few usual names
  std::vector<std::string> by;  // empty: region, plan, role when present
  bool unweighted = false;      // ignore the weight column
  double level = 0.95;
  OutputFormat format = OutputFormat::kTable;
};

struct Command {
  enum class Kind { kScore, kReport, kHelp, kVersion };
  Kind kind = Kind::kHelp;
  std::string help_topic;  // kHelp: "", "score" or "report"
  ScoreArgs score;
  ReportArgs report;
};

// argv[1..argc-1]. A failed Status is a usage error whose message says what
// was wrong (an unknown option, a bad value, a missing file argument).
Result<Command> ParseCommandLine(const std::vector<std::string>& args);

}  // namespace candor::cli

#endif  // CANDOR_EXAMPLES_CLI_ARGS_H_
