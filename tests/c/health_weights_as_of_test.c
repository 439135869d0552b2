/* Suggested weights as of a cut-off through the C ABI: a history built by
 * hand so that its snapshot is a known table gives exactly the result of
 * candor_health_suggest_weights on that table, per account code; rows at or
 * after the cut-off change nothing; accounts without a row before it are
 * left out (fold -2, their churn not read); bad input. */
#include <candor.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

#define N 300                   /* customers at the cut-off */
#define GAPS 8                  /* accounts that are not */
#define ACCOUNTS (N + GAPS)     /* codes: customer i is code(i) */
#define ROWS (4 * N + GAPS - 1) /* the last gap account has no row */
#define AS_OF 300

static double logins[N], seats[N];
static uint8_t churned[N];
/* The history: per customer rows at 100, 200, AS_OF and 400; per gap
 * account (but the last) one row at 400. */
static int32_t account[ROWS];
static int64_t when[ROWS];
static double h_logins[ROWS], h_seats[ROWS];
static uint8_t churned_by_code[ACCOUNTS];

/* Customers are spread among the gaps: code 40 is a gap, and so on. */
static int code(int i) { return i + i / 40; }

static double uniform(uint64_t* state) {
  *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (double)(*state >> 11) / 9007199254740992.0;
}

static void make_data(void) {
  uint64_t state = 777;
  int i, r = 0, g;
  memset(churned_by_code, 9, sizeof churned_by_code); /* not 0/1: never read */
  for (i = 0; i < N; ++i) {
    double eta;
    logins[i] = 100 * uniform(&state);
    seats[i] = i % 5 == 1 ? NAN : 100 * uniform(&state);
    eta = 1 - 0.04 * logins[i] + 0.01 * (isnan(seats[i]) ? 50 : seats[i]);
    churned[i] = uniform(&state) < 1 / (1 + exp(-eta)) ? 1 : 0;
    churned_by_code[code(i)] = churned[i];
    /* The snapshot at AS_OF: logins from the row at 200 (the one at 100 is
     * older), seats from the row at 100 (the one at 200 records none). */
    account[r] = code(i), when[r] = 100, h_logins[r] = 5, h_seats[r] = seats[i], ++r;
    account[r] = code(i), when[r] = 200, h_logins[r] = logins[i], h_seats[r] = NAN, ++r;
    account[r] = code(i), when[r] = AS_OF, h_logins[r] = 100 - logins[i], h_seats[r] = 0, ++r;
    account[r] = code(i), when[r] = 400, h_logins[r] = churned[i] ? 0 : 100, h_seats[r] = 1, ++r;
  }
  /* The gaps: codes 40, 81, ..., 286 (a row at 400) and 307 (none). */
  for (g = 0; r < ROWS; ++g, ++r) {
    account[r] = 40 * (g + 1) + g, when[r] = 400, h_logins[r] = 50, h_seats[r] = 50;
  }
}

static candor_scorecard* make_card(void) {
  candor_scorecard* card = NULL;
  candor_health_measure m;
  CHECK(candor_scorecard_new(&card) == CANDOR_OK);
  candor_health_measure_init(&m);
  m.name = "logins";
  m.weight = 2;
  CHECK(candor_scorecard_add_measure(card, &m) == CANDOR_OK);
  candor_health_measure_init(&m);
  m.name = "seats";
  m.weight = 1;
  CHECK(candor_scorecard_add_measure(card, &m) == CANDOR_OK);
  return card;
}

static const char* const kNames[2] = {"logins", "seats"};

static void make_history(candor_health_history* h) {
  static const double* columns[2] = {h_logins, h_seats};
  candor_health_history_init(h);
  h->n = ROWS;
  h->account = account;
  h->time = when;
  h->n_accounts = ACCOUNTS;
  h->names = kNames;
  h->columns = columns;
  h->n_columns = 2;
}

static void same_auc(const candor_auc_result* a, const candor_auc_result* b) {
  CHECK(a->value == b->value && a->std_error == b->std_error && a->ci_low == b->ci_low &&
        a->n_positive == b->n_positive && a->n_negative == b->n_negative);
}

/* The as-of result per account code equals the table's per row. */
static void check_equal(const candor_suggested_weights* as_of,
                        const candor_suggested_weights* table) {
  candor_suggested_weights_columns a, t;
  int i, m, gaps = 0;
  CHECK(candor_suggested_weights_columns_get(as_of, &a) == CANDOR_OK);
  CHECK(candor_suggested_weights_columns_get(table, &t) == CANDOR_OK);
  CHECK(a.n == ACCOUNTS && t.n == N && a.measures == 2);
  CHECK(a.intercept == t.intercept && a.iterations == t.iterations && a.excluded == t.excluded);
  for (m = 0; m < 2; ++m) {
    CHECK(a.coefficient[m] == t.coefficient[m]);
    CHECK(a.suggested_weight[m] == t.suggested_weight[m]);
    CHECK(a.point_mean[m] == t.point_mean[m] && a.point_sd[m] == t.point_sd[m]);
    CHECK(a.imputed[m] == t.imputed[m]);
  }
  CHECK(t.imputed[1] == N / 5);
  for (i = 0; i < N; ++i) {
    const int c = code(i);
    CHECK(a.oof_probability[c] == t.oof_probability[i]);
    CHECK(a.fold[c] == t.fold[i] && a.fold[c] >= 0);
    CHECK(a.score[c] == t.score[i]);
  }
  for (i = 0; i < ACCOUNTS; ++i) {
    if (a.fold[i] != -2) continue;
    ++gaps;
    CHECK(isnan(a.oof_probability[i]) && isnan(a.score[i]));
  }
  CHECK(gaps == GAPS);
  same_auc(&a.auc, &t.auc);
  same_auc(&a.current_auc, &t.current_auc);
  CHECK(a.comparison.p_value == t.comparison.p_value);
}

static void test_equals_table(void) {
  candor_scorecard* card = make_card();
  candor_health_history h;
  candor_suggest_weights_options o;
  candor_suggested_weights *as_of = NULL, *table = NULL, *again = NULL;
  const double* columns[2] = {logins, seats};
  int r;
  make_history(&h);
  candor_suggest_weights_options_init(&o);
  o.folds = 4;
  o.seed = 11;
  CHECK(candor_health_suggest_weights_as_of(card, &h, AS_OF, churned_by_code, &o, &as_of) ==
        CANDOR_OK);
  CHECK(candor_health_suggest_weights(card, kNames, columns, 2, N, NULL, NULL, 0, churned, &o,
                                      &table) == CANDOR_OK);
  check_equal(as_of, table);
  /* Rows at or after the cut-off, changed wildly: nothing moves. */
  for (r = 0; r < ROWS; ++r) {
    if (when[r] >= AS_OF) h_logins[r] = 1e6 * (r % 3) - 5e5, h_seats[r] = NAN;
  }
  CHECK(candor_health_suggest_weights_as_of(card, &h, AS_OF, churned_by_code, &o, &again) ==
        CANDOR_OK);
  check_equal(again, table);
  candor_suggested_weights_free(again);
  /* A cut-off after them makes the gap accounts customers: their churn is
   * read (and refused). */
  CHECK(candor_health_suggest_weights_as_of(card, &h, 401, churned_by_code, &o, &again) ==
        CANDOR_INVALID_ARGUMENT); /* the gap accounts' churn (9) is read now */
  CHECK(strstr(candor_last_error(), "churned[40]") != NULL);
  candor_suggested_weights_free(again);
  candor_suggested_weights_free(as_of);
  candor_suggested_weights_free(table);
  candor_scorecard_free(card);
}

static void test_errors(void) {
  candor_scorecard* card = make_card();
  candor_health_history h;
  candor_suggest_weights_options o;
  candor_suggested_weights* w = (candor_suggested_weights*)&w;
  uint8_t bad[ACCOUNTS];
  int32_t bad_account[ROWS];
  make_history(&h);
  memcpy(bad, churned_by_code, sizeof bad);
  bad[code(7)] = 2;
  CHECK(candor_health_suggest_weights_as_of(card, &h, AS_OF, bad, NULL, &w) ==
            CANDOR_INVALID_ARGUMENT &&
        w == NULL);
  CHECK(strstr(candor_last_error(), "churned[7]") != NULL);
  CHECK(candor_health_suggest_weights_as_of(card, &h, AS_OF, NULL, NULL, &w) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "churned") != NULL);
  /* Before every row: no customer, nothing to fit. */
  CHECK(candor_health_suggest_weights_as_of(card, &h, 100, churned_by_code, NULL, &w) ==
        CANDOR_EMPTY);
  CHECK(strstr(candor_last_error(), "no account has a row before as_of") != NULL);
  memset(bad, 0, sizeof bad);
  CHECK(candor_health_suggest_weights_as_of(card, &h, AS_OF, bad, NULL, &w) == CANDOR_EMPTY);
  candor_suggest_weights_options_init(&o);
  o.folds = 1;
  CHECK(candor_health_suggest_weights_as_of(card, &h, AS_OF, churned_by_code, &o, &w) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "folds") != NULL);
  memcpy(bad_account, account, sizeof bad_account);
  bad_account[5] = ACCOUNTS;
  h.account = bad_account;
  CHECK(candor_health_suggest_weights_as_of(card, &h, AS_OF, churned_by_code, NULL, &w) ==
        CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "account[5]") != NULL);
  h.account = account;
  CHECK(candor_health_suggest_weights_as_of(card, NULL, AS_OF, churned_by_code, NULL, &w) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "history") != NULL);
  CHECK(candor_health_suggest_weights_as_of(NULL, &h, AS_OF, churned_by_code, NULL, &w) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(candor_health_suggest_weights_as_of(card, &h, AS_OF, churned_by_code, NULL, NULL) ==
        CANDOR_INVALID_ARGUMENT);
  candor_scorecard_free(card);
}

int main(void) {
  make_data();
  test_equals_table();
  test_errors();
  return report();
}
