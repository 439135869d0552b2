"""Input files that are not regular files, or larger than --max-bytes, are
clear errors (exit 1) for every command and every file option: a FIFO used to
hang the tool, a directory given as --lexicon loaded as an empty lexicon."""
import os
import subprocess

import pytest

from cli_helpers import CLI, SOURCE_DIR, expect_error, run

SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")
STARTER = os.path.join(SOURCE_DIR, "data", "taxonomies", "cx_starter.json")
SAMPLE_CARD = os.path.join(SOURCE_DIR, "tests", "data", "health", "sample_card.json")

# Every command with the options it needs, FILE last; "weight" weights the
# sample to itself by region.
COMMANDS = {
    "score": ["score"],
    "report": ["report"],
    "trend": ["trend"],
    "themes": ["themes", "--taxonomy", STARTER],
    "health": ["health", "--scorecard", SAMPLE_CARD],
    "weight": ["weight", "--method", "poststratify", "--population", SAMPLE,
               "--margin", "region"],
    "redact": ["redact"],
    "intents": ["intents"],
    "followup": ["followup"],
    "business-hours": ["business-hours", "--hours", "8"],
    "outer-loop": ["outer-loop", "--taxonomy", STARTER, "--account-column", "account_id",
                   "--replicates", "100"],
}


def run_bounded(*args, seconds=30):
    """(exit code, stderr); a run that does not end in `seconds` fails."""
    try:
        proc = subprocess.run([CLI, *[str(a) for a in args]], capture_output=True,
                              timeout=seconds)
    except subprocess.TimeoutExpired:
        pytest.fail("candor %s did not end within %d s" % (" ".join(map(str, args)), seconds))
    err = proc.stderr.decode("utf-8")
    assert proc.returncode >= 0, "killed by signal %d: %s" % (-proc.returncode, err)
    return proc.returncode, err


@pytest.fixture
def fifo(tmp_path):
    path = str(tmp_path / "input.fifo")
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_fifo_file_is_refused_without_hanging(fifo, command):
    rc, err = run_bounded(*COMMANDS[command], fifo)
    assert rc == 1, err
    assert err.startswith("candor: error: ") and fifo in err and "FIFO" in err, err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_directory_or_device_file_is_refused(tmp_path, command):
    err = expect_error(1, *COMMANDS[command], str(tmp_path))
    assert "a directory, not a regular file" in err
    err = expect_error(1, *COMMANDS[command], "/dev/null")
    assert "a character device, not a regular file" in err


@pytest.mark.parametrize("option", ["--lexicon", "--taxonomy", "--population", "--scorecard",
                                    "--calendar", "outer-loop --taxonomy"])
def test_file_options_refuse_fifos_and_directories(tmp_path, fifo, option):
    base = (["score", SAMPLE, "--margin", "region"] if option == "--population"
            else ["health", SAMPLE] if option == "--scorecard"
            else ["business-hours", SAMPLE, "--hours", "8"] if option == "--calendar"
            else ["outer-loop", SAMPLE, "--account-column", "account_id"]
            if option == "outer-loop --taxonomy"
            else ["themes", SAMPLE] + (["--taxonomy", STARTER] if option == "--lexicon" else []))
    option = option.split()[-1]
    rc, err = run_bounded(*base, option, fifo)
    assert rc == 1 and "FIFO" in err, err
    # A directory given as --lexicon used to load as an empty lexicon.
    err = expect_error(1, *base, option, str(tmp_path))
    assert str(tmp_path) in err and "a directory, not a regular file" in err


def test_max_bytes_limits_every_input(tmp_path):
    size = os.path.getsize(SAMPLE)
    for name, command in sorted(COMMANDS.items()):
        rc, out, err = run(*command, SAMPLE, "--max-bytes", size)
        assert rc == 0, (name, err)
        err = expect_error(1, *command, SAMPLE, "--max-bytes", size - 1)
        assert SAMPLE in err and "limit of %d bytes" % (size - 1) in err, (name, err)
    # The population file is limited too (here the responses are small).
    small = tmp_path / "small.csv"
    small.write_text("score,region\n10,EMEA\n3,NA\n")
    err = expect_error(1, "score", small, "--population", SAMPLE, "--margin", "region",
                       "--max-bytes", "64K")
    assert SAMPLE in err and "limit of 65536 bytes" in err
    err = expect_error(1, "weight", small, "--method", "poststratify", "--population", SAMPLE,
                       "--margin", "region", "--max-bytes", "64K")
    assert SAMPLE in err and "limit of 65536 bytes" in err
    # Suffixes K, M, G are powers of 1024; 0 is no limit.
    rc, out, err = run("score", SAMPLE, "--max-bytes", "1M")
    assert rc == 0, err
    rc, out, err = run("score", SAMPLE, "--max-bytes", "0")
    assert rc == 0, err
    # /dev/zero never ends: refused before reading (bounded by the limit if
    # that ever regressed).
    rc, err = run_bounded("score", "/dev/zero", "--max-bytes", "1M")
    assert rc == 1 and "character device" in err, err


@pytest.mark.parametrize("value", ["", "x", "-1", "1.5", "12Q", "K", "99999999999999999999",
                                   "17179869184G"])
def test_bad_max_bytes_is_a_usage_error(value):
    err = expect_error(2, "score", SAMPLE, "--max-bytes", value)
    assert "--max-bytes" in err


def test_help_mentions_max_bytes():
    for command in ("score", "report", "trend", "themes", "weight", "health", "redact", "intents",
                    "followup", "business-hours", "outer-loop", "cases", "recovery", "monitor"):
        rc, out, err = run(command, "--help")
        assert rc == 0 and "--max-bytes" in out, command
