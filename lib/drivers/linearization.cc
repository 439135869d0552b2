#include "linearization.hpp"

#include <cmath>
#include <limits>

#include "common/normal.hpp"

namespace candor::internal {

ThemeCells CellsOfTheme(const ThemeTallies& tallies, size_t theme) {
  ThemeCells cells;
  cells.in = tallies.mention[theme];
  cells.out.reserve(kSlots);
  for (int s = 0; s < kSlots; ++s) cells.out.push_back(tallies.total[s].Minus(cells.in[s]));
  return cells;
}

double ThemeVariance::Variance(const CellCoefficients& g) const {
  if (design_ == nullptr) {
    double sum = 0;
    for (int m = 0; m < 2; ++m) {
      for (int s = 0; s < kSlots; ++s) {
        const Tally& tally = cells_->Of(m, s);
        for (size_t p = 0; p < g.points(); ++p) {
          const double c = g.at(m, s, p);
          if (c != 0.0) sum += tally.weight_square_sums[p] * c * c;
        }
      }
    }
    const double n = static_cast<double>(comments_.n);
    if (!comments_.weighted) return sum;
    return comments_.n < 2 ? std::numeric_limits<double>::quiet_NaN() : sum * n / (n - 1.0);
  }
  std::vector<double> influence(comments_.n);
  for (size_t i = 0; i < comments_.n; ++i) {
    influence[i] = comments_.WeightOf(i) * g.at((*mentions_)[i], comments_.slot[i], comments_.point[i]);
  }
  return design_->Variance(std::move(influence));
}

double WaldPValue(double difference, double std_error) {
  if (std::isnan(difference) || std::isnan(std_error)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (std_error == 0.0) return difference == 0.0 ? 1.0 : 0.0;
  return TwoSidedPValue(difference / std_error);
}

}  // namespace candor::internal
