#!/usr/bin/env bash
# Validates what `jobpost export` writes, on a sample of every role preset plus
# the export and JSON-LD test postings:
#   - every HTML page and the index pass the Nu HTML Checker with no errors;
#   - every HTML page and the index pass axe-core (WCAG 2 A and AA) in headless Chromium;
#   - every Markdown file, BENCHMARKS.md and README.md passes markdownlint (config: .markdownlint.jsonc).
# Exits non-zero on any finding. Installs Chromium from Debian and the checkers
# from npm into $JOBPOST_CI_TOOLS (default /tmp/jobpost-ci-tools, reused when present).
# With SCREENSHOTS=DIR, also saves DIR/page.png and DIR/index.png.
#
#   bash .ci/validate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tools=${JOBPOST_CI_TOOLS:-/tmp/jobpost-ci-tools}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { printf '\n== %s\n' "$*"; }

install_tools() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "installing chromium and chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if [ ! -x "$tools/node_modules/.bin/axe" ] || [ ! -x "$tools/node_modules/.bin/markdownlint" ] ||
    [ ! -f "$tools/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
    step "installing vnu-jar, @axe-core/cli and markdownlint-cli"
    mkdir -p "$tools"
    # The chromedriver package would download its own driver; Debian's is used instead.
    (cd "$tools" && CHROMEDRIVER_SKIP_DOWNLOAD=true PUPPETEER_SKIP_DOWNLOAD=1 \
      npm install --no-audit --no-fund --loglevel=error \
      vnu-jar@26 @axe-core/cli@4 markdownlint-cli@0.48)
  fi
}

# One posting per preset (every fourth one remote), the JSON-LD and export test
# postings without the deliberately broken one, and a company profile.
make_sample() {
  local bin=$1 in=$work/in i=0
  mkdir -p "$in/presets"
  for id in $("$bin" roles list | awk '/^  /{print $1}'); do
    if [ $((i % 4)) -eq 3 ]; then
      place='workplace = "remote"
applicant_countries = ["US", "CA"]'
    else
      place='workplace = "on-site"
street = "1600 Market St"
city = "Denver"
region = "CO"
postal_code = "80202"
country = "US"'
    fi
    printf 'role = "%s"\nreference = "REF-%03d"\n\n[location]\n%s\n' "$id" "$i" "$place" \
      >"$in/presets/$id.toml"
    i=$((i + 1))
  done
  printf '[company]\nname = "Juniper Outfitters"\nwebsite = "https://www.example.com"\nabout = "We sell outdoor gear from **twelve stores** in Colorado."\n' \
    >"$work/company.toml"
  (cd tests/fixtures && find render-jsonld render-jsonld-remote hostile-html export-basic/postings \
    -name '*.toml' ! -name broken.toml -exec cp --parents {} "$in/" \;)
}

install_tools
step "exporting the sample"
cargo build --quiet
bin=${CARGO_TARGET_DIR:-target}/debug/jobpost
make_sample "$bin"
out=$work/out
"$bin" export "$work/in" --out "$out" --company "$work/company.toml" \
  --format md,html,jsonld,txt --date 2027-01-04
mapfile -t pages < <(find "$out" -name '*.html' | sort)
mapfile -t markdown < <(find "$out" -name '*.md' | sort)
echo "${#pages[@]} HTML pages, ${#markdown[@]} Markdown files"

step "Nu HTML Checker"
java -jar "$tools/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only "${pages[@]}"
echo "no errors"

step "axe-core, WCAG 2 A and AA"
# One browser session for every page; --save with --exit is what makes it fail
# on violations (with --stdout it always exits 0).
"$tools/node_modules/.bin/axe" "${pages[@]/#/file://}" --chromedriver-path "$(command -v chromedriver)" \
  --chrome-options="headless,no-sandbox,disable-gpu" --tags wcag2a,wcag2aa \
  --dir "$work" --save axe.json --exit >"$work/axe.log" 2>&1 || { cat "$work/axe.log"; exit 1; }
node -e 'const r = require(process.argv[1]);
  const bad = r.filter(p => p.violations.length);
  console.log(`${r.length} pages checked, ${bad.length} with violations`);
  process.exit(r.length && !bad.length ? 0 : 1);' "$work/axe.json"

step "markdownlint"
"$tools/node_modules/.bin/markdownlint" --config .markdownlint.jsonc "${markdown[@]}" BENCHMARKS.md README.md
echo "no findings"

if [ -n "${SCREENSHOTS:-}" ]; then
  step "screenshots in $SCREENSHOTS"
  mkdir -p "$SCREENSHOTS"
  shot() {
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --hide-scrollbars --user-data-dir="$(mktemp -d -p "$work")" \
      --screenshot="$2" --window-size=1000,1300 "file://$1" 2>/dev/null
  }
  shot "$out/render-jsonld/posting.html" "$SCREENSHOTS/page.png"
  shot "$out/index.html" "$SCREENSHOTS/index.png"
fi
echo
echo "validate: all checks passed"
