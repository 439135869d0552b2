#include "text/language.hpp"

#include <public/compact_lang_det.h>

namespace candor::text::internal {

LanguageGuess DetectLanguage(std::string_view utf8) {
  size_t size = utf8.size();
  if (size > kLanguageSampleBytes) {
    size = kLanguageSampleBytes;
    // Back up to a character boundary (never inside a UTF-8 sequence).
    while (size > 0 && (static_cast<unsigned char>(utf8[size]) & 0xC0) == 0x80) --size;
  }
  bool reliable = false;
  const CLD2::Language language =
      CLD2::DetectLanguage(utf8.data(), static_cast<int>(size), /*is_plain_text=*/true, &reliable);
  LanguageGuess guess;
  if (language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) {
    guess.code = "und";
    return guess;
  }
  std::string code = CLD2::LanguageCode(language);
  // CLD2 says "zh-Hant", "iw" (Hebrew's withdrawn code): keep ISO 639-1.
  if (const size_t dash = code.find('-'); dash != std::string::npos) code.resize(dash);
  if (code == "iw") code = "he";
  guess.code = std::move(code);
  guess.reliable = reliable;
  return guess;
}

}  // namespace candor::text::internal
