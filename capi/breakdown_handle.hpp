// capi/breakdown_handle.hpp — the candor_breakdown handle, made by both the
// plain and the design-based breakdown shims.
#ifndef CANDOR_CAPI_BREAKDOWN_HANDLE_HPP_
#define CANDOR_CAPI_BREAKDOWN_HANDLE_HPP_

#include <vector>

#include <candor/score.hpp>

#include "shim.hpp"

struct candor_breakdown {
  std::vector<candor::BreakdownRow> rows;
};

namespace candor::capi {

// What both breakdown shims read from their options and segment columns.
struct BreakdownArgs {
  Metric metric;
  IntervalOptions interval;
  PAdjust adjust;
  std::vector<const int32_t*> columns;
};

// The body of both breakdown shims: reads the options and segment columns,
// runs `call(args)` and wraps the rows it returns in a new handle.
template <typename Call>
candor_status MakeBreakdown(const candor_score_options* options, const int32_t* const* segments,
                            size_t n_segment_columns, size_t n, candor_breakdown** out,
                            Call&& call) {
  return NewHandle(out, [&]() -> Result<std::vector<BreakdownRow>> {
    BreakdownArgs args;
    CANDOR_RETURN_IF_ERROR(FromOptions(options, &args.metric, &args.interval, &args.adjust));
    CANDOR_RETURN_IF_ERROR(SegmentColumns(segments, n_segment_columns, n, &args.columns));
    return call(args);
  });
}

}  // namespace candor::capi

#endif  // CANDOR_CAPI_BREAKDOWN_HANDLE_HPP_
