#!/usr/bin/env bash
# Times `jobpost export` to md, html and jsonld on N generated postings (default
# 10000; several sizes may be given) beside `cp -r` of its own output on the
# same disk and the Python peer (bench/peer.py: jinja2 + python-markdown), then
# an incremental re-export after changing 1% of the postings, peak memory, the
# same export with Word documents and the Indeed, LinkedIn and Atom feeds, and
# one `jobpost render` beside `jobpost --version`. Uses hyperfine when
# installed, else /usr/bin/time. Run it on a quiet machine: other processes'
# CPU use shows up as wall time; the machine's load is printed first.
#   bash bench/export.sh [N...]              JOBS=2 by default
#   JOBPOST_BIN=path bash bench/export.sh    that binary instead of building one
#   PREVIOUS_BIN=path bash bench/export.sh   also time an earlier build, same runs
#   WORK=/dev/shm/x bash bench/export.sh     where to write (tmpfs for the peer ratio)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000}")
jobs=${JOBS:-2}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
# Deleted only at the end: on a file system without a journal (ext4 here),
# creating files within minutes of deleting thousands makes the kernel scan the
# recently freed inodes, which would be measured as export time. For the same
# reason each run writes a fresh folder and the previous one is moved aside.
trap 'rm -rf "$work"' EXIT

bin=${JOBPOST_BIN:-${CARGO_TARGET_DIR:-target}/release/jobpost}
[ -n "${JOBPOST_BIN:-}" ] || cargo build --release --quiet
python3 -c 'import jinja2, markdown' 2>/dev/null || pip install --quiet jinja2 markdown
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# time_cmd NAME PREPARE COMMAND: hyperfine (5 runs after a warm-up) or /usr/bin/time.
time_cmd() {
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 5 --prepare "$2" -n "$1" "$3" | grep -E 'Time|Range'
  else
    for _ in 1 2 3; do sh -c "$2"; /usr/bin/time -f "$1: %e s wall" sh -c "$3" 2>&1 | tail -1; done
  fi
}

for n in "${sizes[@]}"; do
  dir=$work/$n
  python3 bench/gen.py "$n" "$dir/postings" >/dev/null
  args="export $dir/postings --format md,html,jsonld --jobs $jobs --posted 2027-01-04"
  aside="for d in out copy peer; do mv $dir/\$d \$(mktemp -u -p $dir old.XXXXXX) 2>/dev/null || true; done"
  echo
  echo "== $n postings, --jobs $jobs"
  time_cmd "jobpost export (cold)" "$aside" "$bin $args --out $dir/out"
  [ -z "${PREVIOUS_BIN:-}" ] || time_cmd "previous build (cold)" "$aside" "$PREVIOUS_BIN $args --out $dir/out"
  sh -c "$aside"; "$bin" $args --out "$dir/out" 2>/dev/null
  time_cmd "cp -r of the same output" "rm -rf $dir/copy" "cp -r $dir/out $dir/copy"
  time_cmd "Python peer (jinja2 + markdown)" "rm -rf $dir/peer" "python3 bench/peer.py $dir/postings $dir/peer"
  # 1% of the postings change (their title), then the same export again.
  touch_some="python3 bench/gen.py --retitle $((n / 100)) $dir/postings"
  time_cmd "re-export, nothing changed" "true" "$bin $args --out $dir/out"
  time_cmd "re-export after 1% changed" "$touch_some" "$bin $args --out $dir/out"
  sh -c "$aside"
  /usr/bin/time -f "cold: %e s wall, %U s user, %S s system, peak RSS %M KiB" "$bin" $args --out "$dir/out" 2>&1 | tail -1
  echo "files written: $(find "$dir/out" -type f | wc -l)"
  # The same with a Word document per posting and the three job-board feeds. Exit
  # code 1 is expected: generated postings without a country are left out of two feeds.
  pub="${args/--format md,html,jsonld/--format md,html,jsonld,docx} --base-url https://jobs.example/ --feeds indeed,linkedin,atom"
  sh -c "$aside"
  time_cmd "jobpost export with docx and feeds (cold)" "$aside" "$bin $pub --out $dir/out 2>/dev/null || true"
  sh -c "$aside"
  { /usr/bin/time -f "with docx and feeds, cold: %e s wall, %U s user, %S s system, peak RSS %M KiB" "$bin" $pub --out "$dir/out" 2>&1 || true; } | tail -1
  echo "files written: $(find "$dir/out" -type f | wc -l), manifest $(stat -c %s "$dir/out/.jobpost-manifest.json") bytes"
done

echo
echo "== a single render (HTML page with JSON-LD) beside --version"
one=$(find "$work/${sizes[0]}/postings" -name '*.toml' -print -quit)
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 5 --runs 50 "$bin --version" "$bin render $one --format html --posted 2027-01-04" | grep -E 'Time|Range|faster'
else
  /usr/bin/time -f "%e s wall" "$bin" render "$one" --format html --posted 2027-01-04 >/dev/null
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
