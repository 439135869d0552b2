// Theme discovery from raw comments: tokenized on contiguous chunks, one
// Tokenizer per chunk (made before the threads start); each comment's words
// depend only on the comment, so the result is the same on any thread count.
#include <candor/text_discovery.hpp>

#include <memory>
#include <string>
#include <vector>

#include "common/parallel.hpp"
#include "common/progress_ticker.hpp"
#include "discovery_internal.hpp"
#include "language/chunk_tokenizers.hpp"

namespace candor::text {

Result<ThemeDiscovery> DiscoverThemes(const std::vector<std::string_view>& texts,
                                      const DiscoveryOptions& options) {
  CANDOR_RETURN_IF_ERROR(internal::CheckDiscoveryOptions(options));
  if (texts.empty()) return Empty("no comments");
  const size_t n = texts.size();
  const size_t chunks = candor::internal::ChunkCount(n, options.threads);
  auto tokenizers = internal::ChunkTokenizers(options.tokenize, chunks);
  if (!tokenizers.ok()) return tokenizers.status();
  std::vector<std::vector<std::string>> words(n);
  std::vector<Status> failed(chunks);
  candor::internal::ProgressTicker ticker(
      options.progress, internal::DiscoveryProgressTotal(options, n), "theme discovery");
  constexpr size_t kTickEvery = 256;  // comments between progress counts
  candor::internal::ParallelChunks(n, options.threads, [&](size_t chunk, size_t begin, size_t end) {
    Tokenizer* tokenizer = (*tokenizers)[chunk].get();
    try {
      TokenizedText tokens;
      for (size_t i = begin; i < end; ++i) {
        if (i > begin && (i - begin) % kTickEvery == 0 &&
            !ticker.Add(static_cast<int64_t>(kTickEvery))) {
          return;
        }
        Status s = tokenizer->Tokenize(texts[i], &tokens);
        if (!s.ok()) {
          failed[chunk] = Status(s.code(), "comment " + std::to_string(i) + ": " + s.message());
          return;
        }
        words[i] = DocumentWords(tokens, options.vocabulary);
      }
      const size_t last_run = (end - begin) % kTickEvery;  // not yet counted
      ticker.Add(static_cast<int64_t>(last_run == 0 && end > begin ? kTickEvery : last_run));
    } catch (const std::bad_alloc&) {
      failed[chunk] = Status(CANDOR_OUT_OF_MEMORY, "DiscoverThemes: out of memory");
    }
  }, &ticker);
  if (!ticker.Running()) return ticker.CancelledStatus();
  for (const Status& s : failed) {  // the first failing chunk names the earliest comment
    if (!s.ok()) return s;
  }
  return internal::DiscoverFromWords(words, options, &ticker);
}

}  // namespace candor::text
