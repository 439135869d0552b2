// The candor tool's commands. Each returns the process exit code: 0 success,
// 1 a data error (reported on stderr as "candor: error: ..."), 2 a usage error,
// 130 interrupted by Ctrl-C (report, while reading).
#ifndef CANDOR_CLI_COMMANDS_HPP_
#define CANDOR_CLI_COMMANDS_HPP_

#include <candor.h>

#include <candor/enum_names.hpp>
#include <candor/status.hpp>
#include <string>

#include "args.hpp"

namespace candor::cli {

constexpr int kExitOk = 0;
constexpr int kExitDataError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;  // Ctrl-C stopped the reading (128 + SIGINT)

int RunScore(const ScoreArgs& args);
int RunReport(const ReportArgs& args);
int RunWeight(const WeightArgs& args);
int RunTrend(const TrendArgs& args);
int RunThemes(const ThemesArgs& args);
int RunHealth(const HealthArgs& args);
int RunRedact(const RedactArgs& args);
int RunIntents(const IntentsArgs& args);
int RunFollowup(const FollowupArgs& args);
int RunBusinessHours(const BusinessHoursArgs& args);
int RunOuterLoop(const OuterLoopArgs& args);
int RunCases(const CasesArgs& args);
int RunRecovery(const RecoveryArgs& args);
int RunMonitor(const MonitorArgs& args);
int PrintHelp(const std::string& topic);
int PrintVersion();

// Prints "candor: error: <message>" to stderr and returns `exit_code`.
int Fail(int exit_code, const std::string& message);
// A library Status as a data error (exit 1).
int FailData(const Status& status);

// Computes the report `args` asks for and prints it; a failed computation is
// a data error (exit 1), else the exit code is print's.
template <typename Args, typename Report>
int ComputeAndPrint(const Args& args, Result<Report> (*compute)(const Args&),
                    int (*print)(const Args&, const Report&)) {
  Result<Report> report = compute(args);
  if (!report.ok() && report.status().code() == CANDOR_CANCELLED) {
    return Fail(kExitInterrupted, "interrupted (Ctrl-C): " + report.status().message());
  }
  if (!report.ok()) return FailData(report.status());
  return print(args, *report);
}

// Prints `report` with the printer of args.format (table, json or csv); each
// printer returns the exit code.
template <typename Args, typename Report>
int PrintInFormat(const Args& args, const Report& report, int (*table)(const Args&, const Report&),
                  int (*json)(const Args&, const Report&), int (*csv)(const Args&, const Report&)) {
  switch (args.format) {
    case OutputFormat::kJson:
      return json(args, report);
    case OutputFormat::kCsv:
      return csv(args, report);
    case OutputFormat::kTable:
      break;
  }
  return table(args, report);
}

// Names of option values, for output: the library's (enum_names.hpp).
inline std::string IntervalName(IntervalMethod method) {
  return EnumName(CANDOR_ENUM_INTERVAL, method);
}
inline std::string PAdjustName(PAdjust method) { return EnumName(CANDOR_ENUM_P_ADJUST, method); }

}  // namespace candor::cli

#endif  // CANDOR_CLI_COMMANDS_HPP_
