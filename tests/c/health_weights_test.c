/* Suggested scorecard weights through the C ABI: the options' defaults and
 * sizes, a fit whose coefficients solve the penalized score equations
 * (checked here from the columns), the weight rule, the folds, and bad
 * input (statuses and messages that name the problem, NULL handles). */
#include <candor.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define N 400

static double logins[N], seats[N];
static uint8_t churned[N];

/* A fixed pseudo-random table: churn falls with logins, rises with seats. */
static void make_data(void) {
  uint64_t state = 12345;
  int i;
  for (i = 0; i < N; ++i) {
    double u[3], eta;
    int k;
    for (k = 0; k < 3; ++k) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      u[k] = (double)(state >> 11) / 9007199254740992.0;
    }
    logins[i] = 100 * u[0];
    seats[i] = i % 7 == 2 ? NAN : 100 * u[1];
    eta = 1.5 - 0.05 * logins[i] + 0.02 * (isnan(seats[i]) ? 50 : seats[i]);
    churned[i] = u[2] < 1 / (1 + exp(-eta)) ? 1 : 0;
  }
}

static candor_scorecard* make_card(void) {
  candor_scorecard* card = NULL;
  candor_health_measure m;
  CHECK(candor_scorecard_new(&card) == CANDOR_OK);
  candor_health_measure_init(&m);
  m.name = "logins";
  m.weight = 1;
  CHECK(candor_scorecard_add_measure(card, &m) == CANDOR_OK);
  candor_health_measure_init(&m);
  m.name = "seats";
  m.weight = 3;
  CHECK(candor_scorecard_add_measure(card, &m) == CANDOR_OK);
  return card;
}

static const char* const kNames[2] = {"logins", "seats"};

static candor_status suggest(const candor_scorecard* card, const uint8_t* y,
                             const candor_suggest_weights_options* options,
                             candor_suggested_weights** out) {
  const double* columns[2] = {logins, seats};
  return candor_health_suggest_weights(card, kNames, columns, 2, N, NULL, NULL, 0, y, options, out);
}

static void test_defaults(void) {
  candor_suggest_weights_options o;
  memset(&o, 0xAB, sizeof o);
  candor_suggest_weights_options_init(&o);
  CHECK(o.size == sizeof o);
  CHECK(o.l2_penalty == 1 && o.folds == 5 && o.seed == 0 && o.level == 0.95);
  CHECK(candor_suggest_weights_options_defaults(
            &o, offsetof(candor_suggest_weights_options, l2_penalty) + 4) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_suggest_weights_options_defaults(
            &o, offsetof(candor_suggest_weights_options, folds)) == CANDOR_OK);
}

static void test_fit(void) {
  candor_scorecard* card = make_card();
  candor_suggested_weights* w = NULL;
  candor_suggested_weights_columns c;
  candor_suggest_weights_options o;
  double gradient[3] = {0, 0, 0};
  int i, m, per_fold[2][3] = {{0, 0, 0}, {0, 0, 0}};
  candor_suggest_weights_options_init(&o);
  o.l2_penalty = 0.5;
  o.folds = 3;
  CHECK(suggest(card, churned, &o, &w) == CANDOR_OK);
  CHECK(candor_suggested_weights_columns_get(w, &c) == CANDOR_OK);
  CHECK(c.n == N && c.measures == 2 && c.excluded == 0 && c.iterations > 0);
  /* Score equations: sum (y - p) = 0, sum (y - p) z_m = lambda b_m. */
  for (i = 0; i < N; ++i) {
    const double x[2] = {logins[i], seats[i]};
    double z[2], eta = c.intercept, r;
    for (m = 0; m < 2; ++m) {
      z[m] = isnan(x[m]) ? 0 : (x[m] - c.point_mean[m]) / c.point_sd[m];
      eta += c.coefficient[m] * z[m];
    }
    r = churned[i] - 1 / (1 + exp(-eta));
    gradient[0] += r;
    for (m = 0; m < 2; ++m) gradient[m + 1] += r * z[m];
    CHECK(c.fold[i] >= 0 && c.fold[i] < 3);
    per_fold[churned[i]][c.fold[i]] += 1;
    CHECK(c.oof_probability[i] > 0 && c.oof_probability[i] < 1);
  }
  CHECK_NEAR(gradient[0], 0, 1e-8);
  CHECK_NEAR(gradient[1], 0.5 * c.coefficient[0], 1e-8);
  CHECK_NEAR(gradient[2], 0.5 * c.coefficient[1], 1e-8);
  CHECK(abs(per_fold[1][0] - per_fold[1][2]) <= 1 && abs(per_fold[0][0] - per_fold[0][1]) <= 1);
  /* logins reduce churn, seats raise it: all the weight to logins. */
  CHECK(c.coefficient[0] < 0 && c.coefficient[1] > 0);
  CHECK(c.flagged[0] == 0 && c.flagged[1] == 1);
  CHECK(c.suggested_weight[0] == 100 && c.suggested_weight[1] == 0);
  CHECK_NEAR(c.current_weight[0], 25, 1e-12);
  CHECK_NEAR(c.current_weight[1], 75, 1e-12);
  CHECK_NEAR(c.coefficient_per_point[0], c.coefficient[0] / c.point_sd[0], 1e-15);
  CHECK(c.imputed[0] == 0 && c.imputed[1] == 57);
  CHECK(c.auc.n_positive + c.auc.n_negative == N && c.auc.ci_low < c.auc.value);
  CHECK(c.auc.value > c.current_auc.value);
  CHECK(c.comparison.auc_a == c.auc.value && c.comparison.auc_b == c.current_auc.value);
  candor_suggested_weights_free(w);
  candor_scorecard_free(card);
}

static void test_errors(void) {
  candor_scorecard* card = make_card();
  candor_suggested_weights* w = (candor_suggested_weights*)&w;
  candor_suggest_weights_options o;
  uint8_t bad[N];
  candor_suggested_weights_columns c;
  memcpy(bad, churned, sizeof bad);
  bad[7] = 3;
  CHECK(suggest(card, bad, NULL, &w) == CANDOR_INVALID_ARGUMENT && w == NULL);
  CHECK(strstr(candor_last_error(), "churned[7]") != NULL);
  memset(bad, 1, sizeof bad);
  CHECK(suggest(card, bad, NULL, &w) == CANDOR_EMPTY);
  CHECK(suggest(card, NULL, NULL, &w) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "churned") != NULL);
  candor_suggest_weights_options_init(&o);
  o.folds = 1;
  CHECK(suggest(card, churned, &o, &w) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "folds") != NULL);
  o.folds = 5;
  o.l2_penalty = -2;
  CHECK(suggest(card, churned, &o, &w) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "l2_penalty") != NULL);
  CHECK(suggest(NULL, churned, NULL, &w) == CANDOR_INVALID_ARGUMENT);
  CHECK(suggest(card, churned, NULL, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_suggested_weights_columns_get(NULL, &c) == CANDOR_INVALID_ARGUMENT);
  candor_suggested_weights_free(NULL);
  candor_scorecard_free(card);
}

int main(void) {
  make_data();
  test_defaults();
  test_fit();
  test_errors();
  return report();
}
