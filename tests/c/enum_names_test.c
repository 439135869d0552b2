/* candor_enum_name, candor_enum_value and candor_enum_at: the names of the
 * values of candor.h's enums, listed, looked up both ways, and refused
 * (NULL or CANDOR_INVALID_ARGUMENT with a message) when unknown. */
#include <candor.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* Every name of every type looks up its value, and the value its name. */
static void check_round_trips(void) {
  int type;
  for (type = CANDOR_ENUM_METRIC; type <= CANDOR_ENUM_COLUMN_KIND; ++type) {
    size_t i;
    const char* name;
    int32_t value = -1;
    size_t count = 0;
    for (i = 0; (name = candor_enum_at((candor_enum)type, i, &value)) != NULL; ++i) {
      int32_t found = -1;
      ++count;
      CHECK(candor_enum_value((candor_enum)type, name, &found) == CANDOR_OK);
      CHECK(found == value);
      CHECK(strcmp(candor_enum_name((candor_enum)type, value), name) == 0);
    }
    CHECK(count >= 2);
    CHECK(candor_enum_at((candor_enum)type, count, NULL) == NULL);
  }
}

static void check_some_names(void) {
  int32_t value = -1;
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_INTERVAL, CANDOR_INTERVAL_ADJUSTED_WALD),
               "adjusted_wald") == 0);
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_METRIC, CANDOR_METRIC_TOP_BOX), "top_box") == 0);
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_PRESET, CANDOR_PRESET_CES_AGREE), "ces_agree") == 0);
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_ACCOUNT_TREND_STATUS, CANDOR_ACCOUNT_TREND_TOO_FEW),
               "too_few_responses") == 0);
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_BUCKETS_COLUMN, CANDOR_BUCKETS_SMOOTHED_N),
               "smoothed_n") == 0);
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_SLA_STATUS, CANDOR_SLA_AT_RISK), "at_risk") == 0);
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_CASE_LOG_PROBLEM, CANDOR_CASE_LOG_RESUMED_WITHOUT_HOLD),
               "resumed_without_hold") == 0);
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_FOLLOWUP_REASON, CANDOR_FOLLOWUP_REASON_ARR), "arr") ==
        0);
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_INTENT, CANDOR_INTENT_NEEDS_RESPONSE),
               "needs_response") == 0);
  CHECK(candor_enum_name((candor_enum)(CANDOR_ENUM_COLUMN_KIND + 1), 0) == NULL);
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_EMOTION, CANDOR_EMOTION_GRATITUDE), "gratitude") == 0);
  CHECK(candor_enum_value(CANDOR_ENUM_P_ADJUST, "bh", &value) == CANDOR_OK);
  CHECK(value == CANDOR_P_ADJUST_BH);
  CHECK(candor_enum_value(CANDOR_ENUM_BUCKETS_COLUMN, "previous", &value) == CANDOR_OK);
  CHECK(value == CANDOR_BUCKETS_PREVIOUS);
  /* Declaration order: the first value is listed first. */
  CHECK(strcmp(candor_enum_at(CANDOR_ENUM_P_ADJUST, 0, &value), "none") == 0);
  CHECK(value == CANDOR_P_ADJUST_NONE);
}

static void check_refusals(void) {
  int32_t value = 7;
  CHECK(candor_enum_name(CANDOR_ENUM_INTERVAL, 5) == NULL);
  CHECK(candor_enum_name(CANDOR_ENUM_BUCKETS_COLUMN, 25) == NULL);
  CHECK(candor_enum_name((candor_enum)1000, 0) == NULL);
  CHECK(candor_enum_name((candor_enum)-1, 0) == NULL);
  CHECK(candor_enum_at((candor_enum)1000, 0, &value) == NULL);
  CHECK(value == 7);

  CHECK(candor_enum_value(CANDOR_ENUM_INTERVAL, "WALD", &value) == CANDOR_INVALID_ARGUMENT);
  CHECK(strcmp(candor_last_error(),
               "'WALD' is not a candor_interval (one of wald, adjusted_wald, bayes, "
               "bootstrap, jeffreys)") == 0);
  CHECK(value == 7);
  CHECK(candor_enum_value(CANDOR_ENUM_PERIOD, "monthly", &value) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_enum_value((candor_enum)1000, "wald", &value) == CANDOR_INVALID_ARGUMENT);
  CHECK(strcmp(candor_last_error(), "enum type 1000 is not a candor_enum") == 0);
  CHECK(candor_enum_value(CANDOR_ENUM_INTERVAL, NULL, &value) == CANDOR_INVALID_ARGUMENT);
  CHECK(strcmp(candor_last_error(), "name is NULL") == 0);
  CHECK(candor_enum_value(CANDOR_ENUM_INTERVAL, "wald", NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(strcmp(candor_last_error(), "value is NULL") == 0);
}

int main(void) {
  check_round_trips();
  check_some_names();
  check_refusals();
  return report();
}
