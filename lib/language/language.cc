#include "language.hpp"

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

int StopWordVote(const uint32_t* votes, size_t languages) {
  int best = -1;
  uint32_t best_votes = 0, runner_up = 0;
  for (size_t i = 0; i < languages; ++i) {
    if (votes[i] > best_votes) {
      runner_up = best_votes;
      best_votes = votes[i];
      best = static_cast<int>(i);
    } else if (votes[i] > runner_up) {
      runner_up = votes[i];
    }
  }
  if (best_votes < kMinStopWordVotes || best_votes <= 2 * runner_up) return -1;
  return best;
}

}  // namespace candor::text::internal
