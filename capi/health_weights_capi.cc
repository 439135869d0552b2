// Suggested scorecard weights from churn history
// (include/candor/health_weights.hpp), on a table or as of a cut-off of a
// history: options, the result handle and its columns.
#include <candor/health.hpp>
#include <candor/health_history.hpp>
#include <candor/health_weights.hpp>
#include <utility>

#include "auc_results.hpp"
#include "health_handles.hpp"
#include "options.hpp"
#include "shim.hpp"

struct candor_suggested_weights {
  candor::SuggestedWeights weights;
};

namespace candor::capi {
namespace {

candor_suggest_weights_options SuggestDefaults() {
  auto o = ZeroedOptions<candor_suggest_weights_options>();
  const SuggestWeightsOptions defaults;
  o.l2_penalty = defaults.l2_penalty;
  o.folds = defaults.folds;
  o.seed = defaults.seed;
  o.level = defaults.level;
  return o;
}

// The caller's options (NULL: the defaults) as the C++ struct.
Status ReadSuggestOptions(const candor_suggest_weights_options* options,
                          SuggestWeightsOptions* out) {
  candor_suggest_weights_options o = SuggestDefaults();
  CANDOR_RETURN_IF_ERROR(ReadSized(options, sizeof(size_t), &o));
  out->l2_penalty = o.l2_penalty;
  out->folds = o.folds;
  out->seed = o.seed;
  out->level = o.level;
  return OkStatus();
}

}  // namespace
}  // namespace candor::capi

using candor::capi::Guard;
using candor::capi::Required;

extern "C" {

candor_status candor_suggest_weights_options_defaults(candor_suggest_weights_options* options,
                                                      size_t size) {
  return candor::capi::WriteDefaults(candor::capi::SuggestDefaults(), size, options);
}

candor_status candor_health_suggest_weights(const candor_scorecard* card, const char* const* names,
                                            const double* const* columns, size_t n_columns,
                                            size_t n, const int32_t* segment,
                                            const char* const* segment_names, size_t n_segments,
                                            const uint8_t* churned,
                                            const candor_suggest_weights_options* options,
                                            candor_suggested_weights** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    CANDOR_RETURN_IF_ERROR(Required(card, "card"));
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(churned, "churned"));
    candor::SuggestWeightsOptions cpp;
    CANDOR_RETURN_IF_ERROR(candor::capi::ReadSuggestOptions(options, &cpp));
    auto table = candor::capi::HealthTableFromC(names, columns, n_columns, n, segment,
                                                segment_names, n_segments);
    if (!table.ok()) return table.status();
    return candor::capi::MakeHandle(out, [&]() -> candor::Result<candor_suggested_weights> {
      auto weights = candor::SuggestHealthWeights(card->card, *table, churned, cpp);
      if (!weights.ok()) return weights.status();
      return candor_suggested_weights{std::move(weights).value()};
    });
  });
}

candor_status candor_health_suggest_weights_as_of(const candor_scorecard* card,
                                                  const candor_health_history* history,
                                                  int64_t as_of, const uint8_t* churned,
                                                  const candor_suggest_weights_options* options,
                                                  candor_suggested_weights** out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(out, "out"));
    *out = nullptr;
    CANDOR_RETURN_IF_ERROR(Required(card, "card"));
    candor::SuggestWeightsOptions cpp;
    CANDOR_RETURN_IF_ERROR(candor::capi::ReadSuggestOptions(options, &cpp));
    candor::HealthHistory h;
    CANDOR_RETURN_IF_ERROR(candor::capi::HealthHistoryFromC(history, &h));
    return candor::capi::MakeHandle(out, [&]() -> candor::Result<candor_suggested_weights> {
      auto weights = candor::SuggestHealthWeightsAsOf(card->card, h, as_of, churned, cpp);
      if (!weights.ok()) return weights.status();
      return candor_suggested_weights{std::move(weights).value()};
    });
  });
}

void candor_suggested_weights_free(candor_suggested_weights* weights) { delete weights; }

candor_status candor_suggested_weights_columns_get(const candor_suggested_weights* weights,
                                                   candor_suggested_weights_columns* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(weights, "weights", out, "out"));
    const candor::SuggestedWeights& w = weights->weights;
    out->n = w.n;
    out->measures = w.measures;
    out->coefficient = w.coefficient.data();
    out->coefficient_per_point = w.coefficient_per_point.data();
    out->suggested_weight = w.suggested_weight.data();
    out->current_weight = w.current_weight.data();
    out->flagged = w.flagged.data();
    out->point_mean = w.point_mean.data();
    out->point_sd = w.point_sd.data();
    out->imputed = w.imputed.data();
    out->intercept = w.intercept;
    out->iterations = w.iterations;
    out->excluded = w.excluded;
    out->oof_probability = w.oof_probability.data();
    out->fold = w.fold.data();
    out->score = w.score.data();
    candor::capi::ToC(w.auc, &out->auc);
    candor::capi::ToC(w.current_auc, &out->current_auc);
    candor::capi::ToC(w.comparison, &out->comparison);
    return candor::OkStatus();
  });
}

}  // extern "C"
