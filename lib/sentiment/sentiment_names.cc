// Names of emotions and urgency categories (text_sentiment.hpp): the
// library's one table of enum names (candor/enum_names.hpp).
#include <candor/enum_names.hpp>
#include <candor/text_sentiment.hpp>

namespace candor::text {

const char* EmotionName(Emotion emotion) {
  const char* name = EnumName(CANDOR_ENUM_EMOTION, emotion);
  return name != nullptr ? name : "unknown";
}

const char* UrgencyCategoryName(UrgencyCategory category) {
  const char* name = EnumName(CANDOR_ENUM_URGENCY, category);
  return name != nullptr ? name : "unknown";
}

}  // namespace candor::text
