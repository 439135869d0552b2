// ParseScorecardJson: a Scorecard from its JSON form (the schema is in
// docs/health-scorecard.md). Every message names the field by its path in
// the JSON, which is the path Scorecard::Validate names it by
// ("measures[2].tiers[1]"), except that profiles name measures and groups by
// name ("profiles[0].measure_weights.open_tickets") where the struct has an
// index.
#include <candor/enum_names.hpp>
#include <candor/health.hpp>
#include <climits>
#include <cmath>
#include <cstdio>
#include <limits>
#include <new>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "number_text.hpp"

namespace candor {
namespace {

using Json = nlohmann::json;

// The names of the C enums are the names of the C++ enums' values.
static_assert(CANDOR_HEALTH_TRANSFORM_LINEAR == static_cast<int>(HealthTransform::kLinear));
static_assert(CANDOR_HEALTH_TRANSFORM_TIERS == static_cast<int>(HealthTransform::kTiers));
static_assert(CANDOR_HEALTH_TRANSFORM_BOOLEAN == static_cast<int>(HealthTransform::kBoolean));
static_assert(CANDOR_HEALTH_TRANSFORM_PERCENTILE == static_cast<int>(HealthTransform::kPercentile));
static_assert(CANDOR_HEALTH_TRANSFORM_Z_SCORE == static_cast<int>(HealthTransform::kZScore));
static_assert(CANDOR_HEALTH_MISSING_RENORMALIZE == static_cast<int>(HealthMissing::kRenormalize));
static_assert(CANDOR_HEALTH_MISSING_ZERO == static_cast<int>(HealthMissing::kZero));
static_assert(CANDOR_HEALTH_MISSING_GROUP_MEAN == static_cast<int>(HealthMissing::kGroupMean));
static_assert(CANDOR_HEALTH_COMBINE_WEIGHTED_MEAN ==
              static_cast<int>(HealthCombine::kWeightedMean));
static_assert(CANDOR_HEALTH_COMBINE_WORST_OF == static_cast<int>(HealthCombine::kWorstOf));

constexpr int kVersion = 1;

// A scorecard nests five deep (the card, measures, a measure, its tiers, a
// tier). Deeper input is refused while it is parsed, before it costs memory.
constexpr size_t kMaxNesting = 8;

using health_internal::Num;

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// "a number", "an array", "null": what a value is, for messages.
std::string KindOf(const Json& value) {
  if (value.is_null()) return "null";
  const std::string name = value.type_name();
  return (value.is_object() || value.is_array() ? "an " : "a ") + name;
}

// What nlohmann's parser accepts silently: a key given twice in one object
// (it keeps the last) and nesting deeper than a scorecard's. Follows the
// parse events and keeps the first such problem, with the path of its value.
class ParseWatch {
 public:
  bool operator()(int /*depth*/, Json::parse_event_t event, const Json& parsed) {
    using Event = Json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        if (frames_.size() >= kMaxNesting) {
          Note(Path() + ": objects and arrays nested deeper than " + std::to_string(kMaxNesting) +
               " levels (a scorecard has 5)");
          return false;  // drops the value and what it holds
        }
        frames_.push_back({event == Event::array_start, 0, "", {}});
        return true;
      case Event::key:
        frames_.back().key = parsed.get<std::string>();
        if (!frames_.back().keys.insert(frames_.back().key).second) {
          Note(Path() + ": given twice");
        }
        return true;
      case Event::object_end:
      case Event::array_end:
        frames_.pop_back();
        [[fallthrough]];
      case Event::value:
        if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
        return true;
    }
    return true;
  }

  const std::string& problem() const { return problem_; }

 private:
  struct Frame {
    bool array;
    size_t index;     // an array's: of the element being parsed
    std::string key;  // an object's: of the member being parsed
    std::set<std::string> keys;
  };

  std::string Path() const {
    std::string path;
    for (const Frame& frame : frames_) {
      if (frame.array) {
        path += "[" + std::to_string(frame.index) + "]";
      } else {
        path += (path.empty() ? "" : ".") + frame.key;
      }
    }
    return path;
  }

  void Note(const std::string& problem) {
    if (problem_.empty()) problem_ = problem;
  }

  std::vector<Frame> frames_;
  std::string problem_;
};

// A JSON object of the scorecard and its path: reads its members into the
// fields of a struct, each checked for the type the schema gives it. A
// member that is absent leaves the field as it was (its default).
class Object {
 public:
  Object(const Json& value, std::string path) : value_(&value), path_(std::move(path)) {}

  // Errors unless the value is an object whose keys are all `allowed`;
  // `noun` says what a key is ("key", "measure", "group").
  Status Expect(const std::vector<std::string_view>& allowed, std::string_view noun = "key") const {
    if (!value_->is_object()) return Error("expected an object, got " + KindOf(*value_));
    for (const auto& member : value_->items()) {
      bool known = false;
      for (std::string_view name : allowed) known = known || member.key() == name;
      if (known) continue;
      std::string list;
      for (std::string_view name : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(name);
      }
      return Error("unknown " + std::string(noun) + " " + Quoted(member.key()) +
                   "; expected one of " + list);
    }
    return OkStatus();
  }

  const Json& json() const { return *value_; }
  const Json* Find(std::string_view key) const {
    const auto it = value_->find(key);
    return it == value_->end() ? nullptr : &*it;
  }
  bool Has(std::string_view key) const { return Find(key) != nullptr; }
  std::string PathOf(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  Status Error(const std::string& what) const {
    return InvalidArgument((path_.empty() ? "scorecard" : path_) + ": " + what);
  }
  Status Error(std::string_view key, const std::string& what) const {
    return InvalidArgument(PathOf(key) + ": " + what);
  }

  Status Require(std::string_view key) const {
    return Has(key) ? OkStatus() : Error(key, "missing");
  }

  Status Read(std::string_view key, double* out) const {
    return ReadChecked(key, &Json::is_number, "a number", out);
  }
  Status Read(std::string_view key, bool* out) const {
    return ReadChecked(key, &Json::is_boolean, "true or false", out);
  }
  Status Read(std::string_view key, std::string* out) const {
    return ReadChecked(key, &Json::is_string, "a string", out);
  }
  Status Read(std::string_view key, int* out) const {
    double x = *out;  // exact for any integer in int's range
    CANDOR_RETURN_IF_ERROR(ReadChecked(key, &Json::is_number_integer, "an integer", &x));
    if (x < INT_MIN || x > INT_MAX) return Error(key, Find(key)->dump() + " is out of range");
    *out = static_cast<int>(x);
    return OkStatus();
  }

  // A bound of a range: a number, or null for the open end `open`.
  Status ReadBound(std::string_view key, double open, double* out) const {
    const Json* value = Find(key);
    if (value != nullptr && value->is_null()) {
      *out = open;
      return OkStatus();
    }
    return ReadChecked(key, &Json::is_number, "a number or null", out);
  }

  // A name of the candor_enum `type`; `noun` names what it chooses.
  template <typename Enum>
  Status ReadEnum(std::string_view key, candor_enum type, std::string_view noun, Enum* out) const {
    std::string name;
    if (!Has(key)) return OkStatus();
    CANDOR_RETURN_IF_ERROR(Read(key, &name));
    Result<int32_t> value = EnumValue(type, name);
    if (!value.ok()) {
      return Error(key, "unknown " + std::string(noun) + " " + Quoted(name) + "; expected one of " +
                            EnumNameList(type));
    }
    *out = static_cast<Enum>(*value);
    return OkStatus();
  }

  // read(element, path) for each element of the array at `key`.
  template <typename ReadElement>
  Status ForEach(std::string_view key, ReadElement read) const {
    const Json* value = Find(key);
    if (value == nullptr) return OkStatus();
    if (!value->is_array()) return Mistyped(key, "an array", *value);
    for (size_t i = 0; i < value->size(); ++i) {
      CANDOR_RETURN_IF_ERROR(read((*value)[i], PathOf(key) + "[" + std::to_string(i) + "]"));
    }
    return OkStatus();
  }

 private:
  // The member `key`, if there, into *out when `is` says it is `expected`.
  template <typename T>
  Status ReadChecked(std::string_view key, bool (Json::*is)() const noexcept,
                     std::string_view expected, T* out) const {
    const Json* value = Find(key);
    if (value == nullptr) return OkStatus();
    if (!(value->*is)()) return Mistyped(key, expected, *value);
    *out = value->get<T>();
    return OkStatus();
  }

  Status Mistyped(std::string_view key, std::string_view expected, const Json& value) const {
    return Error(key, "expected " + std::string(expected) + ", got " + KindOf(value));
  }

  const Json* value_;
  std::string path_;
};

Status ReadTier(const Json& json, const std::string& path, HealthTier* tier) {
  const Object o(json, path);
  CANDOR_RETURN_IF_ERROR(
      o.Expect({"low", "high", "low_inclusive", "high_inclusive", "points", "label"}));
  CANDOR_RETURN_IF_ERROR(o.ReadBound("low", -std::numeric_limits<double>::infinity(), &tier->low));
  CANDOR_RETURN_IF_ERROR(o.ReadBound("high", std::numeric_limits<double>::infinity(), &tier->high));
  CANDOR_RETURN_IF_ERROR(o.Read("low_inclusive", &tier->low_inclusive));
  CANDOR_RETURN_IF_ERROR(o.Read("high_inclusive", &tier->high_inclusive));
  CANDOR_RETURN_IF_ERROR(o.Read("points", &tier->points));
  return o.Read("label", &tier->label);
}

// Whether `transform` reads the measure's key `key`: a key the transform
// does not read is refused rather than ignored (say zero_at left behind when
// the transform became "percentile").
bool TransformReads(HealthTransform transform, std::string_view key) {
  if (key == "zero_at" || key == "full_at") return transform == HealthTransform::kLinear;
  if (key == "tiers") return transform == HealthTransform::kTiers;
  if (key == "true_points" || key == "false_points") {
    return transform == HealthTransform::kBoolean;
  }
  if (key == "higher_is_better") {
    return transform == HealthTransform::kPercentile || transform == HealthTransform::kZScore;
  }
  if (key == "z_span") return transform == HealthTransform::kZScore;
  return true;
}

Status ReadMeasure(const Json& json, const std::string& path, HealthMeasure* m) {
  const Object o(json, path);
  CANDOR_RETURN_IF_ERROR(
      o.Expect({"name", "label", "group", "weight", "transform", "zero_at", "full_at", "tiers",
                "true_points", "false_points", "higher_is_better", "z_span"}));
  CANDOR_RETURN_IF_ERROR(o.Require("name"));
  CANDOR_RETURN_IF_ERROR(o.Read("name", &m->name));
  CANDOR_RETURN_IF_ERROR(o.Read("label", &m->label));
  CANDOR_RETURN_IF_ERROR(o.Read("group", &m->group));
  CANDOR_RETURN_IF_ERROR(o.Read("weight", &m->weight));
  CANDOR_RETURN_IF_ERROR(
      o.ReadEnum("transform", CANDOR_ENUM_HEALTH_TRANSFORM, "transform", &m->transform));
  for (const auto& member : o.json().items()) {
    if (!TransformReads(m->transform, member.key())) {
      return o.Error(member.key(),
                     "not read by the transform " +
                         Quoted(EnumName(CANDOR_ENUM_HEALTH_TRANSFORM, m->transform)));
    }
  }
  CANDOR_RETURN_IF_ERROR(o.Read("zero_at", &m->zero_at));
  CANDOR_RETURN_IF_ERROR(o.Read("full_at", &m->full_at));
  CANDOR_RETURN_IF_ERROR(o.ForEach("tiers", [m](const Json& tier, const std::string& at) {
    m->tiers.emplace_back();
    return ReadTier(tier, at, &m->tiers.back());
  }));
  CANDOR_RETURN_IF_ERROR(o.Read("true_points", &m->true_points));
  CANDOR_RETURN_IF_ERROR(o.Read("false_points", &m->false_points));
  CANDOR_RETURN_IF_ERROR(o.Read("higher_is_better", &m->higher_is_better));
  return o.Read("z_span", &m->z_span);
}

Status ReadGroup(const Json& json, const std::string& path, HealthGroup* group) {
  const Object o(json, path);
  CANDOR_RETURN_IF_ERROR(o.Expect({"name", "weight"}));
  CANDOR_RETURN_IF_ERROR(o.Read("name", &group->name));
  return o.Read("weight", &group->weight);
}

Status ReadGrade(const Json& json, const std::string& path, HealthGrade* grade) {
  const Object o(json, path);
  CANDOR_RETURN_IF_ERROR(o.Expect({"name", "min_score"}));
  CANDOR_RETURN_IF_ERROR(o.Read("name", &grade->name));
  return o.ReadBound("min_score", -std::numeric_limits<double>::infinity(), &grade->min_score);
}

// The object at `key` of a profile, {name: weight}, into one weight per name
// of `names` (NaN for a name it does not give).
Status ReadWeightsByName(const Object& profile, std::string_view key,
                         const std::vector<std::string_view>& names, std::string_view noun,
                         std::vector<double>* weights) {
  const Json* json = profile.Find(key);
  if (json == nullptr) return OkStatus();
  const Object o(*json, profile.PathOf(key));
  CANDOR_RETURN_IF_ERROR(o.Expect(names, noun));
  weights->assign(names.size(), std::nan(""));
  for (size_t i = 0; i < names.size(); ++i) {
    double& w = (*weights)[i];
    CANDOR_RETURN_IF_ERROR(o.Read(names[i], &w));
    // Validate would name this weight by its index, not by the name given.
    if (!std::isnan(w) && !(std::isfinite(w) && w >= 0)) {
      return o.Error(names[i], "weight " + Num(w) + " is not a finite number >= 0");
    }
  }
  return OkStatus();
}

Status ReadProfile(const Json& json, const std::string& path, const Scorecard& card,
                   HealthProfile* profile) {
  const Object o(json, path);
  CANDOR_RETURN_IF_ERROR(o.Expect({"segment", "measure_weights", "group_weights"}));
  CANDOR_RETURN_IF_ERROR(o.Read("segment", &profile->segment));
  std::vector<std::string_view> measures;
  for (const HealthMeasure& m : card.measures) measures.push_back(m.name);
  std::vector<std::string_view> groups;
  for (const HealthGroup& g : card.groups) groups.push_back(g.name);
  if (groups.empty()) groups.push_back("overall");  // the one group of a card without groups
  CANDOR_RETURN_IF_ERROR(
      ReadWeightsByName(o, "measure_weights", measures, "measure", &profile->measure_weights));
  return ReadWeightsByName(o, "group_weights", groups, "group", &profile->group_weights);
}

Status ReadScorecard(const Json& json, Scorecard* card) {
  const Object o(json, "");
  CANDOR_RETURN_IF_ERROR(o.Expect(
      {"version", "groups", "measures", "grades", "missing", "combine", "profiles", "reasons"}));
  int version = kVersion;
  CANDOR_RETURN_IF_ERROR(o.Read("version", &version));
  if (version != kVersion) {
    return o.Error("version", std::to_string(version) + " is not supported (this library reads " +
                                  std::to_string(kVersion) + ")");
  }
  CANDOR_RETURN_IF_ERROR(o.ForEach("groups", [card](const Json& group, const std::string& at) {
    card->groups.emplace_back();
    return ReadGroup(group, at, &card->groups.back());
  }));
  CANDOR_RETURN_IF_ERROR(o.Require("measures"));
  CANDOR_RETURN_IF_ERROR(o.ForEach("measures", [card](const Json& measure, const std::string& at) {
    card->measures.emplace_back();
    return ReadMeasure(measure, at, &card->measures.back());
  }));
  if (o.Has("grades")) card->grades.clear();
  CANDOR_RETURN_IF_ERROR(o.ForEach("grades", [card](const Json& grade, const std::string& at) {
    card->grades.emplace_back();
    return ReadGrade(grade, at, &card->grades.back());
  }));
  CANDOR_RETURN_IF_ERROR(
      o.ReadEnum("missing", CANDOR_ENUM_HEALTH_MISSING, "policy", &card->missing));
  CANDOR_RETURN_IF_ERROR(o.ReadEnum("combine", CANDOR_ENUM_HEALTH_COMBINE, "rule", &card->combine));
  // After measures and groups: a profile names them.
  CANDOR_RETURN_IF_ERROR(o.ForEach("profiles", [card](const Json& profile, const std::string& at) {
    card->profiles.emplace_back();
    return ReadProfile(profile, at, *card, &card->profiles.back());
  }));
  return o.Read("reasons", &card->reasons);
}

}  // namespace

Result<Scorecard> ParseScorecardJson(std::string_view json) {
  try {
    ParseWatch watch;
    const Json root = Json::parse(json.begin(), json.end(),
                                  [&watch](int depth, Json::parse_event_t event, Json& parsed) {
                                    return watch(depth, event, parsed);
                                  });
    if (!watch.problem().empty()) return InvalidArgument(watch.problem());
    Scorecard card;
    CANDOR_RETURN_IF_ERROR(ReadScorecard(root, &card));
    CANDOR_RETURN_IF_ERROR(card.Validate());
    return card;
  } catch (const Json::exception& e) {
    // A syntax error or a number too large for a double. e.what() is
    // "[json.exception.parse_error.101] parse error at line 2, column 5:
    // ...": kept from "parse error" on, with the byte offset added.
    std::string what = e.what();
    const size_t start = what.find("] ");
    if (start != std::string::npos) what.erase(0, start + 2);
    const auto* parse_error = dynamic_cast<const Json::parse_error*>(&e);
    const size_t colon = what.find(": ");
    if (parse_error != nullptr && colon != std::string::npos) {
      what.insert(colon, " (byte " + std::to_string(parse_error->byte) + ")");
    }
    return InvalidArgument("scorecard JSON: " + what);
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY,
                  "out of memory for a scorecard of " + std::to_string(json.size()) + " bytes");
  }
}

}  // namespace candor
