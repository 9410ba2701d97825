#!/usr/bin/env bash
# Installs the Debian 12 packages tosdiff needs (only the missing ones) and builds it.
#   scripts/setup.sh [--target TARGET]... [BUILD_DIR] [CMAKE_ARGS...]
# --target TARGET builds only that target (scripts/demo.sh: the tosdiff binary, not the test
# suite; scripts/sanitize.sh: the binary and its install files), once per target, and installs
# only the packages their build needs. Used by scripts/demo.sh, test.sh and sanitize.sh; safe to
# run again (incremental build).
set -euo pipefail
cd "$(dirname "$0")/.."

targets=()
while [ "${1:-}" = "--target" ]; do
  targets+=("${2:?--target needs a target name}")
  shift 2
done
target=${targets[*]}
build_dir=${1:-build}
shift || true

packages=(cmake g++ make pkg-config ca-certificates libcurl4-openssl-dev libgumbo-dev libdtl-dev
          libssl-dev nlohmann-json3-dev libcli11-dev libgtest-dev zlib1g-dev
          libpoppler-cpp-dev chromium-headless-shell)
# Tests only: valijson checks every change record the tests see against the JSON Schema
# (configuring the tests needs it); the completion tests run zsh and fish, the package test
# dpkg-shlibdeps (dpkg-dev, which cpack -G DEB needs anyway) and file (CPackDeb reads the
# binaries' type with it before it runs dpkg-shlibdeps), the view tests python3 (its
# HTML parser and expat read the pages and the Atom feed tosdiff writes).
case " $* " in
  *" -DTOSDIFF_BUILD_TESTS=OFF "*) ;;
  *) packages+=(libvalijson-dev)
     [ -n "$target" ] || packages+=(zsh fish dpkg-dev file python3) ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install: ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
# -g1 (line tables: backtraces with file:line) instead of -g: a third off the build time.
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" "$@" >/dev/null
cmake --build "$build_dir" -j "$jobs" ${target:+--target "${targets[@]}"}
