/* Progress callbacks and cancelling (candor_progress): every long call's
 * callback sees done never decrease and end at its documented total; a
 * callback returning 0 makes the call return CANDOR_CANCELLED with a message
 * naming the call, and no handle. (Leaks: the AddressSanitizer run of this
 * program.) */
#include <candor.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

typedef struct Record {
  int64_t calls;
  int64_t first_total;
  int64_t last_done;
  int64_t last_total;
  int monotone;      /* done never decreased, total never changed */
  int64_t stop_after; /* return 0 on this call (1-based); 0: never */
} Record;

static void record_init(Record* r, int64_t stop_after) {
  memset(r, 0, sizeof(*r));
  r->monotone = 1;
  r->first_total = -1;
  r->last_done = -1;
  r->stop_after = stop_after;
}

static int32_t on_progress(int64_t done, int64_t total, void* user_data) {
  Record* r = (Record*)user_data;
  ++r->calls;
  if (r->first_total < 0) r->first_total = total;
  if (done < r->last_done || total != r->first_total || done > total || done < 0) {
    r->monotone = 0;
  }
  r->last_done = done;
  r->last_total = total;
  return r->stop_after != 0 && r->calls >= r->stop_after ? 0 : 1;
}

static int contains(const char* text, const char* part) { return strstr(text, part) != NULL; }

/* ------------------------------------------------------------------ CSV */

static char* make_csv(int rows, size_t* size) {
  const size_t capacity = (size_t)rows * 48 + 64;
  char* data = (char*)malloc(capacity);
  size_t at = (size_t)sprintf(data, "score,comment\n");
  for (int i = 0; i < rows; ++i) {
    at += (size_t)sprintf(data + at, "%d,row %d says the delivery was late\n", i % 11, i);
  }
  *size = at;
  return data;
}

static void test_csv(void) {
  size_t size = 0;
  char* data = make_csv(200000, &size); /* about 8 MB: several reads */
  candor_csv_options options;
  candor_csv_options_init(&options);
  options.comment_column = "comment";
  CHECK(options.progress == NULL && options.progress_user_data == NULL);

  Record r;
  record_init(&r, 0);
  options.progress = on_progress;
  options.progress_user_data = &r;
  candor_table* table = NULL;
  CHECK(candor_table_parse_csv(data, size, &options, &table) == CANDOR_OK);
  CHECK(table != NULL && candor_table_rows(table) == 200000);
  CHECK(r.calls >= 2); /* parsed in 4 MiB pieces, each told */
  CHECK(r.monotone);
  CHECK(r.first_total == (int64_t)size);
  CHECK(r.last_done == (int64_t)size);
  candor_table_free(table);

  record_init(&r, 1);
  table = (candor_table*)&r; /* must be cleared */
  CHECK(candor_table_parse_csv(data, size, &options, &table) == CANDOR_CANCELLED);
  CHECK(table == NULL);
  /* Stopped part way through the parse, after the first 4 MiB piece. */
  CHECK(contains(candor_last_error(), "cancelled by the progress callback after reading 4194304 of"));
  CHECK(r.calls == 1);
  free(data);
}

/* --------------------------------------------------------------- weights */

static void test_weights(void) {
  const size_t n = 200000;
  int32_t* region = (int32_t*)malloc(sizeof(int32_t) * n);
  int32_t* plan = (int32_t*)malloc(sizeof(int32_t) * n);
  double* x = (double*)malloc(sizeof(double) * n * 2);
  uint8_t* responded = (uint8_t*)malloc(n);
  double* tenure = (double*)malloc(sizeof(double) * n);
  uint64_t state = 11;
  for (size_t i = 0; i < n; ++i) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    const unsigned u = (unsigned)(state >> 33);
    region[i] = (int32_t)(u % 10 < 5 ? 0 : u % 10 < 8 ? 1 : 2);
    plan[i] = (int32_t)((u / 10) % 4 == 0 ? 0 : 1);
    x[2 * i] = 1.0;
    x[2 * i + 1] = region[i] == 0 ? 1.0 : 0.0;
    tenure[i] = (double)((u / 40) % 100) / 25.0;
    responded[i] = (uint8_t)((int)((u / 4000) % 100) < 20 + 10 * plan[i] + (int)tenure[i] ? 1 : 0);
  }
  const double region_totals[3] = {3000, 4000, 3000};
  const double plan_totals[2] = {5000, 5000};
  candor_margin margins[2] = {{"region", region, region_totals, 3},
                              {"plan", plan, plan_totals, 2}};
  const double totals[2] = {10000, 3000};
  candor_covariate covariates[2] = {{"tenure", tenure, NULL, 0}, {"plan", NULL, plan, 2}};

  candor_weight_options options;
  candor_weight_options_init(&options);
  CHECK(options.size == sizeof(options));
  CHECK(options.max_iterations == 100 && options.tolerance == 1e-10 && options.l2_penalty == 0);
  CHECK(options.progress == NULL && options.progress_user_data == NULL);

  /* Each call: told to the end with a callback that goes on (same weights
   * as the call without options), then stopped at the first and second call. */
  for (int call = 0; call < 4; ++call) {
    const char* what[4] = {"raking", "post-stratification", "linear calibration",
                           "inverse-propensity weighting"};
    const int64_t total[4] = {100, (int64_t)n, 10, 100};
    candor_weights* plain = NULL;
    candor_status status = CANDOR_INTERNAL;
    switch (call) {
      case 0: status = candor_rake(NULL, n, margins, 2, 0, 0, &plain); break;
      case 1: status = candor_poststratify(NULL, n, &margins[0], &plain); break;
      case 2: status = candor_calibrate_linear(NULL, n, x, 2, totals, &plain); break;
      default: status = candor_ipw(responded, n, covariates, 2, 0, &plain); break;
    }
    CHECK(status == CANDOR_OK);
    for (int64_t stop_after = 0; stop_after <= 2; ++stop_after) {
      Record r;
      record_init(&r, stop_after);
      options.progress = on_progress;
      options.progress_user_data = &r;
      candor_weights* told = (candor_weights*)&r; /* must be cleared */
      switch (call) {
        case 0: status = candor_rake_v2(&options, NULL, n, margins, 2, &told); break;
        case 1: status = candor_poststratify_v2(&options, NULL, n, &margins[0], &told); break;
        case 2:
          status = candor_calibrate_linear_v2(&options, NULL, n, x, 2, totals, &told);
          break;
        default: status = candor_ipw_v2(&options, responded, n, covariates, 2, &told); break;
      }
      CHECK(r.monotone);
      CHECK(r.first_total == total[call]);
      if (stop_after == 0) {
        CHECK(status == CANDOR_OK);
        CHECK(r.last_done == total[call]);
        size_t n_plain = 0, n_told = 0;
        const double* a = candor_weights_values(plain, &n_plain);
        const double* b = candor_weights_values(told, &n_told);
        CHECK(n_plain == n_told && n_told > 0 && memcmp(a, b, n_told * sizeof(double)) == 0);
        candor_weights_free(told);
      } else {
        CHECK(status == CANDOR_CANCELLED);
        CHECK(told == NULL);
        CHECK(r.calls == stop_after);
        CHECK(contains(candor_last_error(), what[call]));
        CHECK(contains(candor_last_error(), ": cancelled by the progress callback after "));
      }
    }
    candor_weights_free(plain);
  }
  /* NULL options: the defaults, no callback. */
  candor_weights* w = NULL;
  CHECK(candor_rake_v2(NULL, NULL, n, margins, 2, &w) == CANDOR_OK && w != NULL);
  candor_weights_free(w);
  /* A struct from a newer header is refused; one ending inside a field too. */
  options.size = sizeof(options) + 8;
  w = NULL;
  CHECK(candor_rake_v2(&options, NULL, n, margins, 2, &w) == CANDOR_INVALID_ARGUMENT && w == NULL);
  options.size = sizeof(size_t) + 2;
  CHECK(candor_rake_v2(&options, NULL, n, margins, 2, &w) == CANDOR_INVALID_ARGUMENT && w == NULL);
  free(region);
  free(plan);
  free(x);
  free(responded);
  free(tenure);
}

/* ---------------------------------------------------------------- themes */

static const char* const kTopics[4][4] = {
    {"delivery", "late", "courier", "package"},
    {"refund", "charged", "invoice", "billing"},
    {"app", "crashes", "login", "screen"},
    {"staff", "friendly", "helpful", "support"}};

static char** make_comments(int n) {
  char** texts = (char**)malloc(sizeof(char*) * (size_t)n);
  for (int i = 0; i < n; ++i) {
    const char* const* t = kTopics[i % 4];
    texts[i] = (char*)malloc(96);
    sprintf(texts[i], "%s %s %s %s again %d", t[i % 4], t[(i + 1) % 4], t[(i + 2) % 4],
            t[(i / 4) % 4], i % 7);
  }
  return texts;
}

static void free_comments(char** texts, int n) {
  for (int i = 0; i < n; ++i) free(texts[i]);
  free(texts);
}

static void test_themes(void) {
  const int n = 4000;
  char** texts = make_comments(n);
  candor_themes_options options;
  candor_themes_options_init(&options);
  CHECK(options.progress == NULL);
  options.k_min = 3;
  options.k_max = 5;
  options.max_iter = 50;
  options.threads = 2;
  Record r;
  record_init(&r, 0);
  options.progress = on_progress;
  options.progress_user_data = &r;
  candor_themes* themes = NULL;
  CHECK(candor_themes_discover(&options, (const char* const*)texts, NULL, (size_t)n, &themes) ==
        CANDOR_OK);
  CHECK(themes != NULL);
  /* n x (1 + candidates x max_iter), candidates = k_max - k_min + 1 */
  CHECK(r.first_total == (int64_t)n * (1 + 3 * 50));
  CHECK(r.monotone);
  CHECK(r.last_done == r.first_total);
  candor_themes_free(themes);

  /* Stopped at once, and on a later call (inside the fits). */
  for (int64_t stop = 1; stop <= 3; stop += 2) {
    record_init(&r, stop);
    themes = NULL;
    const candor_status status =
        candor_themes_discover(&options, (const char* const*)texts, NULL, (size_t)n, &themes);
    if (r.calls >= stop) {
      CHECK(status == CANDOR_CANCELLED);
      CHECK(themes == NULL);
      CHECK(contains(candor_last_error(), "theme discovery: cancelled by the progress callback"));
    } else {
      CHECK(status == CANDOR_OK); /* too quick to be asked a third time */
      candor_themes_free(themes);
    }
  }

  /* candor_nmf: max_iter x rows. A 60 x 40 block-diagonal matrix. */
  enum { kRows = 60, kCols = 40 };
  int64_t row_ptr[kRows + 1];
  int32_t cols[kRows * 4];
  double values[kRows * 4];
  int64_t nnz = 0;
  for (int i = 0; i < kRows; ++i) {
    row_ptr[i] = nnz;
    for (int j = 0; j < 4; ++j) {
      cols[nnz] = (i % 10) * 4 + j;
      values[nnz] = 1.0 + (i + j) % 3;
      ++nnz;
    }
  }
  row_ptr[kRows] = nnz;
  double w[kRows * 3], h[3 * kCols];
  options.max_iter = 30;
  options.tol = 0; /* run every iteration */
  record_init(&r, 0);
  CHECK(candor_nmf(&options, row_ptr, cols, values, kRows, kCols, 3, w, h, NULL, NULL) ==
        CANDOR_OK);
  CHECK(r.first_total == 30 * kRows);
  CHECK(r.monotone);
  CHECK(r.last_done == r.first_total);
  record_init(&r, 1);
  CHECK(candor_nmf(&options, row_ptr, cols, values, kRows, kCols, 3, w, h, NULL, NULL) ==
        CANDOR_CANCELLED);
  CHECK(contains(candor_last_error(), "NMF: cancelled"));
  free_comments(texts, n);
}

/* ----------------------------------------------------------- text analysis */

static void test_text(void) {
  const int n = 5000;
  char** texts = make_comments(n);
  size_t* sizes = (size_t*)malloc(sizeof(size_t) * (size_t)n);
  for (int i = 0; i < n; ++i) sizes[i] = strlen(texts[i]);
  Record r;
  record_init(&r, 0);
  candor_text_options options;
  candor_text_options_init(&options);
  CHECK(options.progress == NULL);
  options.language = "en";
  options.threads = 2;
  options.progress = on_progress;
  options.progress_user_data = &r;
  candor_text_model* model = NULL;
  CHECK(candor_text_model_new(&options, &model) == CANDOR_OK);
  candor_text_results* results = NULL;
  CHECK(candor_text_analyze(model, (const char* const*)texts, sizes, (size_t)n, &results) ==
        CANDOR_OK);
  CHECK(results != NULL && candor_text_results_count(results) == (size_t)n);
  CHECK(r.first_total == n);
  CHECK(r.monotone);
  CHECK(r.last_done == n);
  candor_text_results_free(results);

  r.stop_after = r.calls + 1; /* the next call stops */
  r.first_total = -1;
  r.last_done = -1;
  results = NULL;
  CHECK(candor_text_analyze(model, (const char* const*)texts, sizes, (size_t)n, &results) ==
        CANDOR_CANCELLED);
  CHECK(results == NULL);
  CHECK(contains(candor_last_error(), "text analysis: cancelled by the progress callback"));
  candor_text_model_free(model);
  free(sizes);
  free_comments(texts, n);
}

/* ------------------------------------------------------------ change points */

static void test_change_points(void) {
  const size_t n = 3000;
  double* scores = (double*)malloc(sizeof(double) * n);
  uint64_t state = 7;
  for (size_t i = 0; i < n; ++i) { /* a drop at 1500: 9s and 10s, then 0..10 */
    state = state * 6364136223846793005u + 1442695040888963407u;
    const int u = (int)((state >> 33) % 11);
    scores[i] = i < 1500 ? (u < 8 ? 9 + u % 2 : u) : u;
  }
  candor_score_options score_options;
  candor_score_options_init(&score_options);
  candor_change_point_options options;
  candor_change_point_options_init(&options);
  CHECK(options.progress == NULL);
  options.replicates = 999;
  options.threads = 2;
  Record r;
  record_init(&r, 0);
  options.progress = on_progress;
  options.progress_user_data = &r;
  candor_change_points* found = NULL;
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, NULL, n, &found) ==
        CANDOR_OK);
  CHECK(found != NULL);
  CHECK(r.first_total == (int64_t)n);
  CHECK(r.monotone);
  CHECK(r.last_done == (int64_t)n);
  candor_change_points_free(found);

  options.seed = 43; /* not cached: the simulation runs and is asked */
  record_init(&r, 1);
  found = NULL;
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, NULL, n, &found) ==
        CANDOR_CANCELLED);
  CHECK(found == NULL);
  CHECK(contains(candor_last_error(), "change points: cancelled by the progress callback"));
  /* The cancelled simulation was not cached: the same call now succeeds
   * with the result of an uninterrupted run. */
  record_init(&r, 0);
  CHECK(candor_change_points_new(&score_options, &options, scores, NULL, NULL, n, &found) ==
        CANDOR_OK);
  candor_change_points_free(found);
  free(scores);
}

/* ------------------------------------------------------ score bootstrap */

static void test_score_bootstrap(void) {
  const size_t n = 100000;
  double* scores = (double*)malloc(sizeof(double) * n);
  double* weights = (double*)malloc(sizeof(double) * n);
  uint64_t state = 5;
  for (size_t i = 0; i < n; ++i) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    scores[i] = (double)((state >> 33) % 11);
    weights[i] = 0.5 + (double)((state >> 20) % 100) / 50.0;
  }
  candor_score_options options;
  candor_score_options_init(&options);
  CHECK(options.progress == NULL && options.progress_user_data == NULL);
  options.interval = CANDOR_INTERVAL_BOOTSTRAP;
  options.replicates = 200;
  candor_estimate plain, told;
  CHECK(candor_score(&options, scores, weights, n, &plain) == CANDOR_OK);
  Record r;
  record_init(&r, 0);
  options.progress = on_progress;
  options.progress_user_data = &r;
  CHECK(candor_score(&options, scores, weights, n, &told) == CANDOR_OK);
  CHECK(r.monotone && r.first_total == 200 && r.last_done == 200);
  CHECK(told.value == plain.value && told.ci_low == plain.ci_low && told.ci_high == plain.ci_high);
  for (int64_t stop_after = 1; stop_after <= 2; ++stop_after) {
    record_init(&r, stop_after);
    CHECK(candor_score(&options, scores, weights, n, &told) == CANDOR_CANCELLED);
    CHECK(r.calls == stop_after);
    CHECK(contains(candor_last_error(), "score bootstrap: cancelled by the progress callback"));
  }
  candor_comparison comparison;
  record_init(&r, 0);
  CHECK(candor_compare(&options, scores, weights, n / 2, scores + n / 2, weights + n / 2, n / 2,
                       &comparison) == CANDOR_OK);
  CHECK(r.monotone && r.first_total == 400 && r.last_done == 400);
  record_init(&r, 1);
  CHECK(candor_compare(&options, scores, weights, n / 2, scores + n / 2, weights + n / 2, n / 2,
                       &comparison) == CANDOR_CANCELLED);
  CHECK(contains(candor_last_error(), "comparison bootstrap: cancelled by the progress callback"));
  /* A caller built before the fields existed: its shorter struct has no
   * callback, and the call runs as before. */
  options.size = offsetof(candor_score_options, progress);
  record_init(&r, 1);
  CHECK(candor_score(&options, scores, weights, n, &told) == CANDOR_OK);
  CHECK(r.calls == 0 && told.value == plain.value);
  free(scores);
  free(weights);
}

int main(void) {
  test_csv();
  test_themes();
  test_text();
  test_change_points();
  test_weights();
  test_score_bootstrap();
  return report();
}
