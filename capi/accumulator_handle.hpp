// capi/accumulator_handle.hpp — the candor_accumulator,
// candor_bucket_accumulator and candor_driver_accumulator handles, made by the
// accumulator shims and read by the breakdown of accumulated cells, the
// accumulated bucket trend and the accumulated theme drivers.
#ifndef CANDOR_CAPI_ACCUMULATOR_HANDLE_HPP_
#define CANDOR_CAPI_ACCUMULATOR_HANDLE_HPP_

#include <candor/drivers.hpp>
#include <candor/score.hpp>
#include <candor/trend_buckets.hpp>

struct candor_accumulator {
  candor::ScoreAccumulator acc;
};

struct candor_bucket_accumulator {
  candor::BucketAccumulator acc;
};

struct candor_driver_accumulator {
  candor::DriverAccumulator acc;
};

#endif  // CANDOR_CAPI_ACCUMULATOR_HANDLE_HPP_
