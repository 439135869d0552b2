#!/usr/bin/python3
"""Writes data/examples/: the small synthetic files that README.md's command
lines read (a population, a survey with a churn outcome, accounts and their
history for a scorecard, tickets, case events, a re-survey), so that every
README command runs as written from the repository root
(tests/cli/test_readme_commands.py runs them all).

All synthetic, made by us. The population and the survey with an outcome are
derived from data/sample/survey.csv (itself synthetic); the rest comes from
one random.Random(seed), using only random() (stable for an integer seed since
Python 3.2), so the files are the same on any machine.

Usage: /usr/bin/python3 scripts/make_examples.py [--out DIR]
"""

import argparse
import csv
import datetime
import json
import math
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 20261207


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2)
        f.write("\n")


def survey_rows():
    with open(os.path.join(ROOT, "data", "sample", "survey.csv"), newline="",
              encoding="utf-8") as f:
        return list(csv.DictReader(f))


def population(out, survey):
    """customers.csv: the sample's 300 accounts, one row each (the invited population)."""
    seen = {}
    for row in survey:
        seen.setdefault(row["account_id"], (row["region"], row["plan"]))
    write_csv(os.path.join(out, "customers.csv"), ["account_id", "region", "plan"],
              [(a, r, p) for a, (r, p) in sorted(seen.items())])


def survey_with_outcome(out, survey, rng):
    """my_survey.csv: the sample's first 2000 responses with a churned outcome
    (0/1, likelier after a low score) and the time column named submitted."""
    rows = []
    for row in survey[:2000]:
        score = int(row["score"])
        p = 1 / (1 + math.exp(-(-3.0 + 0.45 * (6 - score))))
        churned = 1 if rng.random() < p else 0
        rows.append((row["response_id"], row["timestamp"], row["account_id"], row["region"],
                     row["plan"], row["arr"], row["score"], row["comment"], churned))
    write_csv(os.path.join(out, "my_survey.csv"),
              ["response_id", "submitted", "account_id", "region", "plan", "arr", "score",
               "comment", "churned"], rows)
    write_json(os.path.join(out, "columns.json"),
               {"score": "score", "time": "submitted", "account": "account_id",
                "comment": "comment", "segments": ["region", "plan"], "arr": "arr",
                "outcome": "churned"})


CARD = {
    "version": 1,
    "measures": [
        {"name": "nps", "label": "Account NPS", "transform": "linear", "zero_at": -100,
         "full_at": 100, "weight": 2},
        {"name": "autopay", "label": "Automatic payment", "transform": "boolean"},
        {"name": "tickets", "label": "Open tickets", "transform": "linear", "zero_at": 10,
         "full_at": 0},
    ],
    "grades": [
        {"name": "healthy", "min_score": 70},
        {"name": "at risk", "min_score": 40},
        {"name": "critical", "min_score": None},
    ],
}


def accounts(out, rng):
    """accounts.csv (one row per account: measures, tenure in months, churned)
    and history.csv (monthly measures in 2026, churn after June), for card.json."""
    write_json(os.path.join(out, "card.json"), CARD)
    rows, history = [], []
    for i in range(1, 121):
        health = rng.random()
        nps = round(-100 + 200 * min(1, max(0, health + 0.3 * (rng.random() - 0.5))))
        autopay = 1 if rng.random() < 0.3 + 0.5 * health else 0
        tickets = int(10 * (1 - health) * rng.random())
        churned = 1 if rng.random() < 0.6 * (1 - health) else 0
        tenure = 1 + int(48 * rng.random() * (0.3 if churned else 1))
        rows.append(("A%03d" % i, nps, autopay, tickets, tenure, churned))
        for month in range(1, 7):
            drift = health + 0.05 * (month - 3) * (1 if i % 2 else -1)
            history.append(("A%03d" % i, "2026-%02d-01" % month,
                             round(-100 + 200 * min(1, max(0, drift))),
                             round(8 + 10 * rng.random(), 1), autopay,
                             int(10 * (1 - drift) * rng.random()) if drift < 1 else 0, churned))
    write_csv(os.path.join(out, "accounts.csv"),
              ["id", "nps", "autopay", "tickets", "tenure", "churned"], rows)
    write_csv(os.path.join(out, "history.csv"),
              ["id", "month", "nps", "nps_se", "autopay", "tickets", "churned_after_june"],
              history)


def tickets(out, rng):
    """tickets.csv (opened, first_reply in UTC) and support_calendar.json."""
    start = datetime.datetime(2026, 11, 2, 13, 0, tzinfo=datetime.timezone.utc)
    rows = []
    for i in range(1, 41):
        opened = start + datetime.timedelta(hours=int(24 * 40 * rng.random()),
                                            minutes=int(60 * rng.random()))
        reply = opened + datetime.timedelta(minutes=int(30 + 60 * 30 * rng.random()))
        rows.append(("T%03d" % i, opened.strftime("%Y-%m-%dT%H:%M:%SZ"),
                     reply.strftime("%Y-%m-%dT%H:%M:%SZ")))
    rows.sort(key=lambda r: r[1])
    write_csv(os.path.join(out, "tickets.csv"), ["id", "opened", "first_reply"], rows)
    write_json(os.path.join(out, "support_calendar.json"),
               {"time_zone": "America/New_York", "open": "09:00", "close": "17:00",
                "weekdays": [0, 1, 2, 3, 4], "holidays": ["2026-11-26", "2026-12-25"]})


def cases(out, rng):
    """case_events.csv (opened, on_hold, resumed, first_contact, closed) and calendar.json."""
    start = datetime.datetime(2026, 11, 30, 8, 0, tzinfo=datetime.timezone.utc)
    rows = []
    for i in range(1, 31):
        t = start + datetime.timedelta(hours=int(24 * 5 * rng.random()))
        owner = ("dana", "lee", "sam")[int(3 * rng.random())]
        team = "billing" if rng.random() < 0.5 else "support"
        case = "C%03d" % i
        rows.append((case, t, "opened", owner, team))
        if rng.random() < 0.2:
            t += datetime.timedelta(hours=1 + int(3 * rng.random()))
            rows.append((case, t, "on_hold", "", ""))
            t += datetime.timedelta(hours=2 + int(20 * rng.random()))
            rows.append((case, t, "resumed", "", ""))
        t += datetime.timedelta(minutes=int(30 + 60 * 12 * rng.random()))
        rows.append((case, t, "first_contact", "", ""))
        if rng.random() < 0.7:
            t += datetime.timedelta(hours=1 + int(48 * rng.random()))
            rows.append((case, t, "closed", "", ""))
    rows.sort(key=lambda r: (r[1], r[0]))
    write_csv(os.path.join(out, "case_events.csv"), ["case_id", "time", "event", "owner", "team"],
              [(c, t.strftime("%Y-%m-%dT%H:%M:%SZ"), e, o, m) for c, t, e, o, m in rows])
    write_json(os.path.join(out, "calendar.json"),
               {"time_zone": "Europe/Berlin", "open": "09:00", "close": "17:00",
                "weekdays": [0, 1, 2, 3, 4], "holidays": ["2026-12-25"]})


def resurvey(out, rng):
    """resurvey.csv: detractors re-surveyed later, followed up or not."""
    rows = []
    for _ in range(200):
        first = int(7 * rng.random())
        segment = ("smb", "mid", "enterprise")[int(3 * rng.random())]
        followed = 1 if rng.random() < 0.3 + 0.05 * first else 0
        rescore = min(10, max(0, round(first + 1.5 * followed + 4 * (rng.random() - 0.3))))
        rows.append((rescore, followed, first, segment))
    write_csv(os.path.join(out, "resurvey.csv"),
              ["rescore", "followed_up", "first_score", "segment"], rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "data", "examples"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    import random
    rng = random.Random(SEED)
    survey = survey_rows()
    population(args.out, survey)
    survey_with_outcome(args.out, survey, rng)
    accounts(args.out, rng)
    tickets(args.out, rng)
    cases(args.out, rng)
    resurvey(args.out, rng)


if __name__ == "__main__":
    main()
