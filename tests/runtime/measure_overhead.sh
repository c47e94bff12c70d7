#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Prints TVMExecute()'s overhead over a direct tvmgen_<m>_run() call, in instructions (callgrind
# counts instructions, so the figure does not depend on machine load). Usage: measure_overhead.sh EXE
set -euo pipefail
exe=$1
command -v valgrind >/dev/null || { echo "valgrind not found (scripts/setup installs it)" >&2; exit 1; }
count() { # mode n -> total instructions
  local out; out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file="$out" "$exe" "$1" "$2" 2>/dev/null >/dev/null
  awk '/^summary:/ {print $2}' "$out"; rm -f "$out"
}
per_call() { echo $(( ($(count "$1" 2000) - $(count "$1" 1000)) / 1000 )); }
direct=$(per_call direct)
execute=$(per_call execute)
plain=$(per_call plain)
echo "instructions per call: direct tvmgen_run ${direct}, via TVMExecute ${execute}, hand-written descriptor ${plain}"
echo "TVMExecute overhead: $((execute - direct)) instructions per call (target <= 50)"
echo "TVMExecute overhead with a hand-written descriptor (entry_checks_buffers 0): $((plain - direct)) instructions per call"
