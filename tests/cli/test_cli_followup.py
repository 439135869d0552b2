"""candor followup: the queue in every format (JSON lines by the schema of
docs/followup-jsonl.md), the same cases as candor.followup, accounts,
contacts and rules files, and errors that name the problem."""
import json
import os

import pandas as pd
import pytest

import candor
from cli_helpers import SOURCE_DIR, expect_error, run

SAMPLE = os.path.join(SOURCE_DIR, "data", "sample", "survey.csv")
SCHEMA_FIELDS = {"case_id", "rank", "account", "category", "fire_alarm", "action", "owner",
                 "team", "due", "priority", "reasons", "urgency", "theme", "score", "respondent",
                 "responses", "lead_line", "first_time", "lead_time", "last_time", "themes"}


@pytest.fixture
def files(tmp_path):
    (tmp_path / "responses.csv").write_text(
        "score,time,account,respondent,role,urgency,theme\n"
        "3,2026-12-07T10:00:00Z,acme,r1,Champion,,billing\n"
        "1,2026-12-08T10:00:00Z,acme,r2,user,,\n"
        "8,2026-12-07T10:00:00Z,beta,r3,user,legal,\n"
        "10,2026-12-07T10:00:00Z,gamma,r4,user,,\n"
        "x,2026-12-07T10:00:00Z,gamma,r5,user,,\n"
        "5,,gamma,r6,user,,\n"
        "5,2026-12-07T10:00:00Z,nobody,r7,user,,\n"
        "5,2026-12-07T10:00:00Z,delta,r8,user,,\n"
        "2,2026-12-07T10:00:00Z,omega,r9,user,,\n")
    (tmp_path / "accounts.csv").write_text(
        "account,arr,renewal,health_change,owner,region,opt_out\n"
        "acme,100000,2027-01-01,-3,olga,EMEA,no\n"
        "beta,,,,,,no\n"
        "gamma,5000,,,,APAC,no\n"
        "delta,,,,,,no\n"
        "omega,,,,,,yes\n")
    (tmp_path / "contacts.csv").write_text("respondent,time\nr8,2026-12-01T00:00:00Z\n")
    (tmp_path / "rules.json").write_text(json.dumps({
        "routing": [{"when": {"urgency": "legal"}, "team": "legal", "members": ["dana"]},
                    {"account_owner": True},
                    {"team": "cs", "members": ["ann", "bob"]}],
        "calendar": {"time_zone": "Europe/Berlin"}}))
    return tmp_path


def args(files, *more):
    return ["followup", files / "responses.csv", "--accounts", files / "accounts.csv",
            "--contacts", files / "contacts.csv", "--rules", files / "rules.json", *more]


def test_jsonl_follows_the_schema_and_counts_go_to_stderr(files):
    rc, out, err = run(*args(files, "--format", "jsonl"))
    assert rc == 0, err
    cases = [json.loads(line) for line in out.splitlines()]
    assert [c["account"] for c in cases] == ["beta", "acme", "gamma"]
    for case in cases:
        assert set(case) == SCHEMA_FIELDS
        assert sum(r["points"] for r in case["reasons"]) == pytest.approx(case["priority"])
    beta, acme, gamma = cases
    assert beta["category"] == "fire_alarm" and beta["owner"] == "dana" and beta["team"] == "legal"
    assert beta["due"] == "2026-12-07T14:00:00Z"  # 11:00 Berlin + 4 business hours
    assert acme["owner"] == "olga" and acme["responses"] == 2 and acme["lead_line"] == 3
    assert acme["case_id"] == "acme@2026-12-07T10:00:00Z"
    assert [r["name"] for r in acme["reasons"]] == [
        "detractor", "very_low_score", "arr", "renewal", "health_decline", "repeat_detractor",
        "strategic_role"]
    assert gamma["owner"] == "ann" and gamma["action"] == "ask for a public review"
    assert err.startswith("candor: followup: 9 responses -> 3 cases (1 fire alarms); dropped: "
                          "1 invalid score, 1 invalid time, 1 no account, 1 opted out, "
                          "1 suppressed; 1 merged")


def test_json_csv_and_table_agree(files):
    rc, out, err = run(*args(files, "--format", "json"))
    assert rc == 0, err
    report = json.loads(out)
    assert report["counts"]["cases"] == 3 and report["counts"]["suppressed"] == 1
    rc, out_csv, err = run(*args(files, "--format", "csv"))
    assert rc == 0, err
    lines = out_csv.splitlines()
    assert lines[0].startswith("rank,case_id,account,category,action,owner,team,due,priority")
    assert [line.split(",")[2] for line in lines[1:]] == [c["account"] for c in report["cases"]]
    rc, table, err = run(*args(files))
    assert rc == 0, err
    assert "3 cases" in table and "olga" in table and "fire_alarm" in table


def test_same_cases_as_python(files):
    rc, out, err = run(*args(files, "--format", "jsonl"))
    assert rc == 0, err
    cli = [json.loads(line) for line in out.splitlines()]
    responses = pd.read_csv(files / "responses.csv", dtype={"urgency": str})
    accounts = pd.read_csv(files / "accounts.csv")
    accounts["opt_out"] = accounts.opt_out == "yes"
    contacts = pd.read_csv(files / "contacts.csv")
    queue = candor.followup(responses, accounts=accounts, contacts=contacts,
                            rules=str(files / "rules.json"))
    assert list(queue.account) == [c["account"] for c in cli]
    assert list(queue.priority) == [c["priority"] for c in cli]
    assert list(queue.owner) == [c["owner"] for c in cli]
    assert [t.strftime("%Y-%m-%dT%H:%M:%SZ") for t in queue.due] == [c["due"] for c in cli]


def test_several_themes_per_response_and_health_grades(tmp_path):
    (tmp_path / "responses.csv").write_text(
        "score,time,account,theme\n"
        "2,2026-12-07T10:00:00Z,acme,ux; billing ;ux\n"
        "9,2026-12-08T10:00:00Z,acme,speed\n"
        "3,2026-12-07T10:00:00Z,beta,speed\n"
        "4,2026-12-07T10:00:00Z,gamma,\n")
    (tmp_path / "accounts.csv").write_text("account,health_grade\nacme,A\nbeta,f\ngamma,\n")
    (tmp_path / "rules.json").write_text(json.dumps({
        "routing": [{"when": {"theme": "billing"}, "team": "billing", "members": ["eve"]},
                    {"when": {"theme": "speed"}, "team": "perf", "members": ["pat"]}],
        "default_owner": "cs"}))
    base = ["followup", tmp_path / "responses.csv", "--accounts", tmp_path / "accounts.csv",
            "--rules", tmp_path / "rules.json", "--theme-separator", ";"]
    rc, out, err = run(*base, "--format", "jsonl")
    assert rc == 0, err
    cases = [json.loads(line) for line in out.splitlines()]
    assert [c["account"] for c in cases] == ["acme", "beta", "gamma"]
    acme, beta, gamma = cases
    # The lead's themes (the merged "speed" is not the lead's), repeats once;
    # billing, its second, routes it.
    assert acme["themes"] == ["ux", "billing"] and acme["theme"] == "ux"
    assert acme["owner"] == "eve" and acme["team"] == "billing"
    assert beta["themes"] == ["speed"] and beta["owner"] == "pat"
    assert gamma["themes"] == [] and gamma["theme"] is None and gamma["owner"] == "cs"
    # Grade f (any case) is poor by default: detractor 30 + poor_health_grade 15.
    assert [r["name"] for r in beta["reasons"]] == ["detractor", "poor_health_grade"]
    assert beta["priority"] == 45
    rc, out, err = run(*base, "--format", "csv")
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0].endswith(",themes") and lines[1].endswith(",ux;billing")
    # Without the separator the field is one theme, as before.
    rc, out, err = run(*base[:-2], "--format", "jsonl")
    assert rc == 0, err
    first = json.loads(out.splitlines()[0])
    assert first["themes"] == ["ux; billing ;ux"] and first["owner"] == "cs"
    # The same as Python with the same separator.
    queue = candor.followup(pd.read_csv(tmp_path / "responses.csv"),
                            accounts=pd.read_csv(tmp_path / "accounts.csv"),
                            rules=str(tmp_path / "rules.json"), theme_separator=";")
    assert [list(t) for t in queue.themes] == [c["themes"] for c in cases]
    assert list(queue.owner) == [c["owner"] for c in cases]
    assert list(queue.priority) == [c["priority"] for c in cases]


def test_the_sample_runs_with_its_column_names():
    rc, out, err = run("followup", SAMPLE, "--format", "jsonl")
    assert rc == 0, err
    assert len(out.splitlines()) > 100
    first = json.loads(out.splitlines()[0])
    assert first["fire_alarm"]  # its comments are read for urgency


def test_errors_name_the_problem(files):
    (files / "bad.json").write_text('{"routing": [{"when": {"urgency": "late"}, "members": ["a"]}]}')
    err = expect_error(1, "followup", files / "responses.csv", "--rules", files / "bad.json")
    assert "bad.json" in err and "routing[0].when.urgency" in err
    err = expect_error(1, "followup", files / "responses.csv", "--score-column", "nps")
    assert "nps" in err
    err = expect_error(1, "followup", files / "responses.csv", "--contacts",
                       files / "contacts.csv", "--respondent-column", "who")
    assert "who" in err
    (files / "dup.csv").write_text("account\nacme\nacme\n")
    err = expect_error(1, "followup", files / "responses.csv", "--accounts", files / "dup.csv")
    assert "more than once" in err
    err = expect_error(2, "followup", files / "responses.csv", "--format", "xml")
    assert "--format" in err
    err = expect_error(2, "followup")
    assert "FILE" in err
