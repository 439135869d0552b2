#include "shares.hpp"

#include <cmath>

namespace candor::health_internal {

Result<Weights> ResolveWeights(const Scorecard& card, const HealthProfile* profile,
                               const std::string& where) {
  Weights w;
  const size_t groups = card.groups.empty() ? 1 : card.groups.size();
  w.group_weight.assign(groups, 1.0);
  for (size_t g = 0; g < card.groups.size(); ++g) w.group_weight[g] = card.groups[g].weight;
  w.group_of.assign(card.measures.size(), 0);
  w.measure_weight.assign(card.measures.size(), 0.0);
  for (size_t i = 0; i < card.measures.size(); ++i) {
    const HealthMeasure& m = card.measures[i];
    for (size_t g = 0; g < card.groups.size(); ++g) {
      if (card.groups[g].name == m.group) w.group_of[i] = static_cast<int32_t>(g);
    }
    w.measure_weight[i] = m.weight;
  }
  if (profile != nullptr) {
    for (size_t g = 0; g < profile->group_weights.size(); ++g) {
      if (!std::isnan(profile->group_weights[g])) w.group_weight[g] = profile->group_weights[g];
    }
    for (size_t i = 0; i < profile->measure_weights.size(); ++i) {
      if (!std::isnan(profile->measure_weights[i])) {
        w.measure_weight[i] = profile->measure_weights[i];
      }
    }
  }
  const std::string prefix = where.empty() ? "" : where + ": ";
  std::vector<double> within(groups, 0.0);
  double total = 0;
  for (size_t i = 0; i < card.measures.size(); ++i) within[w.group_of[i]] += w.measure_weight[i];
  for (size_t g = 0; g < groups; ++g) {
    total += w.group_weight[g];
    if (w.group_weight[g] > 0 && !(within[g] > 0)) {
      return InvalidArgument(
          prefix + (card.groups.empty()
                        ? std::string("the measure weights sum to 0")
                        : "the measure weights of group \"" + card.groups[g].name + "\" sum to 0"));
    }
  }
  if (!(total > 0)) return InvalidArgument(prefix + "the group weights sum to 0");
  return w;
}

}  // namespace candor::health_internal
