// candor trend: what the command computes (per series of buckets: the bucket
// rows and the trend tests on their estimates; overall change points; the
// account ranking), shared by the computation and the output formats.
#ifndef CANDOR_CLI_TREND_REPORT_HPP_
#define CANDOR_CLI_TREND_REPORT_HPP_

#include <candor/table.hpp>
#include <candor/trend_series.hpp>
#include <candor/trend_accounts.hpp>
#include <candor/trend_buckets.hpp>
#include <candor/trend_change_points.hpp>
#include <optional>
#include <string>
#include <vector>

#include "args.hpp"

namespace candor::cli {

// The trend tests of one series, on the estimates of its non-empty buckets in
// time order. A test that cannot run (fewer than 3 such buckets, say) keeps
// its status to show instead of a number.
struct SeriesTrend {
  std::string segment;   // the segment's label; "" without --by
  size_t first_row = 0;  // its buckets are rows [first_row, first_row + buckets)
  size_t used = 0;       // non-empty buckets the tests saw
  Result<MannKendall> mann_kendall = Empty("not run");
  Result<SensSlope> sens_slope = Empty("not run");
  Result<WlsSlope> wls_slope = Empty("not run");
  size_t wls_skipped = 0;  // buckets without a positive standard error
  std::string verdict;     // "improving", "declining", "holding steady", ...
};

struct TrendReport {
  std::string time_column;
  Table table;
  std::vector<TrendBucket> buckets;  // series after series
  size_t buckets_per_series = 0;
  std::vector<SeriesTrend> series;
  // --change-points: the segmentation, or why there is none (too few
  // responses for two segments, say).
  std::optional<Result<ChangePoints>> change_points;
  std::optional<AccountTrends> accounts;
  bool change_points_unweighted = false;  // the file had weights they ignored
};

// Computes everything `args` asks for (errors are data errors: exit 1).
Result<TrendReport> ComputeTrend(const TrendArgs& args);

// Prints the report as args.format asks: table, JSON or CSV (trend_output.cc);
// returns the exit code.
int PrintTrend(const TrendArgs& args, const TrendReport& report);

}  // namespace candor::cli

#endif  // CANDOR_CLI_TREND_REPORT_HPP_
