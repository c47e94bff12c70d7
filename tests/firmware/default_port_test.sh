#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# tvmcrt-host with no port boots the emulated board itself, runs, and leaves no QEMU behind.
#   default_port_test.sh TVMCRT_HOST FIRMWARE.elf EXAMPLES_DIR
set -euo pipefail
host=$1 fw=$2 examples=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy under a unique name, so that looking for a leftover QEMU cannot see other tests' boards.
cp "$fw" "$work/default-port-test.elf"
unset TVMCRT_PORT
export TVMCRT_FIRMWARE=$work/default-port-test.elf

d=$examples/digits/data
"$host" execute -m digits --input "$d/sample_input.npy" --expect "$d/sample_output.npy" --json >"$work/out.json"
/usr/bin/python3 - "$work/out.json" "$TVMCRT_FIRMWARE" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["port"] == "qemu:" + sys.argv[2], r.get("port")
assert r["timing"]["emulated"] is True, r["timing"]
assert r["ok"] is True and all(o["comparison"]["pass"] for o in r["outputs"]), r
print("default port: booted", r["port"], "-> outputs equal the reference")
PY
if pgrep -f "$work/default-port-test.elf" >/dev/null; then
  echo "FAIL: a QEMU running $work/default-port-test.elf outlived tvmcrt-host" >&2
  exit 1
fi

# On the one-shot board, last-error has nothing earlier to show: it says so.
msg=$("$host" last-error 2>&1 >/dev/null)
[[ $msg == *"was booted for this one command, so it has no earlier error to show"* ]] ||
  { echo "FAIL: last-error on the one-shot board says nothing about it: $msg" >&2; exit 1; }

# expect_refusal WHAT IMAGE EXIT TEXT: tvmcrt-host info on qemu:IMAGE exits EXIT, its message has TEXT.
expect_refusal() {
  local what=$1 image=$2 want=$3 text=$4 msg rc
  set +e
  msg=$("$host" info --port qemu:"$image" 2>&1)
  rc=$?
  set -e
  [[ $rc -eq $want ]] || { echo "FAIL: $what gave exit $rc, want $want: $msg" >&2; exit 1; }
  [[ $msg == *"$text"* ]] || { echo "FAIL: $what: message without '$text': $msg" >&2; exit 1; }
  [[ $msg != *"R00="* ]] || { echo "FAIL: $what: QEMU's register dump reached the message: $msg" >&2; exit 1; }
  echo "$what: exit $rc, $msg"
}

expect_refusal "missing image" "$work/missing.elf" 2 "no firmware image for the emulator at $work/missing.elf"

# Not an ARM ELF (QEMU would run its bytes and die): refused before QEMU starts.
head -c 600 /dev/urandom >"$work/random.elf"
expect_refusal "non-ELF image" "$work/random.elf" 2 "$work/random.elf is not an ARM ELF image"

# An ARM image whose vector table is zeros: QEMU locks up and exits; the host says what QEMU said.
if command -v arm-none-eabi-gcc >/dev/null; then
  printf '.section .vectors,"a"\n.word 0\n.word 0\n' >"$work/lockup.s"
  arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -nostdlib -Wl,--section-start=.vectors=0x08000000 \
    -Wl,-e,0x08000000 "$work/lockup.s" -o "$work/lockup.elf"
  expect_refusal "crashing image" "$work/lockup.elf" 3 "qemu-system-arm stopped: qemu: fatal: Lockup"
fi
