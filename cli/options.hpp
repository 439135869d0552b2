// The options of the candor tool's commands as tables: each option's name,
// whether it takes a value, its help text and what it sets. One loop reads
// every command's line through its table, and the command's help is
// rendered from the same table, so the two cannot drift.
#ifndef CANDOR_CLI_OPTIONS_HPP_
#define CANDOR_CLI_OPTIONS_HPP_

#include <candor/status.hpp>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace candor::cli {

// Sets what an option stands for from its value ("" for a flag); `name` is
// the option without "--", for messages.
using OptionSetter = std::function<Status(const std::string& name, const std::string& value)>;

struct OptionSpec {
  const char* name;         // "metric" for --metric
  const char* placeholder;  // "M" in "--metric M"; nullptr: a flag, which takes no value
  const char* help;         // lines joined by '\n'; nullptr: accepted but not listed
  OptionSetter set;
  const char* heading = nullptr;  // help text printed before this option (a new section)
};

struct CommandSpec {
  const char* name;    // "score"
  const char* intro;   // the help before the options, through "Options:\n"
  size_t help_column;  // where the options' help text starts
  std::vector<OptionSpec> options;
  const char* epilog;              // the help after the options
  std::string* file;               // the command's one positional argument, FILE
  std::function<Status()> finish;  // checks once the line is read
};

// Walks argv: positional arguments and options, with their values.
class Tokens {
 public:
  explicit Tokens(const std::vector<std::string>& args) : args_(args) {}

  bool done() const { return next_ >= args_.size(); }
  std::string Take() { return args_[next_++]; }

 private:
  const std::vector<std::string>& args_;
  size_t next_ = 0;
};

// Reads the rest of the line into what `spec`'s setters set, then runs
// spec.finish. Sets *help, and stops, at --help or -h. A failed Status is a
// usage error naming the word that was wrong.
Status ParseOptions(const CommandSpec& spec, Tokens& tokens, bool* help);

// The command's help: intro, one entry per listed option, epilog.
std::string HelpText(const CommandSpec& spec);

}  // namespace candor::cli

#endif  // CANDOR_CLI_OPTIONS_HPP_
