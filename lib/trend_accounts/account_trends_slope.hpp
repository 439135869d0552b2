// The per-account slope of EstimateAccountTrends: weighted least squares of
// metric values on time with a heteroskedasticity-robust (HC1 / HC3)
// standard error and a Student t test. Formulas in
// include/candor/trend_accounts.hpp.
#ifndef CANDOR_TREND_ACCOUNTS_ACCOUNT_TRENDS_SLOPE_HPP_
#define CANDOR_TREND_ACCOUNTS_ACCOUNT_TRENDS_SLOPE_HPP_

#include <candor/trend_accounts.hpp>

#include <cstddef>
#include <vector>

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

// The (1 + level) / 2 quantiles of Student's t, each computed once per
// integer number of degrees of freedom: the quantile is a root search on the
// incomplete beta function, which dominated the cost of a slope fit before
// it was remembered. One per thread (not thread-safe).
class StudentCriticalValues {
 public:
  explicit StudentCriticalValues(double level) : level_(level) {}
  double level() const { return level_; }
  double Get(double df);

 private:
  double level_;
  std::vector<double> by_df_;  // by_df_[df]; NaN: not computed yet
};

// values[i] on times[i] (any unit) with weights[i] (null: all 1), interval at
// critical->level() in (0, 1).
SlopeFit FitRobustSlope(const double* values, const double* times, const double* weights,
                        size_t n, RobustCovariance covariance, StudentCriticalValues* critical);

// Two-sided p-value of t under Student's t with df > 0 degrees of freedom.
double StudentTwoSidedP(double t, double df);
// The (1 + level) / 2 quantile of Student's t with df > 0 degrees of freedom.
double StudentCriticalValue(double level, double df);

}  // namespace candor::internal

#endif  // CANDOR_TREND_ACCOUNTS_ACCOUNT_TRENDS_SLOPE_HPP_
