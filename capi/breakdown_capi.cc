// Segment breakdowns: a handle owning the rows.
#include "breakdown_handle.hpp"
#include "shim.hpp"

namespace {

void ToC(const candor::BreakdownRow& row, candor_breakdown_row* out) {
  out->codes = row.codes.data();
  candor::capi::ToC(row.estimate, &out->estimate);
  candor::capi::ToC(row.vs_rest, &out->vs_rest);
  out->p_adjusted = row.p_adjusted;
}

}  // namespace

extern "C" {

candor_status candor_breakdown_new(const candor_score_options* options, const double* scores,
                                   const double* weights, size_t n,
                                   const int32_t* const* segments, size_t n_segment_columns,
                                   candor_breakdown** out) {
  return candor::capi::MakeBreakdown(
      options, segments, n_segment_columns, n, out, [&](const candor::capi::BreakdownArgs& a) {
        return candor::Breakdown(a.metric, scores, weights, n, a.columns, a.interval, a.adjust);
      });
}

size_t candor_breakdown_rows(const candor_breakdown* breakdown) {
  return breakdown == nullptr ? 0 : breakdown->rows.size();
}

candor_status candor_breakdown_row_at(const candor_breakdown* breakdown, size_t i,
                                      candor_breakdown_row* out) {
  return candor::capi::RowAt(
      breakdown, "breakdown", i, out, "row {i} of a breakdown with {n} rows",
      [](const candor_breakdown& b) -> const auto& { return b.rows; }, ToC);
}

void candor_breakdown_free(candor_breakdown* breakdown) { delete breakdown; }

}  // extern "C"
