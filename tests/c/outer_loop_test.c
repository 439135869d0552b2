/* The outer loop through the C ABI, compiled as C: 8 comments over 4
 * accounts whose counts and ARR at risk are computed here by hand; ranks;
 * the bootstrap interval covers the point, and a theme with no detractor
 * account has no interval (NaN, with its reason); quotes carry redacted text; old
 * (shorter) option structs; bad input never crashes. */
#include <candor.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "check.h"

static const double scores[8] = {2, 9, 5, 10, 6, 8, 3, 10};
static const int32_t accounts[8] = {0, 0, 1, 1, 2, 2, 3, 3};
static const double arr[4] = {100, 200, 400, 800};
/* price (0): comments 0, 2, 6; support (1): 2, 4, 5; ui (2): 1, 3. */
static const int64_t offsets[9] = {0, 1, 2, 4, 5, 6, 7, 8, 8};
static const int32_t ids[8] = {0, 2, 0, 1, 2, 1, 1, 0};
static const char* const names[3] = {"price", "support", "ui"};
static const char* const texts[8] = {"too expensive, write me at jo@example.com",
                                     "love the new ui",
                                     "price and support",
                                     "clean ui",
                                     "support is slow",
                                     "support ok",
                                     "the price doubled",
                                     NULL};

/* By hand: the detractor accounts of each theme and their ARR. */
static double arr_at_risk(int32_t theme, int64_t* detractor_accounts) {
  int at_risk[4] = {0, 0, 0, 0};
  size_t i;
  int64_t k;
  double total = 0;
  *detractor_accounts = 0;
  for (i = 0; i < 8; ++i) {
    for (k = offsets[i]; k < offsets[i + 1]; ++k) {
      if (ids[k] == theme && scores[i] <= 6) at_risk[accounts[i]] = 1;
    }
  }
  for (i = 0; i < 4; ++i) {
    if (at_risk[i]) {
      total += arr[i];
      ++*detractor_accounts;
    }
  }
  return total;
}

int main(void) {
  candor_score_options score_options;
  candor_theme_mentions mentions;
  candor_outer_loop_options options;
  candor_outer_loop_inputs inputs;
  candor_outer_loop* loop = NULL;
  candor_outer_loop_row row;
  candor_outer_loop_quote quote;
  candor_outer_loop_summary summary;
  candor_outer_loop_no_intervals reasons;
  size_t i;
  double previous = INFINITY;

  candor_score_options_init(&score_options);
  memset(&mentions, 0, sizeof(mentions));
  mentions.themes = 3;
  mentions.names = names;
  mentions.offsets = offsets;
  mentions.theme_ids = ids;
  candor_outer_loop_options_init(&options);
  CHECK(options.replicates == 2000 && options.quotes_per_theme == 3 && options.seed == 42);
  candor_outer_loop_inputs_init(&inputs);
  inputs.accounts = accounts;
  inputs.account_arr = arr;
  inputs.account_count = 4;
  inputs.texts = texts;

  CHECK(candor_outer_loop_new(&score_options, &options, scores, 8, &mentions, &inputs, &loop) ==
        CANDOR_OK);
  CHECK(candor_outer_loop_rows(loop) == 3);
  CHECK(candor_outer_loop_summary_get(loop, &summary) == CANDOR_OK);
  CHECK(summary.accounts == 4 && summary.detractor_accounts == 4);
  CHECK_NEAR(summary.total_arr, 1500, 0);
  CHECK(summary.replicates == 2000);
  CHECK_NEAR(summary.overall.value, 100 * (3.0 - 4.0) / 8, 1e-12);
  for (i = 0; i < 3; ++i) {
    int64_t detractor_accounts;
    double expected;
    CHECK(candor_outer_loop_row_at(loop, i, &row) == CANDOR_OK);
    expected = arr_at_risk(row.theme, &detractor_accounts);
    CHECK(strcmp(row.name, names[row.theme]) == 0);
    CHECK(row.rank == (int32_t)i + 1);
    CHECK_NEAR(row.arr_at_risk, expected, 0);
    CHECK(row.detractor_accounts == detractor_accounts);
    CHECK(row.arr_at_risk <= previous);
    previous = row.arr_at_risk;
    CHECK(candor_outer_loop_no_intervals_at(loop, i, &reasons) == CANDOR_OK);
    if (row.detractor_accounts > 0) {
      CHECK(row.arr_ci_low <= row.arr_at_risk && row.arr_at_risk <= row.arr_ci_high);
      CHECK(row.arr_ci_high > row.arr_ci_low);
      CHECK(reasons.arr == CANDOR_OUTER_LOOP_NO_INTERVAL_NONE);
    } else {
      /* ui: no detractor account, ARR at risk 0 with no interval (not [0, 0]). */
      CHECK(strcmp(row.name, "ui") == 0);
      CHECK_NEAR(row.arr_at_risk, 0, 0);
      CHECK(isnan(row.arr_ci_low) && isnan(row.arr_ci_high));
      CHECK(reasons.arr == CANDOR_OUTER_LOOP_NO_INTERVAL_NO_DETRACTOR_ACCOUNT);
      CHECK(strcmp(candor_outer_loop_no_interval_text(reasons.arr),
                   "no detractor account mentions this theme: nothing at risk to resample") == 0);
    }
    CHECK(reasons.impact == CANDOR_OUTER_LOOP_NO_INTERVAL_NONE);
    CHECK(row.impact.ci_high > row.impact.ci_low);
    CHECK(reasons.share_change == CANDOR_OUTER_LOOP_NO_INTERVAL_NONE);
    CHECK(row.has_trend == 0);
  }
  CHECK(strcmp(candor_outer_loop_no_interval_text(CANDOR_OUTER_LOOP_NO_INTERVAL_NONE), "") == 0);
  CHECK(candor_outer_loop_no_interval_text(9) == NULL);
  CHECK(candor_outer_loop_no_interval_text(-1) == NULL);
  CHECK(candor_outer_loop_no_intervals_at(loop, 3, &reasons) == CANDOR_OUT_OF_RANGE);
  CHECK(candor_outer_loop_no_intervals_at(NULL, 0, &reasons) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_outer_loop_no_intervals_at(loop, 0, NULL) == CANDOR_INVALID_ARGUMENT);
  /* price ranks first; its quotes are negative in tone. */
  CHECK(candor_outer_loop_row_at(loop, 0, &row) == CANDOR_OK);
  CHECK(strcmp(row.name, "price") == 0);
  CHECK(row.quotes >= 1);
  for (i = 0; i < row.quotes; ++i) {
    CHECK(candor_outer_loop_quote_at(loop, 0, i, &quote) == CANDOR_OK);
    CHECK(quote.tone < 0);
    CHECK(strlen(quote.text) == quote.text_size);
    CHECK(quote.segment == -1);
  }
  CHECK(candor_outer_loop_quote_at(loop, 0, row.quotes, &quote) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "quote") != NULL);
  CHECK(candor_outer_loop_row_at(loop, 3, &row) == CANDOR_OUT_OF_RANGE);
  CHECK(candor_outer_loop_row_at(NULL, 0, &row) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_outer_loop_summary_get(loop, NULL) == CANDOR_INVALID_ARGUMENT);
  candor_outer_loop_free(loop);
  candor_outer_loop_free(NULL);
  CHECK(candor_outer_loop_rows(NULL) == 0);

  /* An old caller's options (only size and rank_by) get the rest's defaults. */
  options.size = offsetof(candor_outer_loop_options, replicates);
  options.rank_by = CANDOR_OUTER_LOOP_RANK_COMMENTS;
  loop = NULL;
  CHECK(candor_outer_loop_new(&score_options, &options, scores, 8, &mentions, &inputs, &loop) ==
        CANDOR_OK);
  CHECK(candor_outer_loop_row_at(loop, 0, &row) == CANDOR_OK);
  CHECK(row.comments == 3);
  candor_outer_loop_free(loop);

  /* Bad input: clear statuses, *out NULL. */
  candor_outer_loop_options_init(&options);
  loop = NULL;
  inputs.accounts = NULL;
  CHECK(candor_outer_loop_new(&score_options, &options, scores, 8, &mentions, &inputs, &loop) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(loop == NULL);
  CHECK(strstr(candor_last_error(), "accounts") != NULL);
  inputs.accounts = accounts;
  inputs.account_count = 2;
  CHECK(candor_outer_loop_new(&score_options, &options, scores, 8, &mentions, &inputs, &loop) ==
        CANDOR_OUT_OF_RANGE);
  inputs.account_count = 4;
  options.rank_by = (candor_outer_loop_rank)9;
  CHECK(candor_outer_loop_new(&score_options, &options, scores, 8, &mentions, &inputs, &loop) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "rank_by") != NULL);
  candor_outer_loop_options_init(&options);
  CHECK(candor_outer_loop_new(&score_options, &options, scores, 0, &mentions, &inputs, &loop) !=
        CANDOR_OK);
  CHECK(candor_outer_loop_new(NULL, &options, scores, 8, &mentions, &inputs, &loop) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_outer_loop_new(&score_options, &options, scores, 8, NULL, &inputs, &loop) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_outer_loop_new(&score_options, &options, scores, 8, &mentions, NULL, &loop) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_outer_loop_new(&score_options, &options, scores, 8, &mentions, &inputs, NULL) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_outer_loop_options_defaults(NULL, sizeof(options)) == CANDOR_INVALID_ARGUMENT);
  CHECK(loop == NULL);
  return report();
}
