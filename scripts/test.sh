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
# -O1: ASan's recommended level; at -O0 the suite's timing checks do not hold.
scripts/setup.sh build-asan -DTOSDIFF_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 600
