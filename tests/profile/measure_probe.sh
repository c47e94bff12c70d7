#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Prints what one probed operator call costs over an unprobed one, in instructions (callgrind counts
# instructions, so the figure does not depend on machine load). Usage: measure_probe.sh EXE
set -euo pipefail
exe=$1
. "$(dirname "${BASH_SOURCE[0]}")/../tools/instructions.sh"
plain=$(per_call "$exe" plain)
probed=$(per_call "$exe" probed)
echo "instructions per call: empty operator ${plain}, probed (4-entry table, found last) ${probed}"
echo "probe: $((probed - plain)) instructions per call (enter and exit hooks, two clock reads; x86-64, -O2)"
