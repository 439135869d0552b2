// The report's segments: for each segment column, the NPS of every value
// compared with all other responses, p-values Holm-adjusted across the
// column's values.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "common/normal.hpp"
#include "report_sections.hpp"

namespace candor::report_internal {

namespace {

bool ZeroWidth(const Estimate& e) { return e.n > 0 && !(e.ci_high > e.ci_low); }

// A value whose responses all fall in one group (all promoters, say) has a
// Wald SE of 0: its interval would have zero width and its comparison with
// the rest would be as sure as the rest's noise allows. Its SE comes instead
// from the adjusted Wald interval (Rocks 2016; pseudo-responses added), its
// interval is that SE around the NPS, and its comparison uses it: the value
// stays the sample's. Returns false when the adjusted estimate fails.
bool WidenZeroWidth(const ReportContext& context, const int32_t* codes, int32_t code,
                    ReportSegmentRow* row) {
  const Table& table = context.table;
  std::vector<double> scores, weights;
  for (size_t i = 0; i < table.rows(); ++i) {
    if (codes[i] != code) continue;
    scores.push_back(table.scores[i]);
    if (context.weights != nullptr) weights.push_back(context.weights[i]);
  }
  IntervalOptions adjusted = context.interval;
  adjusted.method = IntervalMethod::kAdjustedWald;
  Result<Estimate> wide =
      EstimateScores(Metric::Nps(), scores.data(), weights.empty() ? nullptr : weights.data(),
                     scores.size(), adjusted);
  if (!wide.ok() || !(wide->std_error > 0)) return false;
  const double z = internal::NormalQuantile((1 + context.options.level) / 2);
  Estimate& e = row->nps;
  e.std_error = wide->std_error;
  e.ci_low = std::max(-100.0, e.value - z * e.std_error);
  e.ci_high = std::min(100.0, e.value + z * e.std_error);
  Comparison& c = row->vs_rest;
  c.a = e;
  c.std_error = std::hypot(e.std_error, c.b.std_error);
  c.ci_low = c.difference - z * c.std_error;
  c.ci_high = c.difference + z * c.std_error;
  c.p_value = internal::TwoSidedPValue(c.difference / c.std_error);
  return true;
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
    bool widened = false;
    for (const BreakdownRow& row : *rows) {
      ReportSegmentRow segment;
      segment.label = column.dictionary.Label(row.codes[0]);
      segment.nps = row.estimate;
      segment.vs_rest = row.vs_rest;
      segment.p_adjusted = row.p_adjusted;
      if (ZeroWidth(row.estimate) &&
          WidenZeroWidth(context, column.codes.data(), row.codes[0], &segment)) {
        widened = true;
      }
      out.rows.push_back(segment);
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
  for (const std::string& name : widened_columns) {
    segments->caveats.push_back(
        "In column '" + name +
        "', a value whose responses all fall in one group (all "
        "promoters, say) would get an interval of zero width: its standard error comes from "
        "the adjusted Wald interval (a few pseudo-responses added), and its comparison and "
        "the column's adjusted p-values use it.");
  }
  if (degenerate) {
    segments->caveats.push_back(
        "A segment's interval still has zero width: its NPS and its comparison with the rest "
        "are far less certain than shown.");
  }
  return OkStatus();
}

}  // namespace candor::report_internal
