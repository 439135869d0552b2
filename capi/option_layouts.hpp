// capi/option_layouts.hpp — the field layout of every size-versioned option
// struct in candor.h, so that a caller's `size` can be checked against it.
//
// A caller's struct is read over the defaults up to its `size` bytes. A size
// that ends inside a field would take part of that field from the caller and
// part from the default: half a pointer is a wild pointer, half a count
// reads out of bounds. So a size is accepted only where a field of a layout
// this library knows begins or ends (padding between fields may be there or
// not). Each table lists every field in order; the static_asserts below
// prove that no field is missing, so a field appended to a struct without
// its table entry fails to compile.
#ifndef CANDOR_CAPI_OPTION_LAYOUTS_HPP_
#define CANDOR_CAPI_OPTION_LAYOUTS_HPP_

#include <candor.h>

#include <cstddef>

namespace candor::capi {

struct FieldSpan {
  size_t offset;
  size_t size;
  size_t align;
  constexpr size_t end() const { return offset + size; }
};

#define CANDOR_FIELD(Struct, field)                                                  \
  ::candor::capi::FieldSpan {                                                        \
    offsetof(Struct, field), sizeof(Struct::field), alignof(decltype(Struct::field)) \
  }

// The fields of Options in order; specialized below for each option struct.
template <typename Options>
struct OptionLayout;

constexpr size_t AlignUp(size_t n, size_t align) { return (n + align - 1) / align * align; }

// True when `fields` lists every field of a struct of `size` bytes and
// alignment `align`: each field starts right after the previous one (plus
// the padding its alignment needs) and the last one ends the struct.
template <size_t N>
constexpr bool CoversStruct(const FieldSpan (&fields)[N], size_t size, size_t align) {
  if (fields[0].offset != 0) return false;
  for (size_t k = 1; k < N; ++k) {
    if (fields[k].offset != AlignUp(fields[k - 1].end(), fields[k].align)) return false;
  }
  return AlignUp(fields[N - 1].end(), align) == size;
}

// Whether a caller's `size` ends where a field begins or ends (or is the
// whole struct), and covers at least `minimum` bytes.
template <typename Options>
constexpr bool IsFieldBoundary(size_t size, size_t minimum) {
  if (size < minimum) return false;
  if (size == sizeof(Options)) return true;
  for (const FieldSpan& field : OptionLayout<Options>::kFields) {
    if (size == field.offset || size == field.end()) return true;
  }
  return false;
}

#define CANDOR_OPTION_LAYOUT(Struct, ...)                                                     \
  template <>                                                                                 \
  struct OptionLayout<Struct> {                                                               \
    static constexpr const char* kName = #Struct;                                             \
    static constexpr FieldSpan kFields[] = {__VA_ARGS__};                                     \
  };                                                                                          \
  static_assert(CoversStruct(OptionLayout<Struct>::kFields, sizeof(Struct), alignof(Struct)), \
                "the layout table of " #Struct " misses a field")

CANDOR_OPTION_LAYOUT(
    candor_score_options, CANDOR_FIELD(candor_score_options, size),
    CANDOR_FIELD(candor_score_options, metric), CANDOR_FIELD(candor_score_options, scale_min),
    CANDOR_FIELD(candor_score_options, scale_max), CANDOR_FIELD(candor_score_options, promoter_min),
    CANDOR_FIELD(candor_score_options, detractor_max), CANDOR_FIELD(candor_score_options, box_size),
    CANDOR_FIELD(candor_score_options, interval), CANDOR_FIELD(candor_score_options, level),
    CANDOR_FIELD(candor_score_options, prior), CANDOR_FIELD(candor_score_options, replicates),
    CANDOR_FIELD(candor_score_options, seed), CANDOR_FIELD(candor_score_options, threads),
    CANDOR_FIELD(candor_score_options, p_adjust));

CANDOR_OPTION_LAYOUT(candor_design, CANDOR_FIELD(candor_design, size),
                     CANDOR_FIELD(candor_design, weights), CANDOR_FIELD(candor_design, clusters),
                     CANDOR_FIELD(candor_design, calibration));

CANDOR_OPTION_LAYOUT(candor_csv_options, CANDOR_FIELD(candor_csv_options, size),
                     CANDOR_FIELD(candor_csv_options, score_column),
                     CANDOR_FIELD(candor_csv_options, time_column),
                     CANDOR_FIELD(candor_csv_options, account_column),
                     CANDOR_FIELD(candor_csv_options, role_column),
                     CANDOR_FIELD(candor_csv_options, weight_column),
                     CANDOR_FIELD(candor_csv_options, comment_column),
                     CANDOR_FIELD(candor_csv_options, segment_columns),
                     CANDOR_FIELD(candor_csv_options, n_segment_columns),
                     CANDOR_FIELD(candor_csv_options, delimiter),
                     CANDOR_FIELD(candor_csv_options, skip_bad_rows),
                     CANDOR_FIELD(candor_csv_options, max_bytes));

CANDOR_OPTION_LAYOUT(candor_mk_options, CANDOR_FIELD(candor_mk_options, size),
                     CANDOR_FIELD(candor_mk_options, method),
                     CANDOR_FIELD(candor_mk_options, alpha),
                     CANDOR_FIELD(candor_mk_options, max_lag),
                     CANDOR_FIELD(candor_mk_options, period),
                     CANDOR_FIELD(candor_mk_options, hamed_rao_signed_sum));

CANDOR_OPTION_LAYOUT(candor_buckets_options, CANDOR_FIELD(candor_buckets_options, size),
                     CANDOR_FIELD(candor_buckets_options, every),
                     CANDOR_FIELD(candor_buckets_options, time_zone),
                     CANDOR_FIELD(candor_buckets_options, window_days),
                     CANDOR_FIELD(candor_buckets_options, half_life_days),
                     CANDOR_FIELD(candor_buckets_options, power),
                     CANDOR_FIELD(candor_buckets_options, control_k),
                     CANDOR_FIELD(candor_buckets_options, control_level));

CANDOR_OPTION_LAYOUT(candor_change_point_options, CANDOR_FIELD(candor_change_point_options, size),
                     CANDOR_FIELD(candor_change_point_options, penalty),
                     CANDOR_FIELD(candor_change_point_options, penalty_value),
                     CANDOR_FIELD(candor_change_point_options, min_size),
                     CANDOR_FIELD(candor_change_point_options, max_grid_points));

CANDOR_OPTION_LAYOUT(candor_account_trend_options, CANDOR_FIELD(candor_account_trend_options, size),
                     CANDOR_FIELD(candor_account_trend_options, min_responses),
                     CANDOR_FIELD(candor_account_trend_options, slope_unit_days),
                     CANDOR_FIELD(candor_account_trend_options, split),
                     CANDOR_FIELD(candor_account_trend_options, split_time),
                     CANDOR_FIELD(candor_account_trend_options, recent_days),
                     CANDOR_FIELD(candor_account_trend_options, covariance),
                     CANDOR_FIELD(candor_account_trend_options, p_adjust),
                     CANDOR_FIELD(candor_account_trend_options, alpha));

CANDOR_OPTION_LAYOUT(candor_text_options, CANDOR_FIELD(candor_text_options, size),
                     CANDOR_FIELD(candor_text_options, invalid_utf8),
                     CANDOR_FIELD(candor_text_options, language),
                     CANDOR_FIELD(candor_text_options, fallback_language),
                     CANDOR_FIELD(candor_text_options, threads));

CANDOR_OPTION_LAYOUT(
    candor_themes_options, CANDOR_FIELD(candor_themes_options, size),
    CANDOR_FIELD(candor_themes_options, k), CANDOR_FIELD(candor_themes_options, k_min),
    CANDOR_FIELD(candor_themes_options, k_max), CANDOR_FIELD(candor_themes_options, top_terms),
    CANDOR_FIELD(candor_themes_options, label_phrases), CANDOR_FIELD(candor_themes_options, stems),
    CANDOR_FIELD(candor_themes_options, min_word_length),
    CANDOR_FIELD(candor_themes_options, min_df), CANDOR_FIELD(candor_themes_options, max_df),
    CANDOR_FIELD(candor_themes_options, bigrams),
    CANDOR_FIELD(candor_themes_options, bigram_min_count),
    CANDOR_FIELD(candor_themes_options, bigram_min_npmi),
    CANDOR_FIELD(candor_themes_options, sublinear_tf), CANDOR_FIELD(candor_themes_options, init),
    CANDOR_FIELD(candor_themes_options, svd), CANDOR_FIELD(candor_themes_options, max_iter),
    CANDOR_FIELD(candor_themes_options, tol), CANDOR_FIELD(candor_themes_options, seed),
    CANDOR_FIELD(candor_themes_options, threads), CANDOR_FIELD(candor_themes_options, repair_utf8),
    CANDOR_FIELD(candor_themes_options, language),
    CANDOR_FIELD(candor_themes_options, extra_stop_words));

CANDOR_OPTION_LAYOUT(candor_drivers_options, CANDOR_FIELD(candor_drivers_options, size),
                     CANDOR_FIELD(candor_drivers_options, l2_penalty),
                     CANDOR_FIELD(candor_drivers_options, fit_key_drivers),
                     CANDOR_FIELD(candor_drivers_options, max_iterations),
                     CANDOR_FIELD(candor_drivers_options, tolerance),
                     CANDOR_FIELD(candor_drivers_options, earlier_period),
                     CANDOR_FIELD(candor_drivers_options, later_period),
                     CANDOR_FIELD(candor_drivers_options, p_adjust),
                     CANDOR_FIELD(candor_drivers_options, alpha));

CANDOR_OPTION_LAYOUT(candor_concordance_options, CANDOR_FIELD(candor_concordance_options, size),
                     CANDOR_FIELD(candor_concordance_options, time_weight));
CANDOR_OPTION_LAYOUT(candor_kaplan_meier_options, CANDOR_FIELD(candor_kaplan_meier_options, size),
                     CANDOR_FIELD(candor_kaplan_meier_options, level),
                     CANDOR_FIELD(candor_kaplan_meier_options, interval));

#undef CANDOR_OPTION_LAYOUT
#undef CANDOR_FIELD

}  // namespace candor::capi

#endif  // CANDOR_CAPI_OPTION_LAYOUTS_HPP_
