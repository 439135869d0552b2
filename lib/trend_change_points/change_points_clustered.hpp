// The cluster-robust mean-shift scan of the calibrated change test, for
// responses clustered by account: Z from the accounts' residual sums (a
// sandwich variance), and its null by a Gaussian multiplier bootstrap over
// accounts. Formulas and citations: include/candor/trend_change_points.hpp.
#ifndef CANDOR_TREND_CHANGE_POINTS_CHANGE_POINTS_CLUSTERED_HPP_
#define CANDOR_TREND_CHANGE_POINTS_CHANGE_POINTS_CLUSTERED_HPP_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "change_points_calibrated.hpp"

namespace candor::internal {

// The most candidates a clustered segment is tested over: with more, the
// test uses this many spread evenly over them (the null costs
// O(replicates * G^2) and the factorization O(G^3)); the location is still
// the best of all of them.
inline constexpr int64_t kMaxClusteredTestCandidates = 512;

class ClusteredShiftScan {
 public:
  // `account` (borrowed) is each response's dense account index in
  // [0, accounts).
  ClusteredShiftScan(const MeanShiftSums& sums, const uint32_t* account, size_t accounts);

  // The test of segment [a, b): max |Z| over its candidates in
  // [a + min_size, b - min_size] (thinned to kMaxClusteredTestCandidates)
  // against the multiplier-bootstrap null. Not found (p = 1) when the
  // segment has fewer than two accounts.
  SegmentTest Test(int64_t a, int64_t b, const std::vector<int64_t>& candidates,
                   const CalibratedSearchOptions& options);

  // Starts a scan of segment [a, b); then ZAt(t) for non-decreasing t in
  // [a, b] gives the cluster-robust Z of the split at t (0 when a side has
  // no weight, the variance is 0 or the segment has one account).
  void Start(int64_t a, int64_t b);
  double ZAt(int64_t t);

 private:
  // w_i (y_i - mean) of response i.
  double Residual(int64_t i, double mean) const;

  const MeanShiftSums& sums_;
  const uint32_t* account_;
  size_t accounts_;
  // Per account, zero outside a scan: its residual total over the segment
  // (T), its residual sum before the position (P), and whether it was seen.
  std::vector<double> total_, before_;
  std::vector<uint32_t> touched_;
  // Test's per-account scratch (-1 / 0 outside a test): the block whose
  // residual sum is open, that sum, and the count of the account's cells,
  // then where its next cell goes.
  std::vector<int32_t> open_block_;
  std::vector<double> open_sum_;
  std::vector<int64_t> next_cell_;
  // The current scan.
  int64_t position_ = 0;
  double mean_ = 0, weight_ = 0, weight_before_ = 0, residual_before_ = 0;
  double sum_p2_ = 0, sum_pt_ = 0, sum_t2_ = 0, factor_ = 0;
};

}  // namespace candor::internal

#endif  // CANDOR_TREND_CHANGE_POINTS_CHANGE_POINTS_CLUSTERED_HPP_
