#!/usr/bin/env bash
# Peer sentiment baselines for issue 5: VADER (npm vader-sentiment) and AFINN
# (npm sentiment) on the 4,000 fine-food reviews of bench/data, in one run.
# Prints a markdown table of the area under the ROC curve of each score against
# score == "great" (sklearn, cross-checked by a mean-rank AUC in numpy), a seeded
# bootstrap interval over reviews, the per-product AUC range where products have
# both classes, and reviews per second (median of REPS timed passes).
#
#   bench/run_sentiment_peers.sh            # REPS=5
#   REPS=3 bench/run_sentiment_peers.sh
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
CSV=${CSV:-$ROOT/bench/data/fine_foods_train.csv}
OUT=${OUT:-$ROOT/bench/out}
REPS=${REPS:-5}
BOOT=${BOOT:-1000}

install_sentiment_peers
mkdir -p "$OUT"

load_line "load before"
node "$SENTIMENT_PEERS/score.js" "$CSV" "$OUT/sentiment_peers.json" "$REPS"
load_line "load after"
echo

"$PYTHON" - "$CSV" "$OUT/sentiment_peers.json" "$BOOT" <<'PY'
import csv
import json
import sys

import numpy as np
from sklearn.metrics import roc_auc_score

csv_path, json_path = sys.argv[1:3]
BOOT = int(sys.argv[3])  # bootstrap resamples of reviews (seeded) for the AUC interval
with open(json_path) as f:
    run = json.load(f)

# The JavaScript CSV parser is checked against Python's csv module.
with open(csv_path, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == run["n"], (len(rows), run["n"])
assert [r["score"] for r in rows] == run["columns"]["score"]
assert [r["product"] for r in rows] == run["columns"]["product"]

great = np.array([r["score"] == "great" for r in rows])
product = np.array([r["product"] for r in rows])


def mean_rank_auc(y, s):
  """Mann-Whitney form: (mean rank of positives - (n1 + 1) / 2) / n0, ties mid-ranked."""
  values, inverse, counts = np.unique(s, return_inverse=True, return_counts=True)
  r = (np.cumsum(counts) - (counts - 1) / 2)[inverse]  # mid-ranks, 1-based
  n1 = y.sum()
  n0 = len(y) - n1
  return (r[y].mean() - (n1 + 1) / 2) / n0


print(f"{run['n']} reviews, {great.mean():.1%} great; "
      f"node {run['node']}, vader-sentiment {run['versions']['vader-sentiment']}, "
      f"sentiment {run['versions']['sentiment']}; medians of {run['reps']} timed passes\n")
# The data README describes 10 products; per-product AUCs are reported only for
# products that have both great and other reviews, and their count is printed.
products = sorted(set(product))
mixed = [p for p in products if 0 < great[product == p].sum() < (product == p).sum()]
print(f"distinct products: {len(products)}, with both classes: {len(mixed)}")
rng = np.random.default_rng(20261127)
boot = [rng.integers(0, len(great), len(great)) for _ in range(BOOT)]

print("\n| peer | score | AUC (sklearn) | AUC (mean rank, numpy) | bootstrap 95% interval "
      "| per-product AUC min-max | reviews/s (slowest-fastest pass) |")
print("|---|---|---:|---:|---|---|---:|")
peers = [("VADER", "vader_compound", "vader"), ("AFINN", "afinn_comparative", "afinn"),
         ("AFINN", "afinn_score", "afinn")]
for name, key, timing in peers:
  s = np.asarray(run["scores"][key], dtype=float)
  auc = roc_auc_score(great, s)
  auc_rank = mean_rank_auc(great, s)
  assert abs(auc - auc_rank) < 1e-9, (key, auc, auc_rank)
  per_product = [roc_auc_score(great[product == p], s[product == p]) for p in mixed]
  spread = (f"{min(per_product):.3f}-{max(per_product):.3f} ({len(per_product)} products)"
            if per_product else "n/a (no product has both classes)")
  lo, hi = np.percentile([roc_auc_score(great[b], s[b]) for b in boot], [2.5, 97.5])
  rate = run["n"] / run["median_seconds"][timing]
  slow, fast = run["n"] / max(run["seconds"][timing]), run["n"] / min(run["seconds"][timing])
  print(f"| {name} | {key} | {auc:.4f} | {auc_rank:.4f} | {lo:.3f}-{hi:.3f} | {spread} "
        f"| {rate:,.0f} ({slow:,.0f}-{fast:,.0f}) |")
print("\nreviews/s counts one analyzer call per review; AFINN's two scores come from the "
      "same call.")
PY
