// FollowupRules::Validate: the checks the queue relies on, each error naming
// the field as rules.json does (docs/followup-rules.md).
#include <candor/followup.hpp>
#include <cmath>
#include <string>

namespace candor {

using text::kUrgencyCategoryCount;
using text::UrgencyCategory;
using text::UrgencyCategoryName;
namespace {

Status NonNegative(double value, const std::string& name) {
  if (!(std::isfinite(value) && value >= 0)) {
    return InvalidArgument(name + ": " + std::to_string(value) + " is not a finite number >= 0");
  }
  return OkStatus();
}

Status Finite(double value, const std::string& name) {
  if (!std::isfinite(value)) return InvalidArgument(name + ": not a finite number");
  return OkStatus();
}

bool KnownName(const std::string& name, int first, int count, bool urgency) {
  for (int k = first; k < first + count; ++k) {
    const char* known = urgency ? UrgencyCategoryName(static_cast<UrgencyCategory>(k))
                                : FollowupCategoryName(static_cast<FollowupCategory>(k));
    if (name == known) return true;
  }
  return false;
}

}  // namespace

Status FollowupRules::Validate() const {
  CANDOR_RETURN_IF_ERROR(NonNegative(dedup_days, "dedup_days"));
  CANDOR_RETURN_IF_ERROR(NonNegative(suppress_days, "suppress_days"));
  const FollowupPoints& p = points;
  CANDOR_RETURN_IF_ERROR(Finite(p.detractor, "points.detractor"));
  CANDOR_RETURN_IF_ERROR(Finite(p.passive, "points.passive"));
  CANDOR_RETURN_IF_ERROR(Finite(p.very_low_score, "points.very_low_score"));
  CANDOR_RETURN_IF_ERROR(Finite(p.very_low_max, "points.very_low_max"));
  for (int k = 0; k < kUrgencyCategoryCount; ++k) {
    CANDOR_RETURN_IF_ERROR(Finite(
        p.urgency[k],
        std::string("points.urgency.") + UrgencyCategoryName(static_cast<UrgencyCategory>(k + 1))));
  }
  CANDOR_RETURN_IF_ERROR(Finite(p.arr_per_decade, "points.arr_per_decade"));
  if (!(std::isfinite(p.arr_floor) && p.arr_floor > 0)) {
    return InvalidArgument("points.arr_floor: not a finite number > 0");
  }
  CANDOR_RETURN_IF_ERROR(Finite(p.arr_max, "points.arr_max"));
  CANDOR_RETURN_IF_ERROR(Finite(p.renewal, "points.renewal"));
  CANDOR_RETURN_IF_ERROR(NonNegative(p.renewal_days, "points.renewal_days"));
  CANDOR_RETURN_IF_ERROR(Finite(p.health_decline, "points.health_decline"));
  CANDOR_RETURN_IF_ERROR(Finite(p.repeat_detractor, "points.repeat_detractor"));
  CANDOR_RETURN_IF_ERROR(Finite(p.strategic_role, "points.strategic_role"));
  CANDOR_RETURN_IF_ERROR(Finite(p.poor_health_grade, "points.poor_health_grade"));
  if (fire_alarm_categories > 0x1F) {
    return InvalidArgument("fire_alarms: bits beyond the five urgency categories");
  }
  for (int k = 0; k < kFollowupCategoryCount; ++k) {
    CANDOR_RETURN_IF_ERROR(NonNegative(
        due_hours[k], std::string("playbook.") +
                          FollowupCategoryName(static_cast<FollowupCategory>(k)) + ".due_hours"));
  }
  if (threads < 0) return InvalidArgument("threads: " + std::to_string(threads) + " is negative");
  for (size_t k = 0; k < routes.size(); ++k) {
    const FollowupRoute& r = routes[k];
    const std::string path = "routing[" + std::to_string(k) + "]";
    if (!r.urgency.empty() && !KnownName(r.urgency, 1, kUrgencyCategoryCount, true)) {
      return InvalidArgument(path + ".when.urgency: \"" + r.urgency +
                             "\" is not an urgency category (safety, legal, churn, refund, "
                             "unresolved)");
    }
    if (!r.category.empty() && !KnownName(r.category, 0, kFollowupCategoryCount, false)) {
      return InvalidArgument(path + ".when.category: \"" + r.category +
                             "\" is not a category (fire_alarm, detractor, passive, promoter)");
    }
    if (r.account_owner && !r.members.empty()) {
      return InvalidArgument(path +
                             ": account_owner routes to the account's owner; members "
                             "would never be used");
    }
    if (!r.account_owner && r.members.empty()) {
      return InvalidArgument(path + ": no members (and not account_owner)");
    }
    for (size_t m = 0; m < r.members.size(); ++m) {
      if (r.members[m].empty()) {
        return InvalidArgument(path + ".members[" + std::to_string(m) + "]: empty name");
      }
    }
  }
  return OkStatus();
}

}  // namespace candor
