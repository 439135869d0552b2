/* The C ABI's readers of files refuse what is not a regular file (a FIFO
 * used to block forever, a directory loaded as an empty lexicon, /dev/zero
 * read until memory ran out) and candor_csv_options.max_bytes limits a CSV
 * file's size. A read that could block runs in a child process with an alarm,
 * so that a regression fails instead of hanging. */
#define _POSIX_C_SOURCE 200809L

#include <candor.h>

#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

static char scratch[] = "/tmp/candor_c_files_XXXXXX";

static void path_in_scratch(const char* name, char* out, size_t size) {
  snprintf(out, size, "%s/%s", scratch, name);
}

static candor_status read_csv(const char* path) {
  candor_table* table = NULL;
  candor_status status = candor_table_read_csv(path, NULL, &table);
  candor_table_free(table);
  return status;
}

static candor_status load_lexicon(const char* path) {
  candor_text_model* model = NULL;
  candor_status status = candor_text_model_new(NULL, &model);
  if (status == CANDOR_OK) {
    status = candor_text_model_load_lexicon_file(model, path, CANDOR_LEXICON_CANDOR, 1);
  }
  candor_text_model_free(model);
  return status;
}

static candor_status load_taxonomy(const char* path) {
  candor_text_model* model = NULL;
  candor_status status = candor_text_model_new(NULL, &model);
  if (status == CANDOR_OK) status = candor_text_model_load_taxonomy_file(model, path);
  candor_text_model_free(model);
  return status;
}

/* reader(path) in a child process that an alarm kills after 10 s. Returns the
 * status, with the child's last error in message; -1 if the child hung or
 * crashed. */
static int read_in_child(candor_status (*reader)(const char*), const char* path, char* message,
                         size_t size) {
  int channel[2];
  pid_t child;
  int wait_status = 0;
  size_t used = 0;
  ssize_t got;
  message[0] = '\0';
  if (pipe(channel) != 0) return -1;
  child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    candor_status status;
    const char* error;
    close(channel[0]);
    alarm(10);
    status = reader(path);
    error = status == CANDOR_OK ? "" : candor_last_error();
    if (write(channel[1], error, strlen(error)) < 0) _exit(100);
    _exit((int)status);
  }
  close(channel[1]);
  while (used + 1 < size && (got = read(channel[0], message + used, size - 1 - used)) > 0) {
    used += (size_t)got;
  }
  message[used] = '\0';
  close(channel[0]);
  if (waitpid(child, &wait_status, 0) != child) return -1;
  if (!WIFEXITED(wait_status)) {
    fprintf(stderr, "reading %s: the child was killed by signal %d (hung or crashed)\n", path,
            WIFSIGNALED(wait_status) ? WTERMSIG(wait_status) : 0);
    return -1;
  }
  return WEXITSTATUS(wait_status);
}

static void test_fifo_and_special_files(void) {
  static candor_status (*const readers[])(const char*) = {read_csv, load_lexicon, load_taxonomy};
  char fifo[256];
  char message[1024];
  size_t i;
  path_in_scratch("input.fifo", fifo, sizeof(fifo));
  CHECK(mkfifo(fifo, 0600) == 0);
  for (i = 0; i < sizeof(readers) / sizeof(readers[0]); ++i) {
    /* A FIFO without a writer: refused at once, not waited on. */
    CHECK(read_in_child(readers[i], fifo, message, sizeof(message)) == CANDOR_IO_ERROR);
    CHECK(strstr(message, fifo) != NULL && strstr(message, "FIFO") != NULL);
    /* A directory (used to load as an empty lexicon, replacing the built-in). */
    CHECK(read_in_child(readers[i], scratch, message, sizeof(message)) == CANDOR_IO_ERROR);
    CHECK(strstr(message, "a directory, not a regular file") != NULL);
    /* A character device that reads as empty. */
    CHECK(read_in_child(readers[i], "/dev/null", message, sizeof(message)) == CANDOR_IO_ERROR);
    CHECK(strstr(message, "a character device, not a regular file") != NULL);
  }
  unlink(fifo);
}

static void write_file(const char* path, const char* text) {
  FILE* file = fopen(path, "wb");
  CHECK(file != NULL);
  if (file == NULL) return;
  CHECK(fwrite(text, 1, strlen(text), file) == strlen(text));
  fclose(file);
}

static void test_csv_max_bytes(void) {
  const char* csv = "score\n10\n9\n0\n";
  char path[256];
  candor_csv_options options;
  candor_table* table = NULL;
  path_in_scratch("small.csv", path, sizeof(path));
  write_file(path, csv);

  candor_csv_options_init(&options);
  CHECK(options.max_bytes == 0); /* no limit by default */
  options.max_bytes = strlen(csv);
  CHECK(candor_table_read_csv(path, &options, &table) == CANDOR_OK);
  CHECK(table != NULL && candor_table_rows(table) == 3);
  candor_table_free(table);
  table = NULL;
  options.max_bytes = strlen(csv) - 1;
  CHECK(candor_table_read_csv(path, &options, &table) == CANDOR_INVALID_ARGUMENT);
  CHECK(table == NULL);
  CHECK(strstr(candor_last_error(), path) != NULL);
  CHECK(strstr(candor_last_error(), "limit of 12 bytes") != NULL);

  /* A caller compiled before max_bytes existed: the field is not read. */
  options.size = offsetof(candor_csv_options, max_bytes);
  CHECK(candor_table_read_csv(path, &options, &table) == CANDOR_OK);
  candor_table_free(table);
  table = NULL;

  /* /dev/zero never ends; refused before reading (bounded by the limit if
   * that regressed). */
  candor_csv_options_init(&options);
  options.max_bytes = 1 << 20;
  CHECK(candor_table_read_csv("/dev/zero", &options, &table) == CANDOR_IO_ERROR);
  CHECK(strstr(candor_last_error(), "character device") != NULL);
  unlink(path);
}

int main(void) {
  if (mkdtemp(scratch) == NULL) {
    perror("mkdtemp");
    return 1;
  }
  test_fifo_and_special_files();
  test_csv_max_bytes();
  rmdir(scratch);
  return report();
}
