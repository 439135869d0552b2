/* The customer-health C ABI from C: a scorecard built call by call (groups,
 * linear, tiered and boolean measures, grades, rules, a profile), the scores
 * of a small table worked out by hand, the columns and the reasons in words,
 * measure defaults and their sizes, and bad input (statuses that name the
 * problem, NULL handles). */
#include <candor.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

#define N 3

/* support (weight 1): tickets 20 -> 0 points, 0 -> 100;
 * usage (weight 3): seats in tiers, champion as a boolean (70 / 0). */
static candor_scorecard* make_card(void) {
  static const candor_health_tier tiers[2] = {{-INFINITY, 10, 1, 0, 20, "under 10 seats"},
                                              {10, INFINITY, 1, 0, 100, NULL}};
  candor_scorecard* card = NULL;
  candor_health_measure m;
  CHECK(candor_scorecard_new(&card) == CANDOR_OK);
  CHECK(candor_scorecard_add_group(card, "support", 1) == CANDOR_OK);
  CHECK(candor_scorecard_add_group(card, "usage", 3) == CANDOR_OK);
  candor_health_measure_init(&m);
  m.name = "tickets";
  m.label = "Open tickets";
  m.group = "support";
  m.zero_at = 20;
  m.full_at = 0;
  CHECK(candor_scorecard_add_measure(card, &m) == CANDOR_OK);
  candor_health_measure_init(&m);
  m.name = "seats";
  m.group = "usage";
  m.transform = CANDOR_HEALTH_TRANSFORM_TIERS;
  m.tiers = tiers;
  m.n_tiers = 2;
  CHECK(candor_scorecard_add_measure(card, &m) == CANDOR_OK);
  candor_health_measure_init(&m);
  m.name = "champion";
  m.group = "usage";
  m.transform = CANDOR_HEALTH_TRANSFORM_BOOLEAN;
  m.true_points = 70;
  CHECK(candor_scorecard_add_measure(card, &m) == CANDOR_OK);
  return card;
}

static void test_defaults(void) {
  candor_health_measure m;
  memset(&m, 0xAB, sizeof m);
  candor_health_measure_init(&m);
  CHECK(m.size == sizeof m);
  CHECK(m.name == NULL && m.weight == 1 && m.transform == CANDOR_HEALTH_TRANSFORM_LINEAR);
  CHECK(m.zero_at == 0 && m.full_at == 100 && m.true_points == 100 && m.false_points == 0);
  CHECK(m.higher_is_better == 1 && m.z_span == 2 && m.tiers == NULL && m.n_tiers == 0);
  CHECK(candor_health_measure_defaults(&m, offsetof(candor_health_measure, weight) + 4) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_health_measure_defaults(&m, offsetof(candor_health_measure, transform)) ==
        CANDOR_OK);
  CHECK(m.size == offsetof(candor_health_measure, transform));
}

static void test_scores_by_hand(void) {
  /* Row 0: tickets 5 -> 75; seats 4 -> 20; champion yes -> 70.
   *   support 75, usage 45: (75 + 3 * 45) / 4 = 52.5 ("at risk").
   * Row 1: tickets 0 -> 100; seats 50 -> 100; champion missing.
   *   usage 100 (renormalized): 100 ("healthy"); coverage 1 - 3/8.
   * Row 2: nothing: no score, no grade. */
  const double tickets[N] = {5, 0, NAN};
  const double seats[N] = {4, 50, NAN};
  const double champion[N] = {1, NAN, NAN};
  const char* names[3] = {"champion", "seats", "tickets"};
  const double* columns[3] = {champion, seats, tickets};
  candor_scorecard* card = make_card();
  candor_health_scores* scores = NULL;
  candor_health_columns c;
  char buffer[512];
  size_t length = 0;
  CHECK(candor_scorecard_validate(card) == CANDOR_OK);
  CHECK(candor_scorecard_measures(card) == 3);
  CHECK(strcmp(candor_scorecard_measure_name(card, 1), "seats") == 0);
  CHECK(strcmp(candor_scorecard_measure_label(card, 0), "Open tickets") == 0);
  CHECK(candor_scorecard_measure_name(card, 3) == NULL);
  CHECK(candor_scorecard_grades(card) == 3);
  CHECK(strcmp(candor_scorecard_grade_name(card, 1), "at risk") == 0);

  CHECK(candor_health_score(card, names, columns, 3, N, NULL, NULL, 0, &scores) == CANDOR_OK);
  CHECK(candor_health_scores_columns(scores, &c) == CANDOR_OK);
  CHECK(c.n == N && c.measures == 3 && c.max_reasons == 3);
  CHECK_NEAR(c.score[0], 52.5, 1e-12);
  CHECK(c.grade[0] == 1);
  CHECK_NEAR(c.coverage[0], 1, 1e-15);
  CHECK_NEAR(c.score[1], 100, 1e-12);
  CHECK(c.grade[1] == 0);
  CHECK_NEAR(c.coverage[1], 1 - 3.0 / 8, 1e-15);
  CHECK(isnan(c.score[2]) && c.grade[2] == -1 && c.coverage[2] == 0);
  /* Row 0: seats lose 3/8 * 80 = 30 points, champion 3/8 * 30 = 11.25,
   * tickets 1/4 * 25 = 6.25. */
  CHECK(c.points[0 * 3 + 1] == 20);
  CHECK(c.reason_count[0] == 3);
  CHECK(c.reason_measure[0] == 1 && c.reason_measure[1] == 2 && c.reason_measure[2] == 0);
  CHECK_NEAR(c.reason_lost[0], 30, 1e-12);
  CHECK(c.reason_value[0] == 4);
  CHECK(c.unmatched[1] == 0);

  CHECK(candor_health_reasons(scores, 0, 1, NULL, 0, &length) == CANDOR_OK);
  CHECK(length < sizeof buffer);
  CHECK(candor_health_reasons(scores, 0, 1, buffer, sizeof buffer, &length) == CANDOR_OK);
  CHECK(strcmp(buffer,
               "seats 4 (under 10 seats): -30.0 points; champion 1: -11.2 points; "
               "Open tickets 5: -6.2 points") == 0);
  CHECK(candor_health_reasons(scores, 0, 1, buffer, 10, &length) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_health_reasons(scores, 2, 2, buffer, sizeof buffer, &length) == CANDOR_OUT_OF_RANGE);
  candor_health_scores_free(scores);

  /* Worst-of: row 0 is its usage group's 45. */
  CHECK(candor_scorecard_set_rules(card, CANDOR_HEALTH_MISSING_RENORMALIZE,
                                   CANDOR_HEALTH_COMBINE_WORST_OF, 2) == CANDOR_OK);
  CHECK(candor_health_score(card, names, columns, 3, N, NULL, NULL, 0, &scores) == CANDOR_OK);
  CHECK(candor_health_scores_columns(scores, &c) == CANDOR_OK);
  CHECK_NEAR(c.score[0], 45, 1e-12);
  CHECK(c.max_reasons == 2 && c.reason_count[0] == 2);
  candor_health_scores_free(scores);
  candor_scorecard_free(card);
}

static void test_profiles_and_grades(void) {
  const double tickets[2] = {10, 10};
  const double seats[2] = {50, 50};
  const double champion[2] = {0, 0};
  const char* names[3] = {"tickets", "seats", "champion"};
  const double* columns[3] = {tickets, seats, champion};
  const int32_t segment[2] = {0, 1};
  const char* segment_names[2] = {"trial", "paying"};
  /* Trials: support only. */
  const double group_weights[2] = {1, 0};
  const char* grade_names[2] = {"green", "red"};
  const double min_scores[2] = {60, -INFINITY};
  candor_scorecard* card = make_card();
  candor_health_scores* scores = NULL;
  candor_health_columns c;
  CHECK(candor_scorecard_add_profile(card, "trial", NULL, 0, group_weights, 2) == CANDOR_OK);
  CHECK(candor_scorecard_set_grades(card, grade_names, min_scores, 2) == CANDOR_OK);
  CHECK(candor_health_score(card, names, columns, 3, 2, segment, segment_names, 2, &scores) ==
        CANDOR_OK);
  CHECK(candor_health_scores_columns(scores, &c) == CANDOR_OK);
  /* Trial: tickets 10 -> 50. Paying: (50 + 3 * (100 + 0) / 2) / 4 = 50. */
  CHECK_NEAR(c.score[0], 50, 1e-12);
  CHECK_NEAR(c.max_contribution[0 * 3 + 0], 100, 1e-12);
  CHECK_NEAR(c.score[1], 50, 1e-12);
  CHECK(c.grade[0] == 1 && c.grade[1] == 1);
  candor_health_scores_free(scores);
  candor_scorecard_free(card);
}

static void test_bad_input(void) {
  const double x[1] = {1};
  const char* names[1] = {"tickets"};
  const double* columns[1] = {x};
  candor_scorecard* card = make_card();
  candor_health_scores* scores = (candor_health_scores*)1;
  candor_health_measure m;
  const char* grade_names[2] = {"a", "b"};
  const double min_scores[2] = {10, 20};
  /* The seats and champion columns are missing. */
  CHECK(candor_health_score(card, names, columns, 1, 1, NULL, NULL, 0, &scores) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(scores == NULL);
  CHECK(strstr(candor_last_error(), "no column \"seats\"") != NULL);
  candor_health_measure_init(&m);
  CHECK(candor_scorecard_add_measure(card, &m) == CANDOR_INVALID_ARGUMENT); /* no name */
  m.name = "x";
  m.transform = (candor_health_transform)9;
  CHECK(candor_scorecard_add_measure(card, &m) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "unknown transform 9") != NULL);
  m.transform = CANDOR_HEALTH_TRANSFORM_LINEAR;
  m.group = "billing";
  CHECK(candor_scorecard_add_measure(card, &m) == CANDOR_OK);
  CHECK(candor_scorecard_validate(card) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "measures[3].group") != NULL);
  CHECK(candor_scorecard_set_grades(card, grade_names, min_scores, 2) == CANDOR_OK);
  CHECK(candor_scorecard_set_rules(card, (candor_health_missing)5,
                                   CANDOR_HEALTH_COMBINE_WEIGHTED_MEAN,
                                   3) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_scorecard_set_rules(card, CANDOR_HEALTH_MISSING_ZERO,
                                   CANDOR_HEALTH_COMBINE_WEIGHTED_MEAN,
                                   17) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_scorecard_set_rules(card, CANDOR_HEALTH_MISSING_ZERO, (candor_health_combine)7, 3) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "combine: unknown rule 7") != NULL);
  candor_scorecard_free(card);
  CHECK(candor_scorecard_new(NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_scorecard_validate(NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_scorecard_measures(NULL) == 0);
  CHECK(candor_scorecard_measure_name(NULL, 0) == NULL);
  CHECK(candor_health_scores_columns(NULL, NULL) == CANDOR_INVALID_ARGUMENT);
  candor_scorecard_free(NULL);
  candor_health_scores_free(NULL);
}

/* The survey measure: account 0 NPS 50, account 1 100, account 2 -75 (four
 * answers each); without shrinkage each keeps its own with sqrt(sigma2 / 4),
 * sigma2 = 37500 / 9 (tests/cpp/health/survey_measure_test.cc has the sums). */
static void test_survey_measure(void) {
  const double scores[12] = {10, 10, 0, 9, 9, 10, 9, 10, 0, 3, 8, 6};
  const int32_t accounts[12] = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
  double value[4], std_error[4], raw[4], shrinkage[4];
  int64_t responses[4];
  candor_survey_segment segment;
  candor_survey_measure_options options;
  candor_survey_measure_options_init(&options);
  CHECK(options.size == sizeof options && options.shrink == 1 && options.from == INT64_MIN &&
        options.to == INT64_MAX);
  CHECK(candor_account_survey_measure(NULL, &options, scores, NULL, accounts, 12, 4, NULL, 0, value,
                                      std_error, raw, shrinkage, responses, &segment) == CANDOR_OK);
  CHECK_NEAR(raw[0], 50, 1e-12);
  CHECK(shrinkage[0] > 0 && shrinkage[0] < 1);
  CHECK(value[1] < 100 && value[1] > 50);
  CHECK(isnan(value[3]) && responses[3] == 0 && responses[0] == 4);
  CHECK(segment.accounts == 3 && segment.responses == 12 && segment.pseudo_responses == 0);
  CHECK_NEAR(segment.within_variance, 37500.0 / 9, 1e-9);
  options.shrink = 0;
  CHECK(candor_account_survey_measure(NULL, &options, scores, NULL, accounts, 12, 4, NULL, 0, value,
                                      std_error, NULL, NULL, NULL, NULL) == CANDOR_OK);
  CHECK(value[1] == 100);
  CHECK_NEAR(std_error[1], sqrt(37500.0 / 9 / 4), 1e-12);
  CHECK(candor_account_survey_measure(NULL, NULL, scores, NULL, accounts, 12, 2, NULL, 0, value,
                                      NULL, NULL, NULL, NULL, NULL) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "accounts[8] = 2") != NULL);
  CHECK(candor_account_survey_measure(NULL, NULL, scores, NULL, accounts, 12, 4, NULL, 0, NULL,
                                      NULL, NULL, NULL, NULL, NULL) == CANDOR_INVALID_ARGUMENT);
}

int main(void) {
  test_survey_measure();
  test_defaults();
  test_scores_by_hand();
  test_profiles_and_grades();
  test_bad_input();
  return report();
}
