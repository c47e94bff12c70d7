#!/usr/bin/env bash
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
/usr/bin/python3 - "$work/out.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["port"] == "qemu", r.get("port")
assert r["ok"] is True and all(o["comparison"]["pass"] for o in r["outputs"]), r
print("default port: booted", r["port"], "-> outputs equal the reference")
PY
if pgrep -f "$work/default-port-test.elf" >/dev/null; then
  echo "FAIL: a QEMU running $work/default-port-test.elf outlived tvmcrt-host" >&2
  exit 1
fi

set +e
msg=$("$host" info --port qemu:"$work/missing.elf" 2>&1)
rc=$?
set -e
[[ $rc -eq 2 ]] || { echo "FAIL: missing image gave exit $rc, want 2: $msg" >&2; exit 1; }
[[ $msg == *"no firmware image for the emulator at $work/missing.elf"* ]] || { echo "FAIL: message: $msg" >&2; exit 1; }
echo "missing image: exit 2, $msg"

# Not an ARM ELF (QEMU would run its bytes and die): refused before QEMU starts.
head -c 600 /dev/urandom >"$work/random.elf"
set +e
msg=$("$host" info --port qemu:"$work/random.elf" 2>&1)
rc=$?
set -e
[[ $rc -eq 2 ]] || { echo "FAIL: a non-ELF image gave exit $rc, want 2: $msg" >&2; exit 1; }
[[ $msg == *"$work/random.elf is not an ARM ELF image"* ]] || { echo "FAIL: message: $msg" >&2; exit 1; }
echo "non-ELF image: exit 2, $msg"

# An ARM image whose vector table is zeros: QEMU locks up and exits; the host says what QEMU said.
if command -v arm-none-eabi-gcc >/dev/null; then
  printf '.section .vectors,"a"\n.word 0\n.word 0\n' >"$work/lockup.s"
  arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -nostdlib -Wl,--section-start=.vectors=0x08000000 \
    -Wl,-e,0x08000000 "$work/lockup.s" -o "$work/lockup.elf"
  set +e
  msg=$("$host" info --port qemu:"$work/lockup.elf" 2>&1)
  rc=$?
  set -e
  [[ $rc -eq 3 ]] || { echo "FAIL: a crashing image gave exit $rc, want 3: $msg" >&2; exit 1; }
  [[ $msg == *"qemu-system-arm stopped: qemu: fatal: Lockup"* ]] || { echo "FAIL: message: $msg" >&2; exit 1; }
  [[ $msg != *"R00="* ]] || { echo "FAIL: the register dump reached the message: $msg" >&2; exit 1; }
  echo "crashing image: exit 3, $msg"
fi
