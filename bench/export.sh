#!/usr/bin/env bash
# Times `jobpost export` to md, html and jsonld on N generated postings (default
# 10000) and records peak memory. Uses hyperfine when installed, else /usr/bin/time.
# Run it on a quiet machine: other processes' CPU use shows up as wall time.
#   bash bench/export.sh [N] [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
jobs=${2:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# JOBPOST_BIN=path benchmarks that binary instead of building one.
bin=${JOBPOST_BIN:-target/release/jobpost}
[ -n "${JOBPOST_BIN:-}" ] || cargo build --release --quiet
python3 bench/gen.py "$n" "$work/postings"
run="$bin export $work/postings --out $work/out --format md,html,jsonld --jobs $jobs --date 2027-01-04 --force"

# Each run writes a fresh folder; the last one is moved aside, not deleted: on a
# file system without a journal (ext4 here), creating files right after deleting
# thousands costs the kernel a scan of the recently freed inodes, which would be
# measured as export time.
aside="mv $work/out \$(mktemp -u -p $work old.XXXXXX) 2>/dev/null || true"
echo "== $n postings, --jobs $jobs, $(nproc) cores"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 5 --prepare "$aside" "$run"
else
  for _ in 1 2 3; do sh -c "$aside"; /usr/bin/time -f "%e s wall" $run 2>&1 | tail -1; done
fi
sh -c "$aside"
/usr/bin/time -f "%e s wall, %U s user, %S s system, peak RSS %M KiB" $run 2>&1 | tail -2
echo "files written: $(find "$work/out" -type f | wc -l)"
# A single render, for the 5 ms target.
one=$(find "$work/postings" -name '*.toml' | head -1)
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 3 --runs 30 -N "$bin render $one --format html --date 2027-01-04"
fi
