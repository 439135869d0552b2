// IntervalOptions::Validate.
#include <candor/score.hpp>
#include <cmath>
#include <cstdio>
#include <string>

namespace candor {

Status IntervalOptions::Validate() const {
  switch (method) {
    case IntervalMethod::kWald:
    case IntervalMethod::kAdjustedWald:
    case IntervalMethod::kBayes:
    case IntervalMethod::kBootstrap:
    case IntervalMethod::kJeffreys:
      break;
    default:
      return InvalidArgument("unknown interval method " + std::to_string(static_cast<int>(method)));
  }
  if (!(level > 0.0 && level < 1.0)) {
    return InvalidArgument("level must be in (0, 1), got " + std::to_string(level));
  }
  // A prior beyond 1e15 pseudo-responses per category outweighs any survey;
  // the bound keeps every Beta and Dirichlet moment finite in double.
  if (!(prior > 0.0 && prior <= 1e15)) {
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.17g", prior);
    return InvalidArgument(std::string("prior must be in (0, 1e15], got ") + buffer);
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
