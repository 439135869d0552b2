// candor/weight.hpp — weights that correct survey scores for recency,
// nonresponse and unequal accounts. This module produces weights and says
// what they did (diagnostics); it knows nothing of NPS (scores enter only
// through AdjustRecency's overload on raw scores, as score's Metric values).
// Weighted estimation lives in score (see design.hpp for the variance).
//
// Conventions: n responses (or n invited customers for nonresponse fits);
// categorical variables are int32 codes 0..levels-1; returned weights are
// one per response. Every function validates its input and returns a clear
// Status: negative or non-finite weights, mismatched lengths, an empty cell
// or margin level with population but no respondents, no convergence, a
// covariate with no variance, separation in a logistic fit.
#ifndef CANDOR_WEIGHT_HPP_
#define CANDOR_WEIGHT_HPP_

#include <candor.h>
#include <candor/design.hpp>
#include <candor/progress.hpp>
#include <candor/score.hpp>
#include <candor/status.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace candor {

// ------------------------------------------------------------ diagnostics

struct WeightSummary {
  double sum = 0;
  double min = 0;
  double max = 0;
  double max_to_min = 0;       // max / min over positive weights
  double effective_n = 0;      // Kish: (sum w)^2 / sum w^2
  double design_effect = 0;    // n sum w^2 / (sum w)^2 (Kish 1965)
};
Result<WeightSummary> SummarizeWeights(const double* weights, size_t n);

// A covariate column for balance diagnostics and fits.
struct Covariate {
  std::string name;
  const double* numeric = nullptr;   // one of numeric / codes
  const int32_t* codes = nullptr;
  int32_t levels = 0;                // for codes
};

// Absolute standardized mean difference of one covariate (or one level of a
// categorical covariate, as its indicator) between respondents and the
// target population: |mean_resp - mean_target| / sd_target (balance's asmd,
// std_type = "target"), before and after weighting.
struct Balance {
  std::string variable;  // "name" or "name=level"
  double asmd_before = 0;
  double asmd_after = 0;
};

// Balance rows for `covariates`, which cover the whole invited population
// (n rows; `responded` marks the respondents): one row per numeric covariate
// and one per level of a categorical one, in covariate order. The target is
// the population: mean and sample sd (n - 1 denominator) over all n rows. "Before" compares the unweighted
// respondent mean, "after" the mean under `respondent_weights` (one per
// respondent in population order; nullptr: all 1, so after = before). A row
// whose population sd is 0 has asmd 0 (respondents cannot differ from a
// constant population).
Result<std::vector<Balance>> CovariateBalance(const uint8_t* responded, size_t n,
                                              const std::vector<Covariate>& covariates,
                                              const double* respondent_weights);

// ----------------------------------------------------------------- recency

// w_i = 0.5 ^ ((reference - t_i) / half_life), times in Unix seconds: an
// estimate of the current state that still uses older responses. A response
// after the reference time is an error (CANDOR_OUT_OF_RANGE).
Result<std::vector<double>> RecencyWeights(const int64_t* times, size_t n, double half_life_days,
                                           int64_t reference_time);

// Recency-bias adjustment by regression standardization. Each response may
// follow a recent significant event of some kind (event_kind code >= 0, or -1
// for none) days_since_event days before it. Model (weighted least squares on
// the metric value s, a linear probability model for NPS):
//   s_i = b0 + sum_k b_k * [kind_i = k] * exp(-days_i / decay_days) + e_i,
// so the effect of an event fades with time. The standardized value is the
// model's mean under a reference mix: b0 + sum_k b_k * reference_share_k
// (share 0 for every kind = "as if no recent event"; or the long-run share
// of recently affected customers). Its standard error is the delta method
// with the cluster-robust (by account, if given) sandwich covariance (HC1
// scaling, as statsmodels' cov_type="cluster" / "HC1": G/(G-1) (N-1)/(N-K)
// with G >= 2 clusters, N/(N-K) without; N = n, K = kinds + 1), and a normal
// interval. Every kind needs an event with positive weight (else its effect
// is not identifiable: CANDOR_INVALID_ARGUMENT); days_since_event is ignored
// where event_kind is -1.
struct RecencyEffect {
  std::vector<double> coefficients;   // b0, b_1..b_K (metric units x 100 for NPS)
  std::vector<double> std_errors;
  double raw_value = 0;               // the unadjusted weighted mean
  double standardized_value = 0;
  double standardized_std_error = 0;
  double ci_low = 0;
  double ci_high = 0;
};

// values: the metric value of each response (e.g. +100 / 0 / -100 for NPS,
// see Metric::ValueOf and Multiplier); weights and clusters may be null;
// reference_share has one entry per event kind.
Result<RecencyEffect> AdjustRecency(const double* values, const double* weights,
                                    const int32_t* event_kind, const double* days_since_event,
                                    size_t n, int kinds, double decay_days,
                                    const std::vector<double>& reference_share,
                                    const int32_t* clusters, double level);

// The same from raw scores on `metric`'s scale (as the C ABI's
// candor_adjust_recency takes them): each score is checked as every estimate
// checks it (a finite integer on the scale; the message names the first bad
// index), then becomes its metric value, ValueOf(score) * Multiplier().
Result<RecencyEffect> AdjustRecency(const Metric& metric, const double* scores,
                                    const double* weights, const int32_t* event_kind,
                                    const double* days_since_event, size_t n, int kinds,
                                    double decay_days, const std::vector<double>& reference_share,
                                    const int32_t* clusters, double level);

// ------------------------------------------------------------ nonresponse

struct Margin {
  const int32_t* codes = nullptr;       // one per respondent
  std::vector<double> population;       // total per level (levels = size)
  std::string name;
};

struct CalibrationResult {
  std::vector<double> weights;
  CalibrationStep step;        // for variance estimation (design.hpp)
  int iterations = 0;
  bool converged = true;
  double max_margin_error = 0;  // largest |weighted total - target| / target
  WeightSummary summary;
};

struct RakeOptions {
  int max_iterations = 100;
  double tolerance = 1e-10;  // on the relative change of margins
  // Told iterations done of max_iterations (done = total when it converges
  // earlier), and checked every 65,536 respondents of each pass over them;
  // false stops with CANDOR_CANCELLED (candor/progress.hpp).
  Progress progress;
};

// Iterative proportional fitting of base weights (nullptr: 1) to the
// population totals of each margin (Deming and Stephan 1940), as
// survey::rake. A level with population but no respondents is an error.
Result<CalibrationResult> Rake(const double* base_weights, size_t n,
                               const std::vector<Margin>& margins, const RakeOptions& options);

// Post-stratification: w_i = w0_i * N_c / sum_{j in c} w0_j over the joint
// cells c (survey::postStratify). Cells are one code column.
Result<CalibrationResult> PostStratify(const double* base_weights, size_t n, const Margin& cells);
struct PostStratifyOptions {
  // Told respondents done of n (checked every 65,536 of each pass over
  // them); false stops with CANDOR_CANCELLED.
  Progress progress;
};
Result<CalibrationResult> PostStratify(const double* base_weights, size_t n, const Margin& cells,
                                       const PostStratifyOptions& options);

// Linear calibration (GREG; Deville and Sarndal 1992): w_i = w0_i (1 +
// x_i' lambda), lambda solving sum w_i x_i = totals (survey::calibrate,
// calfun = "linear"). x is row-major n x p; include an intercept column
// with total N to calibrate the population size. As in survey, weights may
// come out negative when the totals are far from the sample's (summary.min
// shows it; rake or trim if that matters). A column that is a linear
// combination of the ones before it is an error naming the column.
Result<CalibrationResult> CalibrateLinear(const double* base_weights, size_t n, const double* x,
                                          int p, const std::vector<double>& totals);
struct LinearCalibrationOptions {
  // Told steps done of 10: the check of the data, the QR of the n x p matrix
  // and each of at most 8 refinements (done = 10 at the end); checked between
  // them and every 65,536 rows of the check, not inside a QR or refinement
  // (one pass of Eigen over the data each). False stops with CANDOR_CANCELLED.
  Progress progress;
};
Result<CalibrationResult> CalibrateLinear(const double* base_weights, size_t n, const double* x,
                                          int p, const std::vector<double>& totals,
                                          const LinearCalibrationOptions& options);

// Inverse-propensity weights from an L2-regularized logistic regression of
// `responded` (0/1) on covariates over the whole invited population, fit by
// Newton's method (IRLS) with step-halving. Respondents get 1 / p_hat; a tiny
// p_hat gives a huge weight (see summary.max_to_min; TrimWeights caps it).
// Design: intercept; each numeric covariate standardized over the population,
// (x - mean) / sd with divisor n (as sklearn's StandardScaler), so its
// coefficient is on that standardized scale (log-odds per sd); each
// categorical covariate one-hot over the levels present, the first present
// level being the reference (absent levels get no column).
// Errors: a numeric covariate with no variance or a categorical with one
// level present (CANDOR_INVALID_ARGUMENT), a non-finite value or bad code
// (CANDOR_OUT_OF_RANGE, naming covariate and row), no respondents or no
// nonrespondents, and CANDOR_NOT_CONVERGED for separation, collinearity or
// running out of iterations (no weights from an unconverged fit).
struct IpwOptions {
  // lambda in log L(b) - lambda / 2 * sum_{j >= 1} b_j^2 (the intercept is not
  // penalized): sklearn's LogisticRegression(penalty="l2", C = 1 / lambda)
  // on the same standardized design.
  double l2_penalty = 0;
  int max_iterations = 100;
  double tolerance = 1e-10;  // on the largest absolute change of a coefficient
  // Told Newton iterations done of max_iterations (done = total when it
  // converges earlier), and checked every 2,048 invited customers of each
  // pass over them (on every thread); false stops with CANDOR_CANCELLED.
  Progress progress;
};
struct IpwResult {
  std::vector<double> weights;        // one per respondent, in population order
  std::vector<double> coefficients;   // intercept first, in design order
  std::vector<std::string> terms;     // "(Intercept)", "tenure", "contract=2" (codes)
  std::vector<double> propensity;     // one per invited customer
  int iterations = 0;
  bool converged = false;
  std::vector<Balance> balance;
  WeightSummary summary;
};
Result<IpwResult> InversePropensityWeights(const uint8_t* responded, size_t n,
                                           const std::vector<Covariate>& covariates,
                                           const IpwOptions& options);

// Response rates by a segment, with Wilson intervals (Wilson 1927).
struct ResponseRate {
  int32_t code = 0;
  int64_t invited = 0;
  int64_t responded = 0;
  double rate = 0;
  double ci_low = 0;
  double ci_high = 0;
};
Result<std::vector<ResponseRate>> ResponseRates(const uint8_t* responded, const int32_t* segment,
                                                size_t n, double level);

// Trimming: cap at ratio * mean(w) (kRatio), or winsorize below and above
// quantiles (kQuantile); then rescale so the sum of weights is unchanged.
struct TrimOptions {
  enum class Kind { kRatio, kQuantile } kind = Kind::kRatio;
  double ratio = 20;       // balance's weight_trimming_mean_ratio default
  double lower_quantile = 0;
  double upper_quantile = 0.99;
};
Result<std::vector<double>> TrimWeights(const double* weights, size_t n,
                                        const TrimOptions& options);

// ---------------------------------------------------------------- accounts

// Account weighting: how much each account counts, spread over its
// responses in proportion to role weights (1 for every role if none given).
//  kPerResponse: w_i = role weight (every response counts, roles scaled)
//  kEqualPerAccount: every account's responses sum to 1
//  kByValue: every account's responses sum to its value (ARR, seats)
enum class AccountMode { kPerResponse, kEqualPerAccount, kByValue };
struct AccountOptions {
  AccountMode mode = AccountMode::kEqualPerAccount;
  const double* account_value = nullptr;  // per response (constant in an account)
  const int32_t* roles = nullptr;         // per response, or nullptr
  std::vector<double> role_weights;       // per role code
};
Result<std::vector<double>> AccountWeights(const int32_t* accounts, size_t n,
                                           const AccountOptions& options);

// Product of weight vectors (any may be empty: skipped), rescaled to mean 1.
Result<std::vector<double>> CombineWeights(const std::vector<const double*>& parts, size_t n);

}  // namespace candor

#endif  // CANDOR_WEIGHT_HPP_
