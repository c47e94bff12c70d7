#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# boot_id_test.sh QEMU_BOARD IMAGE TVMCRT_HOST — two boots of the same image must report different
# boot ids (tvmcrt-host uses a change of boot id to tell a reset from a time-out). QEMU starts every
# run from zeroed RAM and, with -icount (the default), runs the same every time: the boots differ
# only by the random bytes the launcher writes into the port's boot noise (RAM's power-up noise,
# host/lib/emulated_board.cpp).
set -euo pipefail
board=$1 image=$2 host=$3
boot_id() {
  "$board" run "$image" -- "$host" info --json 2>/dev/null |
    /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["device"]["boot_id"])'
}
first=$(boot_id)
second=$(boot_id)
echo "boot ids: $first $second"
if [[ -z "$first" || "$first" == "0" || "$first" == "$second" ]]; then
  echo "boot_id_test: two boots gave boot ids '$first' and '$second'; they must differ and not be 0" >&2
  exit 1
fi
