// TextModel: the text pipeline over a batch, on a few threads, in columns.
#include <candor/text_model.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "common/parallel.hpp"
#include "common/progress_ticker.hpp"
#include "tokenizer_pool.hpp"

namespace candor::text {
namespace {

// Appends comment i's rows (tokenized as `text`, analyzed as `sentiment`,
// its theme matches `matches`) to `out`. Sentence indices are local to `out`
// until the parts are joined.
void AppendComment(size_t i, const TokenizedText& text, const CommentSentiment& sentiment,
                   const std::vector<ThemeMention>& matches, TextColumns* out) {
  SentimentColumns& s = out->sentiment;
  s.score.push_back(sentiment.score);
  for (int e = 0; e < kEmotionCount; ++e) s.emotions[e].push_back(sentiment.emotions[e]);
  const Urgency& u = sentiment.urgency;
  s.urgent.push_back(u.flag ? 1 : 0);
  s.urgency_category.push_back(static_cast<uint8_t>(u.category));
  s.urgency_categories.push_back(u.categories);
  s.urgency_reason.push_back(u.reason);
  s.urgency_span_begin.push_back(u.span_begin);
  s.urgency_span_end.push_back(u.span_end);
  s.language.push_back(text.language);
  out->repaired.push_back(text.repaired ? 1 : 0);

  const int64_t first_sentence = static_cast<int64_t>(out->sentence_comment.size());
  for (size_t j = 0; j < text.sentences.size(); ++j) {
    out->sentence_comment.push_back(static_cast<int64_t>(i));
    out->sentence_begin.push_back(text.sentences[j].begin);
    out->sentence_end.push_back(text.sentences[j].end);
    s.sentence_scores.push_back(sentiment.sentence_scores[j]);
  }
  s.sentence_offsets.push_back(s.sentence_scores.size());

  // One mention per (sentence, theme): matches come in sentence order, and a
  // theme matched by several terms of one sentence is counted once.
  const size_t mentions_before = out->mention_comment.size();
  for (const ThemeMention& m : matches) {
    const int64_t sentence = first_sentence + static_cast<int64_t>(m.sentence);
    bool seen = false;
    for (size_t k = mentions_before; k < out->mention_comment.size(); ++k) {
      if (out->mention_sentence[k] == sentence && out->mention_theme[k] == m.theme) {
        seen = true;
        break;
      }
    }
    if (seen) continue;
    out->mention_comment.push_back(static_cast<int64_t>(i));
    out->mention_sentence.push_back(sentence);
    out->mention_theme.push_back(m.theme);
    out->mention_sentiment.push_back(sentiment.sentence_scores[m.sentence]);
  }
}

template <typename T>
void AppendAll(std::vector<T>* to, const std::vector<T>& from) {
  to->insert(to->end(), from.begin(), from.end());
}

// Room for `comments` more comments' rows (sentences: a typical review's
// few), so that columns do not grow by doubling, copying and first-touching
// pages twice.
void Reserve(TextColumns* c, size_t comments, size_t sentences) {
  SentimentColumns& s = c->sentiment;
  s.score.reserve(s.score.size() + comments);
  for (auto& emotion : s.emotions) emotion.reserve(emotion.size() + comments);
  s.urgent.reserve(s.urgent.size() + comments);
  s.urgency_category.reserve(s.urgency_category.size() + comments);
  s.urgency_categories.reserve(s.urgency_categories.size() + comments);
  s.urgency_reason.reserve(s.urgency_reason.size() + comments);
  s.urgency_span_begin.reserve(s.urgency_span_begin.size() + comments);
  s.urgency_span_end.reserve(s.urgency_span_end.size() + comments);
  s.language.reserve(s.language.size() + comments);
  s.sentence_offsets.reserve(s.sentence_offsets.size() + comments + 1);
  c->repaired.reserve(c->repaired.size() + comments);
  s.sentence_scores.reserve(s.sentence_scores.size() + sentences);
  c->sentence_comment.reserve(c->sentence_comment.size() + sentences);
  c->sentence_begin.reserve(c->sentence_begin.size() + sentences);
  c->sentence_end.reserve(c->sentence_end.size() + sentences);
}

// Appends `part` to `out`, shifting its sentence indices.
void Join(TextColumns* out, const TextColumns& part) {
  const uint64_t sentence_base = out->sentence_comment.size();
  SentimentColumns& s = out->sentiment;
  const SentimentColumns& p = part.sentiment;
  AppendAll(&s.score, p.score);
  for (int e = 0; e < kEmotionCount; ++e) AppendAll(&s.emotions[e], p.emotions[e]);
  AppendAll(&s.urgent, p.urgent);
  AppendAll(&s.urgency_category, p.urgency_category);
  AppendAll(&s.urgency_categories, p.urgency_categories);
  AppendAll(&s.urgency_reason, p.urgency_reason);
  AppendAll(&s.urgency_span_begin, p.urgency_span_begin);
  AppendAll(&s.urgency_span_end, p.urgency_span_end);
  AppendAll(&s.language, p.language);
  AppendAll(&s.sentence_scores, p.sentence_scores);
  // A part's offsets start after its own leading 0.
  for (size_t k = 1; k < p.sentence_offsets.size(); ++k) {
    s.sentence_offsets.push_back(sentence_base + p.sentence_offsets[k]);
  }
  AppendAll(&out->repaired, part.repaired);
  AppendAll(&out->sentence_comment, part.sentence_comment);
  AppendAll(&out->sentence_begin, part.sentence_begin);
  AppendAll(&out->sentence_end, part.sentence_end);
  AppendAll(&out->mention_comment, part.mention_comment);
  for (int64_t sentence : part.mention_sentence) {
    out->mention_sentence.push_back(static_cast<int64_t>(sentence_base) + sentence);
  }
  AppendAll(&out->mention_theme, part.mention_theme);
  AppendAll(&out->mention_sentiment, part.mention_sentiment);
}

// What one thread produced: its comments' rows, or the first failure.
struct Part {
  TextColumns columns;
  Status status;
};

}  // namespace

TextModel::TextModel(TextModelOptions options, std::unique_ptr<Tokenizer> tokenizer,
                     std::unique_ptr<SentimentAnalyzer> analyzer)
    : options_(std::move(options)),
      tokenizers_(std::make_unique<TokenizerPool>(std::move(tokenizer))),
      lexicon_(Lexicon::BuiltIn()),
      analyzer_(std::move(analyzer)) {}

TextModel::~TextModel() = default;

Result<std::unique_ptr<TextModel>> TextModel::Create(const TextModelOptions& options) {
  if (options.threads < 0) {
    return InvalidArgument("threads must be >= 0 (0: all cores), got " +
                           std::to_string(options.threads));
  }
  auto tokenizer = Tokenizer::Create(options.tokenize);
  if (!tokenizer.ok()) return tokenizer.status();
  auto analyzer = SentimentAnalyzer::Create(Lexicon::BuiltIn(), options.sentiment);
  if (!analyzer.ok()) return analyzer.status();
  return std::unique_ptr<TextModel>(new TextModel(options, std::move(tokenizer).value(),
                                                  std::move(analyzer).value()));
}

Status TextModel::LoadLexicon(const Lexicon& lexicon, bool replace) {
  Lexicon next = replace ? lexicon : lexicon_;
  if (!replace) next.Merge(lexicon);
  auto analyzer = SentimentAnalyzer::Create(next, options_.sentiment);
  if (!analyzer.ok()) return analyzer.status();
  lexicon_ = std::move(next);
  analyzer_ = std::move(analyzer).value();
  return OkStatus();
}

void TextModel::SetTaxonomy(Taxonomy taxonomy) { taxonomy_ = std::move(taxonomy); }

Result<TextColumns> TextModel::Analyze(const std::string_view* comments, size_t n) const {
  return Analyze(comments, n, options_.progress);
}

Result<TextColumns> TextModel::Analyze(const std::string_view* comments, size_t n,
                                       const Progress& progress) const {
  if (n > 0 && comments == nullptr) return InvalidArgument("comments is NULL");
  // Pieces of comments, in order, taken by whichever thread is free: a
  // thread that is slowed (a long comment, a busy core) leaves its share to
  // the others instead of holding up the call. Some 16 pieces per thread.
  const size_t workers = internal::ChunkCount(n, options_.threads);
  const size_t piece = std::clamp<size_t>(n / (16 * workers), 16, 1024);
  const size_t pieces = (n + piece - 1) / piece;
  std::vector<Part> parts(pieces);
  std::vector<Status> worker_status(workers);  // failures outside a piece
  std::atomic<size_t> next_piece{0};
  internal::ProgressTicker ticker(progress, static_cast<int64_t>(n), "text analysis");
  // Stems serve only the taxonomy's matching: sentiment reads folded words.
  const bool stems = taxonomy_.has_value();
  internal::ParallelChunks(workers, options_.threads, [&](size_t worker, size_t, size_t) {
    Result<std::unique_ptr<Tokenizer>> tokenizer = Status(CANDOR_INTERNAL, "no tokenizer");
    try {
      tokenizer = tokenizers_->Take(stems);
    } catch (const std::bad_alloc&) {
      tokenizer = Status(CANDOR_OUT_OF_MEMORY, "out of memory analyzing comments");
    } catch (const std::exception& e) {
      tokenizer = Status(CANDOR_INTERNAL, std::string("analyzing comments: ") + e.what());
    }
    if (!tokenizer.ok()) {
      worker_status[worker] = tokenizer.status();
      return;
    }
    // Given back however the thread ends (a tokenizer holds no state
    // between comments but its word memo).
    struct GiveBack {
      TokenizerPool* pool;
      std::unique_ptr<Tokenizer>* tokenizer;
      bool stems;
      ~GiveBack() { pool->Give(std::move(*tokenizer), stems); }
    } give_back{tokenizers_.get(), &tokenizer.value(), stems};
    TokenizedText text;
    CommentSentiment sentiment;
    std::vector<ThemeMention> matches;
    for (size_t p; ticker.Running() && (p = next_piece.fetch_add(1)) < pieces;) {
      Part& part = parts[p];
      const size_t begin = p * piece;
      const size_t end = std::min(n, begin + piece);
      try {
        Reserve(&part.columns, end - begin, 4 * (end - begin));
        part.columns.sentiment.sentence_offsets.push_back(0);
        for (size_t i = begin; i < end; ++i) {
          const Status s = (*tokenizer)->Tokenize(comments[i], &text);
          if (!s.ok()) {
            part.status = Status(s.code(), "comment " + std::to_string(i) + ": " + s.message());
            return;
          }
          analyzer_->Analyze(text, &sentiment);
          matches.clear();
          if (taxonomy_) MatchThemes(*taxonomy_, text, &matches);
          AppendComment(i, text, sentiment, matches, &part.columns);
        }
      } catch (const std::bad_alloc&) {
        part.status = Status(CANDOR_OUT_OF_MEMORY, "out of memory analyzing comments");
        return;
      } catch (const std::exception& e) {
        part.status = Status(CANDOR_INTERNAL, std::string("analyzing comments: ") + e.what());
        return;
      }
      ticker.Add(static_cast<int64_t>(end - begin));
    }
  }, &ticker);
  if (!ticker.Running()) return ticker.CancelledStatus();
  for (const Status& status : worker_status) {
    if (!status.ok()) return status;
  }
  // Pieces are taken in comment order, and a thread stops at its first
  // failure, so every piece before the first failed one was analyzed: it
  // holds the lowest failing comment.
  for (const Part& part : parts) {
    if (!part.status.ok()) return part.status;
  }
  TextColumns out;
  size_t sentences = 0;
  for (const Part& part : parts) sentences += part.columns.sentence_comment.size();
  Reserve(&out, n, sentences);
  out.sentiment.sentence_offsets.push_back(0);
  for (const Part& part : parts) Join(&out, part.columns);
  if (!ticker.Finish()) return ticker.CancelledStatus();
  return out;
}

}  // namespace candor::text
