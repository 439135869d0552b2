#include "shares.hpp"

#include <cmath>

namespace candor::health_internal {
namespace {

// Weights are relative, and sums and products of weights near the largest
// double overflow (two group weights of 1e308 sum to inf), of subnormal ones
// lose digits: scales `weights` by the power of two that brings the largest
// into [1, 2). A power of two changes no ratio, so ordinary weights score
// exactly as before. NaN (a profile's "keep") is left as it is.
void ScaleToUnit(std::vector<double>* weights) {
  double largest = 0;
  for (double w : *weights) {
    if (w > largest) largest = w;
  }
  if (!(largest > 0) || !std::isfinite(largest)) return;
  const int exponent = std::ilogb(largest);
  for (double& w : *weights) w = std::ldexp(w, -exponent);
}

}  // namespace

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
  ScaleToUnit(&w.group_weight);
  std::vector<double> in_group;
  for (size_t g = 0; g < groups; ++g) {
    in_group.clear();
    for (size_t i = 0; i < card.measures.size(); ++i) {
      if (static_cast<size_t>(w.group_of[i]) == g) in_group.push_back(w.measure_weight[i]);
    }
    ScaleToUnit(&in_group);
    for (size_t i = 0, k = 0; i < card.measures.size(); ++i) {
      if (static_cast<size_t>(w.group_of[i]) == g) w.measure_weight[i] = in_group[k++];
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
