#!/usr/bin/env bash
# Sets up (missing Debian packages, builds) and runs the whole test suite: unit tests,
# integration tests (the real tosdiff binary against HTTP servers on 127.0.0.1) and the fuzz
# targets' seed replays. Twice: a normal build (build/), then a sanitizer build (build-asan/:
# AddressSanitizer with leak detection and UndefinedBehaviorSanitizer, Debug at -O1) in which
# any memory error, leak or undefined behaviour aborts the test that hit it.
#   scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

scripts/setup.sh build
ctest --test-dir build --output-on-failure -j "$jobs" --timeout 300

echo "test: sanitizer pass (build-asan/, ASan + UBSan)"
# -Og: optimized enough for the suite's timing checks (they do not hold at -O0) and builds in
# half the time of -O1, whose passes are slow on UBSan's checks. -g1: line tables are all a
# sanitizer report needs for file:line.
scripts/setup.sh build-asan -DTOSDIFF_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1 -Og"
# tests/lsan.supp: leaks in Debian's libraries that are not ours to fix (each one says why).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 600
