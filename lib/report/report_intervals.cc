#include "report_intervals.hpp"

namespace candor::report_internal {

bool HasNoSamplingError(const Estimate& estimate) {
  return estimate.n > 0 && !(estimate.std_error > 0);
}

}  // namespace candor::report_internal
