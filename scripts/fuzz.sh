#!/usr/bin/env bash
# Builds and runs the libFuzzer targets in fuzz/ (fuzz/README.md).
#
#   scripts/fuzz.sh ci              build; replay fuzz/regressions; run every
#                                   target FUZZ_SECONDS (20) s, FUZZ_JOBS
#                                   (nproc) at a time, from the fixed seed
#                                   FUZZ_SEED (1). Fails on any crash,
#                                   leak, timeout or out-of-memory, printing
#                                   the reproducer and how to replay it.
#   scripts/fuzz.sh long SECONDS    build; run every target SECONDS s (one at
#                                   a time unless FUZZ_JOBS is set), restarting
#                                   after a crash; appends each target's
#                                   execs and crashes to fuzz/RESULTS.md.
#   scripts/fuzz.sh run TARGET [SECONDS]   one target (default 60 s)
#   scripts/fuzz.sh replay          build; replay fuzz/regressions only
#   scripts/fuzz.sh build           build only (build/fuzz)
#
# FUZZ_TARGETS (and `run TARGET`) also limit the build to those targets.
#
# A fixed FUZZ_SEED makes a ci run repeatable: the same inputs in the same
# order, so a run on another machine tries a prefix or an extension of what a
# longer local run with that seed tried, and a change fails CI only for what
# it changed. Finding new bugs is the job of long runs, which draw a random
# seed unless FUZZ_SEED is set.
#
# Seeds come from fuzz/corpus/<target> (and fuzz/regressions/<target>); the
# units a run finds go to a scratch directory (FUZZ_WORK, default a fresh
# directory under build/fuzz/work for ci, build/fuzz/long for long runs),
# never into the repository. FUZZ_TARGETS (space-separated) limits the
# targets.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
mode="${1:-ci}"
build_dir="$root/build/fuzz"
bin_dir="$build_dir/fuzz"
jobs="${FUZZ_JOBS:-$(nproc)}"
timeout_s=10
rss_mb=2048

all_targets() {
  local f
  for f in fuzz/*_fuzzer.cc; do
    f="${f#fuzz/}"
    echo "${f%_fuzzer.cc}"
  done
}
targets=(${FUZZ_TARGETS:-$(all_targets)})

dict_for() {
  case "$1" in
    csv_parse) echo "fuzz/dict/csv.dict" ;;
    time_zone) echo "fuzz/dict/time_zone.dict" ;;
    taxonomy) echo "fuzz/dict/json.dict" ;;
    lexicon) echo "fuzz/dict/lexicon.dict" ;;
    business_hours) echo "fuzz/dict/json.dict" ;;
  esac
}

build() {
  scripts/install-deps.sh
  local launcher=()
  if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
  cmake --preset fuzz "${launcher[@]}" >/dev/null
  # With FUZZ_TARGETS (or `run TARGET`), only those targets' programs.
  local only=() t
  if [ -n "${FUZZ_TARGETS:-}" ]; then
    for t in "${targets[@]}"; do only+=(--target "${t}_fuzzer"); done
  fi
  cmake --build --preset fuzz -j"$(nproc)" "${only[@]}"
}

export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0"

# replay WORK: runs every file of fuzz/regressions/<target>/ once and prints
# the failures; the ones that pass are copied to WORK/seeds/<target>/ to seed
# the fuzzers (one that still crashes would stop a fuzzer at its start).
replay() {
  local work="$1" failed=0 t f log
  for t in "${targets[@]}"; do
    mkdir -p "$work/seeds/$t"
    [ -d "fuzz/regressions/$t" ] || continue
    for f in "fuzz/regressions/$t"/*; do
      [ -f "$f" ] || continue
      log="$(mktemp)"
      if timeout -k 5 120 "$bin_dir/${t}_fuzzer" -timeout=$timeout_s -rss_limit_mb=$rss_mb \
          "$f" </dev/null >"$log" 2>&1; then
        cp "$f" "$work/seeds/$t/"
      else
        echo "FAIL regression $f"
        grep -E "ERROR|SUMMARY|runtime error|invariant broken|^input: |#[0-9]+ 0x.*/(lib|capi|fuzz)/" \
          "$log" | head -25 || true
        echo "  replay: $bin_dir/${t}_fuzzer $f"
        failed=1
      fi
      rm -f "$log"
    done
  done
  return $failed
}

# fuzz_one TARGET SECONDS WORK: one libFuzzer run; the log is WORK/TARGET.log.
fuzz_one() {
  local t="$1" seconds="$2" work="$3"
  local corpus="$work/corpus/$t" artifacts="$work/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  local args=(-max_total_time="$seconds" -timeout=$timeout_s -rss_limit_mb=$rss_mb
              -print_final_stats=1 -artifact_prefix="$artifacts/")
  local dict
  dict="$(dict_for "$t")"
  [ -n "$dict" ] && args+=(-dict="$dict")
  [ -n "${FUZZ_SEED:-}" ] && args+=(-seed="$FUZZ_SEED")
  local seeds=("fuzz/corpus/$t")
  [ -d "$work/seeds/$t" ] && seeds+=("$work/seeds/$t")
  # The first directory receives new units: the scratch one, not the repo's.
  timeout -k 10 $((seconds + 300)) "$bin_dir/${t}_fuzzer" "${args[@]}" "$corpus" "${seeds[@]}" \
    </dev/null >"$work/$t.log" 2>&1
}

# Prints what a failed run left: the error, the stack and the reproducer
# (artifacts newer than WORK/TARGET.start when that exists).
report_failure() {
  local t="$1" work="$2"
  echo "FAIL $t"
  # The error, and the stack frames in candor's own code.
  grep -E "ERROR|SUMMARY|runtime error|invariant broken|^input: |#[0-9]+ 0x.*/(lib|capi|fuzz)/" \
    "$work/$t.log" | head -30 || true
  local a
  for a in "$work/artifacts/$t"/*; do
    [ -f "$a" ] || continue
    [ -f "$work/$t.start" ] && [ ! "$a" -nt "$work/$t.start" ] && continue
    echo "  reproducer: $a"
    echo "  replay:     $bin_dir/${t}_fuzzer $a"
    echo "  keep it:    cp $a fuzz/regressions/$t/<short-name>"
  done
}

execs_of() {
  grep -h "stat::number_of_executed_units" "$@" 2>/dev/null | awk '{s += $2} END {print s + 0}'
}

ci() {
  local seconds="${FUZZ_SECONDS:-20}"
  export FUZZ_SEED="${FUZZ_SEED:-1}"
  build
  local work="${FUZZ_WORK:-$build_dir/work/ci-$(date +%Y%m%d-%H%M%S)}"
  rm -rf "$work"
  mkdir -p "$work"
  echo "== fuzz: replaying fuzz/regressions"
  local failed=0
  replay "$work" || failed=1
  echo "== fuzz: ${#targets[@]} targets, $seconds s each, $jobs at a time, seed $FUZZ_SEED (scratch: $work)"
  local t
  for t in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
    (if fuzz_one "$t" "$seconds" "$work"; then echo 0; else echo 1; fi >"$work/$t.rc") &
  done
  wait
  for t in "${targets[@]}"; do
    if [ "$(cat "$work/$t.rc")" = 0 ]; then
      echo "ok   $t: $(execs_of "$work/$t.log") execs"
    else
      report_failure "$t" "$work"
      failed=1
    fi
  done
  return $failed
}

# long SECONDS: each target for SECONDS in total, restarted after a crash
# (each crash is kept); appends a row per target to fuzz/RESULTS.md.
long() {
  local seconds="$1"
  [ -n "$seconds" ] || { echo "usage: scripts/fuzz.sh long SECONDS" >&2; exit 2; }
  build
  local work="${FUZZ_WORK:-$build_dir/long}"
  mkdir -p "$work"
  replay "$work" >/dev/null || true
  local date commit
  date="$(date -u +%Y-%m-%d)"
  commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- lib capi include fuzz || echo +)"
  long_one() {
    local t="$1" left="$seconds" crashes=0 start ran=0 run logs=()
    while [ "$left" -gt 0 ]; do
      start=$(date +%s)
      touch "$work/$t.start"
      run="$work/$t.run$((${#logs[@]} + 1))"
      if ! fuzz_one "$t" "$left" "$work"; then
        crashes=$((crashes + 1))
        report_failure "$t" "$work"
      fi
      mv "$work/$t.log" "$run.log"
      logs+=("$run.log")
      ran=$((ran + $(date +%s) - start))
      left=$((seconds - ran))
      [ "$crashes" -lt 20 ] || break  # a crash on every start: stop
    done
    echo "$t $(execs_of "${logs[@]}") $crashes $ran" >"$work/$t.result"
    rm -f "${logs[@]}"
  }
  local t
  rm -f "$work"/*.result
  for t in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "${FUZZ_JOBS:-1}" ]; do wait -n || true; done
    long_one "$t" &
  done
  wait
  local results="fuzz/RESULTS.md"
  if [ ! -f "$results" ]; then
    cat >"$results" <<'EOF'
# Fuzzing results

Long runs of `scripts/fuzz.sh long SECONDS` on this repository's targets
(fuzz/README.md): per target, the seconds asked for and run (a target
restarts after each crash and stops after 20), the inputs executed
(libFuzzer's `stat::number_of_executed_units`, summed over restarts) and
the crashes found. A `+` after the commit marks uncommitted changes to
lib/, capi/, include/ or fuzz/.

| date | commit | target | seconds | run | execs | execs/s | crashes |
|------|--------|--------|--------:|----:|------:|--------:|--------:|
EOF
  fi
  local execs crashes ran
  for t in "${targets[@]}"; do
    read -r _ execs crashes ran <"$work/$t.result"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$date" "$commit" "$t" "$seconds" "$ran" \
      "$execs" "$((execs / (ran > 0 ? ran : 1)))" "$crashes" | tee -a "$results"
  done
}

case "$mode" in
  ci) ci ;;
  long) long "${2:-}" ;;
  run)
    FUZZ_TARGETS="${2:?usage: scripts/fuzz.sh run TARGET [SECONDS]}"
    targets=("$FUZZ_TARGETS")
    build
    work="${FUZZ_WORK:-$build_dir/work/run}"
    mkdir -p "$work"
    replay "$work" >/dev/null || true
    if fuzz_one "${2:?usage: scripts/fuzz.sh run TARGET [SECONDS]}" "${3:-60}" "$work"; then
      echo "ok   $2: $(execs_of "$work/$2.log") execs"
    else
      report_failure "$2" "$work"
      exit 1
    fi
    ;;
  replay)
    build
    work="$build_dir/work/replay"
    rm -rf "$work"
    replay "$work"
    ;;
  build) build ;;
  *) sed -n '2,21p' "$0" >&2; exit 2 ;;
esac
