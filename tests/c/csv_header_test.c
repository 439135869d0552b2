/* candor_csv_header_parse / _read: the column names of a CSV header row, as
 * candor_table_parse_csv reads them; errors as for a table; NULLs refused. */
#define _POSIX_C_SOURCE 200809L

#include <candor.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static candor_csv_header* parse(const char* data, size_t size, char delimiter) {
  candor_csv_options options;
  candor_csv_header* header = NULL;
  candor_csv_options_init(&options);
  options.delimiter = delimiter;
  CHECK(candor_csv_header_parse(data, size, &options, &header) == CANDOR_OK);
  return header;
}

static int name_is(const candor_csv_header* header, size_t i, const char* expected,
                   size_t expected_length) {
  size_t length = 0;
  const char* name = candor_csv_header_name(header, i, &length);
  return name != NULL && length == expected_length && memcmp(name, expected, length) == 0 &&
         name[length] == '\0';
}

static void check_names(void) {
  static const char data[] = "\xEF\xBB\xBFscore;\"a;b\";\"say \"\"x\"\"\";n\0ul\r\n1;2;3;4\r\n";
  candor_csv_header* header = parse(data, sizeof(data) - 1, ';');
  CHECK(candor_csv_header_count(header) == 4);
  CHECK(name_is(header, 0, "score", 5));
  CHECK(name_is(header, 1, "a;b", 3));
  CHECK(name_is(header, 2, "say \"x\"", 7));
  CHECK(name_is(header, 3, "n\0ul", 4));
  CHECK(candor_csv_header_name(header, 4, NULL) == NULL);
  CHECK(strcmp(candor_csv_header_name(header, 0, NULL), "score") == 0);
  candor_csv_header_free(header);

  header = parse("", 0, ',');
  CHECK(header != NULL);
  CHECK(candor_csv_header_count(header) == 0);
  CHECK(candor_csv_header_name(header, 0, NULL) == NULL);
  candor_csv_header_free(header);

  /* NULL options: the defaults (a comma). */
  header = NULL;
  CHECK(candor_csv_header_parse("a,b\n", 4, NULL, &header) == CANDOR_OK);
  CHECK(candor_csv_header_count(header) == 2);
  candor_csv_header_free(header);

  CHECK(candor_csv_header_count(NULL) == 0);
  CHECK(candor_csv_header_name(NULL, 0, NULL) == NULL);
  candor_csv_header_free(NULL);
}

static void check_errors(void) {
  static int sentinel;
  candor_csv_header* header = (candor_csv_header*)(void*)&sentinel; /* reset to NULL */
  CHECK(candor_csv_header_parse("a,b,a\n1,2,3\n", 12, NULL, &header) == CANDOR_PARSE_ERROR);
  CHECK(header == NULL);
  CHECK(strstr(candor_last_error(), "line 1: duplicate column name 'a'") != NULL);
  CHECK(candor_csv_header_parse("a,\"b\n", 5, NULL, &header) == CANDOR_PARSE_ERROR);
  CHECK(candor_csv_header_parse("a,\xC3(\n", 5, NULL, &header) == CANDOR_INVALID_UTF8);
  CHECK(candor_csv_header_parse(NULL, 3, NULL, &header) == CANDOR_INVALID_ARGUMENT);
  CHECK(strcmp(candor_last_error(), "data is NULL") == 0);
  CHECK(candor_csv_header_parse("a", 1, NULL, NULL) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_csv_header_read(NULL, NULL, &header) == CANDOR_INVALID_ARGUMENT);
  CHECK(candor_csv_header_read("/nonexistent/candor.csv", NULL, &header) == CANDOR_NOT_FOUND);
  CHECK(candor_csv_header_read("/tmp", NULL, &header) == CANDOR_IO_ERROR);
}

static void check_read(void) {
  char path[] = "/tmp/candor_c_header_XXXXXX";
  int fd = mkstemp(path);
  static const char text[] = "score,plan,timestamp\n9,pro,2026-01-01\n";
  candor_csv_options options;
  candor_csv_header* header = NULL;
  CHECK(fd >= 0);
  if (fd < 0) return;
  CHECK(write(fd, text, sizeof(text) - 1) == (ssize_t)(sizeof(text) - 1));
  close(fd);
  CHECK(candor_csv_header_read(path, NULL, &header) == CANDOR_OK);
  CHECK(candor_csv_header_count(header) == 3);
  CHECK(name_is(header, 2, "timestamp", 9));
  candor_csv_header_free(header);
  candor_csv_options_init(&options);
  options.max_bytes = 10;
  CHECK(candor_csv_header_read(path, &options, &header) == CANDOR_INVALID_ARGUMENT);
  unlink(path);
}

int main(void) {
  check_names();
  check_errors();
  check_read();
  return report();
}
