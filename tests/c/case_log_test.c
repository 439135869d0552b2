/* The case log C ABI from C: option defaults, a small log on a UTC 09-17
 * calendar (a hold pausing the clock, each status), breach rates with a
 * Wilson interval, the columns, and bad input (a duplicate event as an error
 * naming its row, or a counted drop; codes out of range; NULL handles). */
#include <candor.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

#define MONDAY 1796601600LL /* 2026-12-07 00:00 UTC */
#define HOUR 3600LL
#define N 7

static const char* const kCases[] = {"A", "B", "C"};
static const char* const kEvents[] = {"opened", "first_contact", "on_hold", "resumed", "closed"};
static const char* const kOwners[] = {"alice", "bob"};
static const int32_t kCase[N] = {0, 0, 1, 1, 1, 1, 2};
static const int64_t kTime[N] = {MONDAY + 9 * HOUR,  MONDAY + 12 * HOUR, MONDAY + 15 * HOUR,
                                 MONDAY + 16 * HOUR, MONDAY + 34 * HOUR, MONDAY + 42 * HOUR,
                                 MONDAY + 40 * HOUR};
static const int32_t kEvent[N] = {0, 1, 0, 2, 3, 1, 0};
static const int32_t kOwner[N] = {0, -1, 1, -1, -1, -1, 1};

static candor_business_calendar* utc_calendar(void) {
  candor_business_calendar_spec spec;
  candor_business_calendar* calendar = NULL;
  candor_business_calendar_spec_init(&spec);
  CHECK(candor_business_calendar_new(&spec, &calendar) == CANDOR_OK);
  return calendar;
}

static void test_log(void) {
  candor_business_calendar* calendar = utc_calendar();
  candor_case_log_options options;
  candor_case_log* log = NULL;
  candor_case_log_summary s;
  candor_case_log_columns c;
  candor_breach_rate rate;
  candor_case_log_options_init(&options);
  CHECK(options.first_contact_hours == 8 && options.at_risk_hours == 2 && options.as_of == 0);
  CHECK(options.on_invalid == CANDOR_INVALID_EVENTS_ERROR);
  options.first_contact_hours = 7.5;
  CHECK(candor_case_log_new(calendar, kCase, kCases, 3, kTime, kEvent, kEvents, 5, kOwner, kOwners,
                            2, NULL, NULL, 0, N, &options, &log) == CANDOR_OK);
  CHECK(candor_case_log_summary_get(log, &s) == CANDOR_OK);
  CHECK(s.cases == 3 && s.rows == N && s.cases_dropped == 0);
  CHECK(s.as_of == MONDAY + 42 * HOUR);
  CHECK(candor_case_log_columns_get(log, &c) == CANDOR_OK);
  CHECK(c.n == 3);
  /* A: 3 h, met. B: 1 h Monday + 7 h Tuesday (hold overnight) = 8 > 7.5. */
  CHECK(c.status[0] == CANDOR_SLA_MET && c.hours_to_first_contact[0] == 3);
  CHECK(c.status[1] == CANDOR_SLA_BREACHED && c.hours_to_first_contact[1] == 8);
  CHECK(c.owner_row[1] == 2 && c.team_row[1] == -1);
  /* C: opened Tuesday 16:00, as_of Tuesday 18:00: 1 h on the clock. */
  CHECK(c.status[2] == CANDOR_SLA_OPEN && c.clock_hours[2] == 1);
  CHECK(isnan(c.hours_to_first_contact[2]) && c.contacted[2] == 0);
  CHECK(s.overall.breached == 1 && s.overall.met == 1 && s.overall.rate == 0.5);
  CHECK(s.overall.ci_low > 0 && s.overall.ci_high < 1);
  CHECK(s.owners == 2);
  CHECK(candor_case_log_owner_at(log, 1, &rate) == CANDOR_OK);
  CHECK(strcmp(rate.key, "bob") == 0 && rate.breached == 1 && rate.open == 1);
  CHECK(candor_case_log_owner_at(log, 2, &rate) == CANDOR_OUT_OF_RANGE);
  CHECK(candor_case_log_team_at(log, 0, &rate) == CANDOR_OK && strcmp(rate.key, "") == 0);
  candor_case_log_free(log);
  candor_business_calendar_free(calendar);
}

static void test_errors(void) {
  candor_business_calendar* calendar = utc_calendar();
  candor_case_log_options options;
  candor_case_log* log = NULL;
  candor_case_log_summary s;
  int32_t event[N];
  int32_t bad_case[N];
  memcpy(event, kEvent, sizeof event);
  event[1] = 0; /* A opened twice */
  CHECK(candor_case_log_new(calendar, kCase, kCases, 3, kTime, event, kEvents, 5, NULL, NULL, 0,
                            NULL, NULL, 0, N, NULL, &log) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "row 1, case 'A': duplicate") != NULL);
  CHECK(log == NULL);
  candor_case_log_options_init(&options);
  options.on_invalid = CANDOR_INVALID_EVENTS_DROP_CASE;
  CHECK(candor_case_log_new(calendar, kCase, kCases, 3, kTime, event, kEvents, 5, NULL, NULL, 0,
                            NULL, NULL, 0, N, &options, &log) == CANDOR_OK);
  CHECK(candor_case_log_summary_get(log, &s) == CANDOR_OK);
  CHECK(s.cases == 2 && s.cases_dropped == 1 && s.dropped_duplicate == 1 && s.rows_dropped == 2);
  candor_case_log_free(log);
  memcpy(bad_case, kCase, sizeof bad_case);
  bad_case[3] = 3;
  CHECK(candor_case_log_new(calendar, bad_case, kCases, 3, kTime, kEvent, kEvents, 5, NULL, NULL, 0,
                            NULL, NULL, 0, N, NULL, &log) == CANDOR_OUT_OF_RANGE);
  CHECK(strstr(candor_last_error(), "case_codes[3]") != NULL);
  CHECK(candor_case_log_new(NULL, kCase, kCases, 3, kTime, kEvent, kEvents, 5, NULL, NULL, 0, NULL,
                            NULL, 0, N, NULL, &log) == CANDOR_INVALID_ARGUMENT);
  options.on_invalid = (candor_invalid_events)7;
  CHECK(candor_case_log_new(calendar, kCase, kCases, 3, kTime, kEvent, kEvents, 5, NULL, NULL, 0,
                            NULL, NULL, 0, N, &options, &log) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_case_log_summary_get(NULL, &s) == CANDOR_INVALID_ARGUMENT);
  candor_case_log_free(NULL);
  candor_business_calendar_free(calendar);
}

int main(void) {
  test_log();
  test_errors();
  return report();
}
