// The phrase lists of the intent rules. Written for this project from
// customer-feedback wording; measured on tests/data/intents/ (README.md).
#include "rules.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace candor::intents::internal {
namespace {

struct PhraseList {
  Cue cue;
  std::vector<std::string_view> phrases;
};

const std::vector<PhraseList>& Lists() {
  static const auto* lists = new std::vector<PhraseList>{
      {Cue::kProblem,
       {"slow*",
        "bug",
        "bugs",
        "buggy",
        "crash*",
        "broke",
        "broken",
        "break*",
        "fail*",
        "error*",
        "outage*",
        "downtime",
        "down for",
        "were down",
        "was down",
        "is down",
        "expensive",
        "overpriced",
        "pricey",
        "confusing",
        "confused",
        "useless",
        "terrible",
        "awful",
        "horrible",
        "worst",
        "worse",
        "hate",
        "disappointing",
        "disappointed",
        "rude",
        "unfriendly",
        "late",
        "lost",
        "missing",
        "nobody",
        "no one",
        "never",
        "wrong",
        "damaged",
        "poor",
        "bad",
        "garbage",
        "cluttered",
        "unusable",
        "spam*",
        "hidden fees",
        "charged twice",
        "charged us twice",
        "waited",
        "waiting",
        "on hold",
        "ignore*",
        "abandoned",
        "glitch*",
        "mistakes",
        "duplicat*",
        "downhill",
        "drains",
        "struggle",
        "hard to",
        "too many",
        "too much",
        "too low",
        "too short",
        "too small",
        "too generic",
        "not worth",
        "not acceptable",
        "unacceptable",
        "times out",
        "timeout*",
        "leaked",
        "violation",
        "delayed",
        "wiped",
        "mangled",
        "outdated",
        "out of date",
        "annoying",
        "frustrat*",
        "doesn't work",
        "don't work",
        "not work*",
        "isn't working",
        "does not do",
        "doesn't do",
        "can't find",
        "can't be",
        "cannot",
        "not as described",
        "doesn't understand",
        "don't exist",
        "doesn't match",
        "don't match",
        "don't add up",
        "which doesn't",
        "went up",
        "going up",
        "doubled",
        "higher",
        "hurts",
        "took longer",
        "longer than promised",
        "takes forever",
        "took forever",
        "take a day",
        "takes * days",
        "took * weeks",
        "took a month",
        "took * months",
        "vague",
        "issue*",
        "problem*",
        "complain*",
        "meh",
        "unhappy",
        "annoyed",
        "no status",
        "no communication",
        "zero communication",
        "no support",
        "no answer",
        "no reason",
        "logs me out",
        "without solving",
        "without fixing",
        "without notice",
        "without any warning",
        "transferring me",
        "unanswered",
        "unreliable",
        "unstable",
        "freez*",
        "laggy",
        "inaccurate",
        "0/10",
        "below average",
        "stuck",
        "not fixed"}},
      {Cue::kPraise,
       {"great",
        "love",
        "loved",
        "loves",
        "lovely",
        "excellent",
        "amazing",
        "fantastic",
        "awesome",
        "superb",
        "flawless",
        "brilliant",
        "wonderful",
        "incredible",
        "impressive",
        "impressed",
        "perfect",
        "outstanding",
        "best",
        "happy",
        "satisfied",
        "pleased",
        "glad",
        "thank*",
        "kudos",
        "appreciate*",
        "recommend*",
        "helpful",
        "friendly",
        "kind",
        "competent",
        "responsive",
        "reliable",
        "intuitive",
        "smooth",
        "easy",
        "fast",
        "quickly",
        "solid",
        "stable",
        "beautiful",
        "clean",
        "simple",
        "effective",
        "joy",
        "fair",
        "good",
        "nice",
        "spot on",
        "above and beyond",
        "just works",
        "works well",
        "works great",
        "does the job",
        "does exactly",
        "saves",
        "saved",
        "10/10",
        "sehr gut",
        "tr\xC3\xA8s bien",
        "no complaints",
        "keep it up",
        "handy",
        "honest",
        "transparent",
        "well documented",
        "well organised",
        "listens",
        "useful",
        "valuable",
        "faster than"}},
      {Cue::kRequest,
       {"please add",  "please support",  "please let",   "please give", "please make",
        "please fix",  "please consider", "please offer", "please vet",  "please roll",
        "please test", "please improve",  "please",       "would be",    "would love",
        "would like",  "i'd love",        "i'd like",     "would help",  "it would help",
        "would make",  "would save",      "would score",  "i wish",      "wish",
        "should",      "consider",        "support for",  "still no",    "still missing",
        "still miss",  "we miss",         "just missing", "missing a",   "feature request*",
        "give us",     "let us",          "let me",       "let users",   "allow us",
        "bring back",  "focus on",        "instead of",   "option for",  "option to"}},
      {Cue::kImperative,
       {"add", "make", "let", "offer", "publish", "start", "focus", "explain", "alert", "allow",
        "include", "provide", "improve", "bring", "fix", "give"}},
      {Cue::kQuestion, {"how do i", "how can i", "how to", "is there a way", "is there any way"}},
      {Cue::kContact, {"call me",           "call us",
                       "call me back",      "contact me",
                       "reach out",         "get back to me",
                       "get back to us",    "reach me",
                       "email me",          "help us",
                       "help me",           "need help",
                       "please help",       "someone help",
                       "someone else help", "who is our contact",
                       "need a call",       "need an explanation",
                       "reopen*",           "please answer",
                       "answer urgently"}},
      {Cue::kChurn, {"will cancel",    "we cancel",          "cancel my",
                     "cancel our",     "cancelling our",     "considering cancel*",
                     "want to cancel", "going to cancel",    "cancel the contract",
                     "not renew",      "won't renew",        "switch* to a competitor",
                     "switch vendors", "switching vendors",  "moving to a competitor",
                     "alternatives",   "find a replacement", "reviewing the contract",
                     "will leave",     "we will leave",      "churn*",
                     "cancelling"}},
      {Cue::kRefund,
       {"want a refund", "a refund", "refund me", "money back", "chargeback",
        "disputing the charge", "service credits", "want to return", "return it",
        "partial refund"}},
      {Cue::kLegal,
       {"lawyer*", "legal", "lawsuit", "sue", "gdpr", "breach", "leaked", "accessed my account",
        "delete my data", "delete my account", "hacked", "fraud"}},
      {Cue::kDataLoss,
       {"lost all", "lost data", "lost our", "lost half", "loses data", "lose data", "data loss",
        "lost my", "have lost"}},
      {Cue::kUnresolved,
       {"still waiting", "still have no answer", "nobody followed up", "no one got back",
        "nobody took over", "been waiting"}},
      {Cue::kUrgent,
       {"urgent*", "asap", "right now", "immediately", "today", "tomorrow", "this week", "stuck",
        "blocked"}},
  };
  return *lists;
}

std::string_view Key(std::string_view word) { return word.substr(0, 3); }

struct Index {
  std::vector<Phrase> phrases;
  std::unordered_map<std::string, std::vector<uint32_t>> by_key;
  std::vector<uint32_t> any_first_word;  // phrases starting with "*" (none today)
};

const Index& TheIndex() {
  static const Index* index = [] {
    auto* built = new Index;
    for (const PhraseList& list : Lists()) {
      for (std::string_view text : list.phrases) {
        Phrase phrase{{}, list.cue};
        size_t at = 0;
        while (at < text.size()) {
          size_t space = text.find(' ', at);
          if (space == std::string_view::npos) space = text.size();
          phrase.words.emplace_back(text.substr(at, space - at));
          at = space + 1;
        }
        const uint32_t id = static_cast<uint32_t>(built->phrases.size());
        const std::string& first = phrase.words[0];
        if (first == "*") {
          built->any_first_word.push_back(id);
        } else {
          std::string stem = first.back() == '*' ? first.substr(0, first.size() - 1) : first;
          built->by_key[std::string(Key(stem))].push_back(id);
        }
        built->phrases.push_back(std::move(phrase));
      }
    }
    return built;
  }();
  return *index;
}

}  // namespace

const char* CueName(Cue cue) {
  switch (cue) {
    case Cue::kProblem:
      return "problem";
    case Cue::kPraise:
      return "praise word";
    case Cue::kRequest:
      return "request";
    case Cue::kImperative:
      return "imperative";
    case Cue::kQuestion:
      return "question opener";
    case Cue::kContact:
      return "contact request";
    case Cue::kChurn:
      return "churn threat";
    case Cue::kRefund:
      return "refund";
    case Cue::kLegal:
      return "legal or security";
    case Cue::kDataLoss:
      return "data loss";
    case Cue::kUnresolved:
      return "unresolved";
    case Cue::kUrgent:
      return "urgency";
  }
  return "rule";
}

const std::vector<Phrase>& Phrases() { return TheIndex().phrases; }

const std::vector<uint32_t>& PhrasesStartingLike(std::string_view word) {
  static const std::vector<uint32_t> kNone;
  const Index& index = TheIndex();
  auto it = index.by_key.find(std::string(Key(word)));
  return it == index.by_key.end() ? kNone : it->second;
}

bool WordMatches(std::string_view pattern, std::string_view word) {
  if (pattern == "*") return true;
  if (!pattern.empty() && pattern.back() == '*') {
    pattern.remove_suffix(1);
    return word.substr(0, pattern.size()) == pattern;
  }
  return pattern == word;
}

bool IsNegation(std::string_view word) {
  static constexpr std::string_view kNegations[] = {
      "no",     "not",   "never",   "without", "few",   "zero",  "hardly",  "isn't", "aren't",
      "wasn't", "don't", "doesn't", "didn't",  "can't", "won't", "nothing", "barely"};
  for (std::string_view negation : kNegations) {
    if (word == negation) return true;
  }
  return false;
}

}  // namespace candor::intents::internal
