"""Loading libcandor, declaring its C ABI (the table in candor._capi) and
checking its major version; errors and status names.

Nothing here is public: the rest of the package calls `lib` and `check`.
"""

import ctypes
import ctypes.util
import glob
import os
import pathlib

from candor import _capi

# Names from before the mirrors moved to candor._capi (tests/python uses them).
CEstimate = _capi.CEstimate
CsvOptions = _capi.CCsvOptions
ScoreOptions = _capi.CScoreOptions

# The C ABI major version these bindings were written against; the library's
# must equal it (checked below). tests/python/test_binding_table.py holds it
# to CANDOR_VERSION_MAJOR of include/candor.h.
EXPECTED_MAJOR = 0


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

    def __reduce__(self):
        # Pickled with both arguments, so that it crosses processes (Dask
        # workers, multiprocessing) as itself.
        return (Error, (self.status, self.message))


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


lib, path = _load()
_capi.declare(lib, path)

version = lib.candor_version().decode("ascii")
_major = int(version.split(".")[0])
if _major != EXPECTED_MAJOR:
    raise ImportError("candor: %s is version %s, but these bindings need major version %d"
                      % (path, version, EXPECTED_MAJOR))


def check(status):
    """Raises Error for a failed call, with the thread's last error message."""
    if status != 0:
        raise Error(status_name(status), lib.candor_last_error().decode("utf-8", "replace"))


def read_rows(handle, count, row_at, row_type):
    """The rows of a result handle: row_at(handle, i, &row) for each i below
    count(handle), checked. One row_type struct is filled for every row, so
    take what a row holds before reading the next."""
    row = row_type()
    for i in range(count(handle)):
        check(row_at(handle, i, ctypes.byref(row)))
        yield row


def status_name(status):
    name = lib.candor_status_name(status)
    return name.decode("ascii") if name else "CANDOR_STATUS_%d" % status


def enum_values(enum_type):
    """{name: value} of the candor.h enum `enum_type` (a candor_enum, _capi.ENUM_*),
    in declaration order: the library's one table of names."""
    names = {}
    value = ctypes.c_int32()
    while True:
        name = lib.candor_enum_at(enum_type, len(names), ctypes.byref(value))
        if name is None:
            return names
        names[name.decode("ascii")] = value.value


def _status_names():
    names = []
    while lib.candor_status_name(len(names)) != b"CANDOR_UNKNOWN_STATUS":
        names.append(status_name(len(names)))
    return tuple(names)


STATUS_NAMES = _status_names()
METRICS = enum_values(_capi.ENUM_METRIC)
INTERVALS = enum_values(_capi.ENUM_INTERVAL)
P_ADJUST = enum_values(_capi.ENUM_P_ADJUST)
ACCOUNT_MODES = enum_values(_capi.ENUM_ACCOUNT_MODE)
PRESETS = enum_values(_capi.ENUM_PRESET)
_PRESETS = {None: PRESETS["nps"], **PRESETS}  # None: the default preset


def new_score_options(preset=None):
    """A candor_score_options with the library's defaults (or a preset's)."""
    options = _capi.CScoreOptions()
    check(lib.candor_score_options_preset(ctypes.byref(options),
                                          ctypes.sizeof(options), _PRESETS[preset]))
    return options


def new_design():
    """A candor_design with the library's defaults (no weights, clusters or calibration)."""
    design = _capi.CDesign()
    check(lib.candor_design_defaults(ctypes.byref(design), ctypes.sizeof(design)))
    return design


def new_csv_options():
    options = _capi.CCsvOptions()
    check(lib.candor_csv_options_defaults(ctypes.byref(options), ctypes.sizeof(options)))
    return options
