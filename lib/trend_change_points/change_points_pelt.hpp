// PELT over a set of candidate positions with the multinomial cost, and the
// refinement of grid changes; formulas in include/candor/trend_change_points.hpp.
#ifndef CANDOR_TREND_CHANGE_POINTS_CHANGE_POINTS_PELT_HPP_
#define CANDOR_TREND_CHANGE_POINTS_CHANGE_POINTS_PELT_HPP_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor::internal {

// Per-response categories 0..categories-1 with prefix counts at the start of
// every block of `block_size` responses, so that the counts of any prefix
// [0, x) cost O(block_size + categories).
class CategoryCounts {
 public:
  CategoryCounts(std::vector<uint16_t> category, int categories, int64_t block_size);

  int64_t size() const { return static_cast<int64_t>(category_.size()); }
  int categories() const { return categories_; }
  int64_t block_size() const { return block_size_; }
  // Writes the counts of responses [0, x) per category to out[0..categories).
  void PrefixAt(int64_t x, int64_t* out) const;
  uint16_t category(int64_t i) const { return category_[static_cast<size_t>(i)]; }

 private:
  std::vector<uint16_t> category_;
  int categories_;
  int64_t block_size_;
  std::vector<int64_t> block_prefix_;  // (blocks + 1) x categories, row-major
};

// C = -2 sum_k c_k log(c_k / n) = 2 (n log n - sum_k c_k log c_k), with
// c_k = hi[k] - lo[k], n = sum_k c_k. x log x comes from a table for counts
// up to kTableMax (no logarithm in the inner loop), else from std::log.
class MultinomialCost {
 public:
  static constexpr int64_t kTableMax = int64_t{1} << 22;  // 32 MB of doubles
  MultinomialCost(int categories, int64_t max_count);
  double operator()(const int64_t* lo, const int64_t* hi) const;

 private:
  double XLogX(int64_t x) const;
  int categories_;
  std::vector<double> table_;  // x log x for x in [0, max_count] if small
};

// Optimal partitioning restricted to change positions `candidates` (sorted,
// each in [min_size, n - min_size]) by PELT with delayed pruning; returns the
// chosen change positions, ascending. Ties go to the earliest last change.
std::vector<int64_t> PeltOnCandidates(const CategoryCounts& counts, const MultinomialCost& cost,
                                      const std::vector<int64_t>& candidates, double penalty,
                                      int64_t min_size);

// Whether a change may start at t (0 < t < n): always without times, else
// only between distinct times.
inline bool Admissible(const int64_t* times, int64_t t) {
  return times == nullptr || times[t - 1] < times[t];
}

// Moves each change to the admissible position of its own and neighbouring
// blocks minimizing C(previous, t) + C(t, next) (left to right; previous
// already moved, next as given), keeping every segment >= min_size; then,
// while removing some change lowers the penalized cost, removes the one that
// lowers it most and re-refines its two neighbours.
void RefineChanges(const CategoryCounts& counts, const MultinomialCost& cost,
                   const int64_t* times, int64_t min_size, double penalty,
                   std::vector<int64_t>* changes);

}  // namespace candor::internal

#endif  // CANDOR_TREND_CHANGE_POINTS_CHANGE_POINTS_PELT_HPP_
