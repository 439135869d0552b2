// Each command's options as a table (cli/<command>_options.cc;
// the arguments they set are in args.hpp): its line is
// read through the table, and its help is rendered from the same table.
#ifndef CANDOR_CLI_COMMAND_SPECS_HPP_
#define CANDOR_CLI_COMMAND_SPECS_HPP_

#include <string>

#include "args.hpp"
#include "options.hpp"

namespace candor::cli {

// A command's table, its setters bound to *command: the line is read into
// command->score (->report, ...), and the help of a command is its table's
// with the setters unused.
CommandSpec ScoreSpec(Command* command);
CommandSpec ReportSpec(Command* command);
CommandSpec WeightSpec(Command* command);
CommandSpec TrendSpec(Command* command);
CommandSpec ThemesSpec(Command* command);
CommandSpec HealthSpec(Command* command);
CommandSpec RedactSpec(Command* command);
CommandSpec IntentsSpec(Command* command);
CommandSpec FollowupSpec(Command* command);
CommandSpec BusinessHoursSpec(Command* command);
CommandSpec OuterLoopSpec(Command* command);
CommandSpec CasesSpec(Command* command);
CommandSpec RecoverySpec(Command* command);
CommandSpec MonitorSpec(Command* command);

// The help of the command named `name` ("score", ...); "" if there is none.
std::string CommandHelp(const std::string& name);

}  // namespace candor::cli

#endif  // CANDOR_CLI_COMMAND_SPECS_HPP_
