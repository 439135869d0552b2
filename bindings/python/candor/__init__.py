"""candor: honest customer-feedback analytics (NPS, CSAT, CES) with their
uncertainty, on the C library libcandor through ctypes.

The library is found through the environment variable CANDOR_LIBRARY (a path
to libcandor.so) if set; else a libcandor.so* next to this package (where a
wheel built from bindings/python bundles it: `pip install --no-build-isolation
--no-index bindings/python`); else the source tree's build/dev/libcandor.so;
else ctypes.util.find_library("candor").

pandas is optional and imported only when a result is made into a DataFrame.
Estimates take missing="error" | "skip"; results print short and render as
HTML in notebooks.

Every failure raises candor.Error, whose .status names the C status (e.g.
"CANDOR_OUT_OF_RANGE") and whose message is the library's.
"""

from candor._lib import Error, EXPECTED_MAJOR
from candor._lib import path as library_path
from candor._lib import version as library_version
from candor.accumulator import AccountAccumulator, Accumulator
from candor.bucket_accumulator import BucketAccumulator
from candor.driver_accumulator import DriverAccumulator
from candor.breakdowns import BreakdownRow, breakdown, breakdown_accumulated
from candor.names import ENUM_KINDS, enum_names
from candor.recency import RecencyAdjustment, adjust_recency
from candor.scoring import (Comparison, Estimate, adjust_p_values, bottom_box, ces, ces_agree,
                            compare, compare_groups, csat, margin_of_error, mean_score, nps,
                            required_n, score, top_box)
from candor.table import Table, parse_csv, parse_csv_header, read_csv, read_csv_header
from candor.trend_buckets import trend
from candor.trend_change_points import ChangePoints, change_points
from candor.trend_series import (MannKendall, SensSlope, WlsSlope, mann_kendall, sens_slope,
                                 wls_slope)
from candor.trend_accounts import account_trends
from candor.text_discovery import Themes, discover_themes
from candor.text_model import (EMOTIONS, TAXONOMY_MAX_DEPTH, URGENCY_CATEGORIES, TextModel,
                               TextResults, analyze, emotions, sentiment, urgency)
from candor.text_themes import TaxonomyThemes, drivers, themes
from candor.text_drivers import KeyDriverModel, ThemeDrivers, theme_drivers
from candor.survival import (Concordance, KaplanMeier, LogRank, LogRankGroup, SurvivalCurve,
                             concordance, kaplan_meier, log_rank)
from candor.health import Scorecard, health, survey_measure
from candor.validate import Auc, AucComparison, Calibration, auc, calibration, compare_auc, lift
from candor.health_weights import SuggestedWeights, suggest_weights
from candor.business_hours import BusinessCalendar
from candor.weights import (ResponseRateRow, Weights, WeightSummary, account_weights,
                            calibrate, combine_weights, ipw, poststratify, rake,
                            recency_weights, response_rates, trim_weights, weight_summary)
from candor.pii import redact
from candor.intents import INTENTS, intents
from candor.followup import Rules as FollowupRules, followup
from candor.outer_loop import outer_loop
from candor.recovery import Recovery, recovery
from candor.case_log import CaseLog, case_log
from candor.trend_monitor import ChangeMonitor, MonitorState
from candor.report import Report, report

# The loaded library's candor_version(): the package has no version of its own.
__version__ = library_version


def __getattr__(name):
    # candor.dask imports dask: only when first used.
    if name == "dask":
        import importlib
        return importlib.import_module("candor.dask")
    raise AttributeError("module 'candor' has no attribute %r" % name)

__all__ = [
    "AccountAccumulator", "Accumulator", "BreakdownRow", "BucketAccumulator", "Comparison",
    "DriverAccumulator", "EXPECTED_MAJOR", "Error", "Estimate",
    "RecencyAdjustment", "ResponseRateRow", "Table", "WeightSummary", "Weights",
    "account_weights", "adjust_p_values", "adjust_recency", "bottom_box", "breakdown",
    "breakdown_accumulated",
    "calibrate", "ces", "ces_agree", "combine_weights", "compare", "compare_groups", "csat",
    "ipw", "library_path", "library_version", "margin_of_error", "mean_score", "nps",
    "parse_csv", "parse_csv_header", "poststratify", "rake", "read_csv", "read_csv_header",
    "recency_weights", "required_n",
    "response_rates", "score", "top_box", "trim_weights", "weight_summary",
    "trend",
    "MannKendall", "SensSlope", "WlsSlope", "mann_kendall", "sens_slope", "wls_slope",
    "ChangePoints", "change_points",
    "account_trends",
    "Themes", "discover_themes",
    "EMOTIONS", "TAXONOMY_MAX_DEPTH", "URGENCY_CATEGORIES", "TextModel", "TextResults",
    "analyze", "emotions", "sentiment", "urgency",
    "TaxonomyThemes", "themes", "drivers",
    "KeyDriverModel", "ThemeDrivers", "theme_drivers",
    "ENUM_KINDS", "enum_names",
    "Concordance", "KaplanMeier", "LogRank", "LogRankGroup", "SurvivalCurve",
    "concordance", "kaplan_meier", "log_rank",
    "Scorecard", "health", "survey_measure",
    "Auc", "AucComparison", "Calibration", "auc", "calibration", "compare_auc", "lift",
    "SuggestedWeights", "suggest_weights",
    "redact", "INTENTS", "intents",
    "FollowupRules", "followup",
    "BusinessCalendar",
    "outer_loop",
    "Recovery", "recovery",
    "CaseLog", "case_log",
    "ChangeMonitor", "MonitorState",
    "Report", "report",
]
