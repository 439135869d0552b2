// candor/validate.hpp — does a score predict an outcome? Validation of a
// health score (or any score, or a predicted churn probability) against a
// binary outcome: outcome 1 = the event (churned), 0 = not.
//
// Input: n rows, score[i] (any double but NaN; +-inf are ordered values) and
// outcome[i] in {0, 1}. "Positives" are the m rows with outcome 1 (cases),
// "negatives" the k rows with outcome 0 (controls). No weights: every row
// counts once (weighted AUC and calibration are not supported).
//
// AUC (EstimateAuc). Direction: a higher score means the outcome is more
// likely, AUC = P(score of a positive > score of a negative) + P(tie) / 2,
// the Mann-Whitney U / (m k). This is R pROC's direction "<" (controls <
// cases). For a score where higher means *less* risk (a health score
// predicting churn), pass -score: AUC(-s) = 1 - AUC(s), same std_error.
// Variance: DeLong, DeLong and Clarke-Pearson (1988), Biometrics 44:837-845,
// from the placement values
//   V10_i = (#{negatives below x_i} + #{negatives tied with x_i} / 2) / k  (positive i),
//   V01_j = (#{positives above y_j} + #{positives tied with y_j} / 2) / m  (negative j),
//   S10 = sum_i (V10_i - AUC)^2 / (m - 1),  S01 = sum_j (V01_j - AUC)^2 / (k - 1),
//   Var = S10 / m + S01 / k,
// computed in O(n log n) from midranks (Sun and Xu 2014, IEEE Signal
// Processing Letters 21(11):1389-1393): V10_i = (R_i - R^pos_i) / k with R_i
// the midrank of x_i among all rows and R^pos_i among the positives. Here one
// sort of each class (LSD radix on the doubles' bits) and one merge of the
// two sorted lists give every tied run's counts, and every row of a run has
// the same placement. Interval: AUC +- z_{(1+level)/2} sqrt(Var), clamped to
// [0, 1], exactly as pROC's ci.auc(method = "delong") (ci.auc.delong sets
// ci > 1 to 1 and ci < 0 to 0).
//
// When DeLong gives no interval. DeLong's variance is 0 when the classes are
// perfectly separated (AUC 0 or 1) or every score is tied (AUC 0.5), and it
// is undefined (needs m - 1 and k - 1 > 0) with a single positive or
// negative. pROC then returns the zero-width interval [1, 1] (with a warning
// that it "can be misleading") or NA. A zero-width interval claims certainty
// that 5 positives and 5 negatives cannot give, so candor returns the
// Hanley-McNeil score interval instead and says so (hanley_mcneil_interval):
// the theta on each side of the AUC with (AUC - theta)^2 = z^2 V_HM(theta),
// where V_HM is the variance of Hanley and McNeil (1982), Radiology
// 143:29-36, as a function of the true AUC theta,
//   V_HM(theta) = theta (1 - theta) / (m k) * [1 + (m - 1)(1 - theta)/(2 - theta)
//                                                + (k - 1) theta / (1 + theta)],
// (their Q1 = theta/(2 - theta), Q2 = 2 theta^2/(1 + theta)), inverted like
// Wilson's score interval for a proportion (Newcombe 2006, Statistics in
// Medicine 25:559-573, studies such score-type AUC intervals). Its width
// never vanishes for m, k >= 1 (with m = k = 1 it is Wilson's interval for
// one trial). std_error stays DeLong's (0, or NaN with one row of a class).
//
// Paired comparison (CompareAuc): two scores on the same rows, difference =
// AUC_a - AUC_b with DeLong's covariance of the two estimates,
//   Var(d) = (S10_aa + S10_bb - 2 S10_ab) / m + (S01_aa + S01_bb - 2 S01_ab) / k,
// S10_ab = sum_i (V10a_i - AUC_a)(V10b_i - AUC_b) / (m - 1) (likewise S01);
// z = d / sqrt(Var), two-sided normal p-value, interval d +- z sqrt(Var)
// (not clamped). Equal to pROC's roc.test(roc_a, roc_b, paired = TRUE,
// method = "delong") (statistic, p.value, conf.int). Needs m, k >= 2. When
// Var(d) = 0 (the two scores order every positive-negative pair alike, e.g.
// one is an increasing function of the other, or both are degenerate as
// above): d = 0 gives z = 0 and p = 1 (as pROC); d != 0 gives NaN z and p
// (pROC's infinite z and p = 0 would claim proof from no variance); the
// interval is NaN in both cases rather than of zero width.
//
// Calibration of predicted probabilities p_i in (0, 1) (EstimateCalibration):
//  - Brier score: mean (p_i - y_i)^2 (Brier 1950, Monthly Weather Review 78:1-3).
//  - Calibration intercept ("calibration-in-the-large"): the a of the
//    logistic model logit P(y = 1) = a + logit(p_i) (logit p as an offset);
//    0 when the mean prediction is right. R: glm(y ~ 1, offset = qlogis(p),
//    family = binomial).
//  - Calibration slope: the b of logit P(y = 1) = c + b logit(p_i) (Cox 1958,
//    Biometrika 45:562-565); 1 when the predictions are neither too extreme
//    (b < 1) nor too timid (b > 1). R: glm(y ~ qlogis(p), family = binomial).
//    Both by Newton's method to |step| <= 1e-12 (1 + |coefficient|); standard
//    errors from the inverse information at the maximum (glm's), Wald
//    intervals at `level` (R's confint.default, not the profile intervals of
//    confint). The slope is not fitted (slope_fitted = false, NaN fields)
//    when every p_i is the same (no spread) or when logit(p) separates the
//    outcomes (the maximum is at infinity; glm warns "fitted probabilities
//    numerically 0 or 1" and reports a huge slope).
//  - Hosmer-Lemeshow statistic (Hosmer and Lemeshow 1980, Communications in
//    Statistics A 9:1043-1069) with g groups by quantiles of p, computed as R
//    ResourceSelection::hoslem.test (0.3-x): breaks = the distinct values of
//    R's quantile(p, seq(0, 1, 1/g)) (type 7: for probability q,
//    h = (n - 1) q, the sorted p at floor(h) interpolated toward the next);
//    row i in group j when break_j < p_i <= break_{j+1}, the lowest break
//    included in the first group (R's cut(right = TRUE, include.lowest =
//    TRUE)): a tie at a break goes to the lower group, and ties never
//    straddle two groups, so tied p may leave fewer than g groups. Over the
//    G non-empty groups,
//      HL = sum_j (O1_j - E1_j)^2 / E1_j + (O0_j - E0_j)^2 / E0_j,
//    O1 = positives, E1 = sum p, O0 = count - O1, E0 = count - E1; p-value
//    from chi-square with G - 2 df (hoslem.test's G, the groups formed).
//    hoslem.test would also sum an empty group's 0/0 (a NaN statistic); here
//    empty groups are left out. G < 3: HL, df <= 0, NaN p-value.
//  - groups[]: the G groups (probability range, count, observed and expected
//    positives), the data of a calibration plot.
//
// Lift and gains (LiftTable): rows ordered by score, highest first, cut into
// g groups of as equal size as ties allow: a row whose descending midrank
// (1-based; tied scores share the mean of their positions) is r goes to
// group floor(g (r - 1) / n), so tied scores are never split and a run of
// ties goes to the group that holds its middle (a group can be empty). Per
// group: count, positives, rate = positives / count, lift = rate / (m / n),
// cumulative count and positives, gain = cumulative positives / m (the share
// of all positives captured so far), cumulative lift. An empty group has
// count 0 and NaN rate, lift and score range.
//
// Errors: a NULL array with n > 0, a level outside (0, 1), groups out of
// range: CANDOR_INVALID_ARGUMENT; n = 0: CANDOR_EMPTY; an outcome other
// than 0 or 1, a NaN score, a probability outside (0, 1): CANDOR_OUT_OF_RANGE
// naming the index; no positive or no negative (the outcome has one class):
// CANDOR_EMPTY naming which (lift needs a positive only); CompareAuc with
// fewer than two of a class: CANDOR_EMPTY.
//
// Cost: O(n log n) time (radix sorts: O(n) passes over 64-bit keys) and
// O(n) memory; CompareAuc keeps two placements per row.
#ifndef CANDOR_VALIDATE_HPP_
#define CANDOR_VALIDATE_HPP_

#include <candor.h>

#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor {

struct Auc {
  double value = 0;      // P(positive's score > negative's) + ties / 2
  double std_error = 0;  // DeLong; 0 when degenerate, NaN with one row of a class
  double ci_low = 0;     // DeLong clamped to [0, 1], or Hanley-McNeil (below)
  double ci_high = 0;
  double level = 0.95;
  int64_t n_positive = 0;
  int64_t n_negative = 0;
  // True when DeLong's variance is 0 or undefined and the interval is the
  // Hanley-McNeil score interval (see the top of this file).
  bool hanley_mcneil_interval = false;
};

// The AUC of `score` for `outcome` (1 = positive) with its DeLong interval
// at `level` in (0, 1).
Result<Auc> EstimateAuc(const double* score, const uint8_t* outcome, size_t n, double level = 0.95);

struct AucComparison {
  double auc_a = 0;
  double auc_b = 0;
  double difference = 0;  // auc_a - auc_b
  double std_error = 0;   // paired DeLong
  double ci_low = 0;      // difference +- z std_error; NaN when std_error is 0
  double ci_high = 0;
  double level = 0.95;
  double z = 0;
  double p_value = 1;      // two-sided
  double correlation = 0;  // of the two AUC estimates; NaN if either variance is 0
  int64_t n_positive = 0;
  int64_t n_negative = 0;
};

// Paired DeLong test of two scores of the same rows.
Result<AucComparison> CompareAuc(const double* score_a, const double* score_b,
                                 const uint8_t* outcome, size_t n, double level = 0.95);

struct CalibrationGroup {
  double probability_low = 0;   // the group's lower break (excluded but for group 1)
  double probability_high = 0;  // its upper break (included)
  int64_t count = 0;
  int64_t positives = 0;          // observed O1
  double expected_positives = 0;  // sum of p, E1
  double mean_probability = 0;    // E1 / count
  double observed_rate = 0;       // O1 / count
};

struct Calibration {
  int64_t n = 0;
  int64_t n_positive = 0;
  double level = 0.95;
  double brier = 0;
  double mean_probability = 0;
  double observed_rate = 0;
  double intercept = 0;  // calibration-in-the-large (offset logit p)
  double intercept_std_error = 0;
  double intercept_ci_low = 0;
  double intercept_ci_high = 0;
  bool slope_fitted = false;
  double slope = 0;  // on logit p
  double slope_std_error = 0;
  double slope_ci_low = 0;
  double slope_ci_high = 0;
  double hosmer_lemeshow = 0;
  int32_t hosmer_lemeshow_df = 0;  // groups formed - 2
  double hosmer_lemeshow_p_value = 0;
  std::vector<CalibrationGroup> groups;  // the non-empty groups, lowest p first
};

struct CalibrationOptions {
  size_t groups = 10;   // Hosmer-Lemeshow groups g, 3 <= g <= n
  double level = 0.95;  // of the intercept's and slope's intervals, in (0, 1)
};

// Calibration of predicted probabilities in (0, 1) against the outcome.
Result<Calibration> EstimateCalibration(const double* probability, const uint8_t* outcome, size_t n,
                                        const CalibrationOptions& options = {});

struct LiftRow {
  int32_t group = 0;  // 1 = the highest scores
  int64_t count = 0;
  int64_t positives = 0;
  double rate = 0;  // positives / count
  double lift = 0;  // rate / overall rate
  int64_t cumulative_count = 0;
  int64_t cumulative_positives = 0;
  double gain = 0;             // cumulative_positives / all positives
  double cumulative_lift = 0;  // (cumulative rate) / overall rate
  double score_min = 0;
  double score_max = 0;
};

// Lift and gains by `groups` groups (1 <= groups <= n) of descending score.
Result<std::vector<LiftRow>> LiftTable(const double* score, const uint8_t* outcome, size_t n,
                                       size_t groups = 10);

}  // namespace candor

#endif  // CANDOR_VALIDATE_HPP_
