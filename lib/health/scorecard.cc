// Scorecard::Validate: the checks a scorecard needs before any data
// (include/candor/health.hpp lists them). Every message names the field.
#include <candor/health.hpp>
#include <cmath>
#include <set>
#include <string>

#include "number_text.hpp"
#include "shares.hpp"

namespace candor {
namespace {

using health_internal::Num;

std::string Field(const char* list, size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

// Names and labels reach C callers as NUL-terminated strings (and reasons
// as NUL-separated ones): a NUL inside would cut them short.
Status CheckText(const std::string& text, const std::string& field) {
  if (text.find('\0') != std::string::npos) return InvalidArgument(field + ": holds a NUL byte");
  return OkStatus();
}

Status CheckWeight(double w, const std::string& field) {
  if (!(std::isfinite(w) && w >= 0)) {
    return InvalidArgument(field + ": weight " + Num(w) + " is not a finite number >= 0");
  }
  return OkStatus();
}

Status CheckPoints(double p, const std::string& field) {
  if (!(p >= 0 && p <= 100)) {
    return InvalidArgument(field + ": points " + Num(p) + " are not in [0, 100]");
  }
  return OkStatus();
}

Status CheckTier(const HealthTier& t, const std::string& field) {
  if (std::isnan(t.low) || std::isnan(t.high)) return InvalidArgument(field + ": a bound is NaN");
  if (t.low > t.high) {
    return InvalidArgument(field + ": low " + Num(t.low) + " > high " + Num(t.high));
  }
  if (t.low == t.high && !(t.low_inclusive && t.high_inclusive)) {
    return InvalidArgument(field + ": low == high " + Num(t.low) +
                           " holds no value unless both ends are inclusive");
  }
  CANDOR_RETURN_IF_ERROR(CheckText(t.label, field + ".label"));
  return CheckPoints(t.points, field);
}

Status CheckMeasure(const HealthMeasure& m, const std::string& field) {
  if (m.name.empty()) return InvalidArgument(field + ".name: empty");
  CANDOR_RETURN_IF_ERROR(CheckText(m.name, field + ".name"));
  CANDOR_RETURN_IF_ERROR(CheckText(m.label, field + ".label"));
  CANDOR_RETURN_IF_ERROR(CheckText(m.group, field + ".group"));
  CANDOR_RETURN_IF_ERROR(CheckWeight(m.weight, field + ".weight"));
  switch (m.transform) {
    case HealthTransform::kLinear:
      if (!std::isfinite(m.zero_at) || !std::isfinite(m.full_at)) {
        return InvalidArgument(field + ": zero_at and full_at must be finite");
      }
      if (m.zero_at == m.full_at) {
        return InvalidArgument(field + ": zero_at == full_at (" + Num(m.zero_at) +
                               ") gives no scale");
      }
      return OkStatus();
    case HealthTransform::kTiers:
      if (m.tiers.empty()) return InvalidArgument(field + ".tiers: none");
      for (size_t k = 0; k < m.tiers.size(); ++k) {
        CANDOR_RETURN_IF_ERROR(CheckTier(m.tiers[k], field + Field(".tiers", k)));
      }
      return OkStatus();
    case HealthTransform::kBoolean:
      CANDOR_RETURN_IF_ERROR(CheckPoints(m.true_points, field + ".true_points"));
      return CheckPoints(m.false_points, field + ".false_points");
    case HealthTransform::kPercentile:
      return OkStatus();
    case HealthTransform::kZScore:
      if (!(std::isfinite(m.z_span) && m.z_span > 0)) {
        return InvalidArgument(field + ".z_span: " + Num(m.z_span) + " is not finite and > 0");
      }
      return OkStatus();
  }
  return InvalidArgument(field + ".transform: unknown transform " +
                         std::to_string(static_cast<int>(m.transform)));
}

}  // namespace

Status Scorecard::Validate() const {
  if (measures.empty()) return InvalidArgument("measures: a scorecard needs at least one");
  std::set<std::string> group_names;
  double group_total = 0;
  for (size_t g = 0; g < groups.size(); ++g) {
    const std::string field = Field("groups", g);
    if (groups[g].name.empty()) return InvalidArgument(field + ".name: empty");
    CANDOR_RETURN_IF_ERROR(CheckText(groups[g].name, field + ".name"));
    if (!group_names.insert(groups[g].name).second) {
      return InvalidArgument(field + ".name: \"" + groups[g].name + "\" repeated");
    }
    CANDOR_RETURN_IF_ERROR(CheckWeight(groups[g].weight, field + ".weight"));
    group_total += groups[g].weight;
  }
  if (!groups.empty() && !(group_total > 0)) {
    return InvalidArgument("groups: the group weights sum to 0");
  }
  std::set<std::string> names;
  for (size_t i = 0; i < measures.size(); ++i) {
    const HealthMeasure& m = measures[i];
    const std::string field = Field("measures", i);
    CANDOR_RETURN_IF_ERROR(CheckMeasure(m, field));
    if (!names.insert(m.name).second) {
      return InvalidArgument(field + ".name: \"" + m.name + "\" repeated");
    }
    if (m.group.empty() ? !groups.empty() : group_names.count(m.group) == 0) {
      return InvalidArgument(field + ".group: " +
                             (m.group.empty() ? std::string("empty, and the scorecard has groups")
                                              : "no group \"" + m.group + "\""));
    }
  }
  CANDOR_RETURN_IF_ERROR(health_internal::ResolveWeights(*this, nullptr, "").status());
  std::set<std::string> grade_names;
  for (size_t k = 0; k < grades.size(); ++k) {
    const std::string field = Field("grades", k);
    if (grades[k].name.empty()) return InvalidArgument(field + ".name: empty");
    CANDOR_RETURN_IF_ERROR(CheckText(grades[k].name, field + ".name"));
    if (!grade_names.insert(grades[k].name).second) {
      return InvalidArgument(field + ".name: \"" + grades[k].name + "\" repeated");
    }
    if (std::isnan(grades[k].min_score)) return InvalidArgument(field + ".min_score: NaN");
    if (k > 0 && !(grades[k].min_score < grades[k - 1].min_score)) {
      return InvalidArgument(field + ".min_score: " + Num(grades[k].min_score) +
                             " is not below the grade before (" + Num(grades[k - 1].min_score) +
                             "): list grades best first");
    }
  }
  if (reasons < 0 || reasons > 16) {
    return InvalidArgument("reasons: " + std::to_string(reasons) + " is not in 0..16");
  }
  if (missing != HealthMissing::kRenormalize && missing != HealthMissing::kZero &&
      missing != HealthMissing::kGroupMean) {
    return InvalidArgument("missing: unknown policy " + std::to_string(static_cast<int>(missing)));
  }
  if (combine != HealthCombine::kWeightedMean && combine != HealthCombine::kWorstOf) {
    return InvalidArgument("combine: unknown rule " + std::to_string(static_cast<int>(combine)));
  }
  std::set<std::string> segments;
  for (size_t p = 0; p < profiles.size(); ++p) {
    const HealthProfile& profile = profiles[p];
    const std::string field = Field("profiles", p);
    CANDOR_RETURN_IF_ERROR(CheckText(profile.segment, field + ".segment"));
    if (!segments.insert(profile.segment).second) {
      return InvalidArgument(field + ".segment: \"" + profile.segment + "\" repeated");
    }
    if (!profile.measure_weights.empty() && profile.measure_weights.size() != measures.size()) {
      return InvalidArgument(field +
                             ".measure_weights: " + std::to_string(profile.measure_weights.size()) +
                             " weights for " + std::to_string(measures.size()) + " measures");
    }
    if (!profile.group_weights.empty() &&
        profile.group_weights.size() != (groups.empty() ? 1 : groups.size())) {
      return InvalidArgument(
          field + ".group_weights: " + std::to_string(profile.group_weights.size()) +
          " weights for " + std::to_string(groups.empty() ? 1 : groups.size()) + " groups");
    }
    for (size_t i = 0; i < profile.measure_weights.size(); ++i) {
      const double w = profile.measure_weights[i];
      if (!std::isnan(w))
        CANDOR_RETURN_IF_ERROR(CheckWeight(w, field + Field(".measure_weights", i)));
    }
    for (size_t g = 0; g < profile.group_weights.size(); ++g) {
      const double w = profile.group_weights[g];
      if (!std::isnan(w))
        CANDOR_RETURN_IF_ERROR(CheckWeight(w, field + Field(".group_weights", g)));
    }
    CANDOR_RETURN_IF_ERROR(health_internal::ResolveWeights(*this, &profile, field).status());
  }
  return OkStatus();
}

}  // namespace candor
