"""The repository is self-contained: no file refers to documents outside it.

A person who clones candor has only the repository. Comments, READMEs and
build files that point at a design note or a references file kept next to the
checkout (../shared/..., an absolute /work/... path) send that person to a
file they do not have. The design lives in docs/ARCHITECTURE.md and the
published sources in docs/REFERENCES.md.
"""
import os
import pathlib
import re
import subprocess

ROOT = pathlib.Path(os.environ.get("CANDOR_SOURCE_DIR")
                    or pathlib.Path(__file__).resolve().parents[2])
THIS_FILE = pathlib.Path(__file__).resolve()

# What a reference to something outside the repository looks like.
OUTSIDE = [
    ("a folder next to the checkout", re.compile(r"\.\./shared\b")),
    ("an absolute path into the workspace", re.compile(r"(?<![\w.$}\-])/work/")),
    ("the references file outside the repo", re.compile(r"STATS-REFERENCES")),
    ("the design note outside the repo", re.compile(r"shared/DESIGN")),
]
# A bare DESIGN.md is outside too, as long as the repository has none.
BARE_DESIGN = ("a DESIGN.md the repository does not have", re.compile(r"\bDESIGN\.md\b"))

SKIPPED_DIRS = {".git", "build", "__pycache__", "node_modules"}


def tracked_files(root):
    """The files git tracks under `root`, or every file outside build trees."""
    try:
        listing = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], capture_output=True,
                                 timeout=60, check=True).stdout
        return [root / name for name in listing.decode("utf-8").split("\0") if name]
    except (OSError, subprocess.SubprocessError):
        files = []
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("build")]
            files.extend(pathlib.Path(folder) / name for name in names)
        return files


def outside_references(root, files):
    """(path:line, what, text) for every line of `files` that refers outside."""
    patterns = list(OUTSIDE)
    if not any(path.name == "DESIGN.md" for path in files):
        patterns.append(BARE_DESIGN)
    found = []
    for path in files:
        if path.resolve() == THIS_FILE or not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        for number, line in enumerate(text.splitlines(), 1):
            what = next((what for what, pattern in patterns if pattern.search(line)), None)
            if what:
                found.append(("%s:%d" % (path.relative_to(root), number), what, line.strip()))
    return found


def test_no_file_refers_outside_the_repository():
    files = tracked_files(ROOT)
    assert len(files) > 100, "found only %d files under %s" % (len(files), ROOT)
    found = outside_references(ROOT, files)
    assert not found, "files refer outside the repository (use docs/ARCHITECTURE.md or " \
        "docs/REFERENCES.md):\n" + "\n".join("  %s (%s): %s" % f for f in found)


def test_the_check_catches_each_kind_of_reference(tmp_path):
    lines = ["// see ../shared/notes.md", "# /work/shared/x.md", "STATS-REFERENCES section 4",
             "see shared/DESIGN.md", "The C ABI follows DESIGN.md."]
    for i, line in enumerate(lines):
        (tmp_path / ("f%d.txt" % i)).write_text("fine\n" + line + "\n")
    (tmp_path / "clean.txt").write_text("build/fuzz/work/run and $build_dir/work/ci are fine\n")
    files = sorted(tmp_path.iterdir())
    found = outside_references(tmp_path, files)
    assert [where for where, _, _ in found] == ["f%d.txt:2" % i for i in range(len(lines))]
    # With a DESIGN.md in the tree, naming it is a reference inside.
    (tmp_path / "DESIGN.md").write_text("the design\n")
    found = outside_references(tmp_path, sorted(tmp_path.iterdir()))
    assert [where for where, _, _ in found] == ["f%d.txt:2" % i for i in range(len(lines) - 1)]
