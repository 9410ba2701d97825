#!/usr/bin/env bash
# Sets up (missing Debian packages, build) and runs the whole test suite: unit tests and
# integration tests (the real tosdiff binary against HTTP servers on 127.0.0.1).
#   scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
jobs=$(nproc 2>/dev/null || echo 2)
ctest --test-dir build --output-on-failure -j "$jobs" --timeout 300
