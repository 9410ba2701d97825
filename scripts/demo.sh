#!/usr/bin/env bash
# The offline demo: sets up, builds, and runs tosdiff's main job on bundled synthetic policy
# pages (fixtures/demo) in two versions, through the same code path as a real platform:
# a declaration in Open Terms Archive's format, fetched (file:// URLs), normalized, diffed,
# archived, reported. Nothing leaves the machine.
#   scripts/demo.sh            (the demo archive goes to a new temp directory)
set -euo pipefail
cd "$(dirname "$0")/.."
# The binary only: the demo needs neither the test suite nor its build time.
scripts/setup.sh --target tosdiff build >/dev/null

tosdiff=$PWD/build/tosdiff
demo=$(mktemp -d "${TMPDIR:-/tmp}/tosdiff-demo.XXXXXX")
mkdir -p "$demo/site" "$demo/catalog"
sed "s|@SITE@|$demo/site|" fixtures/demo/acme.json.in > "$demo/catalog/acme.json"
run() { echo "\$ tosdiff $*"; "$tosdiff" --data-dir "$demo/data" --catalog "$demo/catalog" "$@"; }

echo "== 1. The platform publishes its terms; tosdiff archives them"
cp fixtures/demo/v1/*.html "$demo/site/"
run check
echo
echo "== 2. Nothing changed: no output (cron mails nothing)"
run check
echo
echo "== 3. The platform updates its pages (real changes, plus noise: reformatted dates,"
echo "==    tracking ids in links, a new cookie banner text, typographic quotes)"
cp fixtures/demo/v2/*.html "$demo/site/"
run check --exit-code || echo "(exit code $?: a substantive change was recorded)"
echo
echo "== 4. The cosmetic-only change of the privacy policy was archived, not alerted"
run history acme
echo
echo "== 5. The change record as JSON (for scripts), abridged"
run diff acme/terms-of-use --json | sed -n "1,60p"
echo "..."
echo
echo "Archive: $demo/data   (plain files; see docs/archive-layout.md)"
