/* consumer.c: reads a survey CSV (argv[1]) and prints its NPS, using only the
 * installed <candor.h>. Built twice: against the shared and the static library. */
#include <candor.h>
#include <stdio.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s SURVEY.csv\n", argv[0]);
    return 2;
  }
  candor_csv_options csv;
  candor_csv_options_init(&csv);
  candor_table* table = NULL;
  candor_status status = candor_table_read_csv(argv[1], &csv, &table);
  if (status != CANDOR_OK) {
    fprintf(stderr, "candor_table_read_csv: %s\n", candor_last_error());
    return 1;
  }
  candor_score_options options;
  candor_score_options_nps(&options);
  candor_estimate e;
  status = candor_score(&options, candor_table_scores(table), NULL, candor_table_rows(table), &e);
  candor_table_free(table);
  if (status != CANDOR_OK) {
    fprintf(stderr, "candor_score: %s\n", candor_last_error());
    return 1;
  }
  printf("NPS %.1f [%.1f, %.1f] n=%lld (candor %s)\n", e.value, e.ci_low, e.ci_high, (long long)e.n,
         candor_version());
  return 0;
}
