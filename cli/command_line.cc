// ParseCommandLine: the first word picks a command, whose option table
// (cli/<command>_options.cc) reads the rest of the line.
#include <string>
#include <vector>

#include "args.hpp"
#include "command_specs.hpp"
#include "options.hpp"

namespace candor::cli {
namespace {

struct CommandEntry {
  const char* name;
  Command::Kind kind;
  CommandSpec (*spec)(Command* command);
};

constexpr CommandEntry kCommands[] = {{"score", Command::Kind::kScore, ScoreSpec},
                                      {"report", Command::Kind::kReport, ReportSpec},
                                      {"weight", Command::Kind::kWeight, WeightSpec},
                                      {"trend", Command::Kind::kTrend, TrendSpec},
                                      {"themes", Command::Kind::kThemes, ThemesSpec},
                                      {"health", Command::Kind::kHealth, HealthSpec},
                                      {"redact", Command::Kind::kRedact, RedactSpec},
                                      {"intents", Command::Kind::kIntents, IntentsSpec},
                                      {"followup", Command::Kind::kFollowup, FollowupSpec},
                                      {"business-hours", Command::Kind::kBusinessHours,
                                       BusinessHoursSpec},
                                      {"outer-loop", Command::Kind::kOuterLoop, OuterLoopSpec},
                                      {"cases", Command::Kind::kCases, CasesSpec},
                                      {"recovery", Command::Kind::kRecovery, RecoverySpec},
                                      {"monitor", Command::Kind::kMonitor, MonitorSpec}};

const CommandEntry* FindCommand(const std::string& name) {
  for (const CommandEntry& entry : kCommands) {
    if (name == entry.name) return &entry;
  }
  return nullptr;
}

// "score, report, weight, trend, themes, health, ...".
std::string CommandNames() {
  std::string names;
  for (const CommandEntry& entry : kCommands) {
    names += (names.empty() ? "" : ", ") + std::string(entry.name);
  }
  return names;
}

Command HelpCommand(const std::string& topic) {
  Command command;
  command.kind = Command::Kind::kHelp;
  command.help_topic = topic;
  return command;
}

// The rest of the line, read by the command's table; at --help or -h, the
// command's help.
Result<Command> ParseCommand(const CommandEntry& entry, Tokens& tokens) {
  Command command;
  command.kind = entry.kind;
  bool help = false;
  CANDOR_RETURN_IF_ERROR(ParseOptions(entry.spec(&command), tokens, &help));
  if (help) return HelpCommand(entry.name);
  return command;
}

}  // namespace

std::string CommandHelp(const std::string& name) {
  const CommandEntry* entry = FindCommand(name);
  Command unused;
  return entry == nullptr ? "" : HelpText(entry->spec(&unused));
}

Result<Command> ParseCommandLine(const std::vector<std::string>& args) {
  Tokens tokens(args);
  if (tokens.done()) {
    return InvalidArgument("no command given (try 'candor --help')");
  }
  std::string first = tokens.Take();
  if (first == "--version" || first == "-V" || first == "version") {
    if (!tokens.done()) return InvalidArgument("--version takes no arguments");
    Command command;
    command.kind = Command::Kind::kVersion;
    return command;
  }
  if (first == "--help" || first == "-h" || first == "help") {
    Command command = HelpCommand(tokens.done() ? "" : tokens.Take());
    if (!tokens.done()) return InvalidArgument("help takes at most one topic");
    if (!command.help_topic.empty() && FindCommand(command.help_topic) == nullptr) {
      return InvalidArgument("no help for '" + command.help_topic + "' (topics: " + CommandNames() +
                             ")");
    }
    return command;
  }
  if (const CommandEntry* entry = FindCommand(first)) return ParseCommand(*entry, tokens);
  return InvalidArgument("unknown command '" + first + "' (commands: " + CommandNames() +
                         ", help)");
}

}  // namespace candor::cli
