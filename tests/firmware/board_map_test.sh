#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# board_map_test.sh QEMU_BOARD IMAGE TVMCRT_HOST ROOT — the lab path of scripts/qemu-board: a board
# that is already running (here a QEMU from `qemu-board start`, standing in for a flashed board
# behind ser2net) is named by CTest's resource variables and found through the board map, and the
# device session runs against it without booting another emulator. Also checks start/stop.
set -euo pipefail
board=$1 image=$2 host=$3 root=$4
state=$(mktemp -d)
trap '"$board" stop --state "$state/qemu"; rm -rf "$state"' EXIT

port=$("$board" start "$image" --state "$state/qemu")
pid=$(cat "$state/qemu/pid")
echo "{\"lab1\": \"$port\"}" >"$state/map.json"

# What ctest --resource-spec-file sets for a test that got board lab1.
CTEST_RESOURCE_GROUP_COUNT=1 CTEST_RESOURCE_GROUP_0_BOARDS="id:lab1,slots:1" TVMCRT_BOARD_MAP="$state/map.json" \
  "$board" run "$image" -- /usr/bin/python3 "$root/tests/firmware/device_session.py" execute \
  --host "$host" --root "$root" 2>"$state/err"
grep -q "qemu-board: board lab1 at $port" "$state/err" ||
  { cat "$state/err" >&2; echo "board_map_test: the command did not run against lab1 ($port)" >&2; exit 1; }

# An id missing from the map is an error that says how to add it.
set +e
out=$(CTEST_RESOURCE_GROUP_COUNT=1 CTEST_RESOURCE_GROUP_0_BOARDS="id:lab9,slots:1" TVMCRT_BOARD_MAP="$state/map.json" \
  "$board" run "$image" -- true 2>&1)
rc=$?
set -e
if [[ $rc -eq 0 || "$out" != *"board 'lab9' is not in"* ]]; then
  echo "board_map_test: unknown board id gave rc=$rc: $out" >&2; exit 1
fi

"$board" stop --state "$state/qemu"
if kill -0 "$pid" 2>/dev/null && grep -q netduinoplus2 "/proc/$pid/cmdline" 2>/dev/null &&
   ! grep -q '^State:.*Z' "/proc/$pid/status"; then
  echo "board_map_test: QEMU $pid still runs after qemu-board stop" >&2; exit 1
fi
echo "board_map_test: session ran on lab1 via the board map; unknown ids rejected; stop killed QEMU"
