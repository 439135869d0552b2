"""Optional dependencies: pandas is used when it is installed."""

try:
    import pandas as _pandas
except ImportError:
    _pandas = None


def pandas():
    """The pandas module, or None when it is not installed."""
    return _pandas
