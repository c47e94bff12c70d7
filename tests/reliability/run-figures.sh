#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# tests/reliability/run-figures.sh [build-dir] — the long versions of the reliability figures in
# docs/reliability.md: 1,000 executes of each example through tvmcrt-linksim at BER 1e-4 (with rare
# drops and duplicates), at BER 1e-3, and with 5% of the bytes dropped; 10,000 runs exactly once
# through BER 1e-4 with drops and duplicates; device resets in the middle of an upload, an Execute
# and a download. Builds what it needs in build-dir (default ./build). Prints one line per figure;
# exits non-zero when a figure misses its target. Takes ~40 minutes.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$here/build}
cmake -S "$here" -B "$build" -DTVMCRT_BUILD_FIRMWARE=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target tvmcrt-host tvmcrt-device tvmcrt-linksim tvmcrt-exactly-once \
  tvmcrt-bench-device >/dev/null
rel=("$here/tests/reliability/reliability.py" --host "$build/host/cli/tvmcrt-host"
     --device "$build/device/ports/posix/tvmcrt-device" --linksim "$build/tests/tools/linksim/tvmcrt-linksim"
     --data "$here/examples")
status=0
echo "== BER 1e-4, drops and duplicates 1e-4 (target: 0 silent, >= 99.9% correct)"
/usr/bin/python3 "${rel[@]}" noise --executes 1000 --workers 4 --ber 1e-4 --drop 1e-4 --dup 1e-4 || status=1
echo "== BER 1e-3, drops and duplicates 1e-4 (target: 0 silent, failures are errors naming the link)"
/usr/bin/python3 "${rel[@]}" noise --executes 1000 --workers 8 --ber 1e-3 --drop 1e-4 --dup 1e-4 \
  --min-correct 0 --errors-name-link || status=1
echo "== the same with --retries 16"
/usr/bin/python3 "${rel[@]}" --retries 16 noise --executes 1000 --workers 8 --ber 1e-3 --drop 1e-4 --dup 1e-4 \
  --min-correct 0 --errors-name-link || status=1
echo "== 5% of the bytes dropped (target: 0 silent, failures are errors naming the link)"
/usr/bin/python3 "${rel[@]}" noise --executes 1000 --workers 8 --drop 0.05 --min-correct 0 --errors-name-link ||
  status=1
echo "== exactly once: 10,000 runs of copy_1k over one connection, BER 1e-4, drops and duplicates 1e-4"
echo "   (target: 0 run twice, 0 lost, 0 silently wrong, 0 errors)"
once=("$here/tests/reliability/reliability.py" --host "$build/host/cli/tvmcrt-host"
      --device "$build/bench/tvmcrt-bench-device" --linksim "$build/tests/tools/linksim/tvmcrt-linksim"
      --data "$here/examples" --turnaround 0.2)
/usr/bin/python3 "${once[@]}" exactly-once --tool "$build/tests/reliability/tvmcrt-exactly-once" --model copy_1k --executes 10000 \
  --ber 1e-4 --drop 1e-4 --dup 1e-4 || status=1
echo "== device resets (target: 'reset' or a link error naming the port, then the next command works)"
/usr/bin/python3 "${rel[@]}" reset || status=1
fw=$build/firmware/tvmcrt-fw.elf
if [ -f "$fw" ]; then
  echo "== QEMU board resets (firmware $fw)"
  /usr/bin/python3 "${rel[@]}" --qemu "$fw" reset || status=1
fi
exit $status
