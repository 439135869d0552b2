// candor/intents.hpp — what a comment wants: complaint, suggestion (a
// feature request included), question, praise, and the derived flag
// needs_response. Multi-label: "Love it, but please add dark mode" is both
// praise and a suggestion; a comment may also have none ("No comment.").
//
// Rules, each with the reason it gives (rule name and the words that fired):
//  - complaint: problem words and phrases ("crash", "too expensive",
//    "nobody answers", "charged twice", ...), and praise words negated
//    ("not worth", "not great"). A problem word after a negation in the 3
//    words before it ("no downtime", "very few bugs", "without issues")
//    does not count.
//  - suggestion: request phrases ("please add", "would be great", "I wish",
//    "should", "support for", "still no", "we miss", ...) and a sentence that
//    starts with an imperative verb ("Add ...", "Let us ...", "Offer ...").
//    Praise words inside a request ("would be great") are not praise.
//  - question: a sentence that ends with '?' or starts with a question
//    opener ("how do I", "is there", "can you", ...); "Could you add X?" is
//    a suggestion, not a question.
//  - praise: praise words and phrases ("great", "love", "thank", "rock
//    solid", "10/10", ...), not negated and not inside a request.
//  - needs_response: a question; or a request for contact ("call me",
//    "get back to me", "please help"); or a complaint with urgency: a threat
//    to cancel or leave, a refund or chargeback, a legal or security matter
//    (lawyer, GDPR, breach), lost data, or a deadline ("urgent", "right
//    now", "today"), or a case left unresolved ("still waiting", "nobody
//    followed up").
// The phrase lists are in lib/intents/rules.cc. English only; words are
// compared in ASCII lower case (other bytes as they are). Measured
// precision and recall on a labelled set: lib/intents/README.md.
//
// Invalid UTF-8 is an error (CANDOR_INVALID_UTF8 naming the comment and the
// byte offset).
#ifndef CANDOR_INTENTS_HPP_
#define CANDOR_INTENTS_HPP_

#include <candor/status.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace candor::intents {

enum class Intent : uint8_t {
  kComplaint = 0,
  kSuggestion = 1,
  kQuestion = 2,
  kPraise = 3,
  kNeedsResponse = 4,
};
inline constexpr int kIntentCount = 5;

// "complaint", "suggestion", "question", "praise", "needs_response".
const char* IntentName(Intent intent);
inline constexpr uint32_t IntentBit(Intent intent) { return 1u << static_cast<uint32_t>(intent); }

struct IntentReason {
  Intent intent = Intent::kComplaint;
  std::string rule;    // e.g. "problem", "negated praise", "question mark", "churn threat"
  uint32_t begin = 0;  // byte offsets in the comment of the words that fired
  uint32_t end = 0;
};

struct CommentIntents {
  uint32_t intents = 0;               // IntentBit flags
  std::vector<IntentReason> reasons;  // the first reason of each intent, in Intent order
};

// One comment. Errors: InvalidUtf8 (with the byte offset).
Result<CommentIntents> ClassifyIntents(std::string_view comment);

// A batch: per comment the flags and one line of reasons,
// "complaint: problem 'crashed'; needs_response: data loss 'lost all'".
struct IntentsBatch {
  std::vector<uint32_t> intents;
  std::vector<std::string> reasons;
};
// Errors: InvalidUtf8 naming the first bad comment (index) and byte offset.
Result<IntentsBatch> ClassifyIntentsBatch(const std::vector<std::string_view>& comments);

// "complaint: problem 'crashed'; ..." for one comment.
std::string FormatIntentReasons(std::string_view comment, const CommentIntents& intents);

}  // namespace candor::intents

#endif  // CANDOR_INTENTS_HPP_
