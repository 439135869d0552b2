"""Helpers shared by the tests: running R, and NPS values by hand."""
import os
import shutil
import subprocess
import tempfile

import numpy as np
import pytest


def run_r(code):
    """Runs R code with Rscript and returns its standard output.

    Skips the test when Rscript is not installed (it is a Debian package,
    r-base-core, with r-cran-survey for the survey checks).
    """
    if shutil.which("Rscript") is None:
        pytest.skip("Rscript is not installed")
    # From a file: Rscript -e truncates long expressions.
    with tempfile.NamedTemporaryFile("w", suffix=".R", delete=False) as script:
        script.write(code)
    try:
        result = subprocess.run(["Rscript", "--vanilla", script.name], capture_output=True,
                                text=True, timeout=300)
    finally:
        os.unlink(script.name)
    assert result.returncode == 0, result.stderr
    return result.stdout


def r_vector(values):
    """An R literal c(...) with every double printed exactly."""
    return "c(%s)" % ", ".join("NA" if np.isnan(v) else repr(float(v)) for v in values)


def nps_values(scores, promoter_min=9, detractor_max=6):
    scores = np.asarray(scores, dtype=float)
    return np.where(scores >= promoter_min, 1.0, np.where(scores <= detractor_max, -1.0, 0.0))
