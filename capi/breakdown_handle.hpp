// capi/breakdown_handle.hpp — the candor_breakdown handle, made by both the
// plain and the design-based breakdown shims.
#ifndef CANDOR_CAPI_BREAKDOWN_HANDLE_HPP_
#define CANDOR_CAPI_BREAKDOWN_HANDLE_HPP_

#include <vector>

#include <candor/score.hpp>

struct candor_breakdown {
  std::vector<candor::BreakdownRow> rows;
};

#endif  // CANDOR_CAPI_BREAKDOWN_HANDLE_HPP_
