// The weights a scorecard gives its measures and groups for one profile (or
// none): the scorecard's weights with the profile's overrides applied.
#ifndef CANDOR_HEALTH_SHARES_HPP_
#define CANDOR_HEALTH_SHARES_HPP_

#include <candor/health.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace candor::health_internal {

struct Weights {
  std::vector<int32_t> group_of;       // per measure: its group index
  std::vector<double> measure_weight;  // per measure, within its group
  std::vector<double> group_weight;    // per group (one "overall" without groups)
};

// The weights for `profile` (null: the scorecard's own). Errors when the
// group weights, or the measure weights of a group with weight, sum to 0;
// `where` names the profile in the message ("profiles[1]" or "").
Result<Weights> ResolveWeights(const Scorecard& card, const HealthProfile* profile,
                               const std::string& where);

}  // namespace candor::health_internal

#endif  // CANDOR_HEALTH_SHARES_HPP_
