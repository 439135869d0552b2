#!/usr/bin/env bash
# ThreadSanitizer over the code that runs on several threads: builds only the
# library, the C++ tests and the C thread test with the `tsan` preset (gcc,
# -fsanitize=thread, -O1 -g, in build/tsan) and runs the ctest label
# "threads": the GoogleTest suites of threaded code listed in
# tests/CMakeLists.txt (text batches, theme discovery, NMF, bootstrap,
# breakdowns, account trends, drivers, IPW, the follow-up queue, the outer
# loop, the calibrated change scan, lib/common/parallel, Arrow columns read
# from many threads) and
# tests/c/threads_test.c (the C API from 8 threads on shared handles). A data
# race fails the run (TSAN_OPTIONS from the test preset: halt_on_error=1,
# second_deadlock_stack=1).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset tsan >/dev/null
# Only what the label "threads" runs: the C++ tests and the C thread test.
cmake --build --preset tsan -j"$(nproc)" --target candor_tests candor_c_threads_test
ctest --preset tsan -j"$(nproc)"
