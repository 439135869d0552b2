#!/usr/bin/env bash
# Builds the release preset (optimized, no debug information, no tests,
# benchmarks or examples) and packages it with CPack (cmake/package.cmake):
#
#   scripts/package.sh        -> build/release/candor_<version>_<debian arch>.deb
#                                build/release/candor-<version>-Linux-<arch>.tar.gz
#
# The packages hold what `cmake --install` installs, stripped: the shared and
# static library, headers, the CMake package and candor.pc, the `candor`
# command, share/candor (the sample survey and the starter taxonomy) and
# share/doc/candor (LICENSE, THIRD-PARTY.md, CHANGELOG.md). The .deb's Depends
# come from dpkg-shlibdeps (Debian's dpkg-dev).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release -DCANDOR_BUILD_BENCH=OFF -DCANDOR_BUILD_EXAMPLES=OFF >/dev/null
cmake --build --preset release -j"$(nproc)"
cd build/release
cpack -G "DEB;TGZ"
for package in candor_*.deb candor-*.tar.gz; do
  echo "$PWD/$package"
done
dpkg-deb --field candor_*.deb Package Version Depends Suggests
