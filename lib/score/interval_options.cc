// IntervalOptions::Validate.
#include <candor/score.hpp>
#include <cmath>
#include <string>

namespace candor {

Status IntervalOptions::Validate() const {
  switch (method) {
    case IntervalMethod::kWald:
    case IntervalMethod::kAdjustedWald:
    case IntervalMethod::kBayes:
    case IntervalMethod::kBootstrap:
      break;
    default:
      return InvalidArgument("unknown interval method " + std::to_string(static_cast<int>(method)));
  }
  if (!(level > 0.0 && level < 1.0)) {
    return InvalidArgument("level must be in (0, 1), got " + std::to_string(level));
  }
  if (!(prior > 0.0) || !std::isfinite(prior)) {
    return InvalidArgument("prior must be positive and finite, got " + std::to_string(prior));
  }
  if (replicates < 100 || replicates > 10000000) {
    return InvalidArgument("replicates must be in 100..10000000, got " +
                           std::to_string(replicates));
  }
  if (threads < 0) {
    return InvalidArgument("threads must be >= 0 (0: all cores), got " + std::to_string(threads));
  }
  return OkStatus();
}

}  // namespace candor
