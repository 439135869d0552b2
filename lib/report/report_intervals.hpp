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

// n > 0 responses and a standard error of 0 (or NaN), or an interval of zero
// width.
bool HasNoSamplingError(const Estimate& estimate);

// Gives `estimate` the standard error `std_error`; an interval of zero width
// (Wald's, when asked for by name) becomes value +/- z * std_error, clipped
// to the NPS range [-100, 100].
void UseStandardError(double std_error, double z, Estimate* estimate);

}  // namespace candor::report_internal

#endif  // CANDOR_LIB_REPORT_REPORT_INTERVALS_HPP_
