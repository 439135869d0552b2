// The outer loop: options, inputs, and a handle owning the ranked rows and
// their quotes.
#include <candor/outer_loop.hpp>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "options.hpp"
#include "shim.hpp"
#include "theme_mentions.hpp"

struct candor_outer_loop {
  candor::OuterLoop result;
};

using candor::capi::Guard;
using candor::capi::Required;

namespace {

candor_outer_loop_options Defaults() {
  auto o = candor::capi::ZeroedOptions<candor_outer_loop_options>();
  o.rank_by = CANDOR_OUTER_LOOP_RANK_ARR_AT_RISK;
  o.replicates = 2000;
  o.seed = 42;
  o.level = 0.95;
  o.threads = 0;
  o.earlier_period = -1;
  o.later_period = -1;
  o.alpha = 0.05;
  o.quotes_per_theme = 3;
  o.max_quote_bytes = 280;
  o.max_quote_similarity = 0.5;
  return o;
}

candor_outer_loop_inputs InputDefaults() {
  return candor::capi::ZeroedOptions<candor_outer_loop_inputs>();
}

candor::Status FromC(const candor_outer_loop_options* options, candor::OuterLoopOptions* out,
                     candor::capi::ProgressHook* hook) {
  candor_outer_loop_options o = Defaults();
  CANDOR_RETURN_IF_ERROR(candor::capi::ReadSized(options, sizeof(size_t), &o));
  const int rank = candor::capi::RawEnum(o.rank_by);
  if (rank < 0 || rank > 3) {
    return candor::InvalidArgument("options->rank_by: unknown value " + std::to_string(rank));
  }
  out->rank_by = static_cast<candor::OuterLoopRank>(rank);
  out->replicates = o.replicates;
  out->seed = o.seed;
  out->level = o.level;
  out->threads = o.threads;
  out->earlier_period = o.earlier_period;
  out->later_period = o.later_period;
  out->alpha = o.alpha;
  out->quotes_per_theme = o.quotes_per_theme;
  out->max_quote_bytes = o.max_quote_bytes;
  out->max_quote_similarity = o.max_quote_similarity;
  *hook = {o.progress, o.progress_user_data};
  out->progress = hook->progress();
  return out->Validate();
}

void ToC(const candor::ThemeCost& r, candor_outer_loop_row* out) {
  out->theme = r.theme;
  out->rank = r.rank;
  out->name = r.name.c_str();
  out->comments = r.comments;
  out->detractor_comments = r.detractor_comments;
  out->accounts = r.accounts;
  out->detractor_accounts = r.detractor_accounts;
  out->arr_at_risk = r.arr_at_risk;
  out->arr_ci_low = r.arr_ci_low;
  out->arr_ci_high = r.arr_ci_high;
  candor::capi::ToC(r.impact, &out->impact);
  out->has_trend = r.has_trend ? 1 : 0;
  out->trending = r.trending ? 1 : 0;
  out->share_change = r.share_change;
  out->share_change_ci_low = r.share_change_ci_low;
  out->share_change_ci_high = r.share_change_ci_high;
  out->trend_p_adjusted = r.trend_p_adjusted;
  out->tone = r.tone;
  out->quotes = r.quotes.size();
}

void NoIntervalsToC(const candor::ThemeCost& r, candor_outer_loop_no_intervals* out) {
  out->arr = static_cast<int32_t>(r.arr_no_interval);
  out->impact = static_cast<int32_t>(r.impact_no_interval);
  out->share_change = static_cast<int32_t>(r.share_change_no_interval);
}

static_assert(static_cast<int>(candor::NoIntervalReason::kNoDetractorAccount) ==
                      CANDOR_OUTER_LOOP_NO_INTERVAL_NO_DETRACTOR_ACCOUNT &&
                  static_cast<int>(candor::NoIntervalReason::kShareAllOrNone) ==
                      CANDOR_OUTER_LOOP_NO_INTERVAL_SHARE_ALL_OR_NONE,
              "candor_outer_loop_no_interval mirrors candor::NoIntervalReason");

}  // namespace

extern "C" {

candor_status candor_outer_loop_options_defaults(candor_outer_loop_options* options, size_t size) {
  return candor::capi::WriteDefaults(Defaults(), size, options);
}

candor_status candor_outer_loop_inputs_defaults(candor_outer_loop_inputs* inputs, size_t size) {
  return candor::capi::WriteDefaults(InputDefaults(), size, inputs);
}

candor_status candor_outer_loop_new(const candor_score_options* score_options,
                                    const candor_outer_loop_options* options, const double* scores,
                                    size_t n, const candor_theme_mentions* mentions,
                                    const candor_outer_loop_inputs* inputs,
                                    candor_outer_loop** out) {
  return candor::capi::NewHandle(out, [&]() -> candor::Result<candor::OuterLoop> {
    CANDOR_RETURN_IF_ERROR(Required(mentions, "mentions", inputs, "inputs"));
    if (n > 0) CANDOR_RETURN_IF_ERROR(Required(scores, "scores"));
    candor::Metric metric;
    candor::IntervalOptions interval;
    candor::OuterLoopOptions loop_options;
    candor::capi::ProgressHook hook;
    CANDOR_RETURN_IF_ERROR(candor::capi::FromOptions(score_options, &metric, &interval, nullptr));
    CANDOR_RETURN_IF_ERROR(FromC(options, &loop_options, &hook));
    candor_outer_loop_inputs in = InputDefaults();
    CANDOR_RETURN_IF_ERROR(candor::capi::ReadSized(inputs, sizeof(size_t), &in));
    auto theme_mentions = candor::capi::MentionsFromC(*mentions, n);
    if (!theme_mentions.ok()) return theme_mentions.status();
    auto names = candor::capi::ThemeNamesFromC(*mentions);
    if (!names.ok()) return names.status();
    std::vector<std::string_view> texts;
    candor::OuterLoopInputs loop_inputs;
    if (in.texts != nullptr) {
      texts.resize(n);
      for (size_t i = 0; i < n; ++i) {
        const char* text = in.texts[i];
        if (text == nullptr) continue;
        texts[i] =
            std::string_view(text, in.text_sizes != nullptr ? in.text_sizes[i] : std::strlen(text));
      }
      loop_inputs.texts = &texts;
    }
    loop_inputs.accounts = in.accounts;
    loop_inputs.account_arr = in.account_arr;
    loop_inputs.account_count = in.account_count;
    loop_inputs.periods = in.periods;
    loop_inputs.sentiments = in.sentiments;
    loop_inputs.segments = in.segments;
    return candor::RankThemesByCost(metric, scores, n, *theme_mentions, *names, loop_inputs,
                                    loop_options);
  });
}

void candor_outer_loop_free(candor_outer_loop* outer_loop) { delete outer_loop; }

size_t candor_outer_loop_rows(const candor_outer_loop* outer_loop) {
  return outer_loop == nullptr ? 0 : outer_loop->result.themes.size();
}

candor_status candor_outer_loop_row_at(const candor_outer_loop* outer_loop, size_t i,
                                       candor_outer_loop_row* out) {
  return candor::capi::RowAt(
      outer_loop, "outer_loop", i, out, "row {i} of an outer loop with {n} themes",
      [](const candor_outer_loop& h) -> const auto& { return h.result.themes; }, ToC);
}

candor_status candor_outer_loop_quote_at(const candor_outer_loop* outer_loop, size_t row, size_t k,
                                         candor_outer_loop_quote* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(outer_loop, "outer_loop", out, "out"));
    const auto& themes = outer_loop->result.themes;
    CANDOR_RETURN_IF_ERROR(
        candor::capi::CheckIndex(row, themes.size(), "row {i} of an outer loop with {n} themes"));
    const auto& quotes = themes[row].quotes;
    CANDOR_RETURN_IF_ERROR(
        candor::capi::CheckIndex(k, quotes.size(), "quote {i} of a row with {n} quotes"));
    const candor::Quote& q = quotes[k];
    out->comment = q.comment;
    out->segment = q.segment;
    out->text = q.text.c_str();
    out->text_size = q.text.size();
    out->typicality = q.typicality;
    out->tone = q.tone;
    return candor::OkStatus();
  });
}

candor_status candor_outer_loop_summary_get(const candor_outer_loop* outer_loop,
                                            candor_outer_loop_summary* out) {
  return Guard([&] {
    CANDOR_RETURN_IF_ERROR(Required(outer_loop, "outer_loop", out, "out"));
    const candor::OuterLoop& r = outer_loop->result;
    candor::capi::ToC(r.overall, &out->overall);
    out->accounts = r.accounts;
    out->detractor_accounts = r.detractor_accounts;
    out->total_arr = r.total_arr;
    out->replicates = r.replicates;
    return candor::OkStatus();
  });
}

candor_status candor_outer_loop_no_intervals_at(const candor_outer_loop* outer_loop, size_t i,
                                                candor_outer_loop_no_intervals* out) {
  return candor::capi::RowAt(
      outer_loop, "outer_loop", i, out, "row {i} of an outer loop with {n} themes",
      [](const candor_outer_loop& h) -> const auto& { return h.result.themes; }, NoIntervalsToC);
}

const char* candor_outer_loop_no_interval_text(int32_t reason) {
  if (reason < CANDOR_OUTER_LOOP_NO_INTERVAL_NONE ||
      reason > CANDOR_OUTER_LOOP_NO_INTERVAL_SHARE_ALL_OR_NONE) {
    return nullptr;
  }
  return candor::NoIntervalReasonText(static_cast<candor::NoIntervalReason>(reason));
}

}  // extern "C"
