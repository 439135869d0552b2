// Per-score-point sums (count, sum of weights, sum of squared weights) and
// the validation of raw responses that produces them.
#ifndef CANDOR_SCORE_TALLY_HPP_
#define CANDOR_SCORE_TALLY_HPP_

#include <candor/score.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor::internal {

struct Tally {
  int scale_min = 0;
  int scale_max = 10;
  bool weighted = false;  // some weight != 1
  std::vector<int64_t> counts;
  std::vector<double> weight_sums;
  std::vector<double> weight_square_sums;

  static Tally Empty(int scale_min, int scale_max);
  static Tally FromAccumulator(const ScoreAccumulator& accumulator);
  int64_t Total() const;
  double WeightTotal() const;
  // this - other, pointwise (for "the rest" = total - segment).
  Tally Minus(const Tally& other) const;
};

// Validates that scores are finite integers in [scale_min, scale_max] and
// weights (if not null) finite and >= 0; messages name the first bad index.
// Does not require a positive weight sum (see CheckEstimable).
Status ValidateResponses(int scale_min, int scale_max, const double* scores, const double* weights,
                         size_t n);

// Validates and adds responses to `tally` (which must be on that scale).
Status TallyResponses(const double* scores, const double* weights, size_t n, Tally* tally);

// Non-empty, positive weight sum.
Status CheckEstimable(const Tally& tally);

}  // namespace candor::internal

#endif  // CANDOR_SCORE_TALLY_HPP_
