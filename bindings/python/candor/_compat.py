"""Optional dependencies: pandas is used when it is installed.

pandas is imported only when needed (`import candor` does not import it):
`pandas()` imports it on first use, to build DataFrames; `loaded_pandas()`
is the module only if something already imported it, which is all a check
of an input's type needs (a pandas object cannot exist before pandas is
imported), so passing numpy arrays or lists never imports it.
"""

import sys

from candor._lib import Error

_UNSET = object()
_pandas = _UNSET


def pandas():
    """The pandas module (imported now if need be), or None when it is not installed."""
    global _pandas
    if _pandas is _UNSET:
        try:
            import pandas as module
        except ImportError:
            module = None
        _pandas = module
    return _pandas


def loaded_pandas():
    """The pandas module if it has been imported (by anyone), else None:
    enough to ask whether an input is a pandas object, without importing it."""
    if _pandas is not _UNSET:
        return _pandas
    return sys.modules.get("pandas")


def require_pandas():
    """The pandas module, for what cannot be done without it (the frames of
    results): Error CANDOR_UNSUPPORTED when it is not installed."""
    pd = pandas()
    if pd is None:
        raise Error("CANDOR_UNSUPPORTED", "pandas is not installed")
    return pd
