// Sen's slope and its rank-based interval; conventions in
// include/candor/trend_series.hpp.
#include <algorithm>
#include <candor/trend_series.hpp>
#include <new>
#include <string>
#include <vector>

#include "series.hpp"

namespace candor {

Result<SensSlope> SensSlopeEstimate(const double* values, size_t n, double level) {
  CANDOR_RETURN_IF_ERROR(internal::CheckTrendSeries(values, n));
  CANDOR_RETURN_IF_ERROR(internal::CheckProbability(level, "level"));
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
    std::vector<double> sorted(values, values + n);
    std::sort(sorted.begin(), sorted.end());
    SensSlope out;
    internal::SetSlopeAndInterval(slopes, internal::MannKendallVariance(sorted), level, &out);
    out.intercept = internal::Median(sorted) - 0.5 * static_cast<double>(n - 1) * out.slope;
    return out;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY,
                  "out of memory for " + std::to_string(n) + " values' pairwise slopes");
  }
}

}  // namespace candor
