// Segment breakdowns: a handle owning the rows, from responses or from
// per-cell accumulators.
#include <string>
#include <vector>

#include "accumulator_handle.hpp"
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

candor_status candor_breakdown_accumulated(const candor_score_options* options,
                                           const candor_accumulator* const* cells,
                                           size_t n_cells, const int32_t* cell_codes,
                                           size_t n_segment_columns, candor_breakdown** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<std::vector<candor::BreakdownRow>> {
    candor::capi::BreakdownArgs args;
    CANDOR_RETURN_IF_ERROR(
        candor::capi::FromOptions(options, &args.metric, &args.interval, &args.adjust));
    if (n_cells > 0) {
      CANDOR_RETURN_IF_ERROR(candor::capi::Required(cells, "cells", cell_codes, "cell_codes"));
    }
    if (n_segment_columns == 0) return candor::InvalidArgument("n_segment_columns is 0");
    std::vector<const candor::ScoreAccumulator*> accumulators(n_cells);
    std::vector<std::vector<int32_t>> codes(n_cells);
    for (size_t c = 0; c < n_cells; ++c) {
      if (cells[c] == nullptr) {
        return candor::InvalidArgument("cells[" + std::to_string(c) + "] is NULL");
      }
      accumulators[c] = &cells[c]->acc;
      codes[c].assign(cell_codes + c * n_segment_columns,
                      cell_codes + (c + 1) * n_segment_columns);
    }
    return candor::BreakdownAccumulated(args.metric, accumulators, codes, args.interval,
                                        args.adjust);
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
