# shellcheck shell=bash
# Sourced first by the bench/run_*.sh bash scripts: strict mode, ROOT (the
# repository) and PYTHON (Debian's, where numpy, pandas, scipy, statsmodels
# and sklearn live), and the steps the scripts share. The scripts set BUILD,
# OUT and REPS; SKIP_BUILD=1 reuses an existing build.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-/usr/bin/python3}

# Builds the benchmark target $1 (Release, no tests or examples) in $BUILD,
# then makes $OUT.
build_release_bench() {
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
      -DCANDOR_BUILD_TESTS=OFF -DCANDOR_BUILD_EXAMPLES=OFF -DCANDOR_BUILD_BENCH=ON >/dev/null
    cmake --build "$BUILD" -j2 --target "$1"
  fi
  mkdir -p "$OUT"
}

# Prints "$1: " and the 1, 5 and 15 minute load averages.
load_line() {
  echo "$1: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Prints one "name: value" line about this run for each argument, in order:
#   date      now, UTC
#   commit    HEAD, marked when lib/, include/ or bench/ have uncommitted changes
#   build     the CMake build type of $BUILD
#   cpu       the CPU model and the number of cores
#   binary=T  when $BUILD/bench/T was built
#   compiler  c++ --version
#   blas      the BLAS numpy loads (Debian's alternative)
run_context() {
  local item
  for item in "$@"; do
    case $item in
      date) echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)" ;;
      commit)
        echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD \
          -- lib include bench || echo ' (+ uncommitted changes)')"
        ;;
      build) echo "build type: $(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt")" ;;
      cpu) echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores" ;;
      binary=*)
        echo "binary built: $(date -u -r "$BUILD/bench/${item#binary=}" +%Y-%m-%dT%H:%M:%SZ)"
        ;;
      compiler) echo "compiler: $(c++ --version | head -1)" ;;
      blas)
        echo "numpy BLAS: $(readlink -f /etc/alternatives/libblas.so.3-x86_64-linux-gnu \
          2>/dev/null || echo unknown)"
        ;;
      *)
        echo "run_context: no item $item" >&2
        return 2
        ;;
    esac
  done
}

# Runs the Google Benchmark program $BUILD/bench/$1 with the arguments after
# $2 and REPS repetitions, reporting only their aggregates (the median among
# them), and writes its JSON to $2.
run_google_benchmark() {
  local target=$1 json=$2
  shift 2
  "$BUILD/bench/$target" "$@" --benchmark_repetitions="$REPS" \
    --benchmark_report_aggregates_only=true --benchmark_out="$json" --benchmark_out_format=json
}

# For the plain-clock programs that read --data=DIR: starts $OUT/env.txt
# (date, commit, cpu, load), runs $BUILD/bench/$1 on 1 and 2 threads into
# $OUT/candor_t{1,2}.json, then notes the load before the peers run.
time_candor_threads() {
  {
    run_context date commit cpu
    load_line "load before C++"
  } >"$OUT/env.txt"
  for threads in 1 2; do
    "$BUILD/bench/$1" --data="$OUT" --reps="$REPS" --threads="$threads" \
      >"$OUT/candor_t$threads.json"
  done
  load_line "load before Python" >>"$OUT/env.txt"
}

# The sentiment peers, VADER and AFINN (npm packages, installed on first use).
SENTIMENT_PEERS=$ROOT/bench/peers_sentiment
install_sentiment_peers() {
  if [[ ! -d "$SENTIMENT_PEERS/node_modules/vader-sentiment" ||
    ! -d "$SENTIMENT_PEERS/node_modules/sentiment" ]]; then
    (cd "$SENTIMENT_PEERS" && npm ci --no-audit --no-fund)
  fi
}
