/* The change-point C ABI from C: options and their defaults, a series with
 * one change (found where it is, levels and change consistent with
 * candor_score), times, the handle's accessors, and bad input. */
#include <candor.h>

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
  CHECK(options.penalty == CANDOR_CHANGE_PENALTY_BIC);
  CHECK(options.min_size == 30);
  CHECK(options.max_grid_points == 4096);

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
  candor_change_points_free(result);
  candor_change_points_free(NULL);
  CHECK(candor_change_points_count(NULL) == 0);

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
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, scores, N, &result) ==
        CANDOR_UNSUPPORTED);
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
