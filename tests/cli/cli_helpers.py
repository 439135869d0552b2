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
