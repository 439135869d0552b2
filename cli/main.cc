// candor: the command line. Parses arguments, runs one command, and turns
// every failure into a message and an exit code (never a crash).
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "args.hpp"
#include "commands.hpp"

namespace {

int Run(const std::vector<std::string>& words) {
  using candor::cli::Command;
  candor::Result<Command> command = candor::cli::ParseCommandLine(words);
  if (!command.ok()) {
    return candor::cli::Fail(candor::cli::kExitUsage, command.status().message());
  }
  switch (command->kind) {
    case Command::Kind::kScore:
      return candor::cli::RunScore(command->score);
    case Command::Kind::kReport:
      return candor::cli::RunReport(command->report);
    case Command::Kind::kWeight:
      return candor::cli::RunWeight(command->weight);
    case Command::Kind::kTrend:
      return candor::cli::RunTrend(command->trend);
    case Command::Kind::kThemes:
      return candor::cli::RunThemes(command->themes);
    case Command::Kind::kHealth:
      return candor::cli::RunHealth(command->health);
    case Command::Kind::kRedact:
      return candor::cli::RunRedact(command->redact);
    case Command::Kind::kIntents:
      return candor::cli::RunIntents(command->intents);
    case Command::Kind::kFollowup:
      return candor::cli::RunFollowup(command->followup);
    case Command::Kind::kOuterLoop:
      return candor::cli::RunOuterLoop(command->outer_loop);
    case Command::Kind::kCases:
      return candor::cli::RunCases(command->cases);
    case Command::Kind::kRecovery:
      return candor::cli::RunRecovery(command->recovery);
    case Command::Kind::kMonitor:
      return candor::cli::RunMonitor(command->monitor);
    case Command::Kind::kVersion:
      return candor::cli::PrintVersion();
    case Command::Kind::kHelp:
      return candor::cli::PrintHelp(command->help_topic);
    case Command::Kind::kBusinessHours:
      return candor::cli::RunBusinessHours(command->business_hours);
  }
  return candor::cli::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<std::string> words(argv + 1, argv + argc);
    int code = Run(words);
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "candor: error: writing the output failed\n";
      return candor::cli::kExitDataError;
    }
    return code;
  } catch (const std::bad_alloc&) {
    return candor::cli::Fail(candor::cli::kExitDataError, "out of memory");
  } catch (const std::exception& e) {
    return candor::cli::Fail(candor::cli::kExitDataError,
                             std::string("internal error: ") + e.what());
  }
}
