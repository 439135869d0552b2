// candor/recovery.hpp — did following up with detractors win them back?
//
// Input: one row per detractor who answered a later survey (the re-survey):
// the re-survey score x_i, whether the detractor was followed up (f_i = 1)
// or not (f_i = 0), and optionally a stratum code s_i >= 0 that groups
// comparable detractors (for example one code per first score and segment;
// the caller, or candor.recovery in Python, builds the codes).
//
// Overall: the metric (NPS on the re-survey by default) of the followed-up
// minus that of the others, with Compare's interval (score.hpp: the default
// adjusted Wald for NPS never has zero width when both groups have rows).
//
// Within strata (matched comparison): in each stratum with both followed-up
// and other detractors, d_s = metric(followed) - metric(others) and its
// variance v_s = se_s^2 from Compare. The strata are weighted by their
// followed-up detractors, w_s = n_followed_s / sum n_followed (standardized
// to the followed-up's mix of strata: the difference for the kind of
// detractor that was followed up):
//   D = sum_s w_s d_s,  var(D) = sum_s w_s^2 v_s,
//   interval D -+ z sqrt(var(D)), z = Phi^-1((1 + level) / 2), p two-sided
// (direct standardization of stratum differences; e.g. Rothman, Greenland
// and Lash, Modern Epidemiology, 3rd ed., ch. 15). Strata with only one of
// the two groups cannot be compared: they are left out and counted.
//
// Follow-up is not randomized: who got a call depends on who was reachable,
// valuable or angry, so the difference is an association, not the effect of
// the call. Every result carries kRecoveryCaveat, and every surface prints it.
//
// Errors: n = 0 is CANDOR_EMPTY; no followed-up or no other detractor is
// CANDOR_EMPTY naming the group; a score off the metric's scale or not an
// integer, a followed_up other than 0/1, a negative stratum are
// CANDOR_OUT_OF_RANGE naming the row; strata given but none with both groups
// is CANDOR_EMPTY; bad options are CANDOR_INVALID_ARGUMENT.
#ifndef CANDOR_RECOVERY_HPP_
#define CANDOR_RECOVERY_HPP_

#include <candor/score.hpp>
#include <candor/status.hpp>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace candor {

// The caveat every recovery result carries.
inline constexpr const char* kRecoveryCaveat =
    "Follow-up was not randomized: followed-up and other detractors may differ in ways the "
    "strata do not capture, so the difference is an association, not the effect of following up.";

struct RecoveryOptions {
  Metric metric = Metric::Nps();  // of the re-survey score
  IntervalOptions interval = [] {
    IntervalOptions o;
    o.method = IntervalMethod::kAdjustedWald;  // Wald for means (no adjusted form)
    return o;
  }();

  Status Validate() const;
};

// One stratum: its code, rows, and (when both groups have rows) the
// comparison followed-up (a) minus others (b) and its weight in D.
struct RecoveryStratum {
  int32_t stratum = 0;
  int64_t followed_up = 0;
  int64_t not_followed_up = 0;
  bool compared = false;  // both groups present
  double weight = 0;      // w_s; 0 when not compared
  Comparison comparison;  // NaN difference when not compared
};

struct StratifiedDifference {
  double difference = 0;
  double std_error = 0;
  double ci_low = 0;
  double ci_high = 0;
  double p_value = 1;
  int64_t strata_compared = 0;
  int64_t strata_dropped = 0;        // strata with only one group
  int64_t rows_dropped = 0;          // their rows
  int64_t followed_up_compared = 0;  // rows in compared strata
  int64_t not_followed_up_compared = 0;
};

struct Recovery {
  Comparison overall;             // a = followed up, b = not followed up
  bool stratified_given = false;  // strata were passed
  StratifiedDifference stratified;
  std::vector<RecoveryStratum> strata;  // by stratum code
  double level = 0.95;
  const char* caveat = kRecoveryCaveat;
};

// followed_up: 0 or 1 per row; strata may be null (no stratified result).
Result<Recovery> EstimateRecovery(const double* rescores, const int32_t* followed_up,
                                  const int32_t* strata, size_t n, const RecoveryOptions& options);

}  // namespace candor

#endif  // CANDOR_RECOVERY_HPP_
