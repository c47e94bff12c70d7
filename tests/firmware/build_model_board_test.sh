#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# build_model_board_test.sh BUILD_MODEL HOST EXAMPLES OUT — `build-model --board nucleo_f446re
# --ram-kb 96` from the installed package (tests/byom's prefix): the user's image is for that board
# with the RAM asked for (the fit check's line), and boots under QEMU on the board's USART2 with its
# stack at the top of 96 KiB (board_boot_test.py); the installed scripts/flash takes it.
set -euo pipefail
build_model=$1 host=$2 examples=$3 out=$4
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rm -rf "$out"
log=$("$build_model" --mlf "$examples/digits" --out "$out" --board nucleo_f446re --ram-kb 96 -j2 2>&1) || {
  echo "$log" | tail -40
  echo "build_model_board_test: FAIL build-model failed"
  exit 1
}
if ! grep -q "fits board nucleo_f446re: RAM [0-9]* of 98304 B" <<<"$log"; then
  echo "$log" | grep -A8 "tvmcrt: user-fw" || true
  echo "build_model_board_test: FAIL the fit check does not name nucleo_f446re with 96 KiB"
  exit 1
fi
# The package also carries scripts/flash and the udev rules it reads its probe ids from.
scripts=$(dirname "$build_model")
"$scripts/flash" "$out/tvmcrt-fw.elf" --tool openocd --dry-run | grep -q "board/st_nucleo_f4.cfg" || {
  echo "build_model_board_test: FAIL the installed scripts/flash does not program the image with its board's config"
  exit 1
}
test -f "$scripts/udev/60-tvmcrt-stlink.rules" || { echo "build_model_board_test: FAIL no udev rules in $scripts/udev"; exit 1; }
/usr/bin/python3 "$here/board_boot_test.py" "$host" "$out/tvmcrt-fw.elf" nucleo_f446re "$examples" 96 digits
