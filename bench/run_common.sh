# Sourced by the bench/run_*.sh scripts that time a candor benchmark program
# on 1 and 2 threads next to Python peers on generated data. Expects ROOT,
# BUILD, OUT and REPS to be set; SKIP_BUILD=1 reuses an existing build.

# Builds the benchmark target $1 (Release, no tests or examples) in $BUILD.
build_release_bench() {
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
      -DCANDOR_BUILD_TESTS=OFF -DCANDOR_BUILD_EXAMPLES=OFF -DCANDOR_BUILD_BENCH=ON >/dev/null
    cmake --build "$BUILD" -j2 --target "$1"
  fi
  mkdir -p "$OUT"
}

# Starts $OUT/env.txt: date, commit, CPU and the load before the C++ runs.
write_env() {
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
    echo "load before C++: $(cut -d' ' -f1-3 /proc/loadavg)"
  } >"$OUT/env.txt"
}

# Runs $BUILD/bench/$1 on 1 and 2 threads into $OUT/candor_t{1,2}.json, then
# notes the load before the peers run.
time_candor_threads() {
  for threads in 1 2; do
    "$BUILD/bench/$1" --data="$OUT" --reps="$REPS" --threads="$threads" \
      >"$OUT/candor_t$threads.json"
  done
  echo "load before Python: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/env.txt"
}
