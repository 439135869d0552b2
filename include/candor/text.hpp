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
};

enum class TokenKind : uint8_t {
  kWord,         // letters (and marks, apostrophes inside: "don't")
  kNumber,       // digits, with inner separators ("3.5", "1,000")
  kEmoji,        // one emoji (with its modifiers / ZWJ sequence)
  kEmoticon,     // ":)", ":-(", ":D", "<3", ...
  kPunctuation,  // "!", "?", ",", "." ... (whitespace is not a token)
};

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
  uint32_t begin = 0;        // byte offsets in source
  uint32_t end = 0;
};

// One analyzed comment. Reuse one object across calls to avoid allocations.
struct TokenizedText {
  std::string source;    // the input, repaired if the policy allowed it
  std::string folded;    // token folded forms, back to back
  std::string stems;     // token stems, back to back
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::string language;  // ISO 639-1 ("en"), or "und" when unknown
  bool language_reliable = false;
  bool repaired = false;  // some invalid UTF-8 was replaced

  std::string_view text(const Token& t) const {
    return std::string_view(folded).substr(t.folded_begin, t.folded_size);
  }
  std::string_view stem(const Token& t) const {
    return std::string_view(stems).substr(t.stem_begin, t.stem_size);
  }
  std::string_view original(const Token& t) const {
    return std::string_view(source).substr(t.begin, t.end - t.begin);
  }
};

// Holds ICU break iterators and Snowball stemmers. Not thread-safe: use one
// Tokenizer per thread (Clone() is cheap next to creation).
class CANDOR_API Tokenizer {
 public:
  static Result<std::unique_ptr<Tokenizer>> Create(const TokenizeOptions& options = {});
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  Result<std::unique_ptr<Tokenizer>> Clone() const;
  const TokenizeOptions& options() const;

  // Fills *out (cleared first). Empty input gives no tokens, no sentences.
  Status Tokenize(std::string_view utf8, TokenizedText* out);

  struct Impl;

 private:
  explicit Tokenizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The languages with built-in stop words (and Snowball stemmers).
CANDOR_API const std::vector<std::string>& StopWordLanguages();
// True if the folded word is a stop word in `language` (ISO 639-1).
CANDOR_API bool IsStopWord(std::string_view folded_word, std::string_view language);

}  // namespace candor::text

#endif  // CANDOR_TEXT_HPP_
