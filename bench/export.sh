#!/usr/bin/env bash
# Times `jobpost export` to md, html and jsonld on N generated postings (default
# 10000; several sizes may be given), then the same with Word documents and the
# Indeed, LinkedIn and Atom feeds beside them, and records peak memory, then times a
# single `jobpost render`. Uses hyperfine when installed, else /usr/bin/time.
# Run it on a quiet machine: other processes' CPU use shows up as wall time.
#   bash bench/export.sh [N...]          JOBS=2 by default
#   JOBPOST_BIN=path bash bench/export.sh   benchmarks that binary instead of building one
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000}")
jobs=${JOBS:-2}
work=$(mktemp -d)
# Deleted only at the end: on a file system without a journal (ext4 here),
# creating files within minutes of deleting thousands makes the kernel scan the
# recently freed inodes, which would be measured as export time. For the same
# reason each run writes a fresh folder and the previous one is moved aside.
trap 'rm -rf "$work"' EXIT

bin=${JOBPOST_BIN:-${CARGO_TARGET_DIR:-target}/release/jobpost}
[ -n "${JOBPOST_BIN:-}" ] || cargo build --release --quiet
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"

# One export of $dir/postings with extra flags ("$2"), timed, then once more
# for peak memory.
time_export() {
  local label=$1 extra=$2
  local run="$bin export $dir/postings --out $dir/out --jobs $jobs --date 2027-01-04 $extra"
  local aside="mv $dir/out \$(mktemp -u -p $dir old.XXXXXX) 2>/dev/null || true"
  echo
  echo "== $n postings, --jobs $jobs, $label"
  if command -v hyperfine >/dev/null; then
    # Exit code 1 is expected with feeds: generated postings without a country are left out.
    hyperfine --ignore-failure --warmup 1 --runs 5 --prepare "$aside" "$run"
  else
    for _ in 1 2 3; do sh -c "$aside"; { /usr/bin/time -f "%e s wall" $run 2>&1 || true; } | tail -1; done
  fi
  sh -c "$aside"
  { /usr/bin/time -f "%e s wall, %U s user, %S s system, peak RSS %M KiB" $run 2>&1 || true; } | tail -4
  echo "manifest: $(stat -c %s "$dir/out/.jobpost-manifest.json") bytes"
  echo "files written: $(find "$dir/out" -type f | wc -l)"
}

for n in "${sizes[@]}"; do
  dir=$work/$n
  python3 bench/gen.py "$n" "$dir/postings"
  time_export "md, html, jsonld" "--format md,html,jsonld"
  # The same with a Word document per posting and the three job-board feeds.
  time_export "md, html, jsonld, docx and feeds" \
    "--format md,html,jsonld,docx --base-url https://jobs.example/ --feeds indeed,linkedin,atom"
done

echo
echo "== a single render (HTML page with JSON-LD)"
one=$(find "$work/${sizes[0]}/postings" -name '*.toml' -print -quit)
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 3 --runs 30 -N "$bin render $one --format html --date 2027-01-04"
else
  /usr/bin/time -f "%e s wall" "$bin" render "$one" --format html --date 2027-01-04 >/dev/null
fi
