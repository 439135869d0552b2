// candor/drivers.hpp — which themes drive detractors: themes joined with
// scores ("what do the unhappy customers talk about, and does it matter?").
//
// Input: n comments with a score x_i, an optional weight w_i (1 when absent),
// optional account (cluster) codes, optional period codes, and which of T
// themes each comment mentions (ThemeMentions: the text module's output or
// any other tagging). M_ij = 1 when comment i mentions theme j (a comment
// that lists a theme twice mentions it once).
//
// Categories. "Detractor" is the metric's bottom category:
//   NPS         detractor x <= detractor_max, passive, promoter x >= promoter_min
//   top box     promoter = in the top box, detractor = every other score
//               (no passives; the bottom category is "not in the box")
//   bottom box  detractor = in the bottom box, promoter = every other score
//   mean        CANDOR_UNSUPPORTED (no bottom category; use a box metric)
// v_i = metric.ValueOf(x_i) (NPS: +1 / 0 / -1), y_i = 1 for a detractor.
//
// Per theme j (all shares are percentages, 0..100, as the box metrics of
// score.hpp; every estimate has an SE and an interval at the options' level):
//  - volume: mentions n_j, weighted mentions W_j = sum_i w_i M_ij, and share
//    = 100 W_j / W of all comments (the top-box estimate of M_ij).
//  - share_of_promoters / _passives / _detractors: the share of each category's
//    comments that mention the theme (top-box estimate of M_ij within the
//    category; e.g. "31% of detractors mention Support").
//  - score: the metric over the comments that mention j; score_without: over
//    the others. Both with the caller's interval method (score.hpp).
//  - impact = overall - score_without, as a Comparison (a = overall, b =
//    without j, difference = impact): how many points the metric would move
//    if the comments about j were not there. Both terms come from one sample,
//    so the SE is that of the single linearized statistic (Woodruff 1971,
//    JASA 66:411-414; Binder 1983, Int. Stat. Rev. 51:279-292): the
//    influence of comment i is
//      d_i = w_i (v_i - m) / W - (1 - M_ij) w_i (v_i - m_not) / W_not,
//    var = f * sum_i d_i^2 (sum d_i = 0), f = 1 unweighted (the plug-in
//    variance of score.hpp's Wald) and n / (n - 1) weighted (svymean); with
//    accounts, cluster sums as EstimateDesign. This equals R's
//    svycontrast(svytotal(~v + one + v_not + not), quote(v/one - v_not/not))
//    (checked in tests/python/test_drivers.py). Identity: impact = share_j *
//    (score_j - score_without_j) / 100. Interval and p-value: normal (Wald),
//    whatever the interval method of the estimates.
//  - detractor relative risk RR = P(detractor | mentions) / P(detractor | not)
//    = (a / n1) / (c / n0) with a, c the detractors among the n1 mentioning
//    and n0 other comments; Katz log interval (Katz, Baptista, Azen and Pike
//    1978, Biometrics 34:469-474): log RR +/- z SE, SE^2 = 1/a - 1/n1 + 1/c -
//    1/n0. Zero cells: if any of a, n1 - a, c, n0 - c is 0, 0.5 is added to
//    each of the four cells (Haldane 1956; Anscombe 1956; statsmodels'
//    Table2x2(shift_zeros=True) instead replaces only the zero cells by 0.5)
//    and relative_risk_corrected is set. Weighted: shares
//    are weighted and SE^2 is the linearization f * sum u_i^2 of log RR with
//    u_i = M_ij w_i (y_i - p1) / (W_j p1) - (1 - M_ij) w_i (y_i - p0) / (W_not p0),
//    which reduces to Katz's SE unweighted; a weighted zero cell uses Katz on
//    Kish effective counts (n_eff p) plus 0.5. p-value: z = log RR / SE.
//  - key drivers: a logistic model of detractor ~ theme indicators, one
//    model for all themes (it separates themes that co-occur), maximizing
//      l(b) = sum_i w_i [y_i eta_i - log(1 + exp(eta_i))] - lambda / 2 sum_{j>=1} b_j^2,
//    eta_i = b_0 + sum_j b_j M_ij, the intercept b_0 not penalized: exactly
//    scikit-learn's LogisticRegression(penalty="l2", C=1/lambda,
//    fit_intercept=True) with sample_weight=w. Default lambda = 1 (sklearn's
//    default C = 1): a mild ridge that keeps a theme with no detractor (or no
//    other comment) finite; negligible for large n. Newton's method (IRLS)
//    with step-halving on the sparse 0/1 design: each iteration costs
//    O(sum_i |themes of i|^2), not O(n T^2). Reported per theme: coefficient
//    b_j, odds ratio exp(b_j), a model-based SE sqrt of the diagonal of the
//    inverse penalized information (X'WX + lambda I_slopes)^-1 with Wald
//    interval (approximate: ridge shrinks b toward 0; not design-based, so
//    accounts do not widen it), and importance = |b_j| sd_j / sum_k |b_k| sd_k,
//    sd_j = the weighted SD of M_ij (the share of the standardized effects).
//    Themes mentioned by all or by none are left out of the model (NaN).
//  - trending (with periods): the later period B against the earlier A
//    (default: the two largest period codes). Share of comments mentioning j
//    in B minus in A: difference with an unpooled SE and interval; the test
//    is the two-proportion z-test with the pooled proportion, as
//    statsmodels' proportions_ztest (unweighted); weighted or with accounts,
//    the linearization SE of the difference (Wald) is used for the test as
//    well. p-values adjusted across themes (Benjamini and Hochberg 1995 by
//    default) with AdjustPValues; trending = adjusted p <= alpha. Also the
//    metric among mentioning comments, B vs A (Compare), adjusted likewise.
//
// Edge cases: a theme mentioned by no comment has share 0, NaN score, impact
// 0 with SE 0 (p = 1), NaN RR; a theme mentioned by all has NaN
// score_without, impact and RR. Both are reported (status), never dropped.
// An estimate a method cannot give (e.g. a weighted Wald group of one) is NaN.
//
// Design: accounts (cluster codes >= 0) make every variance above (except
// the key-driver model's) cluster-robust, C / (C - 1) sum_c z_c^2 over the
// accounts' influence sums, as EstimateDesign; intervals are then Wald only.
// Calibration steps are not supported here (CANDOR_UNSUPPORTED).
//
// Errors: n = 0 is CANDOR_EMPTY; null pointers, T = 0, bad options, a single
// period are CANDOR_INVALID_ARGUMENT; offsets/pairs whose lengths disagree
// are CANDOR_LENGTH_MISMATCH; a theme id outside [0, T), a comment index
// outside [0, n), a score off the scale, a NaN or negative weight, a negative
// account or period code are CANDOR_OUT_OF_RANGE naming the index; a mean
// metric or a weighted bootstrap is CANDOR_UNSUPPORTED. A key-driver model
// that does not converge is reported in KeyDriverModel (converged = false,
// NaN coefficients), not as an error.
//
// Cost: O(n + mentions) for the per-theme table (sufficient statistics per
// theme, score point and period; with accounts O(n) per theme); the model
// O(iterations * sum_i |themes of i|^2 + iterations * T^3).
#ifndef CANDOR_DRIVERS_HPP_
#define CANDOR_DRIVERS_HPP_

#include <candor.h>
#include <candor/score.hpp>
#include <candor/status.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace candor {

// Which comments mention which themes, as compressed rows: the themes of
// comment i are themes[offsets[i] .. offsets[i + 1]), sorted and distinct.
class ThemeMentions {
 public:
  // offsets has n + 1 entries (offsets[0] = 0, non-decreasing); theme_ids has
  // offsets[n] ids in [0, themes). Ids may repeat within a comment and come
  // in any order (kept once, sorted).
  static Result<ThemeMentions> FromCsr(const int64_t* offsets, const int32_t* theme_ids,
                                       size_t n, size_t themes);
  // `pairs` (comment, theme) pairs in any order, comment in [0, n).
  static Result<ThemeMentions> FromPairs(const int64_t* comments, const int32_t* theme_ids,
                                         size_t pairs, size_t n, size_t themes);

  size_t comments() const { return offsets_.size() - 1; }
  size_t themes() const { return themes_; }
  const std::vector<int64_t>& offsets() const { return offsets_; }
  const std::vector<int32_t>& ids() const { return ids_; }

 private:
  ThemeMentions() = default;
  size_t themes_ = 0;
  std::vector<int64_t> offsets_{0};
  std::vector<int32_t> ids_;
};

struct DriverOptions {
  double l2_penalty = 1.0;       // lambda of the key-driver model, >= 0 (sklearn C = 1/lambda)
  bool fit_key_drivers = true;
  int max_iterations = 100;      // Newton iterations of the model
  double tolerance = 1e-10;      // on max_j |change of b_j|
  int32_t earlier_period = -1;   // trending: period A; -1: second-largest code present
  int32_t later_period = -1;     // trending: period B; -1: largest code present
  PAdjust adjust = PAdjust::kBenjaminiHochberg;  // across themes (trending)
  double alpha = 0.05;           // trending: adjusted p <= alpha; in (0, 1)

  Status Validate() const;
};

enum class ThemeStatus {
  kOk = 0,
  kNoMentions = 1,   // no comment mentions it
  kAllMention = 2,   // every comment mentions it
};

struct ThemeDriver {
  int32_t theme = 0;
  std::string name;
  ThemeStatus status = ThemeStatus::kOk;
  int64_t mentions = 0;            // n_j
  double weighted_mentions = 0;    // W_j
  Estimate share;                  // percent of all comments mentioning j
  Estimate share_of_promoters;     // percent of each category mentioning j
  Estimate share_of_passives;
  Estimate share_of_detractors;
  Estimate score;                  // metric among comments mentioning j
  Estimate score_without;          // metric among the others
  Comparison impact;               // a = overall, b = without j; difference = impact
  // Detractor relative risk (the 2x2 table: a, n1 - a | c, n0 - c).
  int64_t detractors_mentioning = 0;  // a
  int64_t detractors_not = 0;         // c
  double relative_risk = 0;
  double relative_risk_ci_low = 0;
  double relative_risk_ci_high = 0;
  double log_relative_risk_std_error = 0;
  double relative_risk_p_value = 1;
  bool relative_risk_corrected = false;  // 0.5 added to every cell (a zero cell)
  // Key-driver model (NaN when the theme is not in the model).
  bool in_model = false;
  double coefficient = 0;
  double coefficient_std_error = 0;
  double odds_ratio = 0;
  double odds_ratio_ci_low = 0;
  double odds_ratio_ci_high = 0;
  double importance = 0;           // in [0, 1]; sums to 1 over the model's themes
};

struct KeyDriverModel {
  bool fitted = false;      // asked for and at least one theme in the model
  bool converged = false;
  std::string message;      // why not converged, else ""
  double l2_penalty = 0;
  double intercept = 0;
  double intercept_std_error = 0;
  int iterations = 0;
  double penalized_log_likelihood = 0;
  int32_t themes_in_model = 0;
};

struct TrendingTheme {
  int32_t theme = 0;
  Estimate share_earlier;    // percent of period A's comments mentioning j
  Estimate share_later;      // ... of period B's
  double difference = 0;     // later - earlier, percentage points
  double std_error = 0;      // unpooled
  double ci_low = 0;
  double ci_high = 0;
  double z = 0;              // pooled two-proportion z (unweighted)
  double p_value = 1;
  double p_adjusted = 1;
  bool trending = false;     // p_adjusted <= alpha
  Comparison score_change;   // metric among mentioning comments, a = later, b = earlier
  double score_change_p_adjusted = 1;
};

struct ThemeDrivers {
  Estimate overall;                  // the metric over every comment
  int64_t detractors = 0;            // comments in the bottom category
  std::vector<ThemeDriver> themes;   // one per theme, in theme order
  KeyDriverModel model;
  bool has_periods = false;
  int32_t earlier_period = -1;
  int32_t later_period = -1;
  std::vector<TrendingTheme> trending;  // one per theme when periods given
};

// Optional per-comment inputs; each may be null. Pointers are borrowed.
struct DriverInputs {
  const double* weights = nullptr;    // finite, >= 0, positive sum
  const int32_t* accounts = nullptr;  // cluster codes >= 0 (at least two accounts)
  const int32_t* periods = nullptr;   // period codes >= 0 (at least two periods)
};

// Names may be empty (then "theme <j>") or hold one name per theme.
Result<ThemeDrivers> EstimateThemeDrivers(const Metric& metric, const double* scores, size_t n,
                                          const ThemeMentions& mentions,
                                          const std::vector<std::string>& names,
                                          const DriverInputs& inputs,
                                          const IntervalOptions& interval,
                                          const DriverOptions& options);

// The state of theme drivers built apart and merged (partitions of a Dask
// DataFrame, machines). Per period (keyed by its label's bytes, so that a
// period may span states) it keeps the per-point tallies (count, sum w, sum
// w^2) of all comments and of each theme's mentioners, and per (pattern of
// themes a comment mentions, score point) the comments' count and weight
// sum. Every per-theme statistic without accounts is a function of the
// tallies, and the key-driver model's penalized likelihood and information
// are sums over comments of a weight times a term fixed by the comment's
// pattern and detractor status, so EstimateThemeDriversAccumulated gives
// EstimateThemeDrivers' result for the comments held (up to the rounding of
// sums added in another order). Not from a state: accounts and the weighted
// bootstrap (CANDOR_UNSUPPORTED). Memory: periods x (themes + 1) x points x
// 3 numbers, and one entry per distinct pattern.
class DriverAccumulator {
 public:
  static Result<DriverAccumulator> Create(int scale_min, int scale_max, size_t themes);
  DriverAccumulator(DriverAccumulator&&) noexcept;
  DriverAccumulator& operator=(DriverAccumulator&&) noexcept;
  ~DriverAccumulator();

  // Comment i (i < mentions.comments()) scores scores[i] with weight
  // weights[i] (null: 1) and mentions mentions' row i (its themes() must be
  // the accumulator's); its period is labels[period_codes[i]] (0 <= code <
  // n_labels). period_codes null: no periods. An accumulator's batches all
  // have periods or none. Validates the whole batch before adding any of it.
  Status Add(const double* scores, const double* weights, const ThemeMentions& mentions,
             const int32_t* period_codes, const std::string_view* labels, size_t n_labels);
  // `other` must have the same scale and themes, and periods or not alike.
  Status Merge(const DriverAccumulator& other);

  // Versioned, little-endian, checksummed.
  std::string Serialize() const;
  static Result<DriverAccumulator> Deserialize(std::string_view bytes);

  int scale_min() const;
  int scale_max() const;
  size_t themes() const;
  int64_t count() const;     // comments held
  size_t patterns() const;   // distinct (pattern, score point) pairs
  bool has_periods() const;  // batches were added with periods
  size_t periods() const;
  // Period j in the labels' byte order: DriverOptions' earlier_period and
  // later_period index this order for EstimateThemeDriversAccumulated.
  std::string_view period(size_t j) const;

  struct State;  // lib/drivers/driver_state.hpp

 private:
  friend Result<ThemeDrivers> EstimateThemeDriversAccumulated(
      const Metric& metric, const DriverAccumulator& accumulator,
      const std::vector<std::string>& names, const IntervalOptions& interval,
      const DriverOptions& options);
  explicit DriverAccumulator(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// EstimateThemeDrivers of the comments the accumulator holds (no accounts).
// Periods are indexed in the accumulator's byte order of their labels
// (options.earlier_period / later_period; -1: the last two). No comments:
// CANDOR_EMPTY.
Result<ThemeDrivers> EstimateThemeDriversAccumulated(const Metric& metric,
                                                     const DriverAccumulator& accumulator,
                                                     const std::vector<std::string>& names,
                                                     const IntervalOptions& interval,
                                                     const DriverOptions& options);

}  // namespace candor

#endif  // CANDOR_DRIVERS_HPP_
