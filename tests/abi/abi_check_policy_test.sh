#!/usr/bin/env bash
# scripts/abi-check.sh passes an unchanged ABI and added functions, and fails
# every other change (abi/README.md), appended option fields included until
# the baseline is refreshed. A small library shaped like candor's (a status enum, a frozen
# output struct, a size-versioned option struct) is built with debug
# information, its ABI stored as the baseline, then rebuilt with one change at
# a time and checked against it.
#   tests/abi/abi_check_policy_test.sh scripts/abi-check.sh [CC]
set -euo pipefail
check="$1"
cc="${2:-cc}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

write_version() {  # write_version DIR: the original library
  mkdir -p "$1/include"
  cat >"$1/include/candor.h" <<'EOF'
#include <stddef.h>
#include <stdint.h>
#define CANDOR_API __attribute__((visibility("default")))
typedef enum candor_status { CANDOR_OK = 0, CANDOR_INVALID_ARGUMENT = 1 } candor_status;
typedef struct candor_estimate {
  double value;
  int64_t n;
} candor_estimate;
typedef struct candor_csv_options {
  size_t size;
  const char* score_column;
  char delimiter;
  int32_t skip_bad_rows;
} candor_csv_options;
CANDOR_API candor_status candor_score(const candor_csv_options* options, candor_estimate* out);
CANDOR_API candor_status candor_scale(int32_t scale_min, candor_estimate* out);
EOF
  cat >"$1/lib.c" <<'EOF'
#include <candor.h>
candor_status candor_score(const candor_csv_options* options, candor_estimate* out) {
  out->value = options->delimiter;
  out->n = 1;
  return CANDOR_OK;
}
candor_status candor_scale(int32_t scale_min, candor_estimate* out) {
  out->value = scale_min;
  return scale_min < 0 ? CANDOR_INVALID_ARGUMENT : CANDOR_OK;
}
EOF
}

build() {  # build DIR
  "$cc" -g -O1 -fPIC -shared -fvisibility=hidden -I"$1/include" "$1/lib.c" \
    -Wl,-soname,libcandor.so.0 -o "$1/libcandor.so"
}

failures=0
expect() {  # expect NAME EXIT_STATUS PHRASE SED_SCRIPT [EXTRA_C_SOURCE]
  local name="$1" want="$2" phrase="$3" edit="$4" extra="${5:-}"
  local dir="$work/$name"
  write_version "$dir"
  sed -i "$edit" "$dir/include/candor.h" "$dir/lib.c"
  [ -z "$extra" ] || echo "$extra" >>"$dir/lib.c"
  build "$dir"
  local got=0
  "$check" --library "$dir/libcandor.so" --headers "$dir/include" \
    --baseline "$work/baseline.abi" >"$dir/out" 2>&1 || got=$?
  if [ "$got" != "$want" ] || ! grep -q "$phrase" "$dir/out"; then
    echo "FAIL $name: exit $got (want $want), output lacks '$phrase' or differs:"
    sed 's/^/    /' "$dir/out"
    failures=$((failures + 1))
  else
    echo "ok   $name: exit $got"
  fi
}

write_version "$work/v0"
build "$work/v0"
"$check" --update --library "$work/v0/libcandor.so" --headers "$work/v0/include" \
  --baseline "$work/baseline.abi" >/dev/null

expect unchanged 0 "matches" ''
expect function_added 0 "functions were only added" \
  's/^CANDOR_API candor_status candor_scale.*/&\nCANDOR_API int32_t candor_extra(void);/' \
  'int32_t candor_extra(void) { return 1; }'
expect function_removed 1 "FAILED" '/candor_scale/,/^}/d'
expect parameter_type_changed 1 "FAILED" 's/int32_t scale_min/int64_t scale_min/'
expect output_field_type_changed 1 "FAILED" 's/  int64_t n;/  int32_t n;/'
expect output_field_appended 1 "FAILED" 's/  int64_t n;/&\n  double extra;/'
expect option_field_type_changed 1 "FAILED" 's/  char delimiter;/  int32_t delimiter;/'
expect option_field_appended 1 "FAILED" \
  's/  int32_t skip_bad_rows;/&\n  int64_t max_bytes;/'
expect enumerator_added 0 "matches" \
  's/CANDOR_INVALID_ARGUMENT = 1 }/CANDOR_INVALID_ARGUMENT = 1, CANDOR_EMPTY = 3 }/'
expect enum_value_changed 1 "FAILED" 's/CANDOR_INVALID_ARGUMENT = 1/CANDOR_INVALID_ARGUMENT = 2/'

if [ "$failures" != 0 ]; then
  echo "$failures case(s) failed"
  exit 1
fi
echo "abi-check passed and failed as abi/README.md says"
