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
    segments->absent_reason = "no segment column: give --by COLUMN (one or more) to compare groups";
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
  size_t comparisons = 0;
  bool degenerate = false;
  for (const ReportSegmentColumn& column : segments->columns) {
    comparisons += column.rows.size();
    for (const ReportSegmentRow& row : column.rows) {
      degenerate = degenerate || (row.nps.n > 0 && !(row.nps.ci_high > row.nps.ci_low));
    }
  }
  std::string scope = "p-values are Holm-adjusted within each column";
  if (segments->columns.size() > 1) {
    scope += ", not across all " + std::to_string(comparisons) + " comparisons of the " +
             std::to_string(segments->columns.size()) + " columns";
  }
  segments->caveats.push_back(
      scope +
      "; each column is compared on its own, and segments overlap (a region has its "
      "own mix of plans and roles), so a gap in one column may come from another: "
      "these are differences, not causes.");
  if (!table.account.codes.empty()) {
    segments->caveats.push_back(
        "Responses of one account are treated as independent here; when accounts answer alike "
        "the intervals and tests are somewhat too confident.");
  }
  if (degenerate) {
    segments->caveats.push_back(
        "A segment whose responses all fall in one group (all promoters, say) has an interval "
        "of zero width here: its NPS and its comparison with the rest are far less certain "
        "than shown.");
  }
  return OkStatus();
}

}  // namespace candor::report_internal
