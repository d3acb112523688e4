#!/usr/bin/env bash
# Runs each fuzz target (fuzz/fuzz_targets: posting, markdown, lint, and the
# parser-level layer, markdown_html, tokens) for
# $FUZZ_SECONDS seconds (default 60), starting from the committed corpus in
# fuzz/corpus/<target>. A crash fails the script; libFuzzer saves the input
# under fuzz/artifacts/<target>/ (reproduce: cargo fuzz run <target> <file>).
#
# cargo-fuzz needs nightly compiler flags (-Zsanitizer); RUSTC_BOOTSTRAP=1 lets
# the stable toolchain accept them. cargo-fuzz is installed when missing.
#
#   bash .ci/fuzz.sh
#   FUZZ_SECONDS=600 bash .ci/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export RUSTC_BOOTSTRAP=1
# Word lists kept for the life of the process are not leaks (see fuzz/lsan.supp).
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp:print_suppressions=0"
seconds=${FUZZ_SECONDS:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v cargo-fuzz >/dev/null; then
  echo "== installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi

echo "== building the fuzz targets"
cargo fuzz build

for target in posting markdown lint layer markdown_html tokens; do
  echo "== fuzzing $target for ${seconds}s"
  # A copy of the corpus, so a CI run does not grow the committed one.
  mkdir -p "$work/$target"
  cp -r "corpus/$target/." "$work/$target/"
  status=0
  cargo fuzz run "$target" "$work/$target" -- \
    -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 >"$work/$target.log" 2>&1 ||
    status=$?
  if [ "$status" -ne 0 ]; then
    tail -40 "$work/$target.log"
    echo "fuzz: $target found a crash (exit $status); see fuzz/artifacts/$target/"
    exit 1
  fi
  grep -E '^(Done|stat::number_of_executed_units)' "$work/$target.log"
done
echo "fuzz: no crashes"
