#!/usr/bin/env bash
# Sets up (missing Debian packages, the build) and runs the whole test suite: unit tests,
# integration tests (the real tosdiff binary against HTTP servers on 127.0.0.1), the renderer's
# tests (real Chromium), the fuzz targets' seed replays, the kill -9 crash loops and the Debian
# package's test (tests/package_test.sh, a ctest test: the package is built from this build and
# inspected). CI (.ci/run) runs it and has ten minutes on 2 cores.
# One build, build/: the binary as shipped (optimized, as scripts/demo.sh and the package
# build it), its install files and the tests beside it; every test runs the binary that ships.
# The same suite under ASan and UBSan is scripts/sanitize.sh (a second build and a slower
# pass: eight minutes of a fresh machine alone, so a developer's pass and not CI's).
#   scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
# One test more than cores: many tests wait (on servers, timeouts, Chromium, child
# processes), and a third one running meanwhile took a fifth off the pass on 2 cores.
test_jobs=$((jobs + 1))

# Each phase says how long it took: CI has 10 minutes on 2 cores for all of it.
SECONDS=0
# The options said: a build/ that scripts/demo.sh or scripts/sanitize.sh configured keeps its cache.
scripts/setup.sh build -DTOSDIFF_BUILD_TESTS=ON -DTOSDIFF_UNIT_TESTS=ON -DTOSDIFF_SHIPPED_BINARY=
echo "test: packages and the build in ${SECONDS} s"; SECONDS=0

ctest --test-dir build --output-on-failure -j "$test_jobs" --timeout 600
echo "test: the pass in ${SECONDS} s"
