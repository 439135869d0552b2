// candor/trend_change_points.hpp — change points in time-ordered responses:
// when did the share of promoters / detractors (or of any metric's response
// categories) change, and what were the levels before and after.
//
// Model. Each response falls into one of K categories of the metric:
//   NPS            K = 3: detractor, passive, promoter
//   top/bottom box K = 2: in the box, not in it
//   mean           K = scale_max - scale_min + 1: one per score point
// A segment [a, b) of n = b - a responses with n_k in category k has the cost
//   C(a, b) = -2 log L = -2 sum_k n_k log(n_k / n)      (0 log 0 = 0),
// minus twice the maximized multinomial log-likelihood, O(K) per evaluation
// from prefix counts. A segmentation 0 = t_0 < t_1 < ... < t_m < t_{m+1} = N
// minimizes the penalized cost
//   sum_{j=0..m} C(t_j, t_{j+1}) + beta * m
// over change points t_1..t_m (each t_j the first index of a new segment)
// with every segment at least `min_size` long. This is optimal partitioning
// (Jackson et al. 2005, IEEE Signal Process. Lett. 12:105), solved by PELT
// (Killick, Fearnhead & Eckley 2012, JASA 107:1590): F(t) = min_s F(s) +
// C(s, t) + beta, and a candidate s is dropped once F(s) + C(s, t) >= F(t)
// (valid with K = 0 because C(a, b) + C(b, c) <= C(a, c) for a maximized
// likelihood). With a minimum segment length a candidate that fails at t is
// kept until t + min_size, the first end for which t is an admissible last
// change, so the pruning stays exact.
//
// Penalty beta per change (Killick & Eckley 2014, J. Stat. Softw. 58(3), the
// R package changepoint's convention: each change costs the parameters that
// change plus one for its location):
//   BIC            beta = K log N        (K - 1 free shares + 1 location;
//                                          Schwarz 1978)
//   AIC            beta = 2 K            (Akaike 1974)
//   manual         beta = penalty_value  (finite, >= 0)
// MBIC (Zhang & Siegmund 2007) is not offered. None of these states how
// often a series with no change gets one: `calibrated` (the default) does.
//
// Calibrated (the default): a change is declared at a stated false-alarm
// rate alpha, the probability of declaring at least one change in a series
// with none. The statistic targets the metric, not the whole response mix:
// each response has a value y (NPS: -1 detractor, 0 passive, 1 promoter; box
// metrics: 1 in the box, else 0; mean: the score) and weight w (1 without
// weights), and a change at t between the responses [a, t) and [t, b) of a
// segment has the standardized shift
//   Z_t = (ybar_[t,b) - ybar_[a,t)) / sqrt(s^2 deff (V_A / W_A^2 + V_B / W_B^2))
// with ybar the weighted means, W and V each side's sums of w and w^2, s^2 the
// weighted variance of y over the whole series, and deff = 1 (designs with
// calibration steps but no clusters: the design effect of the overall mean,
// its design variance over the variance with the same weights and no
// design, a first-order correction in the spirit of Rao & Scott 1984, Ann.
// Stat. 12:46). With clusters (accounts) Z_t is cluster-robust instead (see
// "Clusters" below). The series is tested by T = max |Z_t| over the
// candidate positions, and its p-value (1 + #{T* >= T}) / (R + 1) from R
// seeded replicates T* of T under no change:
//  - permutation (unweighted, unclustered segments of at most 20,000
//    responses): the segment's responses shuffled; exact when responses are
//    exchangeable under no change, whatever the metric's distribution;
//  - Gaussian (otherwise, without clusters): the centred partial sums of w (y - mu) have
//    independent increments of variance sigma^2 times the increment's sum of
//    w^2, so T* is drawn from that Gaussian process at the candidates (the
//    discretely observed standardized Brownian bridge of the CUSUM test;
//    Csorgo & Horvath 1997, Limit Theorems in Change-Point Analysis, ch. 1).
//    It depends only on where the candidates sit, not on the data, and is
//    accurate when each side's mean is close to normal.
// A change is declared when p <= alpha; it is placed at the candidate of
// largest |Z| and both sides are tested the same way, each against its own
// null (binary segmentation, Vostrikova 1981, Soviet Math. Dokl. 24:55).
// So a series with no change gets one with probability alpha (up to the
// Monte Carlo error of R replicates); the sides' tests control the rate of a
// spurious extra change per segment the same way. The null maxima are cached
// (32 most recent nulls, keyed by all they depend on): a repeated call on
// data of the same shape draws nothing. Then each change moves, left to
// right, to the position of largest |Z| between its final neighbours, and its
// location interval is every position t there whose Z_t^2 is within
// c = -2 log(1 - sqrt(level)) of the largest, level = `interval.level` (7.35
// at 0.95): a likelihood confidence set for the location (Siegmund 1988,
// Biometrika 75:649). Z_t^2 / 2 is the Gaussian log-likelihood ratio, and
// near the true change max Z^2 - Z_true^2 tends to 2 max(E_1, E_2), E_1 and
// E_2 independent Exp(1): the suprema of W(s) - |s| / 2 on each side, W a
// Brownian motion (Hinkley 1970, Biometrika 57:1; the supremum of a Brownian
// motion with drift -1/2 is Exp(1)). The chi-square(1) quantile (3.84) would
// cover about 73%. Its coverage measured by bench/change_location.py: 83-97%
// for changes anywhere, 97-100% at month starts (bench/RESULTS.md); it
// assumes one change between the neighbours and is reported after the change
// was found, so small shifts undercover. Each
// change reports its Z and p-value (from the test that found it: the first
// is exact at the stated alpha; a later one is conditional on the earlier
// splits). Weights and clusters (accounts) are supported in this mode only.
//
// Clusters. An account's answers are alike, and an account may answer on
// both sides of a split, where its effect partly cancels in the contrast:
// the overall mean's design effect overstates the contrast's noise (dividing
// Z by sqrt(deff) gave a false-alarm rate of 0.2% at alpha 0.05 with 4
// answers per account at random times of a year). So with clusters, within
// a tested segment [a, b) with weighted mean ybar and weight W, each
// response has the residual r_i = w_i (y_i - ybar), the split at t the CUSUM
// R_t = sum_{a<=i<t} r_i, and the contrast (mean after - mean before) is
// -R_t (1 / W_A + 1 / W_B) exactly. R_t = sum_i (1[i < t] - q_t) w_i (y_i -
// mu) with q_t = W_A / W, so each account g contributes the influence
// u_g,t = P_g,t - q_t T_g (P: its residual sum before t, T: its total in the
// segment), and the linearization (sandwich) variance of R_t over C accounts
// is V_t = C / (C - 1) * sum_g u_g,t^2 (Binder 1983, Int. Stat. Rev. 51:279;
// the survey package's ids = ~account, with residuals about the segment's
// pooled mean: a score-type statistic under no change, in the spirit of the
// cluster-robust score/CUSUM tests of Andrews 1993, Econometrica 61:821;
// statsmodels' cluster-robust OLS uses each side's own mean, the Wald form,
// within a few percent of it). Then
//   Z_t = -R_t / sqrt(V_t)   (positive: the mean after is higher),
// which is the two-sample Z above when each response is its own account (up
// to each side's spread about the pooled mean instead of s^2). V_t is kept
// in O(1) per response as positions advance (sum P^2, sum P T and sum T^2,
// running per-account sums). The null: (R_t) at the candidates is about
// Gaussian with covariance S_kl = C / (C - 1) sum_g u_g,k u_g,l (a wild
// cluster bootstrap with Gaussian multipliers per account draws exactly from
// it; Cameron, Gelbach & Miller 2008, Rev. Econ. Stat. 90:414), so T* =
// max_k |(L x)_k| with x ~ N(0, I) and L L' the correlation matrix of S
// (a semi-definite Cholesky: columns of pivots below 1e-10 dropped, as S is
// singular when candidates' CUSUMs are dependent). S is built from the
// accounts' residual sums by block between candidates (sum over accounts
// of m m', each account costing the square of the number of blocks it
// touches), then S = C/(C-1) B (sum m m') B' with B_kj = 1[j < k] - q_k.
// It depends on the data, so it is drawn for every call (not cached), seeded
// by RandomStream::ForReplicate like the other nulls and independent of the
// thread count. A segment is tested on at most 512 candidates: with more
// (response-level scans) 512 spread evenly by rank over them, while the
// location is the best |Z| over all of them and refined over every position
// as above. Cost: O(n) per tested segment plus O(G^3 + R G^2) for G <= 512
// candidates and R replicates (month starts: G = 11, negligible). A segment
// with one account is not tested (no variance across accounts); a series
// with one account is CANDOR_INVALID_ARGUMENT. Calibration steps are not
// part of the cluster-robust variance (calibration usually lowers the
// variance, so the test is then conservative). With few accounts (under
// about 30 per segment) the sandwich variance is noisy and the test liberal.
// `design_effect` still reports the overall mean's design effect; segment
// levels and changes are CompareGroups' as without clusters.
//
// Candidates. Without `boundaries`, every admissible position at least
// min_size from each end of the segment tested (on the grid below for long
// series). With `boundaries` (e.g. the first response of each month, so that
// a change is dated to a month), only those positions, for every penalty:
// fewer candidates make a smaller critical value and more power for changes
// at a boundary.
//
// Times. `times` (Unix seconds) is optional. When given it must be
// non-decreasing (else CANDOR_INVALID_ARGUMENT naming the first index i with
// times[i] < times[i-1]); equal times are allowed, but a change is only placed
// between distinct times (t_j is admissible only if times[t_j - 1] <
// times[t_j]), so responses of one timestamp are never split.
//
// Exact and approximate. The search is exact (the optimal segmentation above)
// when N <= max_grid_points, or max_grid_points = 0. Otherwise, because PELT
// prunes little when changes are few (a segment of length L costs O(L^2)),
// the responses are cut into blocks of m = ceil(N / max_grid_points)
// consecutive responses and:
//  1. PELT runs exactly over the candidate grid: the first admissible
//     position of each block (at most max_grid_points candidates). The number
//     of changes and their blocks are those of the optimal segmentation
//     restricted to the grid (approximate: the grid optimum).
//  2. Each change found is then refined, left to right: its exact position is
//     the admissible position within its own block and the two neighbouring
//     blocks that minimizes C(previous, t) + C(t, next), with the previous
//     change already refined and the next one as found on the grid (exact
//     given its neighbours; min_size respected). If the best position lies
//     in another block, the search repeats around that block until it stays
//     (each move strictly lowers the cost).
//  3. A change inside a block can appear on the grid as two changes around
//     that block (isolating the mixed block saves more than beta). So while
//     removing one change lowers the penalized cost, the change whose removal
//     lowers it most is removed and its two neighbours are refined again.
// The result is never worse than the grid optimum, each change is optimal
// given its neighbours, and no single removal improves it; it is not
// guaranteed to be the global optimum. Tests compare it with the exact search.
// Cost: O(N) to validate and count, O(G^2 K) worst case for PELT on G grid
// points (less with pruning), O(m K) per refined change, O(c^2 K) for the
// removals among c changes. `block_size` in the
// result is m (1 when exact).
//
// Levels and changes. Each segment's level is EstimateScores on its responses
// (with their weights) with `interval` (value, interval, n). Each change j
// reports Compare(after, before): difference = level of segment j+1 - level
// of segment j, with the interval method's SE, interval and p-value. Those
// p-values are optimistic: the change was placed where the two sides differ
// most (post-selection inference), so they are descriptive, not a test; the
// calibrated p-value above is the test.
//
// Errors: null `scores` with n > 0, a bad option (min_size < 1, negative or
// non-finite manual penalty, negative max_grid_points, alpha outside (0, 1),
// too few or too many replicates, boundaries not increasing, outside
// [1, n - 1] or splitting one time), unsorted times, a negative cluster code
// or a single account:
// CANDOR_INVALID_ARGUMENT; n = 0: CANDOR_EMPTY; n < 2 * min_size (no change
// could be placed): CANDOR_EMPTY; a score that is NaN, not an integer or off
// the scale: CANDOR_OUT_OF_RANGE naming its index; weights or a design:
// CANDOR_UNSUPPORTED unless calibrated; a negative or non-finite weight:
// CANDOR_OUT_OF_RANGE naming its index; running out of memory: CANDOR_OUT_OF_MEMORY.
#ifndef CANDOR_TREND_CHANGE_POINTS_HPP_
#define CANDOR_TREND_CHANGE_POINTS_HPP_

#include <candor.h>
#include <candor/design.hpp>
#include <candor/score.hpp>
#include <candor/progress.hpp>
#include <candor/status.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor {

enum class ChangePenalty { kBic, kAic, kManual, kCalibrated };
// How the calibrated test's null distribution was drawn (kNone: a penalty).
enum class ChangeCalibration { kNone, kGaussian, kPermutation };

struct ChangePointOptions {
  Metric metric = Metric::Nps();
  IntervalOptions interval;  // for the segment levels and the changes
  ChangePenalty penalty = ChangePenalty::kCalibrated;
  double penalty_value = 0;  // kManual only
  // kCalibrated: the false-alarm rate (0 < alpha < 1), the Monte Carlo
  // replicates of the null (alpha * (replicates + 1) >= 1, at most 10^6),
  // their seed and threads (0: all hardware threads; the result does not
  // depend on the thread count).
  double alpha = 0.05;
  int64_t replicates = 2000;
  uint64_t seed = 42;
  int threads = 0;
  // Positions a change may take (first index of the new segment), strictly
  // increasing, each in [1, n - 1] and between distinct times; empty: any.
  std::vector<int64_t> boundaries;
  // Shortest segment, in responses. 30: a segment's level then has at least
  // 30 responses behind it (an NPS from fewer is mostly noise), and a single
  // odd day or a burst of a few responses cannot be a segment of its own.
  int64_t min_size = 30;
  // Largest number of candidate positions searched exactly (see the header
  // comment); 0 searches every position (exact, O(N^2) worst case).
  int64_t max_grid_points = 4096;
  // kCalibrated: told done of total = n responses, a segment's responses
  // counted once it is settled (tested and found without a change); polled
  // between replicates of each null simulation; false stops the call with
  // CANDOR_CANCELLED (candor/progress.hpp). Penalized searches are quick and
  // report only done = n at the end.
  Progress progress;

  Status Validate() const;
};

struct ChangePointSegment {
  int64_t begin = 0;       // first index
  int64_t end = 0;         // one past the last index
  int64_t time_begin = 0;  // times[begin], when times were given (else 0)
  int64_t time_end = 0;    // times[end - 1], when times were given (else 0)
  double cost = 0;         // C(begin, end); NaN for kCalibrated
  Estimate level;
};

struct ChangePoint {
  int64_t index = 0;  // first index of the new segment
  int64_t time = 0;   // times[index], when times were given (else 0)
  Comparison change;  // a = the segment after, b = the segment before
  // kCalibrated only (else NaN, and the interval is the index itself): the
  // scan statistic and p-value of the test that found the change, and the
  // location interval (first and last position, and their times).
  double z = 0;
  double p_value = 0;
  int64_t index_low = 0;
  int64_t index_high = 0;
  int64_t time_low = 0;
  int64_t time_high = 0;
};

struct ChangePoints {
  std::vector<ChangePoint> changes;
  std::vector<ChangePointSegment> segments;  // changes.size() + 1 of them
  double penalty = 0;        // beta, per change; kCalibrated: critical_value^2
  double total_cost = 0;     // sum of segment costs + beta * changes (NaN
                             // for kCalibrated)
  // kCalibrated (else kNone and NaN): the whole series' test.
  ChangeCalibration calibration = ChangeCalibration::kNone;
  double alpha = 0;
  double critical_value = 0;  // a change is declared when max |Z| exceeds it
  double max_z = 0;           // max |Z| over the candidates
  double p_value = 0;         // of max_z
  int64_t replicates = 0;
  int64_t candidates = 0;     // candidate positions of the whole series
  double design_effect = 1;   // of the overall mean (1 without clusters or
                              // calibration); reported, not used with clusters
  double value_sd = 0;        // s, in the metric's value units (NPS: -1..1)
  int64_t block_size = 1;    // m; 1 when the search was exact (always
                             // with boundaries)
  int categories = 0;        // K
  bool has_times = false;
};

// `scores` in time order (doubles holding integer scores on the metric's
// scale); `times` may be null; `weights` may be non-null only with
// kCalibrated (else CANDOR_UNSUPPORTED).
Result<ChangePoints> DetectChangePoints(const double* scores, const int64_t* times,
                                        const double* weights, size_t n,
                                        const ChangePointOptions& options);

// The same under a survey design (weights, clusters by account, calibration
// steps; include/candor/design.hpp): kCalibrated only. Segment levels and
// changes are then domain estimates and contrasts of the design (as
// CompareGroups; Wald intervals only with clusters or calibration).
Result<ChangePoints> DetectChangePoints(const double* scores, const int64_t* times,
                                        const SurveyDesign& design, size_t n,
                                        const ChangePointOptions& options);

// The category of a score under `metric` (0..K-1, see the header comment)
// and K; the score must be on the metric's scale.
int ChangePointCategories(const Metric& metric);
int ChangePointCategory(const Metric& metric, int score);

}  // namespace candor

#endif  // CANDOR_TREND_CHANGE_POINTS_HPP_
