// ParseScorecardJson: the worked example of docs/health-scorecard.md reaches
// every field of the struct, left-out keys take the struct's defaults, and
// every refusal names the field by the path Scorecard::Validate uses.
#include <gtest/gtest.h>

#include <candor/health.hpp>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

namespace candor {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The first ```json block of the schema's page: its worked example.
std::string DocumentedExample() {
  std::ifstream file(std::string(CANDOR_TEST_DATA) + "/../../docs/health-scorecard.md");
  std::stringstream text;
  text << file.rdbuf();
  const std::string page = text.str();
  const size_t start = page.find("```json\n");
  const size_t end = page.find("```\n", start + 8);
  if (start == std::string::npos || end == std::string::npos) return "";
  return page.substr(start + 8, end - start - 8);
}

// The message of the refusal of `json`; "" (and a failure) if it parses.
std::string Refusal(std::string_view json) {
  Result<Scorecard> card = ParseScorecardJson(json);
  EXPECT_FALSE(card.ok()) << json;
  if (card.ok()) return "";
  EXPECT_EQ(card.status().code(), CANDOR_INVALID_ARGUMENT) << card.status().message();
  return card.status().message();
}

// A scorecard with one measure whose other keys are `keys` ("" for none).
std::string OneMeasure(const std::string& keys) {
  return R"({"measures": [{"name": "nps")" + (keys.empty() ? "" : ", " + keys) + "}]}";
}

TEST(HealthScorecardJson, WorkedExampleReachesEveryField) {
  const std::string json = DocumentedExample();
  ASSERT_FALSE(json.empty()) << "no ```json block in docs/health-scorecard.md";
  Result<Scorecard> parsed = ParseScorecardJson(json);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const Scorecard& card = *parsed;

  ASSERT_EQ(card.groups.size(), 2u);
  EXPECT_EQ(card.groups[0].name, "support");
  EXPECT_EQ(card.groups[0].weight, 1);
  EXPECT_EQ(card.groups[1].name, "usage");
  EXPECT_EQ(card.groups[1].weight, 2);

  ASSERT_EQ(card.measures.size(), 5u);
  const HealthMeasure& tickets = card.measures[0];
  EXPECT_EQ(tickets.name, "open_tickets");
  EXPECT_EQ(tickets.label, "Open tickets");
  EXPECT_EQ(tickets.group, "support");
  EXPECT_EQ(tickets.weight, 1);
  EXPECT_EQ(tickets.transform, HealthTransform::kLinear);
  EXPECT_EQ(tickets.zero_at, 20);
  EXPECT_EQ(tickets.full_at, 0);

  const HealthMeasure& champion = card.measures[1];
  EXPECT_EQ(champion.name, "has_champion");
  EXPECT_EQ(champion.weight, 0.5);
  EXPECT_EQ(champion.transform, HealthTransform::kBoolean);
  EXPECT_EQ(champion.true_points, 100);
  EXPECT_EQ(champion.false_points, 20);

  const HealthMeasure& seats = card.measures[2];
  EXPECT_EQ(seats.label, "Seats");
  EXPECT_EQ(seats.group, "usage");
  EXPECT_EQ(seats.weight, 2);
  EXPECT_EQ(seats.transform, HealthTransform::kTiers);
  ASSERT_EQ(seats.tiers.size(), 3u);
  EXPECT_EQ(seats.tiers[0].low, -kInf);
  EXPECT_EQ(seats.tiers[0].high, 10);
  EXPECT_TRUE(seats.tiers[0].low_inclusive);
  EXPECT_FALSE(seats.tiers[0].high_inclusive);
  EXPECT_EQ(seats.tiers[0].points, 0);
  EXPECT_EQ(seats.tiers[0].label, "under 10 seats");
  EXPECT_EQ(seats.tiers[1].low, 10);
  EXPECT_EQ(seats.tiers[1].high, 50);
  EXPECT_TRUE(seats.tiers[1].high_inclusive);
  EXPECT_EQ(seats.tiers[1].points, 60);
  EXPECT_EQ(seats.tiers[2].low, 50);
  EXPECT_EQ(seats.tiers[2].high, kInf);
  EXPECT_FALSE(seats.tiers[2].low_inclusive);
  EXPECT_FALSE(seats.tiers[2].high_inclusive);
  EXPECT_EQ(seats.tiers[2].points, 100);
  EXPECT_EQ(seats.tiers[2].label, "over 50 seats");

  const HealthMeasure& logins = card.measures[3];
  EXPECT_EQ(logins.label, "Logins in 30 days");
  EXPECT_EQ(logins.transform, HealthTransform::kPercentile);
  EXPECT_TRUE(logins.higher_is_better);
  EXPECT_EQ(logins.weight, 1);

  const HealthMeasure& growth = card.measures[4];
  EXPECT_EQ(growth.transform, HealthTransform::kZScore);
  EXPECT_EQ(growth.weight, 0.5);
  EXPECT_EQ(growth.z_span, 2.5);

  ASSERT_EQ(card.grades.size(), 3u);
  EXPECT_EQ(card.grades[0].name, "healthy");
  EXPECT_EQ(card.grades[0].min_score, 75);
  EXPECT_EQ(card.grades[1].name, "at risk");
  EXPECT_EQ(card.grades[1].min_score, 45);
  EXPECT_EQ(card.grades[2].name, "critical");
  EXPECT_EQ(card.grades[2].min_score, -kInf);

  EXPECT_EQ(card.missing, HealthMissing::kGroupMean);
  EXPECT_EQ(card.combine, HealthCombine::kWorstOf);
  EXPECT_EQ(card.reasons, 4);

  // Profiles name measures and groups; the struct has one weight per
  // measure and group, NaN for those not named.
  ASSERT_EQ(card.profiles.size(), 1u);
  const HealthProfile& trial = card.profiles[0];
  EXPECT_EQ(trial.segment, "trial");
  ASSERT_EQ(trial.measure_weights.size(), 5u);
  EXPECT_EQ(trial.measure_weights[0], 0);
  EXPECT_TRUE(std::isnan(trial.measure_weights[1]));
  EXPECT_EQ(trial.measure_weights[2], 0);
  EXPECT_TRUE(std::isnan(trial.measure_weights[3]));
  EXPECT_TRUE(std::isnan(trial.measure_weights[4]));
  ASSERT_EQ(trial.group_weights.size(), 2u);
  EXPECT_TRUE(std::isnan(trial.group_weights[0]));
  EXPECT_EQ(trial.group_weights[1], 3);
}

TEST(HealthScorecardJson, LeftOutKeysTakeTheStructsDefaults) {
  Result<Scorecard> parsed = ParseScorecardJson(OneMeasure(""));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const Scorecard defaults;
  const HealthMeasure measure;
  EXPECT_TRUE(parsed->groups.empty());
  ASSERT_EQ(parsed->grades.size(), defaults.grades.size());
  for (size_t k = 0; k < defaults.grades.size(); ++k) {
    EXPECT_EQ(parsed->grades[k].name, defaults.grades[k].name);
    EXPECT_EQ(parsed->grades[k].min_score, defaults.grades[k].min_score);
  }
  EXPECT_EQ(parsed->missing, defaults.missing);
  EXPECT_EQ(parsed->combine, defaults.combine);
  EXPECT_TRUE(parsed->profiles.empty());
  EXPECT_EQ(parsed->reasons, defaults.reasons);
  ASSERT_EQ(parsed->measures.size(), 1u);
  const HealthMeasure& m = parsed->measures[0];
  EXPECT_EQ(m.name, "nps");
  EXPECT_EQ(m.label, measure.label);
  EXPECT_EQ(m.group, measure.group);
  EXPECT_EQ(m.weight, measure.weight);
  EXPECT_EQ(m.transform, measure.transform);
  EXPECT_EQ(m.zero_at, measure.zero_at);
  EXPECT_EQ(m.full_at, measure.full_at);
  EXPECT_TRUE(m.tiers.empty());

  // A tier with no keys but points is the struct's: (-inf, +inf), [low, high).
  parsed = ParseScorecardJson(OneMeasure(R"("transform": "tiers", "tiers": [{"points": 50}])"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const HealthTier tier;
  const HealthTier& read = parsed->measures[0].tiers.at(0);
  EXPECT_EQ(read.low, tier.low);
  EXPECT_EQ(read.high, tier.high);
  EXPECT_EQ(read.low_inclusive, tier.low_inclusive);
  EXPECT_EQ(read.high_inclusive, tier.high_inclusive);
  EXPECT_EQ(read.points, 50);

  parsed = ParseScorecardJson(OneMeasure(R"("transform": "boolean")"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->measures[0].true_points, measure.true_points);
  EXPECT_EQ(parsed->measures[0].false_points, measure.false_points);
  parsed = ParseScorecardJson(OneMeasure(R"("transform": "z_score")"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->measures[0].z_span, measure.z_span);
  EXPECT_EQ(parsed->measures[0].higher_is_better, measure.higher_is_better);

  // "grades" given replaces the default list; [] means no grades.
  parsed = ParseScorecardJson(R"({"measures": [{"name": "nps"}], "grades": []})");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_TRUE(parsed->grades.empty());
  parsed = ParseScorecardJson(R"({"measures": [{"name": "nps"}], "grades": [{"name": "all"}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->grades.size(), 1u);
  EXPECT_EQ(parsed->grades[0].min_score, 0);
}

TEST(HealthScorecardJson, TierBoundsAreNumbersOrNullForAnOpenEnd) {
  Result<Scorecard> parsed = ParseScorecardJson(OneMeasure(
      R"("transform": "tiers", "tiers": [{"low": null, "high": -2.5, "points": 0},
                                          {"low": -2.5, "high": null, "points": 100}])"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const auto& tiers = parsed->measures[0].tiers;
  EXPECT_EQ(tiers[0].low, -kInf);
  EXPECT_EQ(tiers[0].high, -2.5);
  EXPECT_EQ(tiers[1].low, -2.5);
  EXPECT_EQ(tiers[1].high, kInf);
  EXPECT_EQ(Refusal(OneMeasure(R"("transform": "tiers", "tiers": [{"low": "10"}])")),
            "measures[0].tiers[0].low: expected a number or null, got a string");
}

TEST(HealthScorecardJson, SyntaxErrorsGiveTheLineAndByte) {
  const std::string message = Refusal("{\n  \"measures\": [\n    {\"name\": \"a\",}\n  ]\n}");
  EXPECT_EQ(message,
            "scorecard JSON: parse error at line 3, column 18 (byte 36): syntax error while "
            "parsing object key - unexpected '}'; expected string literal");
  EXPECT_EQ(Refusal(OneMeasure(R"("weight": 1e999)")),
            "scorecard JSON: number overflow parsing '1e999'");
  EXPECT_EQ(Refusal("").rfind("scorecard JSON: parse error", 0), 0u);
  EXPECT_EQ(Refusal("{\"measures\": [{\"name\": \"\xff\"}]}").rfind("scorecard JSON: ", 0), 0u);
  EXPECT_EQ(Refusal(std::string_view("{\"measures\"\0:", 13)).rfind("scorecard JSON: ", 0), 0u);
  // Every proper prefix of a JSON object is invalid: none may crash or pass.
  const std::string example = DocumentedExample();
  for (size_t n = 0; n + 1 < example.size(); n += 7) {
    EXPECT_FALSE(ParseScorecardJson(std::string_view(example).substr(0, n)).ok()) << n;
  }
}

TEST(HealthScorecardJson, UnknownKeysAreNamedWithTheAllowedOnes) {
  EXPECT_EQ(Refusal(OneMeasure(R"("wieght": 2)")),
            "measures[0]: unknown key \"wieght\"; expected one of name, label, group, weight, "
            "transform, zero_at, full_at, tiers, true_points, false_points, higher_is_better, "
            "z_span");
  EXPECT_EQ(Refusal(R"({"measure": [{"name": "nps"}]})"),
            "scorecard: unknown key \"measure\"; expected one of version, groups, measures, "
            "grades, missing, combine, profiles, reasons");
  EXPECT_EQ(Refusal(OneMeasure(R"("transform": "tiers", "tiers": [{"points": 0}, {"hihg": 5}])")),
            "measures[0].tiers[1]: unknown key \"hihg\"; expected one of low, high, "
            "low_inclusive, high_inclusive, points, label");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "groups": [{"name": "g", "wt": 1}]})"),
            "groups[0]: unknown key \"wt\"; expected one of name, weight");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "grades": [{"name": "g", "min": 1}]})"),
            "grades[0]: unknown key \"min\"; expected one of name, min_score");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "profiles": [{"segmnt": "x"}]})"),
            "profiles[0]: unknown key \"segmnt\"; expected one of segment, measure_weights, "
            "group_weights");
}

TEST(HealthScorecardJson, KeysTheTransformDoesNotReadAreRefused) {
  EXPECT_EQ(Refusal(OneMeasure(R"("transform": "percentile", "zero_at": 5)")),
            "measures[0].zero_at: not read by the transform \"percentile\"");
  EXPECT_EQ(Refusal(OneMeasure(R"("z_span": 3)")),
            "measures[0].z_span: not read by the transform \"linear\"");
  EXPECT_EQ(Refusal(OneMeasure(R"("transform": "z_score", "tiers": [])")),
            "measures[0].tiers: not read by the transform \"z_score\"");
  EXPECT_EQ(Refusal(OneMeasure(R"("transform": "tiers", "true_points": 3, "tiers": [])")),
            "measures[0].true_points: not read by the transform \"tiers\"");
  EXPECT_EQ(Refusal(OneMeasure(R"("transform": "boolean", "higher_is_better": false)")),
            "measures[0].higher_is_better: not read by the transform \"boolean\"");
}

TEST(HealthScorecardJson, WrongTypesNameTheFieldAndTheTypeExpected) {
  EXPECT_EQ(Refusal(OneMeasure(R"("weight": "2")")),
            "measures[0].weight: expected a number, got a string");
  EXPECT_EQ(Refusal(OneMeasure(R"("label": 5)")),
            "measures[0].label: expected a string, got a number");
  EXPECT_EQ(Refusal(OneMeasure(R"("transform": "percentile", "higher_is_better": 1)")),
            "measures[0].higher_is_better: expected true or false, got a number");
  EXPECT_EQ(Refusal(OneMeasure(R"("transform": "tiers", "tiers": {"low": 1})")),
            "measures[0].tiers: expected an array, got an object");
  EXPECT_EQ(Refusal(OneMeasure(R"("transform": null)")),
            "measures[0].transform: expected a string, got null");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}, 7]})"),
            "measures[1]: expected an object, got a number");
  EXPECT_EQ(Refusal(R"({"measures": {"name": "a"}})"),
            "measures: expected an array, got an object");
  EXPECT_EQ(Refusal(R"([{"name": "a"}])"), "scorecard: expected an object, got an array");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "reasons": 2.5})"),
            "reasons: expected an integer, got a number");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "reasons": 10000000000})"),
            "reasons: 10000000000 is out of range");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "reasons": -10000000000})"),
            "reasons: -10000000000 is out of range");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "reasons": 18446744073709551615})"),
            "reasons: 18446744073709551615 is out of range");
  EXPECT_EQ(
      Refusal(R"({"measures": [{"name": "a"}], "grades": [{"name": "g", "min_score": true}]})"),
      "grades[0].min_score: expected a number or null, got a boolean");
  EXPECT_EQ(
      Refusal(R"({"measures": [{"name": "a"}], "profiles": [{"measure_weights": {"a": "0"}}]})"),
      "profiles[0].measure_weights.a: expected a number, got a string");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "profiles": [{"group_weights": [1]}]})"),
            "profiles[0].group_weights: expected an object, got an array");
}

TEST(HealthScorecardJson, UnknownEnumNamesListTheNames) {
  EXPECT_EQ(Refusal(OneMeasure(R"("transform": "lineal")")),
            "measures[0].transform: unknown transform \"lineal\"; expected one of linear, tiers, "
            "boolean, percentile, z_score");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "missing": "drop"})"),
            "missing: unknown policy \"drop\"; expected one of renormalize, zero, group_mean");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "combine": "Worst_Of"})"),
            "combine: unknown rule \"Worst_Of\"; expected one of weighted_mean, worst_of");
  for (const char* transform : {"linear", "tiers", "boolean", "percentile", "z_score"}) {
    Result<Scorecard> parsed = ParseScorecardJson(
        OneMeasure("\"transform\": \"" + std::string(transform) + "\"" +
                   (std::string(transform) == "tiers" ? R"(, "tiers": [{"points": 1}])" : "")));
    ASSERT_TRUE(parsed.ok()) << transform << ": " << parsed.status().message();
  }
  for (const char* missing : {"renormalize", "zero", "group_mean"}) {
    EXPECT_TRUE(ParseScorecardJson(R"({"measures": [{"name": "a"}], "missing": ")" +
                                   std::string(missing) + "\"}")
                    .ok())
        << missing;
  }
  EXPECT_EQ(ParseScorecardJson(R"({"measures": [{"name": "a"}], "missing": "zero"})")->missing,
            HealthMissing::kZero);
}

TEST(HealthScorecardJson, ProfilesNameMeasuresAndGroupsThatExist) {
  const std::string card = R"({"groups": [{"name": "support"}, {"name": "usage"}],
      "measures": [{"name": "tickets", "group": "support"}, {"name": "logins", "group": "usage"}],
      "profiles": [)";
  EXPECT_EQ(Refusal(card + R"({"segment": "trial", "measure_weights": {"ticket": 0}}]})"),
            "profiles[0].measure_weights: unknown measure \"ticket\"; expected one of tickets, "
            "logins");
  EXPECT_EQ(Refusal(card + R"({"segment": "a"}, {"group_weights": {"billing": 1}}]})"),
            "profiles[1].group_weights: unknown group \"billing\"; expected one of support, "
            "usage");
  EXPECT_EQ(Refusal(card + R"({"measure_weights": {"logins": -1}}]})"),
            "profiles[0].measure_weights.logins: weight -1 is not a finite number >= 0");
  EXPECT_EQ(Refusal(card + R"({"group_weights": {"usage": -0.5}}]})"),
            "profiles[0].group_weights.usage: weight -0.5 is not a finite number >= 0");
  // Validate's checks of a profile's weights, with its path.
  EXPECT_EQ(Refusal(card + R"({"group_weights": {"usage": 0, "support": 0}}]})"),
            "profiles[0]: the group weights sum to 0");
  // Without groups the one group is "overall".
  Result<Scorecard> parsed = ParseScorecardJson(
      R"({"measures": [{"name": "a"}, {"name": "b"}],
          "profiles": [{"segment": "s", "group_weights": {"overall": 2},
                        "measure_weights": {"b": 0}}]})");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->profiles[0].group_weights.size(), 1u);
  EXPECT_EQ(parsed->profiles[0].group_weights[0], 2);
  ASSERT_EQ(parsed->profiles[0].measure_weights.size(), 2u);
  EXPECT_TRUE(std::isnan(parsed->profiles[0].measure_weights[0]));
  EXPECT_EQ(parsed->profiles[0].measure_weights[1], 0);
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "profiles": [{"group_weights": {"g": 1}}]})"),
            "profiles[0].group_weights: unknown group \"g\"; expected one of overall");
}

TEST(HealthScorecardJson, VersionAndRequiredKeys) {
  EXPECT_EQ(Refusal(R"({"version": 2, "measures": [{"name": "a"}]})"),
            "version: 2 is not supported (this library reads 1)");
  EXPECT_EQ(Refusal(R"({"version": "1", "measures": [{"name": "a"}]})"),
            "version: expected an integer, got a string");
  EXPECT_TRUE(ParseScorecardJson(R"({"version": 1, "measures": [{"name": "a"}]})").ok());
  EXPECT_EQ(Refusal(R"({"version": 1})"), "measures: missing");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}, {"weight": 2}]})"),
            "measures[1].name: missing");
  EXPECT_EQ(Refusal(R"({"measures": []})"), "measures: a scorecard needs at least one");
}

TEST(HealthScorecardJson, KeysGivenTwiceAreRefused) {
  EXPECT_EQ(Refusal(OneMeasure(R"("weight": 1, "weight": 2)")), "measures[0].weight: given twice");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "measures": [{"name": "b"}]})"),
            "measures: given twice");
  EXPECT_EQ(
      Refusal(OneMeasure(R"("transform": "tiers", "tiers": [{}, {"points": 1, "points": 2}])")),
      "measures[0].tiers[1].points: given twice");
  // The same key in different objects is fine.
  EXPECT_TRUE(ParseScorecardJson(R"({"measures": [{"name": "a"}, {"name": "b"}]})").ok());
}

TEST(HealthScorecardJson, DeepOrHugeInputIsRefusedOrReadWithoutCrashing) {
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  EXPECT_EQ(Refusal(deep),
            "[0][0][0][0][0][0][0][0]: objects and arrays nested deeper than 8 levels (a "
            "scorecard has 5)");
  EXPECT_EQ(
      Refusal(OneMeasure("\"label\": " + std::string(100000, '[') + std::string(100000, ']'))),
      "measures[0].label[0][0][0][0][0]: objects and arrays nested deeper than 8 levels (a "
      "scorecard has 5)");
  std::string objects;
  for (int i = 0; i < 50000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(50000, '}');
  EXPECT_NE(Refusal(objects).find("nested deeper than 8 levels"), std::string::npos);
  // Cut short, the same input is a syntax error.
  EXPECT_EQ(Refusal(objects.substr(0, 1000)).rfind("scorecard JSON: parse error", 0), 0u);

  // A long label, and many measures, are read.
  const std::string label(1 << 22, 'x');
  Result<Scorecard> parsed = ParseScorecardJson(OneMeasure("\"label\": \"" + label + "\""));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->measures[0].label.size(), label.size());
  std::string many = R"({"measures": [)";
  for (int i = 0; i < 20000; ++i)
    many += (i ? "," : "") + ("{\"name\": \"m" + std::to_string(i) + "\"}");
  parsed = ParseScorecardJson(many + "]}");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->measures.size(), 20000u);
  EXPECT_EQ(parsed->measures[19999].name, "m19999");
}

// The parser's paths and Validate's are the same: a value Validate refuses
// in JSON gives Validate's own message, and a type the parser refuses at a
// field is named as Validate names that field.
TEST(HealthScorecardJson, PathsAreValidates) {
  const std::string tiers = R"({"measures": [{"name": "a"}, {"name": "b"}, {"name": "c",
      "transform": "tiers", "tiers": [{"low": 0, "high": 5, "points": 100}, )";
  const std::string from_json = Refusal(tiers + R"({"low": 10, "high": 5, "points": 50}]}]})");
  Scorecard card;
  card.measures.resize(3);
  card.measures[0].name = "a";
  card.measures[1].name = "b";
  card.measures[2].name = "c";
  card.measures[2].transform = HealthTransform::kTiers;
  card.measures[2].tiers = {{0, 5, true, false, 100, ""}, {10, 5, true, false, 50, ""}};
  EXPECT_EQ(from_json, card.Validate().message());
  EXPECT_EQ(from_json, "measures[2].tiers[1]: low 10 > high 5");

  card.measures[2].tiers[1] = {5, 10, true, false, 150, ""};
  const std::string validate = card.Validate().message();
  const std::string parser = Refusal(tiers + R"({"low": 5, "high": 10, "points": "150"}]}]})");
  EXPECT_EQ(validate, "measures[2].tiers[1]: points 150 are not in [0, 100]");
  EXPECT_EQ(parser, "measures[2].tiers[1].points: expected a number, got a string");
  EXPECT_EQ(parser.substr(0, 20), validate.substr(0, 20));

  EXPECT_EQ(Refusal(OneMeasure(R"("weight": -1)")),
            "measures[0].weight: weight -1 is not a finite number >= 0");
  EXPECT_EQ(Refusal(OneMeasure(R"("zero_at": 5, "full_at": 5)")),
            "measures[0]: zero_at == full_at (5) gives no scale");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a", "group": "g"}], "groups": [{"name": "h"}]})"),
            "measures[0].group: no group \"g\"");
  EXPECT_EQ(Refusal(R"({"measures": [{"name": "a"}], "reasons": 17})"),
            "reasons: 17 is not in 0..16");
}

}  // namespace
}  // namespace candor
