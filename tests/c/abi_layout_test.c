/* The layout of every public struct and the value of every enumerator of
 * include/candor.h, pinned: a change fails to compile here, not only in
 * scripts/abi-check.sh. Written by scripts/gen-abi-layout-test.py from the
 * header as it was; regenerate only after an allowed change (abi/README.md)
 * and review the diff.
 *
 * Field types and enum values are checked everywhere; sizes, alignments and
 * offsets are the x86_64 (LP64, System V) ones and are checked there. The
 * program itself checks that each size-versioned option struct's _init
 * records sizeof(struct) in its `size` field. */
#include <candor.h>
#include <stddef.h>
#include <stdint.h>

#include "check.h"

#if defined(__x86_64__) && defined(__LP64__)
#define PINNED(cond) _Static_assert(cond, #cond)
#else
#define PINNED(cond) _Static_assert(1, "layouts are pinned on x86_64 only")
#endif

/* A struct's size and alignment; a field's type and offset. */
#define STRUCT(s, size, align) PINNED(sizeof(s) == (size) && _Alignof(s) == (align))
#define FIELD(s, f, type, offset)                                                      \
  _Static_assert(_Generic(((s*)0)->f, type : 1, default : 0), #s "." #f " is " #type); \
  PINNED(offsetof(s, f) == (offset))
/* Enums are as wide as int32_t (candor.h says so; -fshort-enums breaks it). */
#define ENUM(e) _Static_assert(sizeof(e) == sizeof(int32_t), #e " is 4 bytes")
#define VALUE(name, value) _Static_assert((name) == (value), #name " is " #value)

/* candor_score_options: size-versioned: grows only at its end. */
STRUCT(candor_score_options, 96, 8);
FIELD(candor_score_options, size, size_t, 0);
FIELD(candor_score_options, metric, candor_metric, 8);
FIELD(candor_score_options, scale_min, int32_t, 12);
FIELD(candor_score_options, scale_max, int32_t, 16);
FIELD(candor_score_options, promoter_min, int32_t, 20);
FIELD(candor_score_options, detractor_max, int32_t, 24);
FIELD(candor_score_options, box_size, int32_t, 28);
FIELD(candor_score_options, interval, candor_interval, 32);
FIELD(candor_score_options, level, double, 40);
FIELD(candor_score_options, prior, double, 48);
FIELD(candor_score_options, replicates, int32_t, 56);
FIELD(candor_score_options, seed, uint64_t, 64);
FIELD(candor_score_options, threads, int32_t, 72);
FIELD(candor_score_options, p_adjust, candor_p_adjust, 76);
FIELD(candor_score_options, progress, candor_progress, 80);
FIELD(candor_score_options, progress_user_data, void*, 88);

/* candor_estimate: frozen. */
STRUCT(candor_estimate, 56, 8);
FIELD(candor_estimate, value, double, 0);
FIELD(candor_estimate, std_error, double, 8);
FIELD(candor_estimate, ci_low, double, 16);
FIELD(candor_estimate, ci_high, double, 24);
FIELD(candor_estimate, level, double, 32);
FIELD(candor_estimate, n, int64_t, 40);
FIELD(candor_estimate, effective_n, double, 48);

/* candor_comparison: frozen. */
STRUCT(candor_comparison, 152, 8);
FIELD(candor_comparison, difference, double, 0);
FIELD(candor_comparison, std_error, double, 8);
FIELD(candor_comparison, ci_low, double, 16);
FIELD(candor_comparison, ci_high, double, 24);
FIELD(candor_comparison, p_value, double, 32);
FIELD(candor_comparison, a, candor_estimate, 40);
FIELD(candor_comparison, b, candor_estimate, 96);

/* candor_breakdown_row: frozen. */
STRUCT(candor_breakdown_row, 224, 8);
FIELD(candor_breakdown_row, codes, const int32_t*, 0);
FIELD(candor_breakdown_row, estimate, candor_estimate, 8);
FIELD(candor_breakdown_row, vs_rest, candor_comparison, 64);
FIELD(candor_breakdown_row, p_adjusted, double, 216);

/* candor_margin: frozen. */
STRUCT(candor_margin, 32, 8);
FIELD(candor_margin, name, const char*, 0);
FIELD(candor_margin, codes, const int32_t*, 8);
FIELD(candor_margin, population, const double*, 16);
FIELD(candor_margin, levels, size_t, 24);

/* candor_covariate: frozen. */
STRUCT(candor_covariate, 32, 8);
FIELD(candor_covariate, name, const char*, 0);
FIELD(candor_covariate, numeric, const double*, 8);
FIELD(candor_covariate, codes, const int32_t*, 16);
FIELD(candor_covariate, levels, int32_t, 24);

/* candor_weight_summary: frozen. */
STRUCT(candor_weight_summary, 48, 8);
FIELD(candor_weight_summary, sum, double, 0);
FIELD(candor_weight_summary, min, double, 8);
FIELD(candor_weight_summary, max, double, 16);
FIELD(candor_weight_summary, max_to_min, double, 24);
FIELD(candor_weight_summary, effective_n, double, 32);
FIELD(candor_weight_summary, design_effect, double, 40);

/* candor_weight_options: size-versioned: grows only at its end. */
STRUCT(candor_weight_options, 48, 8);
FIELD(candor_weight_options, size, size_t, 0);
FIELD(candor_weight_options, max_iterations, int32_t, 8);
FIELD(candor_weight_options, tolerance, double, 16);
FIELD(candor_weight_options, l2_penalty, double, 24);
FIELD(candor_weight_options, progress, candor_progress, 32);
FIELD(candor_weight_options, progress_user_data, void*, 40);

/* candor_response_rate: frozen. */
STRUCT(candor_response_rate, 40, 8);
FIELD(candor_response_rate, invited, int64_t, 0);
FIELD(candor_response_rate, responded, int64_t, 8);
FIELD(candor_response_rate, rate, double, 16);
FIELD(candor_response_rate, ci_low, double, 24);
FIELD(candor_response_rate, ci_high, double, 32);

/* candor_recency_effect: frozen. */
STRUCT(candor_recency_effect, 40, 8);
FIELD(candor_recency_effect, raw_value, double, 0);
FIELD(candor_recency_effect, standardized_value, double, 8);
FIELD(candor_recency_effect, std_error, double, 16);
FIELD(candor_recency_effect, ci_low, double, 24);
FIELD(candor_recency_effect, ci_high, double, 32);

/* candor_design: size-versioned: grows only at its end. */
STRUCT(candor_design, 32, 8);
FIELD(candor_design, size, size_t, 0);
FIELD(candor_design, weights, const double*, 8);
FIELD(candor_design, clusters, const int32_t*, 16);
FIELD(candor_design, calibration, const candor_weights*, 24);

/* candor_csv_options: size-versioned: grows only at its end. */
STRUCT(candor_csv_options, 144, 8);
FIELD(candor_csv_options, size, size_t, 0);
FIELD(candor_csv_options, score_column, const char*, 8);
FIELD(candor_csv_options, time_column, const char*, 16);
FIELD(candor_csv_options, account_column, const char*, 24);
FIELD(candor_csv_options, role_column, const char*, 32);
FIELD(candor_csv_options, weight_column, const char*, 40);
FIELD(candor_csv_options, comment_column, const char*, 48);
FIELD(candor_csv_options, segment_columns, const char* const*, 56);
FIELD(candor_csv_options, n_segment_columns, size_t, 64);
FIELD(candor_csv_options, delimiter, char, 72);
FIELD(candor_csv_options, skip_bad_rows, int32_t, 76);
FIELD(candor_csv_options, max_bytes, uint64_t, 80);
FIELD(candor_csv_options, number_columns, const char* const*, 88);
FIELD(candor_csv_options, n_number_columns, size_t, 96);
FIELD(candor_csv_options, progress, candor_progress, 104);
FIELD(candor_csv_options, progress_user_data, void*, 112);
FIELD(candor_csv_options, decimal, char, 120);
FIELD(candor_csv_options, time_format, const char*, 128);
FIELD(candor_csv_options, encoding, const char*, 136);

/* candor_column_info: frozen. */
STRUCT(candor_column_info, 48, 8);
FIELD(candor_column_info, kind, candor_column_kind, 0);
FIELD(candor_column_info, in_place, int32_t, 4);
FIELD(candor_column_info, rows, size_t, 8);
FIELD(candor_column_info, nulls, size_t, 16);
FIELD(candor_column_info, chunks, size_t, 24);
FIELD(candor_column_info, format, const char*, 32);
FIELD(candor_column_info, time_zone, const char*, 40);

/* candor_mk_options: size-versioned: grows only at its end. */
STRUCT(candor_mk_options, 48, 8);
FIELD(candor_mk_options, size, size_t, 0);
FIELD(candor_mk_options, method, candor_mk_method, 8);
FIELD(candor_mk_options, alpha, double, 16);
FIELD(candor_mk_options, max_lag, size_t, 24);
FIELD(candor_mk_options, period, size_t, 32);
FIELD(candor_mk_options, hamed_rao_signed_sum, int32_t, 40);

/* candor_mk_result: frozen. */
STRUCT(candor_mk_result, 72, 8);
FIELD(candor_mk_result, s, int64_t, 0);
FIELD(candor_mk_result, var_s, double, 8);
FIELD(candor_mk_result, z, double, 16);
FIELD(candor_mk_result, p_value, double, 24);
FIELD(candor_mk_result, tau, double, 32);
FIELD(candor_mk_result, n, int64_t, 40);
FIELD(candor_mk_result, trend, int32_t, 48);
FIELD(candor_mk_result, variance_factor, double, 56);
FIELD(candor_mk_result, significant_lags, int64_t, 64);

/* candor_sens_slope_result: frozen. */
STRUCT(candor_sens_slope_result, 32, 8);
FIELD(candor_sens_slope_result, slope, double, 0);
FIELD(candor_sens_slope_result, intercept, double, 8);
FIELD(candor_sens_slope_result, ci_low, double, 16);
FIELD(candor_sens_slope_result, ci_high, double, 24);

/* candor_wls_slope_result: frozen. */
STRUCT(candor_wls_slope_result, 104, 8);
FIELD(candor_wls_slope_result, slope, double, 0);
FIELD(candor_wls_slope_result, slope_std_error, double, 8);
FIELD(candor_wls_slope_result, slope_ci_low, double, 16);
FIELD(candor_wls_slope_result, slope_ci_high, double, 24);
FIELD(candor_wls_slope_result, slope_p_value, double, 32);
FIELD(candor_wls_slope_result, intercept, double, 40);
FIELD(candor_wls_slope_result, intercept_std_error, double, 48);
FIELD(candor_wls_slope_result, intercept_ci_low, double, 56);
FIELD(candor_wls_slope_result, intercept_ci_high, double, 64);
FIELD(candor_wls_slope_result, intercept_p_value, double, 72);
FIELD(candor_wls_slope_result, chi_square, double, 80);
FIELD(candor_wls_slope_result, residual_scale, double, 88);
FIELD(candor_wls_slope_result, n, int64_t, 96);

/* candor_buckets_options: size-versioned: grows only at its end. */
STRUCT(candor_buckets_options, 72, 8);
FIELD(candor_buckets_options, size, size_t, 0);
FIELD(candor_buckets_options, every, candor_period, 8);
FIELD(candor_buckets_options, time_zone, const char*, 16);
FIELD(candor_buckets_options, window_days, int32_t, 24);
FIELD(candor_buckets_options, half_life_days, double, 32);
FIELD(candor_buckets_options, power, double, 40);
FIELD(candor_buckets_options, control_k, double, 48);
FIELD(candor_buckets_options, control_level, double, 56);
FIELD(candor_buckets_options, p_adjust, candor_p_adjust, 64);

/* candor_change_point_options: size-versioned: grows only at its end. */
STRUCT(candor_change_point_options, 104, 8);
FIELD(candor_change_point_options, size, size_t, 0);
FIELD(candor_change_point_options, penalty, candor_change_penalty, 8);
FIELD(candor_change_point_options, penalty_value, double, 16);
FIELD(candor_change_point_options, min_size, int64_t, 24);
FIELD(candor_change_point_options, max_grid_points, int64_t, 32);
FIELD(candor_change_point_options, alpha, double, 40);
FIELD(candor_change_point_options, replicates, int64_t, 48);
FIELD(candor_change_point_options, seed, uint64_t, 56);
FIELD(candor_change_point_options, boundaries, const int64_t*, 64);
FIELD(candor_change_point_options, boundary_count, size_t, 72);
FIELD(candor_change_point_options, threads, int32_t, 80);
FIELD(candor_change_point_options, progress, candor_progress, 88);
FIELD(candor_change_point_options, progress_user_data, void*, 96);

/* candor_change_point: frozen. */
STRUCT(candor_change_point, 168, 8);
FIELD(candor_change_point, index, int64_t, 0);
FIELD(candor_change_point, time, int64_t, 8);
FIELD(candor_change_point, change, candor_comparison, 16);

/* candor_change_segment: frozen. */
STRUCT(candor_change_segment, 96, 8);
FIELD(candor_change_segment, begin, int64_t, 0);
FIELD(candor_change_segment, end, int64_t, 8);
FIELD(candor_change_segment, time_begin, int64_t, 16);
FIELD(candor_change_segment, time_end, int64_t, 24);
FIELD(candor_change_segment, cost, double, 32);
FIELD(candor_change_segment, level, candor_estimate, 40);

/* candor_change_point_summary: frozen. */
STRUCT(candor_change_point_summary, 32, 8);
FIELD(candor_change_point_summary, penalty, double, 0);
FIELD(candor_change_point_summary, total_cost, double, 8);
FIELD(candor_change_point_summary, block_size, int64_t, 16);
FIELD(candor_change_point_summary, categories, int32_t, 24);
FIELD(candor_change_point_summary, has_times, int32_t, 28);

/* candor_change_calibration_info: frozen. */
STRUCT(candor_change_calibration_info, 72, 8);
FIELD(candor_change_calibration_info, calibration, candor_change_calibration, 0);
FIELD(candor_change_calibration_info, reserved, int32_t, 4);
FIELD(candor_change_calibration_info, alpha, double, 8);
FIELD(candor_change_calibration_info, critical_value, double, 16);
FIELD(candor_change_calibration_info, max_z, double, 24);
FIELD(candor_change_calibration_info, p_value, double, 32);
FIELD(candor_change_calibration_info, replicates, int64_t, 40);
FIELD(candor_change_calibration_info, candidates, int64_t, 48);
FIELD(candor_change_calibration_info, design_effect, double, 56);
FIELD(candor_change_calibration_info, value_sd, double, 64);

/* candor_change_test: frozen. */
STRUCT(candor_change_test, 48, 8);
FIELD(candor_change_test, z, double, 0);
FIELD(candor_change_test, p_value, double, 8);
FIELD(candor_change_test, index_low, int64_t, 16);
FIELD(candor_change_test, index_high, int64_t, 24);
FIELD(candor_change_test, time_low, int64_t, 32);
FIELD(candor_change_test, time_high, int64_t, 40);

/* candor_account_trend_options: size-versioned: grows only at its end. */
STRUCT(candor_account_trend_options, 64, 8);
FIELD(candor_account_trend_options, size, size_t, 0);
FIELD(candor_account_trend_options, min_responses, int64_t, 8);
FIELD(candor_account_trend_options, slope_unit_days, double, 16);
FIELD(candor_account_trend_options, split, candor_split_rule, 24);
FIELD(candor_account_trend_options, split_time, int64_t, 32);
FIELD(candor_account_trend_options, recent_days, double, 40);
FIELD(candor_account_trend_options, covariance, candor_robust_se, 48);
FIELD(candor_account_trend_options, p_adjust, candor_p_adjust, 52);
FIELD(candor_account_trend_options, alpha, double, 56);

/* candor_account_trend_row: frozen. */
STRUCT(candor_account_trend_row, 312, 8);
FIELD(candor_account_trend_row, account, int32_t, 0);
FIELD(candor_account_trend_row, status, candor_account_trend_status, 4);
FIELD(candor_account_trend_row, declining, int32_t, 8);
FIELD(candor_account_trend_row, n, int64_t, 16);
FIELD(candor_account_trend_row, first_time, int64_t, 24);
FIELD(candor_account_trend_row, last_time, int64_t, 32);
FIELD(candor_account_trend_row, level, candor_estimate, 40);
FIELD(candor_account_trend_row, slope, double, 96);
FIELD(candor_account_trend_row, slope_std_error, double, 104);
FIELD(candor_account_trend_row, slope_ci_low, double, 112);
FIELD(candor_account_trend_row, slope_ci_high, double, 120);
FIELD(candor_account_trend_row, slope_df, double, 128);
FIELD(candor_account_trend_row, slope_p_value, double, 136);
FIELD(candor_account_trend_row, slope_p_adjusted, double, 144);
FIELD(candor_account_trend_row, recent_vs_earlier, candor_comparison, 152);
FIELD(candor_account_trend_row, change_p_adjusted, double, 304);

/* candor_text_options: size-versioned: grows only at its end. */
STRUCT(candor_text_options, 56, 8);
FIELD(candor_text_options, size, size_t, 0);
FIELD(candor_text_options, invalid_utf8, candor_utf8_policy, 8);
FIELD(candor_text_options, language, const char*, 16);
FIELD(candor_text_options, fallback_language, const char*, 24);
FIELD(candor_text_options, threads, int32_t, 32);
FIELD(candor_text_options, progress, candor_progress, 40);
FIELD(candor_text_options, progress_user_data, void*, 48);

/* candor_taxonomy_theme: frozen. */
STRUCT(candor_taxonomy_theme, 24, 8);
FIELD(candor_taxonomy_theme, name, const char*, 0);
FIELD(candor_taxonomy_theme, path, const char*, 8);
FIELD(candor_taxonomy_theme, parent, int32_t, 16);
FIELD(candor_taxonomy_theme, depth, int32_t, 20);

/* candor_themes_options: size-versioned: grows only at its end. */
STRUCT(candor_themes_options, 152, 8);
FIELD(candor_themes_options, size, size_t, 0);
FIELD(candor_themes_options, k, int32_t, 8);
FIELD(candor_themes_options, k_min, int32_t, 12);
FIELD(candor_themes_options, k_max, int32_t, 16);
FIELD(candor_themes_options, top_terms, int32_t, 20);
FIELD(candor_themes_options, label_phrases, int32_t, 24);
FIELD(candor_themes_options, stems, int32_t, 28);
FIELD(candor_themes_options, min_word_length, int32_t, 32);
FIELD(candor_themes_options, min_df, int64_t, 40);
FIELD(candor_themes_options, max_df, double, 48);
FIELD(candor_themes_options, bigrams, int32_t, 56);
FIELD(candor_themes_options, bigram_min_count, int64_t, 64);
FIELD(candor_themes_options, bigram_min_npmi, double, 72);
FIELD(candor_themes_options, sublinear_tf, int32_t, 80);
FIELD(candor_themes_options, init, candor_nmf_init, 84);
FIELD(candor_themes_options, svd, candor_svd_method, 88);
FIELD(candor_themes_options, max_iter, int32_t, 92);
FIELD(candor_themes_options, tol, double, 96);
FIELD(candor_themes_options, seed, uint64_t, 104);
FIELD(candor_themes_options, threads, int32_t, 112);
FIELD(candor_themes_options, repair_utf8, int32_t, 116);
FIELD(candor_themes_options, language, const char*, 120);
FIELD(candor_themes_options, extra_stop_words, const char*, 128);
FIELD(candor_themes_options, progress, candor_progress, 136);
FIELD(candor_themes_options, progress_user_data, void*, 144);

/* candor_themes_summary: frozen. */
STRUCT(candor_themes_summary, 48, 8);
FIELD(candor_themes_summary, k, int32_t, 0);
FIELD(candor_themes_summary, documents, int64_t, 8);
FIELD(candor_themes_summary, terms, int64_t, 16);
FIELD(candor_themes_summary, mean_coherence, double, 24);
FIELD(candor_themes_summary, iterations, int32_t, 32);
FIELD(candor_themes_summary, converged, int32_t, 36);
FIELD(candor_themes_summary, loss, double, 40);

/* candor_theme_info: frozen. */
STRUCT(candor_theme_info, 48, 8);
FIELD(candor_theme_info, label, const char*, 0);
FIELD(candor_theme_info, coherence, double, 8);
FIELD(candor_theme_info, documents, int64_t, 16);
FIELD(candor_theme_info, total_weight, double, 24);
FIELD(candor_theme_info, top_terms, size_t, 32);
FIELD(candor_theme_info, key_phrases, size_t, 40);

/* candor_drivers_options: size-versioned: grows only at its end. */
STRUCT(candor_drivers_options, 56, 8);
FIELD(candor_drivers_options, size, size_t, 0);
FIELD(candor_drivers_options, l2_penalty, double, 8);
FIELD(candor_drivers_options, fit_key_drivers, int32_t, 16);
FIELD(candor_drivers_options, max_iterations, int32_t, 20);
FIELD(candor_drivers_options, tolerance, double, 24);
FIELD(candor_drivers_options, earlier_period, int32_t, 32);
FIELD(candor_drivers_options, later_period, int32_t, 36);
FIELD(candor_drivers_options, p_adjust, candor_p_adjust, 40);
FIELD(candor_drivers_options, alpha, double, 48);

/* candor_theme_mentions: frozen. */
STRUCT(candor_theme_mentions, 56, 8);
FIELD(candor_theme_mentions, themes, size_t, 0);
FIELD(candor_theme_mentions, names, const char* const*, 8);
FIELD(candor_theme_mentions, offsets, const int64_t*, 16);
FIELD(candor_theme_mentions, theme_ids, const int32_t*, 24);
FIELD(candor_theme_mentions, pair_comments, const int64_t*, 32);
FIELD(candor_theme_mentions, pair_themes, const int32_t*, 40);
FIELD(candor_theme_mentions, pairs, size_t, 48);

/* candor_driver_row: frozen. */
STRUCT(candor_driver_row, 640, 8);
FIELD(candor_driver_row, theme, int32_t, 0);
FIELD(candor_driver_row, name, const char*, 8);
FIELD(candor_driver_row, status, candor_theme_status, 16);
FIELD(candor_driver_row, mentions, int64_t, 24);
FIELD(candor_driver_row, weighted_mentions, double, 32);
FIELD(candor_driver_row, share, candor_estimate, 40);
FIELD(candor_driver_row, share_of_promoters, candor_estimate, 96);
FIELD(candor_driver_row, share_of_passives, candor_estimate, 152);
FIELD(candor_driver_row, share_of_detractors, candor_estimate, 208);
FIELD(candor_driver_row, score, candor_estimate, 264);
FIELD(candor_driver_row, score_without, candor_estimate, 320);
FIELD(candor_driver_row, impact, candor_comparison, 376);
FIELD(candor_driver_row, detractors_mentioning, int64_t, 528);
FIELD(candor_driver_row, detractors_not, int64_t, 536);
FIELD(candor_driver_row, relative_risk, double, 544);
FIELD(candor_driver_row, relative_risk_ci_low, double, 552);
FIELD(candor_driver_row, relative_risk_ci_high, double, 560);
FIELD(candor_driver_row, log_relative_risk_std_error, double, 568);
FIELD(candor_driver_row, relative_risk_p_value, double, 576);
FIELD(candor_driver_row, relative_risk_corrected, int32_t, 584);
FIELD(candor_driver_row, in_model, int32_t, 588);
FIELD(candor_driver_row, coefficient, double, 592);
FIELD(candor_driver_row, coefficient_std_error, double, 600);
FIELD(candor_driver_row, odds_ratio, double, 608);
FIELD(candor_driver_row, odds_ratio_ci_low, double, 616);
FIELD(candor_driver_row, odds_ratio_ci_high, double, 624);
FIELD(candor_driver_row, importance, double, 632);

/* candor_key_driver_model: frozen. */
STRUCT(candor_key_driver_model, 56, 8);
FIELD(candor_key_driver_model, fitted, int32_t, 0);
FIELD(candor_key_driver_model, converged, int32_t, 4);
FIELD(candor_key_driver_model, iterations, int32_t, 8);
FIELD(candor_key_driver_model, themes_in_model, int32_t, 12);
FIELD(candor_key_driver_model, l2_penalty, double, 16);
FIELD(candor_key_driver_model, intercept, double, 24);
FIELD(candor_key_driver_model, intercept_std_error, double, 32);
FIELD(candor_key_driver_model, penalized_log_likelihood, double, 40);
FIELD(candor_key_driver_model, message, const char*, 48);

/* candor_trending_row: frozen. */
STRUCT(candor_trending_row, 336, 8);
FIELD(candor_trending_row, theme, int32_t, 0);
FIELD(candor_trending_row, trending, int32_t, 4);
FIELD(candor_trending_row, share_earlier, candor_estimate, 8);
FIELD(candor_trending_row, share_later, candor_estimate, 64);
FIELD(candor_trending_row, difference, double, 120);
FIELD(candor_trending_row, std_error, double, 128);
FIELD(candor_trending_row, ci_low, double, 136);
FIELD(candor_trending_row, ci_high, double, 144);
FIELD(candor_trending_row, z, double, 152);
FIELD(candor_trending_row, p_value, double, 160);
FIELD(candor_trending_row, p_adjusted, double, 168);
FIELD(candor_trending_row, score_change, candor_comparison, 176);
FIELD(candor_trending_row, score_change_p_adjusted, double, 328);

/* candor_auc_result: frozen. */
STRUCT(candor_auc_result, 64, 8);
FIELD(candor_auc_result, value, double, 0);
FIELD(candor_auc_result, std_error, double, 8);
FIELD(candor_auc_result, ci_low, double, 16);
FIELD(candor_auc_result, ci_high, double, 24);
FIELD(candor_auc_result, level, double, 32);
FIELD(candor_auc_result, n_positive, int64_t, 40);
FIELD(candor_auc_result, n_negative, int64_t, 48);
FIELD(candor_auc_result, hanley_mcneil_interval, int32_t, 56);

/* candor_auc_comparison: frozen. */
STRUCT(candor_auc_comparison, 96, 8);
FIELD(candor_auc_comparison, auc_a, double, 0);
FIELD(candor_auc_comparison, auc_b, double, 8);
FIELD(candor_auc_comparison, difference, double, 16);
FIELD(candor_auc_comparison, std_error, double, 24);
FIELD(candor_auc_comparison, ci_low, double, 32);
FIELD(candor_auc_comparison, ci_high, double, 40);
FIELD(candor_auc_comparison, level, double, 48);
FIELD(candor_auc_comparison, z, double, 56);
FIELD(candor_auc_comparison, p_value, double, 64);
FIELD(candor_auc_comparison, correlation, double, 72);
FIELD(candor_auc_comparison, n_positive, int64_t, 80);
FIELD(candor_auc_comparison, n_negative, int64_t, 88);

/* candor_calibration_result: frozen. */
STRUCT(candor_calibration_result, 152, 8);
FIELD(candor_calibration_result, n, int64_t, 0);
FIELD(candor_calibration_result, n_positive, int64_t, 8);
FIELD(candor_calibration_result, level, double, 16);
FIELD(candor_calibration_result, brier, double, 24);
FIELD(candor_calibration_result, mean_probability, double, 32);
FIELD(candor_calibration_result, observed_rate, double, 40);
FIELD(candor_calibration_result, intercept, double, 48);
FIELD(candor_calibration_result, intercept_std_error, double, 56);
FIELD(candor_calibration_result, intercept_ci_low, double, 64);
FIELD(candor_calibration_result, intercept_ci_high, double, 72);
FIELD(candor_calibration_result, slope_fitted, int32_t, 80);
FIELD(candor_calibration_result, slope, double, 88);
FIELD(candor_calibration_result, slope_std_error, double, 96);
FIELD(candor_calibration_result, slope_ci_low, double, 104);
FIELD(candor_calibration_result, slope_ci_high, double, 112);
FIELD(candor_calibration_result, hosmer_lemeshow, double, 120);
FIELD(candor_calibration_result, hosmer_lemeshow_df, int32_t, 128);
FIELD(candor_calibration_result, hosmer_lemeshow_p_value, double, 136);
FIELD(candor_calibration_result, groups, size_t, 144);

/* candor_calibration_group: frozen. */
STRUCT(candor_calibration_group, 56, 8);
FIELD(candor_calibration_group, probability_low, double, 0);
FIELD(candor_calibration_group, probability_high, double, 8);
FIELD(candor_calibration_group, count, int64_t, 16);
FIELD(candor_calibration_group, positives, int64_t, 24);
FIELD(candor_calibration_group, expected_positives, double, 32);
FIELD(candor_calibration_group, mean_probability, double, 40);
FIELD(candor_calibration_group, observed_rate, double, 48);

/* candor_lift_row: frozen. */
STRUCT(candor_lift_row, 88, 8);
FIELD(candor_lift_row, group, int32_t, 0);
FIELD(candor_lift_row, count, int64_t, 8);
FIELD(candor_lift_row, positives, int64_t, 16);
FIELD(candor_lift_row, rate, double, 24);
FIELD(candor_lift_row, lift, double, 32);
FIELD(candor_lift_row, cumulative_count, int64_t, 40);
FIELD(candor_lift_row, cumulative_positives, int64_t, 48);
FIELD(candor_lift_row, gain, double, 56);
FIELD(candor_lift_row, cumulative_lift, double, 64);
FIELD(candor_lift_row, score_min, double, 72);
FIELD(candor_lift_row, score_max, double, 80);

/* candor_concordance_options: size-versioned: grows only at its end. */
STRUCT(candor_concordance_options, 16, 8);
FIELD(candor_concordance_options, size, size_t, 0);
FIELD(candor_concordance_options, time_weight, candor_time_weight, 8);

/* candor_concordance_result: frozen. */
STRUCT(candor_concordance_result, 80, 8);
FIELD(candor_concordance_result, value, double, 0);
FIELD(candor_concordance_result, std_error, double, 8);
FIELD(candor_concordance_result, concordant, double, 16);
FIELD(candor_concordance_result, discordant, double, 24);
FIELD(candor_concordance_result, tied_risk, double, 32);
FIELD(candor_concordance_result, tied_time, double, 40);
FIELD(candor_concordance_result, tied_both, double, 48);
FIELD(candor_concordance_result, n, int64_t, 56);
FIELD(candor_concordance_result, events, int64_t, 64);
FIELD(candor_concordance_result, time_weight, candor_time_weight, 72);

/* candor_kaplan_meier_options: size-versioned: grows only at its end. */
STRUCT(candor_kaplan_meier_options, 24, 8);
FIELD(candor_kaplan_meier_options, size, size_t, 0);
FIELD(candor_kaplan_meier_options, level, double, 8);
FIELD(candor_kaplan_meier_options, interval, candor_survival_interval, 16);

/* candor_km_curve: frozen. */
STRUCT(candor_km_curve, 120, 8);
FIELD(candor_km_curve, n, int64_t, 0);
FIELD(candor_km_curve, points, size_t, 8);
FIELD(candor_km_curve, weight, double, 16);
FIELD(candor_km_curve, events, double, 24);
FIELD(candor_km_curve, level, double, 32);
FIELD(candor_km_curve, time, const double*, 40);
FIELD(candor_km_curve, n_risk, const double*, 48);
FIELD(candor_km_curve, n_event, const double*, 56);
FIELD(candor_km_curve, n_censor, const double*, 64);
FIELD(candor_km_curve, survival, const double*, 72);
FIELD(candor_km_curve, std_error, const double*, 80);
FIELD(candor_km_curve, std_error_log, const double*, 88);
FIELD(candor_km_curve, ci_low, const double*, 96);
FIELD(candor_km_curve, ci_high, const double*, 104);
FIELD(candor_km_curve, group, int32_t, 112);
FIELD(candor_km_curve, interval, candor_survival_interval, 116);

/* candor_log_rank_result: frozen. */
STRUCT(candor_log_rank_result, 24, 8);
FIELD(candor_log_rank_result, chi_square, double, 0);
FIELD(candor_log_rank_result, p_value, double, 8);
FIELD(candor_log_rank_result, df, int32_t, 16);
FIELD(candor_log_rank_result, groups, int32_t, 20);

/* candor_log_rank_group: frozen. */
STRUCT(candor_log_rank_group, 40, 8);
FIELD(candor_log_rank_group, n, int64_t, 0);
FIELD(candor_log_rank_group, observed, double, 8);
FIELD(candor_log_rank_group, expected, double, 16);
FIELD(candor_log_rank_group, variance, double, 24);
FIELD(candor_log_rank_group, group, int32_t, 32);
FIELD(candor_log_rank_group, tested, int32_t, 36);

/* candor_health_tier: frozen. */
STRUCT(candor_health_tier, 40, 8);
FIELD(candor_health_tier, low, double, 0);
FIELD(candor_health_tier, high, double, 8);
FIELD(candor_health_tier, low_inclusive, int32_t, 16);
FIELD(candor_health_tier, high_inclusive, int32_t, 20);
FIELD(candor_health_tier, points, double, 24);
FIELD(candor_health_tier, label, const char*, 32);

/* candor_health_measure: size-versioned: grows only at its end. */
STRUCT(candor_health_measure, 112, 8);
FIELD(candor_health_measure, size, size_t, 0);
FIELD(candor_health_measure, name, const char*, 8);
FIELD(candor_health_measure, label, const char*, 16);
FIELD(candor_health_measure, group, const char*, 24);
FIELD(candor_health_measure, weight, double, 32);
FIELD(candor_health_measure, transform, candor_health_transform, 40);
FIELD(candor_health_measure, zero_at, double, 48);
FIELD(candor_health_measure, full_at, double, 56);
FIELD(candor_health_measure, tiers, const candor_health_tier*, 64);
FIELD(candor_health_measure, n_tiers, size_t, 72);
FIELD(candor_health_measure, true_points, double, 80);
FIELD(candor_health_measure, false_points, double, 88);
FIELD(candor_health_measure, higher_is_better, int32_t, 96);
FIELD(candor_health_measure, z_span, double, 104);

/* candor_health_columns: frozen. */
STRUCT(candor_health_columns, 112, 8);
FIELD(candor_health_columns, n, size_t, 0);
FIELD(candor_health_columns, measures, size_t, 8);
FIELD(candor_health_columns, max_reasons, size_t, 16);
FIELD(candor_health_columns, score, const double*, 24);
FIELD(candor_health_columns, grade, const int32_t*, 32);
FIELD(candor_health_columns, coverage, const double*, 40);
FIELD(candor_health_columns, points, const double*, 48);
FIELD(candor_health_columns, contribution, const double*, 56);
FIELD(candor_health_columns, max_contribution, const double*, 64);
FIELD(candor_health_columns, reason_count, const int32_t*, 72);
FIELD(candor_health_columns, reason_measure, const int32_t*, 80);
FIELD(candor_health_columns, reason_value, const double*, 88);
FIELD(candor_health_columns, reason_lost, const double*, 96);
FIELD(candor_health_columns, unmatched, const int64_t*, 104);

/* candor_survey_measure_options: size-versioned: grows only at its end. */
STRUCT(candor_survey_measure_options, 32, 8);
FIELD(candor_survey_measure_options, size, size_t, 0);
FIELD(candor_survey_measure_options, from, int64_t, 8);
FIELD(candor_survey_measure_options, to, int64_t, 16);
FIELD(candor_survey_measure_options, shrink, int32_t, 24);

/* candor_survey_segment: frozen. */
STRUCT(candor_survey_segment, 48, 8);
FIELD(candor_survey_segment, accounts, int64_t, 0);
FIELD(candor_survey_segment, responses, int64_t, 8);
FIELD(candor_survey_segment, mean, double, 16);
FIELD(candor_survey_segment, within_variance, double, 24);
FIELD(candor_survey_segment, between_variance, double, 32);
FIELD(candor_survey_segment, pseudo_responses, int32_t, 40);

/* candor_health_history: size-versioned: grows only at its end. */
STRUCT(candor_health_history, 96, 8);
FIELD(candor_health_history, size, size_t, 0);
FIELD(candor_health_history, n, size_t, 8);
FIELD(candor_health_history, account, const int32_t*, 16);
FIELD(candor_health_history, time, const int64_t*, 24);
FIELD(candor_health_history, n_accounts, size_t, 32);
FIELD(candor_health_history, names, const char* const*, 40);
FIELD(candor_health_history, columns, const double* const*, 48);
FIELD(candor_health_history, n_columns, size_t, 56);
FIELD(candor_health_history, std_error_columns, const double* const*, 64);
FIELD(candor_health_history, segment, const int32_t*, 72);
FIELD(candor_health_history, segment_names, const char* const*, 80);
FIELD(candor_health_history, n_segments, size_t, 88);

/* candor_suggest_weights_options: size-versioned: grows only at its end. */
STRUCT(candor_suggest_weights_options, 40, 8);
FIELD(candor_suggest_weights_options, size, size_t, 0);
FIELD(candor_suggest_weights_options, l2_penalty, double, 8);
FIELD(candor_suggest_weights_options, folds, int32_t, 16);
FIELD(candor_suggest_weights_options, seed, uint64_t, 24);
FIELD(candor_suggest_weights_options, level, double, 32);

/* candor_suggested_weights_columns: frozen. */
STRUCT(candor_suggested_weights_columns, 352, 8);
FIELD(candor_suggested_weights_columns, n, size_t, 0);
FIELD(candor_suggested_weights_columns, measures, size_t, 8);
FIELD(candor_suggested_weights_columns, coefficient, const double*, 16);
FIELD(candor_suggested_weights_columns, coefficient_per_point, const double*, 24);
FIELD(candor_suggested_weights_columns, suggested_weight, const double*, 32);
FIELD(candor_suggested_weights_columns, current_weight, const double*, 40);
FIELD(candor_suggested_weights_columns, flagged, const uint8_t*, 48);
FIELD(candor_suggested_weights_columns, point_mean, const double*, 56);
FIELD(candor_suggested_weights_columns, point_sd, const double*, 64);
FIELD(candor_suggested_weights_columns, imputed, const int64_t*, 72);
FIELD(candor_suggested_weights_columns, intercept, double, 80);
FIELD(candor_suggested_weights_columns, iterations, int32_t, 88);
FIELD(candor_suggested_weights_columns, excluded, int64_t, 96);
FIELD(candor_suggested_weights_columns, oof_probability, const double*, 104);
FIELD(candor_suggested_weights_columns, fold, const int32_t*, 112);
FIELD(candor_suggested_weights_columns, score, const double*, 120);
FIELD(candor_suggested_weights_columns, auc, candor_auc_result, 128);
FIELD(candor_suggested_weights_columns, current_auc, candor_auc_result, 192);
FIELD(candor_suggested_weights_columns, comparison, candor_auc_comparison, 256);

/* candor_redact_options: size-versioned: grows only at its end. */
STRUCT(candor_redact_options, 56, 8);
FIELD(candor_redact_options, size, size_t, 0);
FIELD(candor_redact_options, kinds, uint32_t, 8);
FIELD(candor_redact_options, redact_all_urls, int32_t, 12);
FIELD(candor_redact_options, email_placeholder, const char*, 16);
FIELD(candor_redact_options, phone_placeholder, const char*, 24);
FIELD(candor_redact_options, card_placeholder, const char*, 32);
FIELD(candor_redact_options, iban_placeholder, const char*, 40);
FIELD(candor_redact_options, url_placeholder, const char*, 48);

/* candor_pii_span: frozen. */
STRUCT(candor_pii_span, 20, 4);
FIELD(candor_pii_span, kind, candor_pii_kind, 0);
FIELD(candor_pii_span, begin, uint32_t, 4);
FIELD(candor_pii_span, end, uint32_t, 8);
FIELD(candor_pii_span, output_begin, uint32_t, 12);
FIELD(candor_pii_span, output_end, uint32_t, 16);

/* candor_followup_input: size-versioned: grows only at its end. */
STRUCT(candor_followup_input, 256, 8);
FIELD(candor_followup_input, size, size_t, 0);
FIELD(candor_followup_input, n, size_t, 8);
FIELD(candor_followup_input, score, const double*, 16);
FIELD(candor_followup_input, time, const int64_t*, 24);
FIELD(candor_followup_input, account, const int32_t*, 32);
FIELD(candor_followup_input, respondent, const int32_t*, 40);
FIELD(candor_followup_input, role, const int32_t*, 48);
FIELD(candor_followup_input, role_names, const char* const*, 56);
FIELD(candor_followup_input, n_role_names, size_t, 64);
FIELD(candor_followup_input, urgency, const uint8_t*, 72);
FIELD(candor_followup_input, theme, const int32_t*, 80);
FIELD(candor_followup_input, theme_names, const char* const*, 88);
FIELD(candor_followup_input, n_theme_names, size_t, 96);
FIELD(candor_followup_input, n_accounts, size_t, 104);
FIELD(candor_followup_input, arr, const double*, 112);
FIELD(candor_followup_input, renewal, const int64_t*, 120);
FIELD(candor_followup_input, health_change, const double*, 128);
FIELD(candor_followup_input, opt_out, const uint8_t*, 136);
FIELD(candor_followup_input, owner, const int32_t*, 144);
FIELD(candor_followup_input, owner_names, const char* const*, 152);
FIELD(candor_followup_input, n_owner_names, size_t, 160);
FIELD(candor_followup_input, region, const int32_t*, 168);
FIELD(candor_followup_input, region_names, const char* const*, 176);
FIELD(candor_followup_input, n_region_names, size_t, 184);
FIELD(candor_followup_input, n_contacts, size_t, 192);
FIELD(candor_followup_input, contact_respondent, const int32_t*, 200);
FIELD(candor_followup_input, contact_time, const int64_t*, 208);
FIELD(candor_followup_input, theme_offsets, const int64_t*, 216);
FIELD(candor_followup_input, theme_ids, const int32_t*, 224);
FIELD(candor_followup_input, health_grade, const int32_t*, 232);
FIELD(candor_followup_input, health_grade_names, const char* const*, 240);
FIELD(candor_followup_input, n_health_grade_names, size_t, 248);

/* candor_followup_columns: frozen. */
STRUCT(candor_followup_columns, 152, 8);
FIELD(candor_followup_columns, n, size_t, 0);
FIELD(candor_followup_columns, account, const int32_t*, 8);
FIELD(candor_followup_columns, lead_row, const int64_t*, 16);
FIELD(candor_followup_columns, responses, const int32_t*, 24);
FIELD(candor_followup_columns, first_time, const int64_t*, 32);
FIELD(candor_followup_columns, lead_time, const int64_t*, 40);
FIELD(candor_followup_columns, last_time, const int64_t*, 48);
FIELD(candor_followup_columns, score, const double*, 56);
FIELD(candor_followup_columns, category, const uint8_t*, 64);
FIELD(candor_followup_columns, urgency, const uint8_t*, 72);
FIELD(candor_followup_columns, theme, const int32_t*, 80);
FIELD(candor_followup_columns, priority, const double*, 88);
FIELD(candor_followup_columns, due, const int64_t*, 96);
FIELD(candor_followup_columns, owner, const int32_t*, 104);
FIELD(candor_followup_columns, route, const int32_t*, 112);
FIELD(candor_followup_columns, reason_begin, const uint32_t*, 120);
FIELD(candor_followup_columns, n_reasons, size_t, 128);
FIELD(candor_followup_columns, reason, const uint8_t*, 136);
FIELD(candor_followup_columns, reason_points, const double*, 144);

/* candor_followup_counts: frozen. */
STRUCT(candor_followup_counts, 80, 8);
FIELD(candor_followup_counts, responses, int64_t, 0);
FIELD(candor_followup_counts, invalid_score, int64_t, 8);
FIELD(candor_followup_counts, invalid_time, int64_t, 16);
FIELD(candor_followup_counts, no_account, int64_t, 24);
FIELD(candor_followup_counts, opted_out, int64_t, 32);
FIELD(candor_followup_counts, suppressed, int64_t, 40);
FIELD(candor_followup_counts, merged, int64_t, 48);
FIELD(candor_followup_counts, not_included, int64_t, 56);
FIELD(candor_followup_counts, cases, int64_t, 64);
FIELD(candor_followup_counts, fire_alarms, int64_t, 72);

/* candor_followup_themes: frozen. */
STRUCT(candor_followup_themes, 32, 8);
FIELD(candor_followup_themes, n, size_t, 0);
FIELD(candor_followup_themes, theme_begin, const int64_t*, 8);
FIELD(candor_followup_themes, n_themes, size_t, 16);
FIELD(candor_followup_themes, themes, const int32_t*, 24);

/* candor_business_calendar_spec: size-versioned: grows only at its end. */
STRUCT(candor_business_calendar_spec, 48, 8);
FIELD(candor_business_calendar_spec, size, size_t, 0);
FIELD(candor_business_calendar_spec, time_zone, const char*, 8);
FIELD(candor_business_calendar_spec, open_minute, int32_t, 16);
FIELD(candor_business_calendar_spec, close_minute, int32_t, 20);
FIELD(candor_business_calendar_spec, weekdays, uint8_t, 24);
FIELD(candor_business_calendar_spec, holidays, const int32_t*, 32);
FIELD(candor_business_calendar_spec, n_holidays, size_t, 40);

/* candor_outer_loop_options: size-versioned: grows only at its end. */
STRUCT(candor_outer_loop_options, 88, 8);
FIELD(candor_outer_loop_options, size, size_t, 0);
FIELD(candor_outer_loop_options, rank_by, candor_outer_loop_rank, 8);
FIELD(candor_outer_loop_options, replicates, int32_t, 12);
FIELD(candor_outer_loop_options, seed, uint64_t, 16);
FIELD(candor_outer_loop_options, level, double, 24);
FIELD(candor_outer_loop_options, threads, int32_t, 32);
FIELD(candor_outer_loop_options, earlier_period, int32_t, 36);
FIELD(candor_outer_loop_options, later_period, int32_t, 40);
FIELD(candor_outer_loop_options, alpha, double, 48);
FIELD(candor_outer_loop_options, quotes_per_theme, int32_t, 56);
FIELD(candor_outer_loop_options, max_quote_bytes, int32_t, 60);
FIELD(candor_outer_loop_options, max_quote_similarity, double, 64);
FIELD(candor_outer_loop_options, progress, candor_progress, 72);
FIELD(candor_outer_loop_options, progress_user_data, void*, 80);

/* candor_outer_loop_inputs: size-versioned: grows only at its end. */
STRUCT(candor_outer_loop_inputs, 72, 8);
FIELD(candor_outer_loop_inputs, size, size_t, 0);
FIELD(candor_outer_loop_inputs, accounts, const int32_t*, 8);
FIELD(candor_outer_loop_inputs, account_arr, const double*, 16);
FIELD(candor_outer_loop_inputs, account_count, size_t, 24);
FIELD(candor_outer_loop_inputs, periods, const int32_t*, 32);
FIELD(candor_outer_loop_inputs, sentiments, const double*, 40);
FIELD(candor_outer_loop_inputs, texts, const char* const*, 48);
FIELD(candor_outer_loop_inputs, text_sizes, const size_t*, 56);
FIELD(candor_outer_loop_inputs, segments, const int32_t*, 64);

/* candor_outer_loop_row: frozen. */
STRUCT(candor_outer_loop_row, 280, 8);
FIELD(candor_outer_loop_row, theme, int32_t, 0);
FIELD(candor_outer_loop_row, rank, int32_t, 4);
FIELD(candor_outer_loop_row, name, const char*, 8);
FIELD(candor_outer_loop_row, comments, int64_t, 16);
FIELD(candor_outer_loop_row, detractor_comments, int64_t, 24);
FIELD(candor_outer_loop_row, accounts, int64_t, 32);
FIELD(candor_outer_loop_row, detractor_accounts, int64_t, 40);
FIELD(candor_outer_loop_row, arr_at_risk, double, 48);
FIELD(candor_outer_loop_row, arr_ci_low, double, 56);
FIELD(candor_outer_loop_row, arr_ci_high, double, 64);
FIELD(candor_outer_loop_row, impact, candor_comparison, 72);
FIELD(candor_outer_loop_row, has_trend, int32_t, 224);
FIELD(candor_outer_loop_row, trending, int32_t, 228);
FIELD(candor_outer_loop_row, share_change, double, 232);
FIELD(candor_outer_loop_row, share_change_ci_low, double, 240);
FIELD(candor_outer_loop_row, share_change_ci_high, double, 248);
FIELD(candor_outer_loop_row, trend_p_adjusted, double, 256);
FIELD(candor_outer_loop_row, tone, double, 264);
FIELD(candor_outer_loop_row, quotes, size_t, 272);

/* candor_outer_loop_quote: frozen. */
STRUCT(candor_outer_loop_quote, 48, 8);
FIELD(candor_outer_loop_quote, comment, int64_t, 0);
FIELD(candor_outer_loop_quote, segment, int32_t, 8);
FIELD(candor_outer_loop_quote, text, const char*, 16);
FIELD(candor_outer_loop_quote, text_size, size_t, 24);
FIELD(candor_outer_loop_quote, typicality, double, 32);
FIELD(candor_outer_loop_quote, tone, double, 40);

/* candor_outer_loop_summary: frozen. */
STRUCT(candor_outer_loop_summary, 88, 8);
FIELD(candor_outer_loop_summary, overall, candor_estimate, 0);
FIELD(candor_outer_loop_summary, accounts, int64_t, 56);
FIELD(candor_outer_loop_summary, detractor_accounts, int64_t, 64);
FIELD(candor_outer_loop_summary, total_arr, double, 72);
FIELD(candor_outer_loop_summary, replicates, int32_t, 80);

/* candor_outer_loop_no_intervals: frozen. */
STRUCT(candor_outer_loop_no_intervals, 12, 4);
FIELD(candor_outer_loop_no_intervals, arr, int32_t, 0);
FIELD(candor_outer_loop_no_intervals, impact, int32_t, 4);
FIELD(candor_outer_loop_no_intervals, share_change, int32_t, 8);

/* candor_recovery_summary: frozen. */
STRUCT(candor_recovery_summary, 256, 8);
FIELD(candor_recovery_summary, overall, candor_comparison, 0);
FIELD(candor_recovery_summary, stratified, int32_t, 152);
FIELD(candor_recovery_summary, stratified_difference, double, 160);
FIELD(candor_recovery_summary, stratified_std_error, double, 168);
FIELD(candor_recovery_summary, stratified_ci_low, double, 176);
FIELD(candor_recovery_summary, stratified_ci_high, double, 184);
FIELD(candor_recovery_summary, stratified_p_value, double, 192);
FIELD(candor_recovery_summary, strata_compared, int64_t, 200);
FIELD(candor_recovery_summary, strata_dropped, int64_t, 208);
FIELD(candor_recovery_summary, rows_dropped, int64_t, 216);
FIELD(candor_recovery_summary, followed_up_compared, int64_t, 224);
FIELD(candor_recovery_summary, not_followed_up_compared, int64_t, 232);
FIELD(candor_recovery_summary, level, double, 240);
FIELD(candor_recovery_summary, caveat, const char*, 248);

/* candor_recovery_stratum: frozen. */
STRUCT(candor_recovery_stratum, 184, 8);
FIELD(candor_recovery_stratum, stratum, int32_t, 0);
FIELD(candor_recovery_stratum, compared, int32_t, 4);
FIELD(candor_recovery_stratum, followed_up, int64_t, 8);
FIELD(candor_recovery_stratum, not_followed_up, int64_t, 16);
FIELD(candor_recovery_stratum, weight, double, 24);
FIELD(candor_recovery_stratum, comparison, candor_comparison, 32);

/* candor_case_log_options: size-versioned: grows only at its end. */
STRUCT(candor_case_log_options, 48, 8);
FIELD(candor_case_log_options, size, size_t, 0);
FIELD(candor_case_log_options, first_contact_hours, double, 8);
FIELD(candor_case_log_options, at_risk_hours, double, 16);
FIELD(candor_case_log_options, as_of, int64_t, 24);
FIELD(candor_case_log_options, level, double, 32);
FIELD(candor_case_log_options, on_invalid, candor_invalid_events, 40);

/* candor_breach_rate: frozen. */
STRUCT(candor_breach_rate, 72, 8);
FIELD(candor_breach_rate, key, const char*, 0);
FIELD(candor_breach_rate, cases, int64_t, 8);
FIELD(candor_breach_rate, met, int64_t, 16);
FIELD(candor_breach_rate, breached, int64_t, 24);
FIELD(candor_breach_rate, at_risk, int64_t, 32);
FIELD(candor_breach_rate, open, int64_t, 40);
FIELD(candor_breach_rate, rate, double, 48);
FIELD(candor_breach_rate, ci_low, double, 56);
FIELD(candor_breach_rate, ci_high, double, 64);

/* candor_case_log_summary: frozen. */
STRUCT(candor_case_log_summary, 184, 8);
FIELD(candor_case_log_summary, cases, size_t, 0);
FIELD(candor_case_log_summary, rows, int64_t, 8);
FIELD(candor_case_log_summary, cases_dropped, int64_t, 16);
FIELD(candor_case_log_summary, rows_dropped, int64_t, 24);
FIELD(candor_case_log_summary, dropped_unknown_event, int64_t, 32);
FIELD(candor_case_log_summary, dropped_duplicate, int64_t, 40);
FIELD(candor_case_log_summary, dropped_missing_opened, int64_t, 48);
FIELD(candor_case_log_summary, dropped_out_of_order, int64_t, 56);
FIELD(candor_case_log_summary, dropped_resumed_without_hold, int64_t, 64);
FIELD(candor_case_log_summary, first_problem, const char*, 72);
FIELD(candor_case_log_summary, as_of, int64_t, 80);
FIELD(candor_case_log_summary, level, double, 88);
FIELD(candor_case_log_summary, overall, candor_breach_rate, 96);
FIELD(candor_case_log_summary, owners, size_t, 168);
FIELD(candor_case_log_summary, teams, size_t, 176);

/* candor_case_log_columns: frozen. */
STRUCT(candor_case_log_columns, 112, 8);
FIELD(candor_case_log_columns, n, size_t, 0);
FIELD(candor_case_log_columns, first_row, const int64_t*, 8);
FIELD(candor_case_log_columns, owner_row, const int64_t*, 16);
FIELD(candor_case_log_columns, team_row, const int64_t*, 24);
FIELD(candor_case_log_columns, opened, const int64_t*, 32);
FIELD(candor_case_log_columns, first_contact, const int64_t*, 40);
FIELD(candor_case_log_columns, closed, const int64_t*, 48);
FIELD(candor_case_log_columns, contacted, const uint8_t*, 56);
FIELD(candor_case_log_columns, is_closed, const uint8_t*, 64);
FIELD(candor_case_log_columns, clock_hours, const double*, 72);
FIELD(candor_case_log_columns, hours_to_first_contact, const double*, 80);
FIELD(candor_case_log_columns, hours_to_close, const double*, 88);
FIELD(candor_case_log_columns, hours_left, const double*, 96);
FIELD(candor_case_log_columns, status, const int32_t*, 104);

/* candor_change_monitor_options: size-versioned: grows only at its end. */
STRUCT(candor_change_monitor_options, 32, 8);
FIELD(candor_change_monitor_options, size, size_t, 0);
FIELD(candor_change_monitor_options, alpha, double, 8);
FIELD(candor_change_monitor_options, shift, double, 16);
FIELD(candor_change_monitor_options, bucket_size, int64_t, 24);

/* candor_change_monitor_state: frozen. */
STRUCT(candor_change_monitor_state, 104, 8);
FIELD(candor_change_monitor_state, bucket, int64_t, 0);
FIELD(candor_change_monitor_state, n, int64_t, 8);
FIELD(candor_change_monitor_state, level, double, 16);
FIELD(candor_change_monitor_state, upper, double, 24);
FIELD(candor_change_monitor_state, lower, double, 32);
FIELD(candor_change_monitor_state, threshold, double, 40);
FIELD(candor_change_monitor_state, alarm, int32_t, 48);
FIELD(candor_change_monitor_state, direction, candor_change_direction, 52);
FIELD(candor_change_monitor_state, change_start, int64_t, 56);
FIELD(candor_change_monitor_state, change_n, int64_t, 64);
FIELD(candor_change_monitor_state, shift, double, 72);
FIELD(candor_change_monitor_state, shift_low, double, 80);
FIELD(candor_change_monitor_state, shift_high, double, 88);
FIELD(candor_change_monitor_state, buckets_since_reset, int64_t, 96);

/* candor_change_monitor_info: frozen. */
STRUCT(candor_change_monitor_info, 64, 8);
FIELD(candor_change_monitor_info, threshold, double, 0);
FIELD(candor_change_monitor_info, reference, double, 8);
FIELD(candor_change_monitor_info, arl0, double, 16);
FIELD(candor_change_monitor_info, baseline_mean, double, 24);
FIELD(candor_change_monitor_info, baseline_sd, double, 32);
FIELD(candor_change_monitor_info, bucket_size, int64_t, 40);
FIELD(candor_change_monitor_info, history_n, int64_t, 48);
FIELD(candor_change_monitor_info, buckets, int64_t, 56);

/* candor_report_options: size-versioned: grows only at its end. */
STRUCT(candor_report_options, 144, 8);
FIELD(candor_report_options, size, size_t, 0);
FIELD(candor_report_options, level, double, 8);
FIELD(candor_report_options, time_zone, const char*, 16);
FIELD(candor_report_options, period, const char*, 24);
FIELD(candor_report_options, max_themes, int32_t, 32);
FIELD(candor_report_options, quotes_per_theme, int32_t, 36);
FIELD(candor_report_options, max_accounts, int32_t, 40);
FIELD(candor_report_options, max_alarms, int32_t, 44);
FIELD(candor_report_options, seed, uint64_t, 48);
FIELD(candor_report_options, source, const char*, 56);
FIELD(candor_report_options, bundled_sample, int32_t, 64);
FIELD(candor_report_options, score_column, const char*, 72);
FIELD(candor_report_options, comment_column, const char*, 80);
FIELD(candor_report_options, time_column, const char*, 88);
FIELD(candor_report_options, weight_column, const char*, 96);
FIELD(candor_report_options, arr_column, const char*, 104);
FIELD(candor_report_options, outcome_column, const char*, 112);
FIELD(candor_report_options, invited_column, const char*, 120);
FIELD(candor_report_options, progress, candor_report_progress, 128);
FIELD(candor_report_options, progress_user_data, void*, 136);

ENUM(candor_status);
VALUE(CANDOR_OK, 0);
VALUE(CANDOR_INVALID_ARGUMENT, 1);
VALUE(CANDOR_OUT_OF_RANGE, 2);
VALUE(CANDOR_EMPTY, 3);
VALUE(CANDOR_LENGTH_MISMATCH, 4);
VALUE(CANDOR_NOT_FOUND, 5);
VALUE(CANDOR_PARSE_ERROR, 6);
VALUE(CANDOR_INVALID_UTF8, 7);
VALUE(CANDOR_IO_ERROR, 8);
VALUE(CANDOR_UNSUPPORTED, 9);
VALUE(CANDOR_OUT_OF_MEMORY, 10);
VALUE(CANDOR_INTERNAL, 11);
VALUE(CANDOR_NOT_CONVERGED, 12);
VALUE(CANDOR_CANCELLED, 13);

ENUM(candor_metric);
VALUE(CANDOR_METRIC_NPS, 0);
VALUE(CANDOR_METRIC_TOP_BOX, 1);
VALUE(CANDOR_METRIC_BOTTOM_BOX, 2);
VALUE(CANDOR_METRIC_MEAN, 3);

ENUM(candor_interval);
VALUE(CANDOR_INTERVAL_WALD, 0);
VALUE(CANDOR_INTERVAL_ADJUSTED_WALD, 1);
VALUE(CANDOR_INTERVAL_BAYES, 2);
VALUE(CANDOR_INTERVAL_BOOTSTRAP, 3);
VALUE(CANDOR_INTERVAL_JEFFREYS, 4);

ENUM(candor_p_adjust);
VALUE(CANDOR_P_ADJUST_NONE, 0);
VALUE(CANDOR_P_ADJUST_HOLM, 1);
VALUE(CANDOR_P_ADJUST_BH, 2);

ENUM(candor_preset);
VALUE(CANDOR_PRESET_NPS, 0);
VALUE(CANDOR_PRESET_CSAT, 1);
VALUE(CANDOR_PRESET_CES, 2);
VALUE(CANDOR_PRESET_CES_AGREE, 3);

ENUM(candor_account_mode);
VALUE(CANDOR_ACCOUNT_PER_RESPONSE, 0);
VALUE(CANDOR_ACCOUNT_EQUAL, 1);
VALUE(CANDOR_ACCOUNT_BY_VALUE, 2);

ENUM(candor_column_kind);
VALUE(CANDOR_COLUMN_NUMBERS, 0);
VALUE(CANDOR_COLUMN_TEXT, 1);
VALUE(CANDOR_COLUMN_TIMES, 2);

ENUM(candor_mk_method);
VALUE(CANDOR_MK_ORIGINAL, 0);
VALUE(CANDOR_MK_HAMED_RAO, 1);
VALUE(CANDOR_MK_SEASONAL, 2);

ENUM(candor_period);
VALUE(CANDOR_PERIOD_DAY, 0);
VALUE(CANDOR_PERIOD_WEEK, 1);
VALUE(CANDOR_PERIOD_MONTH, 2);
VALUE(CANDOR_PERIOD_QUARTER, 3);

ENUM(candor_buckets_column);
VALUE(CANDOR_BUCKETS_VALUE, 0);
VALUE(CANDOR_BUCKETS_STD_ERROR, 1);
VALUE(CANDOR_BUCKETS_CI_LOW, 2);
VALUE(CANDOR_BUCKETS_CI_HIGH, 3);
VALUE(CANDOR_BUCKETS_EFFECTIVE_N, 4);
VALUE(CANDOR_BUCKETS_ROLLING_VALUE, 5);
VALUE(CANDOR_BUCKETS_ROLLING_STD_ERROR, 6);
VALUE(CANDOR_BUCKETS_ROLLING_CI_LOW, 7);
VALUE(CANDOR_BUCKETS_ROLLING_CI_HIGH, 8);
VALUE(CANDOR_BUCKETS_ROLLING_EFFECTIVE_N, 9);
VALUE(CANDOR_BUCKETS_SMOOTHED_VALUE, 10);
VALUE(CANDOR_BUCKETS_SMOOTHED_STD_ERROR, 11);
VALUE(CANDOR_BUCKETS_SMOOTHED_CI_LOW, 12);
VALUE(CANDOR_BUCKETS_SMOOTHED_CI_HIGH, 13);
VALUE(CANDOR_BUCKETS_SMOOTHED_EFFECTIVE_N, 14);
VALUE(CANDOR_BUCKETS_CHANGE, 15);
VALUE(CANDOR_BUCKETS_CHANGE_STD_ERROR, 16);
VALUE(CANDOR_BUCKETS_CHANGE_CI_LOW, 17);
VALUE(CANDOR_BUCKETS_CHANGE_CI_HIGH, 18);
VALUE(CANDOR_BUCKETS_CHANGE_P_VALUE, 19);
VALUE(CANDOR_BUCKETS_MDC, 20);
VALUE(CANDOR_BUCKETS_CENTER, 21);
VALUE(CANDOR_BUCKETS_LOWER, 22);
VALUE(CANDOR_BUCKETS_UPPER, 23);
VALUE(CANDOR_BUCKETS_CHANGE_P_ADJUSTED, 24);
VALUE(CANDOR_BUCKETS_START, 100);
VALUE(CANDOR_BUCKETS_END, 101);
VALUE(CANDOR_BUCKETS_N, 102);
VALUE(CANDOR_BUCKETS_ROLLING_N, 103);
VALUE(CANDOR_BUCKETS_SMOOTHED_N, 104);
VALUE(CANDOR_BUCKETS_PREVIOUS, 105);
VALUE(CANDOR_BUCKETS_CHANGES_TESTED, 106);
VALUE(CANDOR_BUCKETS_SEGMENT, 200);
VALUE(CANDOR_BUCKETS_FLAG, 201);

ENUM(candor_change_penalty);
VALUE(CANDOR_CHANGE_PENALTY_BIC, 0);
VALUE(CANDOR_CHANGE_PENALTY_AIC, 1);
VALUE(CANDOR_CHANGE_PENALTY_MANUAL, 2);
VALUE(CANDOR_CHANGE_PENALTY_CALIBRATED, 3);

ENUM(candor_change_calibration);
VALUE(CANDOR_CHANGE_CALIBRATION_NONE, 0);
VALUE(CANDOR_CHANGE_CALIBRATION_GAUSSIAN, 1);
VALUE(CANDOR_CHANGE_CALIBRATION_PERMUTATION, 2);

ENUM(candor_split_rule);
VALUE(CANDOR_SPLIT_MEDIAN_TIME, 0);
VALUE(CANDOR_SPLIT_FIXED_TIME, 1);
VALUE(CANDOR_SPLIT_LAST_DAYS, 2);

ENUM(candor_robust_se);
VALUE(CANDOR_ROBUST_HC1, 0);
VALUE(CANDOR_ROBUST_HC3, 1);

ENUM(candor_account_trend_status);
VALUE(CANDOR_ACCOUNT_TREND_OK, 0);
VALUE(CANDOR_ACCOUNT_TREND_TOO_FEW, 1);
VALUE(CANDOR_ACCOUNT_TREND_SLOPE_UNDEFINED, 2);

ENUM(candor_utf8_policy);
VALUE(CANDOR_UTF8_ERROR, 0);
VALUE(CANDOR_UTF8_REPAIR, 1);

ENUM(candor_lexicon_format);
VALUE(CANDOR_LEXICON_CANDOR, 0);
VALUE(CANDOR_LEXICON_VADER, 1);
VALUE(CANDOR_LEXICON_AFINN, 2);

ENUM(candor_emotion);
VALUE(CANDOR_EMOTION_FRUSTRATION, 0);
VALUE(CANDOR_EMOTION_ANGER, 1);
VALUE(CANDOR_EMOTION_ANNOYANCE, 2);
VALUE(CANDOR_EMOTION_DISAPPOINTMENT, 3);
VALUE(CANDOR_EMOTION_CONFUSION, 4);
VALUE(CANDOR_EMOTION_DELIGHT, 5);
VALUE(CANDOR_EMOTION_GRATITUDE, 6);

ENUM(candor_urgency);
VALUE(CANDOR_URGENCY_NONE, 0);
VALUE(CANDOR_URGENCY_SAFETY, 1);
VALUE(CANDOR_URGENCY_LEGAL, 2);
VALUE(CANDOR_URGENCY_CHURN, 3);
VALUE(CANDOR_URGENCY_REFUND, 4);
VALUE(CANDOR_URGENCY_UNRESOLVED, 5);

ENUM(candor_nmf_init);
VALUE(CANDOR_NMF_INIT_NNDSVD, 0);
VALUE(CANDOR_NMF_INIT_NNDSVDA, 1);
VALUE(CANDOR_NMF_INIT_NNDSVDAR, 2);

ENUM(candor_svd_method);
VALUE(CANDOR_SVD_AUTO, 0);
VALUE(CANDOR_SVD_EXACT, 1);
VALUE(CANDOR_SVD_RANDOMIZED, 2);

ENUM(candor_theme_status);
VALUE(CANDOR_THEME_OK, 0);
VALUE(CANDOR_THEME_NO_MENTIONS, 1);
VALUE(CANDOR_THEME_ALL_MENTION, 2);

ENUM(candor_enum);
VALUE(CANDOR_ENUM_METRIC, 0);
VALUE(CANDOR_ENUM_INTERVAL, 1);
VALUE(CANDOR_ENUM_P_ADJUST, 2);
VALUE(CANDOR_ENUM_PRESET, 3);
VALUE(CANDOR_ENUM_ACCOUNT_MODE, 4);
VALUE(CANDOR_ENUM_MK_METHOD, 5);
VALUE(CANDOR_ENUM_PERIOD, 6);
VALUE(CANDOR_ENUM_BUCKETS_COLUMN, 7);
VALUE(CANDOR_ENUM_CHANGE_PENALTY, 8);
VALUE(CANDOR_ENUM_SPLIT_RULE, 9);
VALUE(CANDOR_ENUM_ROBUST_SE, 10);
VALUE(CANDOR_ENUM_ACCOUNT_TREND_STATUS, 11);
VALUE(CANDOR_ENUM_UTF8_POLICY, 12);
VALUE(CANDOR_ENUM_LEXICON_FORMAT, 13);
VALUE(CANDOR_ENUM_EMOTION, 14);
VALUE(CANDOR_ENUM_URGENCY, 15);
VALUE(CANDOR_ENUM_NMF_INIT, 16);
VALUE(CANDOR_ENUM_SVD_METHOD, 17);
VALUE(CANDOR_ENUM_THEME_STATUS, 18);
VALUE(CANDOR_ENUM_TIME_WEIGHT, 19);
VALUE(CANDOR_ENUM_SURVIVAL_INTERVAL, 20);
VALUE(CANDOR_ENUM_HEALTH_TRANSFORM, 21);
VALUE(CANDOR_ENUM_HEALTH_MISSING, 22);
VALUE(CANDOR_ENUM_HEALTH_COMBINE, 23);
VALUE(CANDOR_ENUM_PII_KIND, 24);
VALUE(CANDOR_ENUM_INTENT, 25);
VALUE(CANDOR_ENUM_OUTER_LOOP_RANK, 26);
VALUE(CANDOR_ENUM_SLA_STATUS, 27);
VALUE(CANDOR_ENUM_INVALID_EVENTS, 28);
VALUE(CANDOR_ENUM_CASE_EVENT, 29);
VALUE(CANDOR_ENUM_CASE_LOG_PROBLEM, 30);
VALUE(CANDOR_ENUM_FOLLOWUP_CATEGORY, 31);
VALUE(CANDOR_ENUM_FOLLOWUP_REASON, 32);
VALUE(CANDOR_ENUM_CHANGE_CALIBRATION, 33);
VALUE(CANDOR_ENUM_CHANGE_DIRECTION, 34);
VALUE(CANDOR_ENUM_REPORT_FORMAT, 35);
VALUE(CANDOR_ENUM_COLUMN_KIND, 36);

ENUM(candor_time_weight);
VALUE(CANDOR_TIME_WEIGHT_N, 0);
VALUE(CANDOR_TIME_WEIGHT_N_G2, 1);

ENUM(candor_survival_interval);
VALUE(CANDOR_SURVIVAL_INTERVAL_LOG, 0);
VALUE(CANDOR_SURVIVAL_INTERVAL_LOG_LOG, 1);
VALUE(CANDOR_SURVIVAL_INTERVAL_PLAIN, 2);

ENUM(candor_health_transform);
VALUE(CANDOR_HEALTH_TRANSFORM_LINEAR, 0);
VALUE(CANDOR_HEALTH_TRANSFORM_TIERS, 1);
VALUE(CANDOR_HEALTH_TRANSFORM_BOOLEAN, 2);
VALUE(CANDOR_HEALTH_TRANSFORM_PERCENTILE, 3);
VALUE(CANDOR_HEALTH_TRANSFORM_Z_SCORE, 4);

ENUM(candor_health_missing);
VALUE(CANDOR_HEALTH_MISSING_RENORMALIZE, 0);
VALUE(CANDOR_HEALTH_MISSING_ZERO, 1);
VALUE(CANDOR_HEALTH_MISSING_GROUP_MEAN, 2);

ENUM(candor_health_combine);
VALUE(CANDOR_HEALTH_COMBINE_WEIGHTED_MEAN, 0);
VALUE(CANDOR_HEALTH_COMBINE_WORST_OF, 1);

ENUM(candor_pii_kind);
VALUE(CANDOR_PII_EMAIL, 0);
VALUE(CANDOR_PII_PHONE, 1);
VALUE(CANDOR_PII_CARD, 2);
VALUE(CANDOR_PII_IBAN, 3);
VALUE(CANDOR_PII_URL, 4);

ENUM(candor_intent);
VALUE(CANDOR_INTENT_COMPLAINT, 0);
VALUE(CANDOR_INTENT_SUGGESTION, 1);
VALUE(CANDOR_INTENT_QUESTION, 2);
VALUE(CANDOR_INTENT_PRAISE, 3);
VALUE(CANDOR_INTENT_NEEDS_RESPONSE, 4);

ENUM(candor_outer_loop_rank);
VALUE(CANDOR_OUTER_LOOP_RANK_ARR_AT_RISK, 0);
VALUE(CANDOR_OUTER_LOOP_RANK_NPS_IMPACT, 1);
VALUE(CANDOR_OUTER_LOOP_RANK_DETRACTOR_ACCOUNTS, 2);
VALUE(CANDOR_OUTER_LOOP_RANK_COMMENTS, 3);

ENUM(candor_outer_loop_no_interval);
VALUE(CANDOR_OUTER_LOOP_NO_INTERVAL_NONE, 0);
VALUE(CANDOR_OUTER_LOOP_NO_INTERVAL_NO_DETRACTOR_ACCOUNT, 1);
VALUE(CANDOR_OUTER_LOOP_NO_INTERVAL_NO_ARR_AT_RISK, 2);
VALUE(CANDOR_OUTER_LOOP_NO_INTERVAL_EVERY_ACCOUNT_AT_RISK, 3);
VALUE(CANDOR_OUTER_LOOP_NO_INTERVAL_FEW_BOOTSTRAP_VALUES, 4);
VALUE(CANDOR_OUTER_LOOP_NO_INTERVAL_NO_MENTIONS, 5);
VALUE(CANDOR_OUTER_LOOP_NO_INTERVAL_ALL_MENTION, 6);
VALUE(CANDOR_OUTER_LOOP_NO_INTERVAL_METRIC_CONSTANT, 7);
VALUE(CANDOR_OUTER_LOOP_NO_INTERVAL_SHARE_ALL_OR_NONE, 8);

ENUM(candor_sla_status);
VALUE(CANDOR_SLA_MET, 0);
VALUE(CANDOR_SLA_BREACHED, 1);
VALUE(CANDOR_SLA_AT_RISK, 2);
VALUE(CANDOR_SLA_OPEN, 3);

ENUM(candor_invalid_events);
VALUE(CANDOR_INVALID_EVENTS_ERROR, 0);
VALUE(CANDOR_INVALID_EVENTS_DROP_CASE, 1);

ENUM(candor_case_event);
VALUE(CANDOR_CASE_OPENED, 0);
VALUE(CANDOR_CASE_FIRST_CONTACT, 1);
VALUE(CANDOR_CASE_ON_HOLD, 2);
VALUE(CANDOR_CASE_RESUMED, 3);
VALUE(CANDOR_CASE_CLOSED, 4);

ENUM(candor_case_log_problem);
VALUE(CANDOR_CASE_LOG_UNKNOWN_EVENT, 0);
VALUE(CANDOR_CASE_LOG_DUPLICATE, 1);
VALUE(CANDOR_CASE_LOG_MISSING_OPENED, 2);
VALUE(CANDOR_CASE_LOG_OUT_OF_ORDER, 3);
VALUE(CANDOR_CASE_LOG_RESUMED_WITHOUT_HOLD, 4);

ENUM(candor_followup_category);
VALUE(CANDOR_FOLLOWUP_FIRE_ALARM, 0);
VALUE(CANDOR_FOLLOWUP_DETRACTOR, 1);
VALUE(CANDOR_FOLLOWUP_PASSIVE, 2);
VALUE(CANDOR_FOLLOWUP_PROMOTER, 3);

ENUM(candor_followup_reason);
VALUE(CANDOR_FOLLOWUP_REASON_DETRACTOR, 0);
VALUE(CANDOR_FOLLOWUP_REASON_PASSIVE, 1);
VALUE(CANDOR_FOLLOWUP_REASON_VERY_LOW_SCORE, 2);
VALUE(CANDOR_FOLLOWUP_REASON_URGENCY_SAFETY, 3);
VALUE(CANDOR_FOLLOWUP_REASON_URGENCY_LEGAL, 4);
VALUE(CANDOR_FOLLOWUP_REASON_URGENCY_CHURN, 5);
VALUE(CANDOR_FOLLOWUP_REASON_URGENCY_REFUND, 6);
VALUE(CANDOR_FOLLOWUP_REASON_URGENCY_UNRESOLVED, 7);
VALUE(CANDOR_FOLLOWUP_REASON_ARR, 8);
VALUE(CANDOR_FOLLOWUP_REASON_RENEWAL, 9);
VALUE(CANDOR_FOLLOWUP_REASON_HEALTH_DECLINE, 10);
VALUE(CANDOR_FOLLOWUP_REASON_REPEAT_DETRACTOR, 11);
VALUE(CANDOR_FOLLOWUP_REASON_STRATEGIC_ROLE, 12);
VALUE(CANDOR_FOLLOWUP_REASON_POOR_HEALTH_GRADE, 13);

ENUM(candor_change_direction);
VALUE(CANDOR_CHANGE_DIRECTION_NONE, 0);
VALUE(CANDOR_CHANGE_DIRECTION_UP, 1);
VALUE(CANDOR_CHANGE_DIRECTION_DOWN, 2);

ENUM(candor_report_format);
VALUE(CANDOR_REPORT_FORMAT_TEXT, 0);
VALUE(CANDOR_REPORT_FORMAT_JSON, 1);
VALUE(CANDOR_REPORT_FORMAT_HTML, 2);

int main(void) {
  {
    candor_score_options options;
    candor_score_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_weight_options options;
    candor_weight_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_design options;
    candor_design_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_csv_options options;
    candor_csv_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_mk_options options;
    candor_mk_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_buckets_options options;
    candor_buckets_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_change_point_options options;
    candor_change_point_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_account_trend_options options;
    candor_account_trend_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_text_options options;
    candor_text_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_themes_options options;
    candor_themes_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_drivers_options options;
    candor_drivers_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_concordance_options options;
    candor_concordance_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_kaplan_meier_options options;
    candor_kaplan_meier_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_health_measure options;
    candor_health_measure_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_survey_measure_options options;
    candor_survey_measure_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_health_history options;
    candor_health_history_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_suggest_weights_options options;
    candor_suggest_weights_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_redact_options options;
    candor_redact_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_followup_input options;
    candor_followup_input_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_business_calendar_spec options;
    candor_business_calendar_spec_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_outer_loop_options options;
    candor_outer_loop_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_outer_loop_inputs options;
    candor_outer_loop_inputs_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_case_log_options options;
    candor_case_log_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_change_monitor_options options;
    candor_change_monitor_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  {
    candor_report_options options;
    candor_report_options_init(&options);
    CHECK(options.size == sizeof options);
  }
  return report();
}
