// The tokenizer: UTF-8 check or repair, segmentation (ASCII fast path or
// ICU), emoticons, folding, language, stems and stop words, sentences.
#include <candor/text.hpp>
#include <candor/utf8.hpp>
#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "fold.hpp"
#include "language.hpp"
#include "segment.hpp"
#include "utf8_repair.hpp"
#include "word_memo.hpp"

namespace candor::text {

using internal::Segment;

struct Tokenizer::Impl {
  TokenizeOptions options;
  std::unique_ptr<internal::IcuSegmenter> icu;
  internal::WordMemo words;
  // Scratch reused across calls.
  std::vector<Segment> segments;
  std::vector<uint32_t> breaks;
  std::vector<uint32_t> word_ids;  // WordMemo ids of the word tokens, in order
  std::vector<uint64_t> word_hashes;

  explicit Impl(const TokenizeOptions& o) : options(o), words(o.stem) {}
  Status Fill(bool fast, TokenizedText* out);
  void SetLanguage(bool has_words, const uint32_t* votes, const uint32_t* shared_votes,
                   TokenizedText* out);
};

namespace {

// A language option is empty or an ISO 639 code: 2-3 lowercase letters.
bool IsLanguageCode(const std::string& code) {
  if (code.size() < 2 || code.size() > 3) return false;
  for (char c : code) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

Status CheckOptions(const TokenizeOptions& options) {
  if (!options.language.empty() && !IsLanguageCode(options.language)) {
    return InvalidArgument(
        "language must be empty (detect) or an ISO 639 code such as \"en\", not \"" +
        options.language + "\"");
  }
  if (!IsLanguageCode(options.fallback_language) && options.fallback_language != "und") {
    return InvalidArgument(
        "fallback_language must be an ISO 639 code such as \"en\" or \"und\", not \"" +
        options.fallback_language + "\"");
  }
  return OkStatus();
}

void Clear(TokenizedText* out) {
  out->source.clear();
  out->folded.clear();
  out->stems.clear();
  out->tokens.clear();
  out->sentences.clear();
  out->language.clear();
  out->language_reliable = false;
  out->repaired = false;
}

}  // namespace

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::~Tokenizer() = default;

Result<std::unique_ptr<Tokenizer>> Tokenizer::Create(const TokenizeOptions& options) {
  CANDOR_RETURN_IF_ERROR(CheckOptions(options));
  Result<std::unique_ptr<internal::IcuSegmenter>> icu = internal::IcuSegmenter::Create();
  if (!icu.ok()) return icu.status();
  auto impl = std::make_unique<Impl>(options);
  impl->icu = std::move(icu).value();
  return std::unique_ptr<Tokenizer>(new Tokenizer(std::move(impl)));
}

Result<std::unique_ptr<Tokenizer>> Tokenizer::Clone() const { return Clone(impl_->options); }

Result<std::unique_ptr<Tokenizer>> Tokenizer::Clone(const TokenizeOptions& options) const {
  CANDOR_RETURN_IF_ERROR(CheckOptions(options));
  Result<std::unique_ptr<internal::IcuSegmenter>> icu = impl_->icu->Clone();
  if (!icu.ok()) return icu.status();
  auto impl = std::make_unique<Impl>(options);
  impl->icu = std::move(icu).value();
  return std::unique_ptr<Tokenizer>(new Tokenizer(std::move(impl)));
}

const TokenizeOptions& Tokenizer::options() const { return impl_->options; }

Status Tokenizer::Tokenize(std::string_view utf8, TokenizedText* out) {
  Clear(out);
  if (utf8.size() >= std::numeric_limits<uint32_t>::max()) {
    return InvalidArgument("comment of " + std::to_string(utf8.size()) +
                           " bytes exceeds the 4 GiB limit of the tokenizer");
  }
  const bool ascii = internal::IsAscii(utf8);
  if (!ascii) {
    if (const auto bad = FindInvalidUtf8(utf8)) {
      if (impl_->options.invalid_utf8 == Utf8Policy::kError) {
        return InvalidUtf8("invalid UTF-8 at byte " + std::to_string(*bad) +
                           " of the comment (use Utf8Policy::kRepair to replace it with U+FFFD)");
      }
      out->repaired = internal::RepairUtf8(utf8, &out->source);
    }
  }
  if (!out->repaired) out->source.assign(utf8.data(), utf8.size());
  return impl_->Fill(ascii && impl_->options.ascii_fast_path, out);
}

Status Tokenizer::Impl::Fill(bool fast, TokenizedText* out) {
  const std::string_view source = out->source;
  if (fast) {
    internal::AsciiWordSegments(source, &segments);
    internal::AsciiSentenceBreaks(source, &breaks);
  } else {
    CANDOR_RETURN_IF_ERROR(icu->WordSegments(source, &segments));
    CANDOR_RETURN_IF_ERROR(icu->SentenceBreaks(source, &breaks));
  }
  internal::MergeEmoticons(source, &segments);

  // Folded forms. ASCII: the whole comment lowercased once, each token
  // pointing at its own bytes there; emoticons' canonical faces after it.
  if (fast) internal::AppendAsciiFolded(source, &out->folded);
  out->tokens.resize(segments.size());
  for (size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    Token& t = out->tokens[i];
    t.begin = s.begin;
    t.end = s.end;
    t.kind = s.kind;
    if (fast && s.kind != TokenKind::kEmoticon) {
      t.folded_begin = s.begin;
      t.folded_size = s.end - s.begin;
      continue;
    }
    const std::string_view original = source.substr(s.begin, s.end - s.begin);
    t.folded_begin = static_cast<uint32_t>(out->folded.size());
    if (s.kind == TokenKind::kEmoticon) {
      out->folded.append(s.canonical);
    } else if (s.kind == TokenKind::kEmoji) {
      internal::AppendEmojiFolded(original, &out->folded);
    } else if (internal::IsAscii(original)) {
      internal::AppendAsciiFolded(original, &out->folded);
    } else {
      CANDOR_RETURN_IF_ERROR(internal::AppendFolded(original, &out->folded));
    }
    t.folded_size = static_cast<uint32_t>(out->folded.size()) - t.folded_begin;
  }

  // Words: one memo lookup each, which also tallies the stop-word vote.
  words.Trim();
  word_ids.clear();
  uint32_t votes[8] = {};
  uint32_t shared_votes[8] = {};  // every stop word votes, shared or not
  const size_t stop_languages = StopWordLanguages().size();
  const size_t masks = size_t{1} << stop_languages;  // stop_mask() < masks
  uint32_t words_by_mask[256];
  std::fill_n(words_by_mask, masks, 0u);
  word_hashes.clear();
  for (const Token& t : out->tokens) {
    if (t.kind == TokenKind::kWord) word_hashes.push_back(words.Hash(out->text(t)));
  }
  for (Token& t : out->tokens) {
    if (t.kind != TokenKind::kWord) continue;
    t.all_caps = internal::IsAllCaps(out->original(t));
    const uint32_t id = words.Find(out->text(t), word_hashes[word_ids.size()]);
    word_ids.push_back(id);
    ++words_by_mask[words.stop_mask(id)];
  }
  // Every stop word votes in shared_votes; in votes only a stop word of
  // exactly one language ("the", "und", "les"; not "a", "de", "la", which
  // several share, nor Italian's "la", "e"). Counted per mask above, spread
  // over the languages here.
  for (size_t mask = 1; mask < masks; ++mask) {
    const uint32_t count = words_by_mask[mask];
    if (count == 0) continue;
    const bool one_language = (mask & (mask - 1)) == 0;
    for (size_t l = 0; l < stop_languages; ++l) {
      if (((mask >> l) & 1u) == 0) continue;
      shared_votes[l] += count;
      if (one_language) votes[l] += count;
    }
  }
  SetLanguage(!word_ids.empty(), votes, shared_votes, out);

  // Stems and stop words in the comment's language.
  const uint8_t slot = word_ids.empty() ? 0 : words.LanguageSlot(out->language);
  int stop_index = -1;
  for (size_t l = 0; l < stop_languages; ++l) {
    if (StopWordLanguages()[l] == out->language) stop_index = static_cast<int>(l);
  }
  // With stem false a stem is the folded form: no copies (see TokenizedText).
  out->stems_are_folded = !options.stem;
  size_t next_word = 0;
  for (Token& t : out->tokens) {
    const bool word = t.kind == TokenKind::kWord;
    const uint32_t id = word ? word_ids[next_word++] : 0;
    if (word) t.stop_word = stop_index >= 0 && ((words.stop_mask(id) >> stop_index) & 1u) != 0;
    if (out->stems_are_folded) {
      t.stem_begin = t.folded_begin;
      t.stem_size = t.folded_size;
      continue;
    }
    t.stem_begin = static_cast<uint32_t>(out->stems.size());
    out->stems.append(word ? words.Stem(id, slot) : out->text(t));
    t.stem_size = static_cast<uint32_t>(out->stems.size()) - t.stem_begin;
  }

  // Each token belongs to the sentence its first byte is in.
  const std::vector<Token>& tokens = out->tokens;
  size_t next = 0;
  for (const uint32_t end : breaks) {
    const size_t first = next;
    while (next < tokens.size() && tokens[next].begin < end) ++next;
    if (next > first) {
      out->sentences.push_back({static_cast<uint32_t>(first), static_cast<uint32_t>(next),
                                tokens[first].begin, tokens[next - 1].end});
    }
  }
  return OkStatus();
}

void Tokenizer::Impl::SetLanguage(bool has_words, const uint32_t* votes,
                                  const uint32_t* shared_votes, TokenizedText* out) {
  if (!options.language.empty()) {
    out->language = options.language;
    out->language_reliable = true;
    return;
  }
  if (has_words && options.language_shortcut) {
    const int winner = internal::StopWordVote(votes, StopWordLanguages().size());
    if (winner >= 0) {
      out->language = StopWordLanguages()[winner];
      out->language_reliable = true;
      return;
    }
  }
  if (has_words) {
    internal::LanguageGuess guess = internal::DetectLanguage(out->source);
    if (guess.reliable) {
      out->language = std::move(guess.code);
      out->language_reliable = true;
      return;
    }
    // CLD2 is unsure of short comments (it calls "Este producto es muy
    // bueno." English, unreliably): a clear vote of all stop words, shared
    // ones included, beats the fallback. Not reliable: it may mistake a short
    // Italian or Catalan comment for Spanish or Portuguese.
    if (options.language_shortcut) {
      const int winner = internal::StopWordVote(shared_votes, StopWordLanguages().size());
      if (winner >= 0) {
        out->language = StopWordLanguages()[winner];
        return;
      }
    }
  }
  out->language = options.fallback_language;
}

}  // namespace candor::text
