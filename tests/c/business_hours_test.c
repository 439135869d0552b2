/* Business-hour calendars from C: deadlines and business hours between over
 * arrays (instants worked out with Python's zoneinfo), a holiday, the JSON
 * form, the spec's defaults and sizes; bad input naming the problem. */
#include <candor.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

#define HOUR 3600
/* 2026-12-04 16:00 UTC, a Friday; Monday 2026-12-07 09:00 UTC. */
#define FRIDAY_1600 INT64_C(1796400000)
#define MONDAY_0900 INT64_C(1796634000)

static void test_defaults(void) {
  candor_business_calendar_spec spec;
  memset(&spec, 0xAB, sizeof spec);
  candor_business_calendar_spec_init(&spec);
  CHECK(spec.size == sizeof spec && strcmp(spec.time_zone, "UTC") == 0);
  CHECK(spec.open_minute == 540 && spec.close_minute == 1020 && spec.weekdays == 0x1F);
  CHECK(spec.holidays == NULL && spec.n_holidays == 0);
  CHECK(candor_business_calendar_spec_defaults(
            &spec, offsetof(candor_business_calendar_spec, time_zone) + 3) ==
        CANDOR_INVALID_ARGUMENT);
}

static void test_deadline_and_between(void) {
  candor_business_calendar_spec spec;
  candor_business_calendar* calendar = NULL;
  const int32_t holidays[1] = {20427}; /* 2025-12-05, outside these rows */
  const int64_t starts[3] = {FRIDAY_1600, MONDAY_0900, MONDAY_0900 - 2 * 86400};
  const double hours[3] = {2, 8, 0.5};
  int64_t deadlines[3];
  double between[3];
  candor_business_calendar_spec_init(&spec);
  spec.holidays = holidays;
  spec.n_holidays = 1;
  CHECK(candor_business_calendar_new(&spec, &calendar) == CANDOR_OK);
  CHECK(candor_business_calendar_deadline(calendar, starts, hours, 3, deadlines) == CANDOR_OK);
  CHECK(deadlines[0] == MONDAY_0900 + HOUR);     /* Friday 16-17, Monday 09-10 */
  CHECK(deadlines[1] == MONDAY_0900 + 8 * HOUR); /* the closing instant itself */
  CHECK(deadlines[2] == MONDAY_0900 + HOUR / 2); /* Saturday counts from Monday */
  CHECK(candor_business_calendar_business_hours_between(calendar, starts, deadlines, 3, between) ==
        CANDOR_OK);
  CHECK(between[0] == 2 && between[1] == 8 && between[2] == 0.5);
  /* Reversed: negative. */
  CHECK(candor_business_calendar_business_hours_between(calendar, deadlines, starts, 1, between) ==
        CANDOR_OK);
  CHECK(between[0] == -2);
  CHECK(candor_business_calendar_deadline(calendar, NULL, NULL, 0, NULL) == CANDOR_OK);
  candor_business_calendar_free(calendar);
  candor_business_calendar_free(NULL);
}

static void test_json(void) {
  const char* json =
      "{\"time_zone\": \"America/New_York\", \"open\": \"09:00\", \"close\": \"17:00\", "
      "\"holidays\": [\"2026-12-07\"]}";
  candor_business_calendar* calendar = NULL;
  /* Friday 2026-12-04 16:00 EST = 21:00 UTC; Monday is a holiday, so two
   * hours later is Tuesday 10:00 EST = 15:00 UTC. */
  const int64_t start = FRIDAY_1600 + 5 * HOUR;
  const double two = 2;
  int64_t deadline = 0;
  CHECK(candor_business_calendar_from_json(json, strlen(json), &calendar) == CANDOR_OK);
  CHECK(candor_business_calendar_deadline(calendar, &start, &two, 1, &deadline) == CANDOR_OK);
  CHECK(deadline == MONDAY_0900 + 24 * HOUR + 6 * HOUR);
  candor_business_calendar_free(calendar);
  CHECK(candor_business_calendar_from_json("{\"open\": \"9\"}", 13, &calendar) ==
        CANDOR_PARSE_ERROR);
  CHECK(calendar == NULL && strstr(candor_last_error(), "\"open\"") != NULL);
}

static void test_bad_input(void) {
  candor_business_calendar_spec spec;
  candor_business_calendar* calendar = NULL;
  const int64_t start = MONDAY_0900;
  const double minus = -1;
  int64_t deadline = 0;
  const int32_t twice[2] = {20812, 20812};
  candor_business_calendar_spec_init(&spec);
  spec.time_zone = "Europe/Atlantis";
  CHECK(candor_business_calendar_new(&spec, &calendar) == CANDOR_INVALID_ARGUMENT);
  CHECK(calendar == NULL && strstr(candor_last_error(), "unknown time zone") != NULL);
  spec.time_zone = NULL;
  CHECK(candor_business_calendar_new(&spec, &calendar) == CANDOR_INVALID_ARGUMENT);
  CHECK(strcmp(candor_last_error(), "spec->time_zone is NULL") == 0);
  candor_business_calendar_spec_init(&spec);
  spec.close_minute = 480;
  CHECK(candor_business_calendar_new(&spec, &calendar) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "must be after open") != NULL);
  candor_business_calendar_spec_init(&spec);
  spec.holidays = twice;
  spec.n_holidays = 2;
  CHECK(candor_business_calendar_new(&spec, &calendar) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "2026-12-25 is given twice") != NULL);
  spec.holidays = NULL;
  CHECK(candor_business_calendar_new(&spec, &calendar) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_business_calendar_new(NULL, &calendar) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_business_calendar_new(&spec, NULL) == CANDOR_INVALID_ARGUMENT);
  candor_business_calendar_spec_init(&spec);
  CHECK(candor_business_calendar_new(&spec, &calendar) == CANDOR_OK);
  CHECK(candor_business_calendar_deadline(calendar, &start, &minus, 1, &deadline) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "row 0: hours must be finite and >= 0") != NULL);
  CHECK(candor_business_calendar_deadline(calendar, &start, NULL, 1, &deadline) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strcmp(candor_last_error(), "hours is NULL") == 0);
  CHECK(candor_business_calendar_deadline(NULL, &start, &minus, 1, &deadline) ==
        CANDOR_INVALID_ARGUMENT);
  candor_business_calendar_free(calendar);
}

int main(void) {
  test_defaults();
  test_deadline_and_between();
  test_json();
  test_bad_input();
  return report();
}
