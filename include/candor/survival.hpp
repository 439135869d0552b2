// candor/survival.hpp — time to churn: does a health or risk score rank
// customers by how soon they leave, and how do groups' survival curves differ.
//
// Input: n customers with a follow-up time t_i >= 0 (e.g. tenure in months),
// an event indicator d_i (1: churned at t_i; 0: still a customer, censored at
// t_i), optional case weights w_i >= 0 (1 when absent) and, by function, a
// risk score x_i or a group code g_i >= 0. Times are compared exactly (R's
// survival merges times that differ by rounding, aeqSurv; candor does not).
//
// Concordance (Harrell 1982, JAMA 247:2543; Therneau and Watson, the
// survival package's vignette "concordance"). Higher risk should mean an
// earlier event. A pair (i, j) is comparable when i has an event at t_i and
// j is still at risk then: t_j > t_i, or t_j = t_i with j censored
// (censorings at t come after the events at t). With pair weight
// v_ij = tw(t_i) w_i w_j, the pair is concordant when x_i > x_j, discordant
// when x_i < x_j, tied on risk when x_i = x_j. Pairs of events at the same
// time are not comparable: tied on time (x differ) or on both (x equal),
// counted once per pair and reported only. With c, d, t_x the weighted sums,
//   C = (c + t_x / 2) / (c + d + t_x),
// equal to R's concordance(Surv(t, d) ~ x, reverse = TRUE) (and, without
// weights, to Harrell's C of Hmisc's rcorr.cens on -x). Time weights tw:
//   kHarrell ("n"):    tw = 1 (every comparable pair counts once);
//   kUno ("n_g2"):     tw(t) = 1 / G(t-)^2, G the Kaplan-Meier curve of the
//                      censoring times (Uno, Cai, Pencina, D'Agostino and
//                      Wei 2011, Stat. Med. 30:1105), left-continuous and with
//                      censorings after the events at the same time; survival's
//                      timewt = "n/G2". With fewer than two events, kHarrell.
// Standard error: the infinitesimal jackknife of the survival vignette
// (section "Variance"), taking the number of comparable pairs m = c + d + t_x
// as ancillary. With somers = (c - d) / m and, for each customer i, the
// derivatives of the three sums with respect to w_i (the weighted counts of
// i's concordant, discordant and risk-tied partners, over both roles of i),
//   dfbeta_i = w_i [ (dc_i - dd_i) / m - somers (dc_i + dd_i + dt_i) / m ],
//   var(C) = sum_i dfbeta_i^2 / 4,
// as the survival package computes it (its time weights held fixed). Cost
// O(n log n): one (radix) sort by time, one by risk, and two sweeps over a
// Fenwick tree of weights indexed by risk rank (Fenwick 1994).
//
// Kaplan-Meier (Kaplan and Meier 1958) per group, at every distinct time of
// the group (events or censorings), as R's survfit(Surv(t, d) ~ g): n_risk
// (weight with t_i >= t), n_event, n_censor, S(t) = prod_{s <= t} (1 - d_s /
// n_s). Greenwood's variance (Greenwood 1926) on the log scale:
// std_error_log = sqrt(sum_{s <= t} d_s / (n_s (n_s - d_s))) (survfit's
// std.err; +inf once S = 0), std_error = S * std_error_log (summary.survfit's
// std.err; NaN once S = 0). Weights enter as counts, so integer weights give
// the curve of the replicated rows; for non-integer weights survfit defaults
// to a robust (jackknife) variance instead: candor equals survfit(...,
// robust = FALSE) there. Interval at `level`, z = Phi^-1((1 + level) / 2):
//   kLog (survfit's default conf.type = "log"): S exp(+-z std_error_log),
//        the upper end capped at 1; NaN once S = 0;
//   kLogLog ("log-log"): exp(-exp(log(-log S) -+ z std_error_log / log S));
//        NaN once S = 0;
//   kPlain ("plain"): S +- z std_error, clipped to [0, 1].
// Before the first event S = 1 and Greenwood's variance is 0, so survfit's
// interval is [1, 1] (NA for log-log): a certainty that m customers at risk
// do not give. There, for every interval type, candor reports Clopper and
// Pearson's (1934) exact interval for m survivors of m, [(alpha/2)^(1/m), 1]
// with alpha = 1 - level and m = n_risk (the weight at risk), which is what
// differs from survfit; from the first event on, the values are survfit's.
//
// Log-rank test across groups (Mantel 1966; Peto and Peto 1972), as R's
// survdiff(Surv(t, d) ~ g) (rho = 0, unweighted). At each distinct event time
// s with n_s at risk and d_s events, group k with n_ks at risk:
//   E_k = sum_s d_s n_ks / n_s, O_k = its events,
//   V_kl = sum_s d_s (n_s - d_s) / (n_s - 1) (n_ks / n_s) (delta_kl - n_ls / n_s).
// Over the groups with E_k > 0, less the first of them, chi_square =
// (O - E)' V^-1 (O - E) on df = (groups with E_k > 0) - 1, p from the
// chi-square distribution. Cost O(n log n + n G + G^3) for G groups
// (G <= kMaxLogRankGroups).
//
// Weights at the edges of the double range: C and its standard error do not
// depend on the scale of the weights, or of the time weights, so both are
// computed scaled (case weights by a power of two, Uno's on the log scale);
// the counts are reported in the caller's units (+inf past the double range).
//
// Errors: n = 0, no events, or (concordance) no comparable pair (or none of
// positive weight) is CANDOR_EMPTY; weights that sum past the double range,
// and Uno's weights when G(t-) is 0 at an event, are CANDOR_OUT_OF_RANGE; a
// NaN, infinite or negative time, an event that is not 0 or 1, a NaN or
// infinite risk, a NaN, infinite or negative weight, a negative group code
// are CANDOR_OUT_OF_RANGE naming the index; a zero total weight,
// a bad level or option is CANDOR_INVALID_ARGUMENT; the log-rank test with
// fewer than two groups, or fewer than two with customers at risk at an
// event, is CANDOR_INVALID_ARGUMENT; a singular V is CANDOR_UNSUPPORTED.
#ifndef CANDOR_SURVIVAL_HPP_
#define CANDOR_SURVIVAL_HPP_

#include <candor.h>

#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor {

// The values of candor_time_weight (names "n" and "n_g2").
enum class TimeWeight {
  kHarrell = 0,  // "n": every comparable pair weighs 1
  kUno = 1,      // "n_g2": 1 / G(t-)^2
};

struct ConcordanceOptions {
  TimeWeight time_weight = TimeWeight::kHarrell;

  Status Validate() const;
};

struct Concordance {
  double value = 0;       // C in [0, 1]; 0.5: no better than chance
  double std_error = 0;   // infinitesimal jackknife
  double concordant = 0;  // weighted pair counts (survival's count, reverse = TRUE)
  double discordant = 0;
  double tied_risk = 0;  // comparable, x equal (counts as half)
  double tied_time = 0;  // events at the same time, x differ (not comparable)
  double tied_both = 0;  // events at the same time, x equal (not comparable)
  int64_t n = 0;         // rows
  int64_t events = 0;    // rows with d = 1
  TimeWeight time_weight = TimeWeight::kHarrell;  // the one used (kHarrell below two events)
};

// risk, time, event have n entries; weights may be null (all 1).
Result<Concordance> EstimateConcordance(const double* risk, const double* time, const double* event,
                                        const double* weights, size_t n,
                                        const ConcordanceOptions& options);

// The values of candor_survival_interval (names "log", "log_log", "plain").
enum class SurvivalInterval {
  kLog = 0,
  kLogLog = 1,
  kPlain = 2,
};

struct KaplanMeierOptions {
  double level = 0.95;  // in (0, 1)
  SurvivalInterval interval = SurvivalInterval::kLog;

  Status Validate() const;
};

// One group's curve: one entry per distinct time of the group, ascending.
struct KaplanMeierCurve {
  int32_t group = 0;  // the group code (0 without groups)
  int64_t n = 0;      // rows in the group
  double weight = 0;  // their total weight (n without weights)
  double events = 0;  // weighted events
  std::vector<double> time;
  std::vector<double> n_risk;
  std::vector<double> n_event;
  std::vector<double> n_censor;
  std::vector<double> survival;
  std::vector<double> std_error;      // of S (Greenwood)
  std::vector<double> std_error_log;  // of log S (survfit's std.err)
  std::vector<double> ci_low;
  std::vector<double> ci_high;
};

struct KaplanMeier {
  double level = 0.95;
  SurvivalInterval interval = SurvivalInterval::kLog;
  std::vector<KaplanMeierCurve> curves;  // one per group code present, ascending
};

// groups may be null (one curve, group 0); weights may be null.
Result<KaplanMeier> EstimateKaplanMeier(const double* time, const double* event,
                                        const int32_t* groups, const double* weights, size_t n,
                                        const KaplanMeierOptions& options);

inline constexpr size_t kMaxLogRankGroups = 1000;

struct LogRankGroup {
  int32_t group = 0;
  int64_t n = 0;
  double observed = 0;  // O_k
  double expected = 0;  // E_k
  double variance = 0;  // V_kk
};

struct LogRank {
  double chi_square = 0;
  int32_t df = 0;
  double p_value = 1;
  std::vector<LogRankGroup> groups;  // one per group code present, ascending
};

Result<LogRank> LogRankTest(const double* time, const double* event, const int32_t* groups,
                            size_t n);

}  // namespace candor

#endif  // CANDOR_SURVIVAL_HPP_
