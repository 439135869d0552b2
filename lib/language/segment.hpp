// Word and sentence segmentation (UAX #29) behind the tokenizer: the ICU
// break iterators for any text, and an ASCII fast path that gives exactly
// ICU's boundaries on ASCII text (the tests run both on every fine-food
// review and on random ASCII strings and require identical output).
#ifndef CANDOR_LANGUAGE_SEGMENT_HPP_
#define CANDOR_LANGUAGE_SEGMENT_HPP_

#include <candor/status.hpp>
#include <candor/text.hpp>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace candor::text::internal {

// One token before folding: [begin, end) bytes of the source. `canonical`
// is set for emoticons only (their folded form, e.g. ":)" for ":-)))").
struct Segment {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  const char* canonical = nullptr;
};

// ASCII fast path. Word segments: the UAX #29 word boundaries, whitespace
// and control characters dropped, each remaining segment classified (a
// letter anywhere: word; else a digit: number; else punctuation).
void AsciiWordSegments(std::string_view ascii, std::vector<Segment>* out);
// Sentence boundaries (UAX #29): the offsets where a sentence ends, in
// increasing order, the last being ascii.size(); none for empty input.
void AsciiSentenceBreaks(std::string_view ascii, std::vector<uint32_t>* out);

// ICU break iterators (root locale) over UTF-8 through UText, no copy.
// Not thread-safe; Clone() for another thread.
class IcuSegmenter {
 public:
  static Result<std::unique_ptr<IcuSegmenter>> Create();
  Result<std::unique_ptr<IcuSegmenter>> Clone() const;
  ~IcuSegmenter();

  // As the ASCII functions, for any valid UTF-8; emoji segments (with their
  // modifiers, ZWJ sequences, flags, keycaps) are TokenKind::kEmoji.
  Status WordSegments(std::string_view utf8, std::vector<Segment>* out);
  Status SentenceBreaks(std::string_view utf8, std::vector<uint32_t>* out);

  struct Iterators;

 private:
  explicit IcuSegmenter(std::unique_ptr<Iterators> iterators);
  std::unique_ptr<Iterators> iterators_;
};

// Joins segments that spell an emoticon (":", "-", ")" -> ":-)") into one
// TokenKind::kEmoticon segment with its canonical form; see emoticons.cc.
void MergeEmoticons(std::string_view source, std::vector<Segment>* segments);

}  // namespace candor::text::internal

#endif  // CANDOR_LANGUAGE_SEGMENT_HPP_
