// Names of emotions and urgency categories (text_sentiment.hpp).
#include <candor/text_sentiment.hpp>

namespace candor::text {

const char* EmotionName(Emotion emotion) {
  switch (emotion) {
    case Emotion::kFrustration: return "frustration";
    case Emotion::kAnger: return "anger";
    case Emotion::kAnnoyance: return "annoyance";
    case Emotion::kDisappointment: return "disappointment";
    case Emotion::kConfusion: return "confusion";
    case Emotion::kDelight: return "delight";
    case Emotion::kGratitude: return "gratitude";
  }
  return "unknown";
}

const char* UrgencyCategoryName(UrgencyCategory category) {
  switch (category) {
    case UrgencyCategory::kNone: return "none";
    case UrgencyCategory::kSafety: return "safety";
    case UrgencyCategory::kLegal: return "legal";
    case UrgencyCategory::kChurn: return "churn";
    case UrgencyCategory::kRefund: return "refund";
    case UrgencyCategory::kUnresolved: return "unresolved";
  }
  return "unknown";
}

}  // namespace candor::text
