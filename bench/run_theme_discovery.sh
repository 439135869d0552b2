#!/bin/sh
# Theme discovery next to scikit-learn's NMF on the same TF-IDF of the 4,000
# fine-food reviews: builds libcandor (Release) in build/nmf-rel, then runs
# bench/peers_theme_discovery.py; results in bench/out/theme_discovery.{md,json}.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build/nmf-rel}  # the 01:2x run used BUILD=build/nmf (RelWithDebInfo, -O2)
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DCANDOR_BUILD_TESTS=OFF \
  -DCANDOR_BUILD_BENCH=OFF -DCANDOR_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$BUILD" --target candor -j2
CANDOR_LIBRARY="$BUILD/libcandor.so" PYTHONPATH=bindings/python \
  /usr/bin/python3 bench/peers_theme_discovery.py "$@"
