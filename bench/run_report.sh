#!/usr/bin/env bash
# Time and peak memory of `candor report` on a large generated CSV
# (bench/make_big_csv.py: score, time, account, segment and comment columns,
# written to the git-ignored bench/out/), side by side with its pandas peer
# (bench/peers_report.py: read the columns, the NPS with a Wald interval
# overall, by segment and by month; none of the text, trend tests, accounts or
# follow-up). Then the Python API on the bundled sample: `candor.report()`
# in a fresh interpreter (import and first call included).
#
# Usage: bench/run_report.sh CANDOR_CLI [ROWS] [REPEATS]
#   e.g. bench/run_report.sh build/bench/cli/candor 10000000 3
set -euo pipefail
cd "$(dirname "$0")/.."
cli=$1
rows=${2:-10000000}
repeats=${3:-3}
file=bench/out/big_survey_${rows}.csv
[ -f "$file" ] || /usr/bin/python3 bench/make_big_csv.py --rows "$rows" -o "$file"
echo "$file: $rows rows, $(stat -c %s "$file") bytes; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %4s %12s %10s %8s\n' what run peak_rss_mb elapsed_s cpu_s
measure() {  # NAME RUN COMMAND...
  local name=$1 run=$2 log
  shift 2
  log=$(mktemp)
  /usr/bin/time -v "$@" > /dev/null 2> "$log"
  awk -v what="$name" -v r="$run" -F': ' '
    /Maximum resident set size/ { kb = $2 }
    /User time|System time/ { cpu += $2 }
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
    END { printf "%-22s %4d %12.0f %10.2f %8.2f\n", what, r, kb / 1024, s, cpu }' "$log"
  rm -f "$log"
}
for run in $(seq "$repeats"); do
  measure "candor report json" "$run" "$cli" report "$file" --quiet --format json
  measure "candor report html" "$run" "$cli" report "$file" --quiet --format html
  measure "pandas peer" "$run" /usr/bin/python3 bench/peers_report.py "$file"
done
lib=$(dirname "$cli")/../libcandor.so
for run in $(seq "$repeats"); do
  measure "python candor.report()" "$run" env CANDOR_LIBRARY="$lib" PYTHONPATH=bindings/python \
    /usr/bin/python3 -c 'import candor; candor.report().html()'
done
