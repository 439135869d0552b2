// ParseFollowupRulesJson: a full rules file, defaults for what it leaves out,
// and errors that name the key.
#include <gtest/gtest.h>

#include <candor/followup.hpp>
#include <string>
#include <vector>

namespace candor {
namespace {

void ExpectError(const std::string& json, const std::string& part) {
  auto rules = ParseFollowupRulesJson(json);
  ASSERT_FALSE(rules.ok()) << json;
  EXPECT_NE(rules.status().message().find(part), std::string::npos) << rules.status().message();
}

TEST(FollowupRulesJson, ReadsEveryKey) {
  auto rules = ParseFollowupRulesJson(R"({
    "dedup_days": 14, "suppress_days": 30,
    "points": {"detractor": 25, "urgency": {"legal": 60}, "arr_floor": 5000, "renewal_days": 60},
    "fire_alarms": ["safety", "legal"],
    "strategic_roles": ["CFO"],
    "playbook": {"promoter": {"action": "ask for a G2 review", "due_hours": 100}},
    "include": ["fire_alarm", "detractor"],
    "routing": [{"when": {"urgency": "legal", "region": "EMEA"}, "team": "legal",
                 "members": ["dana"]},
                {"account_owner": true}],
    "default_owner": "queue",
    "calendar": {"time_zone": "Europe/Berlin", "open": "08:00", "close": "16:00"}
  })");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_EQ(rules->dedup_days, 14);
  EXPECT_EQ(rules->suppress_days, 30);
  EXPECT_EQ(rules->points.detractor, 25);
  EXPECT_EQ(rules->points.passive, 10);  // default kept
  EXPECT_EQ(rules->points.urgency[1], 60);
  EXPECT_EQ(rules->points.urgency[0], 50);
  EXPECT_EQ(rules->points.arr_floor, 5000);
  EXPECT_EQ(rules->fire_alarm_categories, 0x3u);
  EXPECT_EQ(rules->strategic_roles, std::vector<std::string>{"CFO"});
  EXPECT_EQ(rules->actions[3], "ask for a G2 review");
  EXPECT_EQ(rules->actions[1], "call and thank");
  EXPECT_EQ(rules->due_hours[3], 100);
  EXPECT_FALSE(rules->include[2]);
  ASSERT_EQ(rules->routes.size(), 2u);
  EXPECT_EQ(rules->routes[0].urgency, "legal");
  EXPECT_EQ(rules->routes[0].region, "EMEA");
  EXPECT_TRUE(rules->routes[1].account_owner);
  EXPECT_EQ(rules->default_owner, "queue");
  EXPECT_EQ(rules->calendar.time_zone, "Europe/Berlin");
  EXPECT_EQ(rules->calendar.open_minute, 480);
}

TEST(FollowupRulesJson, EmptyObjectIsTheDefaults) {
  auto rules = ParseFollowupRulesJson("{}");
  ASSERT_TRUE(rules.ok());
  EXPECT_EQ(rules->dedup_days, 30);
  EXPECT_EQ(rules->calendar.time_zone, "UTC");
  EXPECT_EQ(rules->poor_health_grades, (std::vector<std::string>{"D", "F"}));
  EXPECT_EQ(rules->points.poor_health_grade, 15);
}

TEST(FollowupRulesJson, ReadsPoorHealthGrades) {
  auto rules = ParseFollowupRulesJson(
      R"({"poor_health_grades": ["C", "D", "F"], "points": {"poor_health_grade": 12.5}})");
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  EXPECT_EQ(rules->poor_health_grades, (std::vector<std::string>{"C", "D", "F"}));
  EXPECT_EQ(rules->points.poor_health_grade, 12.5);
  ExpectError(R"({"poor_health_grades": "D"})", "poor_health_grades: not an array");
  ExpectError(R"({"poor_health_grades": ["D", 4]})", "poor_health_grades[1]");
  ExpectError(R"({"points": {"poor_health_grade": "x"}})", "points.poor_health_grade");
}

TEST(FollowupRulesJson, ErrorsNameTheKey) {
  ExpectError("[", "not valid JSON");
  ExpectError("[]", "not a JSON object");
  ExpectError(R"({"dedup_dayz": 3})", "dedup_dayz: unknown key");
  ExpectError(R"({"dedup_days": "3"})", "dedup_days: not a number");
  ExpectError(R"({"dedup_days": -3})", "dedup_days");
  ExpectError(R"({"points": {"urgency": {"fire": 3}}})", "points.urgency.fire");
  ExpectError(R"({"fire_alarms": ["churn", "flood"]})", "fire_alarms[1]");
  ExpectError(R"({"playbook": {"vip": {}}})", "playbook.vip");
  ExpectError(R"({"playbook": {"passive": {"due_hours": -1}}})", "playbook.passive.due_hours");
  ExpectError(R"({"routing": [{"members": []}]})", "routing[0]: no members");
  ExpectError(R"({"routing": [{"when": {"urgency": "late"}, "members": ["a"]}]})",
              "routing[0].when.urgency");
  ExpectError(R"({"routing": [{"when": {"colour": "red"}, "members": ["a"]}]})",
              "routing[0].when.colour: unknown key");
  ExpectError(R"({"calendar": {"time_zone": "Mars/Olympus"}})", "calendar:");
  ExpectError(R"({"routing": [[[[[[[[1]]]]]]]]})", "nested deeper");
  ExpectError(R"({"points": {"arr_floor": 0}})", "points.arr_floor");
}

}  // namespace
}  // namespace candor
