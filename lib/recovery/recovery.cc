// EstimateRecovery: re-survey scores of followed-up versus other detractors,
// overall and standardized over strata (include/candor/recovery.hpp).
#include <algorithm>
#include <candor/recovery.hpp>
#include <candor/score.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "common/normal.hpp"

namespace candor {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Status CheckRows(const double* rescores, const int32_t* followed_up, const int32_t* strata,
                 size_t n, const Metric& metric) {
  for (size_t i = 0; i < n; ++i) {
    const double x = rescores[i];
    if (!(x >= metric.scale_min && x <= metric.scale_max) || x != std::floor(x)) {
      return OutOfRange("rescores[" + std::to_string(i) + "] = " + std::to_string(x) +
                        " is not an integer score on " + std::to_string(metric.scale_min) + ".." +
                        std::to_string(metric.scale_max));
    }
    if (followed_up[i] != 0 && followed_up[i] != 1) {
      return OutOfRange("followed_up[" + std::to_string(i) +
                        "] = " + std::to_string(followed_up[i]) + " is not 0 or 1");
    }
    if (strata != nullptr && strata[i] < 0) {
      return OutOfRange("strata[" + std::to_string(i) + "] = " + std::to_string(strata[i]) +
                        " is negative");
    }
  }
  return OkStatus();
}

struct Groups {
  std::vector<double> followed;
  std::vector<double> others;
};

Result<Comparison> CompareGroups(const Groups& g, const RecoveryOptions& options) {
  return Compare(options.metric, g.followed.data(), nullptr, g.followed.size(), g.others.data(),
                 nullptr, g.others.size(), options.interval);
}

}  // namespace

Status RecoveryOptions::Validate() const {
  CANDOR_RETURN_IF_ERROR(metric.Validate());
  return interval.Validate();
}

Result<Recovery> EstimateRecovery(const double* rescores, const int32_t* followed_up,
                                  const int32_t* strata, size_t n, const RecoveryOptions& options) {
  CANDOR_RETURN_IF_ERROR(options.Validate());
  if (n == 0) return Empty("recovery: no detractors with a re-survey score");
  if (rescores == nullptr || followed_up == nullptr) {
    return InvalidArgument("recovery: rescores and followed_up are required");
  }
  CANDOR_RETURN_IF_ERROR(CheckRows(rescores, followed_up, strata, n, options.metric));

  Groups all;
  std::map<int32_t, Groups> by_stratum;
  for (size_t i = 0; i < n; ++i) {
    (followed_up[i] == 1 ? all.followed : all.others).push_back(rescores[i]);
    if (strata != nullptr) {
      Groups& g = by_stratum[strata[i]];
      (followed_up[i] == 1 ? g.followed : g.others).push_back(rescores[i]);
    }
  }
  if (all.followed.empty()) return Empty("recovery: no followed-up detractor (followed_up = 1)");
  if (all.others.empty())
    return Empty("recovery: no detractor without follow-up (followed_up = 0)");

  Recovery out;
  out.level = options.interval.level;
  Result<Comparison> overall = CompareGroups(all, options);
  if (!overall.ok()) return overall.status();
  out.overall = *overall;
  if (strata == nullptr) return out;

  out.stratified_given = true;
  StratifiedDifference& d = out.stratified;
  int64_t followed_total = 0;
  for (auto& [code, g] : by_stratum) {
    RecoveryStratum row;
    row.stratum = code;
    row.followed_up = static_cast<int64_t>(g.followed.size());
    row.not_followed_up = static_cast<int64_t>(g.others.size());
    row.compared = !g.followed.empty() && !g.others.empty();
    if (row.compared) {
      Result<Comparison> c = CompareGroups(g, options);
      if (!c.ok()) return c.status();
      row.comparison = *c;
      followed_total += row.followed_up;
      ++d.strata_compared;
      d.followed_up_compared += row.followed_up;
      d.not_followed_up_compared += row.not_followed_up;
    } else {
      row.comparison.difference = row.comparison.std_error = kNaN;
      row.comparison.ci_low = row.comparison.ci_high = kNaN;
      ++d.strata_dropped;
      d.rows_dropped += row.followed_up + row.not_followed_up;
    }
    out.strata.push_back(row);
  }
  if (d.strata_compared == 0) {
    return Empty("recovery: no stratum has both followed-up and other detractors (" +
                 std::to_string(d.strata_dropped) + " strata, each with one group only)");
  }
  double variance = 0;
  for (RecoveryStratum& row : out.strata) {
    if (!row.compared) continue;
    row.weight = static_cast<double>(row.followed_up) / static_cast<double>(followed_total);
    d.difference += row.weight * row.comparison.difference;
    variance += row.weight * row.weight * row.comparison.std_error * row.comparison.std_error;
  }
  d.std_error = std::sqrt(variance);
  const double z = internal::NormalQuantile(0.5 + options.interval.level / 2);
  d.ci_low = d.difference - z * d.std_error;
  d.ci_high = d.difference + z * d.std_error;
  // Differences of metrics bounded to [lo, hi] lie in [lo - hi, hi - lo].
  const double span = options.metric.HighestValue() - options.metric.LowestValue();
  d.ci_low = std::max(d.ci_low, -span);
  d.ci_high = std::min(d.ci_high, span);
  if (d.std_error > 0) {
    d.p_value = internal::TwoSidedPValue(d.difference / d.std_error);
  } else {
    d.p_value = d.difference == 0 ? 1 : 0;
  }
  return out;
}

}  // namespace candor
