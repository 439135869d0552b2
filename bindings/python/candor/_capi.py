"""The C ABI of include/candor.h for ctypes, in one place: a mirror of every
struct and handle, and FUNCTIONS, every function's restype and argtypes.
declare() sets them on the loaded library (candor._lib calls it).

Names follow the header: the struct candor_<name> is C<Name> in CamelCase
(candor_estimate: CEstimate, candor_mk_options: CMkOptions); a handle
candor_<name> is the empty C<Name>, passed as <Name>P = POINTER(C<Name>).
Enums are C ints (candor.h checks that they are 4 bytes wide).
tests/python/test_binding_table.py checks this module against the header
and the C compiler: every function declared with the kinds of its arguments,
every struct's fields at the compiler's offsets.
"""

import ctypes
from ctypes import (POINTER, c_char, c_char_p, c_double, c_int, c_int8, c_int32, c_int64,
                    c_size_t, c_uint8, c_uint32, c_uint64, c_void_p)

status = c_int  # candor_status
enum = c_int  # any other candor_* enum

double_p = POINTER(c_double)
int8_p = POINTER(c_int8)
int32_p = POINTER(c_int32)
int64_p = POINTER(c_int64)
uint8_p = POINTER(c_uint8)
uint32_p = POINTER(c_uint32)
size_p = POINTER(c_size_t)
char_pp = POINTER(c_char_p)

# candor_progress: (done, total, user_data) -> nonzero to go on, 0 to stop.
CProgress = ctypes.CFUNCTYPE(c_int32, c_int64, c_int64, c_void_p)


def _python_check_signals():
    """CPython's PyErr_CheckSignals (runs pending signal handlers; a handler's
    exception is raised by ctypes), for progress callbacks (candor._progress);
    a function returning 0 on interpreters without it."""
    try:
        check = ctypes.pythonapi.PyErr_CheckSignals
    except (AttributeError, ValueError):  # pragma: no cover - not CPython
        return lambda: 0
    check.argtypes = []
    check.restype = c_int
    return check


check_signals = _python_check_signals()


# ------------------------------------------------------------------------------------ score options

class CScoreOptions(ctypes.Structure):
    """candor_score_options."""
    _fields_ = [
        ("size", c_size_t),
        ("metric", enum),
        ("scale_min", c_int32),
        ("scale_max", c_int32),
        ("promoter_min", c_int32),
        ("detractor_max", c_int32),
        ("box_size", c_int32),
        ("interval", enum),
        ("level", c_double),
        ("prior", c_double),
        ("replicates", c_int32),
        ("seed", c_uint64),
        ("threads", c_int32),
        ("p_adjust", enum),
        ("progress", CProgress),
        ("progress_user_data", c_void_p),
    ]


# ---------------------------------------------------------------------------------------- estimates

class CEstimate(ctypes.Structure):
    """candor_estimate."""
    _fields_ = [
        ("value", c_double),
        ("std_error", c_double),
        ("ci_low", c_double),
        ("ci_high", c_double),
        ("level", c_double),
        ("n", c_int64),
        ("effective_n", c_double),
    ]


class CComparison(ctypes.Structure):
    """candor_comparison."""
    _fields_ = [
        ("difference", c_double),
        ("std_error", c_double),
        ("ci_low", c_double),
        ("ci_high", c_double),
        ("p_value", c_double),
        ("a", CEstimate),
        ("b", CEstimate),
    ]


# --------------------------------------------------------------------------------------- breakdowns

class CBreakdown(ctypes.Structure):
    """candor_breakdown: a handle, used only through BreakdownP."""


BreakdownP = POINTER(CBreakdown)


class CBreakdownRow(ctypes.Structure):
    """candor_breakdown_row."""
    _fields_ = [
        ("codes", int32_p),
        ("estimate", CEstimate),
        ("vs_rest", CComparison),
        ("p_adjusted", c_double),
    ]


# ------------------------------------------------------------------------------------- accumulators

class CAccumulator(ctypes.Structure):
    """candor_accumulator: a handle, used only through AccumulatorP."""


AccumulatorP = POINTER(CAccumulator)


class CAccountAccumulator(ctypes.Structure):
    """candor_account_accumulator: a handle, used only through AccountAccumulatorP."""


AccountAccumulatorP = POINTER(CAccountAccumulator)


class CBucketAccumulator(ctypes.Structure):
    """candor_bucket_accumulator: a handle, used only through BucketAccumulatorP."""


BucketAccumulatorP = POINTER(CBucketAccumulator)


class CDriverAccumulator(ctypes.Structure):
    """candor_driver_accumulator: a handle, used only through DriverAccumulatorP."""


DriverAccumulatorP = POINTER(CDriverAccumulator)


# ------------------------------------------------------------------------------------------ weights

class CWeights(ctypes.Structure):
    """candor_weights: a handle, used only through WeightsP."""


WeightsP = POINTER(CWeights)


class CMargin(ctypes.Structure):
    """candor_margin."""
    _fields_ = [
        ("name", c_char_p),
        ("codes", int32_p),
        ("population", double_p),
        ("levels", c_size_t),
    ]


class CCovariate(ctypes.Structure):
    """candor_covariate."""
    _fields_ = [
        ("name", c_char_p),
        ("numeric", double_p),
        ("codes", int32_p),
        ("levels", c_int32),
    ]


class CWeightOptions(ctypes.Structure):
    """candor_weight_options."""
    _fields_ = [
        ("size", c_size_t),
        ("max_iterations", c_int32),
        ("tolerance", c_double),
        ("l2_penalty", c_double),
        ("progress", CProgress),
        ("progress_user_data", c_void_p),
    ]


class CWeightSummary(ctypes.Structure):
    """candor_weight_summary."""
    _fields_ = [
        ("sum", c_double),
        ("min", c_double),
        ("max", c_double),
        ("max_to_min", c_double),
        ("effective_n", c_double),
        ("design_effect", c_double),
    ]


class CResponseRate(ctypes.Structure):
    """candor_response_rate."""
    _fields_ = [
        ("invited", c_int64),
        ("responded", c_int64),
        ("rate", c_double),
        ("ci_low", c_double),
        ("ci_high", c_double),
    ]


class CRecencyEffect(ctypes.Structure):
    """candor_recency_effect."""
    _fields_ = [
        ("raw_value", c_double),
        ("standardized_value", c_double),
        ("std_error", c_double),
        ("ci_low", c_double),
        ("ci_high", c_double),
    ]


# --------------------------------------------------------------------------------- design estimates

class CDesign(ctypes.Structure):
    """candor_design."""
    _fields_ = [
        ("size", c_size_t),
        ("weights", double_p),
        ("clusters", int32_p),
        ("calibration", WeightsP),
    ]


# ------------------------------------------------------------------------------------------- tables

class CTable(ctypes.Structure):
    """candor_table: a handle, used only through TableP."""


TableP = POINTER(CTable)


class CCsvHeader(ctypes.Structure):
    """candor_csv_header: a handle, used only through CsvHeaderP."""


CsvHeaderP = POINTER(CCsvHeader)


class CCsvOptions(ctypes.Structure):
    """candor_csv_options."""
    _fields_ = [
        ("size", c_size_t),
        ("score_column", c_char_p),
        ("time_column", c_char_p),
        ("account_column", c_char_p),
        ("role_column", c_char_p),
        ("weight_column", c_char_p),
        ("comment_column", c_char_p),
        ("segment_columns", char_pp),
        ("n_segment_columns", c_size_t),
        ("delimiter", c_char),
        ("skip_bad_rows", c_int32),
        ("max_bytes", c_uint64),
        ("number_columns", char_pp),
        ("n_number_columns", c_size_t),
        ("progress", CProgress),
        ("progress_user_data", c_void_p),
        ("decimal", c_char),
        ("time_format", c_char_p),
        ("encoding", c_char_p),
    ]


# ----------------------------------------------------------------------------- columns from Arrow

# The Arrow C Data and Stream Interface structs, as the specification (and
# candor.h) lays them out. Their callbacks are declared after each struct,
# since they take a pointer to it.
class CArrowSchema(ctypes.Structure):
    """struct ArrowSchema."""


ArrowSchemaRelease = ctypes.CFUNCTYPE(None, POINTER(CArrowSchema))
CArrowSchema._fields_ = [
    ("format", c_char_p),
    ("name", c_char_p),
    ("metadata", c_char_p),
    ("flags", c_int64),
    ("n_children", c_int64),
    ("children", POINTER(POINTER(CArrowSchema))),
    ("dictionary", POINTER(CArrowSchema)),
    ("release", ArrowSchemaRelease),
    ("private_data", c_void_p),
]


class CArrowArray(ctypes.Structure):
    """struct ArrowArray."""


ArrowArrayRelease = ctypes.CFUNCTYPE(None, POINTER(CArrowArray))
CArrowArray._fields_ = [
    ("length", c_int64),
    ("null_count", c_int64),
    ("offset", c_int64),
    ("n_buffers", c_int64),
    ("n_children", c_int64),
    ("buffers", POINTER(c_void_p)),
    ("children", POINTER(POINTER(CArrowArray))),
    ("dictionary", POINTER(CArrowArray)),
    ("release", ArrowArrayRelease),
    ("private_data", c_void_p),
]


class CArrowArrayStream(ctypes.Structure):
    """struct ArrowArrayStream."""


ArrowStreamGetSchema = ctypes.CFUNCTYPE(c_int, POINTER(CArrowArrayStream), POINTER(CArrowSchema))
ArrowStreamGetNext = ctypes.CFUNCTYPE(c_int, POINTER(CArrowArrayStream), POINTER(CArrowArray))
ArrowStreamGetLastError = ctypes.CFUNCTYPE(c_void_p, POINTER(CArrowArrayStream))
ArrowStreamRelease = ctypes.CFUNCTYPE(None, POINTER(CArrowArrayStream))
CArrowArrayStream._fields_ = [
    ("get_schema", ArrowStreamGetSchema),
    ("get_next", ArrowStreamGetNext),
    ("get_last_error", ArrowStreamGetLastError),
    ("release", ArrowStreamRelease),
    ("private_data", c_void_p),
]


class CColumn(ctypes.Structure):
    """candor_column: a handle, used only through ColumnP."""


ColumnP = POINTER(CColumn)


class CColumnInfo(ctypes.Structure):
    """candor_column_info."""
    _fields_ = [
        ("kind", enum),
        ("in_place", c_int32),
        ("rows", c_size_t),
        ("nulls", c_size_t),
        ("chunks", c_size_t),
        ("format", c_char_p),
        ("time_zone", c_char_p),
    ]


def _capsule_pointer():
    """CPython's PyCapsule_GetPointer(capsule, name) as its own prototype (not
    the shared ctypes.pythonapi attribute): the address a capsule holds; a
    capsule of another name raises ValueError."""
    return ctypes.PYFUNCTYPE(c_void_p, ctypes.py_object, c_char_p)(
        ("PyCapsule_GetPointer", ctypes.pythonapi))


capsule_pointer = _capsule_pointer()


# ------------------------------------------------------------------------------ trend: series tests

class CMkOptions(ctypes.Structure):
    """candor_mk_options."""
    _fields_ = [
        ("size", c_size_t),
        ("method", enum),
        ("alpha", c_double),
        ("max_lag", c_size_t),
        ("period", c_size_t),
        ("hamed_rao_signed_sum", c_int32),
    ]


class CMkResult(ctypes.Structure):
    """candor_mk_result."""
    _fields_ = [
        ("s", c_int64),
        ("var_s", c_double),
        ("z", c_double),
        ("p_value", c_double),
        ("tau", c_double),
        ("n", c_int64),
        ("trend", c_int32),
        ("variance_factor", c_double),
        ("significant_lags", c_int64),
    ]


class CSensSlopeResult(ctypes.Structure):
    """candor_sens_slope_result."""
    _fields_ = [
        ("slope", c_double),
        ("intercept", c_double),
        ("ci_low", c_double),
        ("ci_high", c_double),
    ]


class CWlsSlopeResult(ctypes.Structure):
    """candor_wls_slope_result."""
    _fields_ = [
        ("slope", c_double),
        ("slope_std_error", c_double),
        ("slope_ci_low", c_double),
        ("slope_ci_high", c_double),
        ("slope_p_value", c_double),
        ("intercept", c_double),
        ("intercept_std_error", c_double),
        ("intercept_ci_low", c_double),
        ("intercept_ci_high", c_double),
        ("intercept_p_value", c_double),
        ("chi_square", c_double),
        ("residual_scale", c_double),
        ("n", c_int64),
    ]


# ----------------------------------------------------------------------------------- trend: buckets

class CBucketsOptions(ctypes.Structure):
    """candor_buckets_options."""
    _fields_ = [
        ("size", c_size_t),
        ("every", enum),
        ("time_zone", c_char_p),
        ("window_days", c_int32),
        ("half_life_days", c_double),
        ("power", c_double),
        ("control_k", c_double),
        ("control_level", c_double),
        ("p_adjust", enum),
    ]


class CBuckets(ctypes.Structure):
    """candor_buckets: a handle, used only through BucketsP."""


BucketsP = POINTER(CBuckets)


# ----------------------------------------------------------------------------- trend: change points

class CChangePointOptions(ctypes.Structure):
    """candor_change_point_options."""
    _fields_ = [
        ("size", c_size_t),
        ("penalty", enum),
        ("penalty_value", c_double),
        ("min_size", c_int64),
        ("max_grid_points", c_int64),
        ("alpha", c_double),
        ("replicates", c_int64),
        ("seed", c_uint64),
        ("boundaries", int64_p),
        ("boundary_count", c_size_t),
        ("threads", c_int32),
        ("progress", CProgress),
        ("progress_user_data", c_void_p),
    ]


class CChangePoints(ctypes.Structure):
    """candor_change_points: a handle, used only through ChangePointsP."""


ChangePointsP = POINTER(CChangePoints)


class CChangePoint(ctypes.Structure):
    """candor_change_point."""
    _fields_ = [
        ("index", c_int64),
        ("time", c_int64),
        ("change", CComparison),
    ]


class CChangeSegment(ctypes.Structure):
    """candor_change_segment."""
    _fields_ = [
        ("begin", c_int64),
        ("end", c_int64),
        ("time_begin", c_int64),
        ("time_end", c_int64),
        ("cost", c_double),
        ("level", CEstimate),
    ]


class CChangePointSummary(ctypes.Structure):
    """candor_change_point_summary."""
    _fields_ = [
        ("penalty", c_double),
        ("total_cost", c_double),
        ("block_size", c_int64),
        ("categories", c_int32),
        ("has_times", c_int32),
    ]


class CChangeCalibrationInfo(ctypes.Structure):
    """candor_change_calibration_info."""
    _fields_ = [
        ("calibration", enum),
        ("reserved", c_int32),
        ("alpha", c_double),
        ("critical_value", c_double),
        ("max_z", c_double),
        ("p_value", c_double),
        ("replicates", c_int64),
        ("candidates", c_int64),
        ("design_effect", c_double),
        ("value_sd", c_double),
    ]


class CChangeTest(ctypes.Structure):
    """candor_change_test."""
    _fields_ = [
        ("z", c_double),
        ("p_value", c_double),
        ("index_low", c_int64),
        ("index_high", c_int64),
        ("time_low", c_int64),
        ("time_high", c_int64),
    ]


# ---------------------------------------------------------------------------------- trend: accounts

class CAccountTrendOptions(ctypes.Structure):
    """candor_account_trend_options."""
    _fields_ = [
        ("size", c_size_t),
        ("min_responses", c_int64),
        ("slope_unit_days", c_double),
        ("split", enum),
        ("split_time", c_int64),
        ("recent_days", c_double),
        ("covariance", enum),
        ("p_adjust", enum),
        ("alpha", c_double),
    ]


class CAccountTrendRow(ctypes.Structure):
    """candor_account_trend_row."""
    _fields_ = [
        ("account", c_int32),
        ("status", enum),
        ("declining", c_int32),
        ("n", c_int64),
        ("first_time", c_int64),
        ("last_time", c_int64),
        ("level", CEstimate),
        ("slope", c_double),
        ("slope_std_error", c_double),
        ("slope_ci_low", c_double),
        ("slope_ci_high", c_double),
        ("slope_df", c_double),
        ("slope_p_value", c_double),
        ("slope_p_adjusted", c_double),
        ("recent_vs_earlier", CComparison),
        ("change_p_adjusted", c_double),
    ]


class CAccountTrends(ctypes.Structure):
    """candor_account_trends: a handle, used only through AccountTrendsP."""


AccountTrendsP = POINTER(CAccountTrends)


# -------------------------------------------------------------------------------------- text: model

class CTextModel(ctypes.Structure):
    """candor_text_model: a handle, used only through TextModelP."""


TextModelP = POINTER(CTextModel)


class CTextResults(ctypes.Structure):
    """candor_text_results: a handle, used only through TextResultsP."""


TextResultsP = POINTER(CTextResults)


class CTextOptions(ctypes.Structure):
    """candor_text_options."""
    _fields_ = [
        ("size", c_size_t),
        ("invalid_utf8", enum),
        ("language", c_char_p),
        ("fallback_language", c_char_p),
        ("threads", c_int32),
        ("progress", CProgress),
        ("progress_user_data", c_void_p),
    ]


class CTaxonomyTheme(ctypes.Structure):
    """candor_taxonomy_theme."""
    _fields_ = [
        ("name", c_char_p),
        ("path", c_char_p),
        ("parent", c_int32),
        ("depth", c_int32),
    ]


# ---------------------------------------------------------------------------- text: theme discovery

class CThemesOptions(ctypes.Structure):
    """candor_themes_options."""
    _fields_ = [
        ("size", c_size_t),
        ("k", c_int32),
        ("k_min", c_int32),
        ("k_max", c_int32),
        ("top_terms", c_int32),
        ("label_phrases", c_int32),
        ("stems", c_int32),
        ("min_word_length", c_int32),
        ("min_df", c_int64),
        ("max_df", c_double),
        ("bigrams", c_int32),
        ("bigram_min_count", c_int64),
        ("bigram_min_npmi", c_double),
        ("sublinear_tf", c_int32),
        ("init", enum),
        ("svd", enum),
        ("max_iter", c_int32),
        ("tol", c_double),
        ("seed", c_uint64),
        ("threads", c_int32),
        ("repair_utf8", c_int32),
        ("language", c_char_p),
        ("extra_stop_words", c_char_p),
        ("progress", CProgress),
        ("progress_user_data", c_void_p),
    ]


class CThemes(ctypes.Structure):
    """candor_themes: a handle, used only through ThemesP."""


ThemesP = POINTER(CThemes)


class CThemesSummary(ctypes.Structure):
    """candor_themes_summary."""
    _fields_ = [
        ("k", c_int32),
        ("documents", c_int64),
        ("terms", c_int64),
        ("mean_coherence", c_double),
        ("iterations", c_int32),
        ("converged", c_int32),
        ("loss", c_double),
    ]


class CThemeInfo(ctypes.Structure):
    """candor_theme_info."""
    _fields_ = [
        ("label", c_char_p),
        ("coherence", c_double),
        ("documents", c_int64),
        ("total_weight", c_double),
        ("top_terms", c_size_t),
        ("key_phrases", c_size_t),
    ]


# ------------------------------------------------------------------------------------------ drivers

class CDriversOptions(ctypes.Structure):
    """candor_drivers_options."""
    _fields_ = [
        ("size", c_size_t),
        ("l2_penalty", c_double),
        ("fit_key_drivers", c_int32),
        ("max_iterations", c_int32),
        ("tolerance", c_double),
        ("earlier_period", c_int32),
        ("later_period", c_int32),
        ("p_adjust", enum),
        ("alpha", c_double),
    ]


class CThemeMentions(ctypes.Structure):
    """candor_theme_mentions."""
    _fields_ = [
        ("themes", c_size_t),
        ("names", char_pp),
        ("offsets", int64_p),
        ("theme_ids", int32_p),
        ("pair_comments", int64_p),
        ("pair_themes", int32_p),
        ("pairs", c_size_t),
    ]


class CDriverRow(ctypes.Structure):
    """candor_driver_row."""
    _fields_ = [
        ("theme", c_int32),
        ("name", c_char_p),
        ("status", enum),
        ("mentions", c_int64),
        ("weighted_mentions", c_double),
        ("share", CEstimate),
        ("share_of_promoters", CEstimate),
        ("share_of_passives", CEstimate),
        ("share_of_detractors", CEstimate),
        ("score", CEstimate),
        ("score_without", CEstimate),
        ("impact", CComparison),
        ("detractors_mentioning", c_int64),
        ("detractors_not", c_int64),
        ("relative_risk", c_double),
        ("relative_risk_ci_low", c_double),
        ("relative_risk_ci_high", c_double),
        ("log_relative_risk_std_error", c_double),
        ("relative_risk_p_value", c_double),
        ("relative_risk_corrected", c_int32),
        ("in_model", c_int32),
        ("coefficient", c_double),
        ("coefficient_std_error", c_double),
        ("odds_ratio", c_double),
        ("odds_ratio_ci_low", c_double),
        ("odds_ratio_ci_high", c_double),
        ("importance", c_double),
    ]


class CKeyDriverModel(ctypes.Structure):
    """candor_key_driver_model."""
    _fields_ = [
        ("fitted", c_int32),
        ("converged", c_int32),
        ("iterations", c_int32),
        ("themes_in_model", c_int32),
        ("l2_penalty", c_double),
        ("intercept", c_double),
        ("intercept_std_error", c_double),
        ("penalized_log_likelihood", c_double),
        ("message", c_char_p),
    ]


class CTrendingRow(ctypes.Structure):
    """candor_trending_row."""
    _fields_ = [
        ("theme", c_int32),
        ("trending", c_int32),
        ("share_earlier", CEstimate),
        ("share_later", CEstimate),
        ("difference", c_double),
        ("std_error", c_double),
        ("ci_low", c_double),
        ("ci_high", c_double),
        ("z", c_double),
        ("p_value", c_double),
        ("p_adjusted", c_double),
        ("score_change", CComparison),
        ("score_change_p_adjusted", c_double),
    ]


class CDrivers(ctypes.Structure):
    """candor_drivers: a handle, used only through DriversP."""


DriversP = POINTER(CDrivers)


# --------------------------------------------------------------------------------------- validation

class CAucResult(ctypes.Structure):
    """candor_auc_result."""
    _fields_ = [
        ("value", c_double),
        ("std_error", c_double),
        ("ci_low", c_double),
        ("ci_high", c_double),
        ("level", c_double),
        ("n_positive", c_int64),
        ("n_negative", c_int64),
        ("hanley_mcneil_interval", c_int32),
    ]


class CAucComparison(ctypes.Structure):
    """candor_auc_comparison."""
    _fields_ = [
        ("auc_a", c_double),
        ("auc_b", c_double),
        ("difference", c_double),
        ("std_error", c_double),
        ("ci_low", c_double),
        ("ci_high", c_double),
        ("level", c_double),
        ("z", c_double),
        ("p_value", c_double),
        ("correlation", c_double),
        ("n_positive", c_int64),
        ("n_negative", c_int64),
    ]


class CCalibrationResult(ctypes.Structure):
    """candor_calibration_result."""
    _fields_ = [
        ("n", c_int64),
        ("n_positive", c_int64),
        ("level", c_double),
        ("brier", c_double),
        ("mean_probability", c_double),
        ("observed_rate", c_double),
        ("intercept", c_double),
        ("intercept_std_error", c_double),
        ("intercept_ci_low", c_double),
        ("intercept_ci_high", c_double),
        ("slope_fitted", c_int32),
        ("slope", c_double),
        ("slope_std_error", c_double),
        ("slope_ci_low", c_double),
        ("slope_ci_high", c_double),
        ("hosmer_lemeshow", c_double),
        ("hosmer_lemeshow_df", c_int32),
        ("hosmer_lemeshow_p_value", c_double),
        ("groups", c_size_t),
    ]


class CCalibrationGroup(ctypes.Structure):
    """candor_calibration_group."""
    _fields_ = [
        ("probability_low", c_double),
        ("probability_high", c_double),
        ("count", c_int64),
        ("positives", c_int64),
        ("expected_positives", c_double),
        ("mean_probability", c_double),
        ("observed_rate", c_double),
    ]


class CLiftRow(ctypes.Structure):
    """candor_lift_row."""
    _fields_ = [
        ("group", c_int32),
        ("count", c_int64),
        ("positives", c_int64),
        ("rate", c_double),
        ("lift", c_double),
        ("cumulative_count", c_int64),
        ("cumulative_positives", c_int64),
        ("gain", c_double),
        ("cumulative_lift", c_double),
        ("score_min", c_double),
        ("score_max", c_double),
    ]


# ------------------------------------------------------------------------------------------ survival

class CConcordanceOptions(ctypes.Structure):
    """candor_concordance_options."""
    _fields_ = [
        ("size", c_size_t),
        ("time_weight", enum),
    ]


class CConcordanceResult(ctypes.Structure):
    """candor_concordance_result."""
    _fields_ = [
        ("value", c_double),
        ("std_error", c_double),
        ("concordant", c_double),
        ("discordant", c_double),
        ("tied_risk", c_double),
        ("tied_time", c_double),
        ("tied_both", c_double),
        ("n", c_int64),
        ("events", c_int64),
        ("time_weight", enum),
    ]


class CKaplanMeierOptions(ctypes.Structure):
    """candor_kaplan_meier_options."""
    _fields_ = [
        ("size", c_size_t),
        ("level", c_double),
        ("interval", enum),
    ]


class CKaplanMeier(ctypes.Structure):
    """candor_kaplan_meier: a handle, used only through KaplanMeierP."""


KaplanMeierP = POINTER(CKaplanMeier)


class CKmCurve(ctypes.Structure):
    """candor_km_curve."""
    _fields_ = [
        ("n", c_int64),
        ("points", c_size_t),
        ("weight", c_double),
        ("events", c_double),
        ("level", c_double),
        ("time", double_p),
        ("n_risk", double_p),
        ("n_event", double_p),
        ("n_censor", double_p),
        ("survival", double_p),
        ("std_error", double_p),
        ("std_error_log", double_p),
        ("ci_low", double_p),
        ("ci_high", double_p),
        ("group", c_int32),
        ("interval", enum),
    ]


class CLogRank(ctypes.Structure):
    """candor_log_rank: a handle, used only through LogRankP."""


LogRankP = POINTER(CLogRank)


class CLogRankResult(ctypes.Structure):
    """candor_log_rank_result."""
    _fields_ = [
        ("chi_square", c_double),
        ("p_value", c_double),
        ("df", c_int32),
        ("groups", c_int32),
    ]


class CLogRankGroup(ctypes.Structure):
    """candor_log_rank_group."""
    _fields_ = [
        ("n", c_int64),
        ("observed", c_double),
        ("expected", c_double),
        ("variance", c_double),
        ("group", c_int32),
        ("tested", c_int32),
    ]


# ------------------------------------------------------------------------------------ customer health

class CScorecard(ctypes.Structure):
    """candor_scorecard: a handle, used only through ScorecardP."""


ScorecardP = POINTER(CScorecard)


class CHealthTier(ctypes.Structure):
    """candor_health_tier."""
    _fields_ = [
        ("low", c_double),
        ("high", c_double),
        ("low_inclusive", c_int32),
        ("high_inclusive", c_int32),
        ("points", c_double),
        ("label", c_char_p),
    ]


class CHealthMeasure(ctypes.Structure):
    """candor_health_measure."""
    _fields_ = [
        ("size", c_size_t),
        ("name", c_char_p),
        ("label", c_char_p),
        ("group", c_char_p),
        ("weight", c_double),
        ("transform", enum),
        ("zero_at", c_double),
        ("full_at", c_double),
        ("tiers", POINTER(CHealthTier)),
        ("n_tiers", c_size_t),
        ("true_points", c_double),
        ("false_points", c_double),
        ("higher_is_better", c_int32),
        ("z_span", c_double),
    ]


class CHealthScores(ctypes.Structure):
    """candor_health_scores: a handle, used only through HealthScoresP."""


HealthScoresP = POINTER(CHealthScores)


class CHealthColumns(ctypes.Structure):
    """candor_health_columns."""
    _fields_ = [
        ("n", c_size_t),
        ("measures", c_size_t),
        ("max_reasons", c_size_t),
        ("score", double_p),
        ("grade", int32_p),
        ("coverage", double_p),
        ("points", double_p),
        ("contribution", double_p),
        ("max_contribution", double_p),
        ("reason_count", int32_p),
        ("reason_measure", int32_p),
        ("reason_value", double_p),
        ("reason_lost", double_p),
        ("unmatched", int64_p),
    ]


class CSurveyMeasureOptions(ctypes.Structure):
    """candor_survey_measure_options."""
    _fields_ = [
        ("size", c_size_t),
        ("from", c_int64),
        ("to", c_int64),
        ("shrink", c_int32),
    ]


class CSurveySegment(ctypes.Structure):
    """candor_survey_segment."""
    _fields_ = [
        ("accounts", c_int64),
        ("responses", c_int64),
        ("mean", c_double),
        ("within_variance", c_double),
        ("between_variance", c_double),
        ("pseudo_responses", c_int32),
    ]


class CSuggestWeightsOptions(ctypes.Structure):
    """candor_suggest_weights_options."""
    _fields_ = [
        ("size", c_size_t),
        ("l2_penalty", c_double),
        ("folds", c_int32),
        ("seed", c_uint64),
        ("level", c_double),
    ]


class CSuggestedWeights(ctypes.Structure):
    """candor_suggested_weights: a handle, used only through SuggestedWeightsP."""


SuggestedWeightsP = POINTER(CSuggestedWeights)


class CSuggestedWeightsColumns(ctypes.Structure):
    """candor_suggested_weights_columns."""
    _fields_ = [
        ("n", c_size_t),
        ("measures", c_size_t),
        ("coefficient", double_p),
        ("coefficient_per_point", double_p),
        ("suggested_weight", double_p),
        ("current_weight", double_p),
        ("flagged", uint8_p),
        ("point_mean", double_p),
        ("point_sd", double_p),
        ("imputed", int64_p),
        ("intercept", c_double),
        ("iterations", c_int32),
        ("excluded", c_int64),
        ("oof_probability", double_p),
        ("fold", int32_p),
        ("score", double_p),
        ("auc", CAucResult),
        ("current_auc", CAucResult),
        ("comparison", CAucComparison),
    ]


# candor_enum: which enum of candor.h candor_enum_name, _value and _at name
# (tests/python/test_enum_names.py holds these to the header).
ENUM_METRIC = 0
ENUM_INTERVAL = 1
ENUM_P_ADJUST = 2
ENUM_PRESET = 3
ENUM_ACCOUNT_MODE = 4
ENUM_MK_METHOD = 5
ENUM_PERIOD = 6
ENUM_BUCKETS_COLUMN = 7
ENUM_CHANGE_PENALTY = 8
ENUM_SPLIT_RULE = 9
ENUM_ROBUST_SE = 10
ENUM_ACCOUNT_TREND_STATUS = 11
ENUM_UTF8_POLICY = 12
ENUM_LEXICON_FORMAT = 13
ENUM_EMOTION = 14
ENUM_URGENCY = 15
ENUM_NMF_INIT = 16
ENUM_SVD_METHOD = 17
ENUM_THEME_STATUS = 18
ENUM_TIME_WEIGHT = 19
ENUM_SURVIVAL_INTERVAL = 20
ENUM_HEALTH_TRANSFORM = 21
ENUM_HEALTH_MISSING = 22
ENUM_HEALTH_COMBINE = 23
ENUM_PII_KIND = 24
ENUM_INTENT = 25
ENUM_OUTER_LOOP_RANK = 26
ENUM_SLA_STATUS = 27
ENUM_INVALID_EVENTS = 28
ENUM_CASE_EVENT = 29
ENUM_CASE_LOG_PROBLEM = 30
ENUM_FOLLOWUP_CATEGORY = 31
ENUM_FOLLOWUP_REASON = 32
ENUM_CHANGE_CALIBRATION = 33
ENUM_CHANGE_DIRECTION = 34
ENUM_REPORT_FORMAT = 35
ENUM_COLUMN_KIND = 36


# Every function of candor.h: name -> (restype, argtypes), in the header's order.
FUNCTIONS = {
    # status
    "candor_last_error": (c_char_p, []),
    "candor_status_name": (c_char_p, [status]),
    "candor_version": (c_char_p, []),
    # score options
    "candor_score_options_preset": (status, [POINTER(CScoreOptions), c_size_t, enum]),
    # estimates
    "candor_score": (status, [POINTER(CScoreOptions), double_p, double_p, c_size_t,
                              POINTER(CEstimate)]),
    "candor_score_i8": (status, [POINTER(CScoreOptions), int8_p, c_size_t, POINTER(CEstimate)]),
    "candor_compare": (status, [POINTER(CScoreOptions), double_p, double_p, c_size_t, double_p,
                                double_p, c_size_t, POINTER(CComparison)]),
    # planning
    "candor_margin_of_error": (status, [c_double, c_double, c_int64, c_double, double_p]),
    "candor_required_n": (status, [c_double, c_double, c_double, c_double, int64_p]),
    # p-values
    "candor_adjust_p_values": (status, [enum, double_p, c_size_t, double_p]),
    # breakdowns
    "candor_breakdown_new": (status, [POINTER(CScoreOptions), double_p, double_p, c_size_t,
                                      POINTER(int32_p), c_size_t, POINTER(BreakdownP)]),
    "candor_breakdown_rows": (c_size_t, [BreakdownP]),
    "candor_breakdown_row_at": (status, [BreakdownP, c_size_t, POINTER(CBreakdownRow)]),
    "candor_breakdown_free": (None, [BreakdownP]),
    # accumulators
    "candor_accumulator_new": (status, [c_int32, c_int32, POINTER(AccumulatorP)]),
    "candor_accumulator_free": (None, [AccumulatorP]),
    "candor_accumulator_add": (status, [AccumulatorP, double_p, double_p, c_size_t]),
    "candor_accumulator_merge": (status, [AccumulatorP, AccumulatorP]),
    "candor_accumulator_serialize": (status, [AccumulatorP, uint8_p, c_size_t, size_p]),
    "candor_accumulator_deserialize": (status, [uint8_p, c_size_t, POINTER(AccumulatorP)]),
    "candor_accumulator_scale": (status, [AccumulatorP, int32_p, int32_p]),
    "candor_accumulator_count": (c_int64, [AccumulatorP]),
    "candor_accumulator_estimate": (status, [AccumulatorP, POINTER(CScoreOptions),
                                             POINTER(CEstimate)]),
    "candor_breakdown_accumulated": (status, [POINTER(CScoreOptions), POINTER(AccumulatorP),
                                              c_size_t, int32_p, c_size_t,
                                              POINTER(BreakdownP)]),
    "candor_account_accumulator_new": (status, [c_int32, c_int32,
                                                POINTER(AccountAccumulatorP)]),
    "candor_account_accumulator_free": (None, [AccountAccumulatorP]),
    "candor_account_accumulator_add": (status, [AccountAccumulatorP, double_p, double_p,
                                                int32_p, c_size_t, char_pp, size_p, c_size_t]),
    "candor_account_accumulator_merge": (status, [AccountAccumulatorP, AccountAccumulatorP]),
    "candor_account_accumulator_serialize": (status, [AccountAccumulatorP, uint8_p, c_size_t,
                                                      size_p]),
    "candor_account_accumulator_deserialize": (status, [uint8_p, c_size_t,
                                                        POINTER(AccountAccumulatorP)]),
    "candor_account_accumulator_scale": (status, [AccountAccumulatorP, int32_p, int32_p]),
    "candor_account_accumulator_count": (c_int64, [AccountAccumulatorP]),
    "candor_account_accumulator_accounts": (c_size_t, [AccountAccumulatorP]),
    "candor_account_accumulator_estimate": (status, [AccountAccumulatorP,
                                                     POINTER(CScoreOptions),
                                                     POINTER(CEstimate)]),
    # weights
    "candor_rake": (status, [double_p, c_size_t, POINTER(CMargin), c_size_t, c_int32, c_double,
                             POINTER(WeightsP)]),
    "candor_poststratify": (status, [double_p, c_size_t, POINTER(CMargin), POINTER(WeightsP)]),
    "candor_calibrate_linear": (status, [double_p, c_size_t, double_p, c_int32, double_p,
                                         POINTER(WeightsP)]),
    "candor_ipw": (status, [uint8_p, c_size_t, POINTER(CCovariate), c_size_t, c_double,
                            POINTER(WeightsP)]),
    "candor_weight_options_defaults": (status, [POINTER(CWeightOptions), c_size_t]),
    "candor_rake_v2": (status, [POINTER(CWeightOptions), double_p, c_size_t, POINTER(CMargin),
                                c_size_t, POINTER(WeightsP)]),
    "candor_poststratify_v2": (status, [POINTER(CWeightOptions), double_p, c_size_t,
                                        POINTER(CMargin), POINTER(WeightsP)]),
    "candor_calibrate_linear_v2": (status, [POINTER(CWeightOptions), double_p, c_size_t,
                                            double_p, c_int32, double_p, POINTER(WeightsP)]),
    "candor_ipw_v2": (status, [POINTER(CWeightOptions), uint8_p, c_size_t, POINTER(CCovariate),
                               c_size_t, POINTER(WeightsP)]),
    "candor_weights_free": (None, [WeightsP]),
    "candor_weights_values": (double_p, [WeightsP, size_p]),
    "candor_weights_summary": (status, [WeightsP, POINTER(CWeightSummary)]),
    "candor_weights_iterations": (c_int32, [WeightsP]),
    "candor_weights_converged": (c_int32, [WeightsP]),
    "candor_weights_balance_count": (c_size_t, [WeightsP]),
    "candor_weights_balance_at": (status, [WeightsP, c_size_t, char_pp, double_p, double_p]),
    "candor_weights_terms": (c_size_t, [WeightsP]),
    "candor_weights_term_at": (status, [WeightsP, c_size_t, char_pp, double_p]),
    "candor_weight_summarize": (status, [double_p, c_size_t, POINTER(CWeightSummary)]),
    "candor_recency_weights": (status, [int64_p, c_size_t, c_double, c_int64, double_p]),
    "candor_account_weights": (status, [int32_p, c_size_t, enum, double_p, int32_p, double_p,
                                        c_size_t, double_p]),
    "candor_trim_weights": (status, [double_p, c_size_t, c_double, c_double, c_double, double_p]),
    "candor_combine_weights": (status, [POINTER(double_p), c_size_t, c_size_t, double_p]),
    "candor_response_rates": (status, [uint8_p, int32_p, c_size_t, c_size_t, c_double,
                                       POINTER(CResponseRate)]),
    "candor_adjust_recency": (status, [POINTER(CScoreOptions), double_p, double_p, int32_p,
                                       double_p, c_size_t, c_int32, c_double, double_p, int32_p,
                                       POINTER(CRecencyEffect), double_p, double_p]),
    # design estimates
    "candor_design_defaults": (status, [POINTER(CDesign), c_size_t]),
    "candor_score_design": (status, [POINTER(CScoreOptions), double_p, c_size_t, POINTER(CDesign),
                                     POINTER(CEstimate)]),
    "candor_compare_groups": (status, [POINTER(CScoreOptions), double_p, c_size_t, POINTER(CDesign),
                                       int8_p, POINTER(CComparison)]),
    "candor_breakdown_design": (status, [POINTER(CScoreOptions), double_p, c_size_t,
                                         POINTER(CDesign), POINTER(int32_p), c_size_t,
                                         POINTER(BreakdownP)]),
    # tables
    "candor_csv_options_defaults": (status, [POINTER(CCsvOptions), c_size_t]),
    "candor_table_read_csv": (status, [c_char_p, POINTER(CCsvOptions), POINTER(TableP)]),
    "candor_table_parse_csv": (status, [c_char_p, c_size_t, POINTER(CCsvOptions), POINTER(TableP)]),
    "candor_table_free": (None, [TableP]),
    "candor_table_rows": (c_size_t, [TableP]),
    "candor_table_segment_count": (c_size_t, [TableP]),
    "candor_table_segment_name": (c_char_p, [TableP, c_size_t]),
    "candor_table_skipped_rows": (c_size_t, [TableP]),
    "candor_table_scores": (double_p, [TableP]),
    "candor_table_weights": (double_p, [TableP]),
    "candor_table_times": (int64_p, [TableP]),
    "candor_table_codes": (status, [TableP, c_char_p, POINTER(int32_p), size_p]),
    "candor_table_numbers": (status, [TableP, c_char_p, POINTER(double_p)]),
    "candor_table_label": (status, [TableP, c_char_p, c_int32, char_pp]),
    "candor_table_comment": (status, [TableP, c_size_t, POINTER(c_void_p), size_p]),
    "candor_csv_header_read": (status, [c_char_p, POINTER(CCsvOptions), POINTER(CsvHeaderP)]),
    "candor_csv_header_parse": (status, [c_char_p, c_size_t, POINTER(CCsvOptions),
                                         POINTER(CsvHeaderP)]),
    "candor_csv_header_free": (None, [CsvHeaderP]),
    "candor_csv_header_count": (c_size_t, [CsvHeaderP]),
    "candor_csv_header_name": (c_void_p, [CsvHeaderP, c_size_t, size_p]),
    # columns from Arrow
    "candor_column_from_arrow": (status, [POINTER(CArrowSchema), POINTER(CArrowArray), c_char_p,
                                          POINTER(ColumnP)]),
    "candor_column_from_arrow_stream": (status, [POINTER(CArrowArrayStream), c_char_p,
                                                 POINTER(ColumnP)]),
    "candor_column_free": (None, [ColumnP]),
    "candor_column_describe": (status, [ColumnP, POINTER(CColumnInfo)]),
    "candor_column_numbers": (status, [ColumnP, POINTER(double_p)]),
    "candor_column_int8": (status, [ColumnP, POINTER(int8_p)]),
    "candor_column_times": (status, [ColumnP, POINTER(int64_p)]),
    "candor_column_codes": (status, [ColumnP, POINTER(int32_p), size_p]),
    "candor_column_label": (status, [ColumnP, c_int32, POINTER(c_void_p), size_p]),
    "candor_column_texts": (status, [ColumnP, POINTER(POINTER(c_void_p)), POINTER(size_p)]),
    # trend: series tests
    "candor_mk_options_defaults": (status, [POINTER(CMkOptions), c_size_t]),
    "candor_mann_kendall": (status, [double_p, c_size_t, POINTER(CMkOptions), POINTER(CMkResult)]),
    "candor_sens_slope": (status, [double_p, c_size_t, c_double, POINTER(CSensSlopeResult)]),
    "candor_seasonal_sens_slope": (status, [double_p, c_size_t, c_size_t, c_double,
                                            POINTER(CSensSlopeResult)]),
    "candor_wls_slope": (status, [double_p, double_p, double_p, c_size_t, c_double, c_int32,
                                  POINTER(CWlsSlopeResult)]),
    # trend: buckets
    "candor_buckets_options_defaults": (status, [POINTER(CBucketsOptions), c_size_t]),
    "candor_buckets_new": (status, [POINTER(CScoreOptions), POINTER(CBucketsOptions), double_p,
                                    int64_p, c_size_t, double_p, int32_p, int32_p,
                                    POINTER(BucketsP)]),
    "candor_buckets_accumulated": (status, [POINTER(CScoreOptions), POINTER(CBucketsOptions),
                                            BucketAccumulatorP, POINTER(BucketsP)]),
    "candor_bucket_accumulator_new": (status, [c_int32, c_int32, c_char_p, c_double,
                                               POINTER(BucketAccumulatorP)]),
    "candor_bucket_accumulator_free": (None, [BucketAccumulatorP]),
    "candor_bucket_accumulator_add": (status, [BucketAccumulatorP, double_p, int64_p, double_p,
                                               int32_p, c_size_t, char_pp, size_p, c_size_t]),
    "candor_bucket_accumulator_merge": (status, [BucketAccumulatorP, BucketAccumulatorP]),
    "candor_bucket_accumulator_serialize": (status, [BucketAccumulatorP, uint8_p, c_size_t,
                                                     size_p]),
    "candor_bucket_accumulator_deserialize": (status, [uint8_p, c_size_t,
                                                       POINTER(BucketAccumulatorP)]),
    "candor_bucket_accumulator_scale": (status, [BucketAccumulatorP, int32_p, int32_p]),
    "candor_bucket_accumulator_time_zone": (c_char_p, [BucketAccumulatorP]),
    "candor_bucket_accumulator_half_life_days": (c_double, [BucketAccumulatorP]),
    "candor_bucket_accumulator_count": (c_int64, [BucketAccumulatorP]),
    "candor_bucket_accumulator_segments": (c_size_t, [BucketAccumulatorP]),
    "candor_bucket_accumulator_cells": (c_size_t, [BucketAccumulatorP]),
    "candor_bucket_accumulator_segment": (status, [BucketAccumulatorP, c_size_t,
                                                   POINTER(ctypes.c_void_p), size_p]),
    "candor_buckets_free": (None, [BucketsP]),
    "candor_buckets_rows": (c_size_t, [BucketsP]),
    "candor_buckets_label": (c_char_p, [BucketsP, c_size_t]),
    "candor_buckets_column_f64": (status, [BucketsP, enum, POINTER(double_p)]),
    "candor_buckets_column_i64": (status, [BucketsP, enum, POINTER(int64_p)]),
    "candor_buckets_column_i32": (status, [BucketsP, enum, POINTER(int32_p)]),
    # trend: change points
    "candor_change_point_options_defaults": (status, [POINTER(CChangePointOptions), c_size_t]),
    "candor_change_points_new": (status, [POINTER(CScoreOptions), POINTER(CChangePointOptions),
                                          double_p, int64_p, double_p, c_size_t,
                                          POINTER(ChangePointsP)]),
    "candor_change_points_free": (None, [ChangePointsP]),
    "candor_change_points_count": (c_size_t, [ChangePointsP]),
    "candor_change_points_segment_count": (c_size_t, [ChangePointsP]),
    "candor_change_points_at": (status, [ChangePointsP, c_size_t, POINTER(CChangePoint)]),
    "candor_change_points_segment_at": (status, [ChangePointsP, c_size_t, POINTER(CChangeSegment)]),
    "candor_change_points_summary": (status, [ChangePointsP, POINTER(CChangePointSummary)]),
    "candor_change_points_design_new": (status, [POINTER(CScoreOptions),
                                                 POINTER(CChangePointOptions), double_p, int64_p,
                                                 c_size_t, POINTER(CDesign),
                                                 POINTER(ChangePointsP)]),
    "candor_change_points_test_at": (status, [ChangePointsP, c_size_t, POINTER(CChangeTest)]),
    "candor_change_points_calibration": (status, [ChangePointsP,
                                                  POINTER(CChangeCalibrationInfo)]),
    # trend: accounts
    "candor_account_trend_options_defaults": (status, [POINTER(CAccountTrendOptions), c_size_t]),
    "candor_account_trends_new": (status, [POINTER(CScoreOptions), POINTER(CAccountTrendOptions),
                                           double_p, int64_p, int32_p, double_p, c_size_t,
                                           POINTER(AccountTrendsP)]),
    "candor_account_trends_rows": (c_size_t, [AccountTrendsP]),
    "candor_account_trends_row_at": (status, [AccountTrendsP, c_size_t, POINTER(CAccountTrendRow)]),
    "candor_account_trends_split_time": (c_int64, [AccountTrendsP]),
    "candor_account_trends_declining": (c_int64, [AccountTrendsP]),
    "candor_account_trends_free": (None, [AccountTrendsP]),
    # text: model
    "candor_text_options_defaults": (status, [POINTER(CTextOptions), c_size_t]),
    "candor_text_model_new": (status, [POINTER(CTextOptions), POINTER(TextModelP)]),
    "candor_text_model_free": (None, [TextModelP]),
    "candor_text_model_load_lexicon": (status, [TextModelP, c_char_p, c_size_t, enum, c_int]),
    "candor_text_model_load_lexicon_file": (status, [TextModelP, c_char_p, enum, c_int]),
    "candor_text_model_lexicon_size": (c_size_t, [TextModelP]),
    "candor_text_model_load_taxonomy": (status, [TextModelP, c_char_p, c_size_t]),
    "candor_text_model_load_taxonomy_file": (status, [TextModelP, c_char_p]),
    "candor_text_model_theme_count": (c_size_t, [TextModelP]),
    "candor_text_model_theme": (status, [TextModelP, c_size_t, POINTER(CTaxonomyTheme)]),
    "candor_text_analyze": (status, [TextModelP, c_void_p, size_p, c_size_t,
                                     POINTER(TextResultsP)]),
    "candor_text_results_free": (None, [TextResultsP]),
    "candor_text_results_count": (c_size_t, [TextResultsP]),
    "candor_text_results_sentiment": (double_p, [TextResultsP]),
    "candor_text_results_emotion": (double_p, [TextResultsP, enum]),
    "candor_text_results_urgency": (int32_p, [TextResultsP]),
    "candor_text_results_urgency_mask": (uint32_p, [TextResultsP]),
    "candor_text_results_urgency_reason": (c_char_p, [TextResultsP, c_size_t, uint32_p, uint32_p]),
    "candor_text_results_language": (c_char_p, [TextResultsP, c_size_t]),
    "candor_text_results_repaired": (uint8_p, [TextResultsP]),
    "candor_text_results_sentences": (c_size_t, [TextResultsP, POINTER(int64_p), POINTER(uint32_p),
                                                 POINTER(uint32_p), POINTER(double_p)]),
    "candor_text_results_mentions": (c_size_t, [TextResultsP, POINTER(int64_p), POINTER(int64_p),
                                                POINTER(int32_p), POINTER(double_p)]),
    # text: theme discovery
    "candor_themes_options_defaults": (status, [POINTER(CThemesOptions), c_size_t]),
    "candor_themes_discover": (status, [POINTER(CThemesOptions), char_pp, size_p, c_size_t,
                                        POINTER(ThemesP)]),
    "candor_themes_free": (None, [ThemesP]),
    "candor_themes_summary_get": (status, [ThemesP, POINTER(CThemesSummary)]),
    "candor_themes_theme_at": (status, [ThemesP, c_size_t, POINTER(CThemeInfo)]),
    "candor_themes_top_term": (c_char_p, [ThemesP, c_size_t, c_size_t, double_p]),
    "candor_themes_key_phrase": (c_char_p, [ThemesP, c_size_t, c_size_t, double_p]),
    "candor_themes_weights": (double_p, [ThemesP]),
    "candor_themes_dominant": (int32_p, [ThemesP]),
    "candor_themes_k_tried": (c_size_t, [ThemesP, POINTER(int32_p), POINTER(double_p)]),
    "candor_themes_term": (c_char_p, [ThemesP, c_size_t]),
    "candor_themes_matrix": (status, [ThemesP, c_int32, POINTER(int64_p), POINTER(int32_p),
                                      POINTER(double_p)]),
    "candor_nmf": (status, [POINTER(CThemesOptions), int64_p, int32_p, double_p, c_size_t, c_size_t,
                            c_int32, double_p, double_p, double_p, int32_p]),
    # drivers
    "candor_drivers_options_defaults": (status, [POINTER(CDriversOptions), c_size_t]),
    "candor_drivers_new": (status, [POINTER(CScoreOptions), POINTER(CDriversOptions), double_p,
                                    double_p, int32_p, int32_p, c_size_t, POINTER(CThemeMentions),
                                    POINTER(DriversP)]),
    "candor_drivers_free": (None, [DriversP]),
    "candor_drivers_rows": (c_size_t, [DriversP]),
    "candor_drivers_trending_rows": (c_size_t, [DriversP]),
    "candor_drivers_row_at": (status, [DriversP, c_size_t, POINTER(CDriverRow)]),
    "candor_drivers_trending_at": (status, [DriversP, c_size_t, POINTER(CTrendingRow)]),
    "candor_drivers_overall": (status, [DriversP, POINTER(CEstimate), int64_p]),
    "candor_drivers_model": (status, [DriversP, POINTER(CKeyDriverModel)]),
    "candor_drivers_periods": (status, [DriversP, int32_p, int32_p]),
    "candor_drivers_accumulated": (status, [POINTER(CScoreOptions), POINTER(CDriversOptions),
                                            DriverAccumulatorP, char_pp, POINTER(DriversP)]),
    "candor_driver_accumulator_new": (status, [c_int32, c_int32, c_size_t,
                                               POINTER(DriverAccumulatorP)]),
    "candor_driver_accumulator_free": (None, [DriverAccumulatorP]),
    "candor_driver_accumulator_add": (status, [DriverAccumulatorP, double_p, double_p, c_size_t,
                                               POINTER(CThemeMentions), int32_p, char_pp, size_p,
                                               c_size_t]),
    "candor_driver_accumulator_merge": (status, [DriverAccumulatorP, DriverAccumulatorP]),
    "candor_driver_accumulator_serialize": (status, [DriverAccumulatorP, uint8_p, c_size_t,
                                                     size_p]),
    "candor_driver_accumulator_deserialize": (status, [uint8_p, c_size_t,
                                                       POINTER(DriverAccumulatorP)]),
    "candor_driver_accumulator_scale": (status, [DriverAccumulatorP, int32_p, int32_p]),
    "candor_driver_accumulator_themes": (c_size_t, [DriverAccumulatorP]),
    "candor_driver_accumulator_count": (c_int64, [DriverAccumulatorP]),
    "candor_driver_accumulator_periods": (c_size_t, [DriverAccumulatorP]),
    "candor_driver_accumulator_period": (status, [DriverAccumulatorP, c_size_t,
                                                  POINTER(ctypes.c_void_p), size_p]),
    # validation
    "candor_auc": (status, [double_p, uint8_p, c_size_t, c_double, POINTER(CAucResult)]),
    "candor_compare_auc": (status, [double_p, double_p, uint8_p, c_size_t, c_double,
                                    POINTER(CAucComparison)]),
    "candor_calibration": (status, [double_p, uint8_p, c_size_t, c_size_t, c_double,
                                    POINTER(CCalibrationResult), POINTER(CCalibrationGroup)]),
    "candor_lift": (status, [double_p, uint8_p, c_size_t, c_size_t, POINTER(CLiftRow)]),
    # enum names
    "candor_enum_name": (c_char_p, [enum, c_int32]),
    "candor_enum_value": (status, [enum, c_char_p, int32_p]),
    "candor_enum_at": (c_char_p, [enum, c_size_t, int32_p]),
    # survival
    "candor_concordance_options_defaults": (status, [POINTER(CConcordanceOptions), c_size_t]),
    "candor_concordance": (status, [double_p, double_p, double_p, double_p, c_size_t,
                                    POINTER(CConcordanceOptions), POINTER(CConcordanceResult)]),
    "candor_kaplan_meier_options_defaults": (status, [POINTER(CKaplanMeierOptions), c_size_t]),
    "candor_kaplan_meier_new": (status, [double_p, double_p, int32_p, double_p, c_size_t,
                                         POINTER(CKaplanMeierOptions), POINTER(KaplanMeierP)]),
    "candor_kaplan_meier_free": (None, [KaplanMeierP]),
    "candor_kaplan_meier_curves": (c_size_t, [KaplanMeierP]),
    "candor_kaplan_meier_curve_at": (status, [KaplanMeierP, c_size_t, POINTER(CKmCurve)]),
    "candor_log_rank_new": (status, [double_p, double_p, int32_p, c_size_t, POINTER(LogRankP)]),
    "candor_log_rank_free": (None, [LogRankP]),
    "candor_log_rank_summary": (status, [LogRankP, POINTER(CLogRankResult)]),
    "candor_log_rank_groups": (c_size_t, [LogRankP]),
    "candor_log_rank_group_at": (status, [LogRankP, c_size_t, POINTER(CLogRankGroup)]),
    "candor_scorecard_new": (status, [POINTER(ScorecardP)]),
    "candor_scorecard_from_json": (status, [c_char_p, c_size_t, POINTER(ScorecardP)]),
    "candor_scorecard_free": (None, [ScorecardP]),
    "candor_health_measure_defaults": (status, [POINTER(CHealthMeasure), c_size_t]),
    "candor_scorecard_add_group": (status, [ScorecardP, c_char_p, c_double]),
    "candor_scorecard_add_measure": (status, [ScorecardP, POINTER(CHealthMeasure)]),
    "candor_scorecard_set_grades": (status, [ScorecardP, char_pp, double_p, c_size_t]),
    "candor_scorecard_set_rules": (status, [ScorecardP, enum, enum, c_int32]),
    "candor_scorecard_add_profile": (status, [ScorecardP, c_char_p, double_p, c_size_t, double_p,
                                              c_size_t]),
    "candor_scorecard_validate": (status, [ScorecardP]),
    "candor_scorecard_measures": (c_size_t, [ScorecardP]),
    "candor_scorecard_measure_name": (c_char_p, [ScorecardP, c_size_t]),
    "candor_scorecard_measure_label": (c_char_p, [ScorecardP, c_size_t]),
    "candor_scorecard_grades": (c_size_t, [ScorecardP]),
    "candor_scorecard_grade_name": (c_char_p, [ScorecardP, c_size_t]),
    "candor_health_score": (status, [ScorecardP, char_pp, POINTER(double_p), c_size_t, c_size_t,
                                     int32_p, char_pp, c_size_t, POINTER(HealthScoresP)]),
    "candor_health_scores_free": (None, [HealthScoresP]),
    "candor_health_scores_columns": (status, [HealthScoresP, POINTER(CHealthColumns)]),
    "candor_survey_measure_options_defaults": (status, [POINTER(CSurveyMeasureOptions), c_size_t]),
    "candor_account_survey_measure": (status, [POINTER(CScoreOptions),
                                               POINTER(CSurveyMeasureOptions), double_p, int64_p,
                                               int32_p, c_size_t, c_size_t, int32_p, c_size_t,
                                               double_p, double_p, double_p, double_p, int64_p,
                                               POINTER(CSurveySegment)]),
    "candor_health_reasons": (status, [HealthScoresP, c_size_t, c_size_t, POINTER(c_char), c_size_t,
                                       size_p]),
    "candor_suggest_weights_options_defaults": (status, [POINTER(CSuggestWeightsOptions),
                                                         c_size_t]),
    "candor_health_suggest_weights": (status, [ScorecardP, char_pp, POINTER(double_p), c_size_t,
                                               c_size_t, int32_p, char_pp, c_size_t, uint8_p,
                                               POINTER(CSuggestWeightsOptions),
                                               POINTER(SuggestedWeightsP)]),
    "candor_suggested_weights_free": (None, [SuggestedWeightsP]),
    "candor_suggested_weights_columns_get": (status, [SuggestedWeightsP,
                                                      POINTER(CSuggestedWeightsColumns)]),
}


def declare(library, path):
    """Sets restype and argtypes of every function in FUNCTIONS on `library`
    (the CDLL loaded from `path`); a missing symbol is an ImportError."""
    for name, (restype, argtypes) in FUNCTIONS.items():
        try:
            function = getattr(library, name)
        except AttributeError:
            raise ImportError("candor: %s lacks the symbol %s" % (path, name)) from None
        function.restype = restype
        function.argtypes = argtypes


# ----------------------------------------------------------------------------- customer health over time


class CHealthHistory(ctypes.Structure):
    """candor_health_history."""
    _fields_ = [
        ("size", c_size_t),
        ("n", c_size_t),
        ("account", int32_p),
        ("time", int64_p),
        ("n_accounts", c_size_t),
        ("names", char_pp),
        ("columns", POINTER(double_p)),
        ("n_columns", c_size_t),
        ("std_error_columns", POINTER(double_p)),
        ("segment", int32_p),
        ("segment_names", char_pp),
        ("n_segments", c_size_t),
    ]


FUNCTIONS.update({
    "candor_health_history_defaults": (status, [POINTER(CHealthHistory), c_size_t]),
    "candor_health_score_as_of": (status, [ScorecardP, POINTER(CHealthHistory), c_int64,
                                           POINTER(HealthScoresP)]),
    "candor_health_days_in_grade": (status, [ScorecardP, POINTER(CHealthHistory), c_int64,
                                             c_double, c_int32, int32_p, double_p, uint8_p]),
    "candor_health_momentum": (status, [ScorecardP, POINTER(CHealthHistory), c_int64, c_int64,
                                        c_double, double_p, double_p, double_p, double_p]),
    "candor_health_suggest_weights_as_of": (status, [ScorecardP, POINTER(CHealthHistory), c_int64,
                                                     uint8_p, POINTER(CSuggestWeightsOptions),
                                                     POINTER(SuggestedWeightsP)]),
})


# ------------------------------------------------------------------------------- pii and intents

class CRedactOptions(ctypes.Structure):
    """candor_redact_options."""
    _fields_ = [
        ("size", c_size_t),
        ("kinds", c_uint32),
        ("redact_all_urls", c_int32),
        ("email_placeholder", c_char_p),
        ("phone_placeholder", c_char_p),
        ("card_placeholder", c_char_p),
        ("iban_placeholder", c_char_p),
        ("url_placeholder", c_char_p),
    ]


class CPiiSpan(ctypes.Structure):
    """candor_pii_span."""
    _fields_ = [
        ("kind", enum),
        ("begin", c_uint32),
        ("end", c_uint32),
        ("output_begin", c_uint32),
        ("output_end", c_uint32),
    ]


class CRedaction(ctypes.Structure):
    """candor_redaction (opaque)."""


RedactionP = POINTER(CRedaction)


class CIntents(ctypes.Structure):
    """candor_intents (opaque)."""


IntentsP = POINTER(CIntents)

FUNCTIONS.update({
    "candor_redact_options_defaults": (status, [POINTER(CRedactOptions), c_size_t]),
    "candor_redact": (status, [c_char_p, c_size_t, POINTER(CRedactOptions), POINTER(RedactionP)]),
    "candor_redact_batch": (status, [char_pp, size_p, c_size_t, POINTER(CRedactOptions),
                                     POINTER(RedactionP)]),
    "candor_redaction_free": (None, [RedactionP]),
    "candor_redaction_count": (status, [RedactionP, size_p]),
    "candor_redaction_text": (status, [RedactionP, c_size_t, char_pp, size_p]),
    "candor_redaction_spans": (status, [RedactionP, c_size_t, POINTER(POINTER(CPiiSpan)),
                                        size_p]),
    "candor_intents_classify": (status, [char_pp, size_p, c_size_t, POINTER(IntentsP)]),
    "candor_intents_free": (None, [IntentsP]),
    "candor_intents_flags": (status, [IntentsP, POINTER(uint32_p), size_p]),
    "candor_intents_reasons": (status, [IntentsP, c_size_t, char_pp]),
})


# ---------------------------------------------------------------------------------- follow-up queue

class CFollowupRules(ctypes.Structure):
    """candor_followup_rules (opaque)."""


class CFollowupQueue(ctypes.Structure):
    """candor_followup_queue (opaque)."""


FollowupRulesP = POINTER(CFollowupRules)
FollowupQueueP = POINTER(CFollowupQueue)


class CFollowupInput(ctypes.Structure):
    """candor_followup_input."""
    _fields_ = [
        ("size", c_size_t),
        ("n", c_size_t),
        ("score", double_p),
        ("time", int64_p),
        ("account", int32_p),
        ("respondent", int32_p),
        ("role", int32_p),
        ("role_names", char_pp),
        ("n_role_names", c_size_t),
        ("urgency", uint8_p),
        ("theme", int32_p),
        ("theme_names", char_pp),
        ("n_theme_names", c_size_t),
        ("n_accounts", c_size_t),
        ("arr", double_p),
        ("renewal", int64_p),
        ("health_change", double_p),
        ("opt_out", uint8_p),
        ("owner", int32_p),
        ("owner_names", char_pp),
        ("n_owner_names", c_size_t),
        ("region", int32_p),
        ("region_names", char_pp),
        ("n_region_names", c_size_t),
        ("n_contacts", c_size_t),
        ("contact_respondent", int32_p),
        ("contact_time", int64_p),
        ("theme_offsets", int64_p),
        ("theme_ids", int32_p),
        ("health_grade", int32_p),
        ("health_grade_names", char_pp),
        ("n_health_grade_names", c_size_t),
    ]


class CFollowupColumns(ctypes.Structure):
    """candor_followup_columns."""
    _fields_ = [
        ("n", c_size_t),
        ("account", int32_p),
        ("lead_row", int64_p),
        ("responses", int32_p),
        ("first_time", int64_p),
        ("lead_time", int64_p),
        ("last_time", int64_p),
        ("score", double_p),
        ("category", uint8_p),
        ("urgency", uint8_p),
        ("theme", int32_p),
        ("priority", double_p),
        ("due", int64_p),
        ("owner", int32_p),
        ("route", int32_p),
        ("reason_begin", uint32_p),
        ("n_reasons", c_size_t),
        ("reason", uint8_p),
        ("reason_points", double_p),
    ]


class CFollowupCounts(ctypes.Structure):
    """candor_followup_counts."""
    _fields_ = [
        ("responses", c_int64),
        ("invalid_score", c_int64),
        ("invalid_time", c_int64),
        ("no_account", c_int64),
        ("opted_out", c_int64),
        ("suppressed", c_int64),
        ("merged", c_int64),
        ("not_included", c_int64),
        ("cases", c_int64),
        ("fire_alarms", c_int64),
    ]


class CFollowupThemes(ctypes.Structure):
    """candor_followup_themes."""
    _fields_ = [
        ("n", c_size_t),
        ("theme_begin", int64_p),
        ("n_themes", c_size_t),
        ("themes", int32_p),
    ]


FUNCTIONS.update({
    "candor_followup_rules_from_json": (status, [c_char_p, c_size_t, POINTER(FollowupRulesP)]),
    "candor_followup_rules_free": (None, [FollowupRulesP]),
    "candor_followup_input_defaults": (status, [POINTER(CFollowupInput), c_size_t]),
    "candor_followup_build": (status, [POINTER(CFollowupInput), FollowupRulesP,
                                       POINTER(FollowupQueueP)]),
    "candor_followup_queue_free": (None, [FollowupQueueP]),
    "candor_followup_queue_columns": (status, [FollowupQueueP, POINTER(CFollowupColumns)]),
    "candor_followup_queue_counts": (status, [FollowupQueueP, POINTER(CFollowupCounts)]),
    "candor_followup_owners": (c_size_t, [FollowupQueueP]),
    "candor_followup_owner_name": (c_char_p, [FollowupQueueP, c_size_t]),
    "candor_followup_teams": (c_size_t, [FollowupQueueP]),
    "candor_followup_team_name": (c_char_p, [FollowupQueueP, c_size_t]),
    "candor_followup_action": (c_char_p, [FollowupQueueP, c_int32]),
    "candor_followup_reason_name": (c_char_p, [c_int32]),
    "candor_followup_category_name": (c_char_p, [c_int32]),
    "candor_followup_queue_themes": (status, [FollowupQueueP, POINTER(CFollowupThemes)]),
})


# ----------------------------------------------------------------------------- business-hour calendars


class CBusinessCalendarSpec(ctypes.Structure):
    """candor_business_calendar_spec."""
    _fields_ = [
        ("size", c_size_t),
        ("time_zone", c_char_p),
        ("open_minute", c_int32),
        ("close_minute", c_int32),
        ("weekdays", c_uint8),
        ("holidays", int32_p),
        ("n_holidays", c_size_t),
    ]


class CBusinessCalendar(ctypes.Structure):
    """candor_business_calendar: a handle, used only through BusinessCalendarP."""


BusinessCalendarP = POINTER(CBusinessCalendar)

FUNCTIONS.update({
    "candor_business_calendar_spec_defaults": (status, [POINTER(CBusinessCalendarSpec), c_size_t]),
    "candor_business_calendar_new": (status, [POINTER(CBusinessCalendarSpec),
                                              POINTER(BusinessCalendarP)]),
    "candor_business_calendar_from_json": (status, [c_char_p, c_size_t,
                                                    POINTER(BusinessCalendarP)]),
    "candor_business_calendar_free": (None, [BusinessCalendarP]),
    "candor_business_calendar_deadline": (status, [BusinessCalendarP, int64_p, double_p, c_size_t,
                                                   int64_p]),
    "candor_business_calendar_business_hours_between": (status, [BusinessCalendarP, int64_p,
                                                                 int64_p, c_size_t, double_p]),
})


# --------------------------------------------------------------------------------------- outer loop

class COuterLoopOptions(ctypes.Structure):
    """candor_outer_loop_options."""
    _fields_ = [
        ("size", c_size_t),
        ("rank_by", enum),
        ("replicates", c_int32),
        ("seed", c_uint64),
        ("level", c_double),
        ("threads", c_int32),
        ("earlier_period", c_int32),
        ("later_period", c_int32),
        ("alpha", c_double),
        ("quotes_per_theme", c_int32),
        ("max_quote_bytes", c_int32),
        ("max_quote_similarity", c_double),
        ("progress", CProgress),
        ("progress_user_data", c_void_p),
    ]


class COuterLoopInputs(ctypes.Structure):
    """candor_outer_loop_inputs."""
    _fields_ = [
        ("size", c_size_t),
        ("accounts", int32_p),
        ("account_arr", double_p),
        ("account_count", c_size_t),
        ("periods", int32_p),
        ("sentiments", double_p),
        ("texts", c_void_p),
        ("text_sizes", size_p),
        ("segments", int32_p),
    ]


class COuterLoopRow(ctypes.Structure):
    """candor_outer_loop_row."""
    _fields_ = [
        ("theme", c_int32),
        ("rank", c_int32),
        ("name", c_char_p),
        ("comments", c_int64),
        ("detractor_comments", c_int64),
        ("accounts", c_int64),
        ("detractor_accounts", c_int64),
        ("arr_at_risk", c_double),
        ("arr_ci_low", c_double),
        ("arr_ci_high", c_double),
        ("impact", CComparison),
        ("has_trend", c_int32),
        ("trending", c_int32),
        ("share_change", c_double),
        ("share_change_ci_low", c_double),
        ("share_change_ci_high", c_double),
        ("trend_p_adjusted", c_double),
        ("tone", c_double),
        ("quotes", c_size_t),
    ]


class COuterLoopQuote(ctypes.Structure):
    """candor_outer_loop_quote."""
    _fields_ = [
        ("comment", c_int64),
        ("segment", c_int32),
        ("text", c_void_p),
        ("text_size", c_size_t),
        ("typicality", c_double),
        ("tone", c_double),
    ]


class COuterLoopSummary(ctypes.Structure):
    """candor_outer_loop_summary."""
    _fields_ = [
        ("overall", CEstimate),
        ("accounts", c_int64),
        ("detractor_accounts", c_int64),
        ("total_arr", c_double),
        ("replicates", c_int32),
    ]


class COuterLoopNoIntervals(ctypes.Structure):
    """candor_outer_loop_no_intervals."""
    _fields_ = [
        ("arr", c_int32),
        ("impact", c_int32),
        ("share_change", c_int32),
    ]


class COuterLoop(ctypes.Structure):
    """candor_outer_loop: a handle, used only through OuterLoopP."""


OuterLoopP = POINTER(COuterLoop)

FUNCTIONS.update({
    "candor_outer_loop_options_defaults": (status, [POINTER(COuterLoopOptions), c_size_t]),
    "candor_outer_loop_inputs_defaults": (status, [POINTER(COuterLoopInputs), c_size_t]),
    "candor_outer_loop_new": (status, [POINTER(CScoreOptions), POINTER(COuterLoopOptions),
                                       double_p, c_size_t, POINTER(CThemeMentions),
                                       POINTER(COuterLoopInputs), POINTER(OuterLoopP)]),
    "candor_outer_loop_free": (None, [OuterLoopP]),
    "candor_outer_loop_rows": (c_size_t, [OuterLoopP]),
    "candor_outer_loop_row_at": (status, [OuterLoopP, c_size_t, POINTER(COuterLoopRow)]),
    "candor_outer_loop_quote_at": (status, [OuterLoopP, c_size_t, c_size_t,
                                            POINTER(COuterLoopQuote)]),
    "candor_outer_loop_summary_get": (status, [OuterLoopP, POINTER(COuterLoopSummary)]),
    "candor_outer_loop_no_intervals_at": (status, [OuterLoopP, c_size_t,
                                                   POINTER(COuterLoopNoIntervals)]),
    "candor_outer_loop_no_interval_text": (c_char_p, [c_int32]),
})


# ------------------------------------------------------------------------------------------- recovery


class CRecovery(ctypes.Structure):
    """candor_recovery: a handle, used only through RecoveryP."""


RecoveryP = POINTER(CRecovery)


class CRecoverySummary(ctypes.Structure):
    """candor_recovery_summary."""
    _fields_ = [
        ("overall", CComparison),
        ("stratified", c_int32),
        ("stratified_difference", c_double),
        ("stratified_std_error", c_double),
        ("stratified_ci_low", c_double),
        ("stratified_ci_high", c_double),
        ("stratified_p_value", c_double),
        ("strata_compared", c_int64),
        ("strata_dropped", c_int64),
        ("rows_dropped", c_int64),
        ("followed_up_compared", c_int64),
        ("not_followed_up_compared", c_int64),
        ("level", c_double),
        ("caveat", c_char_p),
    ]


class CRecoveryStratum(ctypes.Structure):
    """candor_recovery_stratum."""
    _fields_ = [
        ("stratum", c_int32),
        ("compared", c_int32),
        ("followed_up", c_int64),
        ("not_followed_up", c_int64),
        ("weight", c_double),
        ("comparison", CComparison),
    ]


FUNCTIONS.update({
    "candor_recovery_new": (status, [POINTER(CScoreOptions), double_p, int32_p, int32_p, c_size_t,
                                     POINTER(RecoveryP)]),
    "candor_recovery_free": (None, [RecoveryP]),
    "candor_recovery_summary_get": (status, [RecoveryP, POINTER(CRecoverySummary)]),
    "candor_recovery_strata": (c_size_t, [RecoveryP]),
    "candor_recovery_stratum_at": (status, [RecoveryP, c_size_t, POINTER(CRecoveryStratum)]),
    "candor_recovery_caveat": (c_char_p, []),
})


# ------------------------------------------------------------------------------------------- case log


class CCaseLogOptions(ctypes.Structure):
    """candor_case_log_options."""
    _fields_ = [
        ("size", c_size_t),
        ("first_contact_hours", c_double),
        ("at_risk_hours", c_double),
        ("as_of", c_int64),
        ("level", c_double),
        ("on_invalid", enum),
    ]


class CCaseLog(ctypes.Structure):
    """candor_case_log: a handle, used only through CaseLogP."""


CaseLogP = POINTER(CCaseLog)


class CBreachRate(ctypes.Structure):
    """candor_breach_rate."""
    _fields_ = [
        ("key", c_char_p),
        ("cases", c_int64),
        ("met", c_int64),
        ("breached", c_int64),
        ("at_risk", c_int64),
        ("open", c_int64),
        ("rate", c_double),
        ("ci_low", c_double),
        ("ci_high", c_double),
    ]


class CCaseLogSummary(ctypes.Structure):
    """candor_case_log_summary."""
    _fields_ = [
        ("cases", c_size_t),
        ("rows", c_int64),
        ("cases_dropped", c_int64),
        ("rows_dropped", c_int64),
        ("dropped_unknown_event", c_int64),
        ("dropped_duplicate", c_int64),
        ("dropped_missing_opened", c_int64),
        ("dropped_out_of_order", c_int64),
        ("dropped_resumed_without_hold", c_int64),
        ("first_problem", c_char_p),
        ("as_of", c_int64),
        ("level", c_double),
        ("overall", CBreachRate),
        ("owners", c_size_t),
        ("teams", c_size_t),
    ]


class CCaseLogColumns(ctypes.Structure):
    """candor_case_log_columns."""
    _fields_ = [
        ("n", c_size_t),
        ("first_row", int64_p),
        ("owner_row", int64_p),
        ("team_row", int64_p),
        ("opened", int64_p),
        ("first_contact", int64_p),
        ("closed", int64_p),
        ("contacted", uint8_p),
        ("is_closed", uint8_p),
        ("clock_hours", double_p),
        ("hours_to_first_contact", double_p),
        ("hours_to_close", double_p),
        ("hours_left", double_p),
        ("status", int32_p),
    ]


FUNCTIONS.update({
    "candor_case_log_options_defaults": (status, [POINTER(CCaseLogOptions), c_size_t]),
    "candor_case_log_new": (status, [BusinessCalendarP, int32_p, char_pp, c_size_t, int64_p,
                                     int32_p, char_pp, c_size_t, int32_p, char_pp, c_size_t,
                                     int32_p, char_pp, c_size_t, c_size_t,
                                     POINTER(CCaseLogOptions), POINTER(CaseLogP)]),
    "candor_case_log_free": (None, [CaseLogP]),
    "candor_case_log_summary_get": (status, [CaseLogP, POINTER(CCaseLogSummary)]),
    "candor_case_log_columns_get": (status, [CaseLogP, POINTER(CCaseLogColumns)]),
    "candor_case_log_owner_at": (status, [CaseLogP, c_size_t, POINTER(CBreachRate)]),
    "candor_case_log_team_at": (status, [CaseLogP, c_size_t, POINTER(CBreachRate)]),
})


# ----------------------------------------------------------------------------- trend: change monitor

class CChangeMonitorOptions(ctypes.Structure):
    """candor_change_monitor_options."""
    _fields_ = [
        ("size", c_size_t),
        ("alpha", c_double),
        ("shift", c_double),
        ("bucket_size", c_int64),
    ]


class CChangeMonitor(ctypes.Structure):
    """candor_change_monitor: a handle, used only through ChangeMonitorP."""


ChangeMonitorP = POINTER(CChangeMonitor)


class CChangeMonitorState(ctypes.Structure):
    """candor_change_monitor_state."""
    _fields_ = [
        ("bucket", c_int64),
        ("n", c_int64),
        ("level", c_double),
        ("upper", c_double),
        ("lower", c_double),
        ("threshold", c_double),
        ("alarm", c_int32),
        ("direction", enum),
        ("change_start", c_int64),
        ("change_n", c_int64),
        ("shift", c_double),
        ("shift_low", c_double),
        ("shift_high", c_double),
        ("buckets_since_reset", c_int64),
    ]


class CChangeMonitorInfo(ctypes.Structure):
    """candor_change_monitor_info."""
    _fields_ = [
        ("threshold", c_double),
        ("reference", c_double),
        ("arl0", c_double),
        ("baseline_mean", c_double),
        ("baseline_sd", c_double),
        ("bucket_size", c_int64),
        ("history_n", c_int64),
        ("buckets", c_int64),
    ]


FUNCTIONS.update({
    "candor_change_monitor_options_defaults": (status, [POINTER(CChangeMonitorOptions),
                                                        c_size_t]),
    "candor_change_monitor_new": (status, [POINTER(CScoreOptions), POINTER(CChangeMonitorOptions),
                                           double_p, c_size_t, int64_p, c_size_t,
                                           POINTER(ChangeMonitorP)]),
    "candor_change_monitor_update": (status, [ChangeMonitorP, double_p, c_size_t,
                                              POINTER(CChangeMonitorState)]),
    "candor_change_monitor_reset": (status, [ChangeMonitorP]),
    "candor_change_monitor_info_get": (status, [ChangeMonitorP, POINTER(CChangeMonitorInfo)]),
    "candor_change_monitor_free": (None, [ChangeMonitorP]),
})


# ------------------------------------------------------------------------------------------- report

# candor_report_progress: the same type as candor_progress.
CReportProgress = CProgress


class CReportOptions(ctypes.Structure):
    """candor_report_options."""
    _fields_ = [
        ("size", c_size_t),
        ("level", c_double),
        ("time_zone", c_char_p),
        ("period", c_char_p),
        ("max_themes", c_int32),
        ("quotes_per_theme", c_int32),
        ("max_accounts", c_int32),
        ("max_alarms", c_int32),
        ("seed", c_uint64),
        ("source", c_char_p),
        ("bundled_sample", c_int32),
        ("score_column", c_char_p),
        ("comment_column", c_char_p),
        ("time_column", c_char_p),
        ("weight_column", c_char_p),
        ("arr_column", c_char_p),
        ("outcome_column", c_char_p),
        ("invited_column", c_char_p),
        ("progress", CReportProgress),
        ("progress_user_data", c_void_p),
    ]


class CReport(ctypes.Structure):
    """candor_report: a handle, used only through ReportP."""


ReportP = POINTER(CReport)

FUNCTIONS.update({
    "candor_report_options_defaults": (status, [POINTER(CReportOptions), c_size_t]),
    "candor_report_build": (status, [TableP, POINTER(CReportOptions), POINTER(ReportP)]),
    "candor_report_render": (status, [ReportP, enum, char_pp, size_p]),
    "candor_report_free": (None, [ReportP]),
})
