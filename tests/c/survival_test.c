/* The survival C ABI from C: option defaults and their sizes, the
 * concordance of a small table (values from R's survival: concordance(...,
 * reverse = TRUE), plain and with timewt = "n/G2"), the Kaplan-Meier handle
 * (curves by group, Greenwood by hand), the log-rank handle (as survdiff),
 * the enum names, and bad input (clear statuses, NULL handles). */
#include <candor.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

#define N 11

static const double kTime[N] = {1, 2, 2, 2, 3, 4, 4, 5, 6, 6, 7};
static const double kEvent[N] = {1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0};
static const double kRisk[N] = {5, 3, 3, 4, 2, 2, 1, 3, 1, 0, 2};
static const int32_t kGroup[N] = {0, 1, 0, 1, 0, 1, 0, 1, 2, 2, 2};

static void test_options(void) {
  candor_concordance_options c;
  candor_kaplan_meier_options k;
  memset(&c, 0xAB, sizeof c);
  candor_concordance_options_init(&c);
  CHECK(c.size == sizeof c);
  CHECK(c.time_weight == CANDOR_TIME_WEIGHT_N);
  candor_kaplan_meier_options_init(&k);
  CHECK(k.size == sizeof k);
  CHECK(k.level == 0.95);
  CHECK(k.interval == CANDOR_SURVIVAL_INTERVAL_LOG);
  /* A size inside a field is refused; one ending on a field is read. */
  CHECK(candor_kaplan_meier_options_defaults(
            &k, offsetof(candor_kaplan_meier_options, level) + 4) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_kaplan_meier_options_defaults(&k, offsetof(candor_kaplan_meier_options, interval)) ==
        CANDOR_OK);
  CHECK(k.size == offsetof(candor_kaplan_meier_options, interval));
  CHECK(candor_concordance_options_defaults(NULL, sizeof c) == CANDOR_INVALID_ARGUMENT);
}

static void test_concordance(void) {
  candor_concordance_result r;
  candor_concordance_options options;
  CHECK(candor_concordance(kRisk, kTime, kEvent, NULL, N, NULL, &r) == CANDOR_OK);
  CHECK_NEAR(r.value, 0.75, 1e-12);
  CHECK_NEAR(r.std_error, 0.08333333, 5e-9);
  CHECK(r.concordant == 29 && r.discordant == 8 && r.tied_risk == 5);
  CHECK(r.tied_time == 0 && r.tied_both == 1);
  CHECK(r.n == N && r.events == 7);
  CHECK(r.time_weight == CANDOR_TIME_WEIGHT_N);
  candor_concordance_options_init(&options);
  options.time_weight = CANDOR_TIME_WEIGHT_N_G2;
  CHECK(candor_concordance(kRisk, kTime, kEvent, NULL, N, &options, &r) == CANDOR_OK);
  CHECK_NEAR(r.value, 0.71791768, 5e-9);
  CHECK_NEAR(r.std_error, 0.08000258, 5e-9);
  CHECK(r.time_weight == CANDOR_TIME_WEIGHT_N_G2);

  options.time_weight = (candor_time_weight)9;
  CHECK(candor_concordance(kRisk, kTime, kEvent, NULL, N, &options, &r) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "time_weight") != NULL);
  {
    double event[N];
    memcpy(event, kEvent, sizeof event);
    event[4] = 2;
    CHECK(candor_concordance(kRisk, kTime, event, NULL, N, NULL, &r) == CANDOR_OUT_OF_RANGE);
    CHECK(strstr(candor_last_error(), "event[4]") != NULL);
  }
  CHECK(candor_concordance(kRisk, kTime, kEvent, NULL, 0, NULL, &r) == CANDOR_EMPTY);
  CHECK(candor_concordance(NULL, kTime, kEvent, NULL, N, NULL, &r) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_concordance(kRisk, kTime, kEvent, NULL, N, NULL, NULL) == CANDOR_INVALID_ARGUMENT);
}

static void test_kaplan_meier(void) {
  candor_kaplan_meier* km = NULL;
  candor_km_curve curve;
  CHECK(candor_kaplan_meier_new(kTime, kEvent, kGroup, NULL, N, NULL, &km) == CANDOR_OK);
  CHECK(candor_kaplan_meier_curves(km) == 3);
  CHECK(candor_kaplan_meier_curve_at(km, 2, &curve) == CANDOR_OK);
  /* Group 2: times 6 (event), 6 (censored), 7 (censored). */
  CHECK(curve.group == 2 && curve.n == 3 && curve.points == 2);
  CHECK(curve.time[0] == 6 && curve.n_risk[0] == 3 && curve.n_event[0] == 1);
  CHECK(curve.n_censor[0] == 1 && curve.n_censor[1] == 1);
  CHECK_NEAR(curve.survival[0], 2.0 / 3, 1e-15);
  CHECK_NEAR(curve.std_error_log[0], sqrt(1.0 / 6), 1e-15);
  CHECK_NEAR(curve.ci_low[0], 2.0 / 3 * exp(-1.959963984540054 * sqrt(1.0 / 6)), 1e-12);
  CHECK(curve.ci_high[0] == 1.0);
  CHECK(curve.level == 0.95 && curve.interval == CANDOR_SURVIVAL_INTERVAL_LOG);
  CHECK(candor_kaplan_meier_curve_at(km, 3, &curve) == CANDOR_OUT_OF_RANGE);
  CHECK(candor_kaplan_meier_curve_at(NULL, 0, &curve) == CANDOR_INVALID_ARGUMENT);
  candor_kaplan_meier_free(km);
  candor_kaplan_meier_free(NULL);
  CHECK(candor_kaplan_meier_curves(NULL) == 0);

  {
    candor_kaplan_meier_options options;
    candor_kaplan_meier_options_init(&options);
    options.interval = (candor_survival_interval)5;
    km = (candor_kaplan_meier*)&options; /* must be reset to NULL on failure */
    CHECK(candor_kaplan_meier_new(kTime, kEvent, NULL, NULL, N, &options, &km) ==
          CANDOR_INVALID_ARGUMENT);
    CHECK(km == NULL);
  }
  {
    double time[N];
    memcpy(time, kTime, sizeof time);
    time[3] = -1;
    CHECK(candor_kaplan_meier_new(time, kEvent, NULL, NULL, N, NULL, &km) == CANDOR_OUT_OF_RANGE);
    CHECK(strstr(candor_last_error(), "time[3]") != NULL);
  }
}

static void test_log_rank(void) {
  candor_log_rank* test = NULL;
  candor_log_rank_result r;
  candor_log_rank_group g;
  CHECK(candor_log_rank_new(kTime, kEvent, kGroup, N, &test) == CANDOR_OK);
  CHECK(candor_log_rank_summary(test, &r) == CANDOR_OK);
  /* R: survdiff(Surv(time, event) ~ group). */
  CHECK_NEAR(r.chi_square, 8.65123107, 5e-8);
  CHECK_NEAR(r.p_value, 0.01322541, 5e-8);
  CHECK(r.df == 2 && r.groups == 3);
  CHECK(candor_log_rank_groups(test) == 3);
  CHECK(candor_log_rank_group_at(test, 0, &g) == CANDOR_OK);
  CHECK(g.group == 0 && g.n == 4 && g.observed == 4 && g.tested == 1);
  CHECK_NEAR(g.expected, 1.416017, 5e-7);
  CHECK_NEAR(g.variance, 0.9477088, 5e-7);
  CHECK(candor_log_rank_group_at(test, 3, &g) == CANDOR_OUT_OF_RANGE);
  candor_log_rank_free(test);
  candor_log_rank_free(NULL);
  CHECK(candor_log_rank_groups(NULL) == 0);
  CHECK(candor_log_rank_new(kTime, kEvent, NULL, N, &test) == CANDOR_INVALID_ARGUMENT);
  CHECK(test == NULL);
}

static void test_enum_names(void) {
  int32_t value = -1;
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_TIME_WEIGHT, CANDOR_TIME_WEIGHT_N_G2), "n_g2") == 0);
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_SURVIVAL_INTERVAL, CANDOR_SURVIVAL_INTERVAL_LOG_LOG),
               "log_log") == 0);
  CHECK(candor_enum_value(CANDOR_ENUM_SURVIVAL_INTERVAL, "plain", &value) == CANDOR_OK);
  CHECK(value == CANDOR_SURVIVAL_INTERVAL_PLAIN);
}

int main(void) {
  test_options();
  test_concordance();
  test_kaplan_meier();
  test_log_rank();
  test_enum_names();
  return report();
}
