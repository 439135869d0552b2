/* The C ABI exercised from a program compiled as C (not C++).
 * Reference values: the R package NPS (Brendan Rocks; its nps_var_ is the
 * plug-in variance (p + d) - (p - d)^2 of one response, SE = sqrt(var / n))
 * and closed forms. */
#include <candor.h>

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* Scores with the given numbers of detractors, passives and promoters. */
static size_t fill_scores(double* out, int det, int pas, int pro) {
  size_t n = 0;
  int i;
  for (i = 0; i < det; ++i) out[n++] = 3;
  for (i = 0; i < pas; ++i) out[n++] = 7;
  for (i = 0; i < pro; ++i) out[n++] = 10;
  return n;
}

static void test_version(void) {
  char expected[32];
  snprintf(expected, sizeof expected, "%d.%d.%d", CANDOR_VERSION_MAJOR, CANDOR_VERSION_MINOR,
           CANDOR_VERSION_PATCH);
  CHECK(strcmp(candor_version(), expected) == 0);
  CHECK(strcmp(candor_status_name(CANDOR_OUT_OF_RANGE), "CANDOR_OUT_OF_RANGE") == 0);
}

static void test_wald_matches_r_nps(void) {
  /* R NPS: counts (10,20,30): Wald 95% CI (0.14474, 0.52193), p = 5.32e-4. */
  double scores[60];
  size_t n = fill_scores(scores, 10, 20, 30);
  candor_score_options options;
  candor_estimate e;
  candor_score_options_init(&options);
  CHECK(options.interval == CANDOR_INTERVAL_JEFFREYS); /* the default */
  options.interval = CANDOR_INTERVAL_WALD;
  CHECK(candor_score(&options, scores, NULL, n, &e) == CANDOR_OK);
  CHECK_NEAR(e.value, 100.0 * 20.0 / 60.0, 1e-9);
  CHECK_NEAR(e.ci_low, 14.474, 1e-3);
  CHECK_NEAR(e.ci_high, 52.193, 1e-3);
  CHECK(e.n == 60);
  CHECK_NEAR(e.effective_n, 60.0, 1e-9);
  /* nps_se_ closed form: sqrt(((p + d) - (p - d)^2) / n). */
  CHECK_NEAR(e.std_error, 100.0 * sqrt((40.0 / 60 - (20.0 / 60) * (20.0 / 60)) / 60), 1e-9);
}

static void test_adjusted_wald_matches_r_nps(void) {
  /* R NPS adjusted Wald, counts (1,2,3): CI (-0.26743, 0.71188), SE 0.24983. */
  double scores[6];
  size_t n = fill_scores(scores, 1, 2, 3);
  candor_score_options options;
  candor_estimate e;
  candor_score_options_init(&options);
  options.interval = CANDOR_INTERVAL_ADJUSTED_WALD;
  CHECK(candor_score(&options, scores, NULL, n, &e) == CANDOR_OK);
  CHECK_NEAR(e.ci_low, -26.743, 1e-3);
  CHECK_NEAR(e.ci_high, 71.188, 1e-3);
  CHECK_NEAR(e.std_error, 24.983, 1e-3);
}

static void test_compare_matches_r_nps(void) {
  /* R NPS two-sample Wald: (10,20,30) vs (20,20,20): delta 0.33333,
   * SE 0.14272, p 0.019517. */
  double a[60], b[60];
  size_t na = fill_scores(a, 10, 20, 30);
  size_t nb = fill_scores(b, 20, 20, 20);
  candor_score_options options;
  candor_comparison c;
  candor_score_options_init(&options);
  CHECK(candor_compare(&options, a, NULL, na, b, NULL, nb, &c) == CANDOR_OK);
  CHECK_NEAR(c.difference, 33.333, 1e-3);
  CHECK_NEAR(c.std_error, 14.272, 1e-3);
  CHECK_NEAR(c.p_value, 0.019517, 1e-5);
  CHECK(c.a.n == 60 && c.b.n == 60);
}

static void test_bad_input(void) {
  double scores[3] = {9, 10, 7};
  double weights[3] = {1, -1, 1};
  candor_score_options options;
  candor_estimate e;
  candor_score_options_init(&options);

  scores[1] = NAN;
  CHECK(candor_score(&options, scores, NULL, 3, &e) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "1") != NULL); /* names the index */
  scores[1] = 11;
  CHECK(candor_score(&options, scores, NULL, 3, &e) == CANDOR_OUT_OF_RANGE);
  scores[1] = 8.5;
  CHECK(candor_score(&options, scores, NULL, 3, &e) == CANDOR_OUT_OF_RANGE);
  scores[1] = 10;
  CHECK(candor_score(&options, scores, weights, 3, &e) != CANDOR_OK);
  CHECK(candor_score(&options, scores, NULL, 0, &e) == CANDOR_EMPTY);
  CHECK(candor_score(&options, NULL, NULL, 3, &e) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_score(NULL, scores, NULL, 3, &e) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_score(&options, scores, NULL, 3, NULL) == CANDOR_INVALID_ARGUMENT);

  options.size = 0; /* never initialized */
  CHECK(candor_score(&options, scores, NULL, 3, &e) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "candor_score_options_init") != NULL);

  candor_score_options_init(&options);
  options.level = 1.5;
  CHECK(candor_score(&options, scores, NULL, 3, &e) == CANDOR_INVALID_ARGUMENT);
  candor_score_options_init(&options);
  options.detractor_max = 9; /* overlaps promoters */
  CHECK(candor_score(&options, scores, NULL, 3, &e) == CANDOR_INVALID_ARGUMENT);
  candor_score_options_init(&options);
  options.metric = (candor_metric)42;
  CHECK(candor_score(&options, scores, NULL, 3, &e) == CANDOR_INVALID_ARGUMENT);
  candor_score_options_init(&options);
  options.interval = (candor_interval)-3;
  CHECK(candor_score(&options, scores, NULL, 3, &e) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_score_options_preset(&options, sizeof options, (candor_preset)9) ==
        CANDOR_INVALID_ARGUMENT);
}

/* A caller built against an older, shorter options struct: the library must
 * fill only the bytes it was given, and still read those options. */
static void test_older_caller_struct(void) {
  unsigned char buffer[sizeof(candor_score_options) + 16];
  candor_score_options* options = (candor_score_options*)(void*)buffer;
  size_t old_size = offsetof(candor_score_options, replicates);
  double scores[4] = {10, 10, 0, 8};
  candor_estimate e;
  size_t i;
  memset(buffer, 0xAB, sizeof buffer);
  CHECK(candor_score_options_preset(options, old_size, CANDOR_PRESET_NPS) == CANDOR_OK);
  CHECK(options->size == old_size);
  for (i = old_size; i < sizeof buffer; ++i) CHECK(buffer[i] == 0xAB);
  /* The fields it does not know keep their defaults inside the library. */
  CHECK(candor_score(options, scores, NULL, 4, &e) == CANDOR_OK);
  CHECK_NEAR(e.value, 25.0, 1e-9);
  CHECK(candor_score_options_preset(options, 4, CANDOR_PRESET_NPS) == CANDOR_INVALID_ARGUMENT);
}

static void test_presets(void) {
  double csat[5] = {5, 4, 3, 2, 5}; /* top-2-box on 1..5: 3 of 5 */
  double ces[4] = {1, 7, 4, 4};     /* mean on 1..7: 4 */
  candor_score_options options;
  candor_estimate e;
  candor_score_options_csat(&options);
  CHECK(candor_score(&options, csat, NULL, 5, &e) == CANDOR_OK);
  CHECK_NEAR(e.value, 60.0, 1e-9);
  candor_score_options_ces(&options);
  CHECK(candor_score(&options, ces, NULL, 4, &e) == CANDOR_OK);
  CHECK_NEAR(e.value, 4.0, 1e-9);
  /* CSAT scale is 1..5: a 0 is out of range. */
  csat[0] = 0;
  candor_score_options_csat(&options);
  CHECK(candor_score(&options, csat, NULL, 5, &e) == CANDOR_OUT_OF_RANGE);
}

static void test_int8_matches_double(void) {
  int8_t small[1000];
  double wide[1000];
  int i;
  candor_score_options options;
  candor_estimate a, b;
  for (i = 0; i < 1000; ++i) {
    small[i] = (int8_t)((i * 7 + i / 13) % 11);
    wide[i] = small[i];
  }
  candor_score_options_init(&options);
  CHECK(candor_score_i8(&options, small, 1000, &a) == CANDOR_OK);
  CHECK(candor_score(&options, wide, NULL, 1000, &b) == CANDOR_OK);
  CHECK_NEAR(a.value, b.value, 1e-12);
  CHECK_NEAR(a.std_error, b.std_error, 1e-12);
  small[500] = 11;
  CHECK(candor_score_i8(&options, small, 1000, &a) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "500") != NULL);
}

static void test_accumulator(void) {
  double first[4] = {10, 9, 0, 7};
  double second[3] = {6, 10, 10};
  double all[7] = {10, 9, 0, 7, 6, 10, 10};
  candor_accumulator* a = NULL;
  candor_accumulator* b = NULL;
  candor_accumulator* c = NULL;
  candor_score_options options;
  candor_estimate merged, direct;
  uint8_t buffer[1024];
  size_t size = 0;

  candor_score_options_init(&options);
  CHECK(candor_accumulator_new(0, 10, &a) == CANDOR_OK);
  CHECK(candor_accumulator_new(0, 10, &b) == CANDOR_OK);
  CHECK(candor_accumulator_add(a, first, NULL, 4) == CANDOR_OK);
  CHECK(candor_accumulator_add(b, second, NULL, 3) == CANDOR_OK);
  CHECK(candor_accumulator_merge(a, b) == CANDOR_OK);
  CHECK(candor_accumulator_serialize(a, NULL, 0, &size) == CANDOR_OK);
  CHECK(size > 0 && size <= sizeof buffer);
  CHECK(candor_accumulator_serialize(a, buffer, sizeof buffer, &size) == CANDOR_OK);
  CHECK(candor_accumulator_deserialize(buffer, size, &c) == CANDOR_OK);
  CHECK(candor_accumulator_estimate(c, &options, &merged) == CANDOR_OK);
  CHECK(candor_score(&options, all, NULL, 7, &direct) == CANDOR_OK);
  CHECK_NEAR(merged.value, direct.value, 1e-12);
  CHECK_NEAR(merged.std_error, direct.std_error, 1e-12);
  CHECK(merged.n == 7);

  buffer[0] ^= 0xFF; /* garbled magic */
  candor_accumulator_free(c);
  c = NULL;
  CHECK(candor_accumulator_deserialize(buffer, size, &c) == CANDOR_PARSE_ERROR);
  CHECK(c == NULL);
  CHECK(candor_accumulator_deserialize(buffer, 3, &c) == CANDOR_PARSE_ERROR);

  candor_accumulator_free(b);
  CHECK(candor_accumulator_new(1, 5, &b) == CANDOR_OK);
  CHECK(candor_accumulator_merge(a, b) != CANDOR_OK); /* different scales */
  CHECK(candor_accumulator_new(5, 1, &c) == CANDOR_INVALID_ARGUMENT);
  candor_accumulator_free(a);
  candor_accumulator_free(b);
  candor_accumulator_free(NULL);
}

static void test_table_and_breakdown(void) {
  const char csv[] =
      "score,region,comment\n"
      "10,EMEA,\"great, fast\"\n"
      "9,EMEA,ok\n"
      "3,NA,\"slow\nsupport\"\n"
      "7,NA,fine\n"
      "10,NA,\n";
  const char* segments[1] = {"region"};
  candor_csv_options csv_options;
  candor_table* table = NULL;
  candor_score_options options;
  candor_breakdown* breakdown = NULL;
  candor_breakdown_row row;
  const int32_t* codes = NULL;
  const char* label = NULL;
  const char* text = NULL;
  size_t levels = 0, length = 0;

  candor_csv_options_init(&csv_options);
  csv_options.segment_columns = segments;
  csv_options.n_segment_columns = 1;
  csv_options.comment_column = "comment";
  CHECK(candor_table_parse_csv(csv, strlen(csv), &csv_options, &table) == CANDOR_OK);
  CHECK(candor_table_rows(table) == 5);
  CHECK(candor_table_codes(table, "region", &codes, &levels) == CANDOR_OK);
  CHECK(levels == 2);
  CHECK(candor_table_label(table, "region", 1, &label) == CANDOR_OK);
  CHECK(label != NULL && strcmp(label, "NA") == 0);
  CHECK(candor_table_comment(table, 2, &text, &length) == CANDOR_OK);
  CHECK(length == 12 && memcmp(text, "slow\nsupport", 12) == 0);
  CHECK(candor_table_codes(table, "nope", &codes, &levels) == CANDOR_NOT_FOUND);

  candor_score_options_init(&options);
  CHECK(candor_table_codes(table, "region", &codes, &levels) == CANDOR_OK);
  CHECK(candor_breakdown_new(&options, candor_table_scores(table), NULL, candor_table_rows(table),
                             &codes, 1, &breakdown) == CANDOR_OK);
  CHECK(candor_breakdown_rows(breakdown) == 2);
  CHECK(candor_breakdown_row_at(breakdown, 0, &row) == CANDOR_OK);
  CHECK(row.codes[0] == 0);
  CHECK_NEAR(row.estimate.value, 100.0, 1e-9); /* EMEA: two promoters */
  CHECK_NEAR(row.vs_rest.difference, 100.0 - 0.0, 1e-9); /* NA: 1 pro, 1 det, 1 pas */
  CHECK(candor_breakdown_row_at(breakdown, 2, &row) == CANDOR_OUT_OF_RANGE);
  candor_breakdown_free(breakdown);
  candor_table_free(table);

  /* Errors name the line. */
  table = NULL;
  CHECK(candor_table_parse_csv("score\n5\nabc\n", 12, NULL, &table) == CANDOR_PARSE_ERROR);
  CHECK(strstr(candor_last_error(), "3") != NULL);
  CHECK(table == NULL);
  CHECK(candor_table_parse_csv("score\n\xff\n", 8, NULL, &table) == CANDOR_INVALID_UTF8);
  csv_options.segment_columns = NULL;
  csv_options.n_segment_columns = 0;
  csv_options.score_column = "rating";
  CHECK(candor_table_parse_csv(csv, strlen(csv), &csv_options, &table) == CANDOR_NOT_FOUND);
  CHECK(strstr(candor_last_error(), "rating") != NULL);
  CHECK(candor_table_read_csv("/nonexistent/survey.csv", NULL, &table) == CANDOR_NOT_FOUND);
  candor_table_free(NULL);
}

static void test_planning_and_p_values(void) {
  double moe = 0;
  int64_t n = 0;
  double p[4] = {0.01, 0.04, 0.03, 0.5};
  double adjusted[4];
  /* 100 * 1.959964 * sqrt(((0.5 + 0.2) - 0.3^2) / 400) */
  CHECK(candor_margin_of_error(0.5, 0.2, 400, 0.95, &moe) == CANDOR_OK);
  CHECK_NEAR(moe, 100.0 * 1.959963984540054 * sqrt((0.7 - 0.09) / 400.0), 1e-9);
  CHECK(candor_required_n(0.5, 0.2, moe, 0.95, &n) == CANDOR_OK);
  CHECK(n == 400);
  CHECK(candor_margin_of_error(0.7, 0.5, 400, 0.95, &moe) == CANDOR_INVALID_ARGUMENT);
  /* Holm by hand: sorted 0.01, 0.03, 0.04, 0.5 times 4, 3, 2, 1, running max. */
  CHECK(candor_adjust_p_values(CANDOR_P_ADJUST_HOLM, p, 4, adjusted) == CANDOR_OK);
  CHECK_NEAR(adjusted[0], 0.04, 1e-12);
  CHECK_NEAR(adjusted[2], 0.09, 1e-12);
  CHECK_NEAR(adjusted[1], 0.09, 1e-12);
  CHECK_NEAR(adjusted[3], 0.5, 1e-12);
  p[0] = 2.0;
  CHECK(candor_adjust_p_values(CANDOR_P_ADJUST_BH, p, 4, adjusted) == CANDOR_OUT_OF_RANGE);
  p[0] = 0.01;
  CHECK(candor_adjust_p_values((candor_p_adjust)7, p, 4, adjusted) == CANDOR_INVALID_ARGUMENT);
}

/* Cluster-robust NPS under a design, against the closed form computed here:
 * e_i = (s_i - m) / n, z_c = sum of e over cluster c, v = C/(C-1) sum z_c^2. */
static void test_design_clusters(void) {
  double scores[8] = {10, 9, 3, 7, 10, 0, 8, 9};
  int32_t accounts[8] = {0, 0, 0, 1, 1, 2, 2, 2};
  double values[8], z[3] = {0, 0, 0}, m = 0, v = 0;
  candor_score_options options;
  candor_design design;
  candor_estimate e;
  int i;
  for (i = 0; i < 8; ++i) {
    values[i] = scores[i] >= 9 ? 100 : (scores[i] <= 6 ? -100 : 0);
    m += values[i] / 8;
  }
  for (i = 0; i < 8; ++i) z[accounts[i]] += (values[i] - m) / 8;
  for (i = 0; i < 3; ++i) v += 1.5 * z[i] * z[i];
  candor_score_options_init(&options);
  candor_design_init(&design);
  design.clusters = accounts;
  CHECK(candor_score_design(&options, scores, 8, &design, &e) == CANDOR_OK);
  CHECK_NEAR(e.value, m, 1e-9);
  CHECK_NEAR(e.std_error, sqrt(v), 1e-9);
  options.interval = CANDOR_INTERVAL_BOOTSTRAP;
  CHECK(candor_score_design(&options, scores, 8, &design, &e) == CANDOR_UNSUPPORTED);
  accounts[3] = -1;
  options.interval = CANDOR_INTERVAL_WALD;
  CHECK(candor_score_design(&options, scores, 8, &design, &e) == CANDOR_INVALID_ARGUMENT);
}

/* The cluster-robust NPS of three accounts (the closed form above), from two
 * account accumulators that share account "b", one read back from bytes. */
static void test_account_accumulator(void) {
  const double scores[8] = {10, 9, 3, 8, 10, 0, 6, 9};
  const char* first_labels[2] = {"a", "b"};
  const size_t first_sizes[2] = {1, 1};
  const int32_t first_codes[4] = {0, 0, 0, 1};
  const char* second_labels[3] = {"c", "b", "unused"};
  const size_t second_sizes[3] = {1, 1, 6};
  const int32_t second_codes[4] = {1, 0, 0, 0};
  const int32_t bad_codes[1] = {3};
  double values[8], z[3] = {0, 0, 0}, m = 0, v = 0;
  const int account_of[8] = {0, 0, 0, 1, 1, 2, 2, 2};
  candor_account_accumulator *a = NULL, *b = NULL, *c = NULL;
  candor_score_options options;
  candor_estimate e;
  uint8_t buffer[1024];
  size_t size = 0;
  int i;
  for (i = 0; i < 8; ++i) {
    values[i] = scores[i] >= 9 ? 100 : (scores[i] <= 6 ? -100 : 0);
    m += values[i] / 8;
  }
  for (i = 0; i < 8; ++i) z[account_of[i]] += (values[i] - m) / 8;
  for (i = 0; i < 3; ++i) v += 1.5 * z[i] * z[i];
  candor_score_options_init(&options);
  options.interval = CANDOR_INTERVAL_WALD;
  CHECK(candor_account_accumulator_new(0, 10, &a) == CANDOR_OK);
  CHECK(candor_account_accumulator_new(0, 10, &b) == CANDOR_OK);
  CHECK(candor_account_accumulator_add(a, scores, NULL, first_codes, 4, first_labels,
                                       first_sizes, 2) == CANDOR_OK);
  CHECK(candor_account_accumulator_add(b, scores + 4, NULL, second_codes, 4, second_labels,
                                       second_sizes, 3) == CANDOR_OK);
  CHECK(candor_account_accumulator_add(b, scores, NULL, bad_codes, 1, second_labels,
                                       second_sizes, 3) == CANDOR_OUT_OF_RANGE);
  CHECK(candor_account_accumulator_serialize(b, buffer, sizeof buffer, &size) == CANDOR_OK);
  CHECK(candor_account_accumulator_deserialize(buffer, size, &c) == CANDOR_OK);
  CHECK(candor_account_accumulator_merge(a, c) == CANDOR_OK);
  CHECK(candor_account_accumulator_count(a) == 8);
  CHECK(candor_account_accumulator_accounts(a) == 3);
  CHECK(candor_account_accumulator_estimate(a, &options, &e) == CANDOR_OK);
  CHECK_NEAR(e.value, m, 1e-9);
  CHECK_NEAR(e.std_error, sqrt(v), 1e-9);
  options.interval = CANDOR_INTERVAL_BOOTSTRAP;
  CHECK(candor_account_accumulator_estimate(a, &options, &e) == CANDOR_UNSUPPORTED);
  buffer[size - 1] ^= 1;
  candor_account_accumulator_free(c);
  c = NULL;
  CHECK(candor_account_accumulator_deserialize(buffer, size, &c) == CANDOR_PARSE_ERROR);
  CHECK(c == NULL);
  candor_account_accumulator_free(a);
  candor_account_accumulator_free(b);
  candor_account_accumulator_free(NULL);
}

/* A breakdown from per-cell accumulators equals the breakdown of the rows. */
static void test_breakdown_accumulated(void) {
  const double scores[6] = {10, 9, 3, 8, 0, 9};
  const int32_t region[6] = {4, 4, 7, 7, 7, 4};
  const int32_t* columns[1] = {region};
  const double region_4[3] = {10, 9, 9};
  const double region_7[3] = {3, 8, 0};
  const int32_t cell_codes[2] = {7, 4}; /* cells in any order */
  const int32_t repeated[2] = {4, 4};
  candor_accumulator* cells[2] = {NULL, NULL};
  candor_breakdown *direct = NULL, *accumulated = NULL;
  candor_breakdown_row a, b;
  candor_score_options options;
  size_t i;
  candor_score_options_init(&options);
  CHECK(candor_accumulator_new(0, 10, &cells[0]) == CANDOR_OK);
  CHECK(candor_accumulator_new(0, 10, &cells[1]) == CANDOR_OK);
  CHECK(candor_accumulator_add(cells[0], region_7, NULL, 3) == CANDOR_OK);
  CHECK(candor_accumulator_add(cells[1], region_4, NULL, 3) == CANDOR_OK);
  CHECK(candor_breakdown_new(&options, scores, NULL, 6, columns, 1, &direct) == CANDOR_OK);
  CHECK(candor_breakdown_accumulated(&options, (const candor_accumulator* const*)cells, 2,
                                     cell_codes, 1, &accumulated) == CANDOR_OK);
  CHECK(candor_breakdown_rows(accumulated) == 2);
  for (i = 0; i < 2 && candor_breakdown_rows(accumulated) == 2; ++i) {
    CHECK(candor_breakdown_row_at(direct, i, &a) == CANDOR_OK);
    CHECK(candor_breakdown_row_at(accumulated, i, &b) == CANDOR_OK);
    CHECK(a.codes[0] == b.codes[0]);
    CHECK_NEAR(a.estimate.value, b.estimate.value, 1e-12);
    CHECK_NEAR(a.estimate.ci_low, b.estimate.ci_low, 1e-12);
    CHECK_NEAR(a.vs_rest.difference, b.vs_rest.difference, 1e-12);
    CHECK_NEAR(a.p_adjusted, b.p_adjusted, 1e-12);
  }
  candor_breakdown_free(accumulated);
  accumulated = (candor_breakdown*)&options; /* must be cleared */
  CHECK(candor_breakdown_accumulated(&options, (const candor_accumulator* const*)cells, 2,
                                     repeated, 1, &accumulated) == CANDOR_INVALID_ARGUMENT);
  CHECK(accumulated == NULL);
  candor_breakdown_free(direct);
  candor_accumulator_free(cells[0]);
  candor_accumulator_free(cells[1]);
}

/* Post-stratification to one margin: w = N_cell / n_cell (closed form). */
static void test_calibration_weights(void) {
  int32_t region[6] = {0, 0, 0, 1, 1, 2};
  double population[3] = {300, 500, 200};
  double empty_population[4] = {300, 500, 200, 50};
  candor_margin margin = {"region", region, population, 3};
  candor_weights* w = NULL;
  const double* values;
  size_t n = 0;
  candor_weight_summary summary;
  candor_design design;
  candor_score_options options;
  candor_estimate e;
  double scores[6] = {10, 0, 9, 7, 10, 3};

  CHECK(candor_poststratify(NULL, 6, &margin, &w) == CANDOR_OK);
  values = candor_weights_values(w, &n);
  CHECK(n == 6);
  CHECK_NEAR(values[0], 100.0, 1e-9);
  CHECK_NEAR(values[3], 250.0, 1e-9);
  CHECK_NEAR(values[5], 200.0, 1e-9);
  CHECK(candor_weights_summary(w, &summary) == CANDOR_OK);
  CHECK_NEAR(summary.sum, 1000.0, 1e-9);
  /* A design with the calibration: its weights are used. */
  candor_score_options_init(&options);
  candor_design_init(&design);
  design.calibration = w;
  CHECK(candor_score_design(&options, scores, 6, &design, &e) == CANDOR_OK);
  /* (100*(100) + 100*(-100) + 100*(100) + 250*0 + 250*100 + 200*(-100)) / 1000 */
  CHECK_NEAR(e.value, 15.0, 1e-9);
  design.weights = values;
  CHECK(candor_score_design(&options, scores, 6, &design, &e) == CANDOR_INVALID_ARGUMENT);
  candor_weights_free(w);

  /* A level with population but no respondents is an error. */
  margin.population = empty_population;
  margin.levels = 4;
  w = NULL;
  CHECK(candor_poststratify(NULL, 6, &margin, &w) == CANDOR_EMPTY);
  CHECK(w == NULL);
  CHECK(candor_rake(NULL, 6, &margin, 1, 0, 0, &w) == CANDOR_EMPTY);
  candor_weights_free(NULL);
}

static void test_plain_weights(void) {
  int64_t times[3] = {1000000, 1000000 - 86400 * 30, 1000000 - 86400 * 60};
  int32_t accounts[5] = {0, 0, 1, 1, 1};
  double raw[5] = {1, 1, 1, 1, 100};
  double out[5];
  const double* parts[2];
  uint8_t responded[6] = {1, 0, 1, 1, 0, 0};
  int32_t segment[6] = {0, 0, 0, 1, 1, 1};
  candor_response_rate rates[2];
  double z = 1.959963984540054, p = 2.0 / 3.0, center, half;

  CHECK(candor_recency_weights(times, 3, 30.0, 1000000, out) == CANDOR_OK);
  CHECK_NEAR(out[0], 1.0, 1e-12);
  CHECK_NEAR(out[1], 0.5, 1e-12);
  CHECK_NEAR(out[2], 0.25, 1e-12);
  CHECK(candor_recency_weights(times, 3, 30.0, 0, out) == CANDOR_OUT_OF_RANGE);

  CHECK(candor_account_weights(accounts, 5, CANDOR_ACCOUNT_EQUAL, NULL, NULL, NULL, 0, out) ==
        CANDOR_OK);
  CHECK_NEAR(out[0] + out[1], 1.0, 1e-12);
  CHECK_NEAR(out[2] + out[3] + out[4], 1.0, 1e-12);
  CHECK(candor_account_weights(accounts, 5, CANDOR_ACCOUNT_BY_VALUE, NULL, NULL, NULL, 0, out) !=
        CANDOR_OK); /* needs account values */

  CHECK(candor_trim_weights(raw, 5, 2.0, 0, 0, out) == CANDOR_OK);
  CHECK_NEAR(out[0] + out[1] + out[2] + out[3] + out[4], 104.0, 1e-9);
  CHECK(out[4] < 100.0);

  parts[0] = raw;
  parts[1] = NULL;
  CHECK(candor_combine_weights(parts, 2, 5, out) == CANDOR_OK);
  CHECK_NEAR(out[0] + out[1] + out[2] + out[3] + out[4], 5.0, 1e-9);

  /* Wilson interval for 2 of 3, closed form. */
  CHECK(candor_response_rates(responded, segment, 6, 2, 0.95, rates) == CANDOR_OK);
  CHECK(rates[0].invited == 3 && rates[0].responded == 2);
  center = (p + z * z / 6) / (1 + z * z / 3);
  half = z / (1 + z * z / 3) * sqrt(p * (1 - p) / 3 + z * z / 36);
  CHECK_NEAR(rates[0].ci_low, center - half, 1e-9);
  CHECK_NEAR(rates[0].ci_high, center + half, 1e-9);
  CHECK_NEAR(rates[1].rate, 1.0 / 3.0, 1e-12);
  segment[2] = 5;
  CHECK(candor_response_rates(responded, segment, 6, 2, 0.95, rates) == CANDOR_OUT_OF_RANGE);
}

int main(void) {
  test_version();
  test_wald_matches_r_nps();
  test_adjusted_wald_matches_r_nps();
  test_compare_matches_r_nps();
  test_bad_input();
  test_older_caller_struct();
  test_presets();
  test_int8_matches_double();
  test_accumulator();
  test_account_accumulator();
  test_breakdown_accumulated();
  test_table_and_breakdown();
  test_planning_and_p_values();
  test_design_clusters();
  test_calibration_weights();
  test_plain_weights();
  return report();
}
