// Language detection for one comment (CLD2).
#ifndef CANDOR_LANGUAGE_LANGUAGE_HPP_
#define CANDOR_LANGUAGE_LANGUAGE_HPP_

#include <cstddef>
#include <cstdint>
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

// The shortcut that spares most comments the CLD2 call: votes[i] counts the
// comment's words that are stop words in StopWordLanguages()[i] and in no
// other built-in language (shared ones like "a", "de", "la" would let
// Italian or Catalan pass for Spanish or Portuguese). Returns the
// winning index when the vote is clear, else -1 (then ask CLD2). Clear: at
// least kMinStopWordVotes votes and more than twice the runner-up's. The
// tests measure its agreement with CLD2 on the fine-food reviews.
constexpr uint32_t kMinStopWordVotes = 3;
int StopWordVote(const uint32_t* votes, size_t languages);

}  // namespace candor::text::internal

#endif  // CANDOR_LANGUAGE_LANGUAGE_HPP_
