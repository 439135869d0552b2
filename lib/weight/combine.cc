// CombineWeights: product of weight vectors, rescaled to mean 1.
#include <candor/weight.hpp>
#include <algorithm>
#include <climits>
#include <cmath>
#include <new>

#include "weight_internal.hpp"

namespace candor {

Result<std::vector<double>> CombineWeights(const std::vector<const double*>& parts, size_t n) {
  try {
    // Each product is kept as mantissa * 2^exponent so that it neither
    // overflows nor underflows (two parts of 1e-200, or one of 1e-314 whose
    // reciprocal is beyond the double range, would). Dividing every product by
    // 2^(largest exponent) is exact, so in the double range the result is the
    // plain product rescaled, bit for bit.
    std::vector<double> mantissa(n, 1.0);
    std::vector<int64_t> exponent(n, 0);
    for (size_t k = 0; k < parts.size(); ++k) {
      if (parts[k] == nullptr) continue;  // an absent part is skipped
      CANDOR_RETURN_IF_ERROR(
          internal::ValidateWeights(parts[k], n, "weight part " + std::to_string(k)));
      for (size_t i = 0; i < n; ++i) {
        int part_exponent = 0, e = 0;  // frexp first: a subnormal part times 0.5 is 0
        const double part = std::frexp(parts[k][i], &part_exponent);
        mantissa[i] = std::frexp(mantissa[i] * part, &e);
        exponent[i] += part_exponent + e;
      }
    }
    if (n == 0) return std::vector<double>();
    int64_t largest = INT64_MIN;
    for (size_t i = 0; i < n; ++i) {
      if (mantissa[i] > 0) largest = std::max(largest, exponent[i]);
    }
    if (largest == INT64_MIN) {
      return InvalidArgument("the product of the weight parts is 0 everywhere");
    }
    std::vector<double> product(n);
    double sum = 0;  // in [0.5, n]: the largest product becomes a mantissa
    for (size_t i = 0; i < n; ++i) {
      const int64_t shift = std::max<int64_t>(exponent[i] - largest, INT_MIN);
      product[i] = mantissa[i] > 0 ? std::ldexp(mantissa[i], static_cast<int>(shift)) : 0.0;
      sum += product[i];
    }
    const double scale = static_cast<double>(n) / sum;
    for (double& w : product) w *= scale;
    return product;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory combining weights");
  }
}

}  // namespace candor
