// The text-model handle (include/candor/text_model.hpp): options, lexicon and
// taxonomy loading, batch analysis, and the columns of its results.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <candor/text_model.hpp>

#include "options.hpp"
#include "shim.hpp"

struct candor_text_model {
  explicit candor_text_model(std::unique_ptr<candor::text::TextModel> m) : model(std::move(m)) {}
  std::unique_ptr<candor::text::TextModel> model;
  candor::capi::ProgressHook hook;  // candor_text_options.progress, for candor_text_analyze
};

struct candor_text_results {
  explicit candor_text_results(candor::text::TextColumns analyzed)
      : columns(std::move(analyzed)),
        urgency(columns.sentiment.urgency_category.begin(),
                columns.sentiment.urgency_category.end()) {}

  candor::text::TextColumns columns;
  std::vector<int32_t> urgency;  // candor_urgency per comment
};

namespace candor::capi {
namespace {

using text::TextModel;
using text::TextModelOptions;

candor_text_options TextDefaults() {
  auto o = ZeroedOptions<candor_text_options>();
  o.invalid_utf8 = CANDOR_UTF8_ERROR;
  o.language = nullptr;
  o.fallback_language = nullptr;
  o.threads = 0;
  return o;
}

Status FromTextOptions(const candor_text_options* options, TextModelOptions* out,
                       ProgressHook* hook) {
  if (options == nullptr) return OkStatus();  // the defaults
  candor_text_options o = TextDefaults();
  const size_t oldest = offsetof(candor_text_options, invalid_utf8) + sizeof(int);
  CANDOR_RETURN_IF_ERROR(ReadSized(options, oldest, &o));
  static constexpr EnumPair<text::Utf8Policy> kPolicies[] = {
      {CANDOR_UTF8_ERROR, text::Utf8Policy::kError},
      {CANDOR_UTF8_REPAIR, text::Utf8Policy::kRepair}};
  CANDOR_RETURN_IF_ERROR(EnumFromC(RawEnum(o.invalid_utf8), kPolicies,
                                   "options->invalid_utf8: unknown policy",
                                   &out->tokenize.invalid_utf8));
  if (o.language != nullptr) out->tokenize.language = o.language;
  if (o.fallback_language != nullptr) out->tokenize.fallback_language = o.fallback_language;
  out->threads = o.threads;
  *hook = {o.progress, o.progress_user_data};
  return OkStatus();
}

// Takes the raw int (RawEnum): a C caller may pass any value, and copying an
// out-of-range value as the enum type is undefined in C++.
Status FromLexiconFormat(int format, text::LexiconFormat* out) {
  static constexpr EnumPair<text::LexiconFormat> kFormats[] = {
      {CANDOR_LEXICON_CANDOR, text::LexiconFormat::kCandor},
      {CANDOR_LEXICON_VADER, text::LexiconFormat::kVader},
      {CANDOR_LEXICON_AFINN, text::LexiconFormat::kAfinn}};
  return EnumFromC(format, kFormats, "unknown lexicon format", out);
}

Status LoadLexicon(candor_text_model* model, Result<text::Lexicon> lexicon, int replace) {
  if (!lexicon.ok()) return lexicon.status();
  return model->model->LoadLexicon(*lexicon, replace != 0);
}

Status SetTaxonomy(candor_text_model* model, Result<text::Taxonomy> taxonomy) {
  if (!taxonomy.ok()) return taxonomy.status();
  model->model->SetTaxonomy(std::move(taxonomy).value());
  return OkStatus();
}

}  // namespace
}  // namespace candor::capi

using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_text_options_defaults(candor_text_options* options, size_t size) {
  return candor::capi::WriteDefaults(candor::capi::TextDefaults(), size, options);
}

candor_status candor_text_model_new(const candor_text_options* options, candor_text_model** out) {
  candor::capi::ProgressHook hook;
  const candor_status status = candor::capi::NewHandle(
      out, [&]() -> candor::Result<std::unique_ptr<candor::text::TextModel>> {
        candor::text::TextModelOptions cpp;
        CANDOR_RETURN_IF_ERROR(candor::capi::FromTextOptions(options, &cpp, &hook));
        return candor::text::TextModel::Create(cpp);
      });
  if (status == CANDOR_OK) (*out)->hook = hook;
  return status;
}

void candor_text_model_free(candor_text_model* model) { delete model; }

candor_status candor_text_model_load_lexicon(candor_text_model* model, const char* data,
                                             size_t size, candor_lexicon_format format,
                                             int replace) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(model, "model"));
    if (size > 0) CANDOR_RETURN_IF_ERROR(Required(data, "data"));
    candor::text::LexiconFormat cpp_format;
    CANDOR_RETURN_IF_ERROR(
        candor::capi::FromLexiconFormat(candor::capi::RawEnum(format), &cpp_format));
    return candor::capi::LoadLexicon(
        model, candor::text::Lexicon::Parse(std::string_view(data, size), cpp_format), replace);
  });
}

candor_status candor_text_model_load_lexicon_file(candor_text_model* model, const char* path,
                                                  candor_lexicon_format format, int replace) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(model, "model", path, "path"));
    candor::text::LexiconFormat cpp_format;
    CANDOR_RETURN_IF_ERROR(
        candor::capi::FromLexiconFormat(candor::capi::RawEnum(format), &cpp_format));
    return candor::capi::LoadLexicon(model, candor::text::Lexicon::LoadFile(path, cpp_format),
                                     replace);
  });
}

size_t candor_text_model_lexicon_size(const candor_text_model* model) {
  return model == nullptr ? 0 : model->model->lexicon().size();
}

candor_status candor_text_model_load_taxonomy(candor_text_model* model, const char* json,
                                              size_t size) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(model, "model"));
    if (size > 0) CANDOR_RETURN_IF_ERROR(Required(json, "json"));
    return candor::capi::SetTaxonomy(
        model, candor::text::Taxonomy::FromJson(std::string_view(json, size)));
  });
}

candor_status candor_text_model_load_taxonomy_file(candor_text_model* model, const char* path) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(model, "model", path, "path"));
    return candor::capi::SetTaxonomy(model, candor::text::Taxonomy::FromFile(path));
  });
}

size_t candor_text_model_theme_count(const candor_text_model* model) {
  if (model == nullptr || model->model->taxonomy() == nullptr) return 0;
  return model->model->taxonomy()->size();
}

candor_status candor_text_model_theme(const candor_text_model* model, size_t id,
                                      candor_taxonomy_theme* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(model, "model", out, "out"));
    CANDOR_RETURN_IF_ERROR(candor::capi::CheckIndex(id, candor_text_model_theme_count(model),
                                                    "theme {i} of {n} themes"));
    const candor::text::Theme& theme = model->model->taxonomy()->theme(id);
    out->name = theme.name.c_str();
    out->path = theme.path.c_str();
    out->parent = theme.parent;
    out->depth = theme.depth;
    return candor::OkStatus();
  });
}

candor_status candor_text_analyze(const candor_text_model* model, const char* const* texts,
                                  const size_t* sizes, size_t n, candor_text_results** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out", model, "model"));
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(texts, "texts", sizes, "sizes"));
    return candor::capi::MakeHandle(out, [&]() -> candor::Result<candor::text::TextColumns> {
      std::vector<std::string_view> views(n);
      for (size_t i = 0; i < n; ++i) {
        if (texts[i] == nullptr && sizes[i] > 0) {
          return candor::InvalidArgument("texts[" + std::to_string(i) + "] is NULL but sizes[" +
                                         std::to_string(i) + "] is " + std::to_string(sizes[i]));
        }
        if (texts[i] != nullptr) views[i] = std::string_view(texts[i], sizes[i]);
      }
      return model->model->Analyze(views.data(), n, model->hook.progress());
    });
  });
}

void candor_text_results_free(candor_text_results* results) { delete results; }

size_t candor_text_results_count(const candor_text_results* results) {
  return results == nullptr ? 0 : results->columns.size();
}

const double* candor_text_results_sentiment(const candor_text_results* results) {
  return results == nullptr ? nullptr : results->columns.sentiment.score.data();
}

const double* candor_text_results_emotion(const candor_text_results* results,
                                          candor_emotion emotion) {
  const int e = candor::capi::RawEnum(emotion);
  if (results == nullptr || e < 0 || e >= candor::text::kEmotionCount) return nullptr;
  return results->columns.sentiment.emotions[static_cast<size_t>(e)].data();
}

const int32_t* candor_text_results_urgency(const candor_text_results* results) {
  return results == nullptr ? nullptr : results->urgency.data();
}

const uint32_t* candor_text_results_urgency_mask(const candor_text_results* results) {
  return results == nullptr ? nullptr : results->columns.sentiment.urgency_categories.data();
}

const char* candor_text_results_urgency_reason(const candor_text_results* results, size_t i,
                                               uint32_t* begin, uint32_t* end) {
  if (results == nullptr || i >= results->columns.size()) return nullptr;
  const candor::text::SentimentColumns& s = results->columns.sentiment;
  if (begin != nullptr) *begin = s.urgency_span_begin[i];
  if (end != nullptr) *end = s.urgency_span_end[i];
  return s.urgency_reason[i].c_str();
}

const char* candor_text_results_language(const candor_text_results* results, size_t i) {
  if (results == nullptr || i >= results->columns.size()) return nullptr;
  return results->columns.sentiment.language[i].c_str();
}

const uint8_t* candor_text_results_repaired(const candor_text_results* results) {
  return results == nullptr ? nullptr : results->columns.repaired.data();
}

size_t candor_text_results_sentences(const candor_text_results* results,
                                     const int64_t** comment, const uint32_t** begin,
                                     const uint32_t** end, const double** sentiment) {
  if (results == nullptr) return 0;
  const candor::text::TextColumns& c = results->columns;
  if (comment != nullptr) *comment = c.sentence_comment.data();
  if (begin != nullptr) *begin = c.sentence_begin.data();
  if (end != nullptr) *end = c.sentence_end.data();
  if (sentiment != nullptr) *sentiment = c.sentiment.sentence_scores.data();
  return c.sentence_comment.size();
}

size_t candor_text_results_mentions(const candor_text_results* results,
                                    const int64_t** comment, const int64_t** sentence,
                                    const int32_t** theme, const double** sentiment) {
  if (results == nullptr) return 0;
  const candor::text::TextColumns& c = results->columns;
  if (comment != nullptr) *comment = c.mention_comment.data();
  if (sentence != nullptr) *sentence = c.mention_sentence.data();
  if (theme != nullptr) *theme = c.mention_theme.data();
  if (sentiment != nullptr) *sentiment = c.mention_sentiment.data();
  return c.mention_comment.size();
}

}  // extern "C"
