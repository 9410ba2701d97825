#!/usr/bin/env bash
# Renders the digest's HTML (`tosdiff digest --format html`, also the HTML part of email
# alerts) in headless Chromium, as a check that the one self-contained file displays well,
# and writes the screenshot to docs/digest.png. Builds the offline demo's archive (the
# bundled "Acme AI" pages, as scripts/demo.sh does) to have changes to show. Installs
# chromium (Debian's package) when it is missing. Nothing is fetched from the network by the
# page itself: it has no script, no external asset, and the script checks that too.
#   scripts/render-digest.sh [OUTPUT.png]      (TOSDIFF_BUILD_DIR=build by default)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/digest.png}
build_dir=${TOSDIFF_BUILD_DIR:-build}
scripts/setup.sh "$build_dir" >/dev/null

if ! command -v chromium >/dev/null; then
  echo "render-digest: installing chromium"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "render-digest: run as root or install chromium" >&2; exit 1; }
    sudo=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

tosdiff=$PWD/$build_dir/tosdiff
work=$(mktemp -d "${TMPDIR:-/tmp}/tosdiff-digest.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/site" "$work/catalog"
sed "s|@SITE@|$work/site|" fixtures/demo/acme.json.in > "$work/catalog/acme.json"
run() { XDG_CONFIG_HOME="$work/config" "$tosdiff" --data-dir "$work/data" --catalog "$work/catalog" "$@"; }
cp fixtures/demo/v1/*.html "$work/site/"
run check --no-alerts >/dev/null
cp fixtures/demo/v2/*.html "$work/site/"
run check --no-alerts >/dev/null
run digest --format html > "$work/digest.html"

# Self-contained: no script, no stylesheet or image or font to load, no remote anything.
if grep -Eiq '<script|<link|<img|<iframe|<object|@import|url\(|<[a-z]+[^>]* src=' "$work/digest.html"; then
  echo "render-digest: the digest HTML refers to something outside itself" >&2
  exit 1
fi

chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/profile" \
  --screenshot="$PWD/$out" --window-size=900,1400 "file://$work/digest.html" >/dev/null 2>&1
test -s "$out" || { echo "render-digest: chromium wrote no screenshot" >&2; exit 1; }
echo "render-digest: wrote $out ($(wc -c < "$out") bytes) from $(wc -c < "$work/digest.html") bytes of HTML"
