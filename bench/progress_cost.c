/* Cost of a progress callback (issue 17): text analysis, theme discovery, raking and
 * IPW with and without one, through the C ABI. Build against libcandor (bench/RESULTS.md,
 * "Progress callbacks"): cc -O2 -D_POSIX_C_SOURCE=199309L -Iinclude bench/progress_cost.c -Lbuild/dev -lcandor */
#include <candor.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int64_t calls = 0;
static int32_t go_on(int64_t done, int64_t total, void* u) { (void)done; (void)total; (void)u; ++calls; return 1; }
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static const char* const kTopics[4][4] = {{"delivery", "late", "courier", "package"},
    {"refund", "charged", "invoice", "billing"}, {"app", "crashes", "login", "screen"},
    {"staff", "friendly", "helpful", "support"}};

int main(int argc, char** argv) {
  const int n = argc > 1 ? atoi(argv[1]) : 200000;
  char** texts = malloc(sizeof(char*) * n);
  size_t* sizes = malloc(sizeof(size_t) * n);
  for (int i = 0; i < n; ++i) {
    const char* const* t = kTopics[i % 4];
    texts[i] = malloc(128);
    sprintf(texts[i], "The %s was %s and the %s, honestly %s w%d", t[i % 4], t[(i + 1) % 4], t[(i + 2) % 4], t[(i / 4) % 4], i % 97);
    sizes[i] = strlen(texts[i]);
  }
  for (int round = 0; round < 3; ++round) {
    for (int with = 0; with < 2; ++with) {
      candor_text_options o; candor_text_options_init(&o);
      o.language = "en";
      if (with) o.progress = go_on;
      candor_text_model* m; candor_text_model_new(&o, &m);
      candor_text_results* r;
      calls = 0;
      double t0 = now();
      if (candor_text_analyze(m, (const char* const*)texts, sizes, n, &r) != CANDOR_OK) return 1;
      double t1 = now();
      printf("text analysis %d comments, callback %s: %.3f s (%lld calls)\n", n, with ? "yes" : "no ", t1 - t0, (long long)calls);
      candor_text_results_free(r); candor_text_model_free(m);
    }
    for (int with = 0; with < 2; ++with) {
      candor_themes_options o; candor_themes_options_init(&o);
      o.k = 8; o.max_iter = 100; o.tol = 0;
      if (with) o.progress = go_on;
      candor_themes* th; calls = 0;
      double t0 = now();
      if (candor_themes_discover(&o, (const char* const*)texts, sizes, n, &th) != CANDOR_OK) { fprintf(stderr, "%s\n", candor_last_error()); return 1; }
      double t1 = now();
      printf("theme discovery %d comments k=8 100 iterations, callback %s: %.3f s (%lld calls)\n", n, with ? "yes" : "no ", t1 - t0, (long long)calls);
      candor_themes_free(th);
    }
    /* Raking and IPW of 10 * n respondents (the callback is polled every
     * 65,536 rows of each pass, and 2,048 per thread in the IPW fit). */
    const size_t m = (size_t)n * 10;
    int32_t* a = malloc(sizeof(int32_t) * m); int32_t* b = malloc(sizeof(int32_t) * m);
    double* x = malloc(sizeof(double) * m); uint8_t* r = malloc(m);
    for (size_t i = 0; i < m; ++i) {
      a[i] = (int32_t)(i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2); b[i] = (int32_t)((i / 10) % 4 == 0);
      x[i] = (double)(i % 97) / 97.0; r[i] = (uint8_t)((i * 2654435761u) % 100 < 20 + 20 * x[i]);
    }
    const double ta[3] = {3000, 4000, 3000}, tb[2] = {5000, 5000};
    candor_margin margins[2] = {{"a", a, ta, 3}, {"b", b, tb, 2}};
    candor_covariate cov[2] = {{"x", x, NULL, 0}, {"b", NULL, b, 2}};
    for (int with = 0; with < 2; ++with) {
      candor_weight_options o; candor_weight_options_init(&o);
      if (with) o.progress = go_on;
      candor_weights* w; calls = 0;
      double t0 = now();
      if (candor_rake_v2(&o, NULL, m, margins, 2, &w) != CANDOR_OK) { fprintf(stderr, "%s\n", candor_last_error()); return 1; }
      double t1 = now();
      printf("raking %zu respondents, 2 margins, callback %s: %.3f s (%lld calls)\n", m, with ? "yes" : "no ", t1 - t0, (long long)calls);
      candor_weights_free(w); calls = 0;
      t0 = now();
      if (candor_ipw_v2(&o, r, m, cov, 2, &w) != CANDOR_OK) { fprintf(stderr, "%s\n", candor_last_error()); return 1; }
      t1 = now();
      printf("IPW %zu invited, 2 covariates, callback %s: %.3f s (%lld calls)\n", m, with ? "yes" : "no ", t1 - t0, (long long)calls);
      candor_weights_free(w);
    }
    free(a); free(b); free(x); free(r);
  }
  return 0;
}
