// The report's segments: for each segment column, the NPS of every value
// compared with all other responses, p-values Holm-adjusted across the
// column's values.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "common/normal.hpp"
#include "report_intervals.hpp"
#include "report_sections.hpp"

namespace candor::report_internal {

namespace {

// A value with a Wald SE of 0 takes `adjusted`'s SE (the same value's row
// under the adjusted Wald interval), and its comparison with the rest uses
// it; its interval (the default Jeffreys one) stays.
void Widen(const Estimate& adjusted, double z, ReportSegmentRow* row) {
  row->nps.std_error = adjusted.std_error;
  Comparison& c = row->vs_rest;
  c.a = row->nps;
  c.std_error = std::hypot(row->nps.std_error, c.b.std_error);
  c.ci_low = c.difference - z * c.std_error;
  c.ci_high = c.difference + z * c.std_error;
  c.p_value = internal::TwoSidedPValue(c.difference / c.std_error);
}

}  // namespace

Status BuildSegments(const ReportContext& context, ReportSegments* segments) {
  const Table& table = context.table;
  if (table.segments.empty()) {
    segments->absent_reason = "no segment column: give --by COLUMN (one or more) to compare groups";
    return OkStatus();
  }
  segments->present = true;
  segments->adjustment = "holm";
  const double alpha = 1 - context.options.level;
  std::vector<std::string> widened_columns;
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
      out.rows.push_back(segment);
    }
    // Values whose responses all fall in one group: their SE from the
    // adjusted Wald interval, one more breakdown of the column.
    bool widened = false;
    if (std::any_of(rows->begin(), rows->end(),
                    [](const BreakdownRow& row) { return HasNoSamplingError(row.estimate); })) {
      IntervalOptions adjusted = context.interval;
      adjusted.method = IntervalMethod::kAdjustedWald;
      Result<std::vector<BreakdownRow>> wide =
          Breakdown(Metric::Nps(), table.scores.data(), context.weights, table.rows(),
                    {column.codes.data()}, adjusted, PAdjust::kHolm);
      const double z = internal::NormalQuantile((1 + context.options.level) / 2);
      for (size_t k = 0; wide.ok() && k < out.rows.size() && k < wide->size(); ++k) {
        const Estimate& wide_estimate = (*wide)[k].estimate;
        if (!HasNoSamplingError(out.rows[k].nps) || (*wide)[k].codes != (*rows)[k].codes ||
            !(wide_estimate.std_error > 0)) {
          continue;
        }
        Widen(wide_estimate, z, &out.rows[k]);
        widened = true;
      }
    }
    if (widened) {  // Holm again, over the comparisons as they now stand
      std::vector<double> p_values;
      for (const ReportSegmentRow& row : out.rows) p_values.push_back(row.vs_rest.p_value);
      const std::vector<double> holm = AdjustPValues(p_values, PAdjust::kHolm);
      for (size_t k = 0; k < out.rows.size(); ++k) out.rows[k].p_adjusted = holm[k];
      widened_columns.push_back(column.name);
    }
    for (ReportSegmentRow& row : out.rows) row.significant = row.p_adjusted < alpha;  // NaN: no
    segments->columns.push_back(std::move(out));
  }
  size_t comparisons = 0;
  bool degenerate = false;
  for (const ReportSegmentColumn& column : segments->columns) {
    comparisons += column.rows.size();
    for (const ReportSegmentRow& row : column.rows) {
      degenerate = degenerate || HasNoSamplingError(row.nps);
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
  for (const std::string& name : widened_columns) {
    segments->caveats.push_back(
        "In column '" + name +
        "', a value whose responses all fall in one group (all "
        "promoters, say) has a (Wald) standard error of zero: its standard error comes from "
        "the adjusted Wald interval (a few pseudo-responses added), and its comparison and "
        "the column's adjusted p-values use it.");
  }
  if (degenerate) {
    segments->caveats.push_back(
        "A segment still has a standard error of zero: its NPS and its comparison with the "
        "rest are far less certain than shown.");
  }
  return OkStatus();
}

}  // namespace candor::report_internal
