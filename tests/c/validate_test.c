/* The validation C ABI (AUC, paired comparison, calibration, lift) from C.
 * Reference values: R pROC 1.18 and glm on the vectors below (the commands
 * are in tests/cpp/validate/, which uses the same vectors), closed forms and
 * hand counts. tests/python/test_validate.py runs pROC live on real data. */
#include <candor.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

static const uint8_t outcome[12] = {0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 0};
static const double score_a[12] = {1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 0.5, 3};
static const double score_b[12] = {2, 1, 4, 4, 1, 3, 2, 6, 3, 3, 2, 5};

static void test_auc_matches_proc(void) {
  candor_auc_result r;
  CHECK(candor_auc(score_a, outcome, 12, 0.95, &r) == CANDOR_OK);
  CHECK_NEAR(r.value, 0.79166666666666674, 1e-15);
  CHECK_NEAR(r.std_error, 0.13176156917368248, 1e-15);
  CHECK_NEAR(r.ci_low, 0.53341873653976601, 1e-14);
  CHECK(r.ci_high == 1.0); /* clamped, as pROC */
  CHECK(r.level == 0.95);
  CHECK(r.n_positive == 6 && r.n_negative == 6);
  CHECK(r.hanley_mcneil_interval == 0);
}

static void test_auc_degenerate_interval(void) {
  /* One of each class, perfectly ordered: Wilson's 1 of 1, 1 / (1 + z^2). */
  const double x[2] = {0.2, 0.9};
  const uint8_t y[2] = {0, 1};
  const double z = 1.959963984540054;
  candor_auc_result r;
  CHECK(candor_auc(x, y, 2, 0.95, &r) == CANDOR_OK);
  CHECK(r.value == 1.0);
  CHECK(isnan(r.std_error));
  CHECK(r.hanley_mcneil_interval == 1);
  CHECK_NEAR(r.ci_low, 1 / (1 + z * z), 1e-12);
  CHECK(r.ci_high == 1.0);
}

static void test_compare_matches_roc_test(void) {
  candor_auc_comparison c;
  CHECK(candor_compare_auc(score_a, score_b, outcome, 12, 0.95, &c) == CANDOR_OK);
  CHECK_NEAR(c.auc_a, 0.79166666666666674, 1e-15);
  CHECK_NEAR(c.auc_b, 0.63888888888888895, 1e-15);
  CHECK_NEAR(c.z, 0.84366148773210681, 1e-13);
  CHECK_NEAR(c.p_value, 0.39885859409376706, 1e-13);
  CHECK_NEAR(c.ci_low, -0.20215005339233583, 1e-13);
  CHECK_NEAR(c.ci_high, 0.50770560894789118, 1e-13);
  CHECK(c.n_positive == 6 && c.n_negative == 6);
}

static void test_calibration(void) {
  /* 40 rows at p = 0.25, 10 positive: calibrated in the large, intercept 0
   * with SE 1 / sqrt(40 * 0.25 * 0.75); no slope; one group. */
  double p[40];
  uint8_t y[40];
  size_t i;
  candor_calibration_result r;
  candor_calibration_group groups[10];
  for (i = 0; i < 40; ++i) {
    p[i] = 0.25;
    y[i] = (uint8_t)(i % 4 == 0);
  }
  CHECK(candor_calibration(p, y, 40, 10, 0.95, &r, groups) == CANDOR_OK);
  CHECK_NEAR(r.intercept, 0, 1e-12);
  CHECK_NEAR(r.intercept_std_error, 1 / sqrt(7.5), 1e-12);
  CHECK(r.intercept_ci_low < 0 && r.intercept_ci_high > 0);
  CHECK(r.slope_fitted == 0 && isnan(r.slope));
  CHECK(r.groups == 1);
  CHECK(groups[0].count == 40 && groups[0].positives == 10);
  CHECK_NEAR(groups[0].expected_positives, 10, 1e-12);
  CHECK(isnan(r.hosmer_lemeshow));
  CHECK_NEAR(r.brier, (10 * 0.75 * 0.75 + 30 * 0.25 * 0.25) / 40, 1e-15);
  /* Without group rows. */
  CHECK(candor_calibration(p, y, 40, 10, 0.95, &r, NULL) == CANDOR_OK);
  CHECK(r.groups == 1);
}

static void test_lift(void) {
  /* Hand-counted in tests/cpp/validate/lift_test.cc. */
  const double x[10] = {5, 8, 1, 9, 6, 5, 8, 7, 5, 2};
  const uint8_t y[10] = {0, 0, 0, 1, 0, 1, 1, 1, 0, 0};
  candor_lift_row rows[5];
  CHECK(candor_lift(x, y, 10, 5, rows) == CANDOR_OK);
  CHECK(rows[0].group == 1 && rows[0].count == 3 && rows[0].positives == 2);
  CHECK_NEAR(rows[1].lift, 2.5, 1e-15);
  CHECK(rows[3].count == 3 && rows[3].score_min == 5 && rows[3].score_max == 5);
  CHECK_NEAR(rows[2].gain, 0.75, 1e-15);
  CHECK(rows[4].cumulative_count == 10 && rows[4].cumulative_positives == 4);
}

static void test_errors(void) {
  const double x[4] = {1, 2, NAN, 4};
  const double p[4] = {0.1, 0.2, 0.3, 0.4};
  const uint8_t y[4] = {0, 1, 0, 1};
  const uint8_t bad[4] = {0, 1, 7, 1};
  const uint8_t zeros[4] = {0, 0, 0, 0};
  candor_auc_result r;
  candor_auc_comparison c;
  candor_calibration_result cal;
  candor_lift_row rows[4];
  CHECK(candor_auc(x, y, 4, 0.95, &r) == CANDOR_OUT_OF_RANGE);
  CHECK(strcmp(candor_last_error(), "score[2] is NaN") == 0);
  CHECK(candor_auc(x, bad, 2, 0.95, &r) == CANDOR_OK);
  CHECK(candor_auc(x, bad, 4, 0.95, &r) == CANDOR_OUT_OF_RANGE);
  CHECK(strcmp(candor_last_error(), "outcome[2] = 7 is not 0 or 1") == 0);
  CHECK(candor_auc(x, zeros, 2, 0.95, &r) == CANDOR_EMPTY);
  CHECK(strstr(candor_last_error(), "no positives") != NULL);
  CHECK(candor_auc(x, y, 0, 0.95, &r) == CANDOR_EMPTY);
  CHECK(candor_auc(x, y, 2, 1.0, &r) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_auc(NULL, y, 2, 0.95, &r) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_auc(x, y, 2, 0.95, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(strcmp(candor_last_error(), "out is NULL") == 0);
  CHECK(candor_compare_auc(x, x, y, 2, 0.95, &c) == CANDOR_EMPTY);
  CHECK(candor_compare_auc(x, NULL, y, 2, 0.95, &c) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_calibration(x, y, 4, 3, 0.95, &cal, NULL) == CANDOR_OUT_OF_RANGE);
  CHECK(strcmp(candor_last_error(), "probability[2] is NaN") == 0);
  CHECK(candor_calibration(p, y, 4, 2, 0.95, &cal, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "groups must be between 3") != NULL);
  CHECK(candor_lift(x, y, 2, 3, rows) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_lift(x, y, 2, 2, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_lift(x, zeros, 2, 2, rows) == CANDOR_EMPTY);
}

int main(void) {
  test_auc_matches_proc();
  test_auc_degenerate_interval();
  test_compare_matches_roc_test();
  test_calibration();
  test_lift();
  test_errors();
  return report();
}
