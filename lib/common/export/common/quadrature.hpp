// Adaptive Gauss-Kronrod quadrature on a finite interval.
#ifndef CANDOR_COMMON_QUADRATURE_HPP_
#define CANDOR_COMMON_QUADRATURE_HPP_

#include <functional>

namespace candor::internal {

struct QuadratureResult {
  double value = 0;
  double error_estimate = 0;
  bool converged = false;
};

// Integrates f over [a, b] by the 7-point Gauss / 15-point Kronrod pair,
// bisecting the subinterval with the largest error estimate until the total
// estimate is below max(absolute_tolerance, relative_tolerance * |value|) or
// max_intervals is reached. The nodes never touch the ends, so integrable
// end-point singularities are fine.
QuadratureResult IntegrateAdaptive(const std::function<double(double)>& f, double a, double b,
                                   double absolute_tolerance, double relative_tolerance,
                                   int max_intervals = 2000);

}  // namespace candor::internal

#endif  // CANDOR_COMMON_QUADRATURE_HPP_
