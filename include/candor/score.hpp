// candor/score.hpp — NPS, CSAT, CES and any bounded scale, every number with
// its uncertainty.
//
// Notation: a response i has an integer score x_i on [scale_min, scale_max]
// and a weight w_i (1 when unweighted). A metric maps a score to a value s_i:
//   NPS         s = +1 (x >= promoter_min), -1 (x <= detractor_max), else 0
//   top box     s = 1 if x is among the top box_size points, else 0
//   bottom box  s = 1 if x is among the bottom box_size points, else 0
//   mean        s = x
// The estimate is the (weighted) mean of s: m = sum w s / sum w, reported
// times 100 for NPS and the box metrics (NPS on -100..100 as users expect it).
//
// Intervals (z = the normal quantile at (1 + level) / 2):
//  - Jeffreys, the default: for NPS and box metrics the equal-tailed
//    posterior interval under the Jeffreys prior, Dirichlet(counts + 1/2)
//    over detractors, passives and promoters (box: Beta(in + 1/2,
//    out + 1/2), Brown, Cai and DasGupta 2001), widened to reach the
//    estimate when it sits at a bound (all promoters: the upper end is 100).
//    It covers 93-97% from n = 10 across true NPS from -80 to +80, where
//    Wald's 95% interval covers as little as 73% at n = 10 (exact coverage,
//    tests/cpp/score/score_jeffreys_coverage_test.cc), and is never of zero
//    width for n > 0. The value, std_error and comparisons are Wald's (so an
//    all-promoter group has std_error 0 but an interval of positive width);
//    only the interval differs. Weighted: Kish effective counts; under
//    clusters or calibration: the design's effective counts,
//    n_eff = sigma^2 / var (Korn and Graubard 1998). Means: Wald.
//  - Wald, unweighted: var = sigma^2 / n with the plug-in variance of one
//    response, sigma^2 = mean(s^2) - m^2; for NPS this is the trinomial
//    (p + d) - (p - d)^2 (Rocks, R package NPS, nps_var; divides by n).
//  - Wald, weighted: Taylor linearization of the ratio mean (Hajek), as R's
//    survey::svymean with ids = ~1: e_i = w_i (s_i - m) / sum w,
//    var = n / (n - 1) * sum e_i^2.
//  - Adjusted Wald: add pseudo-counts before the Wald step, interval centred
//    on the adjusted estimate (Rocks 2016, Am. Stat. 70(4):365-372; Lewis and
//    Sauro 2021): NPS adds 0.75 detractors, 1.5 passives, 0.75 promoters;
//    box metrics add 1 in and 1 out of the box (Agresti and Caffo 2000). Not
//    defined for means (CANDOR_UNSUPPORTED). Weighted: applied to the Kish
//    effective counts (shares times effective n).
//  - Bayes: posterior Dirichlet(prior + counts) over the metric's categories
//    (BayesNPS, eliardocosta). NPS: the equal-tailed interval of
//    theta_pro - theta_det, computed by numerical integration of the exact
//    posterior; box metrics: Beta quantiles; means: the posterior mean and
//    standard deviation in closed form with a normal interval. The reported
//    value stays the sample estimate; std_error is the posterior SD.
//    Weighted: counts are the Kish effective counts.
//  - Bootstrap: percentile interval of `replicates` Poisson-bootstrap
//    resamples (each response drawn Poisson(1) times: Hanley and MacGibbon
//    2006; Chamandy et al. 2012), which equals multinomial resampling as n
//    grows and lets counts be resampled per score point, in O(points) per
//    replicate. Replicate r uses its own random stream derived from (seed, r),
//    so results do not depend on the thread count. std_error is the SD of the
//    replicates.
// Intervals are clipped to the metric's range (e.g. -100..100 for NPS).
//
// Edge cases, decided here so callers can rely on them:
//  - Adjusted Wald reports the adjusted estimate as `value` (the centre of its
//    interval), so differences of adjusted values match Rocks' delta.
//  - A weighted Wald estimate needs n >= 2 (n / (n - 1)): CANDOR_EMPTY; in a
//    breakdown such a cell becomes a row of NaN with p = 1.
//  - A group with one value only (all promoters) has Wald SE 0 and a
//    zero-width Wald interval (the default Jeffreys interval has width); a
//    comparison with SE 0 has p = 1 if the difference is 0, else 0.
//  - Bayes comparisons report the sample difference; interval and p-value are
//    centred on the difference of posterior means.
//  - Bayes NPS with more than 1e5 pseudo-counts uses a Cornish-Fisher
//    expansion from the exact first three Dirichlet moments instead of the
//    numerical integral (error O(1 / counts) posterior SDs).
#ifndef CANDOR_SCORE_HPP_
#define CANDOR_SCORE_HPP_

#include <candor.h>
#include <candor/design.hpp>
#include <candor/progress.hpp>
#include <candor/status.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace candor {

enum class MetricKind { kNps, kTopBox, kBottomBox, kMean };
// kJeffreys is the default: for NPS and box metrics the Jeffreys interval
// (score/jeffreys.hpp in lib/score), for means the Wald interval. It covers
// close to its level from n = 10, where Wald under-covers (IntervalOptions).
enum class IntervalMethod { kWald, kAdjustedWald, kBayes, kBootstrap, kJeffreys };
enum class PAdjust { kNone, kHolm, kBenjaminiHochberg };

// What to compute from a score, and on which scale.
struct Metric {
  MetricKind kind = MetricKind::kNps;
  int scale_min = 0;
  int scale_max = 10;
  int promoter_min = 9;   // NPS
  int detractor_max = 6;  // NPS
  int box_size = 2;       // top/bottom box

  static Metric Nps();        // 0..10, promoters 9-10, detractors 0-6
  static Metric Csat();       // top-2-box on 1..5
  static Metric Ces();        // mean on 1..7
  static Metric CesAgree();   // top-3-box on 1..7 (share agreeing)
  static Metric TopBox(int scale_min, int scale_max, int box_size);
  static Metric BottomBox(int scale_min, int scale_max, int box_size);
  static Metric Mean(int scale_min, int scale_max);

  // Checks the bands fit the scale (scale_min < scale_max, at most 1000
  // points, detractor_max < promoter_min, 1 <= box_size < points).
  Status Validate() const;
  // The value s of a score on this metric (see the header comment).
  double ValueOf(int score) const;
  // 100 for NPS and box metrics, 1 for means.
  double Multiplier() const;
  // The range of the reported value, used to clip intervals.
  double LowestValue() const;
  double HighestValue() const;
};

struct IntervalOptions {
  IntervalMethod method = IntervalMethod::kJeffreys;
  double level = 0.95;
  double prior = 1.0;      // Bayes: in (0, 1e15]
  int replicates = 2000;   // bootstrap
  uint64_t seed = 42;      // bootstrap
  int threads = 0;         // 0: hardware concurrency
  // Bootstrap in EstimateScores and Compare (the calls that resample
  // responses; candor/progress.hpp): told replicates drawn of `replicates`
  // (Compare: of 2 x replicates, group a's then b's), checked every 65,536
  // responses of a weighted replicate; false stops with CANDOR_CANCELLED.
  // Other methods and calls ignore it (a bootstrap of counts per score point
  // takes microseconds).
  Progress progress;

  Status Validate() const;  // level in (0,1), prior > 0, replicates >= 100...
};

struct Estimate {
  double value = 0;
  double std_error = 0;
  double ci_low = 0;
  double ci_high = 0;
  double level = 0.95;
  int64_t n = 0;
  double effective_n = 0;
};

struct Comparison {
  double difference = 0;  // a - b
  double std_error = 0;   // sqrt(var_a + var_b) for independent groups;
                          // the contrast's linearization SE under a design
  double ci_low = 0;
  double ci_high = 0;
  double p_value = 1;     // two-sided, H0: no difference
  Estimate a;
  Estimate b;
};

// Per score point: the number of responses, the sum of their weights and of
// their squared weights. Enough for every metric and every method except the
// weighted bootstrap. Mergeable and serializable (versioned, little-endian).
class ScoreAccumulator {
 public:
  static Result<ScoreAccumulator> Create(int scale_min, int scale_max);

  // Validates the whole batch before adding any of it. weights may be empty.
  Status Add(const double* scores, const double* weights, size_t n);
  // Unweighted fast path (vectorized, multi-threaded for large n).
  Status AddInt8(const int8_t* scores, size_t n, int threads = 0);
  Status Merge(const ScoreAccumulator& other);

  std::string Serialize() const;
  static Result<ScoreAccumulator> Deserialize(std::string_view bytes);

  int scale_min() const { return scale_min_; }
  int scale_max() const { return scale_max_; }
  int64_t count() const;            // responses
  bool weighted() const { return weighted_; }  // any weight != 1 seen
  // Per score point, index = score - scale_min.
  const std::vector<int64_t>& counts() const { return counts_; }
  const std::vector<double>& weight_sums() const { return weight_sums_; }
  const std::vector<double>& weight_square_sums() const { return weight_square_sums_; }

 private:
  ScoreAccumulator(int scale_min, int scale_max);
  int scale_min_ = 0;
  int scale_max_ = 10;
  bool weighted_ = false;
  std::vector<int64_t> counts_;
  std::vector<double> weight_sums_;
  std::vector<double> weight_square_sums_;
};

// Estimates from responses. weights may be null (unweighted). Scores must be
// integers within the metric's scale; weights finite, >= 0, positive sum.
Result<Estimate> EstimateScores(const Metric& metric, const double* scores, const double* weights,
                                size_t n, const IntervalOptions& options);
Result<Estimate> EstimateInt8(const Metric& metric, const int8_t* scores, size_t n,
                              const IntervalOptions& options);
// From an accumulator on the metric's scale (weighted bootstrap unsupported).
Result<Estimate> EstimateAccumulated(const Metric& metric, const ScoreAccumulator& acc,
                                     const IntervalOptions& options);

// The accumulator of the cluster-robust estimate by account: the whole
// sample's ScoreAccumulator and, per account (keyed by its label's bytes), its
// responses and weight sum per score point. Its estimate equals EstimateDesign
// with the accounts as clusters and no calibration (design.hpp), Wald or
// Jeffreys, for any metric on the scale: the linearization variance of a
// Hajek mean needs of each cluster only its sums of w and w * value, and
// those follow from its weight sum per point. States made apart merge account
// by account, so an account may span partitions.
class AccountAccumulator {
 public:
  static Result<AccountAccumulator> Create(int scale_min, int scale_max);
  AccountAccumulator(AccountAccumulator&&) noexcept;
  AccountAccumulator& operator=(AccountAccumulator&&) noexcept;
  ~AccountAccumulator();

  // Row i belongs to the account labels[account_codes[i]] (0 <= code <
  // n_labels); weights may be null. Validates the whole batch before adding
  // any of it; a label no row uses adds no account.
  Status Add(const double* scores, const double* weights, const int32_t* account_codes,
             size_t n, const std::string_view* labels, size_t n_labels);
  Status Merge(const AccountAccumulator& other);

  std::string Serialize() const;
  static Result<AccountAccumulator> Deserialize(std::string_view bytes);

  const ScoreAccumulator& totals() const;
  size_t accounts() const;
  // The label of account j (0 <= j < accounts()), in order of first addition.
  std::string_view account(size_t j) const;
  // Account j's weight sum per score point (index = score - scale_min).
  const double* account_weight_sums(size_t j) const;

 private:
  struct Accounts;
  explicit AccountAccumulator(ScoreAccumulator totals);
  ScoreAccumulator totals_;
  std::unique_ptr<Accounts> accounts_;
};

// The cluster-robust estimate by account (Wald or Jeffreys; the metric's
// scale must be the accumulator's; at least two accounts).
Result<Estimate> EstimateAccumulated(const Metric& metric, const AccountAccumulator& acc,
                                     const IntervalOptions& options);

// Two independent groups: difference = a - b, variance var_a + var_b.
// Wald / adjusted Wald: z-test (Rocks' nps_test, keeping the sign).
// Bayes: the difference of the independent posteriors (normal, moments).
// Bootstrap: percentile interval of the replicate differences; p-value
// 2 * min(share <= 0, share >= 0) of the replicate differences.
Result<Comparison> Compare(const Metric& metric, const double* scores_a, const double* weights_a,
                           size_t n_a, const double* scores_b, const double* weights_b, size_t n_b,
                           const IntervalOptions& options);

struct BreakdownRow {
  std::vector<int32_t> codes;  // one per segment column
  Estimate estimate;
  Comparison vs_rest;          // a = this segment, b = all other responses
  double p_adjusted = 1;
};

// One row per combination of segment codes present, sorted by codes, each
// compared with the rest; p-values adjusted across rows. A row whose segment
// or rest is empty gets p_value = 1 and a NaN difference.
Result<std::vector<BreakdownRow>> Breakdown(const Metric& metric, const double* scores,
                                            const double* weights, size_t n,
                                            const std::vector<const int32_t*>& segments,
                                            const IntervalOptions& options, PAdjust adjust);

// The breakdown of responses held in per-cell accumulators: cells[c] holds
// the responses whose segment codes are codes[c] (distinct tuples, one code
// per segment column). The rows are those Breakdown gives for the same
// responses (up to the rounding of sums added in another order): for states
// built apart and merged by cell (Dask partitions).
Result<std::vector<BreakdownRow>> BreakdownAccumulated(
    const Metric& metric, const std::vector<const ScoreAccumulator*>& cells,
    const std::vector<std::vector<int32_t>>& codes, const IntervalOptions& options,
    PAdjust adjust);

// Estimation under a SurveyDesign (include/candor/design.hpp): weights,
// clusters (accounts) and calibration steps. The value is the Hajek mean of s
// (times 100 for NPS and box metrics); the variance is the design's Taylor
// linearization, as R's survey::svymean with svydesign(ids = ~account) (or
// ids = ~1 without clusters) after postStratify / rake / calibrate(linear):
// e_i = w_i (s_i - m) / sum w, each calibration step's residual in order,
// then var = C / (C - 1) * sum_c (z_c - zbar)^2 over the cluster sums z_c
// (each response its own cluster without clusters; zbar, 0 without
// calibration, is the centring of survey's onestrat). effective_n is Kish's
// (sum w)^2 / sum w^2. Only the Wald interval is defined for designs with
// clusters or calibration (other methods: CANDOR_UNSUPPORTED); a design with
// neither is handed to EstimateScores / Compare / Breakdown unchanged (every
// method; groups then independent). Errors: a negative cluster code or a
// single cluster (C / (C - 1) undefined) is CANDOR_INVALID_ARGUMENT;
// calibration steps whose sizes differ from n are CANDOR_LENGTH_MISMATCH.
// Zero weights: a response with weight 0 has influence 0 at every step.
Result<Estimate> EstimateDesign(const Metric& metric, const double* scores, size_t n,
                                const SurveyDesign& design, const IntervalOptions& options);

// Difference of two domain means of one design, a - b, with group[i] 0 for a,
// 1 for b and anything else for neither. Responses of a shared account are
// correlated, so the difference is linearized as one statistic: e^a - e^b,
// each domain's e_i = w_i (s_i - m_d) / sum_d w inside it and 0 outside,
// then calibration residuals and cluster sums as above (R: svyby(~s, ~g,
// design, svymean, covmat = TRUE) and svycontrast(c(1, -1))). `a` and `b` are
// the domain estimates with the design's variance (0 outside the domain, all
// clusters and all n counted, as svyby); p-value two-sided normal.
Result<Comparison> CompareGroups(const Metric& metric, const double* scores, size_t n,
                                 const SurveyDesign& design, const int8_t* group,
                                 const IntervalOptions& options);

// Breakdown under a design: rows as in Breakdown above, each row's estimate
// the domain estimate and vs_rest the domain contrast segment - rest (as
// CompareGroups), p-values adjusted across rows.
Result<std::vector<BreakdownRow>> Breakdown(const Metric& metric, const double* scores, size_t n,
                                            const SurveyDesign& design,
                                            const std::vector<const int32_t*>& segments,
                                            const IntervalOptions& options, PAdjust adjust);

// Holm (1979) step-down and Benjamini-Hochberg (1995) step-up adjustment,
// as R's p.adjust; NaN p-values are kept NaN and not counted.
std::vector<double> AdjustPValues(const std::vector<double>& p, PAdjust method);

// Planning, on the 0..100 scale of NPS and box metrics. The per-response
// variance is (p + d) - (p - d)^2 for shares p, d of +1 and -1 values; a box
// metric is p = box share, d = 0. margin = 100 * z * sqrt(variance / n);
// required n = ceil(variance * (100 z / margin)^2).
Result<double> MarginOfError(double promoters, double detractors, int64_t n, double level);
Result<int64_t> RequiredSampleSize(double promoters, double detractors, double margin,
                                   double level);

}  // namespace candor

#endif  // CANDOR_SCORE_HPP_
