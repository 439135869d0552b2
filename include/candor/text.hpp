// candor/text.hpp — the text pipeline's first step: one comment in, tokens
// and sentences out, Unicode-correct.
//
//   UTF-8 check (error, or repair: each maximal ill-formed subsequence becomes
//   U+FFFD, Unicode 15 §3.9 "U+FFFD Substitution of Maximal Subparts")
//   -> NFKC normalization and full case folding (ICU)
//   -> word and sentence boundaries (ICU break iterators, UAX #29; an ASCII
//      fast path gives the same boundaries, checked against ICU in the tests)
//   -> emoji and emoticons kept as tokens (they carry sentiment)
//   -> language (CLD2), stop words (en, es, fr, de, pt), Snowball stems.
//
// Sentiment, emotions, urgency (text_sentiment.hpp), taxonomy themes
// (text_taxonomy.hpp) and theme discovery (text_discovery.hpp) all read a
// TokenizedText; none of them re-reads the raw comment.
#ifndef CANDOR_TEXT_HPP_
#define CANDOR_TEXT_HPP_

#include <candor.h>
#include <candor/status.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace candor::text {

enum class Utf8Policy : uint8_t {
  kError,   // invalid UTF-8 is CANDOR_INVALID_UTF8 naming the byte offset
  kRepair,  // each maximal ill-formed subsequence becomes U+FFFD
};

struct TokenizeOptions {
  Utf8Policy invalid_utf8 = Utf8Policy::kError;
  // ISO 639-1 code ("en", "es", "fr", "de", "pt", ...) to use for every
  // comment; empty means detect per comment with CLD2, falling back to
  // `fallback_language` when CLD2 is not reliable (short comments).
  std::string language;
  std::string fallback_language = "en";
  bool stem = true;  // fill Token stems (Snowball) for languages Snowball has
  // ASCII comments take a hand-written UAX #29 path that gives exactly ICU's
  // boundaries (checked by the tests on real reviews and random ASCII):
  // segmentation 6x and the whole tokenizer 2.5x faster (bench/RESULTS.md).
  // false: every comment goes through ICU (for testing).
  bool ascii_fast_path = true;
  // A comment whose stop words clearly point to one of the five built-in
  // languages (>= 3 stop words of that language alone, more than twice the
  // runner-up's) skips CLD2, which costs more than all the rest of the
  // tokenizer; the tests measure its agreement with CLD2 (3,997 of the 4,000
  // fine-food reviews). false: CLD2 decides every comment.
  bool language_shortcut = true;
};

enum class TokenKind : uint8_t {
  kWord,         // letters (and marks, apostrophes inside: "don't")
  kNumber,       // digits, with inner separators ("3.5", "1,000")
  kEmoji,        // one emoji (with its modifiers / ZWJ sequence)
  kEmoticon,     // ":)", ":-(", ":D", "<3", ...
  kPunctuation,  // "!", "?", ",", "." ... (whitespace is not a token)
};

// Folded forms (Token::folded_*, TokenizedText::text()):
//   words, numbers, punctuation: NFKC + full case folding (ICU NFKC_Casefold,
//     which drops default-ignorable code points), with U+2019 and U+02BC
//     turned into "'": "ＲＥＦＵＮＤ" -> "refund", "Straße" -> "strasse",
//     "Don’t" -> "don't".
//   emoji: the sequence without variation selectors and skin-tone modifiers
//     (ZWJ sequences kept whole): "👍🏽" -> "👍", "❤️" -> "❤".
//   emoticons: a canonical face, nose dropped, lowercase, repeats collapsed:
//     ":-)" ":)))" "=)" ":]" -> ":)";  ":-(" "=(" -> ":(";  ":D" "=D" -> ":d";
//     "xD" "XD" -> "xd";  ":P" ":p" -> ":p";  ";-)" -> ";)";  ":/" ":\\" -> ":/";
//     ":'(" -> ":'(";  "<3" -> "<3";  "</3" -> "</3";  "^^" "^_^" -> "^^";
//     ">:(" ":@" -> ">:(";  "T_T" ";_;" -> "t_t";  ":o" ":O" -> ":o"; ...
//     (the full list is lib/language/emoticons.cc).
// Stems (Token::stem_*, TokenizedText::stem()): the Snowball stem of the
// folded word in the comment's language; for other tokens, for languages
// without a Snowball stemmer, and with TokenizeOptions::stem false, the
// folded form itself (so stem() is always a usable key).
// Sentences are UAX #29 sentences that hold at least one token; their byte
// range runs from their first token's begin to their last token's end.
// Language: forced by TokenizeOptions::language (then reliable), else the
// stop-word shortcut (TokenizeOptions::language_shortcut), else CLD2 on the
// first 4 KiB; when CLD2 is unsure (short comments), a clear vote of all the
// comment's stop words (shared ones included) with language_reliable = false;
// else fallback_language, also with language_reliable = false.
// Whitespace and control characters are never tokens. Input is limited to
// 4 GiB - 1 bytes (offsets are 32-bit): longer is CANDOR_INVALID_ARGUMENT.

struct Token {
  // [begin, end): byte offsets in TokenizedText::source (the repaired input).
  uint32_t begin = 0;
  uint32_t end = 0;
  // The folded form (NFKC + case fold) and the stem: offsets into
  // TokenizedText::folded and TokenizedText::stems. Use the accessors below.
  uint32_t folded_begin = 0;
  uint32_t folded_size = 0;
  uint32_t stem_begin = 0;
  uint32_t stem_size = 0;
  TokenKind kind = TokenKind::kWord;
  bool all_caps = false;   // a word of >= 2 letters written in capitals ("NEVER")
  bool stop_word = false;  // in the comment language's stop-word list
};

struct Sentence {
  uint32_t first_token = 0;  // [first_token, end_token) index TokenizedText::tokens
  uint32_t end_token = 0;
  uint32_t begin = 0;  // byte offsets in source
  uint32_t end = 0;
};

// One analyzed comment. Reuse one object across calls to avoid allocations.
struct TokenizedText {
  std::string source;  // the input, repaired if the policy allowed it
  std::string folded;  // token folded forms (ASCII: the comment lowercased)
  std::string stems;   // token stems, back to back
  // TokenizeOptions::stem false: every stem is the folded form, `stems` is
  // left empty and a token's stem offsets are its folded offsets.
  bool stems_are_folded = false;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::string language;  // ISO 639-1 ("en"), or "und" when unknown
  bool language_reliable = false;
  bool repaired = false;  // some invalid UTF-8 was replaced

  std::string_view text(const Token& t) const {
    return std::string_view(folded).substr(t.folded_begin, t.folded_size);
  }
  std::string_view stem(const Token& t) const {
    return stems_are_folded ? text(t)
                            : std::string_view(stems).substr(t.stem_begin, t.stem_size);
  }
  std::string_view original(const Token& t) const {
    return std::string_view(source).substr(t.begin, t.end - t.begin);
  }
};

// Holds ICU break iterators and Snowball stemmers. Not thread-safe: use one
// Tokenizer per thread (Clone() is cheap next to creation). Clone() reads the
// iterators' state, so clone a tokenizer only while no thread tokenizes with
// it (e.g. make every thread's clone before the threads start).
class Tokenizer {
 public:
  static Result<std::unique_ptr<Tokenizer>> Create(const TokenizeOptions& options = {});
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  Result<std::unique_ptr<Tokenizer>> Clone() const;
  // A tokenizer with other options (e.g. stem = false) sharing this one's
  // compiled ICU rules: as cheap as Clone(), under the same conditions.
  Result<std::unique_ptr<Tokenizer>> Clone(const TokenizeOptions& options) const;
  const TokenizeOptions& options() const;

  // Fills *out (cleared first). Empty input gives no tokens, no sentences.
  Status Tokenize(std::string_view utf8, TokenizedText* out);

  struct Impl;

 private:
  explicit Tokenizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The languages with built-in stop words (and Snowball stemmers).
const std::vector<std::string>& StopWordLanguages();
// True if the folded word is a stop word in `language` (ISO 639-1).
bool IsStopWord(std::string_view folded_word, std::string_view language);

}  // namespace candor::text

#endif  // CANDOR_TEXT_HPP_
