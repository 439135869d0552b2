// The per-account slope of EstimateAccountTrends: weighted least squares of
// metric values on time with a heteroskedasticity-robust (HC1 / HC3)
// standard error and a Student t test. Formulas in
// include/candor/trend_accounts.hpp.
#ifndef CANDOR_TREND_ACCOUNT_TRENDS_SLOPE_HPP_
#define CANDOR_TREND_ACCOUNT_TRENDS_SLOPE_HPP_

#include <candor/trend_accounts.hpp>

#include <cstddef>

namespace candor::internal {

struct SlopeFit {
  bool defined = false;  // false: < 3 positive weights, Suu = 0, or HC3 leverage 1
  double slope = 0;
  double std_error = 0;
  double df = 0;         // responses with positive weight - 2
  double ci_low = 0;
  double ci_high = 0;
  double p_value = 1;
  double t = 0;          // slope / std_error (0 when both are 0)
};

// values[i] on times[i] (any unit) with weights[i] (null: all 1), interval at
// `level` in (0, 1).
SlopeFit FitRobustSlope(const double* values, const double* times, const double* weights,
                        size_t n, RobustCovariance covariance, double level);

// Two-sided p-value of t under Student's t with df > 0 degrees of freedom.
double StudentTwoSidedP(double t, double df);
// The (1 + level) / 2 quantile of Student's t with df > 0 degrees of freedom.
double StudentCriticalValue(double level, double df);

}  // namespace candor::internal

#endif  // CANDOR_TREND_ACCOUNT_TRENDS_SLOPE_HPP_
