// Batch analysis: comments split into contiguous chunks, one Tokenizer
// (made before the threads start) and one reusable TokenizedText per chunk;
// each row's result depends only on its comment, so results are the same on
// any thread count.
#include <candor/text_sentiment.hpp>

#include <new>

#include "common/parallel.hpp"
#include "language/chunk_tokenizers.hpp"

namespace candor::text {

Status AnalyzeSentimentBatch(const SentimentAnalyzer& analyzer, const TokenizeOptions& tokenize,
                             const std::string_view* comments, size_t n, int threads,
                             SentimentColumns* out) {
  if (out == nullptr) return InvalidArgument("AnalyzeSentimentBatch: null output");
  if (n > 0 && comments == nullptr) return InvalidArgument("AnalyzeSentimentBatch: null comments");
  try {
    out->score.assign(n, 0.0);
    for (auto& column : out->emotions) column.assign(n, 0.0);
    out->urgent.assign(n, 0);
    out->urgency_category.assign(n, 0);
    out->urgency_categories.assign(n, 0);
    out->urgency_reason.assign(n, std::string());
    out->urgency_span_begin.assign(n, 0);
    out->urgency_span_end.assign(n, 0);
    out->language.assign(n, std::string());
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "AnalyzeSentimentBatch: out of memory");
  }
  const size_t chunks = candor::internal::ChunkCount(n, threads);
  Result<std::vector<std::unique_ptr<Tokenizer>>> tokenizers =
      internal::ChunkTokenizers(tokenize, chunks);
  if (!tokenizers.ok()) return tokenizers.status();

  std::vector<Status> chunk_status(chunks);
  std::vector<std::vector<double>> chunk_sentences(chunks);
  std::vector<std::vector<uint64_t>> chunk_counts(chunks);
  candor::internal::ParallelChunks(n, threads, [&](size_t chunk, size_t begin, size_t end) {
    Tokenizer* tokenizer = (*tokenizers)[chunk].get();
    try {
      TokenizedText tokens;
      CommentSentiment result;
      std::vector<double>& sentences = chunk_sentences[chunk];
      std::vector<uint64_t>& counts = chunk_counts[chunk];
      counts.reserve(end - begin);
      for (size_t row = begin; row < end; ++row) {
        Status st = tokenizer->Tokenize(comments[row], &tokens);
        if (!st.ok()) {
          chunk_status[chunk] = Status(st.code(), "comment " + std::to_string(row) + ": " + st.message());
          return;
        }
        analyzer.Analyze(tokens, &result);
        out->score[row] = result.score;
        for (int k = 0; k < kEmotionCount; ++k) out->emotions[k][row] = result.emotions[k];
        out->urgent[row] = result.urgency.flag ? 1 : 0;
        out->urgency_category[row] = static_cast<uint8_t>(result.urgency.category);
        out->urgency_categories[row] = result.urgency.categories;
        if (result.urgency.flag) out->urgency_reason[row] = result.urgency.reason;
        out->urgency_span_begin[row] = result.urgency.span_begin;
        out->urgency_span_end[row] = result.urgency.span_end;
        out->language[row] = tokens.language;
        sentences.insert(sentences.end(), result.sentence_scores.begin(),
                         result.sentence_scores.end());
        counts.push_back(result.sentence_scores.size());
      }
    } catch (const std::bad_alloc&) {
      chunk_status[chunk] = Status(CANDOR_OUT_OF_MEMORY, "AnalyzeSentimentBatch: out of memory");
    }
  });
  // Chunks are ordered, so the first failing chunk holds the lowest failing row.
  for (size_t c = 0; c < chunks; ++c) {
    if (!chunk_status[c].ok()) return chunk_status[c];
  }
  try {
    out->sentence_offsets.assign(n + 1, 0);
    out->sentence_scores.clear();
    size_t row = 0;
    for (size_t c = 0; c < chunks; ++c) {
      for (uint64_t count : chunk_counts[c]) {
        out->sentence_offsets[row + 1] = out->sentence_offsets[row] + count;
        ++row;
      }
      out->sentence_scores.insert(out->sentence_scores.end(), chunk_sentences[c].begin(),
                                  chunk_sentences[c].end());
    }
  } catch (const std::bad_alloc&) {
    return Status(CANDOR_OUT_OF_MEMORY, "AnalyzeSentimentBatch: out of memory");
  }
  return OkStatus();
}

}  // namespace candor::text
