"""The report (include/candor/report.hpp): the whole story of one survey as
terminal text, JSON (docs/report-schema.md) or one self-contained HTML page."""

import csv as _csv
import ctypes
import io
import json as _json
import os
import pathlib
import threading

from candor import _capi
from candor import _convert
from candor import _handle
from candor import _lib
from candor import _progress
from candor._lib import Error, lib
from candor.table import parse_csv, read_csv

_FORMATS = _lib.enum_values(_capi.ENUM_REPORT_FORMAT)  # text, json, html
_EXTENSIONS = {".txt": "text", ".json": "json", ".html": "html", ".htm": "html"}

# The bundled sample's columns (data/sample/README.md).
_SAMPLE_COLUMNS = dict(score="score", comment="comment", time="timestamp", account="account_id",
                       weight="weight", arr="arr", segments=("region", "plan", "role"))


def _find_sample():
    """The bundled sample survey: next to an installed library
    (<prefix>/share/candor/survey.csv), else in the source tree."""
    candidates = [pathlib.Path(_lib.path).resolve().parent.parent / "share" / "candor" / "survey.csv",
                  pathlib.Path(__file__).resolve().parents[3] / "data" / "sample" / "survey.csv"]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    raise Error("CANDOR_NOT_FOUND", "the bundled sample survey.csv was not found (looked in: %s); "
                "pass data" % ", ".join(str(c) for c in candidates))


def _csv_text(data):
    """CSV text of a pandas DataFrame or a dict of equal-length columns."""
    if hasattr(data, "to_csv") and hasattr(data, "columns"):
        return data.to_csv(index=False)
    if isinstance(data, dict):
        names = list(data)
        columns = [list(data[name]) for name in names]
        lengths = {len(c) for c in columns}
        if len(lengths) > 1:
            raise Error("CANDOR_LENGTH_MISMATCH",
                        "the columns have different lengths: %s" % sorted(lengths))
        out = io.StringIO()
        writer = _csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        for row in zip(*columns):
            writer.writerow("" if v is None else v for v in row)
        return out.getvalue()
    raise Error("CANDOR_INVALID_ARGUMENT",
                "data must be a CSV path, a pandas DataFrame, a dict of columns or None "
                "(the bundled sample), got %s" % type(data).__name__)


def _c_name(role, name):
    return None if name is None else _convert.c_string(name, "%s column name" % role)


def report(data=None, *, score=None, comment=None, time=None, account=None, segments=(),
           weight=None, arr=None, outcome=None, invited=None, level=0.95, time_zone="UTC",
           period="month", max_themes=8, quotes_per_theme=3, max_accounts=10, max_alarms=10,
           seed=42, delimiter=",", skip_bad_rows=False, max_bytes=None, progress=None):
    """The report of a survey: a Report (.text(), .json(), .to_dict(), .html(),
    .save(path)).

    data: a CSV path, a pandas DataFrame or dict of columns, or None for the
    bundled synthetic sample (with its columns named unless given). Columns
    are named by role (score defaults to "score"; the others are not used
    unless named): comment, time, account, segments, weight; arr (ARR of the
    response's account), outcome (1 churned / 0 retained) and invited
    (responses asked for in the row's segment) are read as numbers (empty:
    missing). progress: called as progress(done, total) after each of the 6
    sections, and with the same done again between chunks of 65,536 comments
    while they are analysed; returning False stops with CANDOR_CANCELLED;
    True draws a bar on stderr. Ctrl-C stops the build within a fraction of a
    second with KeyboardInterrupt (candor._progress)."""
    source = ""
    bundled = data is None
    if bundled:
        data = _find_sample()
        given = dict(score=score, comment=comment, time=time, account=account, weight=weight,
                     arr=arr, segments=segments or None)
        picked = {k: (v if given[k] is None else given[k]) for k, v in _SAMPLE_COLUMNS.items()}
        score, comment, time, account, weight, arr = (picked[k] for k in (
            "score", "comment", "time", "account", "weight", "arr"))
        segments = picked["segments"]
    score = "score" if score is None else score
    if isinstance(segments, str):
        segments = (segments,)
    numbers = [n for n in dict.fromkeys((arr, outcome, invited)) if n is not None]
    read = dict(score=score, time=time, account=account, weight=weight, comment=comment,
                segments=tuple(segments), delimiter=delimiter, skip_bad_rows=skip_bad_rows,
                numbers=numbers)
    if isinstance(data, (str, os.PathLike)):
        source = os.fspath(data)
        table = read_csv(data, max_bytes=max_bytes, **read)
    else:
        table = parse_csv(_csv_text(data), **read)

    options = _capi.CReportOptions()
    _lib.check(lib.candor_report_options_defaults(ctypes.byref(options), ctypes.sizeof(options)))
    options.level = float(level)
    options.time_zone = _convert.c_string(time_zone, "time_zone")
    options.period = _convert.c_string(period, "period")
    options.max_themes = int(max_themes)
    options.quotes_per_theme = int(quotes_per_theme)
    options.max_accounts = int(max_accounts)
    options.max_alarms = int(max_alarms)
    options.seed = int(seed)
    options.source = _convert.c_string(os.path.basename(source) if bundled else source, "source")
    options.bundled_sample = 1 if bundled else 0
    options.score_column = _c_name("score", score)
    options.comment_column = _c_name("comment", comment)
    options.time_column = _c_name("time", time)
    options.weight_column = _c_name("weight", weight)
    options.arr_column = _c_name("arr", arr)
    options.outcome_column = _c_name("outcome", outcome)
    options.invited_column = _c_name("invited", invited)
    handle = _capi.ReportP()
    with _progress.hook(progress, "building the report") as hook:
        options.progress = hook.callback
        with table:
            status = lib.candor_report_build(table._live(), ctypes.byref(options),
                                             ctypes.byref(handle))
    hook.check(status, lambda: lib.candor_report_free(handle))
    return Report._adopt(handle)


class Report(_handle.OwnsHandle):
    """A built report: render it with text(), json() (str), to_dict(), html(),
    or save(path) (the format from the extension: .txt, .json, .html).
    In a notebook it shows as its HTML page."""

    _free = lib.candor_report_free
    _handle_type = _capi.ReportP

    def __init__(self):
        raise TypeError("use candor.report()")

    @classmethod
    def _adopt(cls, handle):
        self = cls.__new__(cls)
        self._lock = threading.Lock()
        self._handle = handle
        return self

    def close(self):
        """Frees the report (also at garbage collection)."""
        self._close_handle()

    def _render(self, format):
        with self._lock:
            if not self._handle:
                raise Error("CANDOR_INVALID_ARGUMENT", "the report is closed")
            text = ctypes.c_char_p()
            length = ctypes.c_size_t()
            _lib.check(lib.candor_report_render(self._handle, _FORMATS[format],
                                                ctypes.byref(text), ctypes.byref(length)))
            return ctypes.string_at(text, length.value).decode("utf-8")

    def text(self):
        """The terminal report."""
        return self._render("text")

    def json(self):
        """The JSON of docs/report-schema.md, as a str."""
        return self._render("json")

    def to_dict(self):
        """The JSON parsed: dicts, lists, numbers (None where not finite)."""
        return _json.loads(self.json())

    def html(self):
        """One self-contained HTML page (inline CSS and SVG, no script)."""
        return self._render("html")

    def _repr_html_(self):
        return self.html()

    def save(self, path, format=None):
        """Writes the report to `path` in `format` ("text", "json" or "html";
        None: from the extension .txt, .json, .html or .htm)."""
        if format is None:
            extension = os.path.splitext(os.fspath(path))[1].lower()
            if extension not in _EXTENSIONS:
                raise Error("CANDOR_INVALID_ARGUMENT",
                            "cannot tell the format from %r: use .txt, .json or .html, or pass "
                            "format" % os.fspath(path))
            format = _EXTENSIONS[extension]
        if format not in _FORMATS:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "format must be text, json or html, got %r" % (format,))
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.write(self._render(format))
