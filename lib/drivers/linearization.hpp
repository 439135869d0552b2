// Linearization variances of the per-theme statistics. Every statistic here
// (a share, a domain mean, overall minus a domain mean, a log relative risk,
// a difference between periods) has an influence value for comment i of the
// form w_i * g(mention_i, slot_i, point_i): a coefficient per cell of
// (mentions the theme or not, period slot, score point). So its variance is
//  - without accounts: f * sum over cells of (sum of w^2 in the cell) * g^2,
//    f = 1 unweighted (score.hpp's plug-in Wald) or n / (n - 1) weighted
//    (svymean), since each statistic's influences sum to 0;
//  - with accounts: C / (C - 1) * sum_c (z_c - zbar)^2 over the accounts'
//    sums of w_i g(cell_i) (DesignVariance, as EstimateDesign).
#ifndef CANDOR_DRIVERS_LINEARIZATION_HPP_
#define CANDOR_DRIVERS_LINEARIZATION_HPP_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "score/design_variance.hpp"
#include "score/tally.hpp"
#include "theme_tallies.hpp"

namespace candor::internal {

// The tallies of one theme: comments that mention it (in) and the others
// (out), per slot.
struct ThemeCells {
  std::vector<Tally> in;   // [slot]
  std::vector<Tally> out;  // [slot]
  const Tally& Of(int mention, int slot) const { return mention ? in[slot] : out[slot]; }
};

ThemeCells CellsOfTheme(const ThemeTallies& tallies, size_t theme);

// Coefficients g per (mention, slot, point); zero unless set.
class CellCoefficients {
 public:
  explicit CellCoefficients(size_t points) : points_(points), g_(2 * kSlots * points, 0.0) {}
  double& at(int mention, int slot, size_t point) {
    return g_[(static_cast<size_t>(mention) * kSlots + static_cast<size_t>(slot)) * points_ + point];
  }
  double at(int mention, int slot, size_t point) const {
    return g_[(static_cast<size_t>(mention) * kSlots + static_cast<size_t>(slot)) * points_ + point];
  }
  size_t points() const { return points_; }

 private:
  size_t points_;
  std::vector<double> g_;
};

class ThemeVariance {
 public:
  // `design` is null without accounts; else it has the accounts as clusters.
  ThemeVariance(const DriverComments& comments, const DesignVariance* design)
      : comments_(comments), design_(design) {}

  // The theme whose statistics follow: its cells, and (with accounts) which
  // comments mention it.
  void SetTheme(const ThemeCells* cells, const std::vector<uint8_t>* mentions) {
    cells_ = cells;
    mentions_ = mentions;
  }
  double Variance(const CellCoefficients& g) const;
  bool clustered() const { return design_ != nullptr; }

 private:
  const DriverComments& comments_;
  const DesignVariance* design_;
  const ThemeCells* cells_ = nullptr;
  const std::vector<uint8_t>* mentions_ = nullptr;
};

// Sums over a set of cells: count, sum w, sum w^2, sum w * value(point).
struct CellSums {
  int64_t n = 0;
  double weight = 0;
  double square = 0;
  double weighted_value = 0;
  double weighted_square_value = 0;  // sum w s^2, for the Jeffreys interval
  double Mean() const { return weighted_value / weight; }
  bool estimable() const { return n > 0 && weight > 0; }
};

// Sums of the cells of `tally` whose point passes keep(point), with values
// value(point).
template <typename Keep, typename Value>
CellSums SumCells(const Tally& tally, Keep keep, Value value) {
  CellSums sums;
  for (size_t p = 0; p < tally.counts.size(); ++p) {
    if (!keep(p)) continue;
    sums.n += tally.counts[p];
    sums.weight += tally.weight_sums[p];
    sums.square += tally.weight_square_sums[p];
    sums.weighted_value += tally.weight_sums[p] * value(p);
    sums.weighted_square_value += tally.weight_sums[p] * value(p) * value(p);
  }
  return sums;
}

inline void Accumulate(const CellSums& from, CellSums* into) {
  into->n += from.n;
  into->weight += from.weight;
  into->square += from.square;
  into->weighted_value += from.weighted_value;
  into->weighted_square_value += from.weighted_square_value;
}

// Two-sided normal p-value of difference / SE; SE 0 gives 1 for a zero
// difference, else 0 (as score.hpp); NaN stays NaN.
double WaldPValue(double difference, double std_error);

}  // namespace candor::internal

#endif  // CANDOR_DRIVERS_LINEARIZATION_HPP_
