// Word and sentence boundaries from ICU's break iterators (UAX #29 with
// ICU's root-locale rules), read directly over the UTF-8 bytes through a
// UText so native indexes are byte offsets and nothing is converted.
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>
#include <string>

#include "segment.hpp"

namespace candor::text::internal {
namespace {

// Emoji, even in text presentation ("❤" without U+FE0F), except the three
// Extended_Pictographic symbols that are ordinary text unless U+FE0F asks.
bool IsEmojiCodePoint(UChar32 c, bool has_emoji_selector) {
  if (c == 0x20E3) return true;                   // combining keycap: "1️⃣"
  if (c >= 0x1F1E6 && c <= 0x1F1FF) return true;  // regional indicators: flags
  if (!u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) return false;
  if (c == 0x00A9 || c == 0x00AE || c == 0x2122) return has_emoji_selector;  // © ® ™
  return true;
}

bool IsSkippable(UChar32 c) {
  if (u_isUWhiteSpace(c)) return true;
  const int8_t type = u_charType(c);
  return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_NON_SPACING_MARK ||
         type == U_ENCLOSING_MARK || c == 0xFE0F || c == 0xFE0E;
}

// Classifies one ICU word segment by its code points; false if the segment
// is whitespace, controls or stray marks only (not a token).
bool Classify(std::string_view s, TokenKind* kind) {
  const auto* b = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  bool letter = false, digit = false, emoji = false, other = false;
  const bool emoji_selector = s.find("\xEF\xB8\x8F") != std::string_view::npos;  // U+FE0F
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(b, i, n, c);
    if (c < 0) continue;  // cannot happen on checked input
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        letter = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (!IsSkippable(c)) {
        other = true;
      }
      continue;
    }
    if (IsEmojiCodePoint(c, emoji_selector)) {
      emoji = true;
    } else if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) {
      letter = true;
    } else if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
      digit = true;
    } else if (!IsSkippable(c)) {
      other = true;
    }
  }
  if (emoji) {
    *kind = TokenKind::kEmoji;
  } else if (letter) {
    *kind = TokenKind::kWord;
  } else if (digit) {
    *kind = TokenKind::kNumber;
  } else if (other) {
    *kind = TokenKind::kPunctuation;
  } else {
    return false;
  }
  return true;
}

// Points `iterator` at `utf8` through a UText that lives in *text.
Status SetText(icu::BreakIterator* iterator, std::string_view utf8, UText* text) {
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_SUCCESS(status)) iterator->setText(text, status);
  if (U_FAILURE(status)) {
    return InvalidArgument(std::string("ICU could not read the text: ") + u_errorName(status));
  }
  return OkStatus();
}

}  // namespace

struct IcuSegmenter::Iterators {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  UText text = UTEXT_INITIALIZER;
  ~Iterators() { utext_close(&text); }
};

IcuSegmenter::IcuSegmenter(std::unique_ptr<Iterators> iterators)
    : iterators_(std::move(iterators)) {}
IcuSegmenter::~IcuSegmenter() = default;

Result<std::unique_ptr<IcuSegmenter>> IcuSegmenter::Create() {
  auto iterators = std::make_unique<Iterators>();
  UErrorCode status = U_ZERO_ERROR;
  iterators->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_SUCCESS(status)) {
    iterators->sentences.reset(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  }
  if (U_FAILURE(status) || !iterators->words || !iterators->sentences) {
    return Unsupported(std::string("ICU break iterators unavailable: ") + u_errorName(status));
  }
  return std::unique_ptr<IcuSegmenter>(new IcuSegmenter(std::move(iterators)));
}

Result<std::unique_ptr<IcuSegmenter>> IcuSegmenter::Clone() const {
  auto iterators = std::make_unique<Iterators>();
  iterators->words.reset(iterators_->words->clone());
  iterators->sentences.reset(iterators_->sentences->clone());
  if (!iterators->words || !iterators->sentences) {
    return Unsupported("ICU could not clone its break iterators");
  }
  return std::unique_ptr<IcuSegmenter>(new IcuSegmenter(std::move(iterators)));
}

Status IcuSegmenter::WordSegments(std::string_view utf8, std::vector<Segment>* out) {
  out->clear();
  icu::BreakIterator* it = iterators_->words.get();
  CANDOR_RETURN_IF_ERROR(SetText(it, utf8, &iterators_->text));
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    TokenKind kind;
    if (Classify(utf8.substr(start, end - start), &kind)) {
      out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end), kind});
    }
  }
  return OkStatus();
}

Status IcuSegmenter::SentenceBreaks(std::string_view utf8, std::vector<uint32_t>* out) {
  out->clear();
  icu::BreakIterator* it = iterators_->sentences.get();
  CANDOR_RETURN_IF_ERROR(SetText(it, utf8, &iterators_->text));
  it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) {
    out->push_back(static_cast<uint32_t>(end));
  }
  return OkStatus();
}

}  // namespace candor::text::internal
