// capi/accumulator_handle.hpp — the candor_accumulator handle, made by the
// accumulator shims and read by the breakdown of accumulated cells.
#ifndef CANDOR_CAPI_ACCUMULATOR_HANDLE_HPP_
#define CANDOR_CAPI_ACCUMULATOR_HANDLE_HPP_

#include <candor/score.hpp>

struct candor_accumulator {
  candor::ScoreAccumulator acc;
};

#endif  // CANDOR_CAPI_ACCUMULATOR_HANDLE_HPP_
