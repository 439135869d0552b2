/* Customer health over time from C: a dated history with a standard-error
 * column, scores as of a cut-off (only earlier rows read), days in grade and
 * momentum with its delta-method interval, all worked out by hand; the
 * history's defaults and sizes; bad input naming the problem. */
#include <candor.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

#define ROWS 5
#define DAY 86400

/* x: linear 0 -> 0 points, 100 -> 100 (points = x). Account 0: x 40 (se 5)
 * on day 0, 80 (se 4) on day 14, 99 on day 40 (after every cut-off used);
 * account 1: x 50 (se 3) on day 0; account 2: a row on day 40 only. */
static const int32_t kAccount[ROWS] = {0, 0, 0, 1, 2};
static const int64_t kTime[ROWS] = {0, 14 * DAY, 40 * DAY, 0, 40 * DAY};
static const double kX[ROWS] = {40, 80, 99, 50, 10};
static const double kSe[ROWS] = {5, 4, 1, 3, 1};

static candor_scorecard* make_card(void) {
  candor_scorecard* card = NULL;
  candor_health_measure m;
  CHECK(candor_scorecard_new(&card) == CANDOR_OK);
  candor_health_measure_init(&m);
  m.name = "x";
  CHECK(candor_scorecard_add_measure(card, &m) == CANDOR_OK);
  return card;
}

static const char* const kNames[1] = {"x"};
static const double* kColumns[1] = {kX};
static const double* kErrors[1] = {kSe};

static void make_history(candor_health_history* h) {
  candor_health_history_init(h);
  h->n = ROWS;
  h->account = kAccount;
  h->time = kTime;
  h->n_accounts = 3;
  h->names = kNames;
  h->columns = kColumns;
  h->n_columns = 1;
  h->std_error_columns = kErrors;
}

static void test_defaults(void) {
  candor_health_history h;
  memset(&h, 0xAB, sizeof h);
  candor_health_history_init(&h);
  CHECK(h.size == sizeof h && h.n == 0 && h.account == NULL && h.std_error_columns == NULL);
  CHECK(candor_health_history_defaults(&h, offsetof(candor_health_history, n) + 3) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "candor_health_history size") != NULL);
}

static void test_as_of(void) {
  candor_scorecard* card = make_card();
  candor_health_history h;
  candor_health_scores* scores = NULL;
  candor_health_columns c;
  int32_t grade[3];
  double days[3];
  uint8_t capped[3];
  double change[3], se[3], lo[3], hi[3];
  make_history(&h);
  /* As of day 20: account 0 reads 80 (day 14), not 99 (day 40). */
  CHECK(candor_health_score_as_of(card, &h, 20 * DAY, &scores) == CANDOR_OK);
  CHECK(candor_health_scores_columns(scores, &c) == CANDOR_OK);
  CHECK(c.n == 3);
  CHECK(c.score[0] == 80 && c.score[1] == 50 && isnan(c.score[2]));
  CHECK(c.grade[0] == 0 && c.grade[1] == 1 && c.grade[2] == -1);
  candor_health_scores_free(scores);
  /* Weekly back from day 20: day 13 and 6 read 40 (at risk): 0 days healthy;
   * account 1 at risk since day 0: days 13 and 6 agree, capped at 2 steps. */
  CHECK(candor_health_days_in_grade(card, &h, 20 * DAY, 7, 2, grade, days, capped) == CANDOR_OK);
  CHECK(grade[0] == 0 && days[0] == 0 && capped[0] == 0);
  CHECK(grade[1] == 1 && days[1] == 14 && capped[1] == 1);
  CHECK(grade[2] == -1 && days[2] == -1);
  /* Momentum day 7 -> day 20: account 0 from 40 (se 5) to 80 (se 4), rows
   * differ: se = sqrt(16 + 25); account 1 the same row: se 0, no interval. */
  CHECK(candor_health_momentum(card, &h, 20 * DAY, 7 * DAY, 0.95, change, se, lo, hi) == CANDOR_OK);
  CHECK(change[0] == 40);
  CHECK_NEAR(se[0], sqrt(41.0), 1e-12);
  CHECK_NEAR(lo[0], 40 - 1.959963984540054 * sqrt(41.0), 1e-9);
  CHECK_NEAR(hi[0], 40 + 1.959963984540054 * sqrt(41.0), 1e-9);
  CHECK(change[1] == 0 && se[1] == 0 && isnan(lo[1]) && isnan(hi[1]));
  CHECK(isnan(change[2]) && isnan(se[2]) && isnan(lo[2]));
  /* Without standard errors: no interval, and no zero-width one. */
  h.std_error_columns = NULL;
  CHECK(candor_health_momentum(card, &h, 20 * DAY, 7 * DAY, 0.95, change, se, lo, hi) == CANDOR_OK);
  CHECK(change[0] == 40 && isnan(se[0]) && isnan(lo[0]) && isnan(se[1]));
  candor_scorecard_free(card);
}

static void test_bad_input(void) {
  candor_scorecard* card = make_card();
  candor_health_history h;
  candor_health_scores* scores = NULL;
  double change[3];
  int32_t bad_account[ROWS] = {0, 0, 0, 1, 3};
  double bad_se[ROWS] = {5, -1, 1, 3, 1};
  const double* bad_errors[1] = {bad_se};
  make_history(&h);
  CHECK(candor_health_score_as_of(card, NULL, 0, &scores) == CANDOR_INVALID_ARGUMENT);
  CHECK(strcmp(candor_last_error(), "history is NULL") == 0);
  CHECK(candor_health_score_as_of(NULL, &h, 0, &scores) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_health_score_as_of(card, &h, 0, NULL) == CANDOR_INVALID_ARGUMENT);
  h.account = bad_account;
  CHECK(candor_health_score_as_of(card, &h, 0, &scores) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "account[4] = 3") != NULL);
  CHECK(scores == NULL);
  h.account = kAccount;
  h.std_error_columns = bad_errors;
  CHECK(candor_health_momentum(card, &h, 20 * DAY, 7 * DAY, 0.95, change, NULL, NULL, NULL) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "std_error of \"x\" at row 1") != NULL);
  h.std_error_columns = kErrors;
  CHECK(candor_health_momentum(card, &h, 7 * DAY, 20 * DAY, 0.95, change, NULL, NULL, NULL) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "is not before as_of") != NULL);
  CHECK(candor_health_momentum(card, &h, 20 * DAY, 7 * DAY, 0, change, NULL, NULL, NULL) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_health_days_in_grade(card, &h, 20 * DAY, -1, 2, NULL, NULL, NULL) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "step_days") != NULL);
  h.names = NULL;
  CHECK(candor_health_days_in_grade(card, &h, 20 * DAY, 7, 2, NULL, NULL, NULL) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strcmp(candor_last_error(), "history->names is NULL") == 0);
  h.names = kNames;
  h.size = offsetof(candor_health_history, n) + 2;
  CHECK(candor_health_score_as_of(card, &h, 0, &scores) == CANDOR_INVALID_ARGUMENT);
  candor_scorecard_free(card);
}

int main(void) {
  test_defaults();
  test_as_of();
  test_bad_input();
  return report();
}
