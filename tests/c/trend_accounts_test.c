/* Per-account trends through the C ABI, compiled as C. Reference values:
 * tests/data/trend_accounts (statsmodels OLS with cov_type='HC3', closed-form
 * Wald levels and changes, multipletests fdr_bh), made by
 * tests/crosscheck/trend_accounts_reference.py. */
#include <candor.h>

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define MAX_RESPONSES 2000
#define MAX_FIELDS 24

static double scores[MAX_RESPONSES];
static double weights[MAX_RESPONSES];
static int64_t times[MAX_RESPONSES];
static int32_t accounts[MAX_RESPONSES];

/* Splits a CSV line (no quoting) in place; returns the number of fields. */
static int split_line(char* line, char** fields) {
  int count = 0;
  char* p = line;
  line[strcspn(line, "\r\n")] = '\0';
  fields[count++] = p;
  while ((p = strchr(p, ',')) != NULL && count < MAX_FIELDS) {
    *p++ = '\0';
    fields[count++] = p;
  }
  return count;
}

static FILE* open_data(const char* name) {
  char path[1024];
  snprintf(path, sizeof path, "%s/trend_accounts/%s", CANDOR_TEST_DATA, name);
  return fopen(path, "r");
}

/* The responses of one case; returns how many. */
static size_t load_case(const char* name) {
  char line[512];
  char* f[MAX_FIELDS];
  size_t n = 0;
  FILE* in = open_data("responses.csv");
  CHECK(in != NULL);
  if (in == NULL) return 0;
  if (fgets(line, sizeof line, in) == NULL) line[0] = '\0'; /* header */
  while (fgets(line, sizeof line, in) != NULL && n < MAX_RESPONSES) {
    if (split_line(line, f) != 5 || strcmp(f[0], name) != 0) continue;
    accounts[n] = (int32_t)atoi(f[1]);
    times[n] = (int64_t)strtoll(f[2], NULL, 10);
    scores[n] = strtod(f[3], NULL);
    weights[n] = strtod(f[4], NULL);
    ++n;
  }
  fclose(in);
  return n;
}

static int same(double actual, double expected, double tol) {
  if (isnan(expected)) return isnan(actual);
  return fabs(actual - expected) <= tol * (fabs(expected) > 1 ? fabs(expected) : 1);
}

static const candor_account_trend_row* find(const candor_account_trend_row* rows, size_t count,
                                            int32_t account) {
  size_t i;
  for (i = 0; i < count; ++i) {
    if (rows[i].account == account) return &rows[i];
  }
  return NULL;
}

static void test_defaults(void) {
  candor_account_trend_options o;
  candor_account_trend_options_init(&o);
  CHECK(o.size == sizeof o);
  CHECK(o.min_responses == 10);
  CHECK(o.slope_unit_days == 30);
  CHECK(o.split == CANDOR_SPLIT_MEDIAN_TIME);
  CHECK(o.covariance == CANDOR_ROBUST_HC3);
  CHECK(o.p_adjust == CANDOR_P_ADJUST_BH);
  CHECK(o.alpha == 0.05);
  CHECK(candor_account_trend_options_defaults(NULL, sizeof o) == CANDOR_INVALID_ARGUMENT);
}

static void test_matches_fixtures(void) {
  candor_score_options score;
  candor_account_trend_options options;
  candor_account_trends* trends = NULL;
  candor_account_trend_row rows[32];
  char line[1024];
  char* f[MAX_FIELDS];
  size_t count, i, n = load_case("unweighted");
  int checked = 0;
  FILE* in;
  CHECK(n > 300);
  candor_score_options_init(&score);
  candor_account_trend_options_init(&options);
  CHECK(candor_account_trends_new(&score, &options, scores, times, accounts, NULL, n, &trends) ==
        CANDOR_OK);
  count = candor_account_trends_rows(trends);
  CHECK(count == 14);
  if (count != 14) {
    candor_account_trends_free(trends);
    return;
  }
  for (i = 0; i < count; ++i) CHECK(candor_account_trends_row_at(trends, i, &rows[i]) == CANDOR_OK);
  /* Declining rows come first. */
  for (i = 0; i < count; ++i) {
    CHECK(rows[i].declining == ((int64_t)i < candor_account_trends_declining(trends)));
  }
  CHECK(candor_account_trends_declining(trends) > 0);
  in = open_data("expected.csv");
  CHECK(in != NULL);
  if (in != NULL) {
    if (fgets(line, sizeof line, in) == NULL) line[0] = '\0';
    while (fgets(line, sizeof line, in) != NULL) {
      const candor_account_trend_row* r;
      if (split_line(line, f) != 20) continue;
      if (strcmp(f[0], "unweighted") != 0 || strcmp(f[1], "hc3") != 0) continue;
      r = find(rows, count, (int32_t)atoi(f[2]));
      CHECK(r != NULL);
      if (r == NULL) continue;
      CHECK(candor_account_trends_split_time(trends) == (int64_t)strtoll(f[5], NULL, 10));
      CHECK(r->n == (int64_t)strtoll(f[4], NULL, 10));
      CHECK((strcmp(f[3], "ok") == 0) == (r->status == CANDOR_ACCOUNT_TREND_OK));
      CHECK((strcmp(f[3], "too_few") == 0) == (r->status == CANDOR_ACCOUNT_TREND_TOO_FEW));
      CHECK(same(r->level.value, strtod(f[6], NULL), 1e-10));
      CHECK(same(r->level.std_error, strtod(f[7], NULL), 1e-10));
      CHECK(same(r->slope, strtod(f[8], NULL), 1e-9));
      CHECK(same(r->slope_std_error, strtod(f[9], NULL), 1e-9));
      CHECK(same(r->slope_p_value, strtod(f[11], NULL), 1e-9));
      CHECK(same(r->slope_ci_low, strtod(f[12], NULL), 1e-9));
      CHECK(same(r->slope_p_adjusted, strtod(f[14], NULL), 1e-9));
      CHECK(same(r->recent_vs_earlier.difference, strtod(f[15], NULL), 1e-10));
      CHECK(same(r->change_p_adjusted, strtod(f[18], NULL), 1e-9));
      CHECK(r->declining == atoi(f[19]));
      ++checked;
    }
    fclose(in);
  }
  CHECK(checked == 14);
  candor_account_trends_free(trends);
}

static void test_older_options_and_null_options(void) {
  /* A caller whose struct ends before alpha gets the default alpha. */
  candor_score_options score;
  candor_account_trend_options options;
  candor_account_trends *a = NULL, *b = NULL;
  size_t n = load_case("unweighted");
  candor_score_options_init(&score);
  candor_account_trend_options_init(&options);
  options.alpha = 0.5;
  options.size = offsetof(candor_account_trend_options, alpha);
  CHECK(candor_account_trends_new(&score, &options, scores, times, accounts, NULL, n, &a) ==
        CANDOR_OK);
  CHECK(candor_account_trends_new(&score, NULL, scores, times, accounts, NULL, n, &b) ==
        CANDOR_OK);
  CHECK(candor_account_trends_declining(a) == candor_account_trends_declining(b));
  candor_account_trends_free(a);
  candor_account_trends_free(b);
}

static void test_bad_input(void) {
  candor_score_options score;
  candor_account_trend_options options;
  candor_account_trends* trends = NULL;
  candor_account_trend_row row;
  size_t n = load_case("weighted");
  candor_score_options_init(&score);
  candor_account_trend_options_init(&options);
  CHECK(candor_account_trends_new(&score, &options, scores, times, accounts, weights, n, NULL) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_account_trends_new(NULL, &options, scores, times, accounts, weights, n,
                                  &trends) == CANDOR_INVALID_ARGUMENT);
  CHECK(trends == NULL);
  CHECK(candor_account_trends_new(&score, &options, scores, times, accounts, weights, 0,
                                  &trends) == CANDOR_EMPTY);
  CHECK(candor_account_trends_new(&score, &options, scores, NULL, accounts, weights, n,
                                  &trends) == CANDOR_INVALID_ARGUMENT);
  options.min_responses = 1;
  CHECK(candor_account_trends_new(&score, &options, scores, times, accounts, weights, n,
                                  &trends) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "min_responses") != NULL);
  candor_account_trend_options_init(&options);
  options.covariance = (candor_robust_se)7;
  CHECK(candor_account_trends_new(&score, &options, scores, times, accounts, weights, n,
                                  &trends) == CANDOR_INVALID_ARGUMENT);
  candor_account_trend_options_init(&options);
  accounts[11] = -4;
  CHECK(candor_account_trends_new(&score, &options, scores, times, accounts, weights, n,
                                  &trends) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "accounts[11]") != NULL);
  accounts[11] = 0;
  scores[2] = NAN;
  CHECK(candor_account_trends_new(&score, &options, scores, times, accounts, weights, n,
                                  &trends) == CANDOR_OUT_OF_RANGE);
  scores[2] = 5;
  CHECK(candor_account_trends_new(&score, &options, scores, times, accounts, weights, n,
                                  &trends) == CANDOR_OK);
  CHECK(candor_account_trends_row_at(trends, 99, &row) == CANDOR_OUT_OF_RANGE);
  CHECK(candor_account_trends_row_at(trends, 0, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_account_trends_row_at(NULL, 0, &row) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_account_trends_rows(NULL) == 0);
  candor_account_trends_free(trends);
  candor_account_trends_free(NULL);
}

int main(void) {
  test_defaults();
  test_matches_fixtures();
  test_older_options_and_null_options();
  test_bad_input();
  return report();
}
