// Measures -> points: each transform of include/candor/health.hpp over one
// column, writing every account's points (NaN when missing) with a stride,
// into the row-major n x measures matrix.
#ifndef CANDOR_HEALTH_POINTS_HPP_
#define CANDOR_HEALTH_POINTS_HPP_

#include <candor/health.hpp>
#include <cstddef>
#include <cstdint>
#include <string>

namespace candor::health_internal {

// The column of one measure and where its points go.
struct MeasureColumn {
  const HealthMeasure* measure;
  std::string field;     // "measures[i]", for messages
  const double* values;  // n values
  double* points;        // points[row * stride]
  size_t stride;
  int64_t* unmatched;  // values no tier held (kTiers)
};

// Whether tier `t` holds x (its ends inclusive or exclusive as stated).
bool TierHolds(const HealthTier& t, double x);

// Points of every row for one measure. `segment` (n codes in [0, segments),
// or null: one segment) scopes kPercentile and kZScore.
Status ComputePoints(const MeasureColumn& column, size_t n, const int32_t* segment,
                     size_t segments);

}  // namespace candor::health_internal

#endif  // CANDOR_HEALTH_POINTS_HPP_
