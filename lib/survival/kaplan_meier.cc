// Kaplan-Meier curves per group with Greenwood standard errors and survfit's
// intervals (include/candor/survival.hpp).
#include <algorithm>
#include <candor/survival.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "common/normal.hpp"
#include "survival_input.hpp"

namespace candor {
namespace {

using survival_internal::WeightOf;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The interval at one time (survfit's conf.type; see survival.hpp), with
// `at_risk` the weight at risk there and `alpha` = 1 - level.
void Interval(SurvivalInterval type, double z, double alpha, double s, double se_log,
              double at_risk, double* low, double* high) {
  *low = kNaN;
  *high = kNaN;
  if (!(s > 0)) return;  // S = 0: survfit's NA
  if (s >= 1) {
    // No event yet, so Greenwood's variance is 0 and survfit's interval
    // [1, 1] (NA for log-log). Instead: Clopper-Pearson's exact interval for
    // `at_risk` survivors out of `at_risk`, [(alpha / 2)^(1 / at_risk), 1].
    if (at_risk > 0) {
      *low = std::pow(alpha / 2, 1 / at_risk);
      *high = 1;
    }
    return;
  }
  switch (type) {
    case SurvivalInterval::kLog:
      *low = std::exp(std::log(s) - z * se_log);
      *high = std::min(1.0, std::exp(std::log(s) + z * se_log));
      break;
    case SurvivalInterval::kLogLog: {
      if (s >= 1) return;  // log(-log 1): survfit's NA
      const double center = std::log(-std::log(s));
      const double half = z * se_log / std::log(s);
      const double a = std::exp(-std::exp(center + half));
      const double b = std::exp(-std::exp(center - half));
      *low = std::min(a, b);
      *high = std::max(a, b);
      break;
    }
    case SurvivalInterval::kPlain:
      *low = std::max(0.0, s - z * s * se_log);
      *high = std::min(1.0, s + z * s * se_log);
      break;
  }
}

// One group's curve from its rows in time order (events first at a time).
KaplanMeierCurve Curve(int32_t group, const std::vector<size_t>& rows, const double* time,
                       const double* event, const double* weights, SurvivalInterval type,
                       double level) {
  const double z = internal::NormalQuantile((1 + level) / 2);
  KaplanMeierCurve curve;
  curve.group = group;
  curve.n = static_cast<int64_t>(rows.size());
  for (size_t i : rows) {
    curve.weight += WeightOf(weights, i);
    curve.events += event[i] == 1 ? WeightOf(weights, i) : 0;
  }
  // Per distinct time: the weight that died and was censored; the weight at
  // risk is summed from the end, so the last time's is exactly its own rows'.
  struct Step {
    double time, died, censored;
  };
  std::vector<Step> steps;
  for (size_t b = 0; b < rows.size();) {
    Step step{time[rows[b]], 0, 0};
    size_t e = b;
    for (; e < rows.size() && time[rows[e]] == step.time; ++e) {
      (event[rows[e]] == 1 ? step.died : step.censored) += WeightOf(weights, rows[e]);
    }
    steps.push_back(step);
    b = e;
  }
  std::vector<double> at_risk(steps.size() + 1, 0.0);
  for (size_t k = steps.size(); k-- > 0;) {
    at_risk[k] = at_risk[k + 1] + steps[k].died + steps[k].censored;
  }
  double s = 1;
  double greenwood = 0;  // sum d / (n (n - d))
  for (size_t k = 0; k < steps.size(); ++k) {
    const double died = steps[k].died;
    if (died > 0) {
      if (died >= at_risk[k]) {
        s = 0;
        greenwood = std::numeric_limits<double>::infinity();
      } else {
        s *= 1 - died / at_risk[k];
        greenwood += died / (at_risk[k] * (at_risk[k] - died));
      }
    }
    const double se_log = std::sqrt(greenwood);
    double low, high;
    Interval(type, z, 1 - level, s, se_log, at_risk[k], &low, &high);
    curve.time.push_back(steps[k].time);
    curve.n_risk.push_back(at_risk[k]);
    curve.n_event.push_back(died);
    curve.n_censor.push_back(steps[k].censored);
    curve.survival.push_back(s);
    curve.std_error_log.push_back(se_log);
    curve.std_error.push_back(s > 0 ? s * se_log : kNaN);
    curve.ci_low.push_back(low);
    curve.ci_high.push_back(high);
  }
  return curve;
}

}  // namespace

Status KaplanMeierOptions::Validate() const {
  if (!(level > 0 && level < 1)) {
    return InvalidArgument("level " + std::to_string(level) + " is not in (0, 1)");
  }
  if (interval != SurvivalInterval::kLog && interval != SurvivalInterval::kLogLog &&
      interval != SurvivalInterval::kPlain) {
    return InvalidArgument("interval: unknown survival interval " +
                           std::to_string(static_cast<int>(interval)));
  }
  return OkStatus();
}

Result<KaplanMeier> EstimateKaplanMeier(const double* time, const double* event,
                                        const int32_t* groups, const double* weights, size_t n,
                                        const KaplanMeierOptions& options) {
  CANDOR_RETURN_IF_ERROR(options.Validate());
  CANDOR_RETURN_IF_ERROR(survival_internal::CheckTimesAndEvents(time, event, weights, n));
  CANDOR_RETURN_IF_ERROR(survival_internal::CheckGroups(groups, n));
  const std::vector<size_t> order = survival_internal::OrderByTime(time, event, groups, n);
  KaplanMeier result;
  result.level = options.level;
  result.interval = options.interval;
  std::vector<size_t> rows;
  for (size_t b = 0; b < n;) {
    const int32_t group = groups == nullptr ? 0 : groups[order[b]];
    size_t e = b;
    while (e < n && (groups == nullptr || groups[order[e]] == group)) ++e;
    rows.assign(order.begin() + b, order.begin() + e);
    result.curves.push_back(
        Curve(group, rows, time, event, weights, options.interval, options.level));
    b = e;
  }
  return result;
}

}  // namespace candor
