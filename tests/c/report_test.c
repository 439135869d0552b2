/* The report C ABI from C: a table read with number columns, a report built
 * with options (columns, progress that counts and that stops), rendered as
 * JSON (its numbers read back), text and HTML; the defaults and their sizes;
 * bad input (statuses that name the problem, NULL handles). */
#include <candor.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

static const char kCsv[] =
    "score,when,account,region,arr,churned,comment\n"
    "9,2025-01-05,A,EU,1200,0,Great support\n"
    "3,2025-01-20,B,US,800,1,Too slow\n"
    "10,2025-02-03,A,EU,1200,0,\n"
    "6,2025-02-14,C,US,,1,Pricing is high\n"
    "8,2025-03-01,B,US,800,1,ok\n";

static candor_table* read_table(void) {
  static const char* const segments[] = {"region"};
  static const char* const numbers[] = {"arr", "churned"};
  candor_csv_options options;
  candor_table* table = NULL;
  candor_csv_options_init(&options);
  options.time_column = "when";
  options.account_column = "account";
  options.comment_column = "comment";
  options.segment_columns = segments;
  options.n_segment_columns = 1;
  options.number_columns = numbers;
  options.n_number_columns = 2;
  CHECK(candor_table_parse_csv(kCsv, sizeof kCsv - 1, &options, &table) == CANDOR_OK);
  return table;
}

static void test_number_columns(void) {
  candor_table* table = read_table();
  const double* values = NULL;
  CHECK(candor_table_numbers(table, "arr", &values) == CANDOR_OK);
  CHECK(values != NULL && values[0] == 1200 && values[1] == 800 && isnan(values[3]));
  CHECK(candor_table_numbers(table, "churned", &values) == CANDOR_OK);
  CHECK(values[1] == 1 && values[2] == 0);
  CHECK(candor_table_numbers(table, "region", &values) == CANDOR_NOT_FOUND);
  CHECK(strstr(candor_last_error(), "region") != NULL);
  CHECK(candor_table_numbers(NULL, "arr", &values) == CANDOR_INVALID_ARGUMENT);
  candor_table_free(table);
}

static int64_t steps_seen = 0;
static int count_steps(int64_t done, int64_t total, void* user_data) {
  (void)user_data;
  steps_seen = done;
  return total == 6;
}
static int stop_at_two(int64_t done, int64_t total, void* user_data) {
  (void)total;
  ++*(int*)user_data;
  return done < 2;
}

static void test_build_and_render(void) {
  candor_table* table = read_table();
  candor_report_options options;
  candor_report* rep = NULL;
  const char* text = NULL;
  size_t length = 0;
  int calls = 0;
  candor_report_options_init(&options);
  CHECK(options.level == 0.95 && options.max_themes == 8 && options.seed == 42);
  CHECK(options.time_zone == NULL && options.progress == NULL);
  options.level = 0.9;
  options.source = "survey.csv";
  options.time_column = "when";
  options.arr_column = "arr";
  options.outcome_column = "churned";
  options.progress = count_steps;
  CHECK(candor_report_build(table, &options, &rep) == CANDOR_OK);
  CHECK(rep != NULL);
  CHECK(steps_seen == 6);

  CHECK(candor_report_render(rep, CANDOR_REPORT_FORMAT_JSON, &text, &length) == CANDOR_OK);
  CHECK(text != NULL && length == strlen(text));
  CHECK(strstr(text, "\"schema_version\": 1") != NULL);
  CHECK(strstr(text, "\"source\": \"survey.csv\"") != NULL);
  CHECK(strstr(text, "\"rows\": 5") != NULL);
  CHECK(strstr(text, "\"level\": 0.9") != NULL);
  CHECK(strstr(text, "\"time\": \"when\"") != NULL);
  CHECK(strstr(text, "\"account\": \"account\"") != NULL);
  CHECK(strstr(text, "\"comment\": \"comment\"") != NULL); /* the role's name: not given */
  CHECK(strstr(text, "\"outcome\": \"churned\"") != NULL);
  {
    const char* again = NULL;
    size_t again_length = 0;
    /* Rendered once: the same text at the same address. */
    CHECK(candor_report_render(rep, CANDOR_REPORT_FORMAT_JSON, &again, &again_length) ==
          CANDOR_OK);
    CHECK(again == text && again_length == length);
  }
  CHECK(candor_report_render(rep, CANDOR_REPORT_FORMAT_TEXT, &text, &length) == CANDOR_OK);
  CHECK(text != NULL && length == strlen(text));
  CHECK(candor_report_render(rep, CANDOR_REPORT_FORMAT_HTML, &text, &length) == CANDOR_OK);
  CHECK(text != NULL && length == strlen(text));
  CHECK(candor_report_render(rep, (candor_report_format)3, &text, &length) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "candor_report_format") != NULL);
  CHECK(candor_report_render(rep, CANDOR_REPORT_FORMAT_JSON, NULL, &length) ==
        CANDOR_INVALID_ARGUMENT);
  candor_report_free(rep);
  rep = NULL;

  /* Stopped by the callback after two sections: cancelled, no report. */
  candor_report_options_init(&options);
  options.progress = stop_at_two;
  options.progress_user_data = &calls;
  CHECK(candor_report_build(table, &options, &rep) == CANDOR_CANCELLED);
  CHECK(rep == NULL && calls == 2);
  CHECK(strstr(candor_last_error(), "cancelled") != NULL);

  /* NULL options: the defaults. */
  CHECK(candor_report_build(table, NULL, &rep) == CANDOR_OK);
  candor_report_free(rep);
  candor_table_free(table);
}

static void test_bad_input(void) {
  candor_table* table = read_table();
  candor_report_options options;
  candor_report* rep = NULL;
  static const char kBadOutcome[] = "score,churned\n9,0\n3,2\n";
  static const char* const numbers[] = {"churned"};
  candor_csv_options csv;

  CHECK(candor_report_build(NULL, NULL, &rep) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "table") != NULL);
  CHECK(candor_report_build(table, NULL, NULL) == CANDOR_INVALID_ARGUMENT);

  candor_report_options_init(&options);
  options.level = 1.5;
  CHECK(candor_report_build(table, &options, &rep) == CANDOR_INVALID_ARGUMENT);
  CHECK(rep == NULL && strstr(candor_last_error(), "level") != NULL);

  candor_report_options_init(&options);
  options.arr_column = "revenue";
  CHECK(candor_report_build(table, &options, &rep) == CANDOR_NOT_FOUND);
  CHECK(strstr(candor_last_error(), "revenue") != NULL);

  candor_report_options_init(&options);
  options.size = offsetof(candor_report_options, time_zone) + 3;
  CHECK(candor_report_build(table, &options, &rep) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_report_options_defaults(NULL, sizeof options) == CANDOR_INVALID_ARGUMENT);
  /* An older, shorter struct: only its fields are written and read. */
  {
    unsigned char buffer[sizeof(candor_report_options) + 8];
    const size_t old_size = offsetof(candor_report_options, level) + sizeof(double);
    memset(buffer, 0xAB, sizeof buffer);
    CHECK(candor_report_options_defaults((candor_report_options*)(void*)buffer, old_size) ==
          CANDOR_OK);
    CHECK(buffer[old_size] == 0xAB);
    CHECK(candor_report_build(table, (candor_report_options*)(void*)buffer, &rep) == CANDOR_OK);
    candor_report_free(rep);
    rep = NULL;
  }
  candor_table_free(table);

  candor_csv_options_init(&csv);
  csv.number_columns = numbers;
  csv.n_number_columns = 1;
  CHECK(candor_table_parse_csv(kBadOutcome, sizeof kBadOutcome - 1, &csv, &table) == CANDOR_OK);
  candor_report_options_init(&options);
  options.outcome_column = "churned";
  CHECK(candor_report_build(table, &options, &rep) == CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "row 2") != NULL);
  candor_table_free(table);

  csv.number_columns = NULL;
  CHECK(candor_table_parse_csv(kBadOutcome, sizeof kBadOutcome - 1, &csv, &table) ==
        CANDOR_INVALID_ARGUMENT);
  CHECK(strstr(candor_last_error(), "number_columns") != NULL);

  candor_report_free(NULL);
  CHECK(strcmp(candor_enum_name(CANDOR_ENUM_REPORT_FORMAT, CANDOR_REPORT_FORMAT_HTML), "html") ==
        0);
}

int main(void) {
  test_number_columns();
  test_build_and_render();
  test_bad_input();
  return report();
}
