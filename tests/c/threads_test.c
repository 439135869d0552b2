/* The C ABI from 8 threads at once (pthreads), compiled as C. Shared handles
 * that include/candor.h calls safe to read from many threads (a text model
 * analyzing, a table, a breakdown, an accumulator read and merged from,
 * calibration weights used in design estimates, bucket trends, change
 * points, account trends, discovered themes, drivers) are read by every
 * thread, which also runs calls that start threads of their own (theme
 * discovery, bootstrap, breakdowns) on non-ASCII text and shared inputs, and
 * checks candor_last_error, status names and option defaults per thread.
 * Every result must equal the one computed on the main thread before the
 * threads start. scripts/tsan.sh runs this program under ThreadSanitizer,
 * which also fails it on any data race the library makes. */
#include <candor.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define N_THREADS 8
#define ROUNDS 2
#define N 960         /* responses */
#define N_COMMENTS 48 /* comments (the first N_COMMENTS responses) */
#define N_REGIONS 3
#define N_ACCOUNTS 12
#define N_THEMES 2

/* ------------------------------------------------------------ the inputs */

static double scores[N];
static int64_t times[N];
static int32_t regions[N];
static int32_t accounts[N];
static int32_t periods[N];
static int64_t mention_offsets[N + 1];
static int32_t mention_ids[2 * N];
static const char* comments[N_COMMENTS];
static size_t comment_sizes[N_COMMENTS];
static char comment_storage[N_COMMENTS][400];
static const double population[N_REGIONS] = {5000, 3000, 2000};
static const char* const theme_names[N_THEMES] = {"Support", "Price"};

/* Non-ASCII comments of several sentences in three planted themes: the
 * tokenizer's ICU path, language detection and the stemmers all run. */
static void make_comment(int i, char* out, size_t size) {
  static const char* const words[3][6] = {
      {"café", "crème", "arôme", "torréfaction", "expresso", "tasse"},
      {"livraison", "colis", "retard", "transporteur", "suivi", "facteur"},
      {"clientèle", "réponse", "employé", "réclamation", "téléphone", "conseiller"}};
  static const char* const extra[4] = {
      " Die Lieferung kam zu spät, schade.", " 配送がとても遅かった。商品は良いです。",
      " Great coffee, but the delivery was terrible.", " I’ll cancel my subscription 😡."};
  const int t = i % 3, j = i / 3;
  snprintf(out, size, "Le %s et le %s étaient très décevants. J’ai aimé %s 😊 — vraiment.%s",
           words[t][j % 6], words[t][(j + 2) % 6], words[t][(j + 4) % 6],
           i % 5 == 0 ? "" : extra[i % 4]);
}

static void make_inputs(void) {
  uint64_t state = 12345;
  int i;
  int64_t k = 0;
  for (i = 0; i < N; ++i) {
    int score;
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    score = (int)((state >> 33) % 11);
    /* The second half has no promoters: a change for the change points. */
    if (i >= N / 2 && score >= 7) score -= 4;
    scores[i] = score;
    times[i] = 1767225600 + (int64_t)i * 6 * 3600; /* from 2026-01-01, every 6 hours */
    regions[i] = i % N_REGIONS;
    accounts[i] = (i / 7) % N_ACCOUNTS;
    periods[i] = i < N / 2 ? 0 : 1;
    mention_offsets[i] = k;
    if (score <= 6 && i % 2 == 0) mention_ids[k++] = 0;
    if (i % 5 == 0) mention_ids[k++] = 1;
  }
  mention_offsets[N] = k;
  for (i = 0; i < N_COMMENTS; ++i) {
    make_comment(i, comment_storage[i], sizeof comment_storage[i]);
    comments[i] = comment_storage[i];
    comment_sizes[i] = strlen(comment_storage[i]);
  }
}

/* A CSV of the first N_COMMENTS responses with their comments (malloc'ed). */
static char* make_csv(size_t* size) {
  const size_t capacity = 64 + N_COMMENTS * 480;
  char* csv = malloc(capacity);
  size_t used = 0;
  int i;
  if (csv == NULL) return NULL;
  used += (size_t)snprintf(csv + used, capacity - used, "score,region,when,comment\n");
  for (i = 0; i < N_COMMENTS; ++i) {
    used += (size_t)snprintf(csv + used, capacity - used, "%d,r%d,%lld,\"%s\"\n", (int)scores[i],
                             regions[i], (long long)times[i], comments[i]);
  }
  *size = used;
  return csv;
}

/* ----------------------------------------------- shared handles, baselines */

static candor_score_options nps_options;  /* NPS, Wald, 2 threads */
static candor_score_options boot_options; /* NPS, bootstrap, 2 threads */
static candor_themes_options themes_options;
static candor_text_model* model;
static candor_table* table;
static candor_breakdown* breakdown;
static candor_accumulator* accumulator;
static candor_weights* weights;
static candor_buckets* buckets;
static candor_change_points* changes;
static candor_account_trends* trends;
static candor_themes* themes;
static candor_drivers* drivers;

/* What the main thread saw before the threads started. */
static candor_text_results* text_baseline;
static candor_estimate boot_baseline;
static candor_estimate acc_baseline;
static uint8_t acc_bytes[4096];
static size_t acc_size;
static candor_estimate design_baseline;
static candor_weight_summary weight_summary_baseline;
static char error_baseline[N_THREADS][256];
static const char* status_names[CANDOR_CANCELLED + 1];
static const char* version;
static candor_breakdown_row breakdown_rows[N_REGIONS];
static candor_score_options csat_baseline;

static pthread_barrier_t barrier;

/* ----------------------------------------------------------- comparisons */

static int same_double(double a, double b) { return a == b || (isnan(a) && isnan(b)); }

static int same_estimate(const candor_estimate* a, const candor_estimate* b) {
  return same_double(a->value, b->value) && same_double(a->std_error, b->std_error) &&
         same_double(a->ci_low, b->ci_low) && same_double(a->ci_high, b->ci_high) &&
         same_double(a->level, b->level) && a->n == b->n &&
         same_double(a->effective_n, b->effective_n);
}

static int same_comparison(const candor_comparison* a, const candor_comparison* b) {
  return same_double(a->difference, b->difference) && same_double(a->std_error, b->std_error) &&
         same_double(a->ci_low, b->ci_low) && same_double(a->ci_high, b->ci_high) &&
         same_double(a->p_value, b->p_value) && same_estimate(&a->a, &b->a) &&
         same_estimate(&a->b, &b->b);
}

static int same_doubles(const double* a, const double* b, size_t n) {
  size_t i;
  for (i = 0; i < n; ++i) {
    if (!same_double(a[i], b[i])) return 0;
  }
  return 1;
}

static int same_score_options(const candor_score_options* a, const candor_score_options* b) {
  return a->size == b->size && a->metric == b->metric && a->scale_min == b->scale_min &&
         a->scale_max == b->scale_max && a->promoter_min == b->promoter_min &&
         a->detractor_max == b->detractor_max && a->box_size == b->box_size &&
         a->interval == b->interval && a->level == b->level && a->prior == b->prior &&
         a->replicates == b->replicates && a->seed == b->seed && a->threads == b->threads &&
         a->p_adjust == b->p_adjust;
}

static int same_breakdown(const candor_breakdown* a, const candor_breakdown* b) {
  size_t i;
  candor_breakdown_row ra, rb;
  if (candor_breakdown_rows(a) != candor_breakdown_rows(b)) return 0;
  for (i = 0; i < candor_breakdown_rows(a); ++i) {
    if (candor_breakdown_row_at(a, i, &ra) != CANDOR_OK) return 0;
    if (candor_breakdown_row_at(b, i, &rb) != CANDOR_OK) return 0;
    if (ra.codes[0] != rb.codes[0] || !same_estimate(&ra.estimate, &rb.estimate) ||
        !same_comparison(&ra.vs_rest, &rb.vs_rest) || !same_double(ra.p_adjusted, rb.p_adjusted)) {
      return 0;
    }
  }
  return 1;
}

static int same_text_results(const candor_text_results* a, const candor_text_results* b) {
  const size_t n = candor_text_results_count(a);
  const int64_t *comment_a, *comment_b;
  const uint32_t *begin_a, *begin_b, *end_a, *end_b;
  const double *sentiment_a, *sentiment_b;
  const int32_t *theme_a, *theme_b;
  const int64_t *sentence_a, *sentence_b;
  size_t i, sentences, mentions;
  int e;
  if (candor_text_results_count(b) != n) return 0;
  if (!same_doubles(candor_text_results_sentiment(a), candor_text_results_sentiment(b), n)) {
    return 0;
  }
  for (e = 0; e < CANDOR_EMOTION_COUNT; ++e) {
    if (!same_doubles(candor_text_results_emotion(a, (candor_emotion)e),
                      candor_text_results_emotion(b, (candor_emotion)e), n)) {
      return 0;
    }
  }
  for (i = 0; i < n; ++i) {
    if (candor_text_results_urgency(a)[i] != candor_text_results_urgency(b)[i]) return 0;
    if (candor_text_results_urgency_mask(a)[i] != candor_text_results_urgency_mask(b)[i]) return 0;
    if (strcmp(candor_text_results_language(a, i), candor_text_results_language(b, i)) != 0) {
      return 0;
    }
    if (strcmp(candor_text_results_urgency_reason(a, i, NULL, NULL),
               candor_text_results_urgency_reason(b, i, NULL, NULL)) != 0) {
      return 0;
    }
  }
  sentences = candor_text_results_sentences(a, &comment_a, &begin_a, &end_a, &sentiment_a);
  if (candor_text_results_sentences(b, &comment_b, &begin_b, &end_b, &sentiment_b) != sentences) {
    return 0;
  }
  for (i = 0; i < sentences; ++i) {
    if (comment_a[i] != comment_b[i] || begin_a[i] != begin_b[i] || end_a[i] != end_b[i] ||
        !same_double(sentiment_a[i], sentiment_b[i])) {
      return 0;
    }
  }
  mentions = candor_text_results_mentions(a, &comment_a, &sentence_a, &theme_a, &sentiment_a);
  if (candor_text_results_mentions(b, &comment_b, &sentence_b, &theme_b, &sentiment_b) !=
      mentions) {
    return 0;
  }
  for (i = 0; i < mentions; ++i) {
    if (comment_a[i] != comment_b[i] || sentence_a[i] != sentence_b[i] ||
        theme_a[i] != theme_b[i] || !same_double(sentiment_a[i], sentiment_b[i])) {
      return 0;
    }
  }
  return 1;
}

static int same_themes(const candor_themes* a, const candor_themes* b) {
  candor_themes_summary sa, sb;
  candor_theme_info ia, ib;
  size_t t;
  if (candor_themes_summary_get(a, &sa) != CANDOR_OK) return 0;
  if (candor_themes_summary_get(b, &sb) != CANDOR_OK) return 0;
  if (sa.k != sb.k || sa.documents != sb.documents || sa.terms != sb.terms ||
      !same_double(sa.mean_coherence, sb.mean_coherence) || sa.iterations != sb.iterations ||
      !same_double(sa.loss, sb.loss)) {
    return 0;
  }
  if (!same_doubles(candor_themes_weights(a), candor_themes_weights(b),
                    (size_t)(sa.documents * sa.k))) {
    return 0;
  }
  for (t = 0; t < (size_t)sa.k; ++t) {
    if (candor_themes_theme_at(a, t, &ia) != CANDOR_OK) return 0;
    if (candor_themes_theme_at(b, t, &ib) != CANDOR_OK) return 0;
    if (strcmp(ia.label, ib.label) != 0 || ia.documents != ib.documents ||
        !same_double(ia.coherence, ib.coherence)) {
      return 0;
    }
    if (strcmp(candor_themes_top_term(a, t, 0, NULL), candor_themes_top_term(b, t, 0, NULL)) != 0) {
      return 0;
    }
  }
  for (t = 0; t < (size_t)sa.terms; ++t) {
    if (strcmp(candor_themes_term(a, t), candor_themes_term(b, t)) != 0) return 0;
  }
  return 1;
}

/* ------------------------------------------------------------- a thread */

typedef struct worker {
  int id;
  int failed;
  int passed;
} worker;

#define EXPECT(w, cond)                                                                     \
  do {                                                                                      \
    if (cond) {                                                                             \
      ++(w)->passed;                                                                        \
    } else {                                                                                \
      ++(w)->failed;                                                                        \
      fprintf(stderr, "thread %d: %s:%d: failed: %s (last error: %s)\n", (w)->id, __FILE__, \
              __LINE__, #cond, candor_last_error());                                        \
    }                                                                                       \
  } while (0)

/* The message of a failure on this thread stays this thread's: all threads
 * fail at once, each naming a different index, then each reads its own. */
static void check_last_error(worker* w) {
  double bad[64];
  candor_estimate e;
  memcpy(bad, scores, sizeof bad);
  bad[10 + w->id] = 42; /* outside 0..10 */
  pthread_barrier_wait(&barrier);
  EXPECT(w, candor_score(&nps_options, bad, NULL, 64, &e) == CANDOR_OUT_OF_RANGE);
  pthread_barrier_wait(&barrier);
  EXPECT(w, strcmp(candor_last_error(), error_baseline[w->id]) == 0);
  /* A call that succeeds leaves it alone. */
  EXPECT(w, candor_score(&nps_options, scores, NULL, 64, &e) == CANDOR_OK);
  EXPECT(w, strcmp(candor_last_error(), error_baseline[w->id]) == 0);
}

static void check_constants(worker* w) {
  candor_score_options o;
  candor_themes_options t;
  candor_text_options x;
  int s;
  for (s = CANDOR_OK; s <= CANDOR_CANCELLED; ++s) {
    EXPECT(w, candor_status_name((candor_status)s) == status_names[s]);
  }
  EXPECT(w, candor_version() == version);
  candor_score_options_csat(&o);
  EXPECT(w, same_score_options(&o, &csat_baseline));
  candor_themes_options_init(&t);
  EXPECT(w, t.size == sizeof t && t.k_min == 4 && t.k_max == 15 && t.max_iter == 200);
  EXPECT(w, candor_text_options_init(&x) == CANDOR_OK);
  EXPECT(w, x.size == sizeof x && x.threads == 0 && x.invalid_utf8 == CANDOR_UTF8_ERROR);
}

static void check_text_model(worker* w) {
  candor_text_results* results = NULL;
  EXPECT(w, candor_text_analyze(model, comments, comment_sizes, N_COMMENTS, &results) == CANDOR_OK);
  if (results != NULL) EXPECT(w, same_text_results(results, text_baseline));
  candor_text_results_free(results);
  EXPECT(w, candor_text_model_theme_count(model) == 3);
  EXPECT(w, candor_text_model_lexicon_size(model) > 1000);
}

static void check_table(worker* w) {
  const int32_t* codes = NULL;
  size_t levels = 0, length = 0, i;
  const char* label = NULL;
  const char* text = NULL;
  EXPECT(w, candor_table_rows(table) == N_COMMENTS);
  EXPECT(w, same_doubles(candor_table_scores(table), scores, N_COMMENTS));
  EXPECT(w, candor_table_times(table) != NULL && candor_table_times(table)[5] == times[5]);
  EXPECT(w, candor_table_codes(table, "region", &codes, &levels) == CANDOR_OK);
  EXPECT(w, levels == N_REGIONS && codes != NULL && codes[4] == 1);
  EXPECT(w, candor_table_label(table, "region", 2, &label) == CANDOR_OK);
  EXPECT(w, label != NULL && strcmp(label, "r2") == 0);
  for (i = 0; i < N_COMMENTS; i += 7) {
    EXPECT(w, candor_table_comment(table, i, &text, &length) == CANDOR_OK);
    EXPECT(w, length == comment_sizes[i] && memcmp(text, comments[i], length) == 0);
  }
}

static void check_scores(worker* w) {
  const int32_t* segments[1] = {regions};
  candor_breakdown* mine = NULL;
  candor_accumulator* own = NULL;
  candor_estimate e;
  uint8_t bytes[4096];
  size_t size = 0;
  int32_t lo = 0, hi = 0;
  candor_design design;
  candor_weight_summary summary;
  candor_breakdown_row row;
  size_t n = 0, i;

  /* Shared breakdown, read; and a new one on 2 threads of its own. */
  EXPECT(w, candor_breakdown_rows(breakdown) == N_REGIONS);
  for (i = 0; i < N_REGIONS; ++i) {
    EXPECT(w, candor_breakdown_row_at(breakdown, i, &row) == CANDOR_OK);
    EXPECT(w, row.codes == breakdown_rows[i].codes &&
                  same_estimate(&row.estimate, &breakdown_rows[i].estimate) &&
                  same_comparison(&row.vs_rest, &breakdown_rows[i].vs_rest) &&
                  same_double(row.p_adjusted, breakdown_rows[i].p_adjusted));
  }
  EXPECT(w, candor_breakdown_new(&nps_options, scores, NULL, N, segments, 1, &mine) == CANDOR_OK);
  if (mine != NULL) EXPECT(w, same_breakdown(mine, breakdown));
  candor_breakdown_free(mine);

  /* Bootstrap on 2 threads. */
  EXPECT(w, candor_score(&boot_options, scores, NULL, N, &e) == CANDOR_OK);
  EXPECT(w, same_estimate(&e, &boot_baseline));

  /* Shared accumulator: read, serialized, merged into this thread's own. */
  EXPECT(w, candor_accumulator_count(accumulator) == N);
  EXPECT(w, candor_accumulator_scale(accumulator, &lo, &hi) == CANDOR_OK && lo == 0 && hi == 10);
  EXPECT(w, candor_accumulator_estimate(accumulator, &nps_options, &e) == CANDOR_OK);
  EXPECT(w, same_estimate(&e, &acc_baseline));
  EXPECT(w, candor_accumulator_serialize(accumulator, bytes, sizeof bytes, &size) == CANDOR_OK);
  EXPECT(w, size == acc_size && memcmp(bytes, acc_bytes, size) == 0);
  EXPECT(w, candor_accumulator_new(0, 10, &own) == CANDOR_OK);
  EXPECT(w, candor_accumulator_merge(own, accumulator) == CANDOR_OK);
  EXPECT(w, candor_accumulator_estimate(own, &nps_options, &e) == CANDOR_OK);
  EXPECT(w, same_estimate(&e, &acc_baseline));
  candor_accumulator_free(own);

  /* Shared calibration weights, read and used in a design estimate. */
  EXPECT(w, candor_weights_values(weights, &n) != NULL && n == N);
  EXPECT(w, candor_weights_summary(weights, &summary) == CANDOR_OK);
  EXPECT(w, same_double(summary.sum, weight_summary_baseline.sum) &&
                same_double(summary.effective_n, weight_summary_baseline.effective_n));
  candor_design_init(&design);
  design.calibration = weights;
  EXPECT(w, candor_score_design(&nps_options, scores, N, &design, &e) == CANDOR_OK);
  EXPECT(w, same_estimate(&e, &design_baseline));
}

/* The main thread's reads of the result handles, compared field by field. */
typedef struct trend_snapshot {
  size_t bucket_rows;
  char bucket_label[3][32];
  double bucket_value[64];
  size_t change_count;
  candor_change_point first_change;
  candor_change_point_summary change_summary;
  size_t account_rows;
  candor_account_trend_row account_row[N_ACCOUNTS];
  int64_t split_time;
  candor_driver_row driver_row[N_THEMES];
  candor_trending_row trending_row[N_THEMES];
  candor_estimate drivers_overall;
  int64_t detractors;
  candor_key_driver_model driver_model;
} trend_snapshot;

static trend_snapshot snapshot;

static void take_snapshot(trend_snapshot* s) {
  const double* value = NULL;
  size_t i;
  s->bucket_rows = candor_buckets_rows(buckets);
  for (i = 0; i < 3; ++i) snprintf(s->bucket_label[i], 32, "%s", candor_buckets_label(buckets, i));
  CHECK(candor_buckets_column_f64(buckets, CANDOR_BUCKETS_VALUE, &value) == CANDOR_OK);
  CHECK(s->bucket_rows <= 64);
  memcpy(s->bucket_value, value, s->bucket_rows * sizeof(double));
  s->change_count = candor_change_points_count(changes);
  CHECK(s->change_count >= 1);
  CHECK(candor_change_points_at(changes, 0, &s->first_change) == CANDOR_OK);
  CHECK(candor_change_points_summary(changes, &s->change_summary) == CANDOR_OK);
  s->account_rows = candor_account_trends_rows(trends);
  CHECK(s->account_rows == N_ACCOUNTS);
  for (i = 0; i < s->account_rows; ++i) {
    CHECK(candor_account_trends_row_at(trends, i, &s->account_row[i]) == CANDOR_OK);
  }
  s->split_time = candor_account_trends_split_time(trends);
  CHECK(candor_drivers_rows(drivers) == N_THEMES);
  CHECK(candor_drivers_trending_rows(drivers) == N_THEMES);
  for (i = 0; i < N_THEMES; ++i) {
    CHECK(candor_drivers_row_at(drivers, i, &s->driver_row[i]) == CANDOR_OK);
    CHECK(candor_drivers_trending_at(drivers, i, &s->trending_row[i]) == CANDOR_OK);
  }
  CHECK(candor_drivers_overall(drivers, &s->drivers_overall, &s->detractors) == CANDOR_OK);
  CHECK(candor_drivers_model(drivers, &s->driver_model) == CANDOR_OK);
}

static void check_trends(worker* w) {
  const double* value = NULL;
  const int64_t* n = NULL;
  candor_change_point change;
  candor_change_point_summary summary;
  candor_account_trend_row row;
  candor_driver_row driver;
  candor_trending_row trending;
  candor_key_driver_model driver_model;
  candor_estimate overall;
  int64_t detractors = 0;
  size_t i;

  EXPECT(w, candor_buckets_rows(buckets) == snapshot.bucket_rows);
  for (i = 0; i < 3; ++i) {
    EXPECT(w, strcmp(candor_buckets_label(buckets, i), snapshot.bucket_label[i]) == 0);
  }
  EXPECT(w, candor_buckets_column_f64(buckets, CANDOR_BUCKETS_VALUE, &value) == CANDOR_OK);
  EXPECT(w, same_doubles(value, snapshot.bucket_value, snapshot.bucket_rows));
  EXPECT(w, candor_buckets_column_i64(buckets, CANDOR_BUCKETS_N, &n) == CANDOR_OK && n[0] > 0);

  EXPECT(w, candor_change_points_count(changes) == snapshot.change_count);
  EXPECT(w, candor_change_points_at(changes, 0, &change) == CANDOR_OK);
  EXPECT(w, change.index == snapshot.first_change.index &&
                same_comparison(&change.change, &snapshot.first_change.change));
  EXPECT(w, candor_change_points_summary(changes, &summary) == CANDOR_OK);
  EXPECT(w, same_double(summary.total_cost, snapshot.change_summary.total_cost));

  EXPECT(w, candor_account_trends_rows(trends) == snapshot.account_rows);
  EXPECT(w, candor_account_trends_split_time(trends) == snapshot.split_time);
  for (i = 0; i < snapshot.account_rows; ++i) {
    const candor_account_trend_row* want = &snapshot.account_row[i];
    EXPECT(w, candor_account_trends_row_at(trends, i, &row) == CANDOR_OK);
    EXPECT(w, row.account == want->account && row.status == want->status &&
                  same_estimate(&row.level, &want->level) && same_double(row.slope, want->slope) &&
                  same_double(row.slope_p_adjusted, want->slope_p_adjusted) &&
                  same_comparison(&row.recent_vs_earlier, &want->recent_vs_earlier));
  }

  for (i = 0; i < N_THEMES; ++i) {
    const candor_driver_row* want = &snapshot.driver_row[i];
    EXPECT(w, candor_drivers_row_at(drivers, i, &driver) == CANDOR_OK);
    EXPECT(w, driver.name == want->name && strcmp(driver.name, theme_names[i]) == 0 &&
                  driver.mentions == want->mentions && same_estimate(&driver.score, &want->score) &&
                  same_comparison(&driver.impact, &want->impact) &&
                  same_double(driver.relative_risk, want->relative_risk) &&
                  same_double(driver.coefficient, want->coefficient));
    EXPECT(w, candor_drivers_trending_at(drivers, i, &trending) == CANDOR_OK);
    EXPECT(w, same_double(trending.difference, snapshot.trending_row[i].difference) &&
                  same_double(trending.p_adjusted, snapshot.trending_row[i].p_adjusted));
  }
  EXPECT(w, candor_drivers_overall(drivers, &overall, &detractors) == CANDOR_OK);
  EXPECT(w,
         same_estimate(&overall, &snapshot.drivers_overall) && detractors == snapshot.detractors);
  EXPECT(w, candor_drivers_model(drivers, &driver_model) == CANDOR_OK);
  EXPECT(w, same_double(driver_model.intercept, snapshot.driver_model.intercept) &&
                driver_model.iterations == snapshot.driver_model.iterations);
}

static void check_themes(worker* w) {
  candor_themes* mine = NULL;
  EXPECT(w, candor_themes_discover(&themes_options, comments, comment_sizes, N_COMMENTS, &mine) ==
                CANDOR_OK);
  if (mine != NULL) EXPECT(w, same_themes(mine, themes)); /* also reads the shared one */
  candor_themes_free(mine);
}

static void* run_worker(void* arg) {
  worker* w = (worker*)arg;
  int round;
  for (round = 0; round < ROUNDS; ++round) {
    check_last_error(w);
    check_constants(w);
    check_text_model(w);
    check_table(w);
    check_scores(w);
    check_trends(w);
    check_themes(w);
  }
  return NULL;
}

/* ------------------------------------------------------------ the setup */

static const char kTaxonomy[] =
    "{\"themes\": [{\"name\": \"Livraison\", \"keywords\": [\"livraison\", \"colis\"],"
    " \"children\": [{\"name\": \"Retard\", \"keywords\": [\"retard\"]}]},"
    " {\"name\": \"Café\", \"keywords\": [\"café\", \"arôme\"]}]}";

static void make_handles(void) {
  const int32_t* segments[1] = {regions};
  candor_text_options text_options;
  candor_csv_options csv_options;
  candor_buckets_options bucket_options;
  candor_change_point_options change_options;
  candor_margin margin;
  candor_theme_mentions mentions;
  candor_design design;
  char* csv;
  size_t csv_size = 0;
  int s;

  candor_score_options_init(&nps_options);
  nps_options.threads = 2;
  candor_score_options_init(&boot_options);
  boot_options.interval = CANDOR_INTERVAL_BOOTSTRAP;
  boot_options.replicates = 200;
  boot_options.threads = 2;
  candor_score_options_csat(&csat_baseline);
  for (s = CANDOR_OK; s <= CANDOR_CANCELLED; ++s) {
    status_names[s] = candor_status_name((candor_status)s);
  }
  version = candor_version();

  candor_text_options_init(&text_options);
  text_options.threads = 2;
  CHECK(candor_text_model_new(&text_options, &model) == CANDOR_OK);
  CHECK(candor_text_model_load_taxonomy(model, kTaxonomy, sizeof kTaxonomy - 1) == CANDOR_OK);
  CHECK(candor_text_analyze(model, comments, comment_sizes, N_COMMENTS, &text_baseline) ==
        CANDOR_OK);
  CHECK(candor_text_results_mentions(text_baseline, NULL, NULL, NULL, NULL) > 0);

  csv = make_csv(&csv_size);
  candor_csv_options_init(&csv_options);
  csv_options.time_column = "when";
  csv_options.comment_column = "comment";
  csv_options.segment_columns = (const char* const[]){"region"};
  csv_options.n_segment_columns = 1;
  CHECK(csv != NULL && candor_table_parse_csv(csv, csv_size, &csv_options, &table) == CANDOR_OK);
  free(csv);

  CHECK(candor_breakdown_new(&nps_options, scores, NULL, N, segments, 1, &breakdown) == CANDOR_OK);
  CHECK(candor_breakdown_rows(breakdown) == N_REGIONS);
  for (s = 0; s < N_REGIONS; ++s) {
    CHECK(candor_breakdown_row_at(breakdown, (size_t)s, &breakdown_rows[s]) == CANDOR_OK);
  }
  CHECK(candor_score(&boot_options, scores, NULL, N, &boot_baseline) == CANDOR_OK);

  CHECK(candor_accumulator_new(0, 10, &accumulator) == CANDOR_OK);
  CHECK(candor_accumulator_add(accumulator, scores, NULL, N) == CANDOR_OK);
  CHECK(candor_accumulator_estimate(accumulator, &nps_options, &acc_baseline) == CANDOR_OK);
  CHECK(candor_accumulator_serialize(accumulator, acc_bytes, sizeof acc_bytes, &acc_size) ==
        CANDOR_OK);

  margin.name = "region";
  margin.codes = regions;
  margin.population = population;
  margin.levels = N_REGIONS;
  CHECK(candor_poststratify(NULL, N, &margin, &weights) == CANDOR_OK);
  CHECK(candor_weights_summary(weights, &weight_summary_baseline) == CANDOR_OK);
  candor_design_init(&design);
  design.calibration = weights;
  CHECK(candor_score_design(&nps_options, scores, N, &design, &design_baseline) == CANDOR_OK);

  candor_buckets_options_init(&bucket_options);
  bucket_options.time_zone = "Europe/Paris";
  bucket_options.window_days = 30;
  bucket_options.half_life_days = 20;
  CHECK(candor_buckets_new(&nps_options, &bucket_options, scores, times, N, NULL, NULL, regions,
                           &buckets) == CANDOR_OK);
  candor_change_point_options_init(&change_options);
  CHECK(candor_change_points_new(&nps_options, &change_options, scores, times, NULL, N, &changes) ==
        CANDOR_OK);
  CHECK(candor_account_trends_new(&nps_options, NULL, scores, times, accounts, NULL, N, &trends) ==
        CANDOR_OK);

  memset(&mentions, 0, sizeof mentions);
  mentions.themes = N_THEMES;
  mentions.names = theme_names;
  mentions.offsets = mention_offsets;
  mentions.theme_ids = mention_ids;
  CHECK(candor_drivers_new(&nps_options, NULL, scores, NULL, NULL, periods, N, &mentions,
                           &drivers) == CANDOR_OK);

  candor_themes_options_init(&themes_options);
  themes_options.k = 3;
  themes_options.min_df = 2;
  themes_options.threads = 2;
  CHECK(candor_themes_discover(&themes_options, comments, comment_sizes, N_COMMENTS, &themes) ==
        CANDOR_OK);
}

/* The message each thread's failing call must leave, made here. */
static void make_error_baselines(void) {
  double bad[64];
  candor_estimate e;
  int id;
  for (id = 0; id < N_THREADS; ++id) {
    memcpy(bad, scores, sizeof bad);
    bad[10 + id] = 42;
    CHECK(candor_score(&nps_options, bad, NULL, 64, &e) == CANDOR_OUT_OF_RANGE);
    snprintf(error_baseline[id], sizeof error_baseline[id], "%s", candor_last_error());
  }
  CHECK(strcmp(error_baseline[0], error_baseline[1]) != 0); /* they name the index */
}

int main(void) {
  pthread_t threads[N_THREADS];
  worker workers[N_THREADS];
  int i;

  make_inputs();
  make_handles();
  if (table == NULL || model == NULL || breakdown == NULL || accumulator == NULL ||
      weights == NULL || buckets == NULL || changes == NULL || trends == NULL || themes == NULL ||
      drivers == NULL || text_baseline == NULL) {
    fprintf(stderr, "setup failed\n");
    report();
    return 1;
  }
  make_error_baselines();
  take_snapshot(&snapshot);

  CHECK(pthread_barrier_init(&barrier, NULL, N_THREADS) == 0);
  for (i = 0; i < N_THREADS; ++i) {
    workers[i].id = i;
    workers[i].failed = 0;
    workers[i].passed = 0;
    if (pthread_create(&threads[i], NULL, run_worker, &workers[i]) != 0) {
      fprintf(stderr, "could not start thread %d\n", i); /* the others wait at the barrier */
      return 1;
    }
  }
  for (i = 0; i < N_THREADS; ++i) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(workers[i].failed == 0);
    CHECK(workers[i].passed > 100);
  }
  pthread_barrier_destroy(&barrier);

  candor_text_results_free(text_baseline);
  candor_text_model_free(model);
  candor_table_free(table);
  candor_breakdown_free(breakdown);
  candor_accumulator_free(accumulator);
  candor_weights_free(weights);
  candor_buckets_free(buckets);
  candor_change_points_free(changes);
  candor_account_trends_free(trends);
  candor_themes_free(themes);
  candor_drivers_free(drivers);
  return report();
}
