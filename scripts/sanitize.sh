#!/usr/bin/env bash
# The whole test suite again, under AddressSanitizer (leak detection) and
# UndefinedBehaviorSanitizer: a developer's pass before landing a change to the library or the
# tests (the use-after-free of a string_view into a temporary, an overflowing time_point were
# found here), and after any session's rules. Not CI's: CI (scripts/test.sh) has ten minutes
# on 2 cores, and this pass alone is eight of them on a fresh machine (a second build of
# everything, the tests under the sanitizers several times slower).
# Two builds, as scripts/test.sh's one plus this one:
# - build/: the binary as shipped (optimized) and its install files: the kill -9 crash loops,
#   the SIGTERM/SIGINT tests and the shell completions run it (below).
# - build-asan/: everything, Debug at -Og, the sanitizers on the library, the binary and the
#   test servers (the test files themselves under ASan only); every test runs there, and any
#   memory error, leak or undefined behaviour aborts the test that hit it.
#   scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
test_jobs=$((jobs + 1))  # as scripts/test.sh: many tests wait

SECONDS=0
scripts/setup.sh --target tosdiff --target tosdiff_install_files build
echo "sanitize: the shipped binary's build in ${SECONDS} s"; SECONDS=0

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
echo "sanitize: the sanitizer build in ${SECONDS} s"; SECONDS=0

# tests/lsan.supp: leaks in Debian's libraries that are not ours to fix (each one says why).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$test_jobs" --timeout 600
echo "sanitize: the pass in ${SECONDS} s"
