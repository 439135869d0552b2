// candor followup: reads the responses (and accounts, contacts, rules),
// builds the queue with the library and prints it as a table, JSON, CSV or
// JSON lines (docs/followup-jsonl.md).
#include <candor/csv.hpp>
#include <candor/followup.hpp>
#include <candor/text_model.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "data.hpp"
#include "format.hpp"
#include "records.hpp"

namespace candor::cli {
namespace {

using Json = nlohmann::json;

// Labels to codes in order of first appearance; an empty field is -1.
class Interner {
 public:
  int32_t Code(const std::string& label) {
    if (label.empty()) return -1;
    auto [it, added] = codes_.emplace(label, static_cast<int32_t>(names_.size()));
    if (added) names_.push_back(label);
    return it->second;
  }
  int32_t Find(const std::string& label) const {
    auto it = codes_.find(label);
    return it == codes_.end() ? -1 : it->second;
  }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::unordered_map<std::string, int32_t> codes_;
  std::vector<std::string> names_;
};

std::string Trim(const std::string& text) {
  const size_t b = text.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return text.substr(b, text.find_last_not_of(" \t") - b + 1);
}

// A number (decimal separator: the file's --decimal), or NaN for an empty or
// unreadable field (counted by the queue).
double NumberOrNan(const Records& records, const std::string& field) {
  double value = NAN;
  return ParseDialectNumber(field, records.dialect.decimal, &value) ? value : NAN;
}

// A time (ISO 8601, epoch seconds, or the file's --time-format), or
// kFollowupNoTime for an empty or unreadable field.
int64_t TimeOrMissing(const Records& records, const std::string& field) {
  if (Trim(field).empty()) return kFollowupNoTime;
  Result<int64_t> time = ParseDialectTime(field, records.dialect.time_format);
  return time.ok() ? *time : kFollowupNoTime;
}

std::string Iso(int64_t t) {
  if (t == kFollowupNoTime) return "";
  const CivilTime c = UtcCivilTime(t);
  char buffer[48];
  std::snprintf(buffer, sizeof(buffer), "%04lld-%02d-%02dT%02d:%02d:%02dZ",
                static_cast<long long>(c.year), c.month, c.day, c.hour, c.minute, c.second);
  return buffer;
}

// The optional column `name` ("" = `fallback` if the file has it); -1: none.
Result<int64_t> OptionalColumn(const Records& records, const std::string& name,
                               const std::string& fallback) {
  if (!name.empty()) {
    Result<size_t> column = records.Column(name);
    if (!column.ok()) return column.status();
    return static_cast<int64_t>(*column);
  }
  for (size_t j = 0; j < records.header.size(); ++j) {
    if (records.header[j] == fallback) return static_cast<int64_t>(j);
  }
  return int64_t{-1};
}

// --account-column, else "account" or "account_id" (whichever the header
// has first; "account" when neither, for the message).
std::string AccountColumn(const FollowupArgs& args, const std::vector<std::string>& header) {
  if (!args.account_column.empty()) return args.account_column;
  for (const std::string& name : header) {
    if (name == "account" || name == "account_id") return name;
  }
  return "account";
}

// Everything the queue reads, owned here.
struct Input {
  Records responses;
  std::vector<double> score;
  std::vector<int64_t> time;
  std::vector<int32_t> account;
  std::vector<int32_t> respondent;
  std::vector<int32_t> role;
  std::vector<uint8_t> urgency;
  std::vector<int32_t> theme;
  std::vector<int64_t> theme_offsets;  // with --theme-separator
  std::vector<int32_t> theme_ids;
  Interner accounts, respondents, roles, themes;
  std::vector<double> arr, health_change;
  std::vector<int64_t> renewal;
  std::vector<uint8_t> opt_out;
  std::vector<int32_t> owner, region, health_grade;
  Interner owners, regions, health_grades;
  std::vector<int32_t> contact_respondent;
  std::vector<int64_t> contact_time;
  FollowupResponses r;
  FollowupAccounts a;
  FollowupContacts c;
};

Status ReadAccounts(const FollowupArgs& args, Input* in) {
  Result<Records> records =
      ReadRecords(args.accounts, args.delimiter, args.max_bytes, args.dialect);
  if (!records.ok()) return records.status();
  Result<size_t> key = records->Column(AccountColumn(args, records->header));
  if (!key.ok()) return key.status();
  for (size_t i = 0; i < records->size(); ++i) {
    const std::string label = Trim(records->rows[i][*key]);
    if (label.empty()) {
      return InvalidArgument("'" + args.accounts + "' line " + std::to_string(records->lines[i]) +
                             ": the account is empty");
    }
    if (in->accounts.Find(label) >= 0) {
      return InvalidArgument("'" + args.accounts + "' line " + std::to_string(records->lines[i]) +
                             ": account '" + label + "' appears more than once");
    }
    in->accounts.Code(label);
  }
  auto column = [&](const char* name) -> int64_t {
    for (size_t j = 0; j < records->header.size(); ++j) {
      if (records->header[j] == name) return static_cast<int64_t>(j);
    }
    return -1;
  };
  const size_t n = records->size();
  in->a.n = n;
  if (const int64_t j = column("arr"); j >= 0) {
    for (const auto& row : records->rows) in->arr.push_back(NumberOrNan(*records, row[j]));
    in->a.arr = in->arr.data();
  }
  if (const int64_t j = column("renewal"); j >= 0) {
    for (const auto& row : records->rows) in->renewal.push_back(TimeOrMissing(*records, row[j]));
    in->a.renewal = in->renewal.data();
  }
  if (const int64_t j = column("health_change"); j >= 0) {
    for (const auto& row : records->rows)
      in->health_change.push_back(NumberOrNan(*records, row[j]));
    in->a.health_change = in->health_change.data();
  }
  if (column("opt_out") >= 0) {
    Result<std::vector<uint8_t>> flags = ReadFlags(*records, "opt_out");
    if (!flags.ok()) return flags.status();
    in->opt_out = std::move(flags).value();
    in->a.opt_out = in->opt_out.data();
  }
  if (const int64_t j = column("owner"); j >= 0) {
    for (const auto& row : records->rows) in->owner.push_back(in->owners.Code(Trim(row[j])));
    in->a.owner = in->owner.data();
  }
  if (const int64_t j = column("region"); j >= 0) {
    for (const auto& row : records->rows) in->region.push_back(in->regions.Code(Trim(row[j])));
    in->a.region = in->region.data();
  }
  if (const int64_t j = column("health_grade"); j >= 0) {
    for (const auto& row : records->rows) {
      in->health_grade.push_back(in->health_grades.Code(Trim(row[j])));
    }
    in->a.health_grade = in->health_grade.data();
  }
  return OkStatus();
}

Status ReadUrgency(const FollowupArgs& args, int64_t urgency, int64_t comment, Input* in) {
  const Records& records = in->responses;
  const size_t n = records.size();
  if (urgency >= 0) {
    for (size_t i = 0; i < n; ++i) {
      const std::string name = Trim(records.rows[i][urgency]);
      uint8_t code = 0;
      if (!name.empty() && name != "none") {
        for (int k = 1; k <= text::kUrgencyCategoryCount && code == 0; ++k) {
          if (name == text::UrgencyCategoryName(static_cast<text::UrgencyCategory>(k))) code = k;
        }
        if (code == 0) {
          return InvalidArgument("'" + args.file + "' line " + std::to_string(records.lines[i]) +
                                 ": urgency '" + name +
                                 "' is not one of none, safety, legal, churn, refund, unresolved");
        }
      }
      in->urgency.push_back(code);
    }
  } else if (comment >= 0) {
    auto model = text::TextModel::Create();
    if (!model.ok()) return model.status();
    std::vector<std::string_view> views;
    for (size_t i = 0; i < n; ++i) views.emplace_back(records.rows[i][comment]);
    auto columns = (*model)->Analyze(views.data(), views.size());
    if (!columns.ok()) {
      return Status(columns.status().code(), "'" + args.file + "': " + columns.status().message());
    }
    in->urgency = columns->sentiment.urgency_category;
  } else {
    return OkStatus();
  }
  in->r.urgency = in->urgency.data();
  return OkStatus();
}

Status ReadInput(const FollowupArgs& args, Input* in) {
  Result<Records> records = ReadRecords(args.file, args.delimiter, args.max_bytes, args.dialect);
  if (!records.ok()) return records.status();
  in->responses = std::move(records).value();
  const Records& rows = in->responses;
  Result<size_t> score = rows.Column(args.score_column);
  if (!score.ok()) return score.status();
  std::string time_name = args.time_column.empty() ? FindTimeColumn(rows.header) : args.time_column;
  if (time_name.empty()) {
    return NotFound("'" + args.file + "' has no time column (" + TimeColumnNames() +
                    "); name it with --time-column");
  }
  Result<size_t> time = rows.Column(time_name);
  if (!time.ok()) return time.status();
  Result<size_t> account = rows.Column(AccountColumn(args, rows.header));
  if (!account.ok()) return account.status();
  Result<int64_t> respondent = OptionalColumn(rows, args.respondent_column, "respondent");
  Result<int64_t> role = OptionalColumn(rows, args.role_column, "role");
  Result<int64_t> urgency = OptionalColumn(rows, args.urgency_column, "urgency");
  Result<int64_t> theme = OptionalColumn(rows, args.theme_column, "theme");
  Result<int64_t> comment = OptionalColumn(rows, args.comment_column, "comment");
  for (const auto* r : {&respondent, &role, &urgency, &theme, &comment}) {
    if (!r->ok()) return r->status();
  }
  if (!args.accounts.empty()) CANDOR_RETURN_IF_ERROR(ReadAccounts(args, in));
  const bool table = !args.accounts.empty();
  const size_t n = rows.size();
  for (size_t i = 0; i < n; ++i) {
    const auto& row = rows.rows[i];
    in->score.push_back(NumberOrNan(rows, row[*score]));
    in->time.push_back(TimeOrMissing(rows, row[*time]));
    const std::string label = Trim(row[*account]);
    in->account.push_back(table ? in->accounts.Find(label) : in->accounts.Code(label));
    if (*respondent >= 0) in->respondent.push_back(in->respondents.Code(Trim(row[*respondent])));
    if (*role >= 0) in->role.push_back(in->roles.Code(Trim(row[*role])));
    if (*theme >= 0 && args.theme_separator == '\0') {
      in->theme.push_back(in->themes.Code(Trim(row[*theme])));
    } else if (*theme >= 0) {  // names between separators, blanks trimmed, empty ones skipped
      if (in->theme_offsets.empty()) in->theme_offsets.push_back(0);
      const std::string& field = row[*theme];
      size_t start = 0;
      while (start <= field.size()) {
        size_t end = field.find(args.theme_separator, start);
        if (end == std::string::npos) end = field.size();
        const int32_t code = in->themes.Code(Trim(field.substr(start, end - start)));
        if (code >= 0) in->theme_ids.push_back(code);
        start = end + 1;
      }
      in->theme_offsets.push_back(static_cast<int64_t>(in->theme_ids.size()));
    }
  }
  CANDOR_RETURN_IF_ERROR(ReadUrgency(args, *urgency, *comment, in));
  if (!args.contacts.empty()) {
    if (*respondent < 0) {
      return InvalidArgument("--contacts needs a respondent column in '" + args.file + "'");
    }
    Result<Records> contacts =
        ReadRecords(args.contacts, args.delimiter, args.max_bytes, args.dialect);
    if (!contacts.ok()) return contacts.status();
    Result<size_t> who = contacts->Column("respondent");
    if (!who.ok()) return who.status();
    Result<std::vector<int64_t>> when = ReadTimes(*contacts, "time");
    if (!when.ok()) return when.status();
    in->contact_time = std::move(when).value();
    for (const auto& row : contacts->rows) {
      in->contact_respondent.push_back(in->respondents.Code(Trim(row[*who])));
    }
    in->c = {in->contact_time.size(), in->contact_respondent.data(), in->contact_time.data()};
  }
  FollowupResponses& r = in->r;
  r.n = n;
  r.score = in->score.data();
  r.time = in->time.data();
  r.account = in->account.data();
  if (*respondent >= 0) r.respondent = in->respondent.data();
  if (*role >= 0) {
    r.role = in->role.data();
    r.role_names = in->roles.names();
  }
  if (*theme >= 0 && args.theme_separator == '\0') {
    r.theme = in->theme.data();
    r.theme_names = in->themes.names();
  } else if (*theme >= 0 && n > 0) {
    r.theme_offsets = in->theme_offsets.data();
    r.theme_ids = in->theme_ids.data();
    r.theme_names = in->themes.names();
  }
  in->a.owner_names = in->owners.names();
  in->a.health_grade_names = in->health_grades.names();
  in->a.region_names = in->regions.names();
  return OkStatus();
}

// One case as the JSON object of docs/followup-jsonl.md.
Json CaseJson(const FollowupQueue& q, const Input& in, size_t i) {
  const auto null_or = [](int32_t code, const std::vector<std::string>& names) -> Json {
    return code < 0 ? Json(nullptr) : Json(names[code]);
  };
  Json reasons = Json::array();
  for (uint32_t k = q.reason_begin[i]; k < q.reason_begin[i + 1]; ++k) {
    reasons.push_back({{"name", FollowupReasonName(static_cast<FollowupReason>(q.reason[k]))},
                       {"points", q.reason_points[k]}});
  }
  const std::string& account = in.accounts.names()[q.account[i]];
  const size_t lead = static_cast<size_t>(q.lead_row[i]);
  Json o;
  o["case_id"] = account + "@" + Iso(q.first_time[i]);
  o["rank"] = i + 1;
  o["account"] = account;
  o["category"] = FollowupCategoryName(static_cast<FollowupCategory>(q.category[i]));
  o["fire_alarm"] = q.category[i] == 0;
  o["action"] = q.actions[q.category[i]];
  o["owner"] = null_or(q.owner[i], q.owner_names);
  o["team"] = null_or(q.route[i], q.team_names);
  o["due"] = Iso(q.due[i]);
  o["priority"] = q.priority[i];
  o["reasons"] = std::move(reasons);
  o["urgency"] =
      q.urgency[i] == 0
          ? Json(nullptr)
          : Json(text::UrgencyCategoryName(static_cast<text::UrgencyCategory>(q.urgency[i])));
  o["theme"] = null_or(q.theme[i], in.themes.names());
  Json themes = Json::array();
  for (int64_t k = q.theme_begin[i]; k < q.theme_begin[i + 1]; ++k) {
    themes.push_back(in.themes.names()[q.themes[k]]);
  }
  o["themes"] = std::move(themes);
  o["score"] = q.score[i];
  o["respondent"] = in.r.respondent == nullptr
                        ? Json(nullptr)
                        : null_or(in.respondent[lead], in.respondents.names());
  o["responses"] = q.responses[i];
  o["lead_line"] = in.responses.lines[lead];
  o["first_time"] = Iso(q.first_time[i]);
  o["lead_time"] = Iso(q.lead_time[i]);
  o["last_time"] = Iso(q.last_time[i]);
  return o;
}

Json CountsJson(const FollowupCounts& c) {
  return {{"responses", c.responses},
          {"invalid_score", c.invalid_score},
          {"invalid_time", c.invalid_time},
          {"no_account", c.no_account},
          {"opted_out", c.opted_out},
          {"suppressed", c.suppressed},
          {"merged", c.merged},
          {"not_included", c.not_included},
          {"cases", c.cases},
          {"fire_alarms", c.fire_alarms}};
}

std::string CountsLine(const FollowupCounts& c) {
  return std::to_string(c.responses) + " responses -> " + std::to_string(c.cases) + " cases (" +
         std::to_string(c.fire_alarms) +
         " fire alarms); dropped: " + std::to_string(c.invalid_score) + " invalid score, " +
         std::to_string(c.invalid_time) + " invalid time, " + std::to_string(c.no_account) +
         " no account, " + std::to_string(c.opted_out) + " opted out, " +
         std::to_string(c.suppressed) + " suppressed; " + std::to_string(c.merged) +
         " merged into cases; " + std::to_string(c.not_included) + " cases of excluded categories";
}

std::string ReasonsText(const FollowupQueue& q, size_t i) {
  std::string text;
  for (uint32_t k = q.reason_begin[i]; k < q.reason_begin[i + 1]; ++k) {
    if (!text.empty()) text += "; ";
    text += std::string(FollowupReasonName(static_cast<FollowupReason>(q.reason[k]))) + " " +
            FormatSigned(q.reason_points[k],
                         q.reason_points[k] == std::floor(q.reason_points[k]) ? 0 : 1);
  }
  return text;
}

// The case's themes joined by `separator`.
std::string ThemesText(const FollowupQueue& q, const Input& in, size_t i, char separator) {
  std::string text;
  for (int64_t k = q.theme_begin[i]; k < q.theme_begin[i + 1]; ++k) {
    if (k > q.theme_begin[i]) text += separator;
    text += in.themes.names()[q.themes[k]];
  }
  return text;
}

int Print(const FollowupArgs& args, const FollowupQueue& q, const Input& in) {
  switch (args.format) {
    case FollowupFormat::kJsonl:
      for (size_t i = 0; i < q.size(); ++i) std::cout << CaseJson(q, in, i).dump() << "\n";
      std::cerr << "candor: followup: " << CountsLine(q.counts) << "\n";
      return kExitOk;
    case FollowupFormat::kJson: {
      Json cases = Json::array();
      for (size_t i = 0; i < q.size(); ++i) cases.push_back(CaseJson(q, in, i));
      std::cout << DumpJson({{"counts", CountsJson(q.counts)}, {"cases", std::move(cases)}})
                << "\n";
      return kExitOk;
    }
    case FollowupFormat::kCsv: {
      const char separator = args.theme_separator == '\0' ? ';' : args.theme_separator;
      std::cout << CsvRow({"rank", "case_id", "account", "category", "action", "owner", "team",
                           "due", "priority", "reasons", "urgency", "theme", "score", "responses",
                           "lead_line", "first_time", "lead_time", "last_time", "themes"});
      for (size_t i = 0; i < q.size(); ++i) {
        const Json o = CaseJson(q, in, i);
        auto text = [](const Json& v) {
          return v.is_null() ? std::string() : v.get<std::string>();
        };
        std::cout << CsvRow(
            {std::to_string(i + 1), text(o["case_id"]), text(o["account"]), text(o["category"]),
             text(o["action"]), text(o["owner"]), text(o["team"]), text(o["due"]),
             RoundTrip(q.priority[i]), ReasonsText(q, i), text(o["urgency"]), text(o["theme"]),
             RoundTrip(q.score[i]), std::to_string(q.responses[i]),
             std::to_string(in.responses.lines[q.lead_row[i]]), text(o["first_time"]),
             text(o["lead_time"]), text(o["last_time"]), ThemesText(q, in, i, separator)});
      }
      return kExitOk;
    }
    case FollowupFormat::kTable:
      break;
  }
  std::cout << "Follow-up queue: " << CountsLine(q.counts) << "\n\n";
  TextTable table({"rank", "account", "category", "priority", "owner", "due", "action", "reasons"},
                  2);
  table.SetLeftAligned(2);
  table.SetLeftAligned(4);
  table.SetLeftAligned(5);
  table.SetLeftAligned(6);
  table.SetLeftAligned(7);
  const size_t shown = std::min(q.size(), static_cast<size_t>(args.top));
  for (size_t i = 0; i < shown; ++i) {
    table.AddRow({std::to_string(i + 1), in.accounts.names()[q.account[i]],
                  FollowupCategoryName(static_cast<FollowupCategory>(q.category[i])),
                  FormatFixed(q.priority[i], 1), q.owner[i] < 0 ? "-" : q.owner_names[q.owner[i]],
                  Iso(q.due[i]), q.actions[q.category[i]], ReasonsText(q, i)});
  }
  std::cout << table.Render();
  if (shown < q.size()) {
    std::cout << "(" << q.size() - shown << " more cases; --top N or --format csv lists them)\n";
  }
  return kExitOk;
}

}  // namespace

int RunFollowup(const FollowupArgs& args) {
  FollowupRules rules;
  if (!args.rules.empty()) {
    Result<std::string> text = ReadWholeFile(args.rules, args.max_bytes);
    if (!text.ok()) return FailData(text.status());
    Result<FollowupRules> parsed = ParseFollowupRulesJson(*text);
    if (!parsed.ok()) {
      return FailData(
          Status(parsed.status().code(), "'" + args.rules + "': " + parsed.status().message()));
    }
    rules = std::move(parsed).value();
  }
  auto in = std::make_unique<Input>();
  Status read = ReadInput(args, in.get());
  if (!read.ok()) return FailData(read);
  Result<FollowupQueue> queue = BuildFollowupQueue(in->r, in->a, in->c, rules);
  if (!queue.ok()) return FailData(queue.status());
  return Print(args, *queue, *in);
}

}  // namespace candor::cli
