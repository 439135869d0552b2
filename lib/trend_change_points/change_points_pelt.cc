// PELT with the multinomial cost and the refinement of grid changes; the
// formulas and what is exact are in include/candor/trend_change_points.hpp.
#include "change_points_pelt.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>

namespace candor::internal {

CategoryCounts::CategoryCounts(std::vector<uint16_t> category, int categories,
                               int64_t block_size)
    : category_(std::move(category)), categories_(categories), block_size_(block_size) {
  const int64_t n = size();
  const int64_t blocks = (n + block_size_ - 1) / block_size_;
  const size_t k = static_cast<size_t>(categories_);
  block_prefix_.assign(static_cast<size_t>(blocks + 1) * k, 0);
  std::vector<int64_t> running(k, 0);
  for (int64_t b = 0; b < blocks; ++b) {
    const int64_t end = std::min(n, (b + 1) * block_size_);
    for (int64_t i = b * block_size_; i < end; ++i) ++running[category_[static_cast<size_t>(i)]];
    std::copy(running.begin(), running.end(), block_prefix_.begin() + (b + 1) * k);
  }
}

void CategoryCounts::PrefixAt(int64_t x, int64_t* out) const {
  const int64_t block = x / block_size_;
  const size_t k = static_cast<size_t>(categories_);
  std::copy_n(block_prefix_.begin() + block * k, k, out);
  for (int64_t i = block * block_size_; i < x; ++i) ++out[category_[static_cast<size_t>(i)]];
}

MultinomialCost::MultinomialCost(int categories, int64_t max_count) : categories_(categories) {
  if (max_count > kTableMax) return;
  table_.resize(static_cast<size_t>(max_count) + 1);
  table_[0] = 0;
  for (int64_t x = 1; x <= max_count; ++x) {
    const double dx = static_cast<double>(x);
    table_[static_cast<size_t>(x)] = dx * std::log(dx);
  }
}

double MultinomialCost::XLogX(int64_t x) const {
  if (!table_.empty()) return table_[static_cast<size_t>(x)];
  const double dx = static_cast<double>(x);
  return x > 0 ? dx * std::log(dx) : 0.0;
}

double MultinomialCost::operator()(const int64_t* lo, const int64_t* hi) const {
  int64_t n = 0;
  double sum_c_log_c = 0;
  for (int k = 0; k < categories_; ++k) {
    const int64_t c = hi[k] - lo[k];
    sum_c_log_c += XLogX(c);
    n += c;
  }
  return 2 * (XLogX(n) - sum_c_log_c);
}

std::vector<int64_t> PeltOnCandidates(const CategoryCounts& counts, const MultinomialCost& cost,
                                      const std::vector<int64_t>& candidates, double penalty,
                                      int64_t min_size) {
  // Positions: 0, the candidates, n. F(0) = -penalty so that every segment
  // adds C + penalty and the total is sum C + penalty * changes.
  const size_t k = static_cast<size_t>(counts.categories());
  std::vector<int64_t> position;
  position.reserve(candidates.size() + 2);
  position.push_back(0);
  position.insert(position.end(), candidates.begin(), candidates.end());
  position.push_back(counts.size());
  const size_t p = position.size();
  std::vector<int64_t> prefix(p * k);
  for (size_t j = 0; j < p; ++j) counts.PrefixAt(position[j], &prefix[j * k]);

  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> best(p, kInf);
  std::vector<size_t> last(p, 0);
  // death[s]: the first position at which s may be dropped (pruned at t,
  // s stays admissible for ends before t + min_size).
  std::vector<int64_t> death(p, std::numeric_limits<int64_t>::max());
  best[0] = -penalty;
  std::vector<size_t> alive = {0};
  std::vector<double> value;
  for (size_t j = 1; j < p; ++j) {
    const int64_t t = position[j];
    // Drop candidates whose pruning has taken effect.
    alive.erase(std::remove_if(alive.begin(), alive.end(),
                               [&](size_t s) { return death[s] <= t; }),
                alive.end());
    value.assign(alive.size(), kInf);
    double f = kInf;
    size_t arg = 0;
    const int64_t* here = &prefix[j * k];
    for (size_t a = 0; a < alive.size(); ++a) {
      const size_t s = alive[a];
      if (t - position[s] < min_size) break;  // alive is ascending
      value[a] = best[s] + cost(&prefix[s * k], here);
      if (value[a] + penalty < f) {
        f = value[a] + penalty;
        arg = s;
      }
    }
    best[j] = f;
    last[j] = arg;
    if (j + 1 == p || f == kInf) continue;
    for (size_t a = 0; a < alive.size(); ++a) {
      if (value[a] == kInf) break;
      if (value[a] >= f) death[alive[a]] = std::min(death[alive[a]], t + min_size);
    }
    alive.push_back(j);
  }
  std::vector<int64_t> changes;
  for (size_t j = last[p - 1]; j != 0; j = last[j]) changes.push_back(position[j]);
  std::reverse(changes.begin(), changes.end());
  return changes;
}

namespace {

// The admissible t in the blocks around `at` (and at least min_size from
// previous and next) minimizing C(previous, t) + C(t, next); `at` if none.
int64_t RefineOne(const CategoryCounts& counts, const MultinomialCost& cost, const int64_t* times,
                  int64_t min_size, const int64_t* left, const int64_t* right, int64_t previous,
                  int64_t next, int64_t at, std::vector<int64_t>* running) {
  const int64_t m = counts.block_size();
  const int64_t block = at / m;
  const int64_t lo = std::max({(block - 1) * m, previous + min_size, int64_t{1}});
  const int64_t hi = std::min({(block + 2) * m - 1, next - min_size, counts.size() - 1});
  counts.PrefixAt(lo, running->data());
  double best = std::numeric_limits<double>::infinity();
  int64_t arg = at;
  for (int64_t t = lo; t <= hi; ++t) {
    if (Admissible(times, t)) {
      const double both = cost(left, running->data()) + cost(running->data(), right);
      if (both < best) {
        best = both;
        arg = t;
      }
    }
    ++(*running)[counts.category(t)];
  }
  return arg;
}

}  // namespace

void RefineChanges(const CategoryCounts& counts, const MultinomialCost& cost,
                   const int64_t* times, int64_t min_size, double penalty,
                   std::vector<int64_t>* changes) {
  // Boundaries 0, changes..., n with their prefix counts.
  const size_t k = static_cast<size_t>(counts.categories());
  std::vector<int64_t> bound = {0};
  bound.insert(bound.end(), changes->begin(), changes->end());
  bound.push_back(counts.size());
  std::vector<std::vector<int64_t>> prefix(bound.size(), std::vector<int64_t>(k));
  for (size_t j = 0; j < bound.size(); ++j) counts.PrefixAt(bound[j], prefix[j].data());
  std::vector<int64_t> running(k);
  // Refines change j, again around its new block while it moves to another
  // block (each move strictly lowers the cost, so this ends).
  auto refine = [&](size_t j) {
    for (;;) {
      const int64_t at = RefineOne(counts, cost, times, min_size, prefix[j - 1].data(),
                                   prefix[j + 1].data(), bound[j - 1], bound[j + 1], bound[j],
                                   &running);
      const bool moved_block = at / counts.block_size() != bound[j] / counts.block_size();
      bound[j] = at;
      if (!moved_block) break;
    }
    counts.PrefixAt(bound[j], prefix[j].data());
  };
  for (size_t j = 1; j + 1 < bound.size(); ++j) refine(j);
  // A change inside a block can show up on the grid as two changes around
  // that block; drop the change whose removal lowers the penalized cost most,
  // re-refine its neighbours, and repeat while some removal helps.
  while (bound.size() > 2) {
    double best_gain = 0;
    size_t drop = 0;
    for (size_t j = 1; j + 1 < bound.size(); ++j) {
      const double gain = cost(prefix[j - 1].data(), prefix[j].data()) +
                          cost(prefix[j].data(), prefix[j + 1].data()) + penalty -
                          cost(prefix[j - 1].data(), prefix[j + 1].data());
      if (gain > best_gain) {
        best_gain = gain;
        drop = j;
      }
    }
    if (drop == 0) break;
    bound.erase(bound.begin() + static_cast<std::ptrdiff_t>(drop));
    prefix.erase(prefix.begin() + static_cast<std::ptrdiff_t>(drop));
    if (drop > 1) refine(drop - 1);
    if (drop + 1 < bound.size()) refine(drop);
  }
  changes->assign(bound.begin() + 1, bound.end() - 1);
}

}  // namespace candor::internal
