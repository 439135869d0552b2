"""Finding and checking the library; the error type."""
import os
import pathlib
import subprocess
import sys

import pytest

import candor
import candor._lib

PACKAGE_DIR = pathlib.Path(candor.__file__).resolve().parent


def run_python(code, **env):
    environment = dict(os.environ, PYTHONPATH=str(PACKAGE_DIR.parent), **env)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=environment, timeout=120)


def test_version_major_matches():
    major, minor, patch = map(int, candor.library_version.split("."))
    assert major == candor.EXPECTED_MAJOR
    assert os.path.exists(candor.library_path)


def test_status_names_round_trip():
    for code, name in enumerate(candor._lib.STATUS_NAMES):
        assert candor._lib.status_name(code) == name


def test_error_carries_status_and_message():
    with pytest.raises(candor.Error) as info:
        candor.nps([42])
    error = info.value
    assert isinstance(error, Exception)
    assert error.status == "CANDOR_OUT_OF_RANGE"
    assert str(error) == error.message and "42" in str(error)
    assert "CANDOR_OUT_OF_RANGE" in repr(error)


def test_options_struct_size_agrees_with_library():
    import ctypes
    assert candor._lib.new_score_options().size == ctypes.sizeof(candor._lib.ScoreOptions)
    assert candor._lib.new_csv_options().size == ctypes.sizeof(candor._lib.CsvOptions)
    csat = candor._lib.new_score_options("csat")
    assert (csat.scale_min, csat.scale_max, csat.box_size) == (1, 5, 2)


def test_bad_library_path_is_a_clear_import_error(tmp_path):
    result = run_python("import candor", CANDOR_LIBRARY=str(tmp_path / "nope.so"))
    assert result.returncode != 0
    assert "ImportError" in result.stderr and "CANDOR_LIBRARY" in result.stderr


def test_major_version_mismatch_is_an_import_error():
    source = (PACKAGE_DIR / "_lib.py").read_text()
    assert "EXPECTED_MAJOR = 0" in source
    code = ("import sys, types; src = open(%r).read().replace('EXPECTED_MAJOR = 0', "
            "'EXPECTED_MAJOR = 99'); m = types.ModuleType('candor._fake'); "
            "exec(compile(src, 'fake', 'exec'), m.__dict__)" % str(PACKAGE_DIR / "_lib.py"))
    result = run_python(code)
    assert result.returncode != 0
    assert "ImportError" in result.stderr and "major version 99" in result.stderr


def test_library_found_without_the_environment_variable(tmp_path):
    # Without CANDOR_LIBRARY the package looks next to itself, then in the
    # source tree's build/dev; a copy next to a package copy must be found.
    import shutil
    package = tmp_path / "candor"
    shutil.copytree(PACKAGE_DIR, package, ignore=shutil.ignore_patterns("*.so*", "__pycache__"))
    shutil.copy(candor.library_path, package / "libcandor.so.0")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    env.pop("CANDOR_LIBRARY", None)
    result = subprocess.run([sys.executable, "-c", "import candor; print(candor.library_path)"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(package / "libcandor.so.0")
