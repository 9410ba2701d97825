#!/usr/bin/env bash
# Installs the Debian 12 packages tosdiff needs (only the missing ones) and builds it.
#   scripts/setup.sh [--target TARGET]... [--runtime-during-build] [BUILD_DIR] [CMAKE_ARGS...]
# --target TARGET builds only that target (scripts/demo.sh: the tosdiff binary, not the test
# suite; scripts/sanitize.sh: the binary and its install files), once per target, and installs
# only the packages their build needs. --runtime-during-build (scripts/test.sh): the packages
# only the tests and the binary's runs need (Chromium, the shells, dpkg's tools) are installed
# while the build runs, not before it: on a fresh machine their download and unpacking are a
# minute that the compiler does not wait for. Used by scripts/demo.sh, test.sh and sanitize.sh;
# safe to run again (incremental build).
set -euo pipefail
cd "$(dirname "$0")/.."

targets=()
runtime_during_build=false
while true; do
  case "${1:-}" in
    --target) targets+=("${2:?--target needs a target name}"); shift 2 ;;
    --runtime-during-build) runtime_during_build=true; shift ;;
    *) break ;;
  esac
done
target=${targets[*]}
build_dir=${1:-build}
shift || true

# What the build needs, and what only runs need: Chromium renders script-built pages (the
# binary recommends it; the browser tests run it).
packages=(cmake g++ make pkg-config ca-certificates libcurl4-openssl-dev libgumbo-dev libdtl-dev
          libssl-dev nlohmann-json3-dev libcli11-dev libgtest-dev zlib1g-dev libpoppler-cpp-dev)
runtime_packages=(chromium-headless-shell)
# Tests only: valijson checks every change record the tests see against the JSON Schema
# (configuring the tests needs it); the completion tests run zsh and fish, the package test
# dpkg-shlibdeps (dpkg-dev, which cpack -G DEB needs anyway) and file (CPackDeb reads the
# binaries' type with it before it runs dpkg-shlibdeps), the view tests python3 (its
# HTML parser and expat read the pages and the Atom feed tosdiff writes).
case " $* " in
  *" -DTOSDIFF_BUILD_TESTS=OFF "*) ;;
  *) packages+=(libvalijson-dev)
     [ -n "$target" ] || runtime_packages+=(zsh fish dpkg-dev file python3) ;;
esac

missing_of() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}
mapfile -t missing < <(missing_of "${packages[@]}")
mapfile -t missing_runtime < <(missing_of "${runtime_packages[@]}")
$runtime_during_build || { missing+=("${missing_runtime[@]}"); missing_runtime=(); }
sudo=""
if [ $((${#missing[@]} + ${#missing_runtime[@]})) -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install: ${missing[*]} ${missing_runtime[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
runtime_install=""
if [ ${#missing_runtime[@]} -gt 0 ]; then
  echo "setup: installing ${missing_runtime[*]} while the build runs"
  runtime_log=$(mktemp "${TMPDIR:-/tmp}/tosdiff-setup-apt.XXXXXX")
  # sudo -n: a password asked for in the middle of the build's output would go unseen; it fails
  # instead, and says so after the build.
  ${sudo:+$sudo -n} env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing_runtime[@]}" >"$runtime_log" 2>&1 </dev/null &
  runtime_install=$!
  # A failed build must not leave apt running behind the script's back, nor its log.
  trap 'if [ -n "$runtime_install" ]; then echo "setup: waiting for apt-get to finish" >&2; wait "$runtime_install" 2>/dev/null || true; fi; rm -f "$runtime_log"' EXIT
fi

jobs=$(nproc 2>/dev/null || echo 2)
# -g1 (line tables: backtraces with file:line) instead of -g: a third off the build time.
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" "$@" >/dev/null
cmake --build "$build_dir" -j "$jobs" ${target:+--target "${targets[@]}"}

if [ -n "$runtime_install" ]; then
  # The build is done; the tests need what this installs (the browser tests skip without
  # Chromium, so a failed install must not pass unseen).
  status=0
  wait "$runtime_install" || status=$?
  runtime_install=""
  if [ "$status" -ne 0 ]; then
    cat "$runtime_log" >&2
    echo "setup: installing ${missing_runtime[*]} failed (status $status)" >&2
    exit 1
  fi
fi
