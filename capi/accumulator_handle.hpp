// capi/accumulator_handle.hpp — the candor_accumulator and
// candor_bucket_accumulator handles, made by the accumulator shims and read by
// the breakdown of accumulated cells and the accumulated bucket trend.
#ifndef CANDOR_CAPI_ACCUMULATOR_HANDLE_HPP_
#define CANDOR_CAPI_ACCUMULATOR_HANDLE_HPP_

#include <candor/score.hpp>
#include <candor/trend_buckets.hpp>

struct candor_accumulator {
  candor::ScoreAccumulator acc;
};

struct candor_bucket_accumulator {
  candor::BucketAccumulator acc;
};

#endif  // CANDOR_CAPI_ACCUMULATOR_HANDLE_HPP_
