"""Running the candor command line (cli/) from the tests in this folder.

Environment: CANDOR_CLI (the built binary; default build/dev/cli/candor)
and CANDOR_SOURCE_DIR (the repository root).
"""
import os
import subprocess

SOURCE_DIR = os.environ.get(
    "CANDOR_SOURCE_DIR", os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
        __file__)))))
CLI = os.environ.get("CANDOR_CLI",
                     os.path.join(SOURCE_DIR, "build", "dev", "cli", "candor"))


def run(*args):
    """(exit code, stdout, stderr) of the CLI with args (each made a str)."""
    proc = subprocess.run([CLI, *[str(a) for a in args]], capture_output=True, timeout=300)
    out = proc.stdout.decode("utf-8")
    err = proc.stderr.decode("utf-8")
    # Never a crash: no signal, no sanitizer report, no exception text.
    assert proc.returncode >= 0, "killed by signal %d: %s" % (-proc.returncode, err)
    assert "Sanitizer" not in err and "terminate called" not in err, err
    return proc.returncode, out, err


def expect_error(code, *args):
    """stderr of a run that must exit with `code` and a 'candor: error: ' message."""
    rc, out, err = run(*args)
    assert rc == code, (rc, out, err)
    assert err.startswith("candor: error: "), err
    assert len(err.strip()) > len("candor: error: ") + 5, err
    return err


# ---------------------------------------------------------------- CSV dialects
# A plain file (UTF-8, ',' delimiter, '.' decimals, ISO 8601 or epoch times)
# and the same table as a real-world export writes it: ';' delimiter, decimal
# commas, times in a custom format (UTC), Windows-1252 bytes. Every command
# that reads a CSV must give the same output for the two (with --delimiter ';'
# --decimal , --time-format DIALECT_TIME_FORMAT --encoding windows-1252).

DIALECT_TIME_FORMAT = "%d.%m.%Y %H:%M:%S"


def utc_seconds(text):
    """Unix seconds of an ISO 8601 time (no offset: UTC) or epoch seconds."""
    import datetime as dt
    text = text.strip()
    if text.lstrip("+-").isdigit():
        return int(text)
    parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    assert parsed.microsecond == 0, "fractional seconds have no place in %s" % DIALECT_TIME_FORMAT
    return int(parsed.timestamp())


def _plain_number(text):
    """A number with a '.' always (9 -> 9.0) so that the decimal comma is read."""
    try:
        float(text)
    except ValueError:
        return text  # empty, or text the command is to count as unreadable
    return text if ("." in text or "e" in text.lower()) else text + ".0"


def write_dialect_pair(source, folder, time_columns=(), number_columns=(), decimal=True,
                       time_format=True):
    """Writes folder/plain/<name> and folder/dialect/<name> from `source` (a
    CSV path, or a list of rows with the header first) and returns the two
    paths. The plain file keeps the source's times; its numbers get a '.'
    (integers as 9.0); text the encoding cannot hold is left out of both.
    With decimal=False or time_format=False the dialect file keeps '.'
    numbers or ISO times (for commands that read none)."""
    import calendar
    import csv
    import pathlib
    import time
    folder = pathlib.Path(folder)
    if isinstance(source, (str, os.PathLike)):
        name = os.path.basename(str(source))
        with open(source, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
    else:
        name = "input.csv"
        rows = [[str(v) for v in row] for row in source]
    header = rows[0]
    times = [header.index(c) for c in time_columns]
    numbers = [header.index(c) for c in number_columns]
    plain_rows, dialect_rows = [header], [header]
    for row in rows[1:]:
        row = [v.encode("cp1252", errors="ignore").decode("cp1252") for v in row]
        plain, dialect = list(row), list(row)
        for c in numbers:
            plain[c] = _plain_number(row[c])
            dialect[c] = plain[c].replace(".", ",") if decimal else plain[c]
        for c in times:
            if row[c].strip() and time_format:
                dialect[c] = time.strftime(DIALECT_TIME_FORMAT, time.gmtime(utc_seconds(row[c])))
                assert calendar.timegm(time.strptime(dialect[c], DIALECT_TIME_FORMAT)) == \
                    utc_seconds(row[c])
        plain_rows.append(plain)
        dialect_rows.append(dialect)
    paths = []
    for kind, out_rows, delimiter, encoding in (("plain", plain_rows, ",", "utf-8"),
                                                ("dialect", dialect_rows, ";", "cp1252")):
        (folder / kind).mkdir(parents=True, exist_ok=True)
        path = folder / kind / name
        with open(path, "w", newline="", encoding=encoding) as f:
            csv.writer(f, delimiter=delimiter, lineterminator="\n").writerows(out_rows)
        paths.append(path)
    return paths[0], paths[1]


def dialect_flags(decimal=True, time_format=True):
    """The options that read write_dialect_pair's dialect file."""
    flags = ["--delimiter", ";", "--encoding", "windows-1252"]
    if decimal:
        flags += ["--decimal", ","]
    if time_format:
        flags += ["--time-format", DIALECT_TIME_FORMAT]
    return flags
