/* The bucket trend from accumulated states through the C ABI, compiled as
 * C: two accumulators built apart, serialized, read back and merged give
 * every column candor_buckets_new gives for the same responses; segment
 * labels come back in byte order; the limits and bad input are statuses. */
#include <candor.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define N 600

/* Responses from 2025-03-01 over 90 days (across Berlin's March jump),
 * three segments: codes 0 "north", 1 "south", 2 "west". */
static void make(double* scores, int64_t* times, double* weights, int32_t* segments) {
  uint32_t state = 12345;
  size_t i;
  for (i = 0; i < N; ++i) {
    state = state * 1103515245u + 12345u;
    scores[i] = (double)((state >> 16) % 11);
    state = state * 1103515245u + 12345u;
    times[i] = 1740787200 + (int64_t)((state >> 8) % (90 * 86400));
    weights[i] = 0.5 + (double)(i % 5) * 0.25;
    segments[i] = (int32_t)(i % 3);
  }
}

static int close_or_both_nan(double a, double b) {
  if (isnan(a) || isnan(b)) return isnan(a) && isnan(b);
  return fabs(a - b) <= 1e-12 * (fabs(b) > 1 ? fabs(b) : 1);
}

static candor_bucket_accumulator* from_bytes_of(const candor_bucket_accumulator* acc) {
  size_t size = 0;
  uint8_t* bytes;
  candor_bucket_accumulator* back = NULL;
  CHECK(candor_bucket_accumulator_serialize(acc, NULL, 0, &size) == CANDOR_OK);
  bytes = (uint8_t*)malloc(size);
  CHECK(candor_bucket_accumulator_serialize(acc, bytes, size - 1, &size) ==
        CANDOR_INVALID_ARGUMENT); /* too small */
  CHECK(candor_bucket_accumulator_serialize(acc, bytes, size, &size) == CANDOR_OK);
  CHECK(candor_bucket_accumulator_deserialize(bytes, size, &back) == CANDOR_OK);
  bytes[size / 2] ^= 0x01;
  {
    candor_bucket_accumulator* damaged = NULL;
    CHECK(candor_bucket_accumulator_deserialize(bytes, size, &damaged) == CANDOR_PARSE_ERROR);
    CHECK(damaged == NULL);
  }
  free(bytes);
  return back;
}

static void test_equals_buckets_new(void) {
  static double scores[N], weights[N];
  static int64_t times[N];
  static int32_t segments[N];
  /* Labels given by pointer and size: "northX" is "north". */
  const char* labels[3] = {"northX", "south", "west"};
  const size_t sizes[3] = {5, 5, 4};
  candor_bucket_accumulator *a = NULL, *b = NULL, *a2 = NULL, *b2 = NULL;
  candor_score_options so;
  candor_buckets_options bo;
  candor_buckets *want = NULL, *got = NULL;
  const char* label = NULL;
  size_t size = 0, rows, r;
  int column, kind;
  make(scores, times, weights, segments);
  CHECK(candor_bucket_accumulator_new(0, 10, "Europe/Berlin", 10, &a) == CANDOR_OK);
  CHECK(candor_bucket_accumulator_new(0, 10, "Europe/Berlin", 10, &b) == CANDOR_OK);
  CHECK(candor_bucket_accumulator_add(a, scores, times, weights, segments, 250, labels, sizes,
                                      3) == CANDOR_OK);
  CHECK(candor_bucket_accumulator_add(b, scores + 250, times + 250, weights + 250,
                                      segments + 250, N - 250, labels, sizes, 3) == CANDOR_OK);
  a2 = from_bytes_of(a);
  b2 = from_bytes_of(b);
  CHECK(candor_bucket_accumulator_merge(a2, b2) == CANDOR_OK);
  CHECK(candor_bucket_accumulator_count(a2) == N);
  CHECK(candor_bucket_accumulator_segments(a2) == 3);
  CHECK(candor_bucket_accumulator_cells(a2) > 3);
  CHECK(strcmp(candor_bucket_accumulator_time_zone(a2), "Europe/Berlin") == 0);
  CHECK(candor_bucket_accumulator_half_life_days(a2) == 10);
  CHECK(candor_bucket_accumulator_segment(a2, 0, &label, &size) == CANDOR_OK);
  CHECK(size == 5 && memcmp(label, "north", 5) == 0);
  CHECK(candor_bucket_accumulator_segment(a2, 2, &label, &size) == CANDOR_OK);
  CHECK(size == 4 && memcmp(label, "west", 4) == 0);
  CHECK(candor_bucket_accumulator_segment(a2, 3, &label, &size) == CANDOR_OUT_OF_RANGE);

  candor_score_options_init(&so);
  candor_buckets_options_init(&bo);
  bo.every = CANDOR_PERIOD_WEEK;
  bo.time_zone = "Europe/Berlin";
  bo.window_days = 14;
  bo.half_life_days = 10;
  CHECK(candor_buckets_new(&so, &bo, scores, times, N, weights, NULL, segments, &want) ==
        CANDOR_OK);
  CHECK(candor_buckets_accumulated(&so, &bo, a2, &got) == CANDOR_OK);
  rows = candor_buckets_rows(want);
  CHECK(rows > 30 && candor_buckets_rows(got) == rows);
  for (r = 0; r < rows && r < candor_buckets_rows(got); ++r) {
    CHECK(strcmp(candor_buckets_label(got, r), candor_buckets_label(want, r)) == 0);
  }
  for (kind = 0; kind < 3; ++kind) {
    const int first = kind == 0 ? 0 : kind == 1 ? 100 : 200;
    const int last = kind == 0 ? CANDOR_BUCKETS_CHANGE_P_ADJUSTED
                     : kind == 1 ? CANDOR_BUCKETS_CHANGES_TESTED
                                 : CANDOR_BUCKETS_FLAG;
    for (column = first; column <= last; ++column) {
      int same = 1;
      if (kind == 0) {
        const double *x = NULL, *y = NULL;
        CHECK(candor_buckets_column_f64(got, (candor_buckets_column)column, &x) == CANDOR_OK);
        CHECK(candor_buckets_column_f64(want, (candor_buckets_column)column, &y) == CANDOR_OK);
        for (r = 0; r < rows; ++r) same = same && close_or_both_nan(x[r], y[r]);
      } else if (kind == 1) {
        const int64_t *x = NULL, *y = NULL;
        CHECK(candor_buckets_column_i64(got, (candor_buckets_column)column, &x) == CANDOR_OK);
        CHECK(candor_buckets_column_i64(want, (candor_buckets_column)column, &y) == CANDOR_OK);
        for (r = 0; r < rows; ++r) same = same && x[r] == y[r];
      } else {
        const int32_t *x = NULL, *y = NULL;
        CHECK(candor_buckets_column_i32(got, (candor_buckets_column)column, &x) == CANDOR_OK);
        CHECK(candor_buckets_column_i32(want, (candor_buckets_column)column, &y) == CANDOR_OK);
        for (r = 0; r < rows; ++r) same = same && x[r] == y[r];
      }
      CHECK(same);
      if (!same) fprintf(stderr, "column %d differs\n", column);
    }
  }
  candor_buckets_free(want);
  candor_buckets_free(got);

  /* The options must match the state; a weighted bootstrap is refused. */
  got = NULL;
  bo.time_zone = "UTC";
  CHECK(candor_buckets_accumulated(&so, &bo, a2, &got) == CANDOR_INVALID_ARGUMENT);
  CHECK(got == NULL);
  bo.time_zone = "Europe/Berlin";
  bo.half_life_days = 3;
  CHECK(candor_buckets_accumulated(&so, &bo, a2, &got) == CANDOR_INVALID_ARGUMENT);
  bo.half_life_days = 0;
  so.interval = CANDOR_INTERVAL_BOOTSTRAP;
  CHECK(candor_buckets_accumulated(&so, &bo, a2, &got) == CANDOR_UNSUPPORTED);
  CHECK(candor_buckets_accumulated(&so, &bo, NULL, &got) == CANDOR_INVALID_ARGUMENT);

  candor_bucket_accumulator_free(a);
  candor_bucket_accumulator_free(b);
  candor_bucket_accumulator_free(a2);
  candor_bucket_accumulator_free(b2);
}

static void test_bad_input(void) {
  candor_bucket_accumulator *acc = NULL, *paris = NULL;
  const double scores[2] = {9, 4};
  const int64_t times[2] = {1767225600, 1767225600};
  const int32_t codes[2] = {0, 7};
  const char* labels[1] = {"only"};
  const size_t sizes[1] = {4};
  candor_score_options so;
  candor_buckets_options bo;
  candor_buckets* out = NULL;
  CHECK(candor_bucket_accumulator_new(0, 10, "Nowhere/City", 0, &acc) == CANDOR_INVALID_ARGUMENT);
  CHECK(acc == NULL);
  CHECK(candor_bucket_accumulator_new(0, 10, "/etc/passwd", 0, &acc) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_bucket_accumulator_new(0, 10, NULL, -2, &acc) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_bucket_accumulator_new(0, 10, NULL, 0, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_bucket_accumulator_new(0, 10, NULL, 0, &acc) == CANDOR_OK); /* UTC */
  CHECK(strcmp(candor_bucket_accumulator_time_zone(acc), "UTC") == 0);
  CHECK(candor_bucket_accumulator_add(acc, scores, times, NULL, codes, 2, labels, sizes, 1) ==
        CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "index 1") != NULL);
  CHECK(candor_bucket_accumulator_add(acc, scores, NULL, NULL, NULL, 2, NULL, NULL, 0) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_bucket_accumulator_add(acc, scores, times, NULL, codes, 1, NULL, sizes, 1) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_bucket_accumulator_add(NULL, scores, times, NULL, NULL, 2, NULL, NULL, 0) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_bucket_accumulator_count(acc) == 0);
  candor_score_options_init(&so);
  candor_buckets_options_init(&bo);
  CHECK(candor_buckets_accumulated(&so, &bo, acc, &out) == CANDOR_EMPTY);
  CHECK(candor_bucket_accumulator_add(acc, scores, times, NULL, NULL, 2, NULL, NULL, 0) ==
        CANDOR_OK);
  CHECK(candor_bucket_accumulator_count(acc) == 2);
  CHECK(candor_bucket_accumulator_new(0, 10, "Europe/Paris", 0, &paris) == CANDOR_OK);
  CHECK(candor_bucket_accumulator_merge(acc, paris) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_bucket_accumulator_merge(acc, NULL) == CANDOR_INVALID_ARGUMENT);
  {
    candor_bucket_accumulator* none = NULL;
    CHECK(candor_bucket_accumulator_deserialize(NULL, 4, &none) == CANDOR_INVALID_ARGUMENT);
    CHECK(none == NULL);
  }
  CHECK(candor_bucket_accumulator_count(NULL) == 0);
  CHECK(candor_bucket_accumulator_segments(NULL) == 0);
  CHECK(candor_bucket_accumulator_time_zone(NULL) == NULL);
  CHECK(isnan(candor_bucket_accumulator_half_life_days(NULL)));
  candor_bucket_accumulator_free(acc);
  candor_bucket_accumulator_free(paris);
  candor_bucket_accumulator_free(NULL);
}

int main(void) {
  test_equals_buckets_new();
  test_bad_input();
  return report();
}
