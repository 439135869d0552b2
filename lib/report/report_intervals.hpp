// Groups without sampling error. A group whose responses all fall in one
// category (all promoters, say) has a Wald SE of 0: its interval (the default
// Jeffreys one) still has width, but a margin of error, a comparison or a
// trend weight built on that SE would not. The sections that show such
// groups (headline, segments, trend buckets) take the SE of the adjusted Wald
// interval instead (Rocks 2016; pseudo-responses added) and keep the
// sample's NPS as the value.
#ifndef CANDOR_LIB_REPORT_REPORT_INTERVALS_HPP_
#define CANDOR_LIB_REPORT_REPORT_INTERVALS_HPP_

#include <candor/score.hpp>

namespace candor::report_internal {

// n > 0 responses and a standard error of 0 (or NaN).
bool HasNoSamplingError(const Estimate& estimate);

}  // namespace candor::report_internal

#endif  // CANDOR_LIB_REPORT_REPORT_INTERVALS_HPP_
