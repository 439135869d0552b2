#!/usr/bin/env bash
# The Python bindings' overhead where users meet it (issue 17): candor.nps on
# 100M int8 scores next to the same C call made directly, and candor.sentiment
# on 1,000 reviews (first call in a fresh process, warm calls) next to AFINN
# (npm sentiment) in the same run. Uses CANDOR_LIBRARY, else $BUILD/libcandor.so
# (build it first: a Release build for numbers to quote).
#
#   BUILD=build/rel bench/run_python.sh
#   ROWS=10000000 REPS=5 ROUNDS=3 bench/run_python.sh
source "$(dirname "$0")/run_common.sh"  # strict mode, ROOT, PYTHON, the shared steps
BUILD=${BUILD:-$ROOT/build/dev}
ROWS=${ROWS:-100000000}
REPS=${REPS:-11}
FRESH=${FRESH:-3}
ROUNDS=${ROUNDS:-5}
export CANDOR_LIBRARY=${CANDOR_LIBRARY:-$BUILD/libcandor.so}

install_sentiment_peers
run_context date commit cpu
echo "build type: $(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$(dirname "$CANDOR_LIBRARY")/CMakeCache.txt" 2>/dev/null)"
load_line "load before"
"$PYTHON" "$ROOT/bench/python_bindings.py" --rows "$ROWS" --reps "$REPS" --fresh "$FRESH" \
  --rounds "$ROUNDS"
load_line "load after"
