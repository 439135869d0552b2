#!/usr/bin/env bash
# Peak memory and time of `candor report FILE` on a large generated CSV
# (bench/make_big_csv.py, written to the git-ignored bench/out/), for two
# builds of the command line: before (the whole file read, then parsed) and
# after (read and parsed in chunks). Each is run REPEATS times under
# /usr/bin/time -v; prints peak RSS, elapsed time and rows/s per run.
#
# COMMAND=score measures `candor score FILE` instead (less analysis after the
# reading, so the reading's share of the time is larger).
#
# Usage: [COMMAND=score] bench/run_csv_memory.sh BEFORE_CANDOR AFTER_CANDOR [ROWS] [REPEATS]
#   e.g. (BEFORE built from a worktree of the older commit)
#        bench/run_csv_memory.sh ../candor-before/build/bench-csv/cli/candor \
#          build/bench-csv/cli/candor 10000000 3
set -euo pipefail
cd "$(dirname "$0")/.."
before=$1
after=$2
rows=${3:-10000000}
repeats=${4:-3}
command=${COMMAND:-report}
file=bench/out/big_survey_${rows}.csv
[ -f "$file" ] || /usr/bin/python3 bench/make_big_csv.py --rows "$rows" -o "$file"
bytes=$(stat -c %s "$file")
# The columns report keeps: score (8 bytes), time (8), segment code (4).
kept=$((rows * 20))
[ "$command" = score ] && kept=$((rows * 8))  # score keeps only the scores
echo "candor $command: $file, $rows rows, $bytes bytes; kept columns: $kept bytes"
printf '%-7s %4s %12s %9s %7s %9s %9s %14s\n' build run peak_rss_mb elapsed_s cpu_s rss/file rss/kept rows_per_s
for build in before after; do
  cli=$before
  [ "$build" = after ] && cli=$after
  for run in $(seq "$repeats"); do
    log=$(mktemp)
    /usr/bin/time -v "$cli" "$command" "$file" --format json > /dev/null 2> "$log"
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" |
      awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
    rm -f "$log"
    awk -v b="$build" -v r="$run" -v kb="$rss_kb" -v t="$elapsed" -v c="$cpu" -v f="$bytes" \
      -v k="$kept" -v n="$rows" 'BEGIN { printf "%-7s %4d %12.0f %9.2f %7.2f %9.2f %9.2f %14.0f\n",
        b, r, kb / 1024, t, c, kb * 1024 / f, kb * 1024 / k, n / t }'
  done
done
