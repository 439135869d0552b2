// BucketAccumulator's state: segments by label, and one cell of per-point
// sums per (segment, local day).
#ifndef CANDOR_TREND_BUCKETS_BUCKET_CELLS_HPP_
#define CANDOR_TREND_BUCKETS_BUCKET_CELLS_HPP_

#include <candor/trend_buckets.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace candor {

struct BucketAccumulator::Cells {
  int scale_min = 0;
  int scale_max = 10;
  size_t points = 11;
  std::string time_zone;
  absl::TimeZone zone;
  double half_life_days = 0;  // 0: no decayed sums

  // Segments in the order first seen; `order` lists them by label bytes.
  std::vector<std::string> labels;
  absl::flat_hash_map<std::string, uint32_t> slot_of_label;
  std::vector<uint32_t> order;

  // Cell c: segment slot segment[c], local day day[c] (days since
  // 1970-01-01), weighted[c] when some weight != 1; per point p at
  // c * points + p: count, sum w, sum w^2, and with a half-life sum w d and
  // sum (w d)^2 (decayed to the day's end).
  std::vector<uint32_t> segment;
  std::vector<int64_t> day;
  std::vector<uint8_t> weighted;
  std::vector<int64_t> counts;
  std::vector<double> weight_sums;
  std::vector<double> weight_square_sums;
  std::vector<double> decayed_sums;
  std::vector<double> decayed_square_sums;
  absl::flat_hash_map<uint64_t, uint32_t> cell_of_key;  // Key(slot, day) -> cell

  bool decays() const { return half_life_days > 0; }
  size_t size() const { return day.size(); }
  static uint64_t Key(uint32_t slot, int64_t day) {
    return (uint64_t{slot} << 32) | static_cast<uint32_t>(static_cast<int32_t>(day));
  }
  uint32_t Slot(std::string_view label);      // made if new
  uint32_t Cell(uint32_t slot, int64_t day);  // made (zero sums) if new
  void SortSegments();                        // refreshes `order`
};

namespace internal {

inline constexpr absl::CivilDay kEpochDay{1970, 1, 1};

// The first instant of local day `day` (days since 1970-01-01) in `zone`.
int64_t DayStart(int64_t day, const absl::TimeZone& zone);

}  // namespace internal
}  // namespace candor

#endif  // CANDOR_TREND_BUCKETS_BUCKET_CELLS_HPP_
