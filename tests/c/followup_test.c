/* The follow-up queue's C ABI from C: a queue of five responses over three
 * accounts with rules from JSON (dedup, a fire alarm, an opted-out account,
 * round robin), its columns, reasons summing to the priority, counts, names,
 * several themes per response with routing by any of the lead's, a poor
 * health grade's points, input defaults, and bad input (statuses that name
 * the problem, NULL handles). */
#include <candor.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

#define MONDAY_10 1796637600 /* 2026-12-07 10:00 UTC */
#define DAY 86400

static const char* kRules =
    "{\"routing\": [{\"when\": {\"category\": \"fire_alarm\"}, \"team\": \"escalations\","
    " \"members\": [\"dana\"]}, {\"team\": \"cs\", \"members\": [\"ann\", \"bob\"]}]}";

static void test_queue(void) {
  const double score[5] = {3, 1, 8, 2, 10};
  const int64_t time[5] = {MONDAY_10, MONDAY_10 + 3 * DAY, MONDAY_10, MONDAY_10, MONDAY_10};
  const int32_t account[5] = {0, 0, 1, 2, 1};
  const uint8_t urgency[5] = {0, 0, CANDOR_URGENCY_CHURN, 0, 0};
  const double arr[3] = {100000, NAN, 1000};
  const uint8_t opt_out[3] = {0, 0, 1};
  candor_followup_rules* rules = NULL;
  candor_followup_queue* queue = NULL;
  candor_followup_input in;
  candor_followup_columns cols;
  candor_followup_counts counts;
  size_t i;
  uint32_t k;
  CHECK(candor_followup_rules_from_json(kRules, strlen(kRules), &rules) == CANDOR_OK);
  candor_followup_input_init(&in);
  CHECK(in.size == sizeof(in));
  CHECK(in.score == NULL && in.n_accounts == 0);
  in.n = 5;
  in.score = score;
  in.time = time;
  in.account = account;
  in.urgency = urgency;
  in.n_accounts = 3;
  in.arr = arr;
  in.opt_out = opt_out;
  CHECK(candor_followup_build(&in, rules, &queue) == CANDOR_OK);
  CHECK(candor_followup_queue_columns(queue, &cols) == CANDOR_OK);
  CHECK(candor_followup_queue_counts(queue, &counts) == CANDOR_OK);
  CHECK(counts.responses == 5);
  CHECK(counts.opted_out == 1);
  CHECK(counts.merged == 2);
  CHECK(counts.cases == 2);
  CHECK(counts.fire_alarms == 1);
  CHECK(cols.n == 2);
  /* The fire alarm first: account 1, lead row 2 (churn beats a promoter). */
  CHECK(cols.account[0] == 1 && cols.lead_row[0] == 2 && cols.category[0] == 0);
  CHECK(cols.urgency[0] == CANDOR_URGENCY_CHURN);
  CHECK(cols.due[0] == MONDAY_10 + 4 * 3600);
  CHECK(strcmp(candor_followup_owner_name(queue, (size_t)cols.owner[0]), "dana") == 0);
  CHECK(strcmp(candor_followup_team_name(queue, (size_t)cols.route[0]), "escalations") == 0);
  CHECK(strcmp(candor_followup_action(queue, cols.category[0]), "escalate") == 0);
  /* Account 0: two responses, led by the 1: detractor 30, very low 20, ARR
   * 10 * log10(100) = 20, repeat detractor 10. */
  CHECK(cols.account[1] == 0 && cols.lead_row[1] == 1 && cols.responses[1] == 2);
  CHECK(cols.priority[1] == 80);
  CHECK(cols.reason_begin[2] - cols.reason_begin[1] == 4);
  CHECK(strcmp(candor_followup_reason_name(cols.reason[cols.reason_begin[1]]), "detractor") == 0);
  CHECK(strcmp(candor_followup_owner_name(queue, (size_t)cols.owner[1]), "ann") == 0);
  for (i = 0; i < cols.n; ++i) {
    double sum = 0;
    for (k = cols.reason_begin[i]; k < cols.reason_begin[i + 1]; ++k) sum += cols.reason_points[k];
    CHECK(sum == cols.priority[i]);
  }
  CHECK(cols.n_reasons == cols.reason_begin[cols.n]);
  CHECK(candor_followup_owners(queue) == 3);
  CHECK(candor_followup_owner_name(queue, 3) == NULL);
  CHECK(candor_followup_teams(queue) == 2);
  candor_followup_queue_free(queue);
  candor_followup_rules_free(rules);
}

/* Two accounts; account 0's lead mentions ux and billing, account 1's only
 * speed. The billing route takes account 0 by its second theme; account 1's
 * grade "F" earns the poor_health_grade points. */
static void test_themes_and_health_grade(void) {
  static const char* kThemeRules =
      "{\"routing\": [{\"when\": {\"theme\": \"billing\"}, \"members\": [\"eve\"]}],"
      " \"default_owner\": \"cs\"}";
  const double score[3] = {2, 9, 3};
  const int64_t time[3] = {MONDAY_10, MONDAY_10 + DAY, MONDAY_10};
  const int32_t account[3] = {0, 0, 1};
  const int64_t offsets[4] = {0, 3, 4, 5};
  const int32_t ids[5] = {0, 1, 0, 2, 2};
  const char* const themes[3] = {"ux", "billing", "speed"};
  const int32_t grade[2] = {0, 1};
  const char* const grades[2] = {"A", "F"};
  candor_followup_rules* rules = NULL;
  candor_followup_queue* queue = NULL;
  candor_followup_input in;
  candor_followup_columns cols;
  candor_followup_themes case_themes;
  size_t i;
  uint32_t k;
  CHECK(candor_followup_rules_from_json(kThemeRules, strlen(kThemeRules), &rules) == CANDOR_OK);
  candor_followup_input_init(&in);
  CHECK(in.theme_offsets == NULL && in.health_grade == NULL && in.n_health_grade_names == 0);
  in.n = 3;
  in.score = score;
  in.time = time;
  in.account = account;
  in.theme_offsets = offsets;
  in.theme_ids = ids;
  in.theme_names = themes;
  in.n_theme_names = 3;
  in.n_accounts = 2;
  in.health_grade = grade;
  in.health_grade_names = grades;
  in.n_health_grade_names = 2;
  CHECK(candor_followup_build(&in, rules, &queue) == CANDOR_OK);
  CHECK(candor_followup_queue_columns(queue, &cols) == CANDOR_OK);
  CHECK(candor_followup_queue_themes(queue, &case_themes) == CANDOR_OK);
  CHECK(cols.n == 2 && case_themes.n == 2);
  /* Account 0: detractor 30 + very low 20 = 50; account 1: detractor 30 +
   * poor health grade 15 = 45. */
  CHECK(cols.account[0] == 0 && cols.priority[0] == 50);
  CHECK(cols.account[1] == 1 && cols.priority[1] == 45);
  k = cols.reason_begin[2] - 1;
  CHECK(strcmp(candor_followup_reason_name(cols.reason[k]), "poor_health_grade") == 0);
  CHECK(cols.reason_points[k] == 15);
  for (i = 0; i < cols.n; ++i) {
    double sum = 0;
    for (k = cols.reason_begin[i]; k < cols.reason_begin[i + 1]; ++k) sum += cols.reason_points[k];
    CHECK(sum == cols.priority[i]);
  }
  /* The lead's themes, repeats once; the first is the theme column. */
  CHECK(case_themes.theme_begin[0] == 0 && case_themes.theme_begin[1] == 2);
  CHECK(case_themes.theme_begin[2] == 3 && case_themes.n_themes == 3);
  CHECK(case_themes.themes[0] == 0 && case_themes.themes[1] == 1 && case_themes.themes[2] == 2);
  CHECK(cols.theme[0] == 0 && cols.theme[1] == 2);
  CHECK(strcmp(candor_followup_owner_name(queue, (size_t)cols.owner[0]), "eve") == 0);
  CHECK(strcmp(candor_followup_owner_name(queue, (size_t)cols.owner[1]), "cs") == 0);
  candor_followup_queue_free(queue);
  queue = NULL;
  /* Both kinds of themes, a bad id, a NULL grade name. */
  in.theme = account;
  CHECK(candor_followup_build(&in, rules, &queue) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "both one per row (theme) and several") != NULL);
  in.theme = NULL;
  in.n_theme_names = 2;
  CHECK(candor_followup_build(&in, rules, &queue) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "theme_ids[3] = 2 has no name") != NULL);
  in.n_theme_names = 3;
  in.health_grade_names = NULL;
  CHECK(candor_followup_build(&in, rules, &queue) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "input->health_grade_names is NULL") != NULL);
  CHECK(queue == NULL);
  CHECK(candor_followup_queue_themes(NULL, &case_themes) == CANDOR_INVALID_ARGUMENT);
  candor_followup_rules_free(rules);
}

static void test_defaults_and_names(void) {
  candor_followup_queue* queue = NULL;
  candor_followup_input in;
  candor_followup_counts counts;
  candor_followup_input_init(&in);
  /* No rows and the default rules (NULL). */
  CHECK(candor_followup_build(&in, NULL, &queue) == CANDOR_OK);
  CHECK(candor_followup_queue_counts(queue, &counts) == CANDOR_OK);
  CHECK(counts.responses == 0 && counts.cases == 0);
  CHECK(strcmp(candor_followup_action(queue, 3), "ask for a public review") == 0);
  CHECK(candor_followup_action(queue, 4) == NULL);
  candor_followup_queue_free(queue);
  CHECK(strcmp(candor_followup_category_name(1), "detractor") == 0);
  CHECK(candor_followup_category_name(-1) == NULL);
  CHECK(strcmp(candor_followup_reason_name(12), "strategic_role") == 0);
  CHECK(strcmp(candor_followup_reason_name(13), "poor_health_grade") == 0);
  CHECK(candor_followup_reason_name(14) == NULL);
  CHECK(candor_followup_owners(NULL) == 0);
  CHECK(candor_followup_owner_name(NULL, 0) == NULL);
  candor_followup_queue_free(NULL);
  candor_followup_rules_free(NULL);
}

static void test_bad_input(void) {
  candor_followup_rules* rules = NULL;
  candor_followup_queue* queue = NULL;
  candor_followup_input in;
  const double score[1] = {5};
  const int64_t time[1] = {MONDAY_10};
  const int32_t account[1] = {0};
  const uint8_t urgency[1] = {9};
  CHECK(candor_followup_rules_from_json("{\"dedup_days\": -1}", 18, &rules) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "dedup_days") != NULL);
  CHECK(rules == NULL);
  CHECK(candor_followup_rules_from_json("{", 1, &rules) == CANDOR_PARSE_ERROR);
  CHECK(candor_followup_rules_from_json(NULL, 3, &rules) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_followup_build(NULL, NULL, &queue) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "input is NULL") != NULL);
  candor_followup_input_init(&in);
  in.n = 1;
  CHECK(candor_followup_build(&in, NULL, &queue) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "input->score is NULL") != NULL);
  in.score = score;
  in.time = time;
  in.account = account;
  in.urgency = urgency;
  CHECK(candor_followup_build(&in, NULL, &queue) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "urgency 9 of row 0") != NULL);
  CHECK(queue == NULL);
  in.urgency = NULL;
  in.n_role_names = 2;
  CHECK(candor_followup_build(&in, NULL, &queue) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "input->role_names is NULL") != NULL);
  in.n_role_names = 0;
  in.size = 12;
  CHECK(candor_followup_build(&in, NULL, &queue) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_followup_build(&in, NULL, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_followup_queue_columns(NULL, NULL) == CANDOR_INVALID_ARGUMENT);
}

int main(void) {
  test_queue();
  test_themes_and_health_grade();
  test_defaults_and_names();
  test_bad_input();
  return report();
}
