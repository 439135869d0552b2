"""The online change monitor: a two-sided CUSUM of the metric's per-response
values against the history's level, updated one bucket at a time (a day, an
hour, any batch, one response), alarming at a stated false-alarm rate per
bucket. Formulas, threshold and accuracy: include/candor/trend_monitor.hpp;
C ABI: the "trend: change monitor" section of include/candor.h.
"""

import ctypes
import dataclasses
import threading

import numpy as np

from candor import _display
from candor import _arrow
from candor import _capi
from candor import _compat
from candor import _convert
from candor import _handle
from candor import _lib
from candor._lib import Error, lib

_DIRECTIONS = {value: (None if name == "none" else name) for name, value in
               _lib.enum_values(_capi.ENUM_CHANGE_DIRECTION).items()}
_PERIODS = {"day": "D", "week": "W-SUN", "month": "M", "hour": "h"}


@_display.result
@dataclasses.dataclass(frozen=True)
class MonitorState:
    """The monitor after a bucket. `upper`, `lower` and `threshold` are in
    standard errors of a typical bucket; `alarm` when either side exceeds
    the threshold, `direction` "up" / "down" (None without an alarm). On an
    alarm: `change_start` (the bucket index where the alarming side's run
    began), `change_n` (responses since then), `shift` (the metric's mean
    since then minus the baseline, in reported units such as NPS points) and
    its Wald interval `shift_low`..`shift_high`, conditional on the alarm and
    so biased away from 0; without one change_start is None and the shift
    NaN. `level` is the metric on this bucket (NaN when empty)."""
    bucket: int
    n: int
    level: float
    upper: float
    lower: float
    threshold: float
    alarm: bool
    direction: object
    change_start: object
    change_n: int
    shift: float
    shift_low: float
    shift_high: float
    buckets_since_reset: int

    @classmethod
    def _from_c(cls, s):
        return cls(int(s.bucket), int(s.n), s.level, s.upper, s.lower, s.threshold,
                   bool(s.alarm), _DIRECTIONS.get(int(s.direction)),
                   None if s.change_start < 0 else int(s.change_start), int(s.change_n),
                   s.shift, s.shift_low, s.shift_high, int(s.buckets_since_reset))


class ChangeMonitor(_handle.OwnsHandle):
    """An online change monitor for `metric`, with the in-control level taken
    from `history` (the scores before monitoring starts; at least 30, not
    all of one value).

    alpha: the false-alarm probability per bucket on average (the in-control
    average run length is 1 / alpha buckets; default 0.01, one false alarm
    per 100 buckets: a daily monitor should use a smaller alpha such as
    0.001). shift: the change to detect fastest, in the metric's reported
    units (e.g. 5 NPS points); None: one standard error of a typical bucket.
    bucket_size: responses in a typical bucket, which the threshold is set
    for; None: the median of `history_buckets` (the history's bucket sizes)
    when given, else 1. level: of the shift's interval.

    update(scores) adds one bucket and returns a MonitorState; reset() sets
    both CUSUMs back to 0 after an alarm was acted on (the monitor does not
    reset itself). The handle is guarded by a lock.
    """

    _free = lib.candor_change_monitor_free
    _handle_type = _capi.ChangeMonitorP

    def __init__(self, history, metric="nps", alpha=0.01, shift=None, bucket_size=None,
                 history_buckets=None, *, scale=None, box=None, promoter_min=None,
                 detractor_max=None, level=0.95):
        self._lock = threading.RLock()
        self._handle = _capi.ChangeMonitorP()
        score_options = _convert.score_options(metric, scale=scale, box=box,
                                               promoter_min=promoter_min,
                                               detractor_max=detractor_max, level=level)
        options = _capi.CChangeMonitorOptions()
        _lib.check(lib.candor_change_monitor_options_defaults(ctypes.byref(options),
                                                              ctypes.sizeof(options)))
        options.alpha = _convert._float("alpha", alpha)
        if shift is not None:
            options.shift = _convert._float("shift", shift)
        if bucket_size is not None:
            options.bucket_size = int(bucket_size)
        history = _convert.as_float64(history, "history")
        sizes = None
        if history_buckets is not None:
            buckets = _arrow.as_numpy(history_buckets, "history_buckets", integers=True)
            sizes = np.ascontiguousarray(np.asarray(buckets), dtype=np.int64).reshape(-1)
        _lib.check(lib.candor_change_monitor_new(
            ctypes.byref(score_options), ctypes.byref(options), _convert.double_pointer(history),
            len(history), None if sizes is None else sizes.ctypes.data_as(_capi.int64_p),
            0 if sizes is None else len(sizes), ctypes.byref(self._handle)))

    def _checked(self):
        if not self._handle:
            raise Error("CANDOR_INVALID_ARGUMENT", "the ChangeMonitor is closed")
        return self._handle

    def update(self, scores):
        """Adds one bucket of scores (possibly empty) and returns the state."""
        scores = _convert.as_float64(scores)
        state = _capi.CChangeMonitorState()
        with self._lock:
            _lib.check(lib.candor_change_monitor_update(
                self._checked(), _convert.double_pointer(scores), len(scores),
                ctypes.byref(state)))
        return MonitorState._from_c(state)

    def reset(self):
        """Both CUSUMs back to 0; bucket indices go on."""
        with self._lock:
            _lib.check(lib.candor_change_monitor_reset(self._checked()))

    def _info(self):
        info = _capi.CChangeMonitorInfo()
        with self._lock:
            _lib.check(lib.candor_change_monitor_info_get(self._checked(), ctypes.byref(info)))
        return info

    @property
    def threshold(self):
        """h, in standard errors of a typical bucket."""
        return self._info().threshold

    @property
    def reference(self):
        """k, in standard errors of a typical bucket."""
        return self._info().reference

    @property
    def arl0(self):
        """The in-control average run length (buckets) of the threshold."""
        return self._info().arl0

    @property
    def baseline_mean(self):
        return self._info().baseline_mean

    @property
    def baseline_sd(self):
        """The standard deviation of one response's value (reported units)."""
        return self._info().baseline_sd

    @property
    def bucket_size(self):
        return int(self._info().bucket_size)

    def close(self):
        """Frees the C handle; further calls raise candor.Error."""
        self._close_handle()

    def __repr__(self):
        if not getattr(self, "_handle", None):
            return "candor.ChangeMonitor(closed)"
        info = self._info()
        return ("candor.ChangeMonitor(baseline=%.4g, threshold=%.4g, arl0=%.4g, "
                "bucket_size=%d, buckets=%d)" % (info.baseline_mean, info.threshold, info.arl0,
                                                 info.bucket_size, info.buckets))

    @classmethod
    def replay(cls, scores, times, every="day", history_until=None, *, time_zone=None,
               **options):
        """Replays a dated series through a monitor: the responses before
        `history_until` (a date or timestamp in `time_zone`, default UTC) are
        the history (its `every` buckets give the typical bucket size), and
        each later calendar bucket ("hour", "day", "week" from Monday,
        "month"; empty ones included) is one update, never reset. Returns a
        pandas DataFrame, one row per bucket: bucket (its start), n, level,
        upper, lower, threshold, alarm, direction, change_start (the start of
        the estimated first bucket of the change), shift, shift_low,
        shift_high; df.attrs holds the monitor's threshold, reference, arl0,
        baseline_mean, baseline_sd, bucket_size. options: those of
        ChangeMonitor (metric, alpha, shift, bucket_size, scale, ...)."""
        pd = _compat.require_pandas()
        unit = str(every).lower()
        if unit not in _PERIODS:
            raise Error("CANDOR_INVALID_ARGUMENT", "every must be one of %s, not %r"
                        % (", ".join(_PERIODS), every))
        if history_until is None:
            raise Error("CANDOR_INVALID_ARGUMENT",
                        "history_until is required: the responses before it are the history")
        scores = _convert.as_float64(scores)
        seconds = _convert.unix_seconds(times, "times")
        if len(seconds) != len(scores):
            raise Error("CANDOR_LENGTH_MISMATCH", "times has %d entries but scores has %d"
                        % (len(seconds), len(scores)))
        stamps = pd.to_datetime(seconds, unit="s", utc=True)
        if time_zone is not None:
            stamps = stamps.tz_convert(time_zone)
        local = stamps.tz_localize(None)
        periods = local.to_period(_PERIODS[unit])
        cut = pd.Timestamp(history_until)
        if cut.tzinfo is not None:
            cut = cut.tz_convert(time_zone or "UTC").tz_localize(None)
        in_history = np.asarray(local < cut)
        order = np.argsort(np.asarray(seconds), kind="stable")
        codes = np.asarray(periods.astype("int64"))
        history_codes = codes[in_history]
        history_sizes = np.bincount(history_codes - history_codes.min()) \
            if len(history_codes) else np.zeros(0, dtype=np.int64)
        monitor = cls(scores[order][in_history[order]], history_buckets=history_sizes,
                      **options)
        try:
            later = ~in_history
            rows = []
            if later.any():
                first, last = codes[later].min(), codes[later].max()
                by_code = {}
                for i in order[later[order]]:
                    by_code.setdefault(int(codes[i]), []).append(scores[i])
                freq = periods.freq
                for code in range(int(first), int(last) + 1):
                    state = monitor.update(by_code.get(code, []))
                    rows.append((pd.Period(ordinal=code, freq=freq).start_time, state))
            starts = [r[0] for r in rows]
            frame = pd.DataFrame({
                "bucket": starts,
                "n": [s.n for _, s in rows],
                "level": [s.level for _, s in rows],
                "upper": [s.upper for _, s in rows],
                "lower": [s.lower for _, s in rows],
                "threshold": [s.threshold for _, s in rows],
                "alarm": [s.alarm for _, s in rows],
                "direction": [s.direction for _, s in rows],
                "change_start": [None if s.change_start is None else starts[s.change_start]
                                 for _, s in rows],
                "shift": [s.shift for _, s in rows],
                "shift_low": [s.shift_low for _, s in rows],
                "shift_high": [s.shift_high for _, s in rows],
            })
            info = monitor._info()
            frame.attrs.update(threshold=info.threshold, reference=info.reference,
                               arl0=info.arl0, baseline_mean=info.baseline_mean,
                               baseline_sd=info.baseline_sd, bucket_size=int(info.bucket_size),
                               history_n=int(info.history_n))
            return frame
        finally:
            monitor.close()
