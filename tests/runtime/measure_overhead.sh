#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Prints TVMExecute()'s overhead over a direct tvmgen_<m>_run() call, in instructions (callgrind
# counts instructions, so the figure does not depend on machine load). Usage: measure_overhead.sh EXE
set -euo pipefail
exe=$1
. "$(dirname "${BASH_SOURCE[0]}")/../tools/instructions.sh"
direct=$(per_call "$exe" direct)
execute=$(per_call "$exe" execute)
plain=$(per_call "$exe" plain)
echo "instructions per call: direct tvmgen_run ${direct}, via TVMExecute ${execute}, hand-written descriptor ${plain}"
echo "TVMExecute overhead: $((execute - direct)) instructions per call (target <= 50)"
echo "TVMExecute overhead with a hand-written descriptor (entry_checks_buffers 0): $((plain - direct)) instructions per call"
