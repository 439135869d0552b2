/* Theme drivers from accumulated states through the C ABI, compiled as C:
 * two accumulators built apart (their periods labelled with different
 * codes), serialized, read back and merged give what candor_drivers_new
 * gives for the same comments; the limits and bad input are statuses. */
#include <candor.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define N 900
#define THEMES 4

static int close_or_both_nan(double a, double b, double tolerance) {
  if (isnan(a) || isnan(b)) return isnan(a) && isnan(b);
  return fabs(a - b) <= tolerance * (fabs(b) > 1 ? fabs(b) : 1);
}

static int same_estimate(const candor_estimate* a, const candor_estimate* b) {
  return close_or_both_nan(a->value, b->value, 1e-12) &&
         close_or_both_nan(a->std_error, b->std_error, 1e-12) &&
         close_or_both_nan(a->ci_low, b->ci_low, 1e-12) &&
         close_or_both_nan(a->ci_high, b->ci_high, 1e-12) && a->n == b->n;
}

/* Comment i mentions theme j when bit j of a pseudo-random number is set;
 * theme 0 goes with low scores; periods 0, 1, 2 by i % 3. */
static void make(double* scores, double* weights, int64_t* offsets, int32_t* ids,
                 int32_t* periods) {
  uint32_t state = 99;
  size_t i, k = 0;
  int j;
  offsets[0] = 0;
  for (i = 0; i < N; ++i) {
    state = state * 1103515245u + 12345u;
    for (j = 0; j < THEMES; ++j) {
      if ((state >> (16 + j)) & 1u) ids[k++] = j;
    }
    offsets[i + 1] = (int64_t)k;
    state = state * 1103515245u + 12345u;
    scores[i] = (k > 0 && ids[offsets[i]] == 0) ? (double)((state >> 16) % 7)
                                                : (double)(4 + (state >> 16) % 7);
    weights[i] = 0.5 + (double)(i % 4) * 0.5;
    periods[i] = (int32_t)(i % 3);
  }
}

static candor_driver_accumulator* round_trip(const candor_driver_accumulator* acc) {
  size_t size = 0;
  uint8_t* bytes;
  candor_driver_accumulator* back = NULL;
  CHECK(candor_driver_accumulator_serialize(acc, NULL, 0, &size) == CANDOR_OK);
  bytes = (uint8_t*)malloc(size);
  CHECK(candor_driver_accumulator_serialize(acc, bytes, size, &size) == CANDOR_OK);
  CHECK(candor_driver_accumulator_deserialize(bytes, size, &back) == CANDOR_OK);
  bytes[7] ^= 0x20;
  {
    candor_driver_accumulator* damaged = NULL;
    CHECK(candor_driver_accumulator_deserialize(bytes, size, &damaged) == CANDOR_PARSE_ERROR);
    CHECK(damaged == NULL);
  }
  free(bytes);
  return back;
}

static void test_equals_drivers_new(void) {
  static double scores[N], weights[N];
  static int64_t offsets[N + 1], part_offsets[N + 1];
  static int32_t ids[N * THEMES], periods[N], reversed[N];
  const char* names[THEMES] = {"price", "support", "speed", "docs"};
  const char* labels[3] = {"2025-1", "2025-2", "2025-3"};
  const char* labels_reversed[3] = {"2025-3", "2025-2", "2025-1"};
  const size_t sizes[3] = {6, 6, 6};
  candor_theme_mentions m;
  candor_score_options so;
  candor_drivers_options o;
  candor_driver_accumulator *a = NULL, *b = NULL, *a2 = NULL, *b2 = NULL;
  candor_drivers *want = NULL, *got = NULL;
  const char* label = NULL;
  size_t size = 0, i, split = 400;
  int32_t earlier = -1, later = -1;
  make(scores, weights, offsets, ids, periods);
  for (i = 0; i < N; ++i) reversed[i] = 2 - periods[i];

  memset(&m, 0, sizeof(m));
  m.themes = THEMES;
  m.names = names;
  m.offsets = offsets;
  m.theme_ids = ids;
  candor_score_options_init(&so);
  candor_drivers_options_init(&o);
  CHECK(candor_drivers_new(&so, &o, scores, weights, NULL, periods, N, &m, &want) == CANDOR_OK);

  CHECK(candor_driver_accumulator_new(0, 10, THEMES, &a) == CANDOR_OK);
  CHECK(candor_driver_accumulator_new(0, 10, THEMES, &b) == CANDOR_OK);
  m.names = NULL;
  CHECK(candor_driver_accumulator_add(a, scores, weights, split, &m, periods, labels, sizes, 3) ==
        CANDOR_OK);
  for (i = 0; i <= N - split; ++i) part_offsets[i] = offsets[split + i] - offsets[split];
  m.offsets = part_offsets;
  m.theme_ids = ids + offsets[split];
  CHECK(candor_driver_accumulator_add(b, scores + split, weights + split, N - split, &m,
                                      reversed + split, labels_reversed, sizes, 3) == CANDOR_OK);
  a2 = round_trip(a);
  b2 = round_trip(b);
  CHECK(candor_driver_accumulator_merge(a2, b2) == CANDOR_OK);
  CHECK(candor_driver_accumulator_count(a2) == N);
  CHECK(candor_driver_accumulator_themes(a2) == THEMES);
  CHECK(candor_driver_accumulator_periods(a2) == 3);
  CHECK(candor_driver_accumulator_period(a2, 2, &label, &size) == CANDOR_OK);
  CHECK(size == 6 && memcmp(label, "2025-3", 6) == 0);
  CHECK(candor_driver_accumulator_period(a2, 3, &label, &size) == CANDOR_OUT_OF_RANGE);

  CHECK(candor_drivers_accumulated(&so, &o, a2, names, &got) == CANDOR_OK);
  CHECK(candor_drivers_rows(got) == THEMES);
  CHECK(candor_drivers_trending_rows(got) == THEMES);
  CHECK(candor_drivers_periods(got, &earlier, &later) == CANDOR_OK);
  CHECK(earlier == 1 && later == 2);
  for (i = 0; i < THEMES; ++i) {
    candor_driver_row x, y;
    candor_trending_row tx, ty;
    CHECK(candor_drivers_row_at(got, i, &x) == CANDOR_OK);
    CHECK(candor_drivers_row_at(want, i, &y) == CANDOR_OK);
    CHECK(strcmp(x.name, y.name) == 0);
    CHECK(x.mentions == y.mentions && x.status == y.status);
    CHECK(same_estimate(&x.share, &y.share));
    CHECK(same_estimate(&x.share_of_detractors, &y.share_of_detractors));
    CHECK(same_estimate(&x.score, &y.score));
    CHECK(same_estimate(&x.score_without, &y.score_without));
    CHECK(close_or_both_nan(x.impact.difference, y.impact.difference, 1e-12));
    CHECK(close_or_both_nan(x.impact.std_error, y.impact.std_error, 1e-12));
    CHECK(close_or_both_nan(x.relative_risk, y.relative_risk, 1e-12));
    CHECK(close_or_both_nan(x.log_relative_risk_std_error, y.log_relative_risk_std_error, 1e-12));
    CHECK(x.in_model == y.in_model);
    CHECK(close_or_both_nan(x.coefficient, y.coefficient, 1e-9));
    CHECK(close_or_both_nan(x.coefficient_std_error, y.coefficient_std_error, 1e-9));
    CHECK(close_or_both_nan(x.importance, y.importance, 1e-9));
    CHECK(candor_drivers_trending_at(got, i, &tx) == CANDOR_OK);
    CHECK(candor_drivers_trending_at(want, i, &ty) == CANDOR_OK);
    CHECK(same_estimate(&tx.share_earlier, &ty.share_earlier));
    CHECK(same_estimate(&tx.share_later, &ty.share_later));
    CHECK(close_or_both_nan(tx.z, ty.z, 1e-12));
    CHECK(close_or_both_nan(tx.p_adjusted, ty.p_adjusted, 1e-12));
  }
  {
    candor_estimate x, y;
    int64_t dx = 0, dy = 0;
    candor_key_driver_model mx, my;
    CHECK(candor_drivers_overall(got, &x, &dx) == CANDOR_OK);
    CHECK(candor_drivers_overall(want, &y, &dy) == CANDOR_OK);
    CHECK(same_estimate(&x, &y) && dx == dy);
    CHECK(candor_drivers_model(got, &mx) == CANDOR_OK);
    CHECK(candor_drivers_model(want, &my) == CANDOR_OK);
    CHECK(mx.converged == 1 && my.converged == 1);
    CHECK(close_or_both_nan(mx.intercept, my.intercept, 1e-9));
  }
  candor_drivers_free(got);
  candor_drivers_free(want);

  /* A weighted bootstrap needs the comments. */
  got = NULL;
  so.interval = CANDOR_INTERVAL_BOOTSTRAP;
  CHECK(candor_drivers_accumulated(&so, &o, a2, NULL, &got) == CANDOR_UNSUPPORTED);
  CHECK(got == NULL);
  CHECK(candor_drivers_accumulated(&so, &o, NULL, NULL, &got) == CANDOR_INVALID_ARGUMENT);
  candor_driver_accumulator_free(a);
  candor_driver_accumulator_free(b);
  candor_driver_accumulator_free(a2);
  candor_driver_accumulator_free(b2);
}

static void test_bad_input(void) {
  candor_driver_accumulator *acc = NULL, *other = NULL;
  const double scores[2] = {9, 3};
  const int64_t offsets[3] = {0, 1, 2};
  const int32_t ids[2] = {0, 5};
  const int32_t codes[2] = {0, 1};
  const char* labels[1] = {"q"};
  const size_t sizes[1] = {1};
  candor_theme_mentions m;
  candor_score_options so;
  candor_drivers_options o;
  candor_drivers* out = NULL;
  memset(&m, 0, sizeof(m));
  m.themes = 2;
  m.offsets = offsets;
  m.theme_ids = ids;
  CHECK(candor_driver_accumulator_new(0, 10, 0, &acc) == CANDOR_INVALID_ARGUMENT);
  CHECK(acc == NULL);
  CHECK(candor_driver_accumulator_new(0, 10, 2, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_driver_accumulator_new(0, 10, 2, &acc) == CANDOR_OK);
  CHECK(candor_driver_accumulator_add(acc, scores, NULL, 2, &m, NULL, NULL, NULL, 0) ==
        CANDOR_OUT_OF_RANGE); /* theme 5 of 2 */
  m.themes = 6;
  CHECK(candor_driver_accumulator_add(acc, scores, NULL, 2, &m, NULL, NULL, NULL, 0) ==
        CANDOR_INVALID_ARGUMENT); /* 6 themes, the accumulator 2 */
  m.themes = 2;
  CHECK(candor_driver_accumulator_add(acc, scores, NULL, 1, &m, codes + 1, labels, sizes, 1) ==
        CANDOR_OUT_OF_RANGE); /* code 1 of 1 label */
  CHECK(candor_driver_accumulator_add(acc, scores, NULL, 1, NULL, NULL, NULL, NULL, 0) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_driver_accumulator_count(acc) == 0);
  candor_score_options_init(&so);
  candor_drivers_options_init(&o);
  CHECK(candor_drivers_accumulated(&so, &o, acc, NULL, &out) == CANDOR_EMPTY);
  CHECK(candor_driver_accumulator_add(acc, scores, NULL, 1, &m, NULL, NULL, NULL, 0) == CANDOR_OK);
  CHECK(candor_driver_accumulator_count(acc) == 1);
  CHECK(candor_driver_accumulator_new(0, 10, 3, &other) == CANDOR_OK);
  CHECK(candor_driver_accumulator_merge(acc, other) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_driver_accumulator_merge(acc, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_driver_accumulator_count(NULL) == 0);
  CHECK(candor_driver_accumulator_themes(NULL) == 0);
  CHECK(candor_driver_accumulator_periods(NULL) == 0);
  candor_driver_accumulator_free(acc);
  candor_driver_accumulator_free(other);
  candor_driver_accumulator_free(NULL);
}

int main(void) {
  test_equals_drivers_new();
  test_bad_input();
  return report();
}
