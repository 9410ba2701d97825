#!/usr/bin/env bash
# The Debian package, built by `cpack -G DEB` from the build tree and inspected as dpkg sees
# it: its files (binary, man page, completions, documentation), its control fields (Depends
# on the Debian packages of every library the binary is linked with, Recommends
# chromium-headless-shell), and its contents working once unpacked.
#   tests/package_test.sh BUILD_DIR
set -euo pipefail
# Any command that fails says so (set -e alone would end the test without a word).
trap 'echo "package_test: line $LINENO: a command failed (status $?)" >&2' ERR
build=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tosdiff-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "package_test: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
debs=("$work"/out/tosdiff_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one tosdiff_*.deb, found: ${debs[*]}"
deb=${debs[0]}

# ---- The files ----
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/files"
for path in ./usr/bin/tosdiff ./usr/share/man/man1/tosdiff.1.gz \
            ./usr/share/bash-completion/completions/tosdiff ./usr/share/zsh/vendor-completions/_tosdiff \
            ./usr/share/fish/vendor_completions.d/tosdiff.fish ./usr/share/doc/tosdiff/copyright \
            ./usr/share/doc/tosdiff/README.md ./usr/share/doc/tosdiff/examples/crontab \
            ./usr/share/doc/tosdiff/examples/tosdiff.service ./usr/share/doc/tosdiff/examples/tosdiff.timer; do
  grep -qxF "$path" "$work/files" || fail "$path is not in the package: $(cat "$work/files")"
done
# Nothing of the build or the tests: every file is under /usr, and no test binary.
grep -v '^\./usr/' "$work/files" | grep -v '^\./$' && fail "files outside /usr"
grep -E 'test|fuzz|fault' "$work/files" && fail "test files in the package"

# ---- The control fields ----
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = tosdiff ] || fail "Package: $(field Package)"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture: $(field Architecture)"
depends=$(field Depends)
recommends=$(field Recommends)
dpkg-deb -I "$deb" >"$work/info"
for package in libcurl4 libgumbo1 libpoppler-cpp0v5 libssl3 libstdc++6 libc6; do
  [[ ", $depends," == *", $package "* || ", $depends," == *", $package,"* ]] || fail "Depends lacks $package: $depends"
done
[[ $recommends == *chromium-headless-shell* ]] || fail "Recommends lacks chromium-headless-shell: $recommends"
[[ $depends != *chromium* ]] || fail "chromium must be recommended, not a dependency: $depends"

# ---- Unpacked, it works ----
dpkg-deb -x "$deb" "$work/root"
bin=$work/root/usr/bin/tosdiff
# Every library the packaged binary needs comes from a package it depends on.
ldconfig -p >"$work/ldconfig"  # read whole: an awk that exits early would SIGPIPE ldconfig (pipefail)
libraries=0
for library in $(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  path=$(awk -v l="$library" '$1 == l && /x86-64|x32|AArch64|64bit/ {print $NF; exit}' "$work/ldconfig")
  [ -n "$path" ] || path=$(awk -v l="$library" '$1 == l {print $NF; exit}' "$work/ldconfig")
  owner=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1 || true)
  [ -n "$owner" ] || owner=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1 || true)
  [ -n "$owner" ] || fail "no Debian package provides $library ($path)"
  [[ ", $depends," == *", $owner "* || ", $depends," == *", $owner,"* ]] || fail "$library comes from $owner, not in Depends: $depends"
  libraries=$((libraries + 1))
done
[ "$libraries" -ge 5 ] || fail "only $libraries libraries read from the binary"
# Stripped: the -g1 line tables stay in the build tree.
sections=$(readelf -S "$bin")
[[ $sections != *.debug_* ]] || fail "the packaged binary is not stripped"
version=$("$bin" --version)
[ "$version" = "tosdiff $(field Version)" ] || fail "--version: $version"
gzip -t "$work/root/usr/share/man/man1/tosdiff.1.gz" || fail "the man page is not gzip"
zcat "$work/root/usr/share/man/man1/tosdiff.1.gz" >"$work/man.1"  # (grep -q in a pipe would SIGPIPE zcat)
grep -q '^\.TH TOSDIFF 1' "$work/man.1" || fail "the man page has no .TH TOSDIFF 1"
# The completion installed is the one the packaged binary renders.
"$bin" completions bash | cmp - "$work/root/usr/share/bash-completion/completions/tosdiff" ||
  fail "the packaged bash completion differs from \`tosdiff completions bash\`"
echo "package_test: $(basename "$deb") ok ($libraries libraries; Depends: $depends; Recommends: $recommends)"
