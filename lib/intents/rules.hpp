// The phrase rules of ClassifyIntents (intents.hpp), and their lookup.
#ifndef CANDOR_LIB_INTENTS_RULES_HPP_
#define CANDOR_LIB_INTENTS_RULES_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace candor::intents::internal {

// What a phrase says when it matches.
enum class Cue : uint8_t {
  kProblem,     // complaint, unless negated
  kPraise,      // praise, unless negated (then a complaint) or inside a request
  kRequest,     // suggestion; praise after it in its sentence is conditional
  kImperative,  // suggestion when the sentence starts with it
  kQuestion,    // question when the sentence starts with it
  kContact,     // needs_response
  kChurn,       // complaint + needs_response
  kRefund,      // complaint + needs_response
  kLegal,       // needs_response
  kDataLoss,    // complaint + needs_response
  kUnresolved,  // complaint + needs_response
  kUrgent,      // needs_response when the comment is a complaint
};

// The name a reason gives for a cue ("problem", "churn threat", ...).
const char* CueName(Cue cue);

struct Phrase {
  std::vector<std::string> words;  // lower case; "x*" is a prefix, "*" any one word
  Cue cue;
};

// Every phrase, and for a word the indices of the phrases whose first word
// may match it (by the first three bytes of the word).
const std::vector<Phrase>& Phrases();
const std::vector<uint32_t>& PhrasesStartingLike(std::string_view word);

// Whether a pattern word ("crash*", "*", "bug") matches a word.
bool WordMatches(std::string_view pattern, std::string_view word);

// Negations that cancel a problem or praise word in the 3 words after them.
bool IsNegation(std::string_view word);

}  // namespace candor::intents::internal

#endif  // CANDOR_LIB_INTENTS_RULES_HPP_
