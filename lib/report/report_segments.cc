// The report's segments: for each segment column, the NPS of every value
// compared with all other responses, p-values Holm-adjusted across the
// column's values.
#include <string>
#include <vector>

#include "report_sections.hpp"

namespace candor::report_internal {

Status BuildSegments(const ReportContext& context, ReportSegments* segments) {
  const Table& table = context.table;
  if (table.segments.empty()) {
    segments->absent_reason =
        "no segment column: give --by COLUMN (one or more) to compare groups";
    return OkStatus();
  }
  segments->present = true;
  segments->adjustment = "holm";
  const double alpha = 1 - context.options.level;
  for (const CategoricalColumn& column : table.segments) {
    Result<std::vector<BreakdownRow>> rows =
        Breakdown(Metric::Nps(), table.scores.data(), context.weights, table.rows(),
                  {column.codes.data()}, context.interval, PAdjust::kHolm);
    if (!rows.ok()) {
      return Status(rows.status().code(),
                    "report segments, column '" + column.name + "': " + rows.status().message());
    }
    ReportSegmentColumn out;
    out.column = column.name;
    for (const BreakdownRow& row : *rows) {
      ReportSegmentRow segment;
      segment.label = column.dictionary.Label(row.codes[0]);
      segment.nps = row.estimate;
      segment.vs_rest = row.vs_rest;
      segment.p_adjusted = row.p_adjusted;
      segment.significant = row.p_adjusted < alpha;  // false for NaN
      out.rows.push_back(segment);
    }
    segments->columns.push_back(std::move(out));
  }
  return OkStatus();
}

}  // namespace candor::report_internal
