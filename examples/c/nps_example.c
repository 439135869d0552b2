/* nps_example.c: the NPS of a survey file with its interval, through the C ABI.
 *
 *   example_c [FILE.csv]   (default: the bundled sample, data/sample/survey.csv)
 *
 * Every candor call returns a candor_status; on failure candor_last_error()
 * says why (which file, line, column or value). */
#include <candor.h>
#include <stdio.h>

#ifndef CANDOR_SAMPLE_CSV
#define CANDOR_SAMPLE_CSV "data/sample/survey.csv"
#endif

static int fail(const char* what, candor_status status) {
  fprintf(stderr, "%s failed (%s): %s\n", what, candor_status_name(status), candor_last_error());
  return 1;
}

static void print_estimate(const char* label, const candor_estimate* e) {
  printf("%-11s NPS %6.1f  %g%% CI [%5.1f, %5.1f]  SE %.2f  n %lld  effective n %.0f\n", label,
         e->value, 100 * e->level, e->ci_low, e->ci_high, e->std_error, (long long)e->n,
         e->effective_n);
}

int main(int argc, char** argv) {
  const char* path = argc > 1 ? argv[1] : CANDOR_SAMPLE_CSV;
  candor_csv_options csv;
  candor_csv_options_init(&csv);
  csv.score_column = "score";
  csv.weight_column = "weight";

  candor_table* table = NULL;
  candor_status status = candor_table_read_csv(path, &csv, &table);
  if (status != CANDOR_OK) return fail("reading the CSV", status);

  const size_t n = candor_table_rows(table);
  const double* scores = candor_table_scores(table);
  const double* weights = candor_table_weights(table);

  candor_score_options options;
  candor_score_options_nps(&options); /* NPS on 0..10, Wald, 95% */

  candor_estimate plain, weighted;
  status = candor_score(&options, scores, NULL, n, &plain);
  if (status == CANDOR_OK) status = candor_score(&options, scores, weights, n, &weighted);
  if (status != CANDOR_OK) {
    candor_table_free(table);
    return fail("scoring", status);
  }
  printf("candor %s: %zu responses from %s\n", candor_version(), n, path);
  print_estimate("unweighted", &plain);
  print_estimate("weighted", &weighted);

  /* The same call reports bad input instead of crashing: 11 is off the scale. */
  const double bad[] = {10, 9, 11};
  status = candor_score(&options, bad, NULL, 3, &plain);
  printf("a score of 11 is rejected: %s (%s)\n", candor_status_name(status), candor_last_error());

  candor_table_free(table);
  return 0;
}
