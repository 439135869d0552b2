/* The bucket trend through the C ABI, compiled as C. Reference values are
 * closed forms computed by hand in the comments (NPS trinomial variance,
 * normal p-values, z quantiles) and local calendars checked by hand. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, mkfifo, sigaction */
#include <candor.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

/* 2026-01-01 and 2026-02-01 00:00 UTC. */
#define JAN1 1767225600
#define FEB1 1769904000

/* January: 10 promoters, 5 passives, 5 detractors (NPS 25); February: 4, 4,
 * 12 (NPS -40); each response an hour apart from the 4th / 11th. */
static size_t two_months(double* scores, int64_t* times) {
  const int counts[2][3] = {{10, 5, 5}, {4, 4, 12}};
  const double values[3] = {10, 8, 2};
  const int64_t starts[2] = {JAN1 + 86400 * 3, FEB1 + 86400 * 10};
  size_t n = 0;
  int m, c, i, k;
  for (m = 0; m < 2; ++m) {
    k = 0;
    for (c = 0; c < 3; ++c) {
      for (i = 0; i < counts[m][c]; ++i) {
        scores[n] = values[c];
        times[n] = starts[m] + 3600 * k++;
        ++n;
      }
    }
  }
  return n;
}

static void test_defaults(void) {
  candor_buckets_options o;
  candor_buckets_options_init(&o);
  CHECK(o.size == sizeof(o));
  CHECK(o.every == CANDOR_PERIOD_MONTH);
  CHECK(o.time_zone != NULL && strcmp(o.time_zone, "UTC") == 0);
  CHECK(o.window_days == 0);
  CHECK(o.half_life_days == 0);
  CHECK_NEAR(o.power, 0.8, 0);
  CHECK_NEAR(o.control_k, 3, 0);
  CHECK(o.control_level == 0);
  CHECK(o.p_adjust == CANDOR_P_ADJUST_HOLM);
}

/* The two months and a March of 8 promoters, 6 passives, 6 detractors (NPS
 * 10): two changes, p_feb for -65 and p_mar for +50 (two-sided normal).
 * Holm (1979) for lo = p_feb < hi = p_mar: 2 lo and max(2 lo, hi);
 * Benjamini-Hochberg: min(2 lo, hi) and hi; none: the p-values. */
static void test_adjusted_changes(void) {
  double scores[60];
  int64_t times[60];
  size_t n = two_months(scores, times);
  const int march[3] = {8, 6, 6};
  const double values[3] = {10, 8, 2};
  const candor_p_adjust methods[3] = {CANDOR_P_ADJUST_HOLM, CANDOR_P_ADJUST_BH,
                                      CANDOR_P_ADJUST_NONE};
  double var_jan = (0.75 - 0.25 * 0.25) / 20, var_feb = (0.8 - 0.4 * 0.4) / 20;
  double var_mar = (0.7 - 0.1 * 0.1) / 20;
  double p_feb = erfc(65 / (100 * sqrt(var_jan + var_feb)) / sqrt(2.0));
  double p_mar = erfc(50 / (100 * sqrt(var_feb + var_mar)) / sqrt(2.0));
  double expected[3][2];
  candor_score_options so;
  candor_buckets_options o;
  candor_buckets* b = NULL;
  const double* p;
  const double* adjusted;
  const int64_t* tested;
  int c, i, k = 0, m;
  for (c = 0; c < 3; ++c) {
    for (i = 0; i < march[c]; ++i) {
      scores[n] = values[c];
      times[n] = FEB1 + 86400 * 28 + 86400 * 4 + 3600 * k++; /* from 2026-03-05 */
      ++n;
    }
  }
  CHECK(p_feb < p_mar);
  expected[0][0] = fmin(1, 2 * p_feb);
  expected[0][1] = fmax(expected[0][0], p_mar);
  expected[1][0] = fmin(2 * p_feb, p_mar);
  expected[1][1] = p_mar;
  expected[2][0] = p_feb;
  expected[2][1] = p_mar;
  candor_score_options_init(&so);
  for (m = 0; m < 3; ++m) {
    candor_buckets_options_init(&o);
    o.p_adjust = methods[m];
    b = NULL;
    CHECK(candor_buckets_new(&so, &o, scores, times, n, NULL, NULL, NULL, &b) == CANDOR_OK);
    if (b == NULL) return;
    CHECK(candor_buckets_rows(b) == 3);
    CHECK(candor_buckets_column_f64(b, CANDOR_BUCKETS_CHANGE_P_VALUE, &p) == CANDOR_OK);
    CHECK(candor_buckets_column_f64(b, CANDOR_BUCKETS_CHANGE_P_ADJUSTED, &adjusted) == CANDOR_OK);
    CHECK(candor_buckets_column_i64(b, CANDOR_BUCKETS_CHANGES_TESTED, &tested) == CANDOR_OK);
    CHECK_NEAR(p[1], p_feb, 1e-12);
    CHECK_NEAR(p[2], p_mar, 1e-12);
    CHECK(isnan(adjusted[0]));
    CHECK_NEAR(adjusted[1], expected[m][0], 1e-12);
    CHECK_NEAR(adjusted[2], expected[m][1], 1e-12);
    CHECK(tested[0] == 2 && tested[1] == 2 && tested[2] == 2);
    candor_buckets_free(b);
  }
  /* A caller built before p_adjust existed gets Holm. */
  candor_buckets_options_init(&o);
  o.p_adjust = CANDOR_P_ADJUST_NONE;
  o.size = offsetof(candor_buckets_options, p_adjust);
  b = NULL;
  CHECK(candor_buckets_new(&so, &o, scores, times, n, NULL, NULL, NULL, &b) == CANDOR_OK);
  if (b == NULL) return;
  CHECK(candor_buckets_column_f64(b, CANDOR_BUCKETS_CHANGE_P_ADJUSTED, &adjusted) == CANDOR_OK);
  CHECK_NEAR(adjusted[1], expected[0][0], 1e-12);
  candor_buckets_free(b);
  /* An unknown method is refused by name. */
  candor_buckets_options_init(&o);
  o.p_adjust = (candor_p_adjust)9;
  b = NULL;
  CHECK(candor_buckets_new(&so, &o, scores, times, n, NULL, NULL, NULL, &b) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(b == NULL);
  CHECK(strstr(candor_last_error(), "p_adjust") != NULL);
}

static void test_two_months(void) {
  double scores[40];
  int64_t times[40];
  size_t n = two_months(scores, times);
  candor_score_options so;
  candor_buckets_options o;
  candor_buckets* b = NULL;
  const double* value;
  const double* se;
  const double* change;
  const double* change_se;
  const double* p;
  const double* mdc;
  const double* upper;
  const int64_t* start;
  const int64_t* count;
  const int64_t* previous;
  const int32_t* flag;
  double var_jan = (0.75 - 0.25 * 0.25) / 20, var_feb = (0.8 - 0.4 * 0.4) / 20;
  double se_change = 100 * sqrt(var_jan + var_feb);
  double sigma = 100 * sqrt(31.0 / 40 - 0.075 * 0.075);
  candor_score_options_init(&so);
  candor_buckets_options_init(&o);
  o.control_k = 1;
  CHECK(candor_buckets_new(&so, &o, scores, times, n, NULL, NULL, NULL, &b) == CANDOR_OK);
  if (b == NULL) return;
  CHECK(candor_buckets_rows(b) == 2);
  CHECK(strcmp(candor_buckets_label(b, 0), "2026-01") == 0);
  CHECK(strcmp(candor_buckets_label(b, 1), "2026-02") == 0);
  CHECK(candor_buckets_label(b, 2) == NULL);
  CHECK(candor_buckets_column_f64(b, CANDOR_BUCKETS_VALUE, &value) == CANDOR_OK);
  CHECK(candor_buckets_column_f64(b, CANDOR_BUCKETS_STD_ERROR, &se) == CANDOR_OK);
  CHECK(candor_buckets_column_f64(b, CANDOR_BUCKETS_CHANGE, &change) == CANDOR_OK);
  CHECK(candor_buckets_column_f64(b, CANDOR_BUCKETS_CHANGE_STD_ERROR, &change_se) == CANDOR_OK);
  CHECK(candor_buckets_column_f64(b, CANDOR_BUCKETS_CHANGE_P_VALUE, &p) == CANDOR_OK);
  CHECK(candor_buckets_column_f64(b, CANDOR_BUCKETS_MDC, &mdc) == CANDOR_OK);
  CHECK(candor_buckets_column_f64(b, CANDOR_BUCKETS_UPPER, &upper) == CANDOR_OK);
  CHECK(candor_buckets_column_i64(b, CANDOR_BUCKETS_START, &start) == CANDOR_OK);
  CHECK(candor_buckets_column_i64(b, CANDOR_BUCKETS_N, &count) == CANDOR_OK);
  CHECK(candor_buckets_column_i64(b, CANDOR_BUCKETS_PREVIOUS, &previous) == CANDOR_OK);
  CHECK(candor_buckets_column_i32(b, CANDOR_BUCKETS_FLAG, &flag) == CANDOR_OK);
  CHECK_NEAR(value[0], 25, 1e-12);
  CHECK_NEAR(value[1], -40, 1e-12);
  CHECK_NEAR(se[0], 100 * sqrt(var_jan), 1e-10);
  CHECK(start[0] == JAN1 && start[1] == FEB1);
  CHECK(count[0] == 20 && count[1] == 20);
  CHECK(previous[0] == -1 && previous[1] == 0);
  CHECK(isnan(change[0]));
  CHECK_NEAR(change[1], -65, 1e-10);
  CHECK_NEAR(change_se[1], se_change, 1e-10);
  CHECK_NEAR(p[1], erfc(65 / se_change / sqrt(2.0)), 1e-12);
  /* z_0.975 + z_0.8 = 1.959963984540054 + 0.8416212335729143. */
  CHECK_NEAR(mdc[1], 2.8015852181129683 * se_change, 1e-9);
  /* One-sigma limits: -7.5 -/+ sigma / sqrt(20), sigma^2 = 31/40 - 0.075^2. */
  CHECK_NEAR(upper[0], -7.5 + sigma / sqrt(20.0), 1e-10);
  CHECK(flag[0] == 1 && flag[1] == -1);
  /* A column of another type. */
  CHECK(candor_buckets_column_i64(b, CANDOR_BUCKETS_VALUE, &start) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_buckets_column_f64(b, CANDOR_BUCKETS_FLAG, &value) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_buckets_column_i32(b, (candor_buckets_column)7, &flag) == CANDOR_INVALID_ARGUMENT);
  candor_buckets_free(b);
}

static void test_time_zone_and_rolling(void) {
  /* 2026-01-01 18:20 UTC is 2026-01-02 00:05 in Kathmandu (+05:45). */
  double scores[3] = {10, 0, 9};
  int64_t times[3] = {JAN1 + 18 * 3600 + 20 * 60, JAN1 + 18 * 3600, JAN1 + 86400 * 2};
  candor_score_options so;
  candor_buckets_options o;
  candor_buckets* b = NULL;
  const int64_t* rolling_n;
  const int64_t* start;
  candor_score_options_init(&so);
  candor_buckets_options_init(&o);
  o.every = CANDOR_PERIOD_DAY;
  o.time_zone = "Asia/Kathmandu";
  o.window_days = 2;
  CHECK(candor_buckets_new(&so, &o, scores, times, 3, NULL, NULL, NULL, &b) == CANDOR_OK);
  if (b == NULL) return;
  CHECK(candor_buckets_rows(b) == 3);
  CHECK(strcmp(candor_buckets_label(b, 0), "2026-01-01") == 0);
  CHECK(strcmp(candor_buckets_label(b, 1), "2026-01-02") == 0);
  CHECK(strcmp(candor_buckets_label(b, 2), "2026-01-03") == 0);
  CHECK(candor_buckets_column_i64(b, CANDOR_BUCKETS_START, &start) == CANDOR_OK);
  /* Local midnight 2026-01-01 is 2025-12-31 18:15 UTC. */
  CHECK(start[0] == JAN1 - 5 * 3600 - 45 * 60);
  CHECK(candor_buckets_column_i64(b, CANDOR_BUCKETS_ROLLING_N, &rolling_n) == CANDOR_OK);
  /* Windows of two local days: {0}, {0, 1}, {1, 2}. */
  CHECK(rolling_n[0] == 1 && rolling_n[1] == 2 && rolling_n[2] == 2);
  candor_buckets_free(b);
}

static void test_bad_input(void) {
  double scores[3] = {10, 9, 3};
  int64_t times[3] = {JAN1, JAN1 + 5, JAN1 + 9};
  candor_score_options so;
  candor_buckets_options o;
  candor_buckets* b = NULL;
  const double* column;
  candor_score_options_init(&so);
  candor_buckets_options_init(&o);
  o.time_zone = "Atlantis/Capital";
  CHECK(candor_buckets_new(&so, &o, scores, times, 3, NULL, NULL, NULL, &b) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "Atlantis/Capital") != NULL);
  CHECK(b == NULL);
  candor_buckets_options_init(&o);
  o.every = (candor_period)12;
  CHECK(candor_buckets_new(&so, &o, scores, times, 3, NULL, NULL, NULL, &b) ==
        CANDOR_INVALID_ARGUMENT);
  candor_buckets_options_init(&o);
  o.window_days = -3;
  CHECK(candor_buckets_new(&so, &o, scores, times, 3, NULL, NULL, NULL, &b) ==
        CANDOR_INVALID_ARGUMENT);
  candor_buckets_options_init(&o);
  o.half_life_days = -1;
  CHECK(candor_buckets_new(&so, &o, scores, times, 3, NULL, NULL, NULL, &b) ==
        CANDOR_INVALID_ARGUMENT);
  candor_buckets_options_init(&o);
  CHECK(candor_buckets_new(&so, &o, scores, times, 0, NULL, NULL, NULL, &b) == CANDOR_EMPTY);
  CHECK(candor_buckets_new(&so, &o, NULL, times, 3, NULL, NULL, NULL, &b) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_buckets_new(&so, &o, scores, NULL, 3, NULL, NULL, NULL, &b) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_buckets_new(&so, &o, scores, times, 3, NULL, NULL, NULL, NULL) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_buckets_new(NULL, &o, scores, times, 3, NULL, NULL, NULL, &b) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_buckets_new(&so, NULL, scores, times, 3, NULL, NULL, NULL, &b) ==
        CANDOR_INVALID_ARGUMENT);
  o.size = 1;
  CHECK(candor_buckets_new(&so, &o, scores, times, 3, NULL, NULL, NULL, &b) ==
        CANDOR_INVALID_ARGUMENT);
  candor_buckets_options_init(&o);
  times[2] = (int64_t)8000000000LL; /* year 2223 */
  CHECK(candor_buckets_new(&so, &o, scores, times, 3, NULL, NULL, NULL, &b) ==
        CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "index 2") != NULL);
  CHECK(candor_buckets_rows(NULL) == 0);
  CHECK(candor_buckets_label(NULL, 0) == NULL);
  CHECK(candor_buckets_column_f64(NULL, CANDOR_BUCKETS_VALUE, &column) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_buckets_options_defaults(NULL, sizeof(o)) == CANDOR_INVALID_ARGUMENT);
  candor_buckets_free(NULL);
}

/* The FIFO of test_time_zone_names, and whether the alarm had to open it. */
static char fifo_path[64];
static volatile sig_atomic_t fifo_opened = 0;

/* Opens the FIFO's write end, so a reader blocked on it sees end of file
 * (open and close are async-signal-safe); retries while nobody reads. */
static void on_alarm(int signal_number) {
  int fd = open(fifo_path, O_WRONLY | O_NONBLOCK);
  (void)signal_number;
  if (fd >= 0) {
    fifo_opened = 1;
    close(fd);
  } else {
    alarm(1);
  }
}

static candor_status buckets_in(const char* zone) {
  double scores[3] = {10, 9, 3};
  int64_t times[3] = {JAN1, JAN1 + 5, JAN1 + 9};
  candor_score_options so;
  candor_buckets_options o;
  candor_buckets* b = NULL;
  candor_status status;
  candor_score_options_init(&so);
  candor_buckets_options_init(&o);
  o.time_zone = zone;
  status = candor_buckets_new(&so, &o, scores, times, 3, NULL, NULL, NULL, &b);
  candor_buckets_free(b);
  return status;
}

/* Refused as a name, with the reason and the form of a valid name. */
static int refused(const char* zone, const char* reason) {
  return buckets_in(zone) == CANDOR_INVALID_ARGUMENT &&
         strstr(candor_last_error(), "is not a tz database name") != NULL &&
         strstr(candor_last_error(), reason) != NULL &&
         strstr(candor_last_error(), "\"Europe/London\"") != NULL;
}

static void test_time_zone_names(void) {
  const char* up = "../../../../../../../../../../../../../../../../";
  char dir[] = "/tmp/candor_tz_XXXXXX";
  char name[256];
  char long_name[77];
  size_t i;
  struct sigaction action;
  /* IANA names, legacy ones with digits and '+' too. */
  CHECK(buckets_in("UTC") == CANDOR_OK);
  CHECK(buckets_in("Etc/GMT+5") == CANDOR_OK);
  CHECK(buckets_in("America/Argentina/Buenos_Aires") == CANDOR_OK);
  CHECK(buckets_in("EST5EDT") == CANDOR_OK);
  /* File paths. */
  CHECK(refused("/usr/share/zoneinfo/Asia/Tokyo", "starts with '/'"));
  CHECK(refused("../../../../usr/share/zoneinfo/Asia/Tokyo", "'..' component"));
  CHECK(refused("file:/usr/share/zoneinfo/Asia/Tokyo", "contains ':'"));
  CHECK(refused("Asia\\Tokyo", "backslash"));
  CHECK(refused("", "empty"));
  /* 76 bytes of valid components: "AAAAAAAAAA/AAAAAAAAAA/...". */
  for (i = 0; i < sizeof(long_name) - 1; ++i) long_name[i] = i % 11 == 10 ? '/' : 'A';
  long_name[sizeof(long_name) - 1] = '\0';
  CHECK(refused(long_name, "more than 64"));
  CHECK(refused("Europe/Abcdefghijklmno", "more than 14"));

  /* A FIFO reached through '..': opening it would block until a writer
   * comes. The alarm opens the write end after 5 s, so a regression fails
   * instead of hanging. */
  if (mkdtemp(dir) == NULL) {
    CHECK(0); /* mkdtemp failed */
    return;
  }
  snprintf(fifo_path, sizeof(fifo_path), "%s/fifo", dir);
  CHECK(mkfifo(fifo_path, 0600) == 0);
  snprintf(name, sizeof(name), "%s%s", up, fifo_path + 1);
  memset(&action, 0, sizeof(action));
  action.sa_handler = on_alarm;
  sigemptyset(&action.sa_mask);
  sigaction(SIGALRM, &action, NULL); /* no SA_RESTART: a blocked open returns */
  alarm(5);
  CHECK(refused(name, "'..' component"));
  alarm(0);
  CHECK(!fifo_opened);
  unlink(fifo_path);
  rmdir(dir);
}

int main(void) {
  test_defaults();
  test_two_months();
  test_adjusted_changes();
  test_time_zone_and_rolling();
  test_bad_input();
  test_time_zone_names();
  return report();
}
