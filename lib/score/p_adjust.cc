// AdjustPValues: Holm (1979) and Benjamini-Hochberg (1995), as R's p.adjust; and the
// breakdowns' use of it.
#include "p_adjust.hpp"

#include <algorithm>
#include <candor/score.hpp>
#include <cmath>
#include <numeric>

namespace candor {

std::vector<double> AdjustPValues(const std::vector<double>& p, PAdjust method) {
  std::vector<double> adjusted = p;
  if (method != PAdjust::kHolm && method != PAdjust::kBenjaminiHochberg) return adjusted;
  // Only non-NaN p-values are ranked and counted (R: n = sum(!is.na(p))).
  std::vector<size_t> order;
  for (size_t i = 0; i < p.size(); ++i) {
    if (!std::isnan(p[i])) order.push_back(i);
  }
  const size_t m = order.size();
  if (m == 0) return adjusted;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return p[x] < p[y]; });
  if (method == PAdjust::kHolm) {
    // Step-down: p_(i) * (m - i + 1), running maximum from the smallest.
    double running = 0;
    for (size_t rank = 0; rank < m; ++rank) {
      const double scaled = std::min(1.0, p[order[rank]] * static_cast<double>(m - rank));
      running = std::max(running, scaled);
      adjusted[order[rank]] = running;
    }
  } else {
    // Step-up: m / i * p_(i), running minimum from the largest. m / i first,
    // as R does: it is >= 1 after rounding, so the product is never below
    // p_(i) (p * m / m can round below p).
    double running = 1.0;
    for (size_t rank = m; rank-- > 0;) {
      const double scaled = static_cast<double>(m) / static_cast<double>(rank + 1) * p[order[rank]];
      running = std::min(running, scaled);
      adjusted[order[rank]] = std::min(1.0, running);
    }
  }
  return adjusted;
}

namespace internal {

void SetAdjustedPValues(const std::vector<double>& p_values, PAdjust adjust,
                        std::vector<BreakdownRow>* rows) {
  const std::vector<double> adjusted = AdjustPValues(p_values, adjust);
  for (size_t r = 0; r < rows->size(); ++r) {
    (*rows)[r].p_adjusted = std::isnan(adjusted[r]) ? 1.0 : adjusted[r];
  }
}

}  // namespace internal
}  // namespace candor
