// The names of the follow-up categories and reasons (include/candor/followup.hpp).
#include "names.hpp"

#include <candor/followup.hpp>
#include <candor/text_sentiment.hpp>

namespace candor {

const char* FollowupCategoryName(FollowupCategory category) {
  switch (category) {
    case FollowupCategory::kFireAlarm:
      return "fire_alarm";
    case FollowupCategory::kDetractor:
      return "detractor";
    case FollowupCategory::kPassive:
      return "passive";
    case FollowupCategory::kPromoter:
      return "promoter";
  }
  return "unknown";
}

const char* FollowupReasonName(FollowupReason reason) {
  static constexpr const char* kNames[kFollowupReasonCount] = {"detractor",
                                                               "passive",
                                                               "very_low_score",
                                                               "urgency_safety",
                                                               "urgency_legal",
                                                               "urgency_churn",
                                                               "urgency_refund",
                                                               "urgency_unresolved",
                                                               "arr",
                                                               "renewal",
                                                               "health_decline",
                                                               "repeat_detractor",
                                                               "strategic_role",
                                                               "poor_health_grade"};
  const auto k = static_cast<size_t>(reason);
  return k < kFollowupReasonCount ? kNames[k] : "unknown";
}

namespace internal {

int FollowupCategoryCode(const std::string& name) {
  for (int k = 0; k < kFollowupCategoryCount; ++k) {
    if (name == FollowupCategoryName(static_cast<FollowupCategory>(k))) return k;
  }
  return -1;
}

int UrgencyCategoryCode(const std::string& name) {
  for (int k = 1; k <= text::kUrgencyCategoryCount; ++k) {
    if (name == text::UrgencyCategoryName(static_cast<text::UrgencyCategory>(k))) return k;
  }
  return -1;
}

}  // namespace internal
}  // namespace candor
