// DriverAccumulator's state: per period the tallies of all comments and of
// each theme's mentioners, and per (pattern of themes, score point) the
// comments' count and weight sum.
#ifndef CANDOR_DRIVERS_DRIVER_STATE_HPP_
#define CANDOR_DRIVERS_DRIVER_STATE_HPP_

#include <candor/drivers.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "score/tally.hpp"

namespace candor {

struct DriverAccumulator::State {
  int scale_min = 0;
  int scale_max = 10;
  size_t points = 11;
  size_t themes = 0;
  enum class Periods : uint8_t { kUnknown = 0, kNone = 1, kGiven = 2 };
  Periods periods_given = Periods::kUnknown;
  bool weighted = false;  // some weight != 1

  // Periods in the order first seen (label "" without periods).
  std::vector<std::string> labels;
  absl::flat_hash_map<std::string, uint32_t> slot_of_label;
  std::vector<internal::Tally> total;                 // [period]
  std::vector<std::vector<internal::Tally>> mention;  // [period][theme]

  // Key-driver data: a pattern is its sorted theme ids followed by the score
  // point; per pattern the comments' count and weight sum.
  absl::flat_hash_map<std::vector<int32_t>, std::pair<int64_t, double>> patterns;

  uint32_t Period(std::string_view label);  // made (empty tallies) if new
  // The periods' slots in their labels' byte order.
  std::vector<uint32_t> Order() const;
};

}  // namespace candor

#endif  // CANDOR_DRIVERS_DRIVER_STATE_HPP_
