#include "report_columns.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "weight_rule.hpp"

namespace candor::cli {
namespace {

// A role and the names it is guessed from, most likely first.
struct Role {
  const char* name;  // as in --columns and the guesses' lines
  std::string ReportColumns::*field;
  std::vector<const char*> usual_names;
};

const std::vector<Role>& Roles() {
  static const std::vector<Role> roles = {
      {"score",
       &ReportColumns::score,
       {"score", "nps", "nps_score", "rating", "ltr", "likelihood_to_recommend"}},
      {"comment",
       &ReportColumns::comment,
       {"comment", "comments", "feedback", "verbatim", "open_text", "text"}},
      {"time",
       &ReportColumns::time,
       {"timestamp", "time", "date", "submitted_at", "created_at", "responded_at"}},
      {"account",
       &ReportColumns::account,
       {"account_id", "account", "customer_id", "customer", "company", "company_id"}},
      {"weight", &ReportColumns::weight, {}},  // named only (weight_rule.hpp)
      {"arr", &ReportColumns::arr, {"arr", "annual_recurring_revenue", "acv"}},
      {"outcome", &ReportColumns::outcome, {"churned", "churn", "outcome", "is_churned"}},
      {"invited", &ReportColumns::invited, {"invited", "population", "invitations"}},
  };
  return roles;
}

constexpr const char* kSegmentNames[] = {"region", "plan", "role", "segment"};

bool SameIgnoringCase(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string Quoted(const std::string& name) { return "'" + name + "'"; }

}  // namespace

Result<ReportColumns> ReadColumnsConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError("--columns: cannot read '" + path + "'");
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json json =
      nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return InvalidArgument("--columns '" + path + "': not a JSON object");
  }
  ReportColumns columns;
  columns.score.clear();
  for (const auto& [key, value] : json.items()) {
    if (key == "segments") {
      if (!value.is_array()) {
        return InvalidArgument("--columns '" + path + "': segments must be a list of names");
      }
      for (const auto& name : value) {
        if (!name.is_string() || name.get<std::string>().empty()) {
          return InvalidArgument("--columns '" + path + "': segments must be a list of names");
        }
        columns.segments.push_back(name.get<std::string>());
      }
      continue;
    }
    const auto role =
        std::find_if(Roles().begin(), Roles().end(), [&](const Role& r) { return key == r.name; });
    if (role == Roles().end()) {
      std::string known;
      for (const Role& r : Roles()) known += std::string(r.name) + ", ";
      return InvalidArgument("--columns '" + path + "': unknown key '" + key +
                             "' (known: " + known + "segments)");
    }
    if (!value.is_string() || value.get<std::string>().empty()) {
      return InvalidArgument("--columns '" + path + "': " + key + " must be a column name");
    }
    columns.*(role->field) = value.get<std::string>();
  }
  return columns;
}

ReportColumns ChooseReportColumns(const ReportArgs& args, const ReportColumns& config,
                                  const std::vector<std::string>& header,
                                  std::vector<std::string>* guesses) {
  ReportColumns given;
  given.score = args.score_column;
  given.comment = args.comment_column;
  given.time = args.time_column;
  given.account = args.account_column;
  given.weight = args.input.weight_column;
  given.arr = args.arr_column;
  given.outcome = args.outcome_column;
  given.invited = args.invited_column;

  ReportColumns chosen;
  std::vector<std::string> used;
  // Options first, then the config, for every role: a guess never takes a
  // column named for another role.
  for (const Role& role : Roles()) {
    const std::string& name = !(given.*role.field).empty() ? given.*role.field : config.*role.field;
    chosen.*role.field = name;
    if (!name.empty()) used.push_back(name);
  }
  auto is_used = [&](const std::string& column) {
    return std::find(used.begin(), used.end(), column) != used.end();
  };
  for (const Role& role : Roles()) {
    if (!(chosen.*role.field).empty()) continue;
    // Weights only when named (weight_rule.hpp): never guessed.
    if (role.field == &ReportColumns::weight) continue;
    for (const char* usual : role.usual_names) {
      const auto found = std::find_if(header.begin(), header.end(), [&](const std::string& c) {
        return SameIgnoringCase(c, usual) && !is_used(c);
      });
      if (found == header.end()) continue;
      chosen.*role.field = *found;
      used.push_back(*found);
      guesses->push_back("used column " + Quoted(*found) + " for " + role.name + " (by name)");
      break;
    }
  }
  if (std::optional<std::string> note = UnusedWeightNote(header, chosen.weight)) {
    guesses->push_back(*note);
  }
  // Without a score column in the header, "score" is named in the reader's error.
  if (chosen.score.empty()) chosen.score = "score";

  if (!args.by.empty()) {
    chosen.segments = args.by;
  } else if (!config.segments.empty()) {
    chosen.segments = config.segments;
  } else {
    std::string listed;
    for (const char* usual : kSegmentNames) {
      for (const std::string& column : header) {
        if (column == usual && !is_used(column)) {
          chosen.segments.push_back(column);
          listed += (listed.empty() ? "" : ", ") + Quoted(column);
        }
      }
    }
    if (!listed.empty()) {
      guesses->push_back("used " +
                         std::string(chosen.segments.size() > 1 ? "columns " : "column ") + listed +
                         " as segments (by name)");
    }
  }
  return chosen;
}

}  // namespace candor::cli
