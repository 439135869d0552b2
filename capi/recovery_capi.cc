// Recovery (include/candor/recovery.hpp): re-survey scores of followed-up
// versus other detractors, a handle with the summary and the strata.
#include <candor/recovery.hpp>
#include <candor/score.hpp>
#include <cstddef>
#include <limits>
#include <utility>

#include "shim.hpp"

struct candor_recovery {
  candor::Recovery result;
};

namespace {

void ToC(const candor::RecoveryStratum& s, candor_recovery_stratum* out) {
  out->stratum = s.stratum;
  out->compared = s.compared ? 1 : 0;
  out->followed_up = s.followed_up;
  out->not_followed_up = s.not_followed_up;
  out->weight = s.weight;
  candor::capi::ToC(s.comparison, &out->comparison);
}

}  // namespace

using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_recovery_new(const candor_score_options* options, const double* rescores,
                                  const int32_t* followed_up, const int32_t* strata, size_t n,
                                  candor_recovery** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<candor::Recovery> {
    candor::RecoveryOptions cpp;
    if (options != nullptr) {
      CANDOR_RETURN_IF_ERROR(
          candor::capi::FromOptions(options, &cpp.metric, &cpp.interval, nullptr));
    }
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(rescores, "rescores", followed_up, "followed_up"));
    return candor::EstimateRecovery(rescores, followed_up, strata, n, cpp);
  });
}

void candor_recovery_free(candor_recovery* recovery) { delete recovery; }

candor_status candor_recovery_summary_get(const candor_recovery* recovery,
                                          candor_recovery_summary* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(recovery, "recovery", out, "out"));
    const candor::Recovery& r = recovery->result;
    const candor::StratifiedDifference& d = r.stratified;
    candor::capi::ToC(r.overall, &out->overall);
    out->stratified = r.stratified_given ? 1 : 0;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    out->stratified_difference = r.stratified_given ? d.difference : nan;
    out->stratified_std_error = r.stratified_given ? d.std_error : nan;
    out->stratified_ci_low = r.stratified_given ? d.ci_low : nan;
    out->stratified_ci_high = r.stratified_given ? d.ci_high : nan;
    out->stratified_p_value = r.stratified_given ? d.p_value : nan;
    out->strata_compared = d.strata_compared;
    out->strata_dropped = d.strata_dropped;
    out->rows_dropped = d.rows_dropped;
    out->followed_up_compared = d.followed_up_compared;
    out->not_followed_up_compared = d.not_followed_up_compared;
    out->level = r.level;
    out->caveat = r.caveat;
    return candor::OkStatus();
  });
}

size_t candor_recovery_strata(const candor_recovery* recovery) {
  return recovery == nullptr ? 0 : recovery->result.strata.size();
}

candor_status candor_recovery_stratum_at(const candor_recovery* recovery, size_t i,
                                         candor_recovery_stratum* out) {
  return candor::capi::RowAt(
      recovery, "recovery", i, out, "stratum {i} of {n} strata",
      [](const candor_recovery& r) -> const auto& { return r.result.strata; }, ToC);
}

const char* candor_recovery_caveat(void) { return candor::kRecoveryCaveat; }

}  // extern "C"
