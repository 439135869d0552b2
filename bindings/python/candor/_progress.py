"""Progress and Ctrl-C for long calls (candor_progress in include/candor.h).

Every long call passes a callback built here in its options, whether or not
the caller asked for progress: the library calls it on the calling thread at
least every 50 ms of work (at most every 10 ms), so Ctrl-C stops the call
within a fraction of a second instead of when it ends.

- progress=None or False: no display; Ctrl-C still stops the call.
- progress=True: a bar on stderr (tqdm when it is importable, else a one-line
  bar of our own).
- progress=callable: called as progress(done, total); returning False stops
  the call (candor.CandorError with status CANDOR_CANCELLED). An exception it
  raises stops the call and is raised again once the call has returned.

Ctrl-C: for the duration of the call (on the main thread, when SIGINT has
Python's default handler) a handler that only sets a flag replaces it; the
callback runs pending signal handlers (PyErr_CheckSignals) each time the
library calls it, sees the flag and returns 0, and the call raises
KeyboardInterrupt once the library has returned (CANDOR_CANCELLED, nothing
leaked). (Python may run a handler as the callback is entered, before any
try block: the default handler's KeyboardInterrupt would escape the callback
there, so it is not the one installed during the call.) A handler of the
caller's own is left in place and runs the same way.
"""

import signal
import sys
import threading
import time

from . import _capi, _lib

_check_signals = _capi.check_signals  # runs pending signal handlers (CPython)


class _Bar:
    """A one-line bar on stderr: "<what> [#####.......] 41% 12.3 s"."""

    _REDRAW = 0.1  # seconds between redraws

    def __init__(self, what, stream=None):
        self._what = what
        self._stream = stream if stream is not None else sys.stderr
        self._start = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def update(self, done, total):
        now = time.monotonic()
        if self._drawn and now - self._last < self._REDRAW and done < total:
            return
        self._last = now
        fraction = done / total if total > 0 else 0.0
        filled = int(fraction * 24)
        bar = "#" * min(filled, 24) + "." * (24 - min(filled, 24))
        self._stream.write("\r%s [%s] %3d%% %.1f s" % (self._what, bar, int(fraction * 100),
                                                       now - self._start))
        self._stream.flush()
        self._drawn = True

    def close(self):
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()


def _tqdm_bar(what):
    try:
        from tqdm import tqdm
    except ImportError:
        return None

    class _Tqdm:
        def __init__(self):
            self._bar = None

        def update(self, done, total):
            if self._bar is None:
                self._bar = tqdm(total=total, desc=what, file=sys.stderr)
            self._bar.n = done
            self._bar.refresh()

        def close(self):
            if self._bar is not None:
                self._bar.close()

    return _Tqdm()


class Progress:
    """The callback of one long call; use as a context manager:

        with Progress(progress, "theme discovery") as hook:
            options.progress = hook.callback
            status = lib.candor_themes_discover(...)
        hook.check(status)   # KeyboardInterrupt, the callback's error, or _lib.check
    """

    def __init__(self, progress, what):
        self._what = what
        self._bar = None
        self._user = None
        if progress is True:
            self._bar = _tqdm_bar(what) or _Bar(what)
        elif callable(progress):
            self._user = progress
        elif progress not in (None, False):
            raise TypeError("progress must be None, True, False or a callable(done, total); got "
                            + repr(progress))
        self._raised = None
        self._interrupted = False
        self._previous = None
        # Kept referenced for as long as the library may call it.
        self.callback = _capi.CProgress(self._call)

    def _on_sigint(self, signum, frame):
        self._interrupted = True

    def _call(self, done, total, _user_data):
        try:
            if _check_signals() != 0:  # a handler raised: ctypes raises it here
                raise KeyboardInterrupt
            if self._interrupted:
                return 0
            if self._bar is not None:
                self._bar.update(done, total)
            if self._user is not None and self._user(done, total) is False:
                return 0
            return 1
        except BaseException as e:  # Ctrl-C or the caller's error: stop, raise it later
            if self._raised is None:
                self._raised = e
            return 0

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            try:
                if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
                    self._previous = signal.signal(signal.SIGINT, self._on_sigint)
            except (ValueError, TypeError):  # no signals here (embedded interpreter)
                self._previous = None
        return self

    def __exit__(self, *exc):
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None
        if self._bar is not None:
            self._bar.close()
        return False

    def check(self, status, free=None):
        """Raises what stopped the call (KeyboardInterrupt, the callback's
        exception), else as _lib.check(status) does. free: called first when
        the call succeeded all the same (its result is then dropped)."""
        if self._interrupted and self._raised is None:
            self._raised = KeyboardInterrupt()
        self._interrupted = False
        if self._raised is not None:
            raised, self._raised = self._raised, None
            if status == 0 and free is not None:
                free()
            raise raised
        _lib.check(status)


def hook(progress, what):
    """A Progress for a long call (see the module's doc)."""
    return Progress(progress, what)
