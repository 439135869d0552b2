"""The package installs offline with Debian's setuptools, wheel and pip
(pyproject.toml + setup.py in bindings/python) into a fresh venv created
with --system-site-packages, bundles libcandor, and then loads it with no
environment variable and runs examples/python/nps_example.py.

The build is given the library under test through CANDOR_LIBRARY (the
build-time rule of setup.py); the installed package must find its bundled
copy without it."""
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import candor

SOURCE = pathlib.Path(__file__).resolve().parents[2]
PACKAGE_PROJECT = SOURCE / "bindings" / "python"


def _has(module):
    return subprocess.run([sys.executable, "-c", "import " + module],
                          capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    for module in ("venv", "ensurepip", "setuptools", "wheel"):
        if not _has(module):
            pytest.skip("python3 lacks %s (Debian: python3-venv, python3-setuptools, "
                        "python3-wheel)" % module)
    root = tmp_path_factory.mktemp("install")
    # A copy of the project: the build writes build/ and *.egg-info next to
    # setup.py, which must not land in the source tree.
    project = root / "project"
    shutil.copytree(PACKAGE_PROJECT, project,
                    ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info",
                                                  "libcandor.so*"))
    env_dir = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(env_dir)],
                   check=True, timeout=300)
    python = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["CANDOR_LIBRARY"] = os.path.abspath(candor.library_path)  # pip builds elsewhere
    env["PIP_NO_INDEX"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-build-isolation", "--no-index",
         str(project)],
        capture_output=True, text=True, env=env, cwd=root, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return python, root


def _clean_env():
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CANDOR_LIBRARY")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def test_installed_package_loads_its_bundled_library(venv):
    python, root = venv
    code = ("import candor, sys, os; print(candor.library_path); print(candor.__file__); "
            "print(candor.__version__); print(candor.nps([10, 9, 7, 3, 10, 6]).value)")
    result = subprocess.run([str(python), "-c", code], capture_output=True, text=True,
                            env=_clean_env(), cwd=root, timeout=120)
    assert result.returncode == 0, result.stderr
    library, package, version, value = result.stdout.split("\n")[:4]
    venv_dir = str(python.parent.parent)
    # Loaded from the venv, not from the source tree or the build.
    assert package.startswith(venv_dir), package
    assert library == os.path.join(os.path.dirname(package), "libcandor.so")
    assert version == candor.library_version
    # 3 promoters, 2 detractors of 6: 100 * (3 - 2) / 6.
    assert float(value) == pytest.approx(100 / 6)


def test_installed_wheel_records_the_library_and_version(venv):
    python, root = venv
    result = subprocess.run(
        [str(python), "-m", "pip", "show", "-f", "candor"], capture_output=True, text=True,
        env=_clean_env(), cwd=root, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Version: %s" % candor.library_version in result.stdout
    assert "candor/libcandor.so" in result.stdout


def test_installed_package_runs_the_example(venv):
    python, root = venv
    example = SOURCE / "examples" / "python" / "nps_example.py"
    sample = SOURCE / "data" / "sample" / "survey.csv"
    result = subprocess.run([str(python), str(example), str(sample)], capture_output=True,
                            text=True, env=_clean_env(), cwd=root, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("NPS ") and "By region" in result.stdout
