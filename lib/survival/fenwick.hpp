// A Fenwick (binary indexed) tree of sums over positions 0..size-1: add at a
// position and sum a prefix in O(log size) (Fenwick 1994, Software: Practice
// and Experience 24:327).
#ifndef CANDOR_SURVIVAL_FENWICK_HPP_
#define CANDOR_SURVIVAL_FENWICK_HPP_

#include <cstddef>
#include <vector>

namespace candor::survival_internal {

class FenwickTree {
 public:
  explicit FenwickTree(size_t size) : tree_(size + 1, 0.0), at_(size, 0.0) {}

  void Add(size_t position, double value) {
    total_ += value;
    at_[position] += value;
    for (size_t i = position + 1; i < tree_.size(); i += i & (~i + 1)) tree_[i] += value;
  }

  // The sum over positions [0, end).
  double Prefix(size_t end) const {
    double sum = 0;
    for (size_t i = end; i > 0; i -= i & (~i + 1)) sum += tree_[i];
    return sum;
  }

  // The sum at one position, in O(1).
  double At(size_t position) const { return at_[position]; }

  double Total() const { return total_; }

 private:
  std::vector<double> tree_;
  std::vector<double> at_;
  double total_ = 0;
};

}  // namespace candor::survival_internal

#endif  // CANDOR_SURVIVAL_FENWICK_HPP_
