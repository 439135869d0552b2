/* candor_csv_options.decimal, time_format and encoding (appended to the
 * size-versioned struct): their defaults, an older (shorter) struct that
 * gets them, and each read from a fixture of that shape (tests/data/csv). */
#include <candor.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

static candor_table* read_fixture(const char* name, const candor_csv_options* options) {
  char path[1024];
  candor_table* table = NULL;
  snprintf(path, sizeof(path), "%s/csv/%s", CANDOR_TEST_DATA, name);
  if (candor_table_read_csv(path, options, &table) != CANDOR_OK) return NULL;
  return table;
}

static void check_defaults(void) {
  candor_csv_options options;
  memset(&options, 0x5A, sizeof(options));
  candor_csv_options_init(&options);
  CHECK(options.decimal == '.');
  CHECK(options.time_format == NULL);
  CHECK(options.encoding == NULL);
  CHECK(options.delimiter == ',');

  /* A caller built before these fields: its struct ends at n_number_columns,
   * and the library reads the defaults for the rest. */
  options.delimiter = ';';
  options.size = offsetof(candor_csv_options, decimal);
  options.decimal = ','; /* past the caller's size: ignored */
  candor_table* table = read_fixture("semicolon.csv", &options);
  CHECK(table != NULL);
  CHECK(candor_table_rows(table) == 5);
  candor_table_free(table);
}

static void check_decimal(void) {
  candor_csv_options options;
  static const char* const numbers[] = {"arr"};
  candor_csv_options_init(&options);
  options.delimiter = ';';
  options.weight_column = "weight";
  options.number_columns = numbers;
  options.n_number_columns = 1;
  candor_table* table = read_fixture("decimal_comma.csv", &options);
  CHECK(table == NULL && strstr(candor_last_error(), "a decimal comma?") != NULL);

  options.decimal = ',';
  table = read_fixture("decimal_comma.csv", &options);
  CHECK(table != NULL);
  if (table != NULL) {
    const double* weights = candor_table_weights(table);
    const double* arr = NULL;
    CHECK(candor_table_rows(table) == 4);
    CHECK(weights[0] == 1.5 && weights[1] == 0.5 && weights[2] == 2 && weights[3] == 1.25);
    CHECK(candor_table_numbers(table, "arr", &arr) == CANDOR_OK);
    CHECK(arr[0] == 1200.5 && isnan(arr[1]) && arr[2] == 99.9 && arr[3] == -3.5);
  }
  candor_table_free(table);

  options.decimal = 'x';
  CHECK(read_fixture("decimal_comma.csv", &options) == NULL);
  CHECK(strstr(candor_last_error(), "decimal must be '.' or ','") != NULL);
}

static void check_time_format(void) {
  candor_csv_options options;
  candor_csv_options_init(&options);
  options.time_column = "date";
  CHECK(read_fixture("dotted_times.csv", &options) == NULL);
  options.time_format = "%d.%m.%Y %H:%M";
  candor_table* table = read_fixture("dotted_times.csv", &options);
  CHECK(table != NULL);
  if (table != NULL) {
    const int64_t* times = candor_table_times(table);
    /* calendar.timegm of 2025-01-01 00:16, 2025-02-15 13:05, 2025-12-31 23:59 */
    CHECK(times[0] == 1735690560 && times[1] == 1739624700 && times[2] == 1767225540);
  }
  candor_table_free(table);
}

static void check_encoding(void) {
  candor_csv_options options;
  static const char* const segments[] = {"city"};
  const int32_t* codes = NULL;
  size_t levels = 0;
  const char* label = NULL;
  candor_csv_options_init(&options);
  options.segment_columns = segments;
  options.n_segment_columns = 1;
  CHECK(read_fixture("windows1252.csv", &options) == NULL);
  CHECK(strstr(candor_last_error(), "--encoding windows-1252") != NULL);

  options.encoding = "windows-1252";
  candor_table* table = read_fixture("windows1252.csv", &options);
  CHECK(table != NULL);
  CHECK(candor_table_codes(table, "city", &codes, &levels) == CANDOR_OK && levels == 2);
  CHECK(candor_table_label(table, "city", 0, &label) == CANDOR_OK);
  CHECK(label != NULL && strcmp(label, "Z\xC3\xBCrich") == 0);
  candor_table_free(table);

  options.encoding = "no-such-encoding";
  CHECK(read_fixture("windows1252.csv", &options) == NULL);
  CHECK(strstr(candor_last_error(), "is not known") != NULL);

  /* The header reader transcodes too. */
  candor_csv_header* header = NULL;
  options.encoding = "latin1";
  CHECK(candor_csv_header_parse("K\xF6ln,score\n", 11, &options, &header) == CANDOR_OK);
  CHECK(candor_csv_header_count(header) == 2);
  CHECK(strcmp(candor_csv_header_name(header, 0, NULL), "K\xC3\xB6ln") == 0);
  candor_csv_header_free(header);
}

static void check_blank_score(void) {
  candor_csv_options options;
  candor_csv_options_init(&options);
  CHECK(read_fixture("blank_score.csv", &options) == NULL);
  CHECK(strstr(candor_last_error(), "empty score") != NULL);
  CHECK(strstr(candor_last_error(), "skip_bad_rows") != NULL);
  options.skip_bad_rows = 1;
  candor_table* table = read_fixture("blank_score.csv", &options);
  CHECK(table != NULL && candor_table_rows(table) == 2 && candor_table_skipped_rows(table) == 1);
  candor_table_free(table);
}

int main(void) {
  check_defaults();
  check_decimal();
  check_time_format();
  check_encoding();
  check_blank_score();
  return report();
}
