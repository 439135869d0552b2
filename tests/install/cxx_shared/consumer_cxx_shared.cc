// The C ABI from C++ through the shared library: the NPS of a survey CSV.
#include <candor.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  candor_csv_options csv;
  candor_csv_options_init(&csv);
  candor_table* table = nullptr;
  if (candor_table_read_csv(argv[1], &csv, &table) != CANDOR_OK) {
    std::cerr << candor_last_error() << "\n";
    return 1;
  }
  candor_score_options options;
  candor_score_options_nps(&options);
  candor_estimate e;
  candor_status status =
      candor_score(&options, candor_table_scores(table), nullptr, candor_table_rows(table), &e);
  candor_table_free(table);
  if (status != CANDOR_OK) {
    std::cerr << candor_last_error() << "\n";
    return 1;
  }
  std::cout << "NPS " << e.value << " n=" << e.n << "\n";
  return 0;
}
