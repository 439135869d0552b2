"""pytest setup for the command-line tests: every module needs the binary."""
import os

import pytest

from cli_helpers import CLI


@pytest.fixture(scope="module", autouse=True)
def cli_exists():
    if not os.path.isfile(CLI):
        pytest.fail("candor binary not found at %s (set CANDOR_CLI)" % CLI)
