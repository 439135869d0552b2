"""Short reprs and notebook HTML (_repr_html_) for result objects.

A result's repr names its class and every public field, each summarized so
that the whole stays short however large the result: arrays by shape and
dtype (small 1-D ones in full), long lists and dicts by length, DataFrames
by their shape, long strings cut. `_repr_html_` shows the same fields as a
table, followed by the result's tables (DataFrame fields, or frame()) cut to
their first rows, for Jupyter and other notebook front ends.
"""

import dataclasses
import html

import numpy as np

from candor import _compat

MAX_STRING = 60      # characters of a string shown
MAX_ITEMS = 4        # list items, dict keys or array values shown in full
HTML_ROWS = 20       # rows of each table in _repr_html_


def _is_frame(value):
    pd = _compat.loaded_pandas()
    return pd is not None and isinstance(value, (pd.DataFrame, pd.Series))


def summary(value, depth=0):
    """A short text for one field's value."""
    if value is None or isinstance(value, (bool, np.bool_, int, np.integer)):
        return repr(value.item() if isinstance(value, np.generic) else value)
    if isinstance(value, (float, np.floating)):
        return "%.6g" % value
    if isinstance(value, str):
        return repr(value if len(value) <= MAX_STRING else value[:MAX_STRING - 3] + "...")
    if isinstance(value, np.ndarray):
        if value.ndim == 1 and value.size <= MAX_ITEMS:
            return "[" + ", ".join(summary(v, depth + 1) for v in value.tolist()) + "]"
        return "array(%s, %s)" % (" x ".join(str(s) for s in value.shape), value.dtype)
    if _is_frame(value):
        if value.ndim == 1:
            return "Series(%d rows)" % len(value)
        return "DataFrame(%d rows x %d columns)" % value.shape
    if isinstance(value, (list, tuple)):
        if len(value) <= MAX_ITEMS and depth < 1:
            inner = ", ".join(summary(v, depth + 1) for v in value)
            if len(inner) <= 2 * MAX_STRING:
                return ("[%s]" if isinstance(value, list) else "(%s)") % inner
        kinds = sorted({type(v).__name__ for v in value})
        return "[%d %s]" % (len(value), "/".join(kinds) if kinds else "items")
    if isinstance(value, dict):
        if len(value) <= MAX_ITEMS and depth < 1:
            inner = ", ".join("%s: %s" % (k, summary(v, depth + 1)) for k, v in value.items())
            if len(inner) <= 2 * MAX_STRING:
                return "{%s}" % inner
        return "{%d keys}" % len(value)
    if dataclasses.is_dataclass(value) and depth < 1:
        text = repr(value)
        if len(text) <= 2 * MAX_STRING:
            return text
    if dataclasses.is_dataclass(value) or depth >= 1:
        return "%s(...)" % type(value).__name__
    text = repr(value)
    return text if len(text) <= MAX_STRING else "<%s>" % type(value).__name__


def _fields(obj):
    return [(f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj)
            if not f.name.startswith("_")]


def short_repr(obj):
    return "%s(%s)" % (type(obj).__name__,
                       ", ".join("%s=%s" % (name, summary(value)) for name, value in _fields(obj)))


def html_repr(obj):
    rows = "".join("<tr><th style='text-align:left'>%s</th><td style='text-align:left'>%s</td>"
                   "</tr>" % (html.escape(name), html.escape(summary(value)))
                   for name, value in _fields(obj) if not _is_frame(value))
    parts = ["<div><strong>candor.%s</strong><table>%s</table>"
             % (html.escape(type(obj).__name__), rows)]
    frames = [(name, value) for name, value in _fields(obj) if _is_frame(value)]
    frame_method = getattr(obj, "frame", None)
    if not frames and callable(frame_method) and _compat.loaded_pandas() is not None:
        try:
            frame = frame_method()
        except Exception:  # a view that cannot be made (e.g. without pandas): fields only
            frame = None
        if _is_frame(frame):
            frames.append(("frame()", frame))
    for name, frame in frames:
        shown = frame.head(HTML_ROWS)
        more = "" if len(frame) <= HTML_ROWS else \
            "<p>%d of %d rows shown</p>" % (HTML_ROWS, len(frame))
        parts.append("<p><code>%s</code></p>%s%s" % (html.escape(name), shown.to_html(), more))
    parts.append("</div>")
    return "".join(parts)


def result(cls=None, *, keep_repr=False):
    """Class decorator (on top of @dataclass): the short repr (unless
    keep_repr: the class's own) and _repr_html_."""
    def decorate(cls):
        if not keep_repr:
            cls.__repr__ = short_repr
        cls._repr_html_ = html_repr
        return cls
    return decorate if cls is None else decorate(cls)
