#!/usr/bin/env bash
# Proves in a real browser that no posting text can run script on a page.
#
# Exports the postings in tests/xss/postings (each puts one XSS payload in every
# text field; the payload tries to set data-pwned on <body>) to HTML pages and
# the careers index, checks `jobpost render --format html` writes the same pages,
# then loads every page in headless Chromium and dumps the DOM after scripts ran.
# A page fails when its <body> carries data-pwned, or when any element keeps a
# javascript:, vbscript: or data: URL (those run on a click, not on load).
# First, a self-test: the deliberately unsafe pages in tests/xss/selftest must
# be flagged, or the check itself is broken.
#
# Installs Debian's chromium when missing.
#
#   bash .ci/xss.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { printf '\n== %s\n' "$*"; }

# shellcheck source=.ci/chromium.sh
. .ci/chromium.sh
need_chromium

# The page's DOM after load, scripts and timers (virtual time) included.
dom() {
  headless_chromium "$work" --virtual-time-budget=3000 --dump-dom "file://$1"
}

# A page without the links only an exported page has (back to the careers page).
standalone() {
  sed -e 's|^<a class="back" href="[^"]*">All open positions</a>$||' \
    -e 's|<span class="nav">.*</span>||' "$1"
}

# Why the page at $1 is unsafe, or nothing.
verdict() {
  local dumped
  dumped=$(dom "$1")
  if [ -z "$dumped" ]; then
    echo "chromium dumped nothing"
  elif grep -Eo '<body[^>]*>' <<<"$dumped" | grep -q 'data-pwned'; then
    grep -Eo '<body[^>]*>' <<<"$dumped" | head -1
  else
    # Text is serialised with < escaped, so a raw < starts a real element.
    grep -Eio "<[a-z][^<>]*[[:space:]](href|src|action|formaction|data|poster|background)=\"[[:space:]]*(javascript|vbscript|data):[^\"]{0,40}" \
      <<<"$dumped" | head -1 || true
  fi
}

step "self-test: unsafe pages are flagged"
for page in tests/xss/selftest/*.html; do
  why=$(verdict "$PWD/$page")
  if [ -z "$why" ]; then
    echo "self-test failed: $page was not flagged, so the check cannot be trusted"
    exit 1
  fi
  echo "flagged $page: $why"
done

step "exporting the hostile postings"
cargo build --quiet
bin=$(realpath "${CARGO_TARGET_DIR:-target}")/debug/jobpost
out=$work/out
"$bin" export tests/xss/postings --out "$out" --format html,md --date 2027-01-04
for posting in tests/xss/postings/*.toml; do
  name=$(basename "$posting" .toml)
  "$bin" render "$posting" --format html --date 2027-01-04 -o "$work/$name.html"
  cmp -s "$work/$name.html" <(standalone "$out/$name.html") ||
    { echo "render and export differ for $name"; exit 1; }
done
echo "render --format html writes the same pages as export, but for the links back to the index"

step "loading every page in headless Chromium"
failed=0
pages=("$out"/*.html)
for page in "${pages[@]}"; do
  why=$(verdict "$page")
  if [ -n "$why" ]; then
    echo "UNSAFE $(basename "$page"): $why"
    failed=$((failed + 1))
  fi
done
echo "${#pages[@]} pages loaded, $failed unsafe"
[ "$failed" -eq 0 ]
echo "xss: no payload ran"
