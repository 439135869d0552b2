#include "text/word_cache.hpp"

#include <libstemmer.h>

#include <candor/text.hpp>

namespace candor::text::internal {

WordCache::WordCache(std::string language, bool stem) : language_(std::move(language)) {
  // libstemmer accepts ISO 639 codes ("en", "es", ...) as algorithm names.
  if (stem && !language_.empty() && language_ != "und") {
    stemmer_ = sb_stemmer_new(language_.c_str(), "UTF_8");
  }
}

WordCache::~WordCache() { sb_stemmer_delete(stemmer_); }

const WordInfo& WordCache::Lookup(std::string_view folded_word) {
  // Debian's Abseil has its own absl::string_view (not std::string_view);
  // looking one up avoids building a std::string per token.
  const absl::string_view key(folded_word.data(), folded_word.size());
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  if (cache_.size() >= kMaxEntries) cache_.clear();
  WordInfo info;
  info.stop_word = IsStopWord(folded_word, language_);
  const sb_symbol* stem = nullptr;
  if (stemmer_ != nullptr) {
    stem = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                           static_cast<int>(folded_word.size()));
  }
  if (stem != nullptr) {
    info.stem.assign(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(stemmer_)));
  } else {
    info.stem.assign(folded_word);  // no stemmer, or out of memory
  }
  return cache_.emplace(std::string(folded_word), std::move(info)).first->second;
}

}  // namespace candor::text::internal
