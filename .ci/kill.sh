#!/usr/bin/env bash
# Kills `jobpost export` with SIGKILL at random moments, many times, and checks
# that every file left in the output folder is complete (pages end with
# </html>, JSON parses; only `.jobpost-*.tmp` temporary files may be partial)
# and that a rerun with --force removes those and completes.
#
#   bash .ci/kill.sh            # 20 rounds
#   JOBPOST_KILL_ROUNDS=100 bash .ci/kill.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --quiet --test interrupt -- --ignored --nocapture 2>&1 |
  grep -Ev '^(running [0-9]+ tests?|)$'
