// SentimentAnalyzer: the rules of include/candor/text_sentiment.hpp applied
// in one pass over a comment's tokens, with one hash lookup per token (more
// only where a phrase may start). No allocation per token; per comment only
// the output's vectors (reused) and an urgency reason when one fires.
#include <candor/text_sentiment.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "lexicon_fold.hpp"
#include "lexicon_impl.hpp"
#include "sentiment_rules.hpp"

namespace candor::text {

struct SentimentAnalyzer::Impl {
  SentimentOptions options;
  internal::TermTable table;
};

namespace {

using internal::TermInfo;

constexpr size_t kKeyCap = 256;

bool IsContent(const Token& t) { return t.kind != TokenKind::kPunctuation; }

// "-", "/", "'", "&" written between two words with no space ("so-so",
// "10/10", "user-friendly") joins them instead of ending a clause.
bool IsJoiner(const TokenizedText& text, size_t j, size_t end) {
  const Token& t = text.tokens[j];
  if (t.kind != TokenKind::kPunctuation || j == 0 || j + 1 >= end) return false;
  const std::string_view s = text.original(t);
  if (s != "-" && s != "/" && s != "'" && s != "&" && s != "\xE2\x80\x99") return false;
  const Token& before = text.tokens[j - 1];
  const Token& after = text.tokens[j + 1];
  return IsContent(before) && IsContent(after) && before.end == t.begin && t.end == after.begin;
}

// The next content token at or after j in [.., end), skipping joiners;
// `end` if a clause-ending punctuation comes first.
size_t NextContent(const TokenizedText& text, size_t j, size_t end) {
  while (j < end && !IsContent(text.tokens[j])) {
    if (!IsJoiner(text, j, end)) return end;
    ++j;
  }
  return j;
}

// The longest key of min_words..max_words content tokens from i (within one
// clause, joiners skipped) that `accept` takes, written after `prefix`: ""
// for sentiment phrases, "\x01" for urgency triggers. The key grows word by
// word and the search stops at the first prefix no key starts with
// (TermInfo::continues): most phrase starts cost one lookup. Null if none;
// else *last is the key's last token and *words its length.
// `first` is token i's lookup key.
template <typename Accept>
const TermInfo* LongestKey(const internal::TermTable& table, const TokenizedText& text,
                           size_t i, std::string_view first, size_t end, size_t min_words,
                           size_t max_words, std::string_view prefix, Accept accept,
                           size_t* last, size_t* words) {
  char key[kKeyCap];
  char tmp[kKeyCap];
  size_t n = prefix.size();
  std::memcpy(key, prefix.data(), n);
  const TermInfo* best = nullptr;
  for (size_t w = 1, j = i; w <= max_words; ++w) {
    if (w > 1) {
      j = NextContent(text, j + 1, end);
      if (j >= end || n + 1 > kKeyCap) break;
      key[n++] = ' ';
    }
    const std::string_view word =
        w == 1 ? first : internal::LookupKey(text.text(text.tokens[j]), tmp, kKeyCap);
    if (n + word.size() > kKeyCap) break;
    std::memcpy(key + n, word.data(), word.size());
    n += word.size();
    if (w < min_words) continue;
    const TermInfo* found = table.Find(std::string_view(key, n));
    if (found == nullptr) break;
    if (accept(*found)) {
      best = found;
      *last = j;
      *words = w;
    }
    if (!found->continues) break;
  }
  return best;
}

double Squash(double raw, double words, const SentimentOptions& o) {
  if (raw == 0) return 0;
  const double r = raw / std::pow(o.length_offset + words, o.length_exponent);
  return r / std::sqrt(r * r + o.squash_alpha);
}

struct UrgencyHit {
  int category = 0;  // 0: none; else UrgencyCategory (lower = higher priority)
  int trigger = -1;
  uint32_t begin = 0, end = 0;
};

}  // namespace

SentimentAnalyzer::SentimentAnalyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SentimentAnalyzer::~SentimentAnalyzer() = default;
const SentimentOptions& SentimentAnalyzer::options() const { return impl_->options; }

Result<std::unique_ptr<SentimentAnalyzer>> SentimentAnalyzer::Create(
    const Lexicon& lexicon, const SentimentOptions& o) {
  auto bad = [](const char* what) {
    return InvalidArgument(std::string("SentimentOptions: ") + what);
  };
  auto finite = [](double x) { return std::isfinite(x); };
  if (!finite(o.negation_positive) || o.negation_positive < -2 || o.negation_positive > 1 ||
      !finite(o.negation_negative) || o.negation_negative < -2 || o.negation_negative > 1) {
    return bad("negation factors must be in [-2, 1]");
  }
  if (o.negation_window < 0 || o.negation_window > 50) return bad("negation_window must be in [0, 50]");
  if (!finite(o.contrast_before) || !finite(o.contrast_after) || o.contrast_before < 0 ||
      o.contrast_after < 0) {
    return bad("contrast weights must be finite and >= 0");
  }
  if (!finite(o.caps_boost) || o.caps_boost < -1 || !finite(o.exclamation_boost) ||
      o.exclamation_boost < -0.3 || !finite(o.question_factor) || o.question_factor < 0) {
    return bad("caps_boost >= -1, exclamation_boost >= -0.3, question_factor >= 0 (finite)");
  }
  if (!finite(o.length_offset) || o.length_offset < 0 || !finite(o.length_exponent) ||
      o.length_exponent < 0 || o.length_exponent > 2) {
    return bad("length_offset >= 0 and length_exponent in [0, 2]");
  }
  if (!(o.length_offset > 0 || o.length_exponent == 0)) {
    return bad("length_offset must be > 0 when length_exponent > 0");
  }
  if (!finite(o.squash_alpha) || !(o.squash_alpha > 0)) return bad("squash_alpha must be > 0");
  if (!finite(o.emotion_half) || !(o.emotion_half > 0)) return bad("emotion_half must be > 0");
  auto impl = std::make_unique<Impl>();
  impl->options = o;
  impl->table = internal::BuildTermTable(*lexicon.impl_);
  return std::unique_ptr<SentimentAnalyzer>(new SentimentAnalyzer(std::move(impl)));
}

void SentimentAnalyzer::Analyze(const TokenizedText& text, CommentSentiment* out) const {
  const SentimentOptions& o = impl_->options;
  const internal::TermTable& table = impl_->table;
  out->score = 0;
  out->raw = 0;
  out->words = 0;
  out->emotions.fill(0);
  out->urgency.flag = false;
  out->urgency.category = UrgencyCategory::kNone;
  out->urgency.categories = 0;
  out->urgency.reason.clear();
  out->urgency.span_begin = out->urgency.span_end = 0;
  out->sentence_scores.assign(text.sentences.size(), 0.0);

  const size_t n_tokens = text.tokens.size();
  // ALL CAPS counts as emphasis only when the comment is not mostly capitals.
  size_t words = 0, caps = 0;
  for (const Token& t : text.tokens) {
    if (t.kind == TokenKind::kWord) {
      ++words;
      caps += t.all_caps ? 1 : 0;
    }
  }
  const bool caps_emphasis = caps * 2 < words;

  std::array<double, kEmotionCount> evidence{};
  UrgencyHit urgent;
  double total_raw = 0, total_words = 0;
  double prev_raw = 0, prev_words = 0;
  char word_buf[kKeyCap];
  // Most comments have no byte a lookup key rewrites: one check for all words.
  const bool rewrite_keys = internal::MayRewriteLookupKeys(text.folded);

  // A tokenizer always gives sentences for tokens; be safe if it did not.
  const Sentence whole{0, static_cast<uint32_t>(n_tokens), 0,
                       static_cast<uint32_t>(text.source.size())};
  const size_t n_sentences = text.sentences.empty() ? (n_tokens > 0 ? 1 : 0)
                                                    : text.sentences.size();
  for (size_t s = 0; s < n_sentences; ++s) {
    const Sentence& sentence = text.sentences.empty() ? whole : text.sentences[s];
    const size_t first = std::min<size_t>(sentence.first_token, n_tokens);
    const size_t end = std::min<size_t>(sentence.end_token, n_tokens);
    double raw = 0;
    double clause_weight = 1;
    bool conceding = false;
    int neg_left = 0;         // content words the open negation still reaches
    long last_negator = -100;  // content position of the last negator in this clause
    double pending = 1;        // modifier product waiting for a valence word
    int pending_age = 100;
    int exclamations = 0;
    bool question = false;
    long position = 0;  // content words so far in this sentence
    bool starts_with_contrast = false;

    for (size_t i = first; i < end; ++i) {
      const Token& t = text.tokens[i];
      if (!IsContent(t)) {
        if (IsJoiner(text, i, end)) continue;
        const std::string_view p = text.original(t);
        for (char c : p) {
          if (c == '!') exclamations = std::min(exclamations + 1, 3);
        }
        question = p.find('?') != std::string_view::npos ? true
                   : (p.find_first_not_of(".!\"')]}\xE2\x80\x9D") == std::string_view::npos ? question
                                                                                      : false);
        neg_left = 0;
        last_negator = -100;
        conceding = false;
        pending = 1;
        pending_age = 100;
        continue;
      }
      question = false;
      const std::string_view word = rewrite_keys
                                        ? internal::LookupKey(text.text(t), word_buf, kKeyCap)
                                        : text.text(t);
      const TermInfo* info = table.Find(word);
      size_t last = i;
      long span_words = 1;

      // Urgency triggers, longest first, unless a negator precedes closely.
      if (info != nullptr && info->urgency_words > 0) {
        size_t k_last = i, k_words = 0;
        const TermInfo* trig = LongestKey(
            table, text, i, word, end, 1, info->urgency_words, "\x01",
            [](const TermInfo& found) { return found.urgency >= 0; }, &k_last, &k_words);
        if (trig != nullptr) {
          const internal::UrgencyTrigger& trigger = table.triggers[trig->urgency];
          const int category = static_cast<int>(trigger.category);
          const bool negated = position - last_negator <= 3 && !trigger.fires_when_negated;
          if (!negated) {
            out->urgency.categories |= 1u << (category - 1);
            if (urgent.category == 0 || category < urgent.category) {
              urgent.category = category;
              urgent.trigger = trig->urgency;
              urgent.begin = t.begin;
              urgent.end = text.tokens[k_last].end;
            }
          }
        }
      }
      // Sentiment phrases, longest first; else the word itself.
      if (info != nullptr && info->phrase_words > 1) {
        size_t k_last = i, k_words = 0;
        const TermInfo* phrase = LongestKey(
            table, text, i, word, end, 2, info->phrase_words, "",
            [](const TermInfo& found) { return found.is_term; }, &k_last, &k_words);
        if (phrase != nullptr) {
          info = phrase;
          last = k_last;
          span_words = static_cast<long>(k_words);
        }
      }
      const bool negated = neg_left > 0;
      if (info != nullptr && info->is_term) {
        if (info->contrast) {
          if (position == 0) starts_with_contrast = true;
          raw *= o.contrast_before;
          clause_weight = o.contrast_after;
          neg_left = 0;
          last_negator = -100;
          conceding = false;
        }
        if (info->concession) {
          conceding = true;
          neg_left = 0;
          last_negator = -100;
        }
        double m = pending_age <= 2 ? pending : 1;
        if (info->has_valence && info->valence != 0) {
          double v = info->valence;
          if (caps_emphasis && t.all_caps) m *= 1 + o.caps_boost;
          if (negated) v *= v > 0 ? o.negation_positive : o.negation_negative;
          raw += (conceding ? o.contrast_before : clause_weight) * m * v;
        }
        if (info->emotion >= 0) {
          const double e = info->emotion_weight * m;
          if (!negated) {
            evidence[info->emotion] += e;
          } else if (info->emotion == static_cast<int>(Emotion::kDelight)) {
            evidence[static_cast<int>(Emotion::kDisappointment)] += e;  // "not happy"
          }
        }
        if (info->is_modifier) {
          pending = (pending_age <= 2 ? pending : 1) * (1 + info->modifier);
          pending_age = 0;
        } else if (info->has_valence) {
          pending = 1;
          pending_age = 100;
        }
        if (info->negator) {
          neg_left = o.negation_window + static_cast<int>(span_words);
          last_negator = position;
        }
      }
      if (neg_left > 0) neg_left -= static_cast<int>(span_words);
      pending_age += static_cast<int>(span_words);
      position += span_words;
      i = last;
    }

    const double emphasis = 1 + o.exclamation_boost * exclamations;
    const double ask = (question && exclamations == 0) ? o.question_factor : 1;
    raw *= emphasis * ask;
    if (starts_with_contrast && s > 0) {
      // "... . But ...": the previous sentence is the weaker clause.
      total_raw -= prev_raw * (1 - o.contrast_before);
      prev_raw *= o.contrast_before;
      if (!text.sentences.empty()) out->sentence_scores[s - 1] = Squash(prev_raw, prev_words, o);
    }
    if (!text.sentences.empty()) out->sentence_scores[s] = Squash(raw, position, o);
    total_raw += raw;
    total_words += position;
    prev_raw = raw;
    prev_words = position;
  }

  out->raw = total_raw;
  out->words = static_cast<uint32_t>(total_words);
  out->score = Squash(total_raw, total_words, o);
  for (int k = 0; k < kEmotionCount; ++k) {
    out->emotions[k] = evidence[k] / (evidence[k] + o.emotion_half);
  }
  if (urgent.category != 0) {
    const internal::UrgencyTrigger& trigger = table.triggers[urgent.trigger];
    out->urgency.flag = true;
    out->urgency.category = static_cast<UrgencyCategory>(urgent.category);
    out->urgency.span_begin = urgent.begin;
    out->urgency.span_end = urgent.end;
    out->urgency.reason = std::string(trigger.reason) + ": '" +
                          text.source.substr(urgent.begin, urgent.end - urgent.begin) + "'";
  }
}

}  // namespace candor::text
