// A comment as lower-case words and sentences, for the phrase rules.
#ifndef CANDOR_LIB_INTENTS_WORDS_HPP_
#define CANDOR_LIB_INTENTS_WORDS_HPP_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace candor::intents::internal {

struct Word {
  std::string text;  // ASCII lower case; "’" as "'"; other bytes as they are
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t sentence = 0;
};

struct Sentence {
  uint32_t first_word = 0;
  uint32_t end_word = 0;  // one past the last
  char terminator = 0;    // '.', '!', '?', ';', '\n', or 0 at the end of the comment
};

struct Words {
  std::vector<Word> words;
  std::vector<Sentence> sentences;  // only those with words
};

// Words: runs of letters, digits, apostrophes and non-ASCII bytes, and
// "10/10"; sentences end at . ! ? ; and line breaks.
void SplitWords(std::string_view comment, Words* out);

}  // namespace candor::intents::internal

#endif  // CANDOR_LIB_INTENTS_WORDS_HPP_
