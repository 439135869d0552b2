// Sen's slope and its rank-based interval; conventions in
// include/candor/trend.hpp.
#include <algorithm>
#include <candor/trend.hpp>
#include <cmath>
#include <cstddef>
#include <new>
#include <string>
#include <vector>

#include "common/normal.hpp"
#include "trend/series.hpp"

namespace candor {
namespace {

// The k-th smallest (0-based) of `v`, reordering it.
double OrderStatistic(std::vector<double>& v, size_t k) {
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

// numpy.median: the mean of the two middle values when the count is even.
double Median(std::vector<double>& v) {
  const size_t half = v.size() / 2;
  const double upper = OrderStatistic(v, half);
  if (v.size() % 2 == 1) return upper;
  // After nth_element every element below `half` is <= upper; the lower
  // middle is their maximum.
  const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(half));
  return 0.5 * (lower + upper);
}

// 1-based rank r clamped to [1, count], as a 0-based index.
size_t ClampedIndex(double rank, size_t count) {
  if (!(rank >= 1)) return 0;
  if (rank >= static_cast<double>(count)) return count - 1;
  return static_cast<size_t>(rank) - 1;
}

}  // namespace

Result<SensSlope> SensSlopeEstimate(const double* values, size_t n, double level) {
  CANDOR_RETURN_IF_ERROR(internal::CheckTrendSeries(values, n));
  if (!(level > 0 && level < 1)) {
    return InvalidArgument("level must be in (0, 1); got " + std::to_string(level));
  }
  if (n > kSensSlopeMaxN) {
    return Unsupported("Sen's slope is O(n^2) here; n = " + std::to_string(n) +
                       " exceeds the limit of " + std::to_string(kSensSlopeMaxN));
  }
  try {
    std::vector<double> slopes;
    slopes.reserve(n * (n - 1) / 2);
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        slopes.push_back((values[j] - values[i]) / static_cast<double>(j - i));
      }
    }
    SensSlope out;
    out.slope = Median(slopes);
    std::vector<double> sorted(values, values + n);
    out.intercept = Median(sorted) - 0.5 * static_cast<double>(n - 1) * out.slope;

    std::sort(sorted.begin(), sorted.end());
    const double c = internal::NormalQuantile(0.5 + 0.5 * level) *
                     std::sqrt(internal::MannKendallVariance(sorted));
    const double count = static_cast<double>(slopes.size());
    // nearbyint rounds half to even in the default mode, as numpy.round does.
    const double lower_rank = std::nearbyint((count - c) / 2);
    const double upper_rank = std::nearbyint((count + c) / 2) + 1;
    out.ci_low = OrderStatistic(slopes, ClampedIndex(lower_rank, slopes.size()));
    out.ci_high = OrderStatistic(slopes, ClampedIndex(upper_rank, slopes.size()));
    return out;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY,
                  "out of memory for " + std::to_string(n) + " values' pairwise slopes");
  }
}

}  // namespace candor
