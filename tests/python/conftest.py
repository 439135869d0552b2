"""pytest setup for the Python bindings.

ctest sets CANDOR_LIBRARY and PYTHONPATH. Run by hand (python3 -m pytest
tests/python), this falls back to the source tree: bindings/python on the
path, and the most recently built non-sanitizer build/*/libcandor.so.
"""
import glob
import os
import pathlib
import sys

import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _is_sanitizer_build(library):
    cache = pathlib.Path(library).parent / "CMakeCache.txt"
    try:
        return "CANDOR_SANITIZE:BOOL=ON" in cache.read_text(errors="replace")
    except OSError:
        return False


def _find_build_library():
    """The most recently built non-sanitizer build/*/libcandor.so, if any."""
    found = [p for p in glob.glob(str(ROOT / "build" / "*" / "libcandor.so"))
             if not _is_sanitizer_build(p)]
    return max(found, key=os.path.getmtime) if found else None


if not os.environ.get("CANDOR_LIBRARY"):
    library = _find_build_library()
    if library:
        os.environ["CANDOR_LIBRARY"] = library
if str(ROOT / "bindings" / "python") not in sys.path:
    sys.path.insert(0, str(ROOT / "bindings" / "python"))


@pytest.fixture
def rng():
    return np.random.default_rng(20240601)
