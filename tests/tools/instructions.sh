# SPDX-License-Identifier: Apache-2.0
# tests/tools/instructions.sh — sourced by the scripts that measure a cost in instructions
# (tests/runtime/measure_overhead.sh, tests/profile/measure_probe.sh). callgrind counts
# instructions, so the figures do not depend on the machine's load.
#
#   per_call EXE MODE   instructions one call of MODE costs: EXE MODE N runs it N times, and the
#                       difference between 2000 and 1000 calls, over 1000, leaves out start-up
command -v valgrind >/dev/null || { echo "valgrind not found (scripts/setup installs it)" >&2; exit 1; }

instructions_total() { # exe mode n -> instructions of the whole run
  local out
  out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file="$out" "$1" "$2" "$3" 2>/dev/null >/dev/null
  awk '/^summary:/ {print $2}' "$out"
  rm -f "$out"
}

per_call() { echo $(( ($(instructions_total "$1" "$2" 2000) - $(instructions_total "$1" "$2" 1000)) / 1000 )); }
