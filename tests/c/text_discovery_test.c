/* Theme discovery through the C ABI, from C: three planted themes in short
 * English comments, the accessors, NMF of a caller's CSR matrix (a planted
 * rank-2 product fitted exactly), and bad input. The numerics are checked
 * against scikit-learn / numpy in tests/cpp/text_discovery_*_test.cc and
 * tests/python/test_text_discovery.py. */
#include <candor.h>

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define N_DOCS 60

static const char* const kThemes[3][6] = {
    {"Coffee", "espresso", "roast", "beans", "brew", "caffeine"},
    {"Dog", "puppy", "treats", "chew", "kibble", "vet"},
    {"Delivery", "package", "shipping", "courier", "tracking", "parcel"}};

static void make_comment(int i, char* out, size_t size) {
  const int t = i % 3;
  /* Five theme words chosen by i, and a fixed phrase per theme. */
  snprintf(out, size, "The %s and the %s were %s. Also %s, %s! %s",
           kThemes[t][(i / 3) % 6], kThemes[t][(i / 3 + 1) % 6], kThemes[t][(i / 3 + 2) % 6],
           kThemes[t][(i / 3 + 3) % 6], kThemes[t][(i / 3 + 4) % 6],
           t == 0 ? "Dark roast." : t == 1 ? "Dog food." : "Late parcel.");
}

static void test_planted_themes(void) {
  static char storage[N_DOCS][200];
  const char* texts[N_DOCS];
  candor_themes_options options;
  candor_themes* themes = NULL;
  candor_themes_summary summary;
  candor_theme_info info;
  const double* weights;
  const int32_t* dominant;
  const int32_t* k_tried;
  const double* k_coherence;
  int agree = 0;
  int i, t;
  for (i = 0; i < N_DOCS; ++i) {
    make_comment(i, storage[i], sizeof storage[i]);
    texts[i] = storage[i];
  }
  candor_themes_options_init(&options);
  CHECK(options.k == 0 && options.k_min == 4 && options.k_max == 15);
  options.k = 3; /* the choice of k is tested in tests/cpp/themes/text_discovery_test.cc */
  options.language = "en";
  options.threads = 2;
  CHECK(candor_themes_discover(&options, texts, NULL, N_DOCS, &themes) == CANDOR_OK);
  if (themes == NULL) return;
  CHECK(candor_themes_summary_get(themes, &summary) == CANDOR_OK);
  CHECK(summary.k == 3);
  CHECK(summary.documents == N_DOCS);
  CHECK(summary.terms > 10);
  CHECK(summary.mean_coherence > 0 && summary.mean_coherence <= 1);
  CHECK(candor_themes_k_tried(themes, &k_tried, &k_coherence) == 1);
  CHECK(k_tried[0] == 3);
  CHECK_NEAR(k_coherence[0], summary.mean_coherence, 1e-15);
  weights = candor_themes_weights(themes);
  dominant = candor_themes_dominant(themes);
  /* Every comment of a planted theme has the dominant theme of comment t. */
  for (i = 0; i < N_DOCS; ++i) agree += dominant[i] == dominant[i % 3];
  CHECK(agree == N_DOCS);
  CHECK(dominant[0] != dominant[1] && dominant[1] != dominant[2] && dominant[0] != dominant[2]);
  for (i = 0; i < N_DOCS; ++i) {
    const double* row = weights + i * summary.k;
    CHECK_NEAR(row[0] + row[1] + row[2], 1.0, 1e-12);
  }
  for (t = 0; t < summary.k; ++t) {
    double w = 0;
    CHECK(candor_themes_theme_at(themes, (size_t)t, &info) == CANDOR_OK);
    CHECK(info.documents == N_DOCS / 3);
    CHECK(info.top_terms >= 5 && info.top_terms <= 10); /* terms of positive weight */
    CHECK(strlen(info.label) > 0);
    CHECK(candor_themes_top_term(themes, (size_t)t, 0, &w) != NULL && w > 0);
    CHECK(candor_themes_top_term(themes, (size_t)t, info.top_terms, NULL) == NULL);
    CHECK(candor_themes_key_phrase(themes, (size_t)t, 0, &w) != NULL);
  }
  CHECK(candor_themes_theme_at(themes, 3, &info) == CANDOR_OUT_OF_RANGE);
  CHECK(candor_themes_term(themes, 0) != NULL);
  CHECK(candor_themes_term(themes, (size_t)summary.terms) == NULL);
  {
    const int64_t* row_ptr;
    const int32_t* cols;
    const double* values;
    double norm2 = 0;
    int64_t p;
    CHECK(candor_themes_matrix(themes, 1, &row_ptr, &cols, &values) == CANDOR_OK);
    for (p = row_ptr[0]; p < row_ptr[1]; ++p) norm2 += values[p] * values[p];
    CHECK_NEAR(norm2, 1.0, 1e-12); /* l2-normalized TF-IDF rows */
  }
  candor_themes_free(themes);
  candor_themes_free(NULL);
}

static void test_nmf_of_a_csr_matrix(void) {
  /* X = a b^T with a = (1, 2, 0, 3), b = (1, 0, 2): rank 1, fitted exactly. */
  const int64_t row_ptr[5] = {0, 2, 4, 4, 6};
  const int32_t cols[6] = {0, 2, 0, 2, 0, 2};
  const double values[6] = {1, 2, 2, 4, 3, 6};
  double w[4], h[3], loss = -1;
  int32_t iterations = -1;
  candor_themes_options options;
  candor_themes_options_init(&options);
  CHECK(candor_nmf(&options, row_ptr, cols, values, 4, 3, 1, w, h, &loss, &iterations) ==
        CANDOR_OK);
  CHECK(loss < 1e-10);
  CHECK(iterations >= 0);
  CHECK_NEAR(w[0] * h[0], 1.0, 1e-10);
  CHECK_NEAR(w[3] * h[2], 6.0, 1e-10);
  CHECK_NEAR(w[2], 0.0, 1e-12);
  CHECK(candor_nmf(&options, row_ptr, cols, values, 4, 3, 4, w, h, NULL, NULL) ==
        CANDOR_INVALID_ARGUMENT); /* k > min(4, 3) */
  CHECK(strstr(candor_last_error(), "k = 4") != NULL);
  {
    /* Row 0 claims entries 0..3 of 2: an error naming row_ptr, before any
     * entry past the end is read (found by fuzz/drivers). */
    const int64_t bad_row_ptr[3] = {0, 4, 2};
    const int32_t two_cols[2] = {0, 1};
    const double two_values[2] = {1.0, 2.0};
    CHECK(candor_nmf(&options, bad_row_ptr, two_cols, two_values, 2, 2, 1, w, h, NULL, NULL) ==
          CANDOR_INVALID_ARGUMENT);
    CHECK(strstr(candor_last_error(), "row_ptr") != NULL);
  }
  {
    /* Rank 1 (every entry in column 3) fitted with k = 7: the loss, a squared
     * norm, is 0, not a rounding error below it (found by fuzz/drivers). */
    const int64_t rank1_row_ptr[8] = {0, 1, 2, 3, 4, 5, 6, 7};
    const int32_t rank1_cols[7] = {3, 3, 3, 3, 3, 3, 3};
    const double rank1_values[7] = {1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5};
    double w7[49], h7[49];
    loss = -1;
    CHECK(candor_nmf(&options, rank1_row_ptr, rank1_cols, rank1_values, 7, 7, 7, w7, h7, &loss,
                     NULL) == CANDOR_OK);
    CHECK(loss >= 0 && loss < 1e-10);
  }
  {
    /* An entry of 1e200 squares beyond the double range: the fit came back
     * as CANDOR_OK with NaN in W (found by fuzz/drivers). */
    const double huge_values[6] = {1, 2, 2, 4, 3, 1e200};
    CHECK(candor_nmf(&options, row_ptr, cols, huge_values, 4, 3, 1, w, h, &loss, NULL) ==
          CANDOR_OUT_OF_RANGE);
    CHECK(strstr(candor_last_error(), "rescale") != NULL);
  }
}

static void test_bad_input(void) {
  const char* stop_only[2] = {"the and of", "!!! ..."};
  const char* bad_utf8[1] = {"caf\xc3"};
  candor_themes_options options;
  candor_themes* themes = (candor_themes*)&options; /* must be reset to NULL */
  candor_themes_options_init(&options);
  options.language = "en";
  CHECK(candor_themes_discover(&options, stop_only, NULL, 0, &themes) == CANDOR_EMPTY);
  CHECK(themes == NULL);
  CHECK(candor_themes_discover(&options, stop_only, NULL, 2, &themes) == CANDOR_EMPTY);
  CHECK(candor_themes_discover(&options, bad_utf8, NULL, 1, &themes) == CANDOR_INVALID_UTF8);
  CHECK(strstr(candor_last_error(), "comment 0") != NULL);
  options.k = -2;
  CHECK(candor_themes_discover(&options, stop_only, NULL, 2, &themes) ==
        CANDOR_INVALID_ARGUMENT);
  options.k = 0;
  options.init = (candor_nmf_init)7;
  CHECK(candor_themes_discover(&options, stop_only, NULL, 2, &themes) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_themes_discover(&options, NULL, NULL, 2, &themes) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_themes_discover(NULL, stop_only, NULL, 2, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_themes_summary_get(NULL, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_themes_weights(NULL) == NULL);
}

int main(void) {
  test_planted_themes();
  test_nmf_of_a_csr_matrix();
  test_bad_input();
  return report();
}
