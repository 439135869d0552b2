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

// A field of the option struct whose layout is being listed: used inside
// CANDOR_OPTION_LAYOUT below, where `Struct` names that struct.
#define CANDOR_FIELD(field)                                                          \
  ::candor::capi::FieldSpan {                                                        \
    offsetof(Struct, field), sizeof(Struct::field), alignof(decltype(Struct::field)) \
  }

// The fields of Options in order, its name and the name of the header's
// function that initializes it; specialized below for each option struct.
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

// OptionLayout<Type>: its name, its init function and its fields, listed in
// order as CANDOR_FIELD(name), ...
#define CANDOR_OPTION_LAYOUT(Type, ...)                                                 \
  template <>                                                                           \
  struct OptionLayout<Type> {                                                           \
    using Struct = Type;                                                                \
    static constexpr const char* kName = #Type;                                         \
    static constexpr const char* kInit = #Type "_init";                                 \
    static constexpr FieldSpan kFields[] = {__VA_ARGS__};                               \
  };                                                                                    \
  static_assert(CoversStruct(OptionLayout<Type>::kFields, sizeof(Type), alignof(Type)), \
                "the layout table of " #Type " misses a field")

CANDOR_OPTION_LAYOUT(candor_score_options, CANDOR_FIELD(size), CANDOR_FIELD(metric),
                     CANDOR_FIELD(scale_min), CANDOR_FIELD(scale_max), CANDOR_FIELD(promoter_min),
                     CANDOR_FIELD(detractor_max), CANDOR_FIELD(box_size), CANDOR_FIELD(interval),
                     CANDOR_FIELD(level), CANDOR_FIELD(prior), CANDOR_FIELD(replicates),
                     CANDOR_FIELD(seed), CANDOR_FIELD(threads), CANDOR_FIELD(p_adjust),
                     CANDOR_FIELD(progress), CANDOR_FIELD(progress_user_data));

CANDOR_OPTION_LAYOUT(candor_design, CANDOR_FIELD(size), CANDOR_FIELD(weights),
                     CANDOR_FIELD(clusters), CANDOR_FIELD(calibration));

CANDOR_OPTION_LAYOUT(candor_csv_options, CANDOR_FIELD(size), CANDOR_FIELD(score_column),
                     CANDOR_FIELD(time_column), CANDOR_FIELD(account_column),
                     CANDOR_FIELD(role_column), CANDOR_FIELD(weight_column),
                     CANDOR_FIELD(comment_column), CANDOR_FIELD(segment_columns),
                     CANDOR_FIELD(n_segment_columns), CANDOR_FIELD(delimiter),
                     CANDOR_FIELD(skip_bad_rows), CANDOR_FIELD(max_bytes),
                     CANDOR_FIELD(number_columns), CANDOR_FIELD(n_number_columns),
                     CANDOR_FIELD(progress), CANDOR_FIELD(progress_user_data),
                     CANDOR_FIELD(decimal), CANDOR_FIELD(time_format), CANDOR_FIELD(encoding));

CANDOR_OPTION_LAYOUT(candor_mk_options, CANDOR_FIELD(size), CANDOR_FIELD(method),
                     CANDOR_FIELD(alpha), CANDOR_FIELD(max_lag), CANDOR_FIELD(period),
                     CANDOR_FIELD(hamed_rao_signed_sum));

CANDOR_OPTION_LAYOUT(candor_buckets_options, CANDOR_FIELD(size), CANDOR_FIELD(every),
                     CANDOR_FIELD(time_zone), CANDOR_FIELD(window_days),
                     CANDOR_FIELD(half_life_days), CANDOR_FIELD(power), CANDOR_FIELD(control_k),
                     CANDOR_FIELD(control_level), CANDOR_FIELD(p_adjust));

CANDOR_OPTION_LAYOUT(candor_weight_options, CANDOR_FIELD(size), CANDOR_FIELD(max_iterations),
                     CANDOR_FIELD(tolerance), CANDOR_FIELD(l2_penalty),
                     CANDOR_FIELD(progress), CANDOR_FIELD(progress_user_data));

CANDOR_OPTION_LAYOUT(candor_change_point_options, CANDOR_FIELD(size), CANDOR_FIELD(penalty),
                     CANDOR_FIELD(penalty_value), CANDOR_FIELD(min_size),
                     CANDOR_FIELD(max_grid_points), CANDOR_FIELD(alpha), CANDOR_FIELD(replicates),
                     CANDOR_FIELD(seed), CANDOR_FIELD(boundaries), CANDOR_FIELD(boundary_count),
                     CANDOR_FIELD(threads),
                     CANDOR_FIELD(progress), CANDOR_FIELD(progress_user_data));

CANDOR_OPTION_LAYOUT(candor_account_trend_options, CANDOR_FIELD(size), CANDOR_FIELD(min_responses),
                     CANDOR_FIELD(slope_unit_days), CANDOR_FIELD(split), CANDOR_FIELD(split_time),
                     CANDOR_FIELD(recent_days), CANDOR_FIELD(covariance), CANDOR_FIELD(p_adjust),
                     CANDOR_FIELD(alpha));

CANDOR_OPTION_LAYOUT(candor_text_options, CANDOR_FIELD(size), CANDOR_FIELD(invalid_utf8),
                     CANDOR_FIELD(language), CANDOR_FIELD(fallback_language),
                     CANDOR_FIELD(threads),
                     CANDOR_FIELD(progress), CANDOR_FIELD(progress_user_data));

CANDOR_OPTION_LAYOUT(candor_themes_options, CANDOR_FIELD(size), CANDOR_FIELD(k),
                     CANDOR_FIELD(k_min), CANDOR_FIELD(k_max), CANDOR_FIELD(top_terms),
                     CANDOR_FIELD(label_phrases), CANDOR_FIELD(stems),
                     CANDOR_FIELD(min_word_length), CANDOR_FIELD(min_df), CANDOR_FIELD(max_df),
                     CANDOR_FIELD(bigrams), CANDOR_FIELD(bigram_min_count),
                     CANDOR_FIELD(bigram_min_npmi), CANDOR_FIELD(sublinear_tf), CANDOR_FIELD(init),
                     CANDOR_FIELD(svd), CANDOR_FIELD(max_iter), CANDOR_FIELD(tol),
                     CANDOR_FIELD(seed), CANDOR_FIELD(threads), CANDOR_FIELD(repair_utf8),
                     CANDOR_FIELD(language), CANDOR_FIELD(extra_stop_words),
                     CANDOR_FIELD(progress), CANDOR_FIELD(progress_user_data));

CANDOR_OPTION_LAYOUT(candor_drivers_options, CANDOR_FIELD(size), CANDOR_FIELD(l2_penalty),
                     CANDOR_FIELD(fit_key_drivers), CANDOR_FIELD(max_iterations),
                     CANDOR_FIELD(tolerance), CANDOR_FIELD(earlier_period),
                     CANDOR_FIELD(later_period), CANDOR_FIELD(p_adjust), CANDOR_FIELD(alpha));

CANDOR_OPTION_LAYOUT(candor_concordance_options, CANDOR_FIELD(size), CANDOR_FIELD(time_weight));
CANDOR_OPTION_LAYOUT(candor_kaplan_meier_options, CANDOR_FIELD(size), CANDOR_FIELD(level),
                     CANDOR_FIELD(interval));
CANDOR_OPTION_LAYOUT(candor_health_measure, CANDOR_FIELD(size), CANDOR_FIELD(name),
                     CANDOR_FIELD(label), CANDOR_FIELD(group), CANDOR_FIELD(weight),
                     CANDOR_FIELD(transform), CANDOR_FIELD(zero_at), CANDOR_FIELD(full_at),
                     CANDOR_FIELD(tiers), CANDOR_FIELD(n_tiers), CANDOR_FIELD(true_points),
                     CANDOR_FIELD(false_points), CANDOR_FIELD(higher_is_better),
                     CANDOR_FIELD(z_span));
CANDOR_OPTION_LAYOUT(candor_survey_measure_options, CANDOR_FIELD(size), CANDOR_FIELD(from),
                     CANDOR_FIELD(to), CANDOR_FIELD(shrink));
CANDOR_OPTION_LAYOUT(candor_health_history, CANDOR_FIELD(size), CANDOR_FIELD(n),
                     CANDOR_FIELD(account), CANDOR_FIELD(time), CANDOR_FIELD(n_accounts),
                     CANDOR_FIELD(names), CANDOR_FIELD(columns), CANDOR_FIELD(n_columns),
                     CANDOR_FIELD(std_error_columns), CANDOR_FIELD(segment),
                     CANDOR_FIELD(segment_names), CANDOR_FIELD(n_segments));
CANDOR_OPTION_LAYOUT(candor_suggest_weights_options, CANDOR_FIELD(size), CANDOR_FIELD(l2_penalty),
                     CANDOR_FIELD(folds), CANDOR_FIELD(seed), CANDOR_FIELD(level));
CANDOR_OPTION_LAYOUT(candor_redact_options, CANDOR_FIELD(size), CANDOR_FIELD(kinds),
                     CANDOR_FIELD(redact_all_urls), CANDOR_FIELD(email_placeholder),
                     CANDOR_FIELD(phone_placeholder), CANDOR_FIELD(card_placeholder),
                     CANDOR_FIELD(iban_placeholder), CANDOR_FIELD(url_placeholder));

CANDOR_OPTION_LAYOUT(candor_followup_input, CANDOR_FIELD(size), CANDOR_FIELD(n),
                     CANDOR_FIELD(score), CANDOR_FIELD(time), CANDOR_FIELD(account),
                     CANDOR_FIELD(respondent), CANDOR_FIELD(role), CANDOR_FIELD(role_names),
                     CANDOR_FIELD(n_role_names), CANDOR_FIELD(urgency), CANDOR_FIELD(theme),
                     CANDOR_FIELD(theme_names), CANDOR_FIELD(n_theme_names),
                     CANDOR_FIELD(n_accounts), CANDOR_FIELD(arr), CANDOR_FIELD(renewal),
                     CANDOR_FIELD(health_change), CANDOR_FIELD(opt_out), CANDOR_FIELD(owner),
                     CANDOR_FIELD(owner_names), CANDOR_FIELD(n_owner_names),
                     CANDOR_FIELD(region), CANDOR_FIELD(region_names),
                     CANDOR_FIELD(n_region_names), CANDOR_FIELD(n_contacts),
                     CANDOR_FIELD(contact_respondent), CANDOR_FIELD(contact_time),
                     CANDOR_FIELD(theme_offsets), CANDOR_FIELD(theme_ids),
                     CANDOR_FIELD(health_grade), CANDOR_FIELD(health_grade_names),
                     CANDOR_FIELD(n_health_grade_names));
CANDOR_OPTION_LAYOUT(candor_business_calendar_spec, CANDOR_FIELD(size), CANDOR_FIELD(time_zone),
                     CANDOR_FIELD(open_minute), CANDOR_FIELD(close_minute),
                     CANDOR_FIELD(weekdays), CANDOR_FIELD(holidays), CANDOR_FIELD(n_holidays));
CANDOR_OPTION_LAYOUT(candor_outer_loop_options, CANDOR_FIELD(size), CANDOR_FIELD(rank_by),
                     CANDOR_FIELD(replicates), CANDOR_FIELD(seed), CANDOR_FIELD(level),
                     CANDOR_FIELD(threads), CANDOR_FIELD(earlier_period),
                     CANDOR_FIELD(later_period), CANDOR_FIELD(alpha),
                     CANDOR_FIELD(quotes_per_theme), CANDOR_FIELD(max_quote_bytes),
                     CANDOR_FIELD(max_quote_similarity),
                     CANDOR_FIELD(progress), CANDOR_FIELD(progress_user_data));
CANDOR_OPTION_LAYOUT(candor_outer_loop_inputs, CANDOR_FIELD(size), CANDOR_FIELD(accounts),
                     CANDOR_FIELD(account_arr), CANDOR_FIELD(account_count),
                     CANDOR_FIELD(periods), CANDOR_FIELD(sentiments), CANDOR_FIELD(texts),
                     CANDOR_FIELD(text_sizes), CANDOR_FIELD(segments));
CANDOR_OPTION_LAYOUT(candor_case_log_options, CANDOR_FIELD(size),
                     CANDOR_FIELD(first_contact_hours), CANDOR_FIELD(at_risk_hours),
                     CANDOR_FIELD(as_of), CANDOR_FIELD(level), CANDOR_FIELD(on_invalid));
CANDOR_OPTION_LAYOUT(candor_change_monitor_options, CANDOR_FIELD(size), CANDOR_FIELD(alpha),
                     CANDOR_FIELD(shift), CANDOR_FIELD(bucket_size));
CANDOR_OPTION_LAYOUT(candor_report_options, CANDOR_FIELD(size), CANDOR_FIELD(level),
                     CANDOR_FIELD(time_zone), CANDOR_FIELD(period), CANDOR_FIELD(max_themes),
                     CANDOR_FIELD(quotes_per_theme), CANDOR_FIELD(max_accounts),
                     CANDOR_FIELD(max_alarms), CANDOR_FIELD(seed), CANDOR_FIELD(source),
                     CANDOR_FIELD(bundled_sample), CANDOR_FIELD(score_column),
                     CANDOR_FIELD(comment_column), CANDOR_FIELD(time_column),
                     CANDOR_FIELD(weight_column), CANDOR_FIELD(arr_column),
                     CANDOR_FIELD(outcome_column), CANDOR_FIELD(invited_column),
                     CANDOR_FIELD(progress), CANDOR_FIELD(progress_user_data));

#undef CANDOR_OPTION_LAYOUT
#undef CANDOR_FIELD

}  // namespace candor::capi

#endif  // CANDOR_CAPI_OPTION_LAYOUTS_HPP_
