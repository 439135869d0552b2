// Mann-Kendall test and its variants; formulas and conventions in
// include/candor/trend_series.hpp.
#include <candor/trend_series.hpp>
#include <cmath>
#include <new>
#include <string>
#include <vector>

#include "series.hpp"

namespace candor {
namespace {

MannKendall Original(const double* values, size_t n, std::vector<double>* sorted) {
  MannKendall out;
  out.n = static_cast<int64_t>(n);
  out.s = internal::MannKendallScore(values, n, sorted);
  out.var_s = internal::MannKendallVariance(*sorted);
  out.tau = static_cast<double>(out.s) / (0.5 * static_cast<double>(n) * (n - 1.0));
  return out;
}

Result<MannKendall> HamedRao(const double* values, size_t n, const MannKendallOptions& options) {
  if (n > kSensSlopeMaxN) {
    return Unsupported("the Hamed-Rao test detrends by Sen's slope (O(n^2)); n = " +
                       std::to_string(n) + " exceeds the limit of " +
                       std::to_string(kSensSlopeMaxN));
  }
  // The level only matters for the interval, which is not used here.
  Result<SensSlope> sen = SensSlopeEstimate(values, n, 0.95);
  if (!sen.ok()) return sen.status();
  std::vector<double> sorted;
  MannKendall out = Original(values, n, &sorted);
  out.variance_factor =
      internal::HamedRaoFactor(values, n, sen->slope, options.alpha, options.max_lag,
                               options.hamed_rao_signed_sum, &out.significant_lags);
  if (!(out.variance_factor > 0)) {
    return Unsupported("the Hamed-Rao signed sum gives a variance factor n/n*_s = " +
                       std::to_string(out.variance_factor) +
                       " <= 0 (strong negative autocorrelation); use the absolute sum");
  }
  out.var_s *= out.variance_factor;
  return out;
}

Result<MannKendall> Seasonal(const double* values, size_t n, size_t period) {
  if (period < 2) {
    return InvalidArgument("the seasonal test needs period >= 2; got " + std::to_string(period));
  }
  if (n / period < 2) {
    return Empty("the seasonal test needs at least 2 full periods (" +
                 std::to_string(2 * period) + " values for period " + std::to_string(period) +
                 "); got " + std::to_string(n));
  }
  return internal::SeasonalScore(internal::SeasonColumns(values, n, period));
}

}  // namespace

Result<MannKendall> MannKendallTest(const double* values, size_t n) {
  return MannKendallTest(values, n, MannKendallOptions());
}

Result<MannKendall> MannKendallTest(const double* values, size_t n,
                                    const MannKendallOptions& options) {
  CANDOR_RETURN_IF_ERROR(internal::CheckTrendSeries(values, n));
  CANDOR_RETURN_IF_ERROR(internal::CheckProbability(options.alpha, "alpha"));
  try {
    Result<MannKendall> out = MannKendall();
    switch (options.method) {
      case MannKendallMethod::kOriginal: {
        std::vector<double> sorted;
        out = Original(values, n, &sorted);
        break;
      }
      case MannKendallMethod::kHamedRao:
        out = HamedRao(values, n, options);
        break;
      case MannKendallMethod::kSeasonal:
        out = Seasonal(values, n, options.period);
        break;
      default:
        return InvalidArgument("unknown Mann-Kendall method " +
                               std::to_string(static_cast<int>(options.method)));
    }
    if (!out.ok()) return out;
    internal::SetMannKendallVerdict(options.alpha, &*out);
    return out;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY,
                  "out of memory for a series of " + std::to_string(n) + " values");
  }
}

}  // namespace candor
