// ResponseRates: response rate per segment with Wilson score intervals.
#include <algorithm>
#include <candor/weight.hpp>
#include <cmath>
#include <new>

#include "absl/container/flat_hash_map.h"
#include "common/normal.hpp"
#include "weight_internal.hpp"

namespace candor {
namespace {

// Wilson (1927) score interval for x successes in n trials:
//   (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n),
// the interval of R's prop.test(correct = FALSE).
void WilsonInterval(int64_t successes, int64_t trials, double z, double* low, double* high) {
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double denominator = 1 + z2 / n;
  const double centre = (p + z2 / (2 * n)) / denominator;
  const double half_width = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
  // The interval is {pi : |p - pi| <= z sqrt(pi (1 - pi) / n)}, so it holds
  // p exactly; at levels near 0 (z ~ 1e-10) rounding of the centre put p
  // outside it (found by fuzz/weights).
  *low = std::clamp(centre - half_width, 0.0, p);
  *high = std::clamp(centre + half_width, p, 1.0);
}

}  // namespace

Result<std::vector<ResponseRate>> ResponseRates(const uint8_t* responded, const int32_t* segment,
                                                size_t n, double level) {
  try {
    if (!(level > 0.0 && level < 1.0)) {
      return InvalidArgument("level must be in (0, 1), got " + internal::FormatNumber(level));
    }
    CANDOR_RETURN_IF_ERROR(internal::RequireArray(responded, n, "responded"));
    if (n == 0) return Empty("no invited customers");
    // A null segment puts everyone in segment 0. Codes may be sparse: count
    // in a hash map, report in code order.
    struct Counts {
      int64_t invited = 0;
      int64_t responded = 0;
    };
    absl::flat_hash_map<int32_t, Counts> by_code;
    for (size_t i = 0; i < n; ++i) {
      if (responded[i] > 1) {
        return InvalidArgument("responded[" + std::to_string(i) +
                               "] = " + std::to_string(responded[i]) + " is not 0 or 1");
      }
      const int32_t code = segment == nullptr ? 0 : segment[i];
      if (code < 0) {
        return OutOfRange("segment[" + std::to_string(i) + "] = " + std::to_string(code) +
                          " is negative");
      }
      Counts& counts = by_code[code];
      ++counts.invited;
      counts.responded += responded[i];
    }
    const double z = internal::NormalQuantile(0.5 + level / 2);
    std::vector<ResponseRate> rates;
    rates.reserve(by_code.size());
    for (const auto& [code, counts] : by_code) {
      ResponseRate rate;
      rate.code = code;
      rate.invited = counts.invited;
      rate.responded = counts.responded;
      rate.rate = static_cast<double>(counts.responded) / static_cast<double>(counts.invited);
      WilsonInterval(counts.responded, counts.invited, z, &rate.ci_low, &rate.ci_high);
      rates.push_back(rate);
    }
    std::sort(rates.begin(), rates.end(),
              [](const ResponseRate& a, const ResponseRate& b) { return a.code < b.code; });
    return rates;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory computing response rates");
  }
}

}  // namespace candor
