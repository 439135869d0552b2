// Theme discovery: options, the candor_themes handle and its accessors, and
// NMF of a caller's CSR matrix.
#include <candor/text_discovery.hpp>

#include <cmath>
#include <cstring>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "options.hpp"
#include "shim.hpp"

struct candor_themes {
  candor::text::ThemeDiscovery found;
};

using candor::capi::EnumPair;
using candor::capi::Guard;
using candor::capi::RawEnum;
using candor::capi::Required;
using candor::text::DiscoveredTheme;

namespace {

candor_themes_options Defaults() {
  auto o = candor::capi::ZeroedOptions<candor_themes_options>();
  const candor::text::DiscoveryOptions d;
  o.k = d.k;
  o.k_min = d.k_min;
  o.k_max = d.k_max;
  o.top_terms = d.top_terms;
  o.label_phrases = d.label_phrases;
  o.stems = d.vocabulary.stems ? 1 : 0;
  o.min_word_length = d.vocabulary.min_word_length;
  o.min_df = d.vocabulary.min_df;
  o.max_df = d.vocabulary.max_df;
  o.bigrams = d.vocabulary.bigrams ? 1 : 0;
  o.bigram_min_count = d.vocabulary.bigram_min_count;
  o.bigram_min_npmi = d.vocabulary.bigram_min_npmi;
  o.sublinear_tf = d.tfidf.sublinear_tf ? 1 : 0;
  o.init = CANDOR_NMF_INIT_NNDSVDA;
  o.svd = CANDOR_SVD_AUTO;
  o.max_iter = d.nmf.max_iter;
  o.tol = d.nmf.tol;
  o.seed = d.nmf.seed;
  o.threads = 0;
  o.repair_utf8 = 0;
  o.language = nullptr;
  o.extra_stop_words = nullptr;
  return o;
}

candor::Status NmfFromC(const candor_themes_options& o, candor::text::NmfOptions* out) {
  static constexpr EnumPair<candor::text::NmfInit> kInits[] = {
      {CANDOR_NMF_INIT_NNDSVD, candor::text::NmfInit::kNndsvd},
      {CANDOR_NMF_INIT_NNDSVDA, candor::text::NmfInit::kNndsvda},
      {CANDOR_NMF_INIT_NNDSVDAR, candor::text::NmfInit::kNndsvdar}};
  static constexpr EnumPair<candor::text::SvdMethod> kSvds[] = {
      {CANDOR_SVD_AUTO, candor::text::SvdMethod::kAuto},
      {CANDOR_SVD_EXACT, candor::text::SvdMethod::kExact},
      {CANDOR_SVD_RANDOMIZED, candor::text::SvdMethod::kRandomized}};
  CANDOR_RETURN_IF_ERROR(candor::capi::EnumFromC(
      RawEnum(o.init), kInits, "options->init: unknown NMF initialization", &out->init));
  CANDOR_RETURN_IF_ERROR(candor::capi::EnumFromC(RawEnum(o.svd), kSvds,
                                                 "options->svd: unknown SVD method", &out->svd));
  out->max_iter = o.max_iter;
  out->tol = o.tol;
  out->seed = o.seed;
  out->threads = o.threads;
  return candor::OkStatus();
}

// The caller's (possibly older, shorter) options over the defaults.
candor::Status ReadOptions(const candor_themes_options* options, candor_themes_options* o) {
  *o = Defaults();
  CANDOR_RETURN_IF_ERROR(candor::capi::ReadSized(options, sizeof(size_t), o));
  return candor::OkStatus();
}

candor::Status FromC(const candor_themes_options& o, candor::text::DiscoveryOptions* out) {
  out->k = o.k;
  out->k_min = o.k_min;
  out->k_max = o.k_max;
  out->top_terms = o.top_terms;
  out->label_phrases = o.label_phrases;
  out->threads = o.threads;
  auto& v = out->vocabulary;
  v.stems = o.stems != 0;
  v.min_word_length = o.min_word_length;
  v.min_df = o.min_df;
  v.max_df = o.max_df;
  v.bigrams = o.bigrams != 0;
  v.bigram_min_count = o.bigram_min_count;
  v.bigram_min_npmi = o.bigram_min_npmi;
  if (o.extra_stop_words != nullptr) {
    std::istringstream words(o.extra_stop_words);
    std::string w;
    while (words >> w) v.extra_stop_words.push_back(w);
  }
  out->tfidf.sublinear_tf = o.sublinear_tf != 0;
  out->tokenize.invalid_utf8 =
      o.repair_utf8 != 0 ? candor::text::Utf8Policy::kRepair : candor::text::Utf8Policy::kError;
  if (o.language != nullptr) out->tokenize.language = o.language;
  out->tokenize.stem = v.stems;
  return NmfFromC(o, &out->nmf);
}

const DiscoveredTheme* ThemeOrNull(const candor_themes* themes, size_t t) {
  if (themes == nullptr || t >= themes->found.themes.size()) return nullptr;
  return &themes->found.themes[t];
}

// Item i of one of theme t's ranked lists (`names`, e.g. its top terms), with
// its weight or score from `values` in *value if asked: NULL when t or i is
// out of range.
const char* ThemeItem(const candor_themes* themes, size_t t, size_t i,
                      std::vector<std::string> DiscoveredTheme::*names,
                      std::vector<double> DiscoveredTheme::*values, double* value) {
  const DiscoveredTheme* theme = ThemeOrNull(themes, t);
  if (theme == nullptr || i >= (theme->*names).size()) return nullptr;
  if (value != nullptr) *value = (theme->*values)[i];
  return (theme->*names)[i].c_str();
}

void ToC(const DiscoveredTheme& theme, candor_theme_info* out) {
  out->label = theme.label.c_str();
  out->coherence = theme.coherence;
  out->documents = theme.documents;
  out->total_weight = theme.total_weight;
  out->top_terms = theme.top_terms.size();
  out->key_phrases = theme.key_phrases.size();
}

}  // namespace

extern "C" {

candor_status candor_themes_options_defaults(candor_themes_options* options, size_t size) {
  return candor::capi::WriteDefaults(Defaults(), size, options);
}

candor_status candor_themes_discover(const candor_themes_options* options, const char* const* texts,
                                     const size_t* lengths, size_t n, candor_themes** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<candor::text::ThemeDiscovery> {
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(texts, "texts"));
    candor_themes_options o;
    CANDOR_RETURN_IF_ERROR(ReadOptions(options, &o));
    candor::text::DiscoveryOptions discovery;
    CANDOR_RETURN_IF_ERROR(FromC(o, &discovery));
    const candor::capi::ProgressHook hook{o.progress, o.progress_user_data};
    discovery.progress = hook.progress();
    std::vector<std::string_view> views(n);
    for (size_t i = 0; i < n; ++i) {
      if (texts[i] == nullptr) {
        if (lengths != nullptr && lengths[i] == 0) continue;
        return candor::InvalidArgument("texts[" + std::to_string(i) + "] is NULL");
      }
      views[i] = lengths != nullptr ? std::string_view(texts[i], lengths[i])
                                    : std::string_view(texts[i]);
    }
    return candor::text::DiscoverThemes(views, discovery);
  });
}

void candor_themes_free(candor_themes* themes) { delete themes; }

candor_status candor_themes_summary_get(const candor_themes* themes,
                                        candor_themes_summary* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(themes, "themes", out, "out"));
    const auto& f = themes->found;
    out->k = static_cast<int32_t>(f.themes.size());
    out->documents = f.documents;
    out->terms = static_cast<int64_t>(f.terms.terms.size());
    out->mean_coherence = f.mean_coherence;
    out->iterations = f.nmf.iterations;
    out->converged = f.nmf.converged ? 1 : 0;
    out->loss = f.nmf.loss.empty() ? std::nan("") : f.nmf.loss.back();
    return candor::OkStatus();
  });
}

candor_status candor_themes_theme_at(const candor_themes* themes, size_t t,
                                     candor_theme_info* out) {
  return candor::capi::RowAt(
      themes, "themes", t, out, "theme {i} of {n}",
      [](const candor_themes& h) -> const auto& { return h.found.themes; }, ToC);
}

const char* candor_themes_top_term(const candor_themes* themes, size_t t, size_t i,
                                   double* weight) {
  return ThemeItem(themes, t, i, &DiscoveredTheme::top_terms, &DiscoveredTheme::top_term_weights,
                   weight);
}

const char* candor_themes_key_phrase(const candor_themes* themes, size_t t, size_t i,
                                     double* score) {
  return ThemeItem(themes, t, i, &DiscoveredTheme::key_phrases, &DiscoveredTheme::key_phrase_scores,
                   score);
}

const double* candor_themes_weights(const candor_themes* themes) {
  return themes == nullptr ? nullptr : themes->found.weights.data();
}

const int32_t* candor_themes_dominant(const candor_themes* themes) {
  return themes == nullptr ? nullptr : themes->found.dominant.data();
}

size_t candor_themes_k_tried(const candor_themes* themes, const int32_t** k,
                             const double** coherence) {
  if (themes == nullptr) return 0;
  if (k != nullptr) *k = themes->found.k_tried.data();
  if (coherence != nullptr) *coherence = themes->found.k_coherence.data();
  return themes->found.k_tried.size();
}

const char* candor_themes_term(const candor_themes* themes, size_t i) {
  if (themes == nullptr || i >= themes->found.terms.terms.size()) return nullptr;
  return themes->found.terms.terms[i].c_str();
}

candor_status candor_themes_matrix(const candor_themes* themes, int32_t tfidf,
                                   const int64_t** row_ptr, const int32_t** cols,
                                   const double** values) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(
        Required(themes, "themes", row_ptr, "row_ptr", cols, "cols", values, "values"));
    const candor::text::CsrMatrix& m =
        tfidf != 0 ? themes->found.tfidf : themes->found.terms.counts;
    *row_ptr = m.row_ptr.data();
    *cols = m.col.data();
    *values = m.value.data();
    return candor::OkStatus();
  });
}

candor_status candor_nmf(const candor_themes_options* options, const int64_t* row_ptr,
                         const int32_t* cols, const double* values, size_t rows, size_t n_cols,
                         int32_t k, double* w, double* h, double* loss_out,
                         int32_t* iterations_out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(row_ptr, "row_ptr", w, "w", h, "h"));
    candor_themes_options o;
    CANDOR_RETURN_IF_ERROR(ReadOptions(options, &o));
    candor::text::NmfOptions nmf;
    CANDOR_RETURN_IF_ERROR(NmfFromC(o, &nmf));
    const candor::capi::ProgressHook hook{o.progress, o.progress_user_data};
    nmf.progress = hook.progress();
    if (rows > static_cast<size_t>(INT64_MAX) - 1 || n_cols > static_cast<size_t>(INT32_MAX)) {
      return candor::InvalidArgument("matrix dimensions too large");
    }
    const int64_t nnz = row_ptr[rows];
    if (nnz < 0) return candor::InvalidArgument("row_ptr[rows] is negative");
    if (nnz > 0) CANDOR_RETURN_IF_ERROR(Required(cols, "cols", values, "values"));
    candor::text::CsrMatrix x;
    x.rows = static_cast<int64_t>(rows);
    x.cols = static_cast<int64_t>(n_cols);
    x.row_ptr.assign(row_ptr, row_ptr + rows + 1);
    if (nnz > 0) {
      x.col.assign(cols, cols + nnz);
      x.value.assign(values, values + nnz);
    }
    auto fit = candor::text::Nmf(x, k, nmf);
    if (!fit.ok()) return fit.status();
    std::memcpy(w, fit->w.data(), fit->w.size() * sizeof(double));
    std::memcpy(h, fit->h.data(), fit->h.size() * sizeof(double));
    if (loss_out != nullptr) *loss_out = fit->loss.back();
    if (iterations_out != nullptr) *iterations_out = fit->iterations;
    return candor::OkStatus();
  });
}

}  // extern "C"
