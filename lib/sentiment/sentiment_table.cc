// The term table: one hash lookup per token finds a word's valence, rule
// role, emotion and whether phrases start with it.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon_fold.hpp"
#include "lexicon_impl.hpp"
#include "sentiment_rules.hpp"

namespace candor::text::internal {
namespace {

size_t WordCount(std::string_view key) {
  return static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

std::string_view FirstWord(std::string_view key) { return key.substr(0, key.find(' ')); }

}  // namespace

TermTable BuildTermTable(const Lexicon::Impl& lexicon) {
  TermTable table;
  // Rule, emotion and trigger words and phrase prefixes add about a third.
  const size_t expected = lexicon.valence.size() + lexicon.valence.size() / 2 + 1024;
  table.keys.Reserve(expected);
  table.infos.reserve(expected);
  // The entry of `key`, added if new (references last until the next add).
  auto terms = [&table](std::string_view key) -> TermInfo& {
    bool added = false;
    const uint32_t id = table.keys.Insert(key, &added);
    if (added) table.infos.emplace_back();
    return table.infos[id];
  };
  for (const auto& [term, valence] : lexicon.valence) {
    TermInfo& info = terms(term);
    info.valence = valence;
    info.has_valence = true;
    info.is_term = true;
  }
  for (const RuleWord& rule : RuleWords()) {
    for (const std::string& key : ExpandPattern(rule.pattern)) {
      TermInfo& info = terms(key);
      info.is_term = true;
      switch (rule.kind) {
        case RuleKind::kNegator: info.negator = true; break;
        case RuleKind::kModifier:
          info.is_modifier = true;
          info.modifier = rule.value;
          break;
        case RuleKind::kContrast: info.contrast = true; break;
        case RuleKind::kConcession: info.concession = true; break;
      }
    }
  }
  for (const EmotionWord& word : EmotionWords()) {
    for (const std::string& key : ExpandPattern(word.pattern)) {
      TermInfo& info = terms(key);
      info.is_term = true;
      info.emotion = static_cast<int8_t>(word.emotion);
      info.emotion_weight = word.weight;
    }
  }
  // A phrase with no valence of its own inherits the sum of its words'.
  for (uint32_t id = 0; id < table.infos.size(); ++id) {
    const std::string_view key = table.keys.key(id);
    TermInfo& info = table.infos[id];
    if (info.has_valence || WordCount(key) < 2) continue;
    if (info.negator || info.is_modifier || info.contrast || info.concession) continue;
    double sum = 0;
    bool any = false;
    size_t a = 0;
    while (a <= key.size()) {
      size_t b = key.find(' ', a);
      if (b == std::string::npos) b = key.size();
      const std::string_view word = key.substr(a, b - a);
      auto it = lexicon.valence.find(absl::string_view(word.data(), word.size()));
      if (it != lexicon.valence.end()) {
        sum += it->second;
        any = true;
      }
      a = b + 1;
    }
    if (any) {
      info.has_valence = true;
      info.valence = std::clamp(sum, -4.0, 4.0);
    }
  }
  // Phrase starts: the first word of every multiword key learns the longest.
  std::vector<std::pair<std::string, size_t>> starts;
  for (uint32_t id = 0; id < table.infos.size(); ++id) {
    const std::string_view key = table.keys.key(id);
    const size_t words = WordCount(key);
    if (words > 1) starts.emplace_back(std::string(FirstWord(key)), words);
  }
  for (const auto& [first, words] : starts) {
    TermInfo& info = terms(first);
    info.phrase_words = static_cast<uint8_t>(std::max<size_t>(info.phrase_words, words));
  }
  table.triggers = UrgencyTriggers();
  for (size_t t = 0; t < table.triggers.size(); ++t) {
    for (const std::string& key : ExpandPattern(table.triggers[t].pattern)) {
      // Urgency keys live in their own entries, prefixed by '\x01' so a
      // trigger never changes what the same words mean for sentiment.
      TermInfo& trigger = terms("\x01" + key);
      if (trigger.urgency < 0) trigger.urgency = static_cast<int16_t>(t);
      TermInfo& first = terms(FirstWord(key));
      first.urgency_words =
          static_cast<uint8_t>(std::max<size_t>(first.urgency_words, WordCount(key)));
    }
  }
  // Every proper prefix of a multiword key is an entry that `continues`, so
  // that matching extends a phrase word by word and stops at the first
  // prefix no key starts with (sentiment_analyzer.cc). A trigger's one-word
  // prefix ("\x01word") is one too; a phrase's first word already exists.
  std::vector<std::string> prefixes;
  for (uint32_t id = 0; id < table.infos.size(); ++id) {
    const std::string_view key = table.keys.key(id);
    const bool trigger = !key.empty() && key[0] == '\x01';
    for (size_t space = key.find(' '); space != std::string::npos;
         space = key.find(' ', space + 1)) {
      if (trigger || space != key.find(' ')) prefixes.emplace_back(key.substr(0, space));
    }
  }
  for (const std::string& prefix : prefixes) terms(prefix).continues = true;
  return table;
}

}  // namespace candor::text::internal
