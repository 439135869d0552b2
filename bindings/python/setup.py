"""Bundles libcandor into the package at build time (see pyproject.toml).

The library bundled is CANDOR_LIBRARY when set, else the source tree's
build/dev/libcandor.so. It is copied (symlinks resolved) to
candor/libcandor.so in the build directory only, never into the source
tree, and the package looks for it there first at import time; its debug
information is stripped (strip --strip-debug) unless CANDOR_STRIP=0. Its
candor_version() is the wheel's version. The wheel is tagged for this
platform (py3-none-<platform>): the library is native code, the package
has no Python extension, so any Python 3 on the platform can load it.
"""

import ctypes
import os
import pathlib
import shutil
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

try:
    from wheel.bdist_wheel import bdist_wheel
except ImportError:  # no wheel package: sdists and legacy installs only
    bdist_wheel = None

HERE = pathlib.Path(__file__).resolve().parent
BUNDLED_NAME = "libcandor.so"


def library_to_bundle():
    """The libcandor to copy into the package, or a clear error."""
    env = os.environ.get("CANDOR_LIBRARY")
    if env:
        path = pathlib.Path(env)
        if not path.is_file():
            raise SystemExit("candor: CANDOR_LIBRARY=%s is not a file" % env)
        return path
    # bindings/python -> the repository root is two levels up.
    path = HERE.parents[1] / "build" / "dev" / "libcandor.so"
    if path.is_file():
        return path
    raise SystemExit(
        "candor: no libcandor to bundle. Build it (cmake --preset dev && cmake --build "
        "--preset dev --target candor) or set CANDOR_LIBRARY to the libcandor.so to bundle.")


def library_version(path):
    """candor_version() of the library: the package's version."""
    library = ctypes.CDLL(str(path.resolve()))
    library.candor_version.restype = ctypes.c_char_p
    return library.candor_version().decode("ascii")


class BuildPy(build_py):
    """build_py that also copies libcandor next to the package's modules."""

    def run(self):
        super().run()
        target = pathlib.Path(self.build_lib) / "candor" / BUNDLED_NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(LIBRARY.resolve(), target)
        os.chmod(target, 0o755)
        # Debug information is most of a RelWithDebInfo library (150 MB of
        # 160): the wheel carries the code only, unless CANDOR_STRIP=0.
        strip = shutil.which("strip")
        if strip and os.environ.get("CANDOR_STRIP", "1") != "0":
            subprocess.run([strip, "--strip-debug", str(target)], check=True)

    def get_outputs(self, include_bytecode=True):
        return super().get_outputs(include_bytecode) + [
            str(pathlib.Path(self.build_lib) / "candor" / BUNDLED_NAME)]


class BinaryDistribution(Distribution):
    """A distribution with native code (the bundled library): platlib, and a
    platform wheel."""

    def has_ext_modules(self):
        return True


commands = {"build_py": BuildPy}
if bdist_wheel is not None:
    class BdistWheel(bdist_wheel):
        def finalize_options(self):
            super().finalize_options()
            self.root_is_pure = False

        def get_tag(self):
            _, _, platform = super().get_tag()
            return "py3", "none", platform

    commands["bdist_wheel"] = BdistWheel

LIBRARY = library_to_bundle()
setup(version=library_version(LIBRARY), cmdclass=commands, distclass=BinaryDistribution)
