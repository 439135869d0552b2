// The built-in rule words (negators, modifiers, contrast), the emotion
// lexicon and the urgency triggers, as patterns (lexicon_fold.hpp's
// ExpandPattern), and the term table the analyzer looks tokens up in.
#ifndef CANDOR_SENTIMENT_SENTIMENT_RULES_HPP_
#define CANDOR_SENTIMENT_SENTIMENT_RULES_HPP_

#include <candor/text_sentiment.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/string_index.hpp"

namespace candor::text::internal {

enum class RuleKind : uint8_t {
  kNegator,     // opens a negation scope
  kModifier,    // intensifier (value > 0) or downtoner (value < 0)
  kContrast,    // "but": weights the clause before and after
  kConcession,  // "although": its own clause is the weaker one
};

struct RuleWord {
  const char* pattern;
  RuleKind kind;
  double value;  // the modifier's scale b (m = 1 + b); unused otherwise
};
struct EmotionWord {
  const char* pattern;
  Emotion emotion;
  double weight;  // evidence per mention, in (0, 1]
};
struct UrgencyTrigger {
  const char* pattern;
  UrgencyCategory category;
  const char* reason;  // "mentions cancelling"; the quoted text is appended
  // Fires even after a negator: "didn't get a refund", "never got my money
  // back" are the complaint itself, where "won't cancel" is not.
  bool fires_when_negated = false;
};

std::vector<RuleWord> RuleWords();
std::vector<EmotionWord> EmotionWords();
std::vector<UrgencyTrigger> UrgencyTriggers();

// What one folded term (a word or a phrase "w1 w2 ...") means.
struct TermInfo {
  double valence = 0;
  double modifier = 0;         // b of a modifier
  double emotion_weight = 0;
  int8_t emotion = -1;         // Emotion, or -1
  bool has_valence = false;
  bool negator = false;
  bool contrast = false;
  bool concession = false;
  bool is_modifier = false;
  uint8_t phrase_words = 1;    // longest sentiment phrase starting with this word
  uint8_t urgency_words = 0;   // longest urgency trigger starting here (0: none)
  bool is_term = false;        // this key itself carries sentiment/rule/emotion meaning
  bool continues = false;      // a longer multiword key (or trigger) starts with this key
  int16_t urgency = -1;        // index into TermTable::triggers when this key is a trigger
};

struct TermTable {
  candor::internal::StringIndex keys;  // key -> index into infos
  std::vector<TermInfo> infos;
  std::vector<UrgencyTrigger> triggers;

  // What `key` means, or null.
  const TermInfo* Find(std::string_view key) const {
    const uint32_t id = keys.Find(key);
    return id == candor::internal::StringIndex::kNotFound ? nullptr : &infos[id];
  }
};

// Merges the lexicon with the rule words, emotion words and urgency
// triggers. A multiword key without a lexicon valence whose words have one
// gets the sum of its words' valences (so an emotion phrase like "fed up"
// never hides its words' sentiment).
TermTable BuildTermTable(const Lexicon::Impl& lexicon);

}  // namespace candor::text::internal

#endif  // CANDOR_SENTIMENT_SENTIMENT_RULES_HPP_
