#include "report_intervals.hpp"

#include <algorithm>

namespace candor::report_internal {

bool HasNoSamplingError(const Estimate& estimate) {
  return estimate.n > 0 && (!(estimate.std_error > 0) || !(estimate.ci_high > estimate.ci_low));
}

void UseStandardError(double std_error, double z, Estimate* estimate) {
  estimate->std_error = std_error;
  if (estimate->ci_high > estimate->ci_low) return;
  estimate->ci_low = std::max(-100.0, estimate->value - z * std_error);
  estimate->ci_high = std::min(100.0, estimate->value + z * std_error);
}

}  // namespace candor::report_internal
