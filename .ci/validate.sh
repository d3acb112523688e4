#!/usr/bin/env bash
# Validates what `jobpost export` writes, on a sample of every role preset plus
# the export and JSON-LD test postings:
#   - every HTML page and the index pass the Nu HTML Checker with no errors;
#   - every HTML page and the index pass axe-core (WCAG 2 A and AA, colour contrast
#     included) in headless Chromium, in light and in dark mode (prefers-color-scheme);
#   - every Markdown file, BENCHMARKS.md and README.md passes markdownlint (config: .markdownlint.jsonc).
# Exits non-zero on any finding. Installs Chromium from Debian and the checkers
# from npm into $JOBPOST_CI_TOOLS (default /tmp/jobpost-ci-tools, reused when present).
# Screenshots are taken by .ci/browser.sh.
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
# postings without the deliberately broken one, the browser test's branded
# postings (logo and colour), the examples and a posting in each other locale, and
# a company profile.
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
  cp -r tests/browser/postings "$in/branded"
  # The examples (US, UK, Canada) and a posting each in Ireland and Australia, so
  # a page in every locale is checked.
  cp -r examples "$in/examples"
  printf 'role = "cashier"\n\n[location]\nworkplace = "on-site"\ncity = "Dublin"\ncountry = "IE"\n\n[pay]\ncurrency = "EUR"\nperiod = "hour"\nmin = 14.5\nmax = 16\n' \
    >"$in/ie-dublin.toml"
  printf 'role = "customer-service"\n\n[location]\nworkplace = "hybrid"\ncity = "Sydney"\nregion = "NSW"\ncountry = "AU"\n\n[pay]\ncurrency = "AUD"\nperiod = "year"\nmin = 62000\nmax = 70000\n' \
    >"$in/au-sydney.toml"
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
# Dark mode through Blink's preferred colour scheme (0 is dark), as a reader's
# system setting would choose it.
for mode in light dark; do
  options="headless,no-sandbox,disable-gpu"
  [ "$mode" = dark ] && options="$options,blink-settings=preferredColorScheme=0"
  "$tools/node_modules/.bin/axe" "${pages[@]/#/file://}" --chromedriver-path "$(command -v chromedriver)" \
    --chrome-options="$options" --tags wcag2a,wcag2aa \
    --dir "$work" --save "axe-$mode.json" --exit >"$work/axe.log" 2>&1 || { cat "$work/axe.log"; exit 1; }
  node -e 'const r = require(process.argv[1]);
    const bad = r.filter(p => p.violations.length);
    console.log(`${process.argv[2]} mode: ${r.length} pages checked, ${bad.length} with violations`);
    process.exit(r.length && !bad.length ? 0 : 1);' "$work/axe-$mode.json" "$mode"
done

step "markdownlint"
"$tools/node_modules/.bin/markdownlint" --config .markdownlint.jsonc "${markdown[@]}" BENCHMARKS.md README.md
echo "no findings"

echo
echo "validate: all checks passed"
