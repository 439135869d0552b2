/* The change-point C ABI from C: options and their defaults (calibrated,
 * and BIC for a caller built before the calibrated fields), a series with one
 * change found by BIC and by the calibrated scan (where it is, levels and
 * change consistent with candor_score, the test and location interval),
 * boundaries, a design with clusters, times, the handle's accessors, and bad
 * input. */
#include <candor.h>

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define N 600
#define AT 350

/* Before AT: promoter, promoter, passive, detractor (NPS +25); after: one
 * promoter in four, three detractors (NPS -50). */
static double score_at(int i) {
  static const double before[4] = {10, 9, 8, 3};
  static const double after[4] = {10, 2, 5, 0};
  return i < AT ? before[i % 4] : after[i % 4];
}

int main(void) {
  double scores[N];
  int64_t times[N];
  for (int i = 0; i < N; ++i) {
    scores[i] = score_at(i);
    times[i] = 1700000000 + 3600 * (i / 2); /* two responses per hour */
  }
  candor_score_options score_options;
  candor_score_options_init(&score_options);
  candor_change_point_options options;
  candor_change_point_options_init(&options);
  CHECK(options.size == sizeof(options));
  CHECK(options.penalty == CANDOR_CHANGE_PENALTY_CALIBRATED);
  CHECK(options.min_size == 30);
  CHECK(options.max_grid_points == 4096);
  CHECK(options.alpha == 0.05);
  CHECK(options.replicates == 2000);
  CHECK(options.seed == 42);
  CHECK(options.boundaries == NULL && options.boundary_count == 0);
  CHECK(options.threads == 0);
  {
    /* A caller whose struct ends before `alpha` keeps its default, BIC. */
    candor_change_point_options old;
    memset(&old, 0xab, sizeof(old));
    CHECK(candor_change_point_options_defaults(&old, offsetof(candor_change_point_options, alpha)) ==
          CANDOR_OK);
    CHECK(old.size == offsetof(candor_change_point_options, alpha));
    CHECK(old.penalty == CANDOR_CHANGE_PENALTY_BIC);
    CHECK(old.min_size == 30);
  }
  options.penalty = CANDOR_CHANGE_PENALTY_BIC;

  candor_change_points* result = NULL;
  CHECK(candor_change_points_new(&score_options, &options, scores, times, NULL, N, &result) ==
        CANDOR_OK);
  CHECK(result != NULL);
  CHECK(candor_change_points_count(result) == 1);
  CHECK(candor_change_points_segment_count(result) == 2);
  candor_change_point change;
  CHECK(candor_change_points_at(result, 0, &change) == CANDOR_OK);
  /* Near AT, and even: two responses share each time, so a change can only
   * start at an even index. */
  CHECK(change.index >= AT - 4 && change.index <= AT + 4);
  CHECK(change.index % 2 == 0);
  CHECK(change.time == times[change.index]);
  candor_estimate before, after;
  const int64_t at = change.index;
  CHECK(candor_score(&score_options, scores, NULL, (size_t)at, &before) == CANDOR_OK);
  CHECK(candor_score(&score_options, scores + at, NULL, (size_t)(N - at), &after) == CANDOR_OK);
  CHECK_NEAR(change.change.difference, after.value - before.value, 1e-9);
  CHECK_NEAR(change.change.a.value, after.value, 1e-9);
  CHECK(change.change.p_value < 1e-6);
  candor_change_segment segment;
  CHECK(candor_change_points_segment_at(result, 1, &segment) == CANDOR_OK);
  CHECK(segment.begin == at && segment.end == N);
  CHECK(segment.time_begin == times[at] && segment.time_end == times[N - 1]);
  CHECK_NEAR(segment.level.value, after.value, 1e-9);
  CHECK(segment.level.value < -40);
  CHECK_NEAR(segment.level.ci_low, after.ci_low, 1e-9);
  CHECK(segment.level.n == N - at);
  candor_change_point_summary summary;
  CHECK(candor_change_points_summary(result, &summary) == CANDOR_OK);
  CHECK_NEAR(summary.penalty, 3.0 * log((double)N), 1e-12);
  CHECK(summary.block_size == 1);
  CHECK(summary.categories == 3);
  CHECK(summary.has_times == 1);
  CHECK(candor_change_points_at(result, 1, &change) == CANDOR_OUT_OF_RANGE);
  CHECK(candor_change_points_segment_at(result, 2, &segment) == CANDOR_OUT_OF_RANGE);
  candor_change_test test;
  CHECK(candor_change_points_test_at(result, 0, &test) == CANDOR_OK);
  CHECK(isnan(test.z) && isnan(test.p_value));
  CHECK(test.index_low == change.index && test.index_high == change.index);
  candor_change_calibration_info info;
  CHECK(candor_change_points_calibration(result, &info) == CANDOR_OK);
  CHECK(info.calibration == CANDOR_CHANGE_CALIBRATION_NONE);
  CHECK(isnan(info.critical_value));
  candor_change_points_free(result);
  candor_change_points_free(NULL);
  CHECK(candor_change_points_count(NULL) == 0);

  /* The calibrated scan (the default): the change at AT, found by a
   * permutation test (600 unweighted responses) with p = 1 / (R + 1), and
   * its location interval around it. */
  candor_change_point_options_init(&options);
  options.replicates = 999;
  CHECK(candor_change_points_new(&score_options, &options, scores, times, NULL, N, &result) ==
        CANDOR_OK);
  CHECK(candor_change_points_count(result) >= 1);
  CHECK(candor_change_points_at(result, 0, &change) == CANDOR_OK);
  CHECK(change.index >= AT - 4 && change.index <= AT + 4 && change.index % 2 == 0);
  CHECK(candor_change_points_test_at(result, 0, &test) == CANDOR_OK);
  CHECK(test.z < -5);
  CHECK_NEAR(test.p_value, 1.0 / 1000, 1e-12);
  CHECK(test.index_low <= change.index && change.index <= test.index_high);
  CHECK(test.time_low == times[test.index_low] && test.time_high == times[test.index_high]);
  CHECK(candor_change_points_calibration(result, &info) == CANDOR_OK);
  CHECK(info.calibration == CANDOR_CHANGE_CALIBRATION_PERMUTATION);
  CHECK(info.alpha == 0.05 && info.replicates == 999);
  CHECK(info.max_z > info.critical_value && info.critical_value > 1.96);
  CHECK(info.candidates == (N - 60) / 2 + 1); /* even positions in [30, 570] */
  CHECK(info.design_effect == 1);
  CHECK(candor_change_points_summary(result, &summary) == CANDOR_OK);
  CHECK(isnan(summary.total_cost));
  CHECK_NEAR(summary.penalty, info.critical_value * info.critical_value, 1e-9);
  CHECK(candor_change_points_test_at(result, 9, &test) == CANDOR_OUT_OF_RANGE);
  candor_change_points_free(result);

  /* Boundaries every 50 responses, and a design of 150 accounts of four
   * responses each (Gaussian null, clustered variance). */
  {
    int64_t boundaries[11];
    for (int j = 0; j < 11; ++j) boundaries[j] = 50 * (j + 1);
    options.boundaries = boundaries;
    options.boundary_count = 11;
    int32_t accounts[N];
    for (int i = 0; i < N; ++i) accounts[i] = i / 4;
    candor_design design;
    candor_design_init(&design);
    design.clusters = accounts;
    result = NULL;
    CHECK(candor_change_points_design_new(&score_options, &options, scores, times, N, &design,
                                          &result) == CANDOR_OK);
    CHECK(candor_change_points_count(result) >= 1);
    CHECK(candor_change_points_at(result, 0, &change) == CANDOR_OK);
    CHECK(change.index == AT);
    CHECK(candor_change_points_calibration(result, &info) == CANDOR_OK);
    CHECK(info.calibration == CANDOR_CHANGE_CALIBRATION_GAUSSIAN);
    CHECK(info.candidates == 11);
    CHECK(info.design_effect > 0);
    candor_change_points_free(result);
    /* Without a design: the same as candor_change_points_new. */
    CHECK(candor_change_points_design_new(&score_options, &options, scores, times, N, NULL,
                                          &result) == CANDOR_OK);
    CHECK(candor_change_points_at(result, 0, &change) == CANDOR_OK);
    CHECK(change.index == AT);
    candor_change_points_free(result);
    boundaries[3] = 10; /* not increasing */
    result = NULL;
    CHECK(candor_change_points_new(&score_options, &options, scores, times, NULL, N, &result) ==
          CANDOR_INVALID_ARGUMENT);
    CHECK(strstr(candor_last_error(), "boundaries[3]") != NULL);
    CHECK(result == NULL);
    options.boundaries = NULL; /* a count without positions */
    CHECK(candor_change_points_new(&score_options, &options, scores, times, NULL, N, &result) ==
          CANDOR_INVALID_ARGUMENT);
    candor_change_point_options_init(&options);
    options.alpha = 1.5;
    CHECK(candor_change_points_new(&score_options, &options, scores, times, NULL, N, &result) ==
          CANDOR_INVALID_ARGUMENT);
    options.alpha = 0.05;
    options.replicates = 5;
    CHECK(candor_change_points_new(&score_options, &options, scores, times, NULL, N, &result) ==
          CANDOR_INVALID_ARGUMENT);
    CHECK(strstr(candor_last_error(), "at least 19") != NULL);
    candor_change_point_options_init(&options);
  }

  /* Bad input: unsorted times, NaN, weights, too short, bad options. */
  result = NULL;
  times[123] = 0;
  CHECK(candor_change_points_new(&score_options, &options, scores, times, NULL, N, &result) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "times[123]") != NULL);
  CHECK(result == NULL);
  scores[7] = NAN;
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, NULL, N, &result) ==
        CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "index 7") != NULL);
  scores[7] = 9;
  options.penalty = CANDOR_CHANGE_PENALTY_BIC; /* weights need the calibrated scan */
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, scores, N, &result) ==
        CANDOR_UNSUPPORTED);
  candor_change_point_options_init(&options);
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, NULL, 0, &result) ==
        CANDOR_EMPTY);
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, NULL, 59, &result) ==
        CANDOR_EMPTY);
  options.penalty = CANDOR_CHANGE_PENALTY_MANUAL;
  options.penalty_value = -2;
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, NULL, N, &result) ==
        CANDOR_INVALID_ARGUMENT);
  options.penalty_value = 1e3; /* a huge penalty: no change */
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, NULL, N, &result) ==
        CANDOR_OK);
  CHECK(candor_change_points_count(result) == 0);
  candor_change_points_free(result);
  *(int*)&options.penalty = 7;
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, NULL, N, &result) ==
        CANDOR_INVALID_ARGUMENT);
  candor_change_point_options_init(&options);
  options.size = 4;
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, NULL, N, &result) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_change_points_new(&score_options, NULL, scores, NULL, NULL, N, &result) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, NULL, N, NULL) ==
        CANDOR_INVALID_ARGUMENT);
  return report();
}
