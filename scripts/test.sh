#!/usr/bin/env bash
# Sets up (missing Debian packages, builds) and runs the whole test suite: unit tests,
# integration tests (the real tosdiff binary against HTTP servers on 127.0.0.1), the renderer's
# tests (real Chromium), the fuzz targets' seed replays and the Debian package's test.
# Two builds of tosdiff:
# - build/: the binary as shipped (optimized, as scripts/demo.sh and the package build it) and
#   its install files, nothing else. The Debian package is built from it and inspected, and the
#   kill -9 crash loops, the SIGTERM/SIGINT tests and the shell completions run it (below).
# - build-asan/: everything, with AddressSanitizer (leak detection) and UndefinedBehaviorSanitizer,
#   Debug at -Og. Every test runs there, and any memory error, leak or undefined behaviour
#   aborts the test that hit it.
# The integration tests used to be built and run in build/ too: a second build of the test
# code and a second pass, two and a half minutes of a fresh machine's sixteen, for what the
# sanitizer pass checks more strictly.
#   scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
# One test more than cores: many tests wait (on servers, timeouts, Chromium, child
# processes), and a third one running meanwhile took a fifth off the pass on 2 cores.
test_jobs=$((jobs + 1))

# Each phase says how long it took: CI has 10 minutes on 2 cores for all of it.
SECONDS=0
scripts/setup.sh --target tosdiff --target tosdiff_install_files build -DTOSDIFF_BUILD_TESTS=OFF
echo "test: packages and the shipped binary's build in ${SECONDS} s"; SECONDS=0

# -Og: optimized enough for the suite's timing checks (they do not hold at -O0) and builds in
# half the time of -O1, whose passes are slow on UBSan's checks. -g1: line tables are all a
# sanitizer report needs for file:line.
# TOSDIFF_SHIPPED_BINARY: the crash loops, the signal tests and the completions run build/'s
# binary (tests/support/shipped_binary.hpp): the kill loops test the archive's state after a
# kill at a random instant, which the sanitizers do not see, and under them each loop is
# several times slower; on a fresh Debian 12 (2 of 2 runs on 2026-12-02) the ASan binary
# archived nothing in 30 s after SIGTERM, which 40 local runs under load never showed; the
# completions are zsh's and fish's reading of what the binary printed.
scripts/setup.sh build-asan -DTOSDIFF_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1 -Og" \
  -DTOSDIFF_SHIPPED_BINARY="$PWD/build/tosdiff"
echo "test: packages and the sanitizer build in ${SECONDS} s"; SECONDS=0

# The Debian package of the shipped binary (cpack and dpkg's tools; it needs the test packages
# the sanitizer build's setup installed).
bash tests/package_test.sh build
echo "test: package in ${SECONDS} s"; SECONDS=0

# tests/lsan.supp: leaks in Debian's libraries that are not ours to fix (each one says why).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$test_jobs" --timeout 600
echo "test: sanitizer pass in ${SECONDS} s"
