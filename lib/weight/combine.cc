// CombineWeights: product of weight vectors, rescaled to mean 1.
#include <candor/weight.hpp>
#include <cmath>
#include <new>

#include "weight/weight_internal.hpp"

namespace candor {

Result<std::vector<double>> CombineWeights(const std::vector<const double*>& parts, size_t n) {
  try {
    std::vector<double> product(n, 1.0);
    for (size_t k = 0; k < parts.size(); ++k) {
      if (parts[k] == nullptr) continue;  // an absent part is skipped
      CANDOR_RETURN_IF_ERROR(
          internal::ValidateWeights(parts[k], n, "weight part " + std::to_string(k)));
      for (size_t i = 0; i < n; ++i) product[i] *= parts[k][i];
    }
    if (n == 0) return product;
    double sum = 0;
    for (double w : product) sum += w;
    if (!(sum > 0)) return InvalidArgument("the product of the weight parts is 0 everywhere");
    if (!std::isfinite(sum)) return OutOfRange("the product of the weight parts overflows");
    const double scale = static_cast<double>(n) / sum;
    for (double& w : product) w *= scale;
    return product;
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "out of memory combining weights");
  }
}

}  // namespace candor
