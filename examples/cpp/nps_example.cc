// nps_example.cc: NPS with its interval, and by region, through the C++ API.
//
//   example_cpp [FILE.csv]   (default: the bundled sample)
//
// The C++ API returns Result<T> / Status instead of throwing.
#include <candor/csv.hpp>
#include <candor/score.hpp>
#include <candor/table.hpp>
#include <cstdio>
#include <string>

#ifndef CANDOR_SAMPLE_CSV
#define CANDOR_SAMPLE_CSV "data/sample/survey.csv"
#endif

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : CANDOR_SAMPLE_CSV;
  candor::CsvOptions csv;
  csv.weight_column = "weight";
  csv.segment_columns = {"region"};
  candor::Result<candor::Table> table = candor::ReadCsv(path, csv);
  if (!table.ok()) {
    std::fprintf(stderr, "reading %s: %s\n", path.c_str(), table.status().message().c_str());
    return 1;
  }

  const candor::Metric nps = candor::Metric::Nps();
  candor::IntervalOptions interval;  // Wald, 95%
  candor::Result<candor::Estimate> overall = candor::EstimateScores(
      nps, table->scores.data(), table->weights.data(), table->rows(), interval);
  if (!overall.ok()) {
    std::fprintf(stderr, "scoring: %s\n", overall.status().message().c_str());
    return 1;
  }
  std::printf("NPS %.1f, 95%% CI [%.1f, %.1f], n %lld (effective n %.0f, weighted)\n",
              overall->value, overall->ci_low, overall->ci_high, static_cast<long long>(overall->n),
              overall->effective_n);

  const candor::CategoricalColumn* region = table->FindCategorical("region");
  if (region == nullptr) return 1;
  candor::Result<std::vector<candor::BreakdownRow>> rows =
      candor::Breakdown(nps, table->scores.data(), table->weights.data(), table->rows(),
                        {region->codes.data()}, interval, candor::PAdjust::kHolm);
  if (!rows.ok()) {
    std::fprintf(stderr, "breakdown: %s\n", rows.status().message().c_str());
    return 1;
  }
  for (const candor::BreakdownRow& row : *rows) {
    std::printf("  %-6s NPS %6.1f [%6.1f, %6.1f]  vs rest %+6.1f  Holm p %.4f\n",
                region->dictionary.Label(row.codes[0]).c_str(), row.estimate.value,
                row.estimate.ci_low, row.estimate.ci_high, row.vs_rest.difference, row.p_adjusted);
  }
  return 0;
}
