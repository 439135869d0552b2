// Sufficient statistics of the drivers: per theme, period slot and score
// point, the count, weight sum and squared-weight sum of the comments that
// mention the theme (and of all comments). Every per-theme statistic without
// accounts is a function of these (include/candor/drivers.hpp).
#ifndef CANDOR_DRIVERS_THEME_TALLIES_HPP_
#define CANDOR_DRIVERS_THEME_TALLIES_HPP_

#include <candor/drivers.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "score/tally.hpp"

namespace candor::internal {

// Period slots: comments outside the two compared periods (or every comment
// without periods), the earlier period A, the later period B.
constexpr int kOtherSlot = 0;
constexpr int kEarlierSlot = 1;
constexpr int kLaterSlot = 2;
constexpr int kSlots = 3;

// Validated per-comment inputs in compact form.
struct DriverComments {
  size_t n = 0;
  int scale_min = 0;
  int scale_max = 10;
  std::vector<uint16_t> point;  // score - scale_min
  std::vector<uint8_t> slot;    // kOtherSlot / kEarlierSlot / kLaterSlot
  const double* weights = nullptr;  // null: all 1
  bool weighted = false;            // some weight != 1
  double WeightOf(size_t i) const { return weights == nullptr ? 1.0 : weights[i]; }
};

struct ThemeTallies {
  std::vector<Tally> total;                 // [slot]
  std::vector<std::vector<Tally>> mention;  // [theme][slot]
};

// One pass over the comments and their mentions, on up to `threads` threads;
// the sums do not depend on the thread count (fixed row partition, merged in
// order).
ThemeTallies TallyThemes(const DriverComments& comments, const ThemeMentions& mentions,
                         int threads);

// Sum of the slots' tallies.
Tally SumSlots(const std::vector<Tally>& slots);

}  // namespace candor::internal

#endif  // CANDOR_DRIVERS_THEME_TALLIES_HPP_
