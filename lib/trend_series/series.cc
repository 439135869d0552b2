#include "series.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

#include "common/normal.hpp"

namespace candor::internal {
namespace {

// Sorts `v` ascending and returns the number of strict inversions (i < j with
// v[i] > v[j]); equal values are not inversions because the merge takes from
// the left run on ties.
int64_t SortCountingInversions(std::vector<double>& v) {
  std::vector<double> buffer(v.size());
  int64_t inversions = 0;
  for (size_t width = 1; width < v.size(); width *= 2) {
    for (size_t lo = 0; lo < v.size(); lo += 2 * width) {
      const size_t mid = std::min(lo + width, v.size());
      const size_t hi = std::min(lo + 2 * width, v.size());
      size_t i = lo, j = mid, out = lo;
      while (i < mid && j < hi) {
        if (v[i] <= v[j]) {
          buffer[out++] = v[i++];
        } else {
          inversions += static_cast<int64_t>(mid - i);  // v[j] < every left rest
          buffer[out++] = v[j++];
        }
      }
      while (i < mid) buffer[out++] = v[i++];
      while (j < hi) buffer[out++] = v[j++];
    }
    v.swap(buffer);
  }
  return inversions;
}

int64_t TiedPairs(const std::vector<double>& sorted) {
  int64_t pairs = 0;
  size_t start = 0;
  while (start < sorted.size()) {
    size_t end = start + 1;
    while (end < sorted.size() && sorted[end] == sorted[start]) ++end;
    const int64_t t = static_cast<int64_t>(end - start);
    pairs += t * (t - 1) / 2;
    start = end;
  }
  return pairs;
}

// 1-based rank r clamped to [1, count], as a 0-based index.
size_t ClampedIndex(double rank, size_t count) {
  if (!(rank >= 1)) return 0;
  if (rank >= static_cast<double>(count)) return count - 1;
  return static_cast<size_t>(rank) - 1;
}

}  // namespace

Status CheckTrendSeries(const double* values, size_t n) {
  if (values == nullptr && n > 0) return InvalidArgument("values is null with n > 0");
  if (n < 3) {
    return Empty("a trend needs at least 3 values; got " + std::to_string(n));
  }
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(values[i])) {
      return OutOfRange("value at index " + std::to_string(i) +
                        " is not finite (NaN or infinite); drop missing values first");
    }
  }
  return OkStatus();
}

Status CheckProbability(double p, const char* name) {
  if (!(p > 0 && p < 1)) {
    return InvalidArgument(std::string(name) + " must be in (0, 1); got " + std::to_string(p));
  }
  return OkStatus();
}

double MannKendallVariance(const std::vector<double>& sorted) {
  // Doubles: n(n-1)(2n+5) overflows int64 near n = 1.6 million.
  const double n = static_cast<double>(sorted.size());
  double ties = 0;
  size_t start = 0;
  while (start < sorted.size()) {
    size_t end = start + 1;
    while (end < sorted.size() && sorted[end] == sorted[start]) ++end;
    const double t = static_cast<double>(end - start);
    ties += t * (t - 1) * (2 * t + 5);
    start = end;
  }
  return (n * (n - 1) * (2 * n + 5) - ties) / 18.0;
}

int64_t MannKendallScore(const double* values, size_t n, std::vector<double>* sorted) {
  sorted->assign(values, values + n);
  // Pairs i < j split into increasing (concordant), decreasing (the
  // inversions) and tied: S = concordant - discordant
  //                         = all - tied - 2 * discordant.
  const int64_t discordant = SortCountingInversions(*sorted);
  const int64_t all = static_cast<int64_t>(n) * (static_cast<int64_t>(n) - 1) / 2;
  return all - TiedPairs(*sorted) - 2 * discordant;
}

void SetMannKendallVerdict(double alpha, MannKendall* out) {
  out->z = 0;
  if (out->var_s > 0) {
    if (out->s > 0) out->z = static_cast<double>(out->s - 1) / std::sqrt(out->var_s);
    if (out->s < 0) out->z = static_cast<double>(out->s + 1) / std::sqrt(out->var_s);
  }
  out->p_value = TwoSidedPValue(out->z);
  out->trend = TrendDirection::kNone;
  if (std::fabs(out->z) > NormalQuantile(1 - alpha / 2)) {
    out->trend = out->z > 0 ? TrendDirection::kIncreasing : TrendDirection::kDecreasing;
  }
}

double OrderStatistic(std::vector<double>& v, size_t k) {
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

double Median(std::vector<double>& v) {
  const size_t half = v.size() / 2;
  const double upper = OrderStatistic(v, half);
  if (v.size() % 2 == 1) return upper;
  // After nth_element every element below `half` is <= upper; the lower
  // middle is their maximum.
  const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(half));
  return 0.5 * (lower + upper);
}

void SetSlopeAndInterval(std::vector<double>& slopes, double var_s, double level,
                         SensSlope* out) {
  out->slope = Median(slopes);
  const double c = NormalQuantile(0.5 + 0.5 * level) * std::sqrt(var_s);
  const double count = static_cast<double>(slopes.size());
  // nearbyint rounds half to even in the default mode, as numpy.round does.
  const double lower_rank = std::nearbyint((count - c) / 2);
  const double upper_rank = std::nearbyint((count + c) / 2) + 1;
  out->ci_low = OrderStatistic(slopes, ClampedIndex(lower_rank, slopes.size()));
  out->ci_high = OrderStatistic(slopes, ClampedIndex(upper_rank, slopes.size()));
}

std::vector<std::vector<double>> SeasonColumns(const double* values, size_t n, size_t period) {
  std::vector<std::vector<double>> seasons(period);
  for (size_t g = 0; g < period; ++g) seasons[g].reserve(n / period + 1);
  for (size_t i = 0; i < n; ++i) seasons[i % period].push_back(values[i]);
  return seasons;
}

}  // namespace candor::internal
