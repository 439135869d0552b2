/* The change monitor's C ABI from C: options and their defaults, a history
 * with a known baseline, the CUSUM after a bucket against its closed form, a
 * drop found and dated, Reset, the monitor's info, and bad input. */
#include <candor.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

#define HISTORY 120
#define BUCKET 12

/* History: promoter, promoter, passive, detractor (NPS +25, values
 * 1, 1, 0, -1); after the drop: promoter, then three detractors (NPS -50). */
static const double kBefore[4] = {10, 9, 8, 3};
static const double kAfter[4] = {10, 2, 5, 0};

int main(void) {
  double history[HISTORY];
  for (int i = 0; i < HISTORY; ++i) history[i] = kBefore[i % 4];
  int64_t sizes[HISTORY / BUCKET];
  for (int i = 0; i < HISTORY / BUCKET; ++i) sizes[i] = BUCKET;
  double drop[BUCKET];
  double same[BUCKET];
  for (int i = 0; i < BUCKET; ++i) {
    drop[i] = kAfter[i % 4];
    same[i] = kBefore[i % 4];
  }

  candor_change_monitor_options options;
  candor_change_monitor_options_init(&options);
  CHECK(options.size == sizeof(options));
  CHECK(options.alpha == 0.01);
  CHECK(isnan(options.shift));
  CHECK(options.bucket_size == 0);

  candor_change_monitor* monitor = NULL;
  CHECK(candor_change_monitor_new(NULL, &options, history, HISTORY, sizes, HISTORY / BUCKET,
                                  &monitor) == CANDOR_OK);
  CHECK(monitor != NULL);
  candor_change_monitor_info info;
  CHECK(candor_change_monitor_info_get(monitor, &info) == CANDOR_OK);
  /* mu0 = 0.25; the squared deviations of one cycle add to 2.75. */
  const double sigma = sqrt(30 * 2.75 / (HISTORY - 1));
  CHECK_NEAR(info.baseline_mean, 25, 1e-9);
  CHECK_NEAR(info.baseline_sd, 100 * sigma, 1e-9);
  CHECK(info.bucket_size == BUCKET);
  CHECK(info.history_n == HISTORY);
  CHECK(info.buckets == 0);
  CHECK_NEAR(info.reference, 0.5, 1e-12);
  CHECK_NEAR(info.arl0, 100, 1e-6);
  /* Siegmund at h: each side's ARL is 2 / alpha = 200. */
  {
    const double hp = info.threshold + 1.166;
    CHECK_NEAR((exp(hp) - hp - 1) / 0.5, 200, 1e-6);
  }

  /* A bucket at the old level: z = 0, both sides stay 0. */
  candor_change_monitor_state state;
  CHECK(candor_change_monitor_update(monitor, same, BUCKET, &state) == CANDOR_OK);
  CHECK(state.bucket == 0 && state.n == BUCKET);
  CHECK_NEAR(state.level, 25, 1e-9);
  CHECK(state.upper == 0 && state.lower == 0 && state.alarm == 0);
  CHECK(state.direction == CANDOR_CHANGE_DIRECTION_NONE);
  CHECK(state.change_start == -1 && isnan(state.shift));

  /* A dropped bucket: S = -6, z = (-6 - 12 * 0.25) / sigma; per response
   * k = 0.5 / sqrt(12); in bucket-SE units L = (9 / sigma - 12 k) / sqrt(12). */
  const double k = 0.5 / sqrt(BUCKET);
  double lower = (9 / sigma - BUCKET * k) / sqrt(BUCKET);
  CHECK(candor_change_monitor_update(monitor, drop, BUCKET, &state) == CANDOR_OK);
  CHECK_NEAR(state.level, -50, 1e-9);
  CHECK_NEAR(state.lower, lower, 1e-9);
  CHECK(state.upper == 0);
  int64_t first_alarm = state.alarm ? 1 : -1;
  for (int64_t t = 2; t < 20 && first_alarm < 0; ++t) {
    CHECK(candor_change_monitor_update(monitor, drop, BUCKET, &state) == CANDOR_OK);
    lower += (9 / sigma - BUCKET * k) / sqrt(BUCKET);
    CHECK_NEAR(state.lower, lower, 1e-9);
    if (state.alarm) first_alarm = t;
  }
  CHECK(first_alarm > 0);
  CHECK(state.direction == CANDOR_CHANGE_DIRECTION_DOWN);
  CHECK(state.lower > state.threshold);
  CHECK(state.change_start == 1);
  CHECK(state.change_n == BUCKET * first_alarm);
  CHECK_NEAR(state.shift, -75, 1e-9);
  CHECK(state.shift_low < -75 && state.shift_high > -75);
  CHECK_NEAR(state.shift_high - state.shift,
             1.959963984540054 * 100 * sigma / sqrt((double)state.change_n), 1e-6);
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_CHANGE_DIRECTION, state.direction), "down") == 0);

  CHECK(candor_change_monitor_reset(monitor) == CANDOR_OK);
  CHECK(candor_change_monitor_update(monitor, NULL, 0, &state) == CANDOR_OK);
  CHECK(state.lower == 0 && state.upper == 0 && state.alarm == 0);
  CHECK(state.buckets_since_reset == 1);
  CHECK(state.bucket == first_alarm + 1);
  CHECK(isnan(state.level));

  /* Bad input: a bad bucket names its index and changes nothing. */
  double bad[3] = {9, NAN, 10};
  CHECK(candor_change_monitor_update(monitor, bad, 3, &state) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "index 1") != NULL);
  CHECK(candor_change_monitor_info_get(monitor, &info) == CANDOR_OK);
  CHECK(info.buckets == first_alarm + 2);
  CHECK(candor_change_monitor_update(NULL, same, BUCKET, &state) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "monitor") != NULL);
  CHECK(candor_change_monitor_update(monitor, same, BUCKET, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_change_monitor_update(monitor, NULL, 2, &state) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_change_monitor_reset(NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_change_monitor_info_get(NULL, &info) == CANDOR_INVALID_ARGUMENT);
  candor_change_monitor_free(monitor);
  candor_change_monitor_free(NULL);

  candor_change_monitor* other = NULL;
  options.alpha = 1;
  CHECK(candor_change_monitor_new(NULL, &options, history, HISTORY, NULL, 0, &other) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "alpha") != NULL);
  CHECK(other == NULL);
  candor_change_monitor_options_init(&options);
  options.shift = -5;
  CHECK(candor_change_monitor_new(NULL, &options, history, HISTORY, NULL, 0, &other) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "shift") != NULL);
  candor_change_monitor_options_init(&options);
  CHECK(candor_change_monitor_new(NULL, &options, history, 20, NULL, 0, &other) == CANDOR_EMPTY);
  history[7] = 11;
  CHECK(candor_change_monitor_new(NULL, NULL, history, HISTORY, NULL, 0, &other) ==
        CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "index 7") != NULL);
  history[7] = kBefore[3];
  sizes[0] = BUCKET + 1;
  CHECK(candor_change_monitor_new(NULL, NULL, history, HISTORY, sizes, HISTORY / BUCKET, &other) ==
        CANDOR_LENGTH_MISMATCH);
  CHECK(candor_change_monitor_new(NULL, NULL, history, HISTORY, NULL, 0, NULL) ==
        CANDOR_INVALID_ARGUMENT);
  options.size = 3; /* inside a field */
  CHECK(candor_change_monitor_new(NULL, &options, history, HISTORY, NULL, 0, &other) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(other == NULL);
  /* Without buckets each response is a bucket: one response per update. */
  CHECK(candor_change_monitor_new(NULL, NULL, history, HISTORY, NULL, 0, &other) == CANDOR_OK);
  CHECK(candor_change_monitor_info_get(other, &info) == CANDOR_OK);
  CHECK(info.bucket_size == 1);
  CHECK(candor_change_monitor_update(other, &drop[1], 1, &state) == CANDOR_OK);
  CHECK_NEAR(state.lower, (1.25 / sigma - 0.5), 1e-9);
  candor_change_monitor_free(other);
  return report();
}
