// The Taylor-linearization variance of a SurveyDesign (include/candor/design.hpp):
// calibration residuals, then cluster sums, as survey::svyrecvar computes them.
#ifndef CANDOR_SCORE_DESIGN_VARIANCE_HPP_
#define CANDOR_SCORE_DESIGN_VARIANCE_HPP_

#include <Eigen/Dense>
#include <candor/design.hpp>
#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace candor::internal {

// Validated once, reused for many influence vectors (breakdown rows share it).
// Thread-safe for concurrent Variance calls.
class DesignVariance {
 public:
  // Validates the design for n responses: cluster codes >= 0 and at least two
  // clusters (INVALID_ARGUMENT otherwise), n >= 2 without clusters (EMPTY),
  // calibration steps whose sizes match n, finite weights >= 0, codes >= 0.
  // The design's own weights must already be validated by the caller.
  static Result<DesignVariance> Create(const SurveyDesign& design, size_t n);

  // The variance of a statistic with influence values `influence` (one per
  // response, zero outside its domain): each calibration step's residual in
  // order, then C / (C - 1) * sum_c (z_c - mean z)^2 over cluster sums z_c
  // (each response its own cluster without clusters), as svyrecvar/onestrat.
  double Variance(std::vector<double> influence) const;

  size_t size() const { return n_; }

 private:
  struct Step;
  DesignVariance() = default;
  void Residualize(const Step& step, std::vector<double>* e) const;

  size_t n_ = 0;
  std::vector<uint32_t> cluster_of_;  // dense cluster index per response
  size_t clusters_ = 0;               // C, or n without clusters
  std::vector<std::shared_ptr<const Step>> steps_;
};

}  // namespace candor::internal

#endif  // CANDOR_SCORE_DESIGN_VARIANCE_HPP_
