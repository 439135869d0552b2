// The transforms of include/candor/health.hpp, one column at a time.
#include "points.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "common/radix_sort.hpp"

namespace candor::health_internal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double Clamp100(double p) { return p < 0 ? 0 : (p > 100 ? 100 : p); }

// Values at or beyond an end take its points without arithmetic (so +-inf
// and a subnormal span, whose scale is inf, give no 0 * inf); between the
// ends, a span past the double range (whose scale is 0) is measured in
// halves.
double LinearPoints(const HealthMeasure& m, double scale, double x) {
  if (std::isnan(x)) return kNaN;
  const bool up = m.full_at > m.zero_at;
  if (up ? x <= m.zero_at : x >= m.zero_at) return 0;
  if (up ? x >= m.full_at : x <= m.full_at) return 100;
  if (std::isfinite(scale) && scale != 0) return Clamp100((x - m.zero_at) * scale);
  const double span = m.full_at - m.zero_at;
  const double t = std::isfinite(span) ? (x - m.zero_at) / span
                                       : (x / 2 - m.zero_at / 2) / (m.full_at / 2 - m.zero_at / 2);
  return Clamp100(100 * t);
}

void Linear(const MeasureColumn& c, size_t n) {
  const HealthMeasure& m = *c.measure;
  const double scale = 100 / (m.full_at - m.zero_at);
  for (size_t i = 0; i < n; ++i) c.points[i * c.stride] = LinearPoints(m, scale, c.values[i]);
}

void Tiers(const MeasureColumn& c, size_t n) {
  const std::vector<HealthTier>& tiers = c.measure->tiers;
  for (size_t i = 0; i < n; ++i) {
    const double x = c.values[i];
    double points = kNaN;
    if (!std::isnan(x)) {
      for (const HealthTier& t : tiers) {
        if (TierHolds(t, x)) {
          points = t.points;
          break;
        }
      }
      if (std::isnan(points)) ++*c.unmatched;
    }
    c.points[i * c.stride] = points;
  }
}

void Boolean(const MeasureColumn& c, size_t n) {
  const HealthMeasure& m = *c.measure;
  for (size_t i = 0; i < n; ++i) {
    const double x = c.values[i];
    c.points[i * c.stride] = std::isnan(x) ? kNaN : (x != 0 ? m.true_points : m.false_points);
  }
}

// The rows with data ordered by segment, then by value (stable radix sorts).
std::vector<internal::KeyedRow> SortedBySegment(const double* values, size_t n,
                                                const int32_t* segment) {
  std::vector<internal::KeyedRow> items;
  items.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (!std::isnan(values[i])) items.push_back({internal::OrderedKey(values[i]), i});
  }
  internal::RadixScratch<internal::KeyedRow> scratch;
  internal::RadixSort(&items, &scratch);
  if (segment != nullptr) {
    for (internal::KeyedRow& item : items) item.key = static_cast<uint32_t>(segment[item.row]);
    internal::RadixSort(&items, &scratch);
    // The keys now hold segments; the values are read back from the rows.
  }
  return items;
}

void Percentile(const MeasureColumn& c, size_t n, const int32_t* segment) {
  for (size_t i = 0; i < n; ++i) c.points[i * c.stride] = kNaN;
  const std::vector<internal::KeyedRow> items = SortedBySegment(c.values, n, segment);
  const bool flip = !c.measure->higher_is_better;
  auto segment_of = [&](size_t k) { return segment == nullptr ? 0 : segment[items[k].row]; };
  for (size_t begin = 0; begin < items.size();) {
    size_t end = begin;
    while (end < items.size() && segment_of(end) == segment_of(begin)) ++end;
    const double count = static_cast<double>(end - begin);
    for (size_t b = begin; b < end;) {
      const double x = c.values[items[b].row];
      size_t e = b;
      while (e < end && c.values[items[e].row] == x) ++e;
      const double below = static_cast<double>(b - begin);
      const double tied = static_cast<double>(e - b);
      const double pct = 100 * (below + tied / 2) / count;
      for (size_t k = b; k < e; ++k) c.points[items[k].row * c.stride] = flip ? 100 - pct : pct;
      b = e;
    }
    begin = end;
  }
}

// The power of two (its exponent) that brings the column's largest magnitude into [1, 2) when
// it is so large that sums and squares could overflow (a column holding
// 1.7e308 summed to inf) or so small that squares underflow; 1 otherwise,
// so ordinary columns are not touched. A z-score does not change when its
// values are scaled, and a power of two scales them exactly.
int ZScoreShift(const double* values, size_t n) {
  double largest = 0;
  for (size_t i = 0; i < n; ++i) {
    if (std::isfinite(values[i])) largest = std::max(largest, std::fabs(values[i]));
  }
  constexpr double kHigh = 0x1p400;
  constexpr double kLow = 0x1p-400;
  if (largest == 0 || (largest <= kHigh && largest >= kLow)) return 0;
  return -std::ilogb(largest);
}

Status ZScore(const MeasureColumn& c, size_t n, const int32_t* segment, size_t segments) {
  std::vector<double> count(segments, 0.0), sum(segments, 0.0), squares(segments, 0.0);
  for (size_t i = 0; i < n; ++i) {
    const double x = c.values[i];
    if (std::isnan(x)) continue;
    if (std::isinf(x)) {
      return InvalidArgument(c.field + ": row " + std::to_string(i) +
                             " is infinite, which a z-score cannot use");
    }
  }
  const int shift = ZScoreShift(c.values, n);
  auto value = [&](size_t i) { return shift == 0 ? c.values[i] : std::ldexp(c.values[i], shift); };
  for (size_t i = 0; i < n; ++i) {
    const double x = value(i);
    if (std::isnan(x)) continue;
    const size_t s = segment == nullptr ? 0 : static_cast<size_t>(segment[i]);
    count[s] += 1;
    sum[s] += x;
  }
  std::vector<double> mean(segments, 0.0);
  for (size_t s = 0; s < segments; ++s) mean[s] = count[s] > 0 ? sum[s] / count[s] : 0;
  for (size_t i = 0; i < n; ++i) {  // two passes: no cancellation in the variance
    const double x = value(i);
    if (std::isnan(x)) continue;
    const size_t s = segment == nullptr ? 0 : static_cast<size_t>(segment[i]);
    squares[s] += (x - mean[s]) * (x - mean[s]);
  }
  const double sign = c.measure->higher_is_better ? 1 : -1;
  const double span = c.measure->z_span;
  for (size_t i = 0; i < n; ++i) {
    const double x = value(i);
    double points = kNaN;
    if (!std::isnan(x)) {
      const size_t s = segment == nullptr ? 0 : static_cast<size_t>(segment[i]);
      const double sd = count[s] >= 2 ? std::sqrt(squares[s] / (count[s] - 1)) : 0;
      points = sd > 0 ? Clamp100(50 + 50 * sign * (x - mean[s]) / sd / span) : 50;
    }
    c.points[i * c.stride] = points;
  }
  return OkStatus();
}

}  // namespace

bool TierHolds(const HealthTier& t, double x) {
  const bool above_low = x > t.low || (t.low_inclusive && x == t.low);
  const bool below_high = x < t.high || (t.high_inclusive && x == t.high);
  return above_low && below_high;
}

Status ComputePoints(const MeasureColumn& column, size_t n, const int32_t* segment,
                     size_t segments) {
  switch (column.measure->transform) {
    case HealthTransform::kLinear:
      Linear(column, n);
      return OkStatus();
    case HealthTransform::kTiers:
      Tiers(column, n);
      return OkStatus();
    case HealthTransform::kBoolean:
      Boolean(column, n);
      return OkStatus();
    case HealthTransform::kPercentile:
      Percentile(column, n, segment);
      return OkStatus();
    case HealthTransform::kZScore:
      return ZScore(column, n, segment, segment == nullptr ? 1 : segments);
  }
  return InvalidArgument(column.field + ".transform: unknown transform");
}

}  // namespace candor::health_internal
