// Seasonal Mann-Kendall S and Var(S) (Hirsch, Slack & Smith 1982) and the
// seasonal Sen's slope; conventions in include/candor/trend_series.hpp.
#include <candor/trend_series.hpp>
#include <cmath>
#include <new>
#include <string>
#include <vector>

#include "series.hpp"

namespace candor {
namespace internal {
namespace {

std::vector<double> Present(const std::vector<double>& column) {
  std::vector<double> present;
  present.reserve(column.size());
  for (double v : column) {
    if (!std::isnan(v)) present.push_back(v);
  }
  return present;
}

}  // namespace

MannKendall SeasonalScore(const std::vector<std::vector<double>>& seasons) {
  MannKendall out;
  double pairs = 0;
  std::vector<double> sorted;
  for (const std::vector<double>& column : seasons) {
    const std::vector<double> present = Present(column);
    const size_t m = present.size();
    out.n += static_cast<int64_t>(m);
    if (m < 2) continue;
    out.s += MannKendallScore(present.data(), m, &sorted);
    out.var_s += MannKendallVariance(sorted);
    pairs += 0.5 * static_cast<double>(m) * (static_cast<double>(m) - 1);
  }
  out.tau = pairs > 0 ? static_cast<double>(out.s) / pairs : 0;
  return out;
}

std::vector<double> SeasonalSlopes(const std::vector<std::vector<double>>& seasons) {
  std::vector<double> slopes;
  for (const std::vector<double>& column : seasons) {
    for (size_t i = 0; i < column.size(); ++i) {
      if (std::isnan(column[i])) continue;
      for (size_t j = i + 1; j < column.size(); ++j) {
        if (std::isnan(column[j])) continue;
        slopes.push_back((column[j] - column[i]) / static_cast<double>(j - i));
      }
    }
  }
  return slopes;
}

}  // namespace internal

Result<SensSlope> SeasonalSensSlopeEstimate(const double* values, size_t n, size_t period,
                                            double level) {
  CANDOR_RETURN_IF_ERROR(internal::CheckTrendSeries(values, n));
  CANDOR_RETURN_IF_ERROR(internal::CheckProbability(level, "level"));
  if (period < 2) {
    return InvalidArgument("the seasonal slope needs period >= 2; got " + std::to_string(period));
  }
  if (n / period < 2) {
    return Empty("the seasonal slope needs at least 2 full periods (" +
                 std::to_string(2 * period) + " values for period " + std::to_string(period) +
                 "); got " + std::to_string(n));
  }
  if (n > kSensSlopeMaxN) {
    return Unsupported("the seasonal Sen's slope is O(n^2 / period) here; n = " +
                       std::to_string(n) + " exceeds the limit of " +
                       std::to_string(kSensSlopeMaxN));
  }
  try {
    const std::vector<std::vector<double>> seasons = internal::SeasonColumns(values, n, period);
    std::vector<double> slopes = internal::SeasonalSlopes(seasons);
    const MannKendall score = internal::SeasonalScore(seasons);
    SensSlope out;
    internal::SetSlopeAndInterval(slopes, score.var_s, level, &out);
    std::vector<double> copy(values, values + n);
    out.intercept = internal::Median(copy) -
                    0.5 * static_cast<double>(n - 1) / static_cast<double>(period) * out.slope;
    return out;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY,
                  "out of memory for " + std::to_string(n) + " values' seasonal slopes");
  }
}

}  // namespace candor
