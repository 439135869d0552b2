// Segment breakdowns: a handle owning the rows.
#include <vector>

#include "breakdown_handle.hpp"
#include "shim.hpp"


using candor::capi::Fail;
using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_breakdown_new(const candor_score_options* options, const double* scores,
                                   const double* weights, size_t n,
                                   const int32_t* const* segments, size_t n_segment_columns,
                                   candor_breakdown** out) {
  return candor::capi::MakeBreakdown(
      options, segments, n_segment_columns, n, out,
      [&](const candor::Metric& m, const candor::IntervalOptions& o, candor::PAdjust adjust,
          const std::vector<const int32_t*>& columns) {
        return candor::Breakdown(m, scores, weights, n, columns, o, adjust);
      });
}

size_t candor_breakdown_rows(const candor_breakdown* breakdown) {
  return breakdown == nullptr ? 0 : breakdown->rows.size();
}

candor_status candor_breakdown_row_at(const candor_breakdown* breakdown, size_t i,
                                      candor_breakdown_row* out) {
  return Guard([&] {
    candor::Status s = Required(breakdown, "breakdown");
    if (s.ok()) s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    if (i >= breakdown->rows.size()) {
      return Fail(candor::OutOfRange("row " + std::to_string(i) + " of a breakdown with " +
                                     std::to_string(breakdown->rows.size()) + " rows"));
    }
    const candor::BreakdownRow& row = breakdown->rows[i];
    out->codes = row.codes.data();
    candor::capi::ToC(row.estimate, &out->estimate);
    candor::capi::ToC(row.vs_rest, &out->vs_rest);
    out->p_adjusted = row.p_adjusted;
    return CANDOR_OK;
  });
}

void candor_breakdown_free(candor_breakdown* breakdown) { delete breakdown; }

}  // extern "C"
