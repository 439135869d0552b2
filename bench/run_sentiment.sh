#!/usr/bin/env bash
# candor's sentiment next to VADER (npm vader-sentiment) and AFINN (npm
# sentiment) on the 4,000 fine-food reviews, in one run: AUC of each score
# against score == "great" (sklearn, checked by a mean-rank AUC), a seeded
# percentile bootstrap interval over reviews (the same resamples for every
# scorer), and reviews/s (median of REPS timed passes after a warm-up).
# candor runs its full pipeline from raw text (tokenize + sentiment +
# emotions + urgency, AnalyzeSentimentBatch) on 1 and 2 threads, Release
# build in build/senti-rel (BUILD=... to use another).
#
#   bench/run_sentiment.sh            # REPS=5
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
CSV=${CSV:-$ROOT/bench/data/fine_foods_train.csv}
OUT=${OUT:-$ROOT/bench/out}
REPS=${REPS:-5}
# en: the corpus's language given (no detection); detect: the default pipeline.
LANGUAGE=${LANGUAGE:-en}
BOOT=${BOOT:-1000}
BUILD=${BUILD:-$ROOT/build/senti-rel}

if [[ ! -x "$BUILD/bench/candor_sentiment_eval" ]]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DCANDOR_BUILD_TESTS=OFF \
        -DCANDOR_BUILD_EXAMPLES=OFF -DCANDOR_BUILD_BENCH=ON >/dev/null
fi
cmake --build "$BUILD" --target candor_sentiment_eval -j2 >/dev/null
install_sentiment_peers
mkdir -p "$OUT"

load_line "load before"
node "$SENTIMENT_PEERS/score.js" "$CSV" "$OUT/sentiment_peers.json" "$REPS"
for t in 1 2; do
  "$BUILD/bench/candor_sentiment_eval" "$CSV" --time "$REPS" --threads "$t" \
      --language "$LANGUAGE" --out "$OUT/sentiment_candor_t$t.json"
done
load_line "load after"
echo

"$PYTHON" - "$CSV" "$OUT" "$BOOT" <<'PY'
import csv
import json
import sys

import numpy as np
from sklearn.metrics import roc_auc_score

csv_path, out, BOOT = sys.argv[1], sys.argv[2], int(sys.argv[3])
peers = json.load(open(f"{out}/sentiment_peers.json"))
candor = {t: json.load(open(f"{out}/sentiment_candor_t{t}.json")) for t in (1, 2)}
with open(csv_path, newline="", encoding="utf-8") as f:
  rows = list(csv.DictReader(f))
great = np.array([r["score"] == "great" for r in rows])
assert len(rows) == peers["n"] == candor[1]["n"] == candor[2]["n"]
assert candor[1]["score"] == candor[2]["score"], "thread count changed the scores"


def mean_rank_auc(y, s):
  _, inverse, counts = np.unique(s, return_inverse=True, return_counts=True)
  r = (np.cumsum(counts) - (counts - 1) / 2)[inverse]
  n1 = y.sum()
  return (r[y].mean() - (n1 + 1) / 2) / (len(y) - n1)


rng = np.random.default_rng(20261127)  # the seed of run_sentiment_peers.sh
boot = [rng.integers(0, len(great), len(great)) for _ in range(BOOT)]
median = lambda xs: float(np.median(xs))
vader_rate = peers["n"] / median(peers["seconds"]["vader"])
afinn_rate = peers["n"] / median(peers["seconds"]["afinn"])
entries = [
    ("candor 1 thread", candor[1]["score"], candor[1]["seconds"]),
    ("candor 2 threads", candor[2]["score"], candor[2]["seconds"]),
    ("VADER compound", peers["scores"]["vader_compound"], peers["seconds"]["vader"]),
    ("AFINN comparative", peers["scores"]["afinn_comparative"], peers["seconds"]["afinn"]),
    ("AFINN raw score", peers["scores"]["afinn_score"], peers["seconds"]["afinn"]),
]
print(f"{len(rows)} reviews, {great.mean():.1%} great; node {peers['node']}, vader-sentiment "
      f"{peers['versions']['vader-sentiment']}, sentiment {peers['versions']['sentiment']}; "
      f"medians of {peers['reps']} timed passes; candor flagged {candor[1]['urgent']} reviews urgent\n")
print("| scorer | AUC (sklearn) | AUC (mean rank) | bootstrap 95% | reviews/s median "
      "(slowest-fastest) | x VADER | x AFINN |")
print("|---|---:|---:|---|---:|---:|---:|")
for name, s, secs in entries:
  s = np.asarray(s, dtype=float)
  auc = roc_auc_score(great, s)
  assert abs(auc - mean_rank_auc(great, s)) < 1e-9
  lo, hi = np.percentile([roc_auc_score(great[b], s[b]) for b in boot], [2.5, 97.5])
  rate = len(rows) / median(secs)
  print(f"| {name} | {auc:.4f} | {mean_rank_auc(great, s):.4f} | {lo:.3f}-{hi:.3f} | "
        f"{rate:,.0f} ({len(rows) / max(secs):,.0f}-{len(rows) / min(secs):,.0f}) | "
        f"{rate / vader_rate:.1f} | {rate / afinn_rate:.2f} |")
PY
