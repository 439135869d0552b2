// ParseFollowupRulesJson: FollowupRules from the JSON of
// docs/followup-rules.md. Every key is optional; an unknown key, a value of
// the wrong kind or out of range is an error naming the key by its path.
#include <candor/business_hours.hpp>
#include <candor/followup.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "names.hpp"

namespace candor {

using text::kUrgencyCategoryCount;
using text::UrgencyCategory;
using text::UrgencyCategoryName;
namespace {

using Json = nlohmann::json;

// Rules nest four deep (rules, routing, a route, its "when"); deeper input is
// refused while it is parsed.
constexpr int kMaxDepth = 6;

Status Unknown(const std::string& path, const Json& object,
               std::initializer_list<std::string_view> known) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool found = false;
    for (std::string_view k : known) found = found || it.key() == k;
    if (!found) return InvalidArgument(path + it.key() + ": unknown key");
  }
  return OkStatus();
}

Status Number(const Json& object, const char* key, const std::string& path, double* out) {
  auto it = object.find(key);
  if (it == object.end()) return OkStatus();
  if (!it->is_number()) return InvalidArgument(path + key + ": not a number");
  const double value = it->get<double>();
  if (!std::isfinite(value)) return InvalidArgument(path + key + ": not a finite number");
  *out = value;
  return OkStatus();
}

Status Text(const Json& value, const std::string& path, std::string* out) {
  if (!value.is_string()) return InvalidArgument(path + ": not a string");
  *out = value.get<std::string>();
  return OkStatus();
}

Status TextList(const Json& value, const std::string& path, std::vector<std::string>* out) {
  if (!value.is_array()) return InvalidArgument(path + ": not an array of strings");
  out->clear();
  for (size_t k = 0; k < value.size(); ++k) {
    std::string s;
    CANDOR_RETURN_IF_ERROR(Text(value[k], path + "[" + std::to_string(k) + "]", &s));
    out->push_back(std::move(s));
  }
  return OkStatus();
}

Status ParsePoints(const Json& p, FollowupPoints* out) {
  const std::string path = "points.";
  if (!p.is_object()) return InvalidArgument("points: not an object");
  CANDOR_RETURN_IF_ERROR(
      Unknown(path, p,
              {"detractor", "passive", "very_low_score", "very_low_max", "urgency",
               "arr_per_decade", "arr_floor", "arr_max", "renewal", "renewal_days",
               "health_decline", "repeat_detractor", "strategic_role", "poor_health_grade"}));
  CANDOR_RETURN_IF_ERROR(Number(p, "detractor", path, &out->detractor));
  CANDOR_RETURN_IF_ERROR(Number(p, "passive", path, &out->passive));
  CANDOR_RETURN_IF_ERROR(Number(p, "very_low_score", path, &out->very_low_score));
  CANDOR_RETURN_IF_ERROR(Number(p, "very_low_max", path, &out->very_low_max));
  CANDOR_RETURN_IF_ERROR(Number(p, "arr_per_decade", path, &out->arr_per_decade));
  CANDOR_RETURN_IF_ERROR(Number(p, "arr_floor", path, &out->arr_floor));
  CANDOR_RETURN_IF_ERROR(Number(p, "arr_max", path, &out->arr_max));
  CANDOR_RETURN_IF_ERROR(Number(p, "renewal", path, &out->renewal));
  CANDOR_RETURN_IF_ERROR(Number(p, "renewal_days", path, &out->renewal_days));
  CANDOR_RETURN_IF_ERROR(Number(p, "health_decline", path, &out->health_decline));
  CANDOR_RETURN_IF_ERROR(Number(p, "repeat_detractor", path, &out->repeat_detractor));
  CANDOR_RETURN_IF_ERROR(Number(p, "strategic_role", path, &out->strategic_role));
  CANDOR_RETURN_IF_ERROR(Number(p, "poor_health_grade", path, &out->poor_health_grade));
  auto urgency = p.find("urgency");
  if (urgency != p.end()) {
    if (!urgency->is_object()) return InvalidArgument("points.urgency: not an object");
    for (auto it = urgency->begin(); it != urgency->end(); ++it) {
      const int code = internal::UrgencyCategoryCode(it.key());
      if (code < 0) {
        return InvalidArgument("points.urgency." + it.key() +
                               ": not an urgency category (safety, legal, churn, refund, "
                               "unresolved)");
      }
      CANDOR_RETURN_IF_ERROR(
          Number(*urgency, it.key().c_str(), "points.urgency.", &out->urgency[code - 1]));
    }
  }
  return OkStatus();
}

Status ParsePlaybook(const Json& p, FollowupRules* out) {
  if (!p.is_object()) return InvalidArgument("playbook: not an object");
  for (auto it = p.begin(); it != p.end(); ++it) {
    const std::string path = "playbook." + it.key();
    const int code = internal::FollowupCategoryCode(it.key());
    if (code < 0) {
      return InvalidArgument(path + ": not a category (fire_alarm, detractor, passive, promoter)");
    }
    const Json& entry = it.value();
    if (!entry.is_object()) return InvalidArgument(path + ": not an object");
    CANDOR_RETURN_IF_ERROR(Unknown(path + ".", entry, {"action", "due_hours"}));
    if (entry.contains("action")) {
      CANDOR_RETURN_IF_ERROR(Text(entry["action"], path + ".action", &out->actions[code]));
    }
    CANDOR_RETURN_IF_ERROR(Number(entry, "due_hours", path + ".", &out->due_hours[code]));
  }
  return OkStatus();
}

Status ParseRoute(const Json& r, const std::string& path, FollowupRoute* out) {
  if (!r.is_object()) return InvalidArgument(path + ": not an object");
  CANDOR_RETURN_IF_ERROR(Unknown(path + ".", r, {"when", "team", "members", "account_owner"}));
  if (r.contains("team")) CANDOR_RETURN_IF_ERROR(Text(r["team"], path + ".team", &out->team));
  if (r.contains("members")) {
    CANDOR_RETURN_IF_ERROR(TextList(r["members"], path + ".members", &out->members));
  }
  if (r.contains("account_owner")) {
    if (!r["account_owner"].is_boolean()) {
      return InvalidArgument(path + ".account_owner: not true or false");
    }
    out->account_owner = r["account_owner"].get<bool>();
  }
  if (r.contains("when")) {
    const Json& when = r["when"];
    const std::string w = path + ".when";
    if (!when.is_object()) return InvalidArgument(w + ": not an object");
    CANDOR_RETURN_IF_ERROR(Unknown(w + ".", when, {"theme", "urgency", "region", "category"}));
    if (when.contains("theme"))
      CANDOR_RETURN_IF_ERROR(Text(when["theme"], w + ".theme", &out->theme));
    if (when.contains("urgency")) {
      CANDOR_RETURN_IF_ERROR(Text(when["urgency"], w + ".urgency", &out->urgency));
    }
    if (when.contains("region")) {
      CANDOR_RETURN_IF_ERROR(Text(when["region"], w + ".region", &out->region));
    }
    if (when.contains("category")) {
      CANDOR_RETURN_IF_ERROR(Text(when["category"], w + ".category", &out->category));
    }
  }
  return OkStatus();
}

Result<FollowupRules> FromJson(const Json& j) {
  if (!j.is_object()) return InvalidArgument("rules: not a JSON object");
  CANDOR_RETURN_IF_ERROR(Unknown(
      "", j,
      {"dedup_days", "suppress_days", "points", "fire_alarms", "strategic_roles", "playbook",
       "include", "routing", "default_owner", "calendar", "poor_health_grades"}));
  FollowupRules rules;
  CANDOR_RETURN_IF_ERROR(Number(j, "dedup_days", "", &rules.dedup_days));
  CANDOR_RETURN_IF_ERROR(Number(j, "suppress_days", "", &rules.suppress_days));
  if (j.contains("points")) CANDOR_RETURN_IF_ERROR(ParsePoints(j["points"], &rules.points));
  if (j.contains("fire_alarms")) {
    std::vector<std::string> names;
    CANDOR_RETURN_IF_ERROR(TextList(j["fire_alarms"], "fire_alarms", &names));
    rules.fire_alarm_categories = 0;
    for (size_t k = 0; k < names.size(); ++k) {
      const int code = internal::UrgencyCategoryCode(names[k]);
      if (code < 0) {
        return InvalidArgument("fire_alarms[" + std::to_string(k) + "]: \"" + names[k] +
                               "\" is not an urgency category (safety, legal, churn, refund, "
                               "unresolved)");
      }
      rules.fire_alarm_categories |= 1u << (code - 1);
    }
  }
  if (j.contains("strategic_roles")) {
    CANDOR_RETURN_IF_ERROR(
        TextList(j["strategic_roles"], "strategic_roles", &rules.strategic_roles));
  }
  if (j.contains("poor_health_grades")) {
    CANDOR_RETURN_IF_ERROR(
        TextList(j["poor_health_grades"], "poor_health_grades", &rules.poor_health_grades));
  }
  if (j.contains("playbook")) CANDOR_RETURN_IF_ERROR(ParsePlaybook(j["playbook"], &rules));
  if (j.contains("include")) {
    std::vector<std::string> names;
    CANDOR_RETURN_IF_ERROR(TextList(j["include"], "include", &names));
    rules.include = {false, false, false, false};
    for (size_t k = 0; k < names.size(); ++k) {
      const int code = internal::FollowupCategoryCode(names[k]);
      if (code < 0) {
        return InvalidArgument("include[" + std::to_string(k) + "]: \"" + names[k] +
                               "\" is not a category (fire_alarm, detractor, passive, promoter)");
      }
      rules.include[code] = true;
    }
  }
  if (j.contains("routing")) {
    const Json& routing = j["routing"];
    if (!routing.is_array()) return InvalidArgument("routing: not an array of routes");
    for (size_t k = 0; k < routing.size(); ++k) {
      FollowupRoute route;
      CANDOR_RETURN_IF_ERROR(ParseRoute(routing[k], "routing[" + std::to_string(k) + "]", &route));
      rules.routes.push_back(std::move(route));
    }
  }
  if (j.contains("default_owner")) {
    CANDOR_RETURN_IF_ERROR(Text(j["default_owner"], "default_owner", &rules.default_owner));
  }
  if (j.contains("calendar")) {
    Result<BusinessCalendarSpec> spec = ParseBusinessCalendarJson(j["calendar"].dump());
    if (!spec.ok()) {
      return Status(spec.status().code(), "calendar: " + spec.status().message());
    }
    // The zone is loaded (and checked) by Make.
    Result<BusinessCalendar> calendar = BusinessCalendar::Make(*spec);
    if (!calendar.ok()) {
      return Status(calendar.status().code(), "calendar: " + calendar.status().message());
    }
    rules.calendar = std::move(spec).value();
  }
  CANDOR_RETURN_IF_ERROR(rules.Validate());
  return rules;
}

}  // namespace

Result<FollowupRules> ParseFollowupRulesJson(std::string_view json) {
  int depth = 0;
  bool too_deep = false;
  Json::parser_callback_t watch = [&](int, Json::parse_event_t event, Json&) {
    if (event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start) {
      if (++depth > kMaxDepth) too_deep = true;
    } else if (event == Json::parse_event_t::object_end ||
               event == Json::parse_event_t::array_end) {
      --depth;
    }
    return !too_deep;
  };
  Json parsed;
  try {
    parsed = Json::parse(json.begin(), json.end(), watch);
  } catch (const Json::exception& e) {
    return ParseError(std::string("rules: not valid JSON: ") + e.what());
  }
  if (too_deep) {
    return ParseError("rules: objects and arrays nested deeper than " + std::to_string(kMaxDepth) +
                      " levels");
  }
  try {
    return FromJson(parsed);
  } catch (const Json::exception& e) {
    return InvalidArgument(std::string("rules: ") + e.what());
  }
}

}  // namespace candor
