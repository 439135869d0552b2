"""Every `candor ...` command in README.md's shell code blocks runs as written:
from a scratch folder that stands for the repository root (links to its data/
and tests/ folders, so that files the commands write land in the scratch
folder), each must exit 0 and print something or write its --output file.
The README's files are the bundled sample (data/sample), the example files
(data/examples, scripts/make_examples.py) and test fixtures (tests/data)."""
import os
import re
import shlex
import subprocess

import pytest

from cli_helpers import CLI, SOURCE_DIR

README = os.path.join(SOURCE_DIR, "README.md")
FENCE = re.compile(r"^```(\w*)\s*$")
SHELL_BLOCKS = ("", "sh", "bash", "console", "shell")


def readme_commands():
    """[(line number, argv after 'candor')] of the README's shell code blocks;
    a line ending in a backslash continues on the next."""
    commands = []
    language = None  # None: outside a code block
    pending, start = "", 0
    with open(README, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            fence = FENCE.match(line)
            if fence:
                language = fence.group(1) if language is None else None
                continue
            if language not in SHELL_BLOCKS:
                continue
            if pending:
                pending += " " + line.strip()
            elif line.startswith("candor "):
                pending, start = line, number
            else:
                continue
            if pending.endswith("\\"):
                pending = pending[:-1].rstrip()
                continue
            argv = shlex.split(pending, comments=True)
            commands.append((start, argv[1:]))
            pending = ""
    return commands


COMMANDS = readme_commands()


def test_the_readme_has_its_commands():
    # A parsing slip must not make the test below pass on nothing.
    assert len(COMMANDS) >= 20, COMMANDS
    assert all(argv for _, argv in COMMANDS)


@pytest.mark.parametrize("line,argv", COMMANDS, ids=["line%d" % n for n, _ in COMMANDS])
def test_readme_command_runs_as_written(line, argv, tmp_path):
    for folder in ("data", "tests"):
        os.symlink(os.path.join(SOURCE_DIR, folder), tmp_path / folder)
    proc = subprocess.run([os.path.abspath(CLI), *argv], cwd=tmp_path, capture_output=True,
                          timeout=600)
    rc, out, err = proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert rc >= 0, "README.md line %d: killed by signal %d" % (line, -rc)
    assert rc == 0, "README.md line %d: candor %s\nexit %d\n%s" % (
        line, " ".join(argv), rc, err)
    written = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-o", "--output")]
    if written:
        for name in written:
            assert (tmp_path / name).stat().st_size > 0, name
    else:
        assert out.strip(), "README.md line %d printed nothing" % line
