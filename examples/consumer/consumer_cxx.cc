// consumer_cxx.cc: reads a survey CSV (argv[1]) and prints its NPS, using the
// installed C++ API and the static library.
#include <candor/csv.hpp>
#include <candor/score.hpp>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s SURVEY.csv\n", argv[0]);
    return 2;
  }
  candor::Result<candor::Table> table = candor::ReadCsv(argv[1], candor::CsvOptions());
  if (!table.ok()) {
    std::fprintf(stderr, "ReadCsv: %s\n", table.status().message().c_str());
    return 1;
  }
  candor::Result<candor::Estimate> e =
      candor::EstimateScores(candor::Metric::Nps(), table->scores.data(), nullptr, table->rows(),
                             candor::IntervalOptions());
  if (!e.ok()) {
    std::fprintf(stderr, "EstimateScores: %s\n", e.status().message().c_str());
    return 1;
  }
  std::printf("NPS %.1f [%.1f, %.1f] n=%lld (C++ API)\n", e->value, e->ci_low, e->ci_high,
              static_cast<long long>(e->n));
  return 0;
}
