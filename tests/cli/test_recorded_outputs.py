"""The command line's outputs on the bundled sample, byte for byte, against
files recorded before the code moved (issue 12: the CLI left examples/,
options moved into tables). A difference here is a change of behaviour: if it
is intended, say so in the commit and re-record with

  CANDOR_RECORD=1 /usr/bin/python3 -m pytest tests/cli/test_recorded_outputs.py

(with CANDOR_CLI pointing at the binary), then review the diff of
tests/cli/recorded/.
"""
import hashlib
import os
import re

import pytest

from cli_helpers import SOURCE_DIR, run

SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")
TAXONOMY = os.path.join(SOURCE_DIR, "data", "taxonomies", "cx_starter.json")
RECORDED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "recorded")

# name -> arguments; every output must be deterministic (fixed seeds).
COMMANDS = {
    "report_text": ["report"],
    "report_json": ["report", SAMPLE, "--format", "json"],
    "score_table": ["score", SAMPLE],
    "score_by_region": ["score", SAMPLE, "--metric", "nps", "--by", "region",
                        "--interval", "adjusted_wald", "--format", "table"],
    "score_csat_bayes_json": ["score", SAMPLE, "--metric", "csat", "--scale", "0:10",
                              "--box", "3", "--interval", "bayes", "--by", "plan,region",
                              "--format", "json"],
    "score_weighted_csv": ["score", SAMPLE, "--weight-column", "weight", "--by", "plan",
                           "--p-adjust", "bh", "--format", "csv"],
    "score_bootstrap": ["score", SAMPLE, "--interval", "bootstrap", "--replicates", "500",
                        "--seed", "7"],
    "score_raked": ["score", SAMPLE, "--population", SAMPLE, "--margin", "region",
                    "--margin", "plan", "--account-column", "account_id"],
    "trend_month_paris": ["trend", SAMPLE, "--every", "month", "--tz", "Europe/Paris",
                          "--change-points"],
    "trend_week_json": ["trend", SAMPLE, "--every", "week", "--window-days", "28",
                        "--half-life-days", "14", "--format", "json"],
    "trend_accounts_csv": ["trend", SAMPLE, "--account-column", "account_id", "--accounts",
                           "--format", "csv"],
    "trend_by_region": ["trend", SAMPLE, "--every", "quarter", "--by", "region",
                        "--format", "csv"],
    "weight_poststratify": ["weight", SAMPLE, "--method", "poststratify", "--population",
                            SAMPLE, "--margin", "region"],
    "weight_rake_json": ["weight", SAMPLE, "--method", "rake", "--population", SAMPLE,
                         "--margin", "region", "--margin", "plan", "--format", "json"],
    "weight_recency": ["weight", SAMPLE, "--method", "recency", "--half-life", "90",
                       "--reference-time", "2026-01-01T00:00:00Z"],
    "weight_accounts_by_value": ["weight", SAMPLE, "--method", "accounts", "--account-column",
                                 "account_id", "--account-mode", "by_value", "--value-column",
                                 "arr", "--trim-ratio", "5"],
    "themes_taxonomy": ["themes", SAMPLE, "--taxonomy", TAXONOMY, "--score-column", "score",
                        "--time-column", "timestamp", "--threads", "1"],
    "themes_taxonomy_json": ["themes", SAMPLE, "--taxonomy", TAXONOMY, "--score-column",
                             "score", "--format", "json", "--threads", "2"],
    "themes_discovered": ["themes", SAMPLE, "--themes", "6", "--seed", "3", "--threads", "1"],
    "themes_comments_csv": ["themes", SAMPLE, "--taxonomy", TAXONOMY, "--format", "csv",
                            "--threads", "2"],
    # The help texts: generated from the option tables, they must not drift.
    "help": ["help"],
    "help_score": ["help", "score"],
    "help_report": ["help", "report"],
    "help_weight": ["help", "weight"],
    "help_trend": ["help", "trend"],
    "help_themes": ["help", "themes"],
    "score_dash_h": ["score", "-h"],
}


# Outputs larger than this (weighted files, one row per comment) are kept as
# their SHA-256 and length, not as text.
LARGEST_KEPT = 100_000


def _path(name, stream):
    return os.path.join(RECORDED, "%s.%s" % (name, stream))


def _kept(text):
    data = text.encode("utf-8")
    if len(data) <= LARGEST_KEPT:
        return text
    return "sha256 %s bytes %d\n" % (hashlib.sha256(data).hexdigest(), len(data))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_output_is_the_recorded_one(name):
    code, out, err = run(*COMMANDS[name])
    # Paths differ between checkouts: compare them as the repository root.
    out = out.replace(SOURCE_DIR, "<source>")
    # The report names the version, which every release bumps.
    out = re.sub(r'("candor_version": ")[0-9.]+(")|(; candor )[0-9.]+$',
                 lambda m: (m.group(1) or m.group(3)) + "<version>" + (m.group(2) or ""),
                 out, flags=re.M)
    err = err.replace(SOURCE_DIR, "<source>")
    got = {"out": _kept(out), "err": _kept(err), "code": "%d\n" % code}
    if os.environ.get("CANDOR_RECORD") == "1":
        os.makedirs(RECORDED, exist_ok=True)
        for stream, text in got.items():
            with open(_path(name, stream), "w", encoding="utf-8", newline="") as f:
                f.write(text)
    assert code == 0, err
    for stream, text in got.items():
        with open(_path(name, stream), encoding="utf-8", newline="") as f:
            recorded = f.read()
        assert text == recorded, "%s: %s differs from tests/cli/recorded/" % (name, stream)
