"""Optional dependencies: pandas is used when it is installed."""

from candor._lib import Error

try:
    import pandas as _pandas
except ImportError:
    _pandas = None


def pandas():
    """The pandas module, or None when it is not installed."""
    return _pandas


def require_pandas():
    """The pandas module, for what cannot be done without it (the frames of
    results): Error CANDOR_UNSUPPORTED when it is not installed."""
    pd = pandas()
    if pd is None:
        raise Error("CANDOR_UNSUPPORTED", "pandas is not installed")
    return pd
