#!/usr/bin/env bash
# Runs each fuzz target (fuzz/fuzz_targets: posting, markdown, lint, and the
# parser-level layer, markdown_html, tokens) for
# $FUZZ_SECONDS seconds (default 60), starting from the committed corpus in
# fuzz/corpus/<target>. A crash fails the script; libFuzzer saves the input
# under fuzz/artifacts/<target>/ (reproduce: the cargo fuzz run line below with
# the input file in place of the corpus folder).
#
# Two builds. The whole-pipeline targets run under AddressSanitizer with
# libFuzzer's comparison tracing: they reach the dependencies' unsafe code
# (html5ever's tendrils, the allocator paths of every parser). The parser-level
# targets are built for throughput, to reach tens of millions of executions in
# an hour's run: no sanitizer (the code they reach is safe Rust, and the same
# parsers run under ASan in the pipeline targets) and no comparison tracing,
# whose strings are given instead as libFuzzer dictionaries (fuzz/dict/).
# Overflow checks and debug assertions stay on in both (cargo fuzz's default).
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

# The parser-level build keeps its own target folder, so neither build
# invalidates the other's artefacts.
parser_build=(-s none --no-trace-compares)
parser_target="$PWD/target/parser"

echo "== building the whole-pipeline fuzz targets (AddressSanitizer)"
cargo fuzz build posting
cargo fuzz build markdown
cargo fuzz build lint
echo "== building the parser-level fuzz targets (no sanitizer)"
CARGO_TARGET_DIR=$parser_target cargo fuzz build "${parser_build[@]}"

for target in posting markdown lint layer markdown_html tokens; do
  echo "== fuzzing $target for ${seconds}s"
  # A copy of the corpus, so a CI run does not grow the committed one.
  mkdir -p "$work/$target"
  cp -r "corpus/$target/." "$work/$target/"
  build=()
  extra=()
  case $target in
    layer) build=("${parser_build[@]}"); extra=(-dict=dict/toml.dict) ;;
    markdown_html) build=("${parser_build[@]}"); extra=(-dict=dict/markdown.dict) ;;
    tokens) build=("${parser_build[@]}") ;;
  esac
  status=0
  CARGO_TARGET_DIR=$([ ${#build[@]} -gt 0 ] && echo "$parser_target" || echo "$PWD/target") \
    cargo fuzz run "${build[@]}" "$target" "$work/$target" -- "${extra[@]}" \
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
