// Robust WLS slope and its t test; formulas in include/candor/trend_accounts.hpp.
#include "account_trends_slope.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/beta.hpp"

namespace candor::internal {
namespace {

// Leverages this close to 1 make the HC3 term 0/0.
constexpr double kLeverageOne = 1e-10;
constexpr double kPi = 3.14159265358979323846;

}  // namespace

double StudentTwoSidedP(double t, double df) {
  if (std::isnan(t)) return std::numeric_limits<double>::quiet_NaN();
  if (std::isinf(t)) return 0;
  // P(|T| > |t|) = I_{df / (df + t^2)}(df / 2, 1 / 2).
  return RegularizedIncompleteBeta(df / 2, 0.5, df / (df + t * t));
}

double StudentCriticalValue(double level, double df) {
  // x = df / (df + q^2) with I_x(df/2, 1/2) = 1 - level, so q^2 = df (1 - x) / x.
  const double x = BetaQuantile(df / 2, 0.5, 1 - level);
  double q = std::sqrt(df * (1 - x) / x);
  // Newton steps on P(|T| > q) = 1 - level polish the quantile (the beta
  // quantile of a skewed Beta(df / 2, 1 / 2) loses digits near x = 1).
  const double log_norm = LogGamma((df + 1) / 2) - LogGamma(df / 2) - 0.5 * std::log(df * kPi);
  for (int step = 0; step < 3; ++step) {
    const double density = std::exp(log_norm - (df + 1) / 2 * std::log1p(q * q / df));
    if (!(density > 0)) break;
    q += (StudentTwoSidedP(q, df) - (1 - level)) / (2 * density);
  }
  // A quantile of |T| is >= 0; near level 0 the steps overshoot below it.
  return std::max(0.0, q);
}

double StudentCriticalValues::Get(double df) {
  // df is a count minus 2; remember the usual ones, compute the rest.
  constexpr double kLargestRemembered = 100000;
  if (!(df >= 1 && df <= kLargestRemembered) || df != std::floor(df)) {
    return StudentCriticalValue(level_, df);
  }
  const size_t index = static_cast<size_t>(df);
  if (index >= by_df_.size()) {
    by_df_.resize(index + 1, std::numeric_limits<double>::quiet_NaN());
  }
  if (std::isnan(by_df_[index])) by_df_[index] = StudentCriticalValue(level_, df);
  return by_df_[index];
}

SlopeFit FitRobustSlope(const double* values, const double* times, const double* weights,
                        size_t n, RobustCovariance covariance, StudentCriticalValues* critical) {
  SlopeFit fit;
  double sum_w = 0, sum_wu = 0, sum_ws = 0;
  size_t positive = 0;
  for (size_t i = 0; i < n; ++i) {
    const double w = weights == nullptr ? 1.0 : weights[i];
    if (w <= 0) continue;
    ++positive;
    sum_w += w;
    sum_wu += w * times[i];
    sum_ws += w * values[i];
  }
  if (positive < 3) return fit;
  const double ubar = sum_wu / sum_w;
  const double sbar = sum_ws / sum_w;
  double suu = 0, sus = 0;
  bool constant = true;
  double first = 0;
  bool seen = false;
  for (size_t i = 0; i < n; ++i) {
    const double w = weights == nullptr ? 1.0 : weights[i];
    if (w <= 0) continue;
    const double du = times[i] - ubar;
    suu += w * du * du;
    sus += w * du * (values[i] - sbar);
    if (!seen) first = values[i], seen = true;
    constant = constant && values[i] == first;
  }
  if (!(suu > 0)) return fit;
  fit.df = static_cast<double>(positive) - 2;
  if (constant) {  // every value equal: the line is flat and exact
    fit.defined = true;
    fit.p_value = 1;
    return fit;
  }
  const double beta = sus / suu;
  double meat = 0;
  for (size_t i = 0; i < n; ++i) {
    const double w = weights == nullptr ? 1.0 : weights[i];
    if (w <= 0) continue;
    const double du = times[i] - ubar;
    const double e = values[i] - sbar - beta * du;
    double term = w * w * du * du * e * e;
    if (covariance == RobustCovariance::kHc3) {
      const double h = w * (1 / sum_w + du * du / suu);
      if (h > 1 - kLeverageOne) return SlopeFit{};
      term /= (1 - h) * (1 - h);
    }
    meat += term;
  }
  double variance = meat / (suu * suu);
  if (covariance == RobustCovariance::kHc1) {
    variance *= static_cast<double>(positive) / fit.df;
  }
  fit.defined = true;
  fit.slope = beta;
  fit.std_error = std::sqrt(variance);
  if (fit.std_error > 0) {
    fit.t = beta / fit.std_error;
    fit.p_value = StudentTwoSidedP(fit.t, fit.df);
    const double q = critical->Get(fit.df);
    fit.ci_low = beta - q * fit.std_error;
    fit.ci_high = beta + q * fit.std_error;
  } else {
    fit.t = beta == 0 ? 0 : std::copysign(std::numeric_limits<double>::infinity(), beta);
    fit.p_value = beta == 0 ? 1 : 0;
    fit.ci_low = fit.ci_high = beta;
  }
  return fit;
}

}  // namespace candor::internal
