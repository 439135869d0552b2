// The cluster-robust scan: Z from accounts' residual sums and its
// multiplier-bootstrap null; formulas in include/candor/trend_change_points.hpp.
#include "change_points_clustered.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "common/parallel.hpp"
#include "common/random.hpp"

namespace candor::internal {
namespace {

// The stream of the multiplier bootstrap (RandomStream::ForReplicate).
constexpr uint64_t kClusterStream = 0x636c757374ULL;  // "clust"

// A pivot below this (relative to the correlation's unit diagonal) is a
// direction the candidates' CUSUMs do not span: its column is dropped.
constexpr double kPivotTolerance = 1e-10;

// One account's residual sum over one block of a segment.
struct Cell {
  int32_t block;
  double sum;
};

// Lower-triangular L (row-major, g x g) with L L' = the correlation matrix
// `r`, columns of non-positive pivots set to zero: a positive semi-definite
// Cholesky (r may be singular: candidates whose CUSUMs are dependent).
std::vector<double> SemidefiniteCholesky(const std::vector<double>& r, size_t g) {
  std::vector<double> l(g * g, 0.0);
  for (size_t j = 0; j < g; ++j) {
    double pivot = r[j * g + j];
    for (size_t k = 0; k < j; ++k) pivot -= l[j * g + k] * l[j * g + k];
    if (!(pivot > kPivotTolerance)) continue;
    const double root = std::sqrt(pivot);
    l[j * g + j] = root;
    for (size_t i = j + 1; i < g; ++i) {
      double s = r[i * g + j];
      for (size_t k = 0; k < j; ++k) s -= l[i * g + k] * l[j * g + k];
      l[i * g + j] = s / root;
    }
  }
  return l;
}

// max_i |(L x)_i| for x ~ N(0, I): one replicate of the standardized
// CUSUMs' maximum under no change.
double MaxAbsCorrelated(const std::vector<double>& l, size_t g, RandomStream& random,
                        std::vector<double>& x) {
  for (size_t j = 0; j < g; ++j) x[j] = random.Normal();
  double best = 0;
  for (size_t i = 0; i < g; ++i) {
    const double* row = &l[i * g];
    double s = 0;
    for (size_t j = 0; j <= i; ++j) s += row[j] * x[j];
    best = std::max(best, std::fabs(s));
  }
  return best;
}

}  // namespace

ClusteredShiftScan::ClusteredShiftScan(const MeanShiftSums& sums, const uint32_t* account,
                                       size_t accounts)
    : sums_(sums), account_(account), accounts_(accounts) {}

double ClusteredShiftScan::Residual(int64_t i, double mean) const {
  return sums_.Weight(i) * (sums_.ValueOf(sums_.ScoreIndex(i)) - mean);
}

void ClusteredShiftScan::Start(int64_t a, int64_t b) {
  if (total_.empty()) {
    total_.assign(accounts_, 0.0);
    before_.assign(accounts_, 0.0);
  }
  for (uint32_t g : touched_) total_[g] = before_[g] = 0;
  touched_.clear();
  const MeanSums sum_a = sums_.PrefixAt(a);
  const MeanSums sum_b = sums_.PrefixAt(b);
  weight_ = sum_b.weight - sum_a.weight;
  mean_ = weight_ > 0 ? (sum_b.weighted_value - sum_a.weighted_value) / weight_ : 0;
  // The accounts' totals T, and which accounts the segment has (a response
  // of weight 0 still makes its account count in C, as in the design
  // variance).
  for (int64_t i = a; i < b; ++i) {
    const uint32_t g = account_[i];
    if (total_[g] == 0 && before_[g] == 0) {
      before_[g] = 1;  // marks the account as seen until the pass ends
      touched_.push_back(g);
    }
    total_[g] += Residual(i, mean_);
  }
  sum_t2_ = 0;
  for (uint32_t g : touched_) {
    before_[g] = 0;
    sum_t2_ += total_[g] * total_[g];
  }
  const double c = static_cast<double>(touched_.size());
  factor_ = touched_.size() >= 2 ? c / (c - 1) : 0;
  position_ = a;
  weight_before_ = residual_before_ = sum_p2_ = sum_pt_ = 0;
}

double ClusteredShiftScan::ZAt(int64_t t) {
  for (; position_ < t; ++position_) {
    const uint32_t g = account_[position_];
    const double r = Residual(position_, mean_);
    double& p = before_[g];
    sum_p2_ += (2 * p + r) * r;
    sum_pt_ += r * total_[g];
    p += r;
    residual_before_ += r;
    weight_before_ += sums_.Weight(position_);
  }
  if (!(weight_before_ > 0) || !(weight_ - weight_before_ > 0) || factor_ == 0) return 0;
  // sum over accounts of (P - q T)^2, the influence of each account on the
  // CUSUM R = sum_{i<t} w_i (y_i - mean) (the mean's own estimation included).
  const double q = weight_before_ / weight_;
  const double variance = factor_ * (sum_p2_ - 2 * q * sum_pt_ + q * q * sum_t2_);
  // Below the rounding error of the running sums: no information.
  if (!(variance > 1e-12 * factor_ * sum_t2_)) return 0;
  return -residual_before_ / std::sqrt(variance);
}

SegmentTest ClusteredShiftScan::Test(int64_t a, int64_t b,
                                     const std::vector<int64_t>& all_candidates,
                                     const CalibratedSearchOptions& options) {
  SegmentTest test;
  const std::vector<int64_t> candidates = SegmentCandidates(all_candidates, a, b, options.min_size);
  if (candidates.empty()) return test;
  test.candidates = static_cast<int64_t>(candidates.size());
  // The candidates tested: all, or kMaxClusteredTestCandidates of them spread
  // evenly by rank (first and last included).
  std::vector<int64_t> tested;
  const size_t all = candidates.size();
  const size_t most = static_cast<size_t>(kMaxClusteredTestCandidates);
  if (all <= most) {
    tested = candidates;
  } else {
    for (size_t j = 0; j < most; ++j) {
      tested.push_back(candidates[(j * (all - 1) + (most - 1) / 2) / (most - 1)]);
    }
  }
  const size_t g = tested.size();
  const size_t blocks = g + 1;  // block j: [tested[j - 1], tested[j]), ends a and b
  const MeanSums sum_a = sums_.PrefixAt(a);
  const MeanSums sum_b = sums_.PrefixAt(b);
  const double weight = sum_b.weight - sum_a.weight;
  if (!(weight > 0)) return test;
  const double mean = (sum_b.weighted_value - sum_a.weighted_value) / weight;

  // A = sum over accounts of m m', m the account's residual sums by block;
  // each account costs the square of the number of blocks it touches. Three
  // passes keep random access to per-account arrays (no pointer chasing
  // through the cells): count each account's cells (runs of one block),
  // write them contiguously by account, then multiply account by account.
  if (open_block_.empty()) {
    open_block_.assign(accounts_, -1);
    open_sum_.assign(accounts_, 0.0);
    next_cell_.assign(accounts_, 0);
  }
  std::vector<double> products(blocks * blocks, 0.0);  // lower triangle
  std::vector<double> block_residual(blocks, 0.0), block_weight(blocks, 0.0);
  std::vector<uint32_t> seen;
  size_t block = 0;
  for (int64_t i = a; i < b; ++i) {  // 1: count (next_cell_ holds the count)
    while (block < g && i >= tested[block]) ++block;
    const uint32_t account = account_[i];
    const int32_t j = static_cast<int32_t>(block);
    if (open_block_[account] == j) continue;
    if (open_block_[account] < 0) seen.push_back(account);
    open_block_[account] = j;
    ++next_cell_[account];
  }
  int64_t cell_count = 0;
  for (uint32_t account : seen) {
    const int64_t count = next_cell_[account];
    next_cell_[account] = cell_count;  // now: where its next cell goes
    cell_count += count;
    open_block_[account] = -1;
  }
  std::vector<Cell> cells(static_cast<size_t>(cell_count));
  auto close = [&](uint32_t account) {
    cells[static_cast<size_t>(next_cell_[account]++)] = {open_block_[account], open_sum_[account]};
  };
  block = 0;
  for (int64_t i = a; i < b; ++i) {  // 2: the cells' sums
    while (block < g && i >= tested[block]) ++block;
    const uint32_t account = account_[i];
    const double r = Residual(i, mean);
    block_residual[block] += r;
    block_weight[block] += sums_.Weight(i);
    const int32_t j = static_cast<int32_t>(block);
    if (open_block_[account] == j) {
      open_sum_[account] += r;
      continue;
    }
    if (open_block_[account] >= 0) close(account);
    open_block_[account] = j;
    open_sum_[account] = r;
  }
  size_t begin = 0;
  for (uint32_t account : seen) {  // 3: m m' of each account (in `seen` order)
    close(account);
    open_block_[account] = -1;
    open_sum_[account] = 0;
    const size_t end = static_cast<size_t>(next_cell_[account]);
    next_cell_[account] = 0;
    for (size_t c = begin; c < end; ++c) {
      double* row = &products[static_cast<size_t>(cells[c].block) * blocks];
      for (size_t d = begin; d <= c; ++d) row[cells[d].block] += cells[c].sum * cells[d].sum;
    }
    begin = end;
  }
  cells = std::vector<Cell>();
  if (seen.size() < 2) return test;  // no cluster-robust variance from one account
  const double factor = static_cast<double>(seen.size()) / (static_cast<double>(seen.size()) - 1);
  for (size_t j = 0; j < blocks; ++j) {
    for (size_t k = j + 1; k < blocks; ++k) products[j * blocks + k] = products[k * blocks + j];
  }

  // u_k = B m with B_kj = 1[j <= k] - q_k (candidate k: blocks 0..k before,
  // q_k their share of the weight); S = factor * B A B'. X = A B' first.
  std::vector<double> share(g), cusum(g);
  double weight_before = 0, residual_before = 0;
  for (size_t k = 0; k < g; ++k) {
    weight_before += block_weight[k];
    residual_before += block_residual[k];
    share[k] = weight_before / weight;
    cusum[k] = residual_before;
  }
  std::vector<double> x(blocks * g);
  for (size_t j = 0; j < blocks; ++j) {
    const double* row = &products[j * blocks];
    double row_total = 0;
    for (size_t jj = 0; jj < blocks; ++jj) row_total += row[jj];
    double prefix = 0;
    for (size_t k = 0; k < g; ++k) {
      prefix += row[k];
      x[j * g + k] = prefix - share[k] * row_total;
    }
  }
  std::vector<double> covariance(g * g);
  std::vector<double> column_prefix(g, 0.0), column_total(g, 0.0);
  for (size_t j = 0; j < blocks; ++j) {
    for (size_t l = 0; l < g; ++l) column_total[l] += x[j * g + l];
  }
  for (size_t k = 0; k < g; ++k) {
    for (size_t l = 0; l < g; ++l) {
      column_prefix[l] += x[k * g + l];
      covariance[k * g + l] = factor * (column_prefix[l] - share[k] * column_total[l]);
    }
  }

  // Z_k = -R_k / sqrt(S_kk) (positive: the mean after is higher); candidates
  // without variance (a side of no weight) are left out of the test.
  double largest_variance = 0;
  for (size_t k = 0; k < g; ++k)
    largest_variance = std::max(largest_variance, covariance[k * g + k]);
  std::vector<size_t> valid;
  std::vector<double> z(g, 0.0);
  for (size_t k = 0; k < g; ++k) {
    const double v = covariance[k * g + k];
    if (share[k] > 0 && share[k] < 1 && v > 1e-12 * largest_variance) {
      z[k] = -cusum[k] / std::sqrt(v);
      valid.push_back(k);
    }
  }
  if (valid.empty()) return test;
  double statistic = 0;
  double best_abs = -1;
  for (size_t k = 0; k < g; ++k) {
    statistic = std::max(statistic, std::fabs(z[k]));
    if (std::fabs(z[k]) > best_abs) {
      best_abs = std::fabs(z[k]);
      test.best = tested[k];
      test.z = z[k];
    }
  }
  if (g < all) {  // the location is the best of every candidate
    Start(a, b);
    best_abs = -1;
    for (int64_t c : candidates) {
      const double zc = ZAt(c);
      if (std::fabs(zc) > best_abs) {
        best_abs = std::fabs(zc);
        test.best = c;
        test.z = zc;
      }
    }
  }

  // The null: the CUSUMs are approximately Gaussian with covariance S (a
  // Gaussian multiplier per account draws exactly from it), so T* is the
  // largest |N(0, correlation)| over the valid candidates.
  const size_t gv = valid.size();
  std::vector<double> correlation(gv * gv);
  for (size_t i = 0; i < gv; ++i) {
    for (size_t j = 0; j < gv; ++j) {
      correlation[i * gv + j] =
          covariance[valid[i] * g + valid[j]] /
          std::sqrt(covariance[valid[i] * g + valid[i]] * covariance[valid[j] * g + valid[j]]);
    }
  }
  const std::vector<double> factorized = SemidefiniteCholesky(correlation, gv);
  const auto maxima = SimulateMaxima(
      factorized, std::vector<double>(gv), kClusterStream,
      [gv](const std::vector<double>& l, RandomStream& random, std::vector<double>& draws) {
        return MaxAbsCorrelated(l, gv, random, draws);
      },
      options);
  test.p_value = PValue(*maxima, statistic);
  test.critical_value = CriticalValue(*maxima, options.alpha);
  test.found = test.p_value <= options.alpha;
  return test;
}

}  // namespace candor::internal
