// Customer health over time (include/candor/health_history.hpp): scores as
// of a cut-off, days in grade and momentum, over a dated history described
// by candor_health_history.
#include <candor/health_history.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "health_handles.hpp"
#include "options.hpp"
#include "shim.hpp"

namespace candor::capi {
namespace {

template <typename From, typename To>
void CopyTo(const std::vector<From>& values, To* out) {
  if (out == nullptr) return;
  for (size_t i = 0; i < values.size(); ++i) out[i] = static_cast<To>(values[i]);
}

}  // namespace
}  // namespace candor::capi

using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_health_history_defaults(candor_health_history* history, size_t size) {
  return candor::capi::WriteDefaults(candor::capi::ZeroedOptions<candor_health_history>(), size,
                                     history);
}

candor_status candor_health_score_as_of(const candor_scorecard* card,
                                        const candor_health_history* history, int64_t as_of,
                                        candor_health_scores** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    CANDOR_RETURN_IF_ERROR(Required(card, "card"));
    candor::HealthHistory h;
    CANDOR_RETURN_IF_ERROR(candor::capi::HealthHistoryFromC(history, &h));
    return candor::capi::MakeHandle(out, [&]() -> candor::Result<candor_health_scores> {
      auto snapshot = candor::SnapshotAsOf(h, as_of);
      if (!snapshot.ok()) return snapshot.status();
      auto scores = candor::ScoreHealth(card->card, snapshot->table);
      if (!scores.ok()) return scores.status();
      return candor_health_scores{card->card, std::move(scores).value()};
    });
  });
}

candor_status candor_health_days_in_grade(const candor_scorecard* card,
                                          const candor_health_history* history, int64_t as_of,
                                          double step_days, int32_t max_steps, int32_t* grade,
                                          double* days, uint8_t* capped) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(card, "card"));
    candor::HealthHistory h;
    CANDOR_RETURN_IF_ERROR(candor::capi::HealthHistoryFromC(history, &h));
    auto tenure = candor::DaysInGrade(card->card, h, as_of, step_days, max_steps);
    if (!tenure.ok()) return tenure.status();
    candor::capi::CopyTo(tenure->grade, grade);
    candor::capi::CopyTo(tenure->days, days);
    candor::capi::CopyTo(tenure->capped, capped);
    return candor::OkStatus();
  });
}

candor_status candor_health_momentum(const candor_scorecard* card,
                                     const candor_health_history* history, int64_t as_of,
                                     int64_t previous, double level, double* change,
                                     double* std_error, double* ci_low, double* ci_high) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(card, "card"));
    candor::HealthHistory h;
    CANDOR_RETURN_IF_ERROR(candor::capi::HealthHistoryFromC(history, &h));
    auto m = candor::HealthMomentumAsOf(card->card, h, as_of, previous, level);
    if (!m.ok()) return m.status();
    candor::capi::CopyTo(m->change, change);
    candor::capi::CopyTo(m->std_error, std_error);
    candor::capi::CopyTo(m->ci_low, ci_low);
    candor::capi::CopyTo(m->ci_high, ci_high);
    return candor::OkStatus();
  });
}

}  // extern "C"
