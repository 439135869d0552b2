#include "options.hpp"

#include <optional>
#include <string>

namespace candor::cli {
namespace {

// One "--name value" or "--name=value" option, or a bare flag.
struct Option {
  std::string name;
  std::optional<std::string> value;
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

// One word of a command's line: --help (or -h), an option, or a positional
// argument.
struct Word {
  enum class Kind { kHelp, kOption, kPositional };
  Kind kind = Kind::kPositional;
  std::string text;
  Option option;  // kOption: the option split into name and value
};

// Takes the next word of `command`'s line. A lone "-" is positional; "-o"
// is "--output" (for the commands that have it); any other word starting
// with '-' that is not "--name[=value]" is an unknown option.
Result<Word> TakeWord(Tokens& tokens, const std::string& command) {
  Word word;
  word.text = tokens.Take();
  const std::string& text = word.text;
  if (text == "--help" || text == "-h") {
    word.kind = Word::Kind::kHelp;
  } else if (text == "-o") {
    word.kind = Word::Kind::kOption;
    word.option.name = "output";
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

// The value of an option whose name was just taken: inline or the next word.
Result<std::string> TakeValue(Tokens& tokens, const Option& option) {
  if (option.value) return *option.value;
  if (tokens.done()) return InvalidArgument("option --" + option.name + " needs a value");
  return tokens.Take();
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

const OptionSpec* FindOption(const CommandSpec& spec, const std::string& name) {
  for (const OptionSpec& option : spec.options) {
    if (name == option.name) return &option;
  }
  return nullptr;
}

// "  --name PLACEHOLDER" and the help text from `column` on, its further
// lines indented to `column`.
std::string OptionHelp(const OptionSpec& option, size_t column) {
  std::string text = std::string("  --") + option.name;
  if (option.placeholder != nullptr) text += std::string(" ") + option.placeholder;
  // An option too wide for the column has its help start on the next line.
  text += text.size() < column ? std::string(column - text.size(), ' ')
                               : "\n" + std::string(column, ' ');
  for (const char* c = option.help; *c != '\0'; ++c) {
    text += *c;
    if (*c == '\n') text += std::string(column, ' ');
  }
  return text + "\n";
}

}  // namespace

Status ParseOptions(const CommandSpec& spec, Tokens& tokens, bool* help) {
  *help = false;
  while (!tokens.done()) {
    Result<Word> word = TakeWord(tokens, spec.name);
    if (!word.ok()) return word.status();
    if (word->kind == Word::Kind::kHelp) {
      *help = true;
      return OkStatus();
    }
    if (word->kind == Word::Kind::kPositional) {
      CANDOR_RETURN_IF_ERROR(SetPositional(word->text, spec.file));
      continue;
    }
    const Option& option = word->option;
    const OptionSpec* known = FindOption(spec, option.name);
    if (known == nullptr) {
      const std::string given = word->text == "-o" ? word->text : "--" + option.name;
      return InvalidArgument("unknown option '" + given + "' for " + spec.name);
    }
    std::string value;
    if (known->placeholder == nullptr) {
      // A flag takes no value: "--accounts=yes" is a usage error, not a silent yes.
      if (option.value) return InvalidArgument("--" + option.name + " takes no value");
    } else {
      Result<std::string> taken = TakeValue(tokens, option);
      if (!taken.ok()) return taken.status();
      value = std::move(taken).value();
    }
    CANDOR_RETURN_IF_ERROR(known->set(option.name, value));
  }
  return spec.finish();
}

std::string HelpText(const CommandSpec& spec) {
  std::string text = spec.intro;
  for (const OptionSpec& option : spec.options) {
    if (option.heading != nullptr) text += option.heading;
    if (option.help != nullptr) text += OptionHelp(option, spec.help_column);
  }
  return text + spec.epilog;
}

}  // namespace candor::cli
