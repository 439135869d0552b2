#!/usr/bin/env bash
# Installs candor's build and test dependencies from Debian packages.
# Idempotent: does nothing when every package is already installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libabsl-dev          # hash maps for interning categorical columns; time zones (trend)
  tzdata               # the time zone database absl::LoadTimeZone reads (/usr/share/zoneinfo)
  libeigen3-dev        # linear algebra for the weight module (logistic fits, calibration)
  libicu-dev           # Unicode normalization and segmentation for the text module
  libcld2-dev          # language detection (text)
  libstemmer-dev       # Snowball stemmers (text)
  nlohmann-json3-dev   # JSON output of the command line
  libgtest-dev         # C++ tests
  libbenchmark-dev     # benchmarks
  clang-14 libfuzzer-14-dev  # fuzz targets (scripts/fuzz.sh): libFuzzer, ASan + UBSan
  python3 python3-numpy python3-pandas python3-pytest python3-scipy  # bindings, tests, peers
  python3-statsmodels python3-sklearn  # independent checks of model fits (weights, trends)
  python3-venv python3-setuptools python3-wheel python3-pip  # the installable package's test (tests/python/test_install.py)
  python3-dask python3-distributed  # candor.dask and its LocalCluster tests (tests/python/test_dask.py)
  r-base-core r-cran-survey   # independent cross-checks of weighted estimates
  r-cran-proc r-cran-survival  # independent cross-checks of AUC (DeLong) and survival statistics (issue 13)
  abigail-tools        # abidw/abidiff: the C ABI against abi/libcandor.abi (scripts/abi-check.sh)
  chromium             # headless browser: the report page's test (tests/browser) and docs/report.png
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
