"""candor report's progress bar and Ctrl-C: the bar is drawn on stderr only
when stderr is a terminal (a pseudo-terminal here) and not --quiet, erased at
the end; SIGINT while reading stops with exit code 130 and a message.
CANDOR_PROGRESS_AFTER_MS=0 shows the bar at once (it waits a second
otherwise), so the test files can be small."""
import os
import pty
import select
import signal
import subprocess
import time

from cli_helpers import CLI


def big_csv(tmp_path, megabytes):
    path = tmp_path / "big.csv"
    row = b"7,2024-05-01,EU,fine\n"
    with open(path, "wb") as out:
        out.write(b"score,time,region,comment\n")
        out.write(row * (megabytes * 1_000_000 // len(row)))
    return path


def run_on_a_terminal(args, interrupt_when_drawn=False):
    """(exit code, stdout, what the terminal showed on stderr). Both are read
    as they come: a command whose output fills the pipe would otherwise block
    until the deadline."""
    master, slave = pty.openpty()
    env = dict(os.environ, CANDOR_PROGRESS_AFTER_MS="0")
    proc = subprocess.Popen([CLI, *map(str, args)], stdout=subprocess.PIPE, stderr=slave,
                            env=env)
    os.close(slave)
    shown = b""
    out = b""
    open_ends = {master, proc.stdout.fileno()}
    interrupted = False
    deadline = time.monotonic() + 120
    while open_ends and time.monotonic() < deadline:
        ready, _, _ = select.select(list(open_ends), [], [], 0.05)
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the terminal's other end closed
                chunk = b""
            if not chunk:
                open_ends.discard(fd)
            elif fd == master:
                shown += chunk
            else:
                out += chunk
        if interrupt_when_drawn and not interrupted and b"reading" in shown:
            proc.send_signal(signal.SIGINT)
            interrupted = True
        if not ready and proc.poll() is not None:
            break
    out += proc.communicate(timeout=120)[0]
    os.close(master)
    return proc.returncode, out.decode(), shown.decode("utf-8", "replace")


def test_the_bar_shows_on_a_terminal_and_is_erased(tmp_path):
    path = big_csv(tmp_path, 20)
    rc, out, shown = run_on_a_terminal(["report", path, "--format", "json"])
    assert rc == 0, shown
    assert '"n": ' in out or '"overall"' in out
    assert "reading " in shown and "MB/s" in shown and "% " in shown, shown
    assert shown.endswith("\r\x1b[K"), repr(shown[-40:])  # the line is erased


def test_quiet_draws_nothing(tmp_path):
    path = big_csv(tmp_path, 20)
    rc, out, shown = run_on_a_terminal(["report", path, "--quiet"])
    assert rc == 0, shown
    assert shown == ""


def test_no_bar_when_stderr_is_not_a_terminal(tmp_path):
    path = big_csv(tmp_path, 20)
    env = dict(os.environ, CANDOR_PROGRESS_AFTER_MS="0")
    proc = subprocess.run([CLI, "report", str(path)], capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0
    assert proc.stderr == b""


def test_ctrl_c_while_reading_stops_with_130(tmp_path):
    path = big_csv(tmp_path, 60)
    rc, out, shown = run_on_a_terminal(["report", path], interrupt_when_drawn=True)
    assert rc == 130, shown
    assert out == ""
    assert "candor: error: interrupted (Ctrl-C): '%s': cancelled" % path in shown, shown


def comments_csv(tmp_path, rows):
    """Comments on four topics (theme discovery finds them)."""
    topics = [["delivery", "late", "courier", "package"], ["refund", "charged", "invoice", "billing"],
              ["app", "crashes", "login", "screen"], ["staff", "friendly", "helpful", "support"]]
    path = tmp_path / "comments.csv"
    with open(path, "w") as out:
        out.write("comment\n")
        for i in range(rows):
            t = topics[i % 4]
            out.write("%s %s %s w%d\n" % (t[i % 4], t[(i + 1) % 4], t[(i + 2) % 4], i % 97))
    return path


def test_themes_draws_its_bars_on_a_terminal(tmp_path):
    path = comments_csv(tmp_path, 3000)
    rc, out, shown = run_on_a_terminal(["themes", path, "--themes", "4"])
    assert rc == 0, shown
    assert "analyzing comments [" in shown, shown
    assert "discovering themes [" in shown and "%" in shown, shown
    assert shown.endswith("\r\x1b[K"), repr(shown[-40:])


def test_themes_no_bar_when_not_a_terminal_or_quiet(tmp_path):
    path = comments_csv(tmp_path, 3000)
    env = dict(os.environ, CANDOR_PROGRESS_AFTER_MS="0")
    proc = subprocess.run([CLI, "themes", str(path), "--themes", "4"], capture_output=True,
                          env=env, timeout=120)
    assert proc.returncode == 0
    assert proc.stderr == b""
    rc, out, shown = run_on_a_terminal(["themes", path, "--themes", "4", "--quiet"])
    assert rc == 0 and shown == ""


def test_ctrl_c_while_discovering_themes_stops_with_130(tmp_path):
    path = comments_csv(tmp_path, 60000)
    master, slave = pty.openpty()
    env = dict(os.environ, CANDOR_PROGRESS_AFTER_MS="0")
    proc = subprocess.Popen([CLI, "themes", str(path)], stdout=subprocess.PIPE, stderr=slave,
                            env=env)
    os.close(slave)
    shown = b""
    sent = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.02)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
            if sent is None and b"discovering themes [" in shown:
                proc.send_signal(signal.SIGINT)
                sent = time.monotonic()
        elif proc.poll() is not None:
            break
    proc.wait(timeout=120)
    latency = time.monotonic() - sent if sent is not None else None
    os.close(master)
    text = shown.decode("utf-8", "replace")
    assert sent is not None, text
    assert proc.returncode == 130, text
    assert "interrupted (Ctrl-C): theme discovery: cancelled by the progress callback" in text, text
    assert latency < 1.0, latency  # the whole discovery takes tens of seconds


def weight_files(tmp_path, rows):
    """Responses and an invited population with region and plan (candor weight)."""
    regions, plans = ["north", "south", "east"], ["basic", "pro"]
    population = tmp_path / "population.csv"
    responses = tmp_path / "responses.csv"
    with open(population, "w") as pop, open(responses, "w") as resp:
        pop.write("customer,region,plan\n")
        resp.write("score,region,plan\n")
        for i in range(rows):
            region, plan = regions[i % 3], plans[(i // 3) % 2]
            pop.write("%d,%s,%s\n" % (i, region, plan))
            if i % 7 < (2 if region == "north" else 4) + (plan == "pro"):
                resp.write("%d,%s,%s\n" % (i % 11, region, plan))
    return responses, population


def test_weight_draws_its_bar_on_a_terminal_and_quiet_does_not(tmp_path):
    responses, population = weight_files(tmp_path, 300000)
    args = ["weight", responses, "--method", "rake", "--population", population,
            "--margin", "region,plan"]
    rc, out, shown = run_on_a_terminal(args)
    assert rc == 0, shown
    assert out.startswith("score,region,plan,candor_weight"), out[:80]
    assert "raking [" in shown and "/100" in shown, shown
    assert "\r\x1b[K" in shown  # the bar's line is erased before the diagnostics
    rc, out, shown = run_on_a_terminal(args + ["--quiet"])
    assert rc == 0 and "raking [" not in shown, shown
    env = dict(os.environ, CANDOR_PROGRESS_AFTER_MS="0")
    proc = subprocess.run([CLI, *map(str, args)], capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0
    assert b"raking [" not in proc.stderr and b"\x1b[K" not in proc.stderr


def test_score_bootstrap_draws_a_bar_on_a_terminal(tmp_path):
    path = tmp_path / "weighted.csv"
    with open(path, "w") as out:
        out.write("score,weight\n")
        for i in range(200000):
            out.write("%d,%.2f\n" % (i % 11, 0.5 + (i % 7) / 4))
    args = ["score", path, "--weight-column", "weight", "--interval", "bootstrap",
            "--replicates", "200", "--format", "json"]
    rc, out, shown = run_on_a_terminal(args)
    assert rc == 0, shown
    assert '"value"' in out
    assert "bootstrapping [" in shown and "/200" in shown, shown
    assert shown.endswith("\r\x1b[K"), repr(shown[-40:])
    rc, out, shown = run_on_a_terminal(args + ["--quiet"])
    assert rc == 0 and shown == "", shown
    # No bootstrap, no bar.
    rc, out, shown = run_on_a_terminal(["score", path, "--format", "json"])
    assert rc == 0 and "bootstrapping" not in shown, shown
