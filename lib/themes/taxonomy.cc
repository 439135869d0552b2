// Taxonomy: reading the JSON format (documented in text_taxonomy.hpp) and
// compiling its terms with the tokenizer, so terms are folded exactly as
// comments are.
#include <candor/text_taxonomy.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "common/read_file.hpp"
#include "taxonomy_compiled.hpp"

namespace candor::text {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kSeparator = " > ";

absl::string_view Key(std::string_view s) { return {s.data(), s.size()}; }

class Compiler {
 public:
  Compiler(Taxonomy::Compiled* out, Tokenizer* tokenizer) : out_(out), tokenizer_(tokenizer) {}

  Status AddThemes(const Json& list, int32_t parent, const std::string& where) {
    if (!list.is_array())
      return InvalidArgument(where + ": \"themes\"/\"children\" must be an array");
    for (size_t i = 0; i < list.size(); ++i) {
      CANDOR_RETURN_IF_ERROR(AddTheme(list[i], parent, where + "[" + std::to_string(i) + "]"));
    }
    return OkStatus();
  }

 private:
  Status AddTheme(const Json& node, int32_t parent, const std::string& where) {
    if (!node.is_object()) return InvalidArgument(where + ": a theme must be an object");
    for (const auto& [field, value] : node.items()) {
      if (field != "name" && field != "keywords" && field != "phrases" && field != "stems" &&
          field != "exclude" && field != "children") {
        return InvalidArgument(where + ": unknown field \"" + field +
                               "\" (expected name, keywords, phrases, stems, exclude, children)");
      }
    }
    const auto name_it = node.find("name");
    if (name_it == node.end() || !name_it->is_string()) {
      return InvalidArgument(where + ": a theme needs a \"name\" string");
    }
    const std::string name = name_it->get<std::string>();
    if (name.find_first_not_of(" \t\r\n") == std::string::npos) {
      return InvalidArgument(where + ": empty theme name");
    }
    if (name.find(kSeparator) != std::string::npos) {
      return InvalidArgument(where + ": theme name \"" + name + "\" contains \" > \"");
    }
    const auto id = static_cast<int32_t>(out_->themes.size());
    Theme theme;
    theme.name = name;
    theme.parent = parent;
    theme.depth = parent < 0 ? 0 : out_->themes[parent].depth + 1;
    theme.path = parent < 0 ? name : out_->themes[parent].path + std::string(kSeparator) + name;
    const std::string here = "theme \"" + theme.path + "\"";
    if (!out_->by_path.emplace(theme.path, id).second) {
      return InvalidArgument(where + ": duplicate theme path \"" + theme.path + "\"");
    }
    if (parent >= 0) out_->themes[parent].children.push_back(id);
    out_->themes.push_back(std::move(theme));
    out_->subtree_end.push_back(id + 1);

    size_t terms = 0;
    for (const char* kind : {"keywords", "phrases", "stems", "exclude"}) {
      const auto it = node.find(kind);
      if (it == node.end()) continue;
      if (!it->is_array())
        return InvalidArgument(here + ": \"" + kind + "\" must be an array of strings");
      for (const Json& term : *it) {
        if (!term.is_string())
          return InvalidArgument(here + ": \"" + kind + "\" must be an array of strings");
        CANDOR_RETURN_IF_ERROR(AddTerm(kind, term.get<std::string>(), id, here));
        if (std::string_view(kind) != "exclude") ++terms;
      }
    }
    const auto children = node.find("children");
    if (children != node.end()) {
      // Checked before recursing, so recursion is at most kMaxThemeDepth deep.
      if (children->is_array() && !children->empty() &&
          out_->themes[id].depth + 1 >= kMaxThemeDepth) {
        return InvalidArgument(here + ": children nested deeper than " +
                               std::to_string(kMaxThemeDepth) +
                               " levels of themes, the most a taxonomy may have");
      }
      CANDOR_RETURN_IF_ERROR(AddThemes(*children, id, here));
    }
    if (terms == 0 && out_->themes[id].children.empty()) {
      return InvalidArgument(here +
                             " has no keywords, phrases, stems or children: it could never match");
    }
    out_->subtree_end[id] = static_cast<int32_t>(out_->themes.size());
    return OkStatus();
  }

  Status AddTerm(std::string_view kind, const std::string& term, int32_t theme,
                 const std::string& here) {
    const Status status = tokenizer_->Tokenize(term, &scratch_);
    if (!status.ok())
      return InvalidArgument(here + ": " + std::string(kind) + " term: " + status.message());
    if (scratch_.tokens.empty()) {
      return InvalidArgument(here + ": empty " + std::string(kind) + " term \"" + term + "\"");
    }
    std::vector<std::string> tokens;
    for (const Token& t : scratch_.tokens) tokens.emplace_back(scratch_.text(t));
    if (kind == "stems") {
      if (tokens.size() != 1) {
        return InvalidArgument(here + ": the stem \"" + term + "\" is not one word");
      }
      // The term as written ("respons") and its own stem ("refunds" ->
      // "refund") both match token stems.
      AddUnique(&out_->by_stem[tokens[0]], theme);
      AddUnique(&out_->by_stem[std::string(scratch_.stem(scratch_.tokens[0]))], theme);
      return OkStatus();
    }
    const bool exclusion = kind == "exclude";
    Taxonomy::Compiled::TextEntry& entry = out_->by_text[tokens[0]];
    if (tokens.size() == 1) {
      AddUnique(exclusion ? &entry.excluded_themes : &entry.keyword_themes, theme);
      return OkStatus();
    }
    auto& phrases = exclusion ? out_->exclusion_phrases : out_->phrases;
    entry_phrases(entry, exclusion).push_back(static_cast<uint32_t>(phrases.size()));
    phrases.push_back({std::move(tokens), theme});
    return OkStatus();
  }

  static std::vector<uint32_t>& entry_phrases(Taxonomy::Compiled::TextEntry& entry,
                                              bool exclusion) {
    return exclusion ? entry.exclusion_phrases : entry.phrases;
  }

  static void AddUnique(std::vector<int32_t>* themes, int32_t theme) {
    for (int32_t t : *themes) {
      if (t == theme) return;
    }
    themes->push_back(theme);
  }

  Taxonomy::Compiled* out_;
  Tokenizer* tokenizer_;
  TokenizedText scratch_;
};

bool IsLanguageCode(const std::string& code) {
  if (code.size() < 2 || code.size() > 3) return false;
  for (char c : code) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace

Taxonomy::Taxonomy(std::shared_ptr<const Compiled> compiled) : compiled_(std::move(compiled)) {}

Result<Taxonomy> Taxonomy::FromJson(std::string_view json) {
  // nlohmann's parser and destructor are iterative but copying, comparing and
  // dumping recurse: objects and arrays nested deeper than kMaxJsonNesting are
  // dropped while parsing (the callback's depth counts enclosing containers)
  // and the whole taxonomy is refused.
  bool too_deep = false;
  const Json::parser_callback_t limit_depth = [&too_deep](int depth, Json::parse_event_t event,
                                                          Json&) {
    if (depth < kMaxJsonNesting) return true;
    if (event != Json::parse_event_t::object_start && event != Json::parse_event_t::array_start) {
      return true;
    }
    too_deep = true;
    return false;
  };
  Json root;
  try {
    root = Json::parse(json.begin(), json.end(), limit_depth);
  } catch (const Json::exception& e) {
    // nlohmann's message names the line and column.
    return ParseError(std::string("taxonomy JSON: ") + e.what());
  }
  if (too_deep) {
    return InvalidArgument("taxonomy JSON: objects and arrays nested deeper than " +
                           std::to_string(kMaxJsonNesting) + " levels; a taxonomy has at most " +
                           std::to_string(kMaxThemeDepth) + " levels of themes");
  }
  if (!root.is_object()) return InvalidArgument("taxonomy JSON: the top level must be an object");
  auto compiled = std::make_shared<Compiled>();
  for (const auto& [field, value] : root.items()) {
    if (field != "themes" && field != "language" && field != "version") {
      return InvalidArgument("taxonomy JSON: unknown top-level field \"" + field +
                             "\" (expected themes, language, version)");
    }
  }
  if (const auto language = root.find("language"); language != root.end()) {
    if (!language->is_string() || !IsLanguageCode(language->get<std::string>())) {
      return InvalidArgument("taxonomy JSON: \"language\" must be an ISO 639 code such as \"en\"");
    }
    compiled->language = language->get<std::string>();
  }
  const auto themes = root.find("themes");
  if (themes == root.end()) return InvalidArgument("taxonomy JSON: no \"themes\" array");
  TokenizeOptions options;
  options.language = compiled->language;
  options.invalid_utf8 = Utf8Policy::kError;
  Result<std::unique_ptr<Tokenizer>> tokenizer = Tokenizer::Create(options);
  if (!tokenizer.ok()) return tokenizer.status();
  Compiler compiler(compiled.get(), tokenizer->get());
  try {
    CANDOR_RETURN_IF_ERROR(compiler.AddThemes(*themes, -1, "themes"));
  } catch (const Json::exception& e) {
    // Invalid UTF-8 inside a string surfaces when it is read.
    return ParseError(std::string("taxonomy JSON: ") + e.what());
  }
  if (compiled->themes.empty()) return InvalidArgument("taxonomy JSON: \"themes\" is empty");
  return Taxonomy(std::move(compiled));
}

Result<Taxonomy> Taxonomy::FromFile(const std::string& path) {
  std::string contents;
  CANDOR_RETURN_IF_ERROR(
      candor::internal::ReadRegularFile(path, kMaxFileBytes, &contents, "taxonomy file"));
  Result<Taxonomy> taxonomy = FromJson(contents);
  if (!taxonomy.ok()) {
    return Status(taxonomy.status().code(), path + ": " + taxonomy.status().message());
  }
  return taxonomy;
}

size_t Taxonomy::size() const { return compiled_->themes.size(); }
const Theme& Taxonomy::theme(int32_t id) const { return compiled_->themes[id]; }
const std::vector<Theme>& Taxonomy::themes() const { return compiled_->themes; }
const std::string& Taxonomy::language() const { return compiled_->language; }

std::optional<int32_t> Taxonomy::Find(std::string_view path) const {
  const auto it = compiled_->by_path.find(Key(path));
  if (it == compiled_->by_path.end()) return std::nullopt;
  return it->second;
}

std::vector<int32_t> Taxonomy::Ancestors(int32_t id) const {
  std::vector<int32_t> out;
  for (int32_t p = compiled_->themes[id].parent; p >= 0; p = compiled_->themes[p].parent) {
    out.push_back(p);
  }
  return out;
}

bool Taxonomy::Covers(int32_t ancestor, int32_t id) const {
  return ancestor <= id && id < compiled_->subtree_end[ancestor];
}

}  // namespace candor::text
