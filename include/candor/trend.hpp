// candor/trend.hpp — the name of candor/trend_series.hpp before 0.2, kept so
// that code written against it still compiles. New code includes
// <candor/trend_series.hpp>, the name the concept has on every surface
// (lib/trend_series, capi/trend_series_capi.cc, candor.trend_series).
#ifndef CANDOR_TREND_HPP_
#define CANDOR_TREND_HPP_

#include <candor/trend_series.hpp>

#endif  // CANDOR_TREND_HPP_
