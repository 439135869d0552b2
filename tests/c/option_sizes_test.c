/* Option struct sizes (issue 11, bug 4): a `size` that ends inside a field
 * took part of the field from the caller and part from the default (a cut
 * pointer became a wild pointer). Only sizes that end where a field begins
 * or ends are accepted. The boundaries here are computed from offsetof in C,
 * independently of the library's own tables. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

/* The byte offsets where a field begins or ends, for one struct. */
typedef struct boundaries {
  size_t at[64];
  size_t n;
} boundaries;

static void add_field(boundaries* b, size_t offset, size_t size) {
  b->at[b->n++] = offset;
  b->at[b->n++] = offset + size;
}

#define FIELD(b, Struct, field) \
  add_field(&(b), offsetof(Struct, field), sizeof(((Struct*)0)->field))

static int is_boundary(const boundaries* b, size_t size) {
  size_t k;
  for (k = 0; k < b->n; ++k) {
    if (b->at[k] == size) return 1;
  }
  return 0;
}

/* For every size 0..sizeof + 16: the defaults function accepts exactly the
 * boundaries from `minimum` on (and sizes beyond the struct, which it
 * clamps), and never writes past `size` bytes. */
#define CHECK_DEFAULTS(Struct, defaults_fn, b, minimum)                                          \
  do {                                                                                           \
    size_t size;                                                                                 \
    for (size = 0; size <= sizeof(Struct) + 16; ++size) {                                        \
      unsigned char buffer[sizeof(Struct) + 32];                                                 \
      int expect_ok = size > sizeof(Struct) || (size >= (minimum) && is_boundary(&(b), size)) || \
                      size == sizeof(Struct);                                                    \
      candor_status status;                                                                      \
      size_t i;                                                                                  \
      int untouched = 1;                                                                         \
      memset(buffer, 0xAB, sizeof buffer);                                                       \
      status = defaults_fn((Struct*)(void*)buffer, size);                                        \
      for (i = size; i < sizeof buffer; ++i) untouched &= buffer[i] == 0xAB;                     \
      CHECK(untouched);                                                                          \
      if (expect_ok != (status == CANDOR_OK)) {                                                  \
        fprintf(stderr, "%s size %zu: status %s\n", #Struct, size, candor_status_name(status));  \
      }                                                                                          \
      CHECK(expect_ok == (status == CANDOR_OK));                                                 \
      if (!expect_ok) CHECK(status == CANDOR_INVALID_ARGUMENT);                                  \
    }                                                                                            \
  } while (0)

static void test_csv_options(void) {
  static const char csv[] = "score,when\n9,2024-01-05\n3,2024-02-01\n";
  boundaries b = {{0}, 0};
  candor_csv_options options;
  candor_table* table = NULL;
  size_t size;
  FIELD(b, candor_csv_options, size);
  FIELD(b, candor_csv_options, score_column);
  FIELD(b, candor_csv_options, time_column);
  FIELD(b, candor_csv_options, account_column);
  FIELD(b, candor_csv_options, role_column);
  FIELD(b, candor_csv_options, weight_column);
  FIELD(b, candor_csv_options, comment_column);
  FIELD(b, candor_csv_options, segment_columns);
  FIELD(b, candor_csv_options, n_segment_columns);
  FIELD(b, candor_csv_options, delimiter);
  FIELD(b, candor_csv_options, skip_bad_rows);
  FIELD(b, candor_csv_options, max_bytes);
  FIELD(b, candor_csv_options, number_columns);
  FIELD(b, candor_csv_options, n_number_columns);
  FIELD(b, candor_csv_options, progress);
  FIELD(b, candor_csv_options, progress_user_data);
  FIELD(b, candor_csv_options, decimal);
  FIELD(b, candor_csv_options, time_format);
  FIELD(b, candor_csv_options, encoding);
  CHECK_DEFAULTS(candor_csv_options, candor_csv_options_defaults, b,
                 offsetof(candor_csv_options, score_column) + sizeof(const char*));

  /* The crash the issue reports: size = offsetof(time_column) + 4. */
  candor_csv_options_init(&options);
  options.time_column = "when";
  options.size = offsetof(candor_csv_options, time_column) + 4;
  CHECK(candor_table_parse_csv(csv, sizeof csv - 1, &options, &table) == CANDOR_INVALID_ARGUMENT);
  CHECK(table == NULL);
  CHECK(strstr(candor_last_error(), "field") != NULL);

  /* A cut count: n_segment_columns half from the caller. */
  candor_csv_options_init(&options);
  options.n_segment_columns = (size_t)1 << 40;
  options.size = offsetof(candor_csv_options, n_segment_columns) + 5;
  CHECK(candor_table_parse_csv(csv, sizeof csv - 1, &options, &table) == CANDOR_INVALID_ARGUMENT);

  /* Every size with a time column set: boundaries read, others refused. */
  for (size = 0; size <= sizeof options + 8; ++size) {
    candor_status status;
    candor_csv_options_init(&options);
    options.time_column = "when";
    options.size = size;
    status = candor_table_parse_csv(csv, sizeof csv - 1, &options, &table);
    if (size >= offsetof(candor_csv_options, score_column) + sizeof(const char*) &&
        size <= sizeof options && is_boundary(&b, size)) {
      CHECK(status == CANDOR_OK);
      CHECK(table != NULL);
      /* The time column is read only when the caller's size holds it whole. */
      if (table != NULL) {
        int has_times = candor_table_times(table) != NULL;
        CHECK(has_times == (size >= offsetof(candor_csv_options, time_column) + sizeof(char*)));
      }
    } else {
      CHECK(status == CANDOR_INVALID_ARGUMENT);
      CHECK(table == NULL);
    }
    candor_table_free(table);
    table = NULL;
  }
}

static void test_score_options(void) {
  double scores[4] = {10, 10, 0, 8};
  boundaries b = {{0}, 0};
  candor_score_options options;
  candor_estimate e;
  FIELD(b, candor_score_options, size);
  FIELD(b, candor_score_options, metric);
  FIELD(b, candor_score_options, scale_min);
  FIELD(b, candor_score_options, scale_max);
  FIELD(b, candor_score_options, promoter_min);
  FIELD(b, candor_score_options, detractor_max);
  FIELD(b, candor_score_options, box_size);
  FIELD(b, candor_score_options, interval);
  FIELD(b, candor_score_options, level);
  FIELD(b, candor_score_options, prior);
  FIELD(b, candor_score_options, replicates);
  FIELD(b, candor_score_options, seed);
  FIELD(b, candor_score_options, threads);
  FIELD(b, candor_score_options, p_adjust);
  FIELD(b, candor_score_options, progress);
  FIELD(b, candor_score_options, progress_user_data);
  /* A level cut in half: 2 bytes of 0.9 from the caller over 0.95. */
  candor_score_options_init(&options);
  options.level = 0.9;
  options.size = offsetof(candor_score_options, level) + 2;
  CHECK(candor_score(&options, scores, NULL, 4, &e) == CANDOR_INVALID_ARGUMENT);
  options.size = offsetof(candor_score_options, prior);
  CHECK(candor_score(&options, scores, NULL, 4, &e) == CANDOR_OK);
  CHECK(e.level == 0.9);
  /* Larger than this library's struct: built against a newer header. */
  options.size = sizeof options + 8;
  CHECK(candor_score(&options, scores, NULL, 4, &e) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "newer") != NULL);
  (void)b;
}

static void test_design_and_buckets(void) {
  double scores[4] = {10, 10, 0, 8};
  int32_t clusters[4] = {0, 0, 1, 1};
  int64_t times[4] = {1704067200, 1704153600, 1706745600, 1706832000};
  candor_score_options score_options;
  candor_design design;
  candor_buckets_options bucket_options;
  candor_buckets* buckets = NULL;
  candor_estimate e;
  boundaries b = {{0}, 0};
  candor_score_options_init(&score_options);

  FIELD(b, candor_design, size);
  FIELD(b, candor_design, weights);
  FIELD(b, candor_design, clusters);
  FIELD(b, candor_design, calibration);
  CHECK_DEFAULTS(candor_design, candor_design_defaults, b, sizeof(size_t));
  candor_design_init(&design);
  design.clusters = clusters;
  design.size = offsetof(candor_design, clusters) + 3;
  CHECK(candor_score_design(&score_options, scores, 4, &design, &e) == CANDOR_INVALID_ARGUMENT);
  design.size = offsetof(candor_design, calibration);
  CHECK(candor_score_design(&score_options, scores, 4, &design, &e) == CANDOR_OK);

  b.n = 0;
  FIELD(b, candor_buckets_options, size);
  FIELD(b, candor_buckets_options, every);
  FIELD(b, candor_buckets_options, time_zone);
  FIELD(b, candor_buckets_options, window_days);
  FIELD(b, candor_buckets_options, half_life_days);
  FIELD(b, candor_buckets_options, power);
  FIELD(b, candor_buckets_options, control_k);
  FIELD(b, candor_buckets_options, control_level);
  FIELD(b, candor_buckets_options, p_adjust);
  CHECK_DEFAULTS(candor_buckets_options, candor_buckets_options_defaults, b, sizeof(size_t));
  candor_buckets_options_init(&bucket_options);
  bucket_options.time_zone = "Europe/London";
  bucket_options.size = offsetof(candor_buckets_options, time_zone) + 4;
  CHECK(candor_buckets_new(&score_options, &bucket_options, scores, times, 4, NULL, NULL, NULL,
                           &buckets) == CANDOR_INVALID_ARGUMENT);
  CHECK(buckets == NULL);
  bucket_options.size = offsetof(candor_buckets_options, window_days);
  CHECK(candor_buckets_new(&score_options, &bucket_options, scores, times, 4, NULL, NULL, NULL,
                           &buckets) == CANDOR_OK);
  candor_buckets_free(buckets);
}

static void test_other_defaults(void) {
  boundaries b = {{0}, 0};
  FIELD(b, candor_mk_options, size);
  FIELD(b, candor_mk_options, method);
  FIELD(b, candor_mk_options, alpha);
  FIELD(b, candor_mk_options, max_lag);
  FIELD(b, candor_mk_options, period);
  FIELD(b, candor_mk_options, hamed_rao_signed_sum);
  CHECK_DEFAULTS(candor_mk_options, candor_mk_options_defaults, b, sizeof(size_t));

  b.n = 0;
  FIELD(b, candor_change_point_options, size);
  FIELD(b, candor_change_point_options, penalty);
  FIELD(b, candor_change_point_options, penalty_value);
  FIELD(b, candor_change_point_options, min_size);
  FIELD(b, candor_change_point_options, max_grid_points);
  FIELD(b, candor_change_point_options, alpha);
  FIELD(b, candor_change_point_options, replicates);
  FIELD(b, candor_change_point_options, seed);
  FIELD(b, candor_change_point_options, boundaries);
  FIELD(b, candor_change_point_options, boundary_count);
  FIELD(b, candor_change_point_options, threads);
  FIELD(b, candor_change_point_options, progress);
  FIELD(b, candor_change_point_options, progress_user_data);
  CHECK_DEFAULTS(candor_change_point_options, candor_change_point_options_defaults, b,
                 sizeof(size_t));

  b.n = 0;
  FIELD(b, candor_weight_options, size);
  FIELD(b, candor_weight_options, max_iterations);
  FIELD(b, candor_weight_options, tolerance);
  FIELD(b, candor_weight_options, l2_penalty);
  FIELD(b, candor_weight_options, progress);
  FIELD(b, candor_weight_options, progress_user_data);
  CHECK_DEFAULTS(candor_weight_options, candor_weight_options_defaults, b, sizeof(size_t));

  b.n = 0;
  FIELD(b, candor_account_trend_options, size);
  FIELD(b, candor_account_trend_options, min_responses);
  FIELD(b, candor_account_trend_options, slope_unit_days);
  FIELD(b, candor_account_trend_options, split);
  FIELD(b, candor_account_trend_options, split_time);
  FIELD(b, candor_account_trend_options, recent_days);
  FIELD(b, candor_account_trend_options, covariance);
  FIELD(b, candor_account_trend_options, p_adjust);
  FIELD(b, candor_account_trend_options, alpha);
  CHECK_DEFAULTS(candor_account_trend_options, candor_account_trend_options_defaults, b,
                 sizeof(size_t));

  b.n = 0;
  FIELD(b, candor_text_options, size);
  FIELD(b, candor_text_options, invalid_utf8);
  FIELD(b, candor_text_options, language);
  FIELD(b, candor_text_options, fallback_language);
  FIELD(b, candor_text_options, threads);
  FIELD(b, candor_text_options, progress);
  FIELD(b, candor_text_options, progress_user_data);
  CHECK_DEFAULTS(candor_text_options, candor_text_options_defaults, b, sizeof(size_t));

  b.n = 0;
  FIELD(b, candor_drivers_options, size);
  FIELD(b, candor_drivers_options, l2_penalty);
  FIELD(b, candor_drivers_options, fit_key_drivers);
  FIELD(b, candor_drivers_options, max_iterations);
  FIELD(b, candor_drivers_options, tolerance);
  FIELD(b, candor_drivers_options, earlier_period);
  FIELD(b, candor_drivers_options, later_period);
  FIELD(b, candor_drivers_options, p_adjust);
  FIELD(b, candor_drivers_options, alpha);
  CHECK_DEFAULTS(candor_drivers_options, candor_drivers_options_defaults, b, sizeof(size_t));

  b.n = 0;
  FIELD(b, candor_concordance_options, size);
  FIELD(b, candor_concordance_options, time_weight);
  CHECK_DEFAULTS(candor_concordance_options, candor_concordance_options_defaults, b,
                 sizeof(size_t));

  b.n = 0;
  FIELD(b, candor_kaplan_meier_options, size);
  FIELD(b, candor_kaplan_meier_options, level);
  FIELD(b, candor_kaplan_meier_options, interval);
  CHECK_DEFAULTS(candor_kaplan_meier_options, candor_kaplan_meier_options_defaults, b,
                 sizeof(size_t));
}

static void test_text_options(void) {
  candor_text_options options;
  candor_text_model* model = NULL;
  candor_text_options_init(&options);
  options.language = "en";
  options.size = offsetof(candor_text_options, language) + 4;
  CHECK(candor_text_model_new(&options, &model) == CANDOR_INVALID_ARGUMENT);
  CHECK(model == NULL);
  options.size = offsetof(candor_text_options, fallback_language);
  CHECK(candor_text_model_new(&options, &model) == CANDOR_OK);
  candor_text_model_free(model);
}

static void test_redact_options(void) {
  boundaries b = {{0}, 0};
  FIELD(b, candor_redact_options, size);
  FIELD(b, candor_redact_options, kinds);
  FIELD(b, candor_redact_options, redact_all_urls);
  FIELD(b, candor_redact_options, email_placeholder);
  FIELD(b, candor_redact_options, phone_placeholder);
  FIELD(b, candor_redact_options, card_placeholder);
  FIELD(b, candor_redact_options, iban_placeholder);
  FIELD(b, candor_redact_options, url_placeholder);
  CHECK_DEFAULTS(candor_redact_options, candor_redact_options_defaults, b, sizeof(size_t));
}

int main(void) {
  test_csv_options();
  test_score_options();
  test_design_and_buckets();
  test_other_defaults();
  test_text_options();
  test_redact_options();
  return report();
}
