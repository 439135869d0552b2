// The checks every survival function makes on its columns, with messages
// naming the column and the index.
#ifndef CANDOR_SURVIVAL_SURVIVAL_INPUT_HPP_
#define CANDOR_SURVIVAL_SURVIVAL_INPUT_HPP_

#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor::survival_internal {

// time finite and >= 0, event 0 or 1, weights (if any) finite and >= 0 with a
// positive sum; n > 0 and some event (CANDOR_EMPTY otherwise).
Status CheckTimesAndEvents(const double* time, const double* event, const double* weights,
                           size_t n);

// risk finite.
Status CheckRisk(const double* risk, size_t n);

// group codes >= 0.
Status CheckGroups(const int32_t* groups, size_t n);

// Row indices sorted by group code (when groups is not null), then time
// ascending, events before censorings at a time, then index.
std::vector<size_t> OrderByTime(const double* time, const double* event, const int32_t* groups,
                                size_t n);

inline double WeightOf(const double* weights, size_t i) {
  return weights == nullptr ? 1.0 : weights[i];
}

}  // namespace candor::survival_internal

#endif  // CANDOR_SURVIVAL_SURVIVAL_INPUT_HPP_
