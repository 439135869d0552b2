// Scorecard::Validate: each rule of include/candor/health.hpp, with the field
// the message names.
#include <gtest/gtest.h>

#include <candor/health.hpp>
#include <cmath>
#include <limits>
#include <string>

namespace candor {
namespace {

Scorecard TwoGroups() {
  Scorecard card;
  card.groups = {{"support", 1}, {"usage", 2}};
  HealthMeasure tickets;
  tickets.name = "tickets";
  tickets.group = "support";
  tickets.zero_at = 20;
  tickets.full_at = 0;
  HealthMeasure logins;
  logins.name = "logins";
  logins.group = "usage";
  logins.transform = HealthTransform::kPercentile;
  card.measures = {tickets, logins};
  return card;
}

void ExpectInvalid(const Scorecard& card, const std::string& field) {
  const Status s = card.Validate();
  EXPECT_EQ(s.code(), CANDOR_INVALID_ARGUMENT) << field;
  EXPECT_NE(s.message().find(field), std::string::npos) << s.message();
}

TEST(HealthScorecard, ValidCardPasses) {
  EXPECT_TRUE(TwoGroups().Validate().ok());
  Scorecard one;
  one.measures.resize(1);
  one.measures[0].name = "nps";
  EXPECT_TRUE(one.Validate().ok()) << one.Validate().message();
}

TEST(HealthScorecard, NamesTheBadField) {
  Scorecard card = TwoGroups();
  card.measures.clear();
  ExpectInvalid(card, "measures");

  card = TwoGroups();
  card.measures[1].name = "tickets";
  ExpectInvalid(card, "measures[1].name");

  card = TwoGroups();
  card.measures[0].group = "billing";
  ExpectInvalid(card, "measures[0].group");

  card = TwoGroups();
  card.measures[0].full_at = 20;
  ExpectInvalid(card, "measures[0]: zero_at == full_at");

  card = TwoGroups();
  card.measures[1].weight = -1;
  ExpectInvalid(card, "measures[1].weight");

  card = TwoGroups();
  card.measures[0].weight = 0;
  ExpectInvalid(card, "group \"support\" sum to 0");

  card = TwoGroups();
  card.groups[0].weight = 0;
  card.groups[1].weight = 0;
  ExpectInvalid(card, "group weights sum to 0");

  card = TwoGroups();
  card.measures[0].transform = HealthTransform::kTiers;
  ExpectInvalid(card, "measures[0].tiers");
  card.measures[0].tiers = {{0, 5, true, false, 100, ""}, {10, 5, true, false, 50, ""}};
  ExpectInvalid(card, "measures[0].tiers[1]: low 10 > high 5");
  card.measures[0].tiers[1] = {5, 5, true, false, 50, ""};
  ExpectInvalid(card, "measures[0].tiers[1]: low == high");
  card.measures[0].tiers[1] = {5, 5, true, true, 150, ""};
  ExpectInvalid(card, "measures[0].tiers[1]: points 150");

  card = TwoGroups();
  card.measures[1].transform = HealthTransform::kZScore;
  card.measures[1].z_span = 0;
  ExpectInvalid(card, "measures[1].z_span");

  card = TwoGroups();
  card.grades = {{"green", 40}, {"red", 70}};
  ExpectInvalid(card, "grades[1].min_score");
  card.grades = {{"green", 70}, {"green", 40}};
  ExpectInvalid(card, "grades[1].name");

  card = TwoGroups();
  card.reasons = 17;
  ExpectInvalid(card, "reasons");

  card = TwoGroups();
  card.profiles = {{"trial", {1.0}, {}}};
  ExpectInvalid(card, "profiles[0].measure_weights");
  card.profiles = {{"trial", {}, {0.0, 0.0}}};
  ExpectInvalid(card, "profiles[0]: the group weights sum to 0");
  card.profiles = {{"trial", {0.0, std::nan("")}, {}}};
  ExpectInvalid(card, "profiles[0]: the measure weights of group \"support\"");
  card.profiles = {{"trial", {0.0, std::nan("")}, {0.0, std::nan("")}}};
  EXPECT_TRUE(card.Validate().ok()) << "support dropped for trials: fine";
}

// fuzz/regressions/health/label_with_nul: a label "a\u0000b" from JSON made
// candor_health_reasons write a NUL inside an account's reasons, so a C
// caller splitting the buffer at NULs read one account too many. Every name
// and label reaches C as a NUL-terminated string: a NUL inside is refused.
TEST(HealthScorecard, NamesAndLabelsHoldNoNulByte) {
  const std::string nul("a\0b", 3);
  Scorecard card = TwoGroups();
  card.measures[1].label = nul;
  ExpectInvalid(card, "measures[1].label: holds a NUL byte");
  card = TwoGroups();
  card.measures[0].name = nul;
  ExpectInvalid(card, "measures[0].name: holds a NUL byte");
  card = TwoGroups();
  card.groups[1].name = nul;
  card.measures[1].group = nul;
  ExpectInvalid(card, "groups[1].name: holds a NUL byte");
  card = TwoGroups();
  card.measures[0].transform = HealthTransform::kTiers;
  card.measures[0].tiers = {{0, 10, true, false, 50, nul}};
  ExpectInvalid(card, "measures[0].tiers[0].label: holds a NUL byte");
  card = TwoGroups();
  card.grades[2].name = nul;
  ExpectInvalid(card, "grades[2].name: holds a NUL byte");
  card = TwoGroups();
  card.profiles = {{nul, {}, {}}};
  ExpectInvalid(card, "profiles[0].segment: holds a NUL byte");
  auto parsed = ParseScorecardJson(R"({"measures": [{"name": "nps", "label": "a\u0000b"}]})");
  EXPECT_EQ(parsed.status().code(), CANDOR_INVALID_ARGUMENT);
  EXPECT_EQ(parsed.status().message(), "measures[0].label: holds a NUL byte");
}

}  // namespace
}  // namespace candor
