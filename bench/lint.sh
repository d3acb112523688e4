#!/usr/bin/env bash
# Times `jobpost lint` on N generated TOML postings (default 1000) and on the same
# postings rendered to Markdown, and records peak memory.
#   bash bench/lint.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/jobpost
python3 bench/gen.py "$n" "$work/postings"
$bin export "$work/postings" --out "$work/md" --format md --date 2027-01-04 >/dev/null 2>&1
echo "== $n postings, $(nproc) cores"
for input in postings md; do
  run="$bin lint $work/$input --format json --fail-on never"
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 10 -N "$run"
  fi
  /usr/bin/time -f "$input: %e s wall, %U s user, peak RSS %M KiB" $run 2>&1 >/dev/null | tail -1
done
