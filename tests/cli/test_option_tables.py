"""Each command's help and its parser come from one option table
(cli/<command>_options.cc): every option the help lists is one the parser
knows, and for an option with a fixed set of values, the values the parser
lists when one is wrong are the ones its help names (unless it says "...")."""
import os
import re

import pytest

from cli_helpers import SOURCE_DIR, run

SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")
# redact and intents have few options; the others at least 9.
MIN_OPTIONS = {"redact": 5, "intents": 5}
COMMANDS = ("score", "report", "weight", "trend", "themes", "health", "redact", "intents",
            "followup", "business-hours", "outer-loop", "cases", "recovery", "monitor")
OPTION_LINE = re.compile(r"^  --([a-z0-9-]+)(?: ([^ ]+))?(?: +|$)")


@pytest.fixture(autouse=True)
def in_a_scratch_folder(tmp_path, monkeypatch):
    """Runs with a scratch working folder: an option such as report's
    --output given "bogus-value" writes a file of that name."""
    monkeypatch.chdir(tmp_path)


def listed_options(command):
    """{option: (placeholder or None, its help text)} from `candor help <command>`."""
    rc, out, err = run("help", command)
    assert rc == 0, err
    options = {}
    current = None
    for line in out.splitlines():
        m = OPTION_LINE.match(line)
        if m:
            current = m.group(1)
            options[current] = (m.group(2), line[m.end():])
        elif current is not None and line.startswith(" " * 20) and line.strip():
            placeholder, text = options[current]
            options[current] = (placeholder, text + " " + line.strip())
        else:
            current = None
    return options


@pytest.mark.parametrize("command", COMMANDS)
def test_every_listed_option_is_parsed(command):
    options = listed_options(command)
    assert len(options) >= MIN_OPTIONS.get(command, 9)
    for option, (placeholder, _) in options.items():
        args = [command, SAMPLE, "--" + option] + (["bogus-value"] if placeholder else [])
        rc, out, err = run(*args)
        assert "unknown option" not in err, (option, err)
        if placeholder is None:
            # A flag: a value given to it is refused by name.
            rc, out, err = run(command, SAMPLE, "--%s=1" % option)
            assert err == "candor: error: --%s takes no value\n" % option


@pytest.mark.parametrize("command", COMMANDS)
def test_the_values_an_error_lists_are_the_ones_the_help_names(command):
    checked = 0
    for option, (placeholder, text) in listed_options(command).items():
        if placeholder is None:
            continue
        rc, out, err = run(command, SAMPLE, "--" + option, "no-such-value")
        m = re.search(r"'no-such-value' is not one of (.*)$", err.strip())
        if not m:
            continue
        checked += 1
        if "..." in text:
            continue  # the help abbreviates the list ("csat, topbox, ... (as for score)")
        for value in m.group(1).split(", "):
            assert re.search(r"\b%s\b" % re.escape(value), text), (option, value, text)
    assert checked >= 1


def test_an_unlisted_option_is_unknown():
    for command in COMMANDS:
        assert run(command, SAMPLE, "--no-such-option")[2] == (
            "candor: error: unknown option '--no-such-option' for %s\n" % command)
