// Mann-Kendall test; formulas and conventions in include/candor/trend.hpp.
#include <algorithm>
#include <candor/trend.hpp>
#include <cmath>
#include <new>
#include <string>
#include <vector>

#include "common/normal.hpp"
#include "trend/series.hpp"

namespace candor {
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

}  // namespace

Result<MannKendall> MannKendallTest(const double* values, size_t n) {
  CANDOR_RETURN_IF_ERROR(internal::CheckTrendSeries(values, n));
  try {
    std::vector<double> sorted(values, values + n);
    // Pairs i < j split into increasing (concordant), decreasing (the
    // inversions) and tied: S = concordant - discordant
    //                         = all - tied - 2 * discordant.
    const int64_t discordant = SortCountingInversions(sorted);
    const int64_t all = static_cast<int64_t>(n) * static_cast<int64_t>(n - 1) / 2;
    MannKendall out;
    out.n = static_cast<int64_t>(n);
    out.s = all - TiedPairs(sorted) - 2 * discordant;
    out.var_s = internal::MannKendallVariance(sorted);
    if (out.var_s > 0) {
      if (out.s > 0) out.z = static_cast<double>(out.s - 1) / std::sqrt(out.var_s);
      if (out.s < 0) out.z = static_cast<double>(out.s + 1) / std::sqrt(out.var_s);
    }
    out.p_value = internal::TwoSidedPValue(out.z);
    out.tau = static_cast<double>(out.s) / static_cast<double>(all);
    return out;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY,
                  "out of memory for a series of " + std::to_string(n) + " values");
  }
}

}  // namespace candor
