#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Prints what one probed operator call costs over an unprobed one, in instructions (callgrind counts
# instructions, so the figure does not depend on machine load). Usage: measure_probe.sh EXE
set -euo pipefail
exe=$1
command -v valgrind >/dev/null || { echo "valgrind not found (scripts/setup installs it)" >&2; exit 1; }
count() { # mode n -> total instructions
  local out; out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file="$out" "$exe" "$1" "$2" 2>/dev/null >/dev/null
  awk '/^summary:/ {print $2}' "$out"; rm -f "$out"
}
per_call() { echo $(( ($(count "$1" 2000) - $(count "$1" 1000)) / 1000 )); }
plain=$(per_call plain)
probed=$(per_call probed)
echo "instructions per call: empty operator ${plain}, probed (4-entry table, found last) ${probed}"
echo "probe: $((probed - plain)) instructions per call (enter and exit hooks, two clock reads; x86-64, -O2)"
