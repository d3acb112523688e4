#!/usr/bin/env bash
# What a job seeker sees, checked in headless Chromium: exports the postings in
# tests/browser/postings (a typical cashier posting and a few others from one
# employer, with logo and brand colour) and runs browser.js, which asserts at
# 1280x800 and 390x844 that
#   - neither the posting nor the careers page scrolls sideways;
#   - the Apply button and the pay figure are inside the first screen;
#   - typing in the search box, and choosing a workplace, filter the rows;
#   - with JavaScript off every row is visible;
#   - the posting, and every example in examples/ (the London one among them),
#     prints on one or two A4 and Letter pages.
# Installs Debian's chromium when missing, and puppeteer-core from npm (told not
# to download a browser) into $JOBPOST_CI_TOOLS/browser. With SCREENSHOTS=DIR,
# also saves the screenshots and the printed PDF there.
#
#   bash .ci/browser.sh
#   SCREENSHOTS=docs bash .ci/browser.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools=${JOBPOST_CI_TOOLS:-/tmp/jobpost-ci-tools}/browser
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { printf '\n== %s\n' "$*"; }
# shellcheck source=.ci/chromium.sh
. .ci/chromium.sh

need_chromium
if [ ! -f "$tools/node_modules/puppeteer-core/package.json" ]; then
  step "installing puppeteer-core"
  mkdir -p "$tools"
  # A package.json of its own: without one npm installs into the nearest folder
  # upwards that has one (the validators' tools folder), not here.
  [ -f "$tools/package.json" ] || echo '{}' >"$tools/package.json"
  (cd "$tools" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error puppeteer-core@24)
fi

step "exporting the sample"
cargo build --quiet
bin=$(realpath "${CARGO_TARGET_DIR:-target}")/debug/jobpost
out=$work/out
"$bin" export tests/browser/postings --out "$out" --format html,jsonld --date 2027-01-04 \
  --base-url https://jobs.example.com/careers/

# The examples as their own pages: each must print on one or two pages too.
"$bin" export examples --out "$work/examples" --format html --date 2027-01-04
printed=$(find "$work/examples" -name '*.html' ! -name index.html | sort | paste -sd: -)

step "the posting and the careers page in headless Chromium"
shots=${SCREENSHOTS:+$(mkdir -p "$SCREENSHOTS" && realpath "$SCREENSHOTS")}
mkdir -p "$work/profile"
# browser.js finds puppeteer-core through NODE_PATH, so nothing is installed in the tree.
NODE_PATH="$tools/node_modules" CHROMIUM=$(command -v chromium) JOBPOST_PROFILE="$work/profile" \
  JOBPOST_PRINTED="$printed" \
  node .ci/browser.js "$out" "$out/cashier.html" ${shots:+"$shots"}
