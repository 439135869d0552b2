#!/usr/bin/env bash
# Compares the C ABI of libcandor.so with the baseline stored in the repo
# (abi/libcandor.abi) using abigail-tools: abidw describes the exported
# functions and the types reachable from them, as defined in the public
# headers; abidiff compares that with the baseline. The rules are in
# abi/README.md.
#
#   scripts/abi-check.sh [BUILD_DIR]           check BUILD_DIR/libcandor.so; without
#                                              BUILD_DIR, build/dev is configured and built
#   scripts/abi-check.sh --update [BUILD_DIR]  rewrite the baseline from that library
#
# Other inputs (for tests/abi/abi_check_policy_test.sh): --library FILE (instead of
# a build directory), --headers DIR (default include), --baseline FILE.
#
# Exit 0: the ABI equals the baseline, or functions were only added (compatible;
# refresh the baseline with --update). Exit 1: a function removed or changed, a
# struct or enum changed, including fields appended to an option struct (minor,
# but it needs --update so that the new fields are checked from then on).
# Exit 2: bad usage, missing tools, a library without debug information.
set -euo pipefail

die() {
  echo "abi-check: $*" >&2
  exit 2
}

update=0
build_dir=""
library=""
repo="$(dirname "$0")/.."
headers="$repo/include"
baseline="$repo/abi/libcandor.abi"
while [ $# -gt 0 ]; do
  case "$1" in
    --update) update=1 ;;
    --library) library="${2:?--library needs a file}"; shift ;;
    --headers) headers="${2:?--headers needs a directory}"; shift ;;
    --baseline) baseline="${2:?--baseline needs a file}"; shift ;;
    -h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$build_dir" ] || die "one build directory at most"; build_dir="$1" ;;
  esac
  shift
done
# Paths are taken from where the script is run; it works from the repo root.
absolute() { [ -z "$1" ] || realpath -m "$1"; }
build_dir="$(absolute "$build_dir")"
library="$(absolute "$library")"
headers="$(absolute "$headers")"
baseline="$(absolute "$baseline")"
cd "$(dirname "$0")/.."

if ! command -v abidw >/dev/null || ! command -v abidiff >/dev/null; then
  die "abidw and abidiff not found: install abigail-tools (scripts/install-deps.sh)"
fi

if [ -z "$library" ]; then
  if [ -z "$build_dir" ]; then
    build_dir="$PWD/build/dev"
    echo "abi-check: building the candor target of $build_dir"
    cmake --preset dev >/dev/null
    cmake --build --preset dev --target candor >/dev/null
  fi
  library="$build_dir/libcandor.so"
fi
[ -f "$library" ] || die "$library not found (build the candor target first)"
readelf -S "$library" | grep '\.debug_info' >/dev/null ||
  die "$library has no debug information: build it RelWithDebInfo or Debug (the dev preset)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Only what is exported and defined in the public headers; no paths, line
# numbers or DT_NEEDED, and type ids from type names, so that the stored
# baseline changes only when the ABI does.
abidw --no-corpus-path --no-comp-dir-path --no-show-locs --no-elf-needed \
  --type-id-style hash --exported-interfaces-only --drop-private-types \
  --headers-dir "$headers" --out-file "$work/current.abi" "$library"
functions="$(grep -c '<elf-symbol ' "$work/current.abi" || true)"

if [ "$update" = 1 ]; then
  cp "$work/current.abi" "$baseline"
  echo "abi-check: wrote $baseline ($functions functions) from $library"
  exit 0
fi
[ -f "$baseline" ] || die "no baseline $baseline (make one with --update)"

status=0
abidiff "$baseline" "$work/current.abi" >"$work/report" || status=$?
if [ "$status" = 0 ]; then
  echo "abi-check: $library matches $baseline ($functions functions)"
  exit 0
fi
cat "$work/report"
# abidiff's exit status is a bit set: 1 error, 2 usage error, 4 some ABI
# change, 8 an incompatible one (it sets 8 only for removals; a changed field
# type or layout is 4, so 4 alone fails too unless all it saw was additions).
if [ $((status & 3)) != 0 ]; then
  die "abidiff failed (exit status $status)"
fi
changed=0
abidiff --no-added-syms "$baseline" "$work/current.abi" >/dev/null || changed=$?
if [ "$changed" = 0 ]; then
  echo "abi-check: compatible: functions were only added. Refresh the baseline"
  echo "  (scripts/abi-check.sh --update) and commit it with the new functions."
  exit 0
fi
echo "abi-check: FAILED: the C ABI changed (report above). Removing or changing a function,"
echo "  a struct field or an enum value needs a new major version (abi/README.md). Fields"
echo "  appended to a size-versioned option struct, each starting at or after its old"
echo "  size, are a minor change: then run scripts/abi-check.sh --update and commit the"
echo "  baseline with the change (tests/c/abi_layout_test.c checks the existing fields)."
exit 1
