// Words and sentences of a comment.
#include "words.hpp"

#include <string_view>

namespace candor::intents::internal {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // ’ as an apostrophe

}  // namespace

void SplitWords(std::string_view text, Words* out) {
  out->words.clear();
  out->sentences.clear();
  const size_t n = text.size();
  uint32_t sentence_first = 0;
  auto close_sentence = [&](char terminator) {
    const uint32_t end = static_cast<uint32_t>(out->words.size());
    if (end > sentence_first) {
      out->sentences.push_back({sentence_first, end, terminator});
      sentence_first = end;
    } else if (!out->sentences.empty() && terminator == '?') {
      out->sentences.back().terminator = '?';  // "really??"
    }
  };
  size_t i = 0;
  while (i < n) {
    const char c = text[i];
    const unsigned char u = static_cast<unsigned char>(c);
    if (IsAsciiAlnum(c) || u >= 0x80) {
      Word word;
      word.begin = static_cast<uint32_t>(i);
      while (i < n) {
        const char d = text[i];
        if (IsAsciiAlnum(d)) {
          word.text.push_back((d >= 'A' && d <= 'Z') ? static_cast<char>(d + 32) : d);
          ++i;
        } else if (text.substr(i, 3) == kRightQuote) {
          word.text.push_back('\'');
          i += 3;
        } else if (static_cast<unsigned char>(d) >= 0x80) {
          word.text.push_back(d);
          ++i;
        } else if ((d == '\'' && i + 1 < n && IsAsciiAlnum(text[i + 1])) ||
                   (d == '/' && i > 0 && IsDigit(text[i - 1]) && i + 1 < n &&
                    IsDigit(text[i + 1]))) {
          word.text.push_back(d);
          ++i;
        } else {
          break;
        }
      }
      word.end = static_cast<uint32_t>(i);
      word.sentence = static_cast<uint32_t>(out->sentences.size());
      out->words.push_back(std::move(word));
      continue;
    }
    if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') close_sentence(c);
    ++i;
  }
  close_sentence(0);
}

}  // namespace candor::intents::internal
