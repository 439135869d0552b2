/* The trend-series C ABI (Mann-Kendall, Sen's slope, WLS line) from C.
 * Reference values: pymannkendall's published test vector (its
 * tests/test_pymannkendall.py, the Bogra series in tests/data/trend/) and
 * closed forms. The statistics themselves are cross-checked against
 * numpy/scipy/statsmodels in tests/cpp/trend_series/trend_series_test.cc. */
#include <candor.h>

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* The Bogra series with its missing values dropped; returns the count. */
static size_t read_bogra(double* out, size_t capacity) {
  FILE* f = fopen(CANDOR_TEST_DATA "/trend/pymannkendall_bogra.txt", "r");
  char line[64];
  size_t n = 0;
  if (f == NULL) return 0;
  while (fgets(line, sizeof line, f) != NULL && n < capacity) {
    if (strncmp(line, "nan", 3) != 0) out[n++] = atof(line);
  }
  fclose(f);
  return n;
}

static void test_original_matches_pymannkendall(void) {
  double x[400];
  size_t n = read_bogra(x, 400);
  candor_mk_result r;
  candor_sens_slope_result sen;
  CHECK(n == 353);
  CHECK(candor_mann_kendall(x, n, NULL, &r) == CANDOR_OK);
  CHECK(r.s == -1959);
  CHECK_NEAR(r.var_s, 4889800.333333333, 1e-6);
  CHECK_NEAR(r.z, -0.8854562842589916, 1e-12);
  CHECK_NEAR(r.p_value, 0.37591058740506833, 1e-12);
  CHECK_NEAR(r.tau, -0.03153167653875869, 1e-15);
  CHECK(r.trend == 0);
  CHECK(r.variance_factor == 1);
  CHECK(candor_sens_slope(x, n, 0.95, &sen) == CANDOR_OK);
  CHECK_NEAR(sen.slope, -0.0064516129032258064, 1e-15);
  CHECK(sen.ci_low <= sen.slope && sen.slope <= sen.ci_high);
}

static void test_hamed_rao_and_seasonal(void) {
  double x[48];
  size_t i;
  candor_mk_options options;
  candor_mk_result r;
  candor_sens_slope_result sen;
  /* Rising by 1 per cycle of 12 with a seasonal pattern: every within-season
   * pair is concordant: S = 12 * C(4, 2) = 72, Var(S) = 12 * 4*3*13/18. */
  for (i = 0; i < 48; ++i) x[i] = (double)(i / 12) + 5.0 * (double)((i * 7) % 12);
  candor_mk_options_init(&options);
  CHECK(options.size == sizeof options);
  CHECK(options.method == CANDOR_MK_ORIGINAL && options.alpha == 0.05);
  options.method = CANDOR_MK_SEASONAL;
  options.period = 12;
  CHECK(candor_mann_kendall(x, 48, &options, &r) == CANDOR_OK);
  CHECK(r.s == 72);
  CHECK_NEAR(r.var_s, 12.0 * 4 * 3 * 13 / 18, 1e-12);
  CHECK_NEAR(r.tau, 1.0, 1e-15);
  CHECK(r.trend == 1);
  CHECK(candor_seasonal_sens_slope(x, 48, 12, 0.95, &sen) == CANDOR_OK);
  CHECK_NEAR(sen.slope, 1.0, 1e-15); /* per cycle */

  options.method = CANDOR_MK_HAMED_RAO;
  CHECK(candor_mann_kendall(x, 48, &options, &r) == CANDOR_OK);
  CHECK(r.variance_factor >= 1);
  CHECK(r.significant_lags > 0); /* the seasonal pattern is autocorrelated */
}

static void test_wls_exact_line(void) {
  const double y[4] = {1, 3, 5, 7};
  const double se[4] = {1, 1, 1, 1};
  const double t[4] = {10, 11, 12, 13};
  candor_wls_slope_result r;
  CHECK(candor_wls_slope(y, se, NULL, 4, 0.95, 0, &r) == CANDOR_OK);
  CHECK_NEAR(r.slope, 2, 1e-14);
  CHECK_NEAR(r.intercept, 1, 1e-14);
  CHECK_NEAR(r.slope_std_error, sqrt(1 / 5.0), 1e-15); /* 1 / sum (t - 1.5)^2 */
  CHECK_NEAR(r.slope_ci_high - r.slope, 1.959963984540054 * sqrt(1 / 5.0), 1e-9);
  CHECK(r.n == 4);
  CHECK(candor_wls_slope(y, se, t, 4, 0.95, 1, &r) == CANDOR_OK);
  CHECK_NEAR(r.intercept, 1 - 2 * 10, 1e-12);
  CHECK_NEAR(r.chi_square, 0, 1e-20);
}

/* Weights 1 / se^2 overflowed for tiny standard errors: the line came back
 * as CANDOR_OK with NaN (found by fuzz/trend). Only the ratios of the
 * standard errors matter for the line; their scale sets its errors. */
static void test_wls_extreme_standard_errors(void) {
  const double y[4] = {1, 3, 5, 7};
  const double tiny[4] = {1e-200, 1e-200, 1e-200, 1e-200};
  const double spread[4] = {1e-200, 1, 1, 1};
  candor_wls_slope_result r;
  CHECK(candor_wls_slope(y, tiny, NULL, 4, 0.95, 0, &r) == CANDOR_OK);
  CHECK_NEAR(r.slope, 2, 1e-14);
  CHECK_NEAR(r.intercept, 1, 1e-14);
  CHECK_NEAR(r.slope_std_error / 1e-200, sqrt(1 / 5.0), 1e-15);
  CHECK(r.slope_ci_low <= r.slope && r.slope <= r.slope_ci_high);
  /* Standard errors 1e200 apart: not representable, an error, not NaN. */
  CHECK(candor_wls_slope(y, spread, NULL, 4, 0.95, 0, &r) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "standard errors") != NULL);
}

static void test_bad_input(void) {
  double x[30];
  double se[3] = {1, 1, 1};
  double t[3] = {0, 2, 1};
  candor_mk_options options;
  candor_mk_result r;
  candor_sens_slope_result sen;
  candor_wls_slope_result w;
  size_t i;
  for (i = 0; i < 30; ++i) x[i] = (double)(i % 7);
  CHECK(candor_mann_kendall(NULL, 5, NULL, &r) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_mann_kendall(x, 5, NULL, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_mann_kendall(x, 2, NULL, &r) == CANDOR_EMPTY);
  x[4] = NAN;
  CHECK(candor_mann_kendall(x, 30, NULL, &r) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "index 4") != NULL);
  x[4] = 4;
  candor_mk_options_init(&options);
  options.method = CANDOR_MK_SEASONAL;
  options.period = 1;
  CHECK(candor_mann_kendall(x, 30, &options, &r) == CANDOR_INVALID_ARGUMENT);
  options.period = 16; /* 30 values < 2 periods */
  CHECK(candor_mann_kendall(x, 30, &options, &r) == CANDOR_EMPTY);
  options.method = (candor_mk_method)9;
  CHECK(candor_mann_kendall(x, 30, &options, &r) == CANDOR_INVALID_ARGUMENT);
  options.method = CANDOR_MK_ORIGINAL;
  options.alpha = 1.5;
  CHECK(candor_mann_kendall(x, 30, &options, &r) == CANDOR_INVALID_ARGUMENT);
  options.size = 0;
  CHECK(candor_mann_kendall(x, 30, &options, &r) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_mk_options_defaults(NULL, sizeof options) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_sens_slope(x, 30, 0.0, &sen) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_sens_slope(x, 30, 0.95, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_seasonal_sens_slope(x, 30, 16, 0.95, &sen) == CANDOR_EMPTY);
  CHECK(candor_wls_slope(x, se, t, 3, 0.95, 0, &w) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "index 2") != NULL);
  t[2] = 2; /* duplicate */
  CHECK(candor_wls_slope(x, se, t, 3, 0.95, 0, &w) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "duplicate") != NULL);
  se[1] = 0;
  CHECK(candor_wls_slope(x, se, NULL, 3, 0.95, 0, &w) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "index 1") != NULL);
  se[1] = 1;
  CHECK(candor_wls_slope(x, NULL, NULL, 3, 0.95, 0, &w) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_wls_slope(x, se, NULL, 2, 0.95, 0, &w) == CANDOR_EMPTY);
  CHECK(candor_wls_slope(x, se, NULL, 3, 0.95, 0, NULL) == CANDOR_INVALID_ARGUMENT);
}

int main(void) {
  test_original_matches_pymannkendall();
  test_hamed_rao_and_seasonal();
  test_wls_exact_line();
  test_wls_extreme_standard_errors();
  test_bad_input();
  return report();
}
