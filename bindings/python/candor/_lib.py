"""Loading libcandor and declaring its C ABI (include/candor.h) for ctypes.

Every struct below mirrors candor.h field for field; every function gets its
argtypes and restype so ctypes converts and checks arguments. Nothing here is
public: the rest of the package calls `lib` and `check`.
"""

import ctypes
import ctypes.util
import glob
import os
import pathlib

# The C ABI major version these bindings were written against.
EXPECTED_MAJOR = 0

_c_int_p = ctypes.POINTER(ctypes.c_int)
_double_p = ctypes.POINTER(ctypes.c_double)
_int8_p = ctypes.POINTER(ctypes.c_int8)
_int32_p = ctypes.POINTER(ctypes.c_int32)
_int64_p = ctypes.POINTER(ctypes.c_int64)
_uint8_p = ctypes.POINTER(ctypes.c_uint8)
_size_p = ctypes.POINTER(ctypes.c_size_t)

# Enums are C `int`s.
_enum = ctypes.c_int
_status = ctypes.c_int

STATUS_NAMES = (
    "CANDOR_OK", "CANDOR_INVALID_ARGUMENT", "CANDOR_OUT_OF_RANGE", "CANDOR_EMPTY",
    "CANDOR_LENGTH_MISMATCH", "CANDOR_NOT_FOUND", "CANDOR_PARSE_ERROR",
    "CANDOR_INVALID_UTF8", "CANDOR_IO_ERROR", "CANDOR_UNSUPPORTED",
    "CANDOR_OUT_OF_MEMORY", "CANDOR_INTERNAL", "CANDOR_NOT_CONVERGED")

METRICS = {"nps": 0, "top_box": 1, "bottom_box": 2, "mean": 3}
INTERVALS = {"wald": 0, "adjusted_wald": 1, "bayes": 2, "bootstrap": 3}
P_ADJUST = {"none": 0, "holm": 1, "bh": 2}
ACCOUNT_MODES = {"per_response": 0, "equal": 1, "by_value": 2}


class Error(Exception):
    """A failure reported by candor.

    `status` is the status name, e.g. "CANDOR_OUT_OF_RANGE"; str(error) is the
    message (for failures in the C library, its candor_last_error()).
    """

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message

    def __repr__(self):
        return "candor.Error(%r, %r)" % (self.status, self.message)


class ScoreOptions(ctypes.Structure):
    _fields_ = [
        ("size", ctypes.c_size_t),
        ("metric", _enum),
        ("scale_min", ctypes.c_int32),
        ("scale_max", ctypes.c_int32),
        ("promoter_min", ctypes.c_int32),
        ("detractor_max", ctypes.c_int32),
        ("box_size", ctypes.c_int32),
        ("interval", _enum),
        ("level", ctypes.c_double),
        ("prior", ctypes.c_double),
        ("replicates", ctypes.c_int32),
        ("seed", ctypes.c_uint64),
        ("threads", ctypes.c_int32),
        ("p_adjust", _enum),
    ]


class CEstimate(ctypes.Structure):
    _fields_ = [
        ("value", ctypes.c_double),
        ("std_error", ctypes.c_double),
        ("ci_low", ctypes.c_double),
        ("ci_high", ctypes.c_double),
        ("level", ctypes.c_double),
        ("n", ctypes.c_int64),
        ("effective_n", ctypes.c_double),
    ]


class CComparison(ctypes.Structure):
    _fields_ = [
        ("difference", ctypes.c_double),
        ("std_error", ctypes.c_double),
        ("ci_low", ctypes.c_double),
        ("ci_high", ctypes.c_double),
        ("p_value", ctypes.c_double),
        ("a", CEstimate),
        ("b", CEstimate),
    ]


class CBreakdownRow(ctypes.Structure):
    _fields_ = [
        ("codes", _int32_p),
        ("estimate", CEstimate),
        ("vs_rest", CComparison),
        ("p_adjusted", ctypes.c_double),
    ]


class CsvOptions(ctypes.Structure):
    _fields_ = [
        ("size", ctypes.c_size_t),
        ("score_column", ctypes.c_char_p),
        ("time_column", ctypes.c_char_p),
        ("account_column", ctypes.c_char_p),
        ("role_column", ctypes.c_char_p),
        ("weight_column", ctypes.c_char_p),
        ("comment_column", ctypes.c_char_p),
        ("segment_columns", ctypes.POINTER(ctypes.c_char_p)),
        ("n_segment_columns", ctypes.c_size_t),
        ("delimiter", ctypes.c_char),
        ("skip_bad_rows", ctypes.c_int32),
        ("max_bytes", ctypes.c_uint64),
    ]


class Margin(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("codes", _int32_p),
        ("population", _double_p),
        ("levels", ctypes.c_size_t),
    ]


class Covariate(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("numeric", _double_p),
        ("codes", _int32_p),
        ("levels", ctypes.c_int32),
    ]


class WeightSummary(ctypes.Structure):
    _fields_ = [
        ("sum", ctypes.c_double),
        ("min", ctypes.c_double),
        ("max", ctypes.c_double),
        ("max_to_min", ctypes.c_double),
        ("effective_n", ctypes.c_double),
        ("design_effect", ctypes.c_double),
    ]


class ResponseRate(ctypes.Structure):
    _fields_ = [
        ("invited", ctypes.c_int64),
        ("responded", ctypes.c_int64),
        ("rate", ctypes.c_double),
        ("ci_low", ctypes.c_double),
        ("ci_high", ctypes.c_double),
    ]


class RecencyEffect(ctypes.Structure):
    _fields_ = [
        ("raw_value", ctypes.c_double),
        ("standardized_value", ctypes.c_double),
        ("std_error", ctypes.c_double),
        ("ci_low", ctypes.c_double),
        ("ci_high", ctypes.c_double),
    ]


class _Opaque(ctypes.Structure):
    pass


class _Breakdown(_Opaque):
    pass


class _Accumulator(_Opaque):
    pass


class _Table(_Opaque):
    pass


class _Weights(_Opaque):
    pass


class Design(ctypes.Structure):
    _fields_ = [
        ("size", ctypes.c_size_t),
        ("weights", _double_p),
        ("clusters", _int32_p),
        ("calibration", ctypes.POINTER(_Weights)),
    ]


WeightsP = ctypes.POINTER(_Weights)
BreakdownP = ctypes.POINTER(_Breakdown)
AccumulatorP = ctypes.POINTER(_Accumulator)
TableP = ctypes.POINTER(_Table)

_SIGNATURES = {
    "candor_last_error": (ctypes.c_char_p, []),
    "candor_status_name": (ctypes.c_char_p, [_status]),
    "candor_version": (ctypes.c_char_p, []),
    "candor_score_options_preset": (_status, [ctypes.POINTER(ScoreOptions), ctypes.c_size_t,
                                              ctypes.c_int]),
    "candor_score": (_status, [ctypes.POINTER(ScoreOptions), _double_p, _double_p,
                               ctypes.c_size_t, ctypes.POINTER(CEstimate)]),
    "candor_score_i8": (_status, [ctypes.POINTER(ScoreOptions), _int8_p, ctypes.c_size_t,
                                  ctypes.POINTER(CEstimate)]),
    "candor_compare": (_status, [ctypes.POINTER(ScoreOptions), _double_p, _double_p,
                                 ctypes.c_size_t, _double_p, _double_p, ctypes.c_size_t,
                                 ctypes.POINTER(CComparison)]),
    "candor_margin_of_error": (_status, [ctypes.c_double, ctypes.c_double, ctypes.c_int64,
                                         ctypes.c_double, _double_p]),
    "candor_required_n": (_status, [ctypes.c_double, ctypes.c_double, ctypes.c_double,
                                    ctypes.c_double, _int64_p]),
    "candor_adjust_p_values": (_status, [_enum, _double_p, ctypes.c_size_t, _double_p]),
    "candor_breakdown_new": (_status, [ctypes.POINTER(ScoreOptions), _double_p, _double_p,
                                       ctypes.c_size_t, ctypes.POINTER(_int32_p),
                                       ctypes.c_size_t, ctypes.POINTER(BreakdownP)]),
    "candor_breakdown_rows": (ctypes.c_size_t, [BreakdownP]),
    "candor_breakdown_row_at": (_status, [BreakdownP, ctypes.c_size_t,
                                          ctypes.POINTER(CBreakdownRow)]),
    "candor_breakdown_free": (None, [BreakdownP]),
    "candor_accumulator_new": (_status, [ctypes.c_int32, ctypes.c_int32,
                                         ctypes.POINTER(AccumulatorP)]),
    "candor_accumulator_free": (None, [AccumulatorP]),
    "candor_accumulator_add": (_status, [AccumulatorP, _double_p, _double_p,
                                         ctypes.c_size_t]),
    "candor_accumulator_merge": (_status, [AccumulatorP, AccumulatorP]),
    "candor_accumulator_scale": (_status, [AccumulatorP, ctypes.POINTER(ctypes.c_int32),
                                           ctypes.POINTER(ctypes.c_int32)]),
    "candor_accumulator_count": (ctypes.c_int64, [AccumulatorP]),
    "candor_accumulator_serialize": (_status, [AccumulatorP, _uint8_p, ctypes.c_size_t,
                                               _size_p]),
    "candor_accumulator_deserialize": (_status, [_uint8_p, ctypes.c_size_t,
                                                 ctypes.POINTER(AccumulatorP)]),
    "candor_accumulator_estimate": (_status, [AccumulatorP, ctypes.POINTER(ScoreOptions),
                                              ctypes.POINTER(CEstimate)]),
    "candor_csv_options_defaults": (_status, [ctypes.POINTER(CsvOptions), ctypes.c_size_t]),
    "candor_table_read_csv": (_status, [ctypes.c_char_p, ctypes.POINTER(CsvOptions),
                                        ctypes.POINTER(TableP)]),
    "candor_table_parse_csv": (_status, [ctypes.c_char_p, ctypes.c_size_t,
                                         ctypes.POINTER(CsvOptions), ctypes.POINTER(TableP)]),
    "candor_table_free": (None, [TableP]),
    "candor_table_rows": (ctypes.c_size_t, [TableP]),
    "candor_table_skipped_rows": (ctypes.c_size_t, [TableP]),
    "candor_table_segment_count": (ctypes.c_size_t, [TableP]),
    "candor_table_segment_name": (ctypes.c_char_p, [TableP, ctypes.c_size_t]),
    "candor_table_scores": (_double_p, [TableP]),
    "candor_table_weights": (_double_p, [TableP]),
    "candor_table_times": (_int64_p, [TableP]),
    "candor_table_codes": (_status, [TableP, ctypes.c_char_p, ctypes.POINTER(_int32_p),
                                     _size_p]),
    "candor_table_label": (_status, [TableP, ctypes.c_char_p, ctypes.c_int32,
                                     ctypes.POINTER(ctypes.c_char_p)]),
    "candor_table_comment": (_status, [TableP, ctypes.c_size_t,
                                       ctypes.POINTER(ctypes.c_void_p), _size_p]),
    # Weights.
    "candor_rake": (_status, [_double_p, ctypes.c_size_t, ctypes.POINTER(Margin),
                              ctypes.c_size_t, ctypes.c_int32, ctypes.c_double,
                              ctypes.POINTER(WeightsP)]),
    "candor_poststratify": (_status, [_double_p, ctypes.c_size_t, ctypes.POINTER(Margin),
                                      ctypes.POINTER(WeightsP)]),
    "candor_calibrate_linear": (_status, [_double_p, ctypes.c_size_t, _double_p,
                                          ctypes.c_int32, _double_p, ctypes.POINTER(WeightsP)]),
    "candor_ipw": (_status, [_uint8_p, ctypes.c_size_t, ctypes.POINTER(Covariate),
                             ctypes.c_size_t, ctypes.c_double, ctypes.POINTER(WeightsP)]),
    "candor_weights_free": (None, [WeightsP]),
    "candor_weights_values": (_double_p, [WeightsP, _size_p]),
    "candor_weights_summary": (_status, [WeightsP, ctypes.POINTER(WeightSummary)]),
    "candor_weights_iterations": (ctypes.c_int32, [WeightsP]),
    "candor_weights_converged": (ctypes.c_int32, [WeightsP]),
    "candor_weights_balance_count": (ctypes.c_size_t, [WeightsP]),
    "candor_weights_balance_at": (_status, [WeightsP, ctypes.c_size_t,
                                            ctypes.POINTER(ctypes.c_char_p), _double_p,
                                            _double_p]),
    "candor_weights_terms": (ctypes.c_size_t, [WeightsP]),
    "candor_weights_term_at": (_status, [WeightsP, ctypes.c_size_t,
                                         ctypes.POINTER(ctypes.c_char_p), _double_p]),
    "candor_weight_summarize": (_status, [_double_p, ctypes.c_size_t,
                                          ctypes.POINTER(WeightSummary)]),
    "candor_recency_weights": (_status, [_int64_p, ctypes.c_size_t, ctypes.c_double,
                                         ctypes.c_int64, _double_p]),
    "candor_account_weights": (_status, [_int32_p, ctypes.c_size_t, _enum, _double_p,
                                         _int32_p, _double_p, ctypes.c_size_t, _double_p]),
    "candor_trim_weights": (_status, [_double_p, ctypes.c_size_t, ctypes.c_double,
                                      ctypes.c_double, ctypes.c_double, _double_p]),
    "candor_combine_weights": (_status, [ctypes.POINTER(_double_p), ctypes.c_size_t,
                                         ctypes.c_size_t, _double_p]),
    "candor_response_rates": (_status, [_uint8_p, _int32_p, ctypes.c_size_t, ctypes.c_size_t,
                                        ctypes.c_double, ctypes.POINTER(ResponseRate)]),
    "candor_adjust_recency": (_status, [ctypes.POINTER(ScoreOptions), _double_p, _double_p,
                                        _int32_p, _double_p, ctypes.c_size_t, ctypes.c_int32,
                                        ctypes.c_double, _double_p, _int32_p,
                                        ctypes.POINTER(RecencyEffect), _double_p, _double_p]),
    # Design estimates.
    "candor_design_defaults": (_status, [ctypes.POINTER(Design), ctypes.c_size_t]),
    "candor_score_design": (_status, [ctypes.POINTER(ScoreOptions), _double_p, ctypes.c_size_t,
                                      ctypes.POINTER(Design), ctypes.POINTER(CEstimate)]),
    "candor_compare_groups": (_status, [ctypes.POINTER(ScoreOptions), _double_p,
                                        ctypes.c_size_t, ctypes.POINTER(Design), _int8_p,
                                        ctypes.POINTER(CComparison)]),
    "candor_breakdown_design": (_status, [ctypes.POINTER(ScoreOptions), _double_p,
                                          ctypes.c_size_t, ctypes.POINTER(Design),
                                          ctypes.POINTER(_int32_p), ctypes.c_size_t,
                                          ctypes.POINTER(BreakdownP)]),
}


def _candidates():
    """Where to look for libcandor, in order (see the package docstring)."""
    env = os.environ.get("CANDOR_LIBRARY")
    if env:
        return [env], True
    here = pathlib.Path(__file__).resolve().parent
    found = sorted(glob.glob(str(here / "libcandor.so.*")), key=len)
    found += [str(here / "libcandor.so")]
    # The source tree's default build (CMake preset "dev"): bindings/python/
    # candor -> the repository root is three levels up.
    found.append(str(here.parents[2] / "build" / "dev" / "libcandor.so"))
    system = ctypes.util.find_library("candor")
    if system:
        found.append(system)
    return found, False


def _load():
    paths, from_env = _candidates()
    errors = []
    for path in paths:
        if not from_env and not os.path.exists(path) and os.sep in path:
            continue
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            errors.append("%s: %s" % (path, e))
    if from_env:
        raise ImportError("candor: cannot load CANDOR_LIBRARY=%s: %s"
                          % (paths[0], "; ".join(errors)))
    raise ImportError(
        "candor: libcandor.so not found. Set CANDOR_LIBRARY to its path, or put it "
        "next to the package, or build it (cmake --preset dev && cmake --build "
        "build/dev --target candor)." + (" Tried: " + "; ".join(errors) if errors else ""))


def _declare(library):
    for name, (restype, argtypes) in _SIGNATURES.items():
        try:
            function = getattr(library, name)
        except AttributeError:
            raise ImportError("candor: %s lacks the symbol %s" % (path, name)) from None
        function.restype = restype
        function.argtypes = argtypes


lib, path = _load()
_declare(lib)

version = lib.candor_version().decode("ascii")
_major = int(version.split(".")[0])
if _major != EXPECTED_MAJOR:
    raise ImportError("candor: %s is version %s, but these bindings need major version %d"
                      % (path, version, EXPECTED_MAJOR))


def check(status):
    """Raises Error for a failed call, with the thread's last error message."""
    if status != 0:
        raise Error(status_name(status), lib.candor_last_error().decode("utf-8", "replace"))


def status_name(status):
    name = lib.candor_status_name(status)
    return name.decode("ascii") if name else "CANDOR_STATUS_%d" % status


# Presets of candor.h's candor_preset.
_PRESETS = {None: 0, "nps": 0, "csat": 1, "ces": 2, "ces_agree": 3}


def new_score_options(preset=None):
    """A ScoreOptions with the library's defaults (or a preset's)."""
    options = ScoreOptions()
    check(lib.candor_score_options_preset(ctypes.byref(options),
                                          ctypes.sizeof(options), _PRESETS[preset]))
    return options


def new_design():
    """A Design with the library's defaults (no weights, clusters or calibration)."""
    design = Design()
    check(lib.candor_design_defaults(ctypes.byref(design), ctypes.sizeof(design)))
    return design


def new_csv_options():
    options = CsvOptions()
    check(lib.candor_csv_options_defaults(ctypes.byref(options), ctypes.sizeof(options)))
    return options
