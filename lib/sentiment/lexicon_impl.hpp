// Lexicon's storage, for the term table that is built from it
// (sentiment_table.cc) without copying and sorting Entries().
#ifndef CANDOR_SENTIMENT_LEXICON_IMPL_HPP_
#define CANDOR_SENTIMENT_LEXICON_IMPL_HPP_

#include <absl/container/flat_hash_map.h>
#include <candor/text_sentiment.hpp>

#include <string>

namespace candor::text {

struct Lexicon::Impl {
  absl::flat_hash_map<std::string, double> valence;  // folded term -> valence
};

}  // namespace candor::text

#endif  // CANDOR_SENTIMENT_LEXICON_IMPL_HPP_
