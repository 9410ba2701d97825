#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ (clang, ASan + UBSan, in build-fuzz/) and runs
# each for SECONDS (default 10) from its seeds in fixtures/fuzz/<target>/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 600 fuzz_normalize
# New inputs go to build-fuzz/corpus/<target>/ (the seeds are not touched), crashes, leaks
# and timeouts to build-fuzz/artifacts/<target>-*, logs to build-fuzz/logs/. Exit status 1
# when any target found something. See tests/fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-10}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_charset fuzz_config fuzz_declaration fuzz_diff fuzz_index fuzz_normalize fuzz_outbox
                                    fuzz_record fuzz_selector)

# clang and its fuzzer/sanitizer runtimes, on top of what setup.sh installs.
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "fuzz: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "fuzz: run as root or install: ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# -O1 -g without NDEBUG: assert() stays live; the sanitizers come from TOSDIFF_FUZZ.
scripts/setup.sh build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DTOSDIFF_FUZZ=ON -DTOSDIFF_BUILD_TESTS=OFF \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g"

max_len() {
  case $1 in
    fuzz_selector) echo 512 ;;
    fuzz_charset) echo 4096 ;;
    fuzz_normalize) echo 16384 ;;
    *) echo 8192 ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p build-fuzz/corpus build-fuzz/artifacts build-fuzz/logs
failed=()
printf '%-18s %10s %8s %6s %7s  %s\n' target execs exec/s cov ft result
for t in "${targets[@]}"; do
  bin=build-fuzz/tests/fuzz/$t
  [ -x "$bin" ] || { echo "fuzz: no target $t" >&2; exit 2; }
  mkdir -p "build-fuzz/corpus/$t"
  dict=()
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
  log=build-fuzz/logs/$t.log
  status=ok
  "$bin" "${dict[@]}" -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=30 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$t-" \
    "build-fuzz/corpus/$t" "fixtures/fuzz/$t" >"$log" 2>&1 || status=FOUND
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  if [ "$status" != ok ]; then
    failed+=("$t")
    status="FOUND: $(grep -m1 -o "Test unit written to .*" "$log" || echo "see $log")"
  fi
  printf '%-18s %10s %8s %6s %7s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$status"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]}; logs in build-fuzz/logs/" >&2
  exit 1
fi
