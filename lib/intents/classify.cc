// ClassifyIntents: phrase matches per sentence, then the intents and their
// reasons (the rules are listed in intents.hpp).
#include <candor/enum_names.hpp>
#include <candor/intents.hpp>
#include <candor/utf8.hpp>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "rules.hpp"
#include "words.hpp"

namespace candor::intents {
namespace {

using internal::Cue;

struct Match {
  Cue cue;
  uint32_t first = 0;  // word indices
  uint32_t end = 0;
  bool bare_please = false;
};

// A negation in the 3 words before `first`, in the same sentence ("a few"
// is no negation: "a few annoying bugs").
bool Negated(const internal::Words& words, uint32_t first) {
  const uint32_t sentence = words.words[first].sentence;
  const uint32_t from = first >= 3 ? first - 3 : 0;
  for (uint32_t k = from; k < first; ++k) {
    const internal::Word& word = words.words[k];
    if (word.sentence != sentence || !internal::IsNegation(word.text)) continue;
    if (word.text == "few" && k > 0 && words.words[k - 1].text == "a") continue;
    return true;
  }
  return false;
}

void FindMatches(const internal::Words& words, std::vector<Match>* matches) {
  const std::vector<internal::Phrase>& phrases = internal::Phrases();
  const uint32_t count = static_cast<uint32_t>(words.words.size());
  for (uint32_t i = 0; i < count; ++i) {
    for (uint32_t id : internal::PhrasesStartingLike(words.words[i].text)) {
      const internal::Phrase& phrase = phrases[id];
      const uint32_t length = static_cast<uint32_t>(phrase.words.size());
      if (i + length > count) continue;
      bool matched = true;
      for (uint32_t k = 0; k < length && matched; ++k) {
        const internal::Word& word = words.words[i + k];
        matched = word.sentence == words.words[i].sentence &&
                  internal::WordMatches(phrase.words[k], word.text);
      }
      if (matched) {
        const bool bare_please =
            phrase.cue == Cue::kRequest && length == 1 && phrase.words[0] == "please";
        matches->push_back({phrase.cue, i, i + length, bare_please});
      }
    }
  }
}

bool StartsSentence(const internal::Words& words, uint32_t first) {
  return words.sentences[words.words[first].sentence].first_word == first;
}

// "Could you add X?" asks for a change, not for an answer.
bool IsRequestQuestion(const internal::Words& words, const internal::Sentence& sentence) {
  if (sentence.end_word - sentence.first_word < 3) return false;
  const std::string& modal = words.words[sentence.first_word].text;
  const std::string& you = words.words[sentence.first_word + 1].text;
  const std::string& verb = words.words[sentence.first_word + 2].text;
  if (modal != "could" && modal != "can" && modal != "would" && modal != "will") return false;
  if (you != "you") return false;
  for (std::string_view change : {"add", "make", "support", "include", "offer", "allow", "provide",
                                  "let", "bring", "improve"}) {
    if (verb == change) return true;
  }
  return false;
}

}  // namespace

// The library's one table of enum names (candor/enum_names.hpp).
const char* IntentName(Intent intent) {
  const char* name = EnumName(CANDOR_ENUM_INTENT, intent);
  return name != nullptr ? name : "unknown";
}

Result<CommentIntents> ClassifyIntents(std::string_view comment) {
  if (comment.size() >= std::numeric_limits<uint32_t>::max()) {
    return InvalidArgument("ClassifyIntents: a comment of 4 GiB or more");
  }
  if (auto bad = FindInvalidUtf8(comment)) {
    return InvalidUtf8("ClassifyIntents: invalid UTF-8 at byte " + std::to_string(*bad) +
                       " of the comment");
  }
  thread_local internal::Words words;
  thread_local std::vector<Match> matches;
  internal::SplitWords(comment, &words);
  matches.clear();
  FindMatches(words, &matches);

  CommentIntents result;
  const internal::Words& w = words;
  auto add = [&](Intent intent, std::string rule, uint32_t first, uint32_t end) {
    const uint32_t bit = IntentBit(intent);
    if (result.intents & bit) return;
    result.intents |= bit;
    result.reasons.push_back({intent, std::move(rule), w.words[first].begin, w.words[end - 1].end});
  };

  // Sentences with a contact, legal or refund matter: "please" there asks
  // for help, not for a change.
  std::vector<uint8_t> asks_help(w.sentences.size(), 0);
  for (const Match& m : matches) {
    if (m.cue == Cue::kContact || m.cue == Cue::kLegal || m.cue == Cue::kRefund) {
      asks_help[w.words[m.first].sentence] = 1;
    }
  }
  // Where each sentence's request starts: praise after it is conditional.
  constexpr uint32_t kNoRequest = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> request_start(w.sentences.size(), kNoRequest);
  for (const Match& m : matches) {
    const uint32_t s = w.words[m.first].sentence;
    const bool request = (m.cue == Cue::kRequest && !(m.bare_please && asks_help[s])) ||
                         (m.cue == Cue::kImperative && StartsSentence(w, m.first));
    if (!request) continue;
    if (m.first < request_start[s]) request_start[s] = m.first;
    add(Intent::kSuggestion, internal::CueName(m.cue), m.first, m.end);
  }
  bool urgent = false;
  uint32_t urgent_first = 0, urgent_end = 0;
  for (const Match& m : matches) {
    const uint32_t s = w.words[m.first].sentence;
    switch (m.cue) {
      case Cue::kProblem:
        if (!Negated(w, m.first)) add(Intent::kComplaint, "problem", m.first, m.end);
        break;
      case Cue::kPraise:
        if (m.first >= request_start[s]) break;  // "would be great"
        if (Negated(w, m.first)) {
          add(Intent::kComplaint, "negated praise", m.first, m.end);
        } else {
          add(Intent::kPraise, "praise", m.first, m.end);
        }
        break;
      case Cue::kQuestion:
        if (StartsSentence(w, m.first)) add(Intent::kQuestion, "question opener", m.first, m.end);
        break;
      case Cue::kContact:
      case Cue::kLegal:
        add(Intent::kNeedsResponse, internal::CueName(m.cue), m.first, m.end);
        break;
      case Cue::kChurn:
      case Cue::kRefund:
      case Cue::kDataLoss:
      case Cue::kUnresolved:
        add(Intent::kComplaint, internal::CueName(m.cue), m.first, m.end);
        add(Intent::kNeedsResponse, internal::CueName(m.cue), m.first, m.end);
        break;
      case Cue::kUrgent:
        if (!urgent) {
          urgent = true;
          urgent_first = m.first;
          urgent_end = m.end;
        }
        break;
      case Cue::kRequest:
      case Cue::kImperative:
        break;
    }
  }
  for (const internal::Sentence& sentence : w.sentences) {
    if (sentence.terminator != '?') continue;
    if (IsRequestQuestion(w, sentence)) {
      add(Intent::kSuggestion, "request question", sentence.first_word, sentence.end_word);
    } else {
      add(Intent::kQuestion, "question mark", sentence.first_word, sentence.end_word);
    }
  }
  if (result.intents & IntentBit(Intent::kQuestion)) {
    for (const IntentReason& reason : result.reasons) {
      if (reason.intent != Intent::kQuestion) continue;
      if (!(result.intents & IntentBit(Intent::kNeedsResponse))) {
        result.intents |= IntentBit(Intent::kNeedsResponse);
        result.reasons.push_back(
            {Intent::kNeedsResponse, "direct question", reason.begin, reason.end});
      }
      break;
    }
  }
  if (urgent && (result.intents & IntentBit(Intent::kComplaint))) {
    add(Intent::kNeedsResponse, "complaint with urgency", urgent_first, urgent_end);
  }
  // Reasons in Intent order.
  std::vector<IntentReason> ordered;
  ordered.reserve(result.reasons.size());
  for (int k = 0; k < kIntentCount; ++k) {
    for (IntentReason& reason : result.reasons) {
      if (static_cast<int>(reason.intent) == k) ordered.push_back(std::move(reason));
    }
  }
  result.reasons.swap(ordered);
  return result;
}

std::string FormatIntentReasons(std::string_view comment, const CommentIntents& intents) {
  std::string line;
  for (const IntentReason& reason : intents.reasons) {
    if (!line.empty()) line += "; ";
    line += IntentName(reason.intent);
    line += ": ";
    line += reason.rule;
    line += " '";
    line.append(comment.substr(reason.begin, reason.end - reason.begin));
    line += "'";
  }
  return line;
}

Result<IntentsBatch> ClassifyIntentsBatch(const std::vector<std::string_view>& comments) {
  IntentsBatch batch;
  batch.intents.reserve(comments.size());
  batch.reasons.reserve(comments.size());
  for (size_t i = 0; i < comments.size(); ++i) {
    auto one = ClassifyIntents(comments[i]);
    if (!one.ok()) {
      return Status(one.status().code(),
                    "comment " + std::to_string(i) + ": " + one.status().message());
    }
    batch.intents.push_back(one->intents);
    batch.reasons.push_back(FormatIntentReasons(comments[i], *one));
  }
  return batch;
}

}  // namespace candor::intents
