// Language detection for one comment (CLD2).
#ifndef CANDOR_TEXT_LANGUAGE_HPP_
#define CANDOR_TEXT_LANGUAGE_HPP_

#include <string>
#include <string_view>

namespace candor::text::internal {

struct LanguageGuess {
  std::string code;  // ISO 639-1 ("en"); "und" when CLD2 knows none
  bool reliable = false;
};

// CLD2 on plain (not HTML) valid UTF-8; only the first kLanguageSampleBytes
// bytes are read, which keeps long comments cheap and is plenty for CLD2.
constexpr size_t kLanguageSampleBytes = 4096;
LanguageGuess DetectLanguage(std::string_view utf8);

}  // namespace candor::text::internal

#endif  // CANDOR_TEXT_LANGUAGE_HPP_
