/* The recovery C ABI from C: the overall difference (Rocks' adjusted NPS by
 * hand), the strata (weights by followed-up rows, a dropped stratum), the
 * caveat on every result, and bad input (clear statuses, NULL handles). */
#include <candor.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

#define N 9

static const double kRescore[N] = {9, 10, 3, 7, 8, 2, 6, 9, 5};
static const int32_t kFollowed[N] = {1, 1, 1, 1, 0, 0, 0, 0, 0};
static const int32_t kStratum[N] = {0, 0, 1, 1, 0, 1, 1, 0, 2};

static void test_overall(void) {
  candor_recovery* r = NULL;
  candor_recovery_summary s;
  CHECK(candor_recovery_new(NULL, kRescore, kFollowed, NULL, N - 1, &r) == CANDOR_OK);
  CHECK(candor_recovery_summary_get(r, &s) == CANDOR_OK);
  /* (2.75 - 1.75) / 7 and (1.75 - 2.75) / 7, times 100. */
  CHECK_NEAR(s.overall.difference, 200.0 / 7, 1e-9);
  CHECK(s.overall.ci_high > s.overall.ci_low);
  CHECK(s.stratified == 0 && isnan(s.stratified_difference));
  CHECK(s.caveat != NULL && strstr(s.caveat, "not randomized") != NULL);
  CHECK(candor_recovery_strata(r) == 0);
  candor_recovery_free(r);
}

static void test_strata(void) {
  candor_recovery* r = NULL;
  candor_recovery_summary s;
  candor_recovery_stratum row;
  candor_score_options options;
  candor_score_options_init(&options);
  options.interval = CANDOR_INTERVAL_ADJUSTED_WALD;
  CHECK(candor_recovery_new(&options, kRescore, kFollowed, kStratum, N, &r) == CANDOR_OK);
  CHECK(candor_recovery_summary_get(r, &s) == CANDOR_OK);
  CHECK(s.stratified == 1);
  CHECK(s.strata_compared == 2 && s.strata_dropped == 1 && s.rows_dropped == 1);
  CHECK(candor_recovery_strata(r) == 3);
  CHECK(candor_recovery_stratum_at(r, 0, &row) == CANDOR_OK);
  CHECK(row.stratum == 0 && row.compared == 1 && row.followed_up == 2 && row.weight == 0.5);
  CHECK(candor_recovery_stratum_at(r, 2, &row) == CANDOR_OK);
  CHECK(row.compared == 0 && isnan(row.comparison.difference));
  CHECK(candor_recovery_stratum_at(r, 3, &row) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "stratum 3 of 3") != NULL);
  candor_recovery_free(r);
}

static void test_errors(void) {
  candor_recovery* r = NULL;
  const int32_t bad[2] = {1, 3};
  CHECK(candor_recovery_new(NULL, kRescore, bad, NULL, 2, &r) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "followed_up[1]") != NULL);
  CHECK(r == NULL);
  CHECK(candor_recovery_new(NULL, kRescore, kFollowed, NULL, 4, &r) == CANDOR_EMPTY);
  CHECK(candor_recovery_new(NULL, NULL, kFollowed, NULL, 4, &r) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_recovery_new(NULL, kRescore, kFollowed, NULL, 4, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_recovery_summary_get(NULL, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_recovery_caveat(), "association") != NULL);
  candor_recovery_free(NULL);
}

int main(void) {
  test_overall();
  test_strata();
  test_errors();
  return report();
}
