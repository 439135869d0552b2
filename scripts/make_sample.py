#!/usr/bin/python3
"""Writes the synthetic NPS survey sample: data/sample/survey.csv and README.md.

Synthetic data with known structure, so that a report on it has something true
to find:
  - APAC accounts on the starter plan are less happy than everyone else;
  - an outage on 2025-08-12 depresses scores for the rest of August;
  - champions score higher than users, decision makers in between.

Reproducible on any machine: only the standard library, one random.Random(seed),
and only its random() method (whose stream for an integer seed has been stable
since Python 3.2); every distribution below is built from it by hand.

Usage: /usr/bin/python3 scripts/make_sample.py [--seed N] [--out DIR]
"""

import argparse
import csv
import datetime
import math
import os

SEED = 20250101
N_ACCOUNTS = 300
N_RESPONSES = 6000
YEAR_START = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
YEAR_END = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
OUTAGE_START = datetime.datetime(2025, 8, 12, 6, 0, tzinfo=datetime.timezone.utc)
OUTAGE_END = datetime.datetime(2025, 9, 1, tzinfo=datetime.timezone.utc)

REGIONS = [("NA", 0.40), ("EMEA", 0.30), ("APAC", 0.20), ("LATAM", 0.10)]
ROLES = [("user", 0.65), ("champion", 0.20), ("decision maker", 0.15)]
PRICE_PER_SEAT = {"starter": 240, "pro": 600, "enterprise": 1100}
# Local UTC offsets (minutes) written on some timestamps, by region.
OFFSETS = {"NA": [-300, -360, -420, -480], "EMEA": [0, 60, 120], "APAC": [330, 480, 540, 600],
           "LATAM": [-180, -300]}
# Design weights: inverse of how readily each group answers (users answer least).
ROLE_WEIGHT = {"user": 1.6, "champion": 0.7, "decision maker": 1.1}
REGION_WEIGHT = {"NA": 0.9, "EMEA": 1.0, "APAC": 1.3, "LATAM": 1.5}

FEATURES = ["dashboard", "export", "API", "SSO", "reporting", "mobile app", "Slack integration",
            "audit log", "bulk edit"]

PRAISE = {
    "support": ["Support answered within the hour, great job.",
                "The support team is fast and actually knows the product.",
                "Every ticket we opened was solved the same day."],
    "pricing": ["Fair price for what we get.",
                "Good value compared with the tools we used before."],
    "onboarding": ["Onboarding was smooth; the team was up and running in {days} days.",
                   "The onboarding calls were excellent."],
    "bugs": ["Very few bugs, and the ones we hit were fixed quickly."],
    "reliability": ["Rock solid. No downtime that we noticed.",
                    "Reliable and fast, even at month end."],
    "features": ["Love the new {feature} feature!",
                 "The {feature} saves my team hours every week.",
                 "Does everything we need, and the {feature} is best in class."],
}
MILD = {
    "support": ["Good product, but support can take a day or two to reply.",
                "Support is friendly but slow."],
    "pricing": ["Works well, though the price went up more than we expected.",
                "Useful, but the per-seat pricing hurts as we grow."],
    "onboarding": ["Fine once set up; onboarding took longer than promised."],
    "bugs": ["A few annoying bugs in the {feature}, otherwise good."],
    "reliability": ["Mostly reliable. Occasional slowness in the afternoons."],
    "features": ["Solid, but we still miss a proper {feature}.",
                 "Would score higher with a better {feature}."],
}
COMPLAINT = {
    "support": ["Support takes {days} days to reply to tickets.",
                "We opened a P1 ticket and waited {days} days for an answer.",
                "Support keeps closing tickets without solving them."],
    "pricing": ["Too expensive for a team of our size.",
                "The renewal quote was {pct}% higher. Not acceptable."],
    "onboarding": ["Onboarding was confusing and the docs are out of date.",
                   "Nobody helped us set it up; we did the onboarding ourselves."],
    "bugs": ["The {feature} keeps crashing.",
             "Bugs everywhere: the {feature} loses data when two people edit."],
    "reliability": ["Too much downtime this quarter.",
                    "The app is slow and times out during our busiest hours."],
    "features": ["Still no {feature}, which every competitor has.",
                 "The {feature} we were promised a year ago is still missing."],
}
OUTAGE = ["The outage on August 12 stopped our whole team for a day.",
          "Down for hours on 12 August and no status updates. Unacceptable.",
          "After the August outage we are reviewing alternatives.",
          "Lost a day of work in the outage; the post-mortem was vague."]
URGENT = ["If this is not fixed by the end of the month we will cancel.",
          "We are switching to a competitor next quarter.",
          "Seriously considering cancelling our contract.",
          "We will cancel at renewal unless pricing changes.",
          "Our CFO asked us to find a replacement. Switching to a competitor soon."]
# Comments that exercise CSV quoting, Unicode and line breaks.
TRICKY = ['The "quick fix" took three weeks, and nobody followed up.',
          "Two things:\n1. slow support\n2. the price went up",
          "Great product 👍 but the {feature} is slow",
          "Support was amazing 🚀🚀",
          "Downtime again 😡 we will cancel if it continues",
          'Called it "enterprise-ready", it is not.',
          "Works, mostly.\nExcept the {feature}, which doesn't, ever.",
          "Très bien, merci — the new {feature} is great",
          "Pricing: fine. Support: slow. Bugs: many, e.g. the {feature}, the login, the export."]


class Draws:
  """Distributions built from random.Random.random() alone (stable across versions)."""

  def __init__(self, seed):
    import random
    self._rng = random.Random(seed)

  def uniform(self, low=0.0, high=1.0):
    return low + (high - low) * self._rng.random()

  def index(self, n):
    return min(int(self._rng.random() * n), n - 1)

  def choice(self, items):
    return items[self.index(len(items))]

  def weighted(self, pairs):
    """pairs: [(item, weight)]."""
    total = sum(w for _, w in pairs)
    u = self._rng.random() * total
    for item, w in pairs:
      u -= w
      if u < 0:
        return item
    return pairs[-1][0]

  def normal(self, mean=0.0, sd=1.0):
    # Box-Muller; 1 - random() is in (0, 1], so the log is finite.
    u1 = 1.0 - self._rng.random()
    u2 = self._rng.random()
    return mean + sd * math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

  def pareto(self, alpha):
    # Inverse CDF of Pareto(alpha) with minimum 1.
    return (1.0 - self._rng.random()) ** (-1.0 / alpha)

  def chance(self, p):
    return self._rng.random() < p


def make_accounts(draws):
  accounts = []
  for i in range(N_ACCOUNTS):
    # Heavy-tailed seats (Pareto, alpha 1.1): most accounts are small, a few huge.
    seats = min(int(round(4 * draws.pareto(1.1))), 40000)
    if seats < 25:
      plan = draws.weighted([("starter", 0.8), ("pro", 0.2)])
    elif seats < 250:
      plan = draws.weighted([("starter", 0.2), ("pro", 0.65), ("enterprise", 0.15)])
    else:
      plan = draws.weighted([("pro", 0.3), ("enterprise", 0.7)])
    region = draws.weighted(REGIONS)
    arr = int(round(seats * PRICE_PER_SEAT[plan] * draws.uniform(0.7, 1.3), -1))
    # Each account has its own mood; APAC starter accounts are unhappier (less
    # support coverage in their time zones, in this story).
    mood = draws.normal(0.0, 0.8)
    if region == "APAC" and plan == "starter":
      mood -= 1.3
    accounts.append({"id": "ACC-%04d" % (i + 1), "seats": seats, "plan": plan,
                     "region": region, "arr": arr, "mood": mood})
  return accounts


def format_time(draws, when, region):
  """ISO 8601: mostly UTC with Z, some in the account's local offset."""
  if draws.chance(0.25):
    minutes = draws.choice(OFFSETS[region])
    local = when.astimezone(datetime.timezone(datetime.timedelta(minutes=minutes)))
    if local.year != YEAR_START.year:  # keep every written date inside 2025
      return when.strftime("%Y-%m-%dT%H:%M:%SZ")
    text = local.strftime("%Y-%m-%dT%H:%M:%S%z")
    return text[:-2] + ":" + text[-2:]
  return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def make_comment(draws, score, theme, in_outage):
  if draws.chance(0.18):
    return ""
  fill = {"days": draws.choice([2, 3, 4, 5, 7, 10]), "pct": draws.choice([15, 20, 30, 40]),
          "feature": draws.choice(FEATURES)}
  if draws.chance(0.04):
    return draws.choice(TRICKY).format(**fill)
  if score <= 6:
    if in_outage and draws.chance(0.5):
      text = draws.choice(OUTAGE)
    else:
      text = draws.choice(COMPLAINT[theme])
    if score <= 3 and draws.chance(0.35):
      text += " " + draws.choice(URGENT)
    return text.format(**fill)
  if score <= 8:
    return draws.choice(MILD[theme]).format(**fill)
  return draws.choice(PRAISE[theme]).format(**fill)


def make_responses(draws, accounts):
  # Bigger accounts send more responses, less than proportionally (seats^0.6).
  account_weights = [(a, a["seats"] ** 0.6) for a in accounts]
  seconds = int((YEAR_END - YEAR_START).total_seconds())
  rows = []
  for _ in range(N_RESPONSES):
    account = draws.weighted(account_weights)
    role = draws.weighted(ROLES)
    when = YEAR_START + datetime.timedelta(seconds=draws.index(seconds))
    in_outage = OUTAGE_START <= when < OUTAGE_END
    latent = 8.2 + account["mood"] + draws.normal(0.0, 1.7)
    latent += {"champion": 0.9, "decision maker": 0.3, "user": 0.0}[role]
    if in_outage:
      latent -= 1.5
    score = max(0, min(10, int(round(latent))))
    theme = draws.weighted([("support", 3), ("pricing", 2), ("onboarding", 1.5), ("bugs", 2),
                            ("reliability", 3 if in_outage else 1.5), ("features", 2)])
    weight = ROLE_WEIGHT[role] * REGION_WEIGHT[account["region"]] * draws.uniform(0.85, 1.15)
    weight = round(max(0.5, min(3.0, weight)), 3)
    rows.append({"when": when, "account": account, "role": role, "score": score,
                 "weight": weight,
                 "comment": make_comment(draws, score, theme, in_outage),
                 "timestamp": format_time(draws, when, account["region"])})
  rows.sort(key=lambda r: r["when"])
  return rows


COLUMNS = [
    ("response_id", "response identifier, R00001.. in time order"),
    ("timestamp", "when the response was submitted, ISO 8601; mostly UTC (`Z`), about a "
                  "quarter in the account's local offset (e.g. `+05:30`)"),
    ("account_id", "the customer account, ACC-0001..ACC-0300"),
    ("region", "account region: NA, EMEA, APAC, LATAM"),
    ("plan", "account plan: starter, pro, enterprise"),
    ("role", "respondent role: user, champion, decision maker"),
    ("seats", "licensed seats of the account (heavy-tailed: Pareto, alpha 1.1)"),
    ("arr", "annual recurring revenue of the account in USD"),
    ("weight", "design weight, 0.5..3 (inverse response propensity by role and region)"),
    ("score", "likelihood to recommend, integer 0..10"),
    ("comment", "free-text answer in English; empty for about a fifth of responses; some "
                "contain quotes, commas, line breaks and emoji"),
]


def write_csv(path, rows):
  with open(path, "w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow([name for name, _ in COLUMNS])
    for i, r in enumerate(rows):
      a = r["account"]
      writer.writerow(["R%05d" % (i + 1), r["timestamp"], a["id"], a["region"], a["plan"],
                       r["role"], a["seats"], a["arr"], "%.3f" % r["weight"], r["score"],
                       r["comment"]])


def write_readme(path, rows, seed):
  columns = "\n".join("| `%s` | %s |" % (name, text) for name, text in COLUMNS)
  text = f"""# Sample survey data (synthetic)

**This data is synthetic.** No real customer, account or response is in it. It was
generated by a seeded program so that examples, tests and `candor report` have
realistic data with a known truth to find.

Generated with (standard library only, same output on any machine):

```
/usr/bin/python3 scripts/make_sample.py --seed {seed}
```

`survey.csv`: {len(rows)} NPS survey responses from {N_ACCOUNTS} accounts, submitted
between 2025-01-01 and 2025-12-31. UTF-8, comma-separated, RFC 4180 quoting, `\\n` line
ends, one header row.

| column | meaning |
|---|---|
{columns}

## The structure built in

- **APAC starter accounts are unhappier**: their account-level mood is lowered by 1.3
  score points before rounding, so their NPS is well below the rest.
- **An outage on 2025-08-12** lowers every score from 06:00 UTC that day to the end of
  August by 1.5 points, and makes reliability and outage complaints more frequent, so
  August's NPS dips.
- **Roles differ**: champions score about 0.9 points higher than users, decision makers
  0.3 higher.
- Bigger accounts (more seats) send more responses, in proportion to seats^0.6.
- Weights are design weights (user 1.6, champion 0.7, decision maker 1.1, times a region
  factor, times noise, clipped to 0.5..3); they are not tied to the scores.
- Comments are drawn from templates by theme (support speed, pricing, onboarding, bugs,
  reliability, features) and tone (praise for 9-10, mild for 7-8, complaints for 0-6,
  some urgent or churn threats for 0-3).

Note for pandas users: `pd.read_csv` turns the region `NA` (North America) into a
missing value by default; pass `keep_default_na=False`.

Scores come from a rounded normal latent variable per response (account mood + role +
outage + noise), clipped to 0..10. Nothing else in the data is meaningful.
"""
  with open(path, "w", encoding="utf-8") as f:
    f.write(text)


def main():
  here = os.path.dirname(os.path.abspath(__file__))
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--seed", type=int, default=SEED)
  parser.add_argument("--out", default=os.path.join(here, "..", "data", "sample"))
  args = parser.parse_args()
  draws = Draws(args.seed)
  accounts = make_accounts(draws)
  rows = make_responses(draws, accounts)
  os.makedirs(args.out, exist_ok=True)
  write_csv(os.path.join(args.out, "survey.csv"), rows)
  write_readme(os.path.join(args.out, "README.md"), rows, args.seed)


if __name__ == "__main__":
  main()
