// Weights moved into a range where sums of squared weights can neither
// overflow nor underflow a double.
#ifndef CANDOR_SCORE_WEIGHT_SCALE_HPP_
#define CANDOR_SCORE_WEIGHT_SCALE_HPP_

#include <candor/design.hpp>
#include <cstddef>
#include <vector>

namespace candor::internal {

// Every estimate candor makes from weighted responses (Hajek mean, Kish
// effective n, linearization variance, bootstrap) is unchanged when all
// weights are multiplied by one constant. When the largest weight lies
// outside [2^-480, 2^480], n * w^2 could overflow (weights near 1e308) or
// underflow to zero (weights near 1e-300); this class then holds a copy
// multiplied by the power of two that brings the largest weight into [1, 2).
// A power of two changes no weight's digits, so results do not move.
// If any weight is invalid (NaN, negative, infinite) nothing is scaled, so
// that validation reports the caller's value. `weights` may be null.
class ScaledWeights {
 public:
  ScaledWeights(const double* weights, size_t n);
  ScaledWeights(const ScaledWeights&) = delete;
  ScaledWeights& operator=(const ScaledWeights&) = delete;

  // The caller's weights or the scaled copy; null if the caller's were.
  const double* data() const { return data_; }

 private:
  std::vector<double> copy_;
  const double* data_;
};

// A survey design whose weights are ScaledWeights' (design variances, like
// the estimates, do not depend on the weights' scale). A calibrated design
// is left as given: its steps' weights_before would have to move by the same
// power of two.
class ScaledDesign {
 public:
  ScaledDesign(const SurveyDesign& design, size_t n);
  ScaledDesign(const ScaledDesign&) = delete;
  ScaledDesign& operator=(const ScaledDesign&) = delete;

  const SurveyDesign& get() const { return design_; }

 private:
  ScaledWeights weights_;
  SurveyDesign design_;
};

}  // namespace candor::internal

#endif  // CANDOR_SCORE_WEIGHT_SCALE_HPP_
