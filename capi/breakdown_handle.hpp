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

// The body of both breakdown shims: reads the options and segment columns,
// runs `call(metric, interval, adjust, columns)` and wraps its rows.
template <typename Call>
candor_status MakeBreakdown(const candor_score_options* options, const int32_t* const* segments,
                            size_t n_segment_columns, size_t n, candor_breakdown** out,
                            Call&& call) {
  return Guard([&] {
    Status s = Required(out, "out");
    if (!s.ok()) return Fail(s);
    *out = nullptr;
    Metric metric;
    IntervalOptions interval;
    PAdjust adjust;
    std::vector<const int32_t*> columns;
    s = FromOptions(options, &metric, &interval, &adjust);
    if (s.ok()) s = SegmentColumns(segments, n_segment_columns, n, &columns);
    if (!s.ok()) return Fail(s);
    auto rows = call(metric, interval, adjust, columns);
    if (!rows.ok()) return Fail(rows.status());
    *out = new candor_breakdown{std::move(rows).value()};
    return CANDOR_OK;
  });
}

}  // namespace candor::capi

#endif  // CANDOR_CAPI_BREAKDOWN_HANDLE_HPP_
