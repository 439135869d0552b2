// candor/text_model.hpp — the text pipeline over a batch of comments, in
// columns: tokens (text.hpp) -> sentiment, emotions, urgency
// (text_sentiment.hpp) -> taxonomy themes with aspect sentiment
// (text_taxonomy.hpp). The C ABI's candor_text_model wraps this class.
//
// Aspect sentiment: a theme mention takes the sentiment of the sentence it is
// in (Hu and Liu 2004, "Mining and summarizing customer reviews", KDD, score
// opinion words sentence by sentence around the feature), so "Love the taste
// but delivery took three weeks" scores Taste and Delivery apart only when
// they are in different sentences; within one sentence both get its score.
#ifndef CANDOR_TEXT_MODEL_HPP_
#define CANDOR_TEXT_MODEL_HPP_

#include <candor.h>
#include <candor/progress.hpp>
#include <candor/status.hpp>
#include <candor/text.hpp>
#include <candor/text_sentiment.hpp>
#include <candor/text_taxonomy.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace candor::text {

struct TextModelOptions {
  TokenizeOptions tokenize;
  SentimentOptions sentiment;
  int threads = 0;  // 0: all cores
  // Told done of total comments by Analyze (every 1,024 comments per
  // thread, on the calling thread; several threads analyzing with one model
  // call it concurrently); false stops Analyze with CANDOR_CANCELLED
  // (candor/progress.hpp).
  Progress progress;
};

// One batch's results. Per comment columns are in SentimentColumns (score,
// emotions, urgency, language); the rest below.
struct TextColumns {
  SentimentColumns sentiment;
  std::vector<uint8_t> repaired;  // per comment: invalid UTF-8 was replaced
  // Sentences, comment by comment (sentiment.sentence_offsets delimits each
  // comment's; sentiment.sentence_scores is their sentiment).
  std::vector<int64_t> sentence_comment;
  std::vector<uint32_t> sentence_begin;  // byte offsets in the (repaired) comment
  std::vector<uint32_t> sentence_end;
  // Theme mentions, comment by comment, in sentence order; empty without a
  // taxonomy. One row per (sentence, most specific theme): a theme matched by
  // several terms in one sentence is one mention.
  std::vector<int64_t> mention_comment;
  std::vector<int64_t> mention_sentence;  // index into the sentence columns
  std::vector<int32_t> mention_theme;     // Taxonomy theme id
  std::vector<double> mention_sentiment;  // the sentence's sentiment

  size_t size() const { return sentiment.score.size(); }
};

// Loading (LoadLexicon, SetTaxonomy) must not overlap other calls; Analyze is
// const and may run concurrently from many threads.
class TextModel {
 public:
  static Result<std::unique_ptr<TextModel>> Create(const TextModelOptions& options = {});
  ~TextModel();
  TextModel(const TextModel&) = delete;
  TextModel& operator=(const TextModel&) = delete;

  const TextModelOptions& options() const { return options_; }
  const Lexicon& lexicon() const { return lexicon_; }
  // Merges `lexicon` over the current one, or replaces it.
  Status LoadLexicon(const Lexicon& lexicon, bool replace);
  void SetTaxonomy(Taxonomy taxonomy);
  const Taxonomy* taxonomy() const { return taxonomy_ ? &*taxonomy_ : nullptr; }

  // The first comment (lowest index) that fails to tokenize makes the call
  // fail, its message prefixed by "comment <i>: ". Results do not depend on
  // the thread count.
  Result<TextColumns> Analyze(const std::string_view* comments, size_t n) const;
  // The same, telling `progress` instead of options().progress.
  Result<TextColumns> Analyze(const std::string_view* comments, size_t n,
                              const Progress& progress) const;

 private:
  TextModel(TextModelOptions options, std::unique_ptr<Tokenizer> tokenizer,
            std::unique_ptr<SentimentAnalyzer> analyzer);

  TextModelOptions options_;
  // Analyze's tokenizers, one per thread, kept warm between calls
  // (lib/text_model/tokenizer_pool.hpp).
  class TokenizerPool;
  std::unique_ptr<TokenizerPool> tokenizers_;
  Lexicon lexicon_;
  std::unique_ptr<SentimentAnalyzer> analyzer_;
  std::optional<Taxonomy> taxonomy_;
};

}  // namespace candor::text

#endif  // CANDOR_TEXT_MODEL_HPP_
