// RenderReportJson against docs/report-schema.md: every key the JSON emits
// is documented with its type, and every documented key is emitted.
#include <gtest/gtest.h>

#include <candor/csv.hpp>
#include <candor/report.hpp>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace candor {
namespace {

using Json = nlohmann::json;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// key path -> type, per table of the document: "" (the keys), "Estimate",
// "Comparison".
using Schema = std::map<std::string, std::map<std::string, std::string>>;

Schema ReadSchema() {
  std::ifstream in(CANDOR_TEST_DATA "/../../docs/report-schema.md");
  EXPECT_TRUE(in) << "docs/report-schema.md not found";
  Schema schema;
  std::string table;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("### ", 0) == 0) table = line.substr(4);
    if (line.rfind("| `", 0) != 0) continue;
    const size_t key_end = line.find("` |", 3);
    const size_t type_end = line.find(" |", key_end + 3);
    if (key_end == std::string::npos || type_end == std::string::npos) continue;
    std::string key = line.substr(3, key_end - 3);
    std::string type = line.substr(key_end + 4, type_end - key_end - 4);
    EXPECT_TRUE(schema[table].emplace(key, type).second) << "documented twice: " << key;
  }
  return schema;
}

bool TypeAllows(const std::string& type, const Json& value) {
  std::string base = type;
  const std::string kOrNull = " or null";
  bool nullable = false;
  if (base.size() > kOrNull.size() &&
      base.compare(base.size() - kOrNull.size(), kOrNull.size(), kOrNull) == 0) {
    base.resize(base.size() - kOrNull.size());
    nullable = true;
  }
  if (value.is_null()) return nullable;
  if (base == "integer") return value.is_number_integer();
  if (base == "number") return value.is_number();
  if (base == "string") return value.is_string();
  if (base == "boolean") return value.is_boolean();
  if (base == "array") return value.is_array();
  if (base == "object" || base == "Estimate" || base == "Comparison") return value.is_object();
  return false;
}

// Checks `value` at `path` against the schema; records the documented keys
// it emits as "<table>:<key>".
void Walk(const Schema& schema, const std::string& table, const std::string& path,
          const Json& value, std::set<std::string>* emitted) {
  const auto& keys = schema.at(table);
  auto it = keys.find(path);
  if (it == keys.end()) {
    ADD_FAILURE() << "emitted but not documented: " << (table.empty() ? "" : table + ".") << path;
    return;
  }
  emitted->insert(table + ":" + path);
  EXPECT_TRUE(TypeAllows(it->second, value))
      << path << " is documented as " << it->second << " but is " << value.dump();
  if (it->second == "Estimate" || it->second == "Comparison") {
    for (const auto& [key, item] : value.items()) Walk(schema, it->second, key, item, emitted);
  } else if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      Walk(schema, table, path.empty() ? key : path + "." + key, item, emitted);
    }
  } else if (value.is_array()) {
    for (const Json& item : value) {
      if (!item.is_object()) {
        Walk(schema, table, path + "[]", item, emitted);
        continue;
      }
      // An array of objects: its items' keys are documented as a[].key.
      for (const auto& [key, field] : item.items()) {
        Walk(schema, table, path + "[]." + key, field, emitted);
      }
    }
  }
}

std::set<std::string> CheckDocumented(const std::string& json) {
  const Schema schema = ReadSchema();
  std::set<std::string> emitted;
  const Json parsed = Json::parse(json);
  EXPECT_TRUE(parsed.is_object());
  for (const auto& [key, value] : parsed.items()) Walk(schema, "", key, value, &emitted);
  return emitted;
}

std::set<std::string> AllDocumented() {
  std::set<std::string> all;
  for (const auto& [table, keys] : ReadSchema()) {
    for (const auto& [key, type] : keys) all.insert(table + ":" + key);
  }
  return all;
}

Estimate SomeEstimate() { return {12.5, 3.1, 6.4, 18.6, 0.95, 120, 101.5}; }

Comparison SomeComparison() {
  Comparison c;
  c.difference = -4;
  c.std_error = 2;
  c.ci_low = -7.9;
  c.ci_high = -0.1;
  c.p_value = 0.045;
  return c;
}

// A model with one item in every list, so that every key is written.
ReportModel FullModel() {
  ReportModel m;
  m.candor_version = "0.5.0";
  m.source = "survey.csv";
  m.rows = 120;
  m.columns.segments = {"region"};
  m.guesses = {"used column 'timestamp' for time (by name)"};
  for (ReportSection* s :
       std::vector<ReportSection*>{&m.headline, &m.trend, &m.segments, &m.voice, &m.accounts,
                                   &m.accounts.health, &m.next_steps}) {
    s->present = true;
    s->caveats = {"a caveat"};
  }
  m.headline.nps = SomeEstimate();
  m.trend.points.push_back({"2025-03", 1740787200, SomeEstimate(), false});
  m.trend.changes.push_back({"2025-04", 1743465600, 10, 2, SomeComparison(), 0.01, 0.02});
  m.segments.columns.push_back(
      {"region", {{"EMEA", SomeEstimate(), SomeComparison(), 0.2, false}}});
  ReportTheme theme;
  theme.name = "pricing";
  theme.impact = SomeComparison();
  theme.quotes.push_back({"Too expensive.", 3, "ACC-1"});
  m.voice.themes.push_back(theme);
  m.voice.emotions.push_back({"anger", 4, 0.1});
  m.voice.fire_alarms.push_back({"ACC-1", "We are leaving.", 0, "churn threat", "cs"});
  m.accounts.declining.push_back({"ACC-1", 12000, 5, -3, -5, -1, 0.01, -20});
  m.accounts.health.grades = {"A"};
  m.accounts.health.accounts_per_grade = {3};
  m.accounts.health.calibration.push_back({0.2, 0.25, 0.1, 0.4, 30});
  m.accounts.health.survival.push_back({"A", {86400}, {0.9}, {0.8}, {0.97}});
  m.next_steps.by_category.push_back({"billing", 3, 1});
  m.next_steps.by_owner.push_back({"cs", 3, 1});
  ReportFixItem fix{"pricing", 1e5, 5e4, 2e5, SomeComparison(), 4};
  fix.comments = 9;
  fix.arr_no_interval = "one account";
  m.next_steps.fix_first.push_back(fix);
  m.voice.outer_loop.push_back(fix);
  m.voice.queue_by_category.push_back({"detractor", 2, 0});
  m.voice.queue_by_owner.push_back({"cs", 2, 0});
  m.accounts.health.grade_min_score = {80};
  m.next_steps.actions = {"Call ACC-1 today."};
  return m;
}

TEST(ReportJson, EveryDocumentedKeyIsEmittedAndEveryEmittedKeyDocumented) {
  const std::set<std::string> emitted = CheckDocumented(RenderReportJson(FullModel()));
  for (const std::string& key : AllDocumented()) {
    EXPECT_TRUE(emitted.count(key)) << "documented but not emitted: " << key;
  }
}

TEST(ReportJson, NumbersAndNamesAreTheModels) {
  ReportModel m = FullModel();
  const Json json = Json::parse(RenderReportJson(m));
  EXPECT_EQ(json["schema_version"], kReportSchemaVersion);
  EXPECT_EQ(json["headline"]["nps"]["value"], 12.5);
  EXPECT_EQ(json["headline"]["nps"]["n"], 120);
  EXPECT_EQ(json["trend"]["changes"][0]["shift"]["p_value"], 0.045);
  EXPECT_EQ(json["voice"]["themes"][0]["quotes"][0]["text"], "Too expensive.");
  EXPECT_EQ(json["next_steps"]["fix_first"][0]["arr_ci_high"], 2e5);
  EXPECT_EQ(json["columns"]["segments"][0], "region");
  EXPECT_EQ(json["headline"]["counts"].size(), 11u);
}

TEST(ReportJson, NotFiniteIsNull) {
  ReportModel m = FullModel();
  m.headline.nps.std_error = kNaN;
  m.trend.slope = std::numeric_limits<double>::infinity();
  m.accounts.declining[0].arr = kNaN;
  const Json json = Json::parse(RenderReportJson(m));
  EXPECT_TRUE(json["headline"]["nps"]["std_error"].is_null());
  EXPECT_TRUE(json["headline"]["response_rate"].is_null());  // no invited column
  EXPECT_TRUE(json["trend"]["slope"].is_null());
  EXPECT_TRUE(json["accounts"]["declining"][0]["arr"].is_null());
  EXPECT_EQ(json["headline"]["nps"]["value"], 12.5);
}

Result<ReportModel> SampleReport(bool optional_columns) {
  CsvOptions csv;
  ReportOptions options;
  options.source = "survey.csv";
  options.bundled_sample = true;
  if (optional_columns) {
    csv.time_column = options.columns.time = "timestamp";
    csv.account_column = options.columns.account = "account_id";
    csv.comment_column = options.columns.comment = "comment";
    csv.weight_column = options.columns.weight = "weight";
    csv.segment_columns = options.columns.segments = {"region", "plan"};
  }
  Result<Table> table = ReadCsv(CANDOR_TEST_DATA "/../../data/sample/survey.csv", csv);
  if (!table.ok()) return table.status();
  return BuildReport(*table, ReportExtras{}, options);
}

TEST(ReportJson, SampleEmitsOnlyDocumentedKeys) {
  for (bool optional_columns : {true, false}) {
    SCOPED_TRACE(optional_columns ? "all columns" : "score only");
    Result<ReportModel> report = SampleReport(optional_columns);
    ASSERT_TRUE(report.ok()) << report.status().message();
    const std::set<std::string> emitted = CheckDocumented(RenderReportJson(*report));
    // Every key outside the lists' items is written whatever the input.
    for (const std::string& key : AllDocumented()) {
      if (key.find("[]") == std::string::npos && key.rfind(":", 0) == 0) {
        EXPECT_TRUE(emitted.count(key)) << "documented but not emitted: " << key;
      }
    }
  }
}

}  // namespace
}  // namespace candor
