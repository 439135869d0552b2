/* Theme drivers through the C ABI, compiled as C: a 12-comment example
 * whose per-theme NPS, impact, relative risk (Katz) and trending shares are
 * computed here by hand; compressed rows and pairs give the same rows; old
 * (shorter) option structs; bad input never crashes. */
#include <candor.h>

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "check.h"

/* 12 comments: theme 0 "Support" (6 comments, 4 detractors), theme 1
 * "Price" (6 comments), theme 2 "Never" (none). Periods 0 and 1. */
static const double scores[12] = {2, 3, 5, 6, 9, 10, 7, 8, 10, 9, 4, 10};
static const int64_t offsets[13] = {0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 11, 12};
static const int32_t ids[12] = {0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1};
static const int32_t periods[12] = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
static const char* const names[3] = {"Support", "Price", "Never"};

static double nps_value(double x) { return x >= 9 ? 1.0 : (x <= 6 ? -1.0 : 0.0); }

static int mentions_theme(size_t i, int32_t theme) {
  int64_t k;
  for (k = offsets[i]; k < offsets[i + 1]; ++k) {
    if (ids[k] == theme) return 1;
  }
  return 0;
}

static void check_theme(const candor_drivers* d, int32_t theme) {
  candor_driver_row row;
  double n1 = 0, n0 = 0, s1 = 0, s0 = 0, a = 0, c = 0, all = 0;
  size_t i;
  CHECK(candor_drivers_row_at(d, (size_t)theme, &row) == CANDOR_OK);
  for (i = 0; i < 12; ++i) {
    const int m = mentions_theme(i, theme);
    all += nps_value(scores[i]) / 12.0;
    if (m) {
      n1 += 1;
      s1 += nps_value(scores[i]);
      a += scores[i] <= 6;
    } else {
      n0 += 1;
      s0 += nps_value(scores[i]);
      c += scores[i] <= 6;
    }
  }
  CHECK(strcmp(row.name, names[theme]) == 0);
  CHECK(row.mentions == (int64_t)n1);
  CHECK_NEAR(row.share.value, 100 * n1 / 12, 1e-12);
  CHECK_NEAR(row.score.value, 100 * s1 / n1, 1e-12);
  CHECK_NEAR(row.score_without.value, 100 * s0 / n0, 1e-12);
  CHECK_NEAR(row.impact.difference, 100 * (all - s0 / n0), 1e-12);
  CHECK(row.detractors_mentioning == (int64_t)a);
  if (a > 0 && c > 0 && a < n1 && c < n0) {
    CHECK(!row.relative_risk_corrected);
    CHECK_NEAR(row.relative_risk, (a / n1) / (c / n0), 1e-12);
    CHECK_NEAR(row.log_relative_risk_std_error, sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0), 1e-12);
  }
}

int main(void) {
  candor_score_options score_options;
  candor_drivers_options options;
  candor_theme_mentions mentions;
  candor_drivers* d = NULL;
  candor_drivers* from_pairs = NULL;
  candor_driver_row row, row2;
  candor_trending_row trend;
  candor_key_driver_model model;
  candor_estimate overall;
  int64_t detractors = 0;
  int32_t earlier = 0, later = 0;
  int64_t pair_comments[12];
  int32_t pair_themes[12];
  size_t i, k;

  candor_score_options_init(&score_options);
  candor_drivers_options_init(&options);
  CHECK(options.size == sizeof(options));
  CHECK(options.l2_penalty == 1.0 && options.earlier_period == -1);
  memset(&mentions, 0, sizeof mentions);
  mentions.themes = 3;
  mentions.names = names;
  mentions.offsets = offsets;
  mentions.theme_ids = ids;
  CHECK(candor_drivers_new(&score_options, &options, scores, NULL, NULL, periods, 12, &mentions,
                           &d) == CANDOR_OK);
  CHECK(candor_drivers_rows(d) == 3);
  CHECK(candor_drivers_trending_rows(d) == 3);
  check_theme(d, 0);
  check_theme(d, 1);
  CHECK(candor_drivers_row_at(d, 2, &row) == CANDOR_OK);
  CHECK(row.status == CANDOR_THEME_NO_MENTIONS);
  CHECK(row.impact.difference == 0 && row.impact.p_value == 1);
  CHECK(isnan(row.coefficient) && row.in_model == 0);
  CHECK(candor_drivers_overall(d, &overall, &detractors) == CANDOR_OK);
  CHECK(detractors == 5);
  CHECK_NEAR(overall.value, 100.0 * (5 - 5) / 12.0, 1e-12);
  CHECK(candor_drivers_model(d, &model) == CANDOR_OK);
  CHECK(model.fitted == 1 && model.converged == 1 && model.themes_in_model == 2);
  CHECK(strcmp(model.message, "") == 0);
  CHECK(candor_drivers_periods(d, &earlier, &later) == CANDOR_OK);
  CHECK(earlier == 0 && later == 1);
  /* Theme 0: all 6 comments of period 0, none of period 1's 6 (pooled 0.5). */
  CHECK(candor_drivers_trending_at(d, 0, &trend) == CANDOR_OK);
  CHECK_NEAR(trend.share_earlier.value, 100.0, 1e-12);
  CHECK_NEAR(trend.share_later.value, 0.0, 1e-12);
  CHECK_NEAR(trend.z, (0.0 - 1.0) / sqrt(0.5 * 0.5 * (2.0 / 6)), 1e-12);
  /* Theme 1: 1 of 6 in period 0, 5 of 6 in period 1 (pooled 0.5). */
  CHECK(candor_drivers_trending_at(d, 1, &trend) == CANDOR_OK);
  CHECK_NEAR(trend.difference, 100 * (5.0 / 6 - 1.0 / 6), 1e-12);
  CHECK_NEAR(trend.z, (4.0 / 6) / sqrt(0.5 * 0.5 * (2.0 / 6)), 1e-12);
  CHECK(candor_drivers_trending_at(d, 3, &trend) == CANDOR_OUT_OF_RANGE);
  CHECK(candor_drivers_row_at(d, 3, &row) == CANDOR_OUT_OF_RANGE);

  /* Pairs, in reverse order, give the same rows. */
  k = 0;
  for (i = 12; i-- > 0;) {
    int64_t j;
    for (j = offsets[i]; j < offsets[i + 1]; ++j) {
      pair_comments[k] = (int64_t)i;
      pair_themes[k] = ids[j];
      ++k;
    }
  }
  mentions.offsets = NULL;
  mentions.theme_ids = NULL;
  mentions.pair_comments = pair_comments;
  mentions.pair_themes = pair_themes;
  mentions.pairs = k;
  CHECK(candor_drivers_new(&score_options, NULL, scores, NULL, NULL, NULL, 12, &mentions,
                           &from_pairs) == CANDOR_OK);
  CHECK(candor_drivers_row_at(d, 0, &row) == CANDOR_OK);
  CHECK(candor_drivers_row_at(from_pairs, 0, &row2) == CANDOR_OK);
  CHECK(row.impact.std_error == row2.impact.std_error && row.coefficient == row2.coefficient);
  CHECK(candor_drivers_trending_rows(from_pairs) == 0);

  /* An older caller whose struct ends before p_adjust: defaults fill the rest. */
  {
    candor_drivers_options old;
    candor_drivers* d_old = NULL;
    candor_drivers_options_defaults(&old, offsetof(candor_drivers_options, p_adjust));
    CHECK(old.size == offsetof(candor_drivers_options, p_adjust));
    old.l2_penalty = 2.0;
    CHECK(candor_drivers_new(&score_options, &old, scores, NULL, NULL, NULL, 12, &mentions,
                             &d_old) == CANDOR_OK);
    CHECK(candor_drivers_model(d_old, &model) == CANDOR_OK);
    CHECK(model.l2_penalty == 2.0);
    candor_drivers_free(d_old);
  }

  /* Bad input: a clear status, never a crash. */
  {
    candor_drivers* bad = NULL;
    double bad_scores[12];
    int32_t one_period[12];
    int32_t bad_ids[12];
    memcpy(bad_scores, scores, sizeof bad_scores);
    bad_scores[4] = 11;
    CHECK(candor_drivers_new(&score_options, NULL, bad_scores, NULL, NULL, NULL, 12, &mentions,
                             &bad) == CANDOR_OUT_OF_RANGE);
    CHECK(bad == NULL);
    CHECK(strstr(candor_last_error(), "index 4") != NULL);
    for (i = 0; i < 12; ++i) one_period[i] = 3;
    CHECK(candor_drivers_new(&score_options, NULL, scores, NULL, NULL, one_period, 12, &mentions,
                             &bad) == CANDOR_INVALID_ARGUMENT);
    memcpy(bad_ids, pair_themes, sizeof bad_ids);
    bad_ids[0] = 3;
    mentions.pair_themes = bad_ids;
    CHECK(candor_drivers_new(&score_options, NULL, scores, NULL, NULL, NULL, 12, &mentions,
                             &bad) == CANDOR_OUT_OF_RANGE);
    mentions.pair_themes = pair_themes;
    mentions.offsets = offsets; /* both forms set */
    CHECK(candor_drivers_new(&score_options, NULL, scores, NULL, NULL, NULL, 12, &mentions,
                             &bad) == CANDOR_INVALID_ARGUMENT);
    mentions.offsets = NULL;
    CHECK(candor_drivers_new(&score_options, NULL, scores, NULL, NULL, NULL, 12, NULL, &bad) ==
          CANDOR_INVALID_ARGUMENT);
    CHECK(candor_drivers_new(&score_options, NULL, scores, NULL, NULL, NULL, 12, &mentions,
                             NULL) == CANDOR_INVALID_ARGUMENT);
    options.p_adjust = (candor_p_adjust)7;
    CHECK(candor_drivers_new(&score_options, &options, scores, NULL, NULL, NULL, 12, &mentions,
                             &bad) == CANDOR_INVALID_ARGUMENT);
    score_options.metric = CANDOR_METRIC_MEAN;
    CHECK(candor_drivers_new(&score_options, NULL, scores, NULL, NULL, NULL, 12, &mentions,
                             &bad) == CANDOR_UNSUPPORTED);
    CHECK(candor_drivers_row_at(NULL, 0, &row) == CANDOR_INVALID_ARGUMENT);
    CHECK(candor_drivers_rows(NULL) == 0);
  }

  candor_drivers_free(d);
  candor_drivers_free(from_pairs);
  candor_drivers_free(NULL);
  return report();
}
