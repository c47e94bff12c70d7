#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# tests/reliability/soak-valgrind.sh [build-dir] [samples] — valgrind memcheck over a host-side soak:
# tvmcrt-host executes `samples` (default 10,000) held-out digits samples in one batch (WriteInput,
# Execute, ReadOutput each) against tvmcrt-device --tcp, both under memcheck. Passes when memcheck
# reports no error and no definitely/indirectly lost bytes in either, every output is right, and the
# host's peak RSS (measured natively, without valgrind) grows from 1,000 to `samples` samples by no
# more than the batch's own records explain: batch mode keeps each sample's JSON record as text and
# one JUnit case for its report (measured ~560 bytes per sample, inputs and references included),
# so the bound is 1 KiB per sample. Not in CI (under a minute, but valgrind).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$here/build}
n=${2:-10000}
host=$build/host/cli/tvmcrt-host
device=$build/device/ports/posix/tvmcrt-device
tmp=$(mktemp -d)
trap 'kill $dev_pid 2>/dev/null || true; rm -rf "$tmp"' EXIT

/usr/bin/python3 - "$here/examples/digits/data" "$tmp" "$n" <<'PY'
import sys, numpy as np
d, tmp, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
x, y = np.load(d + "/heldout_inputs.npy"), np.load(d + "/heldout_outputs.npy")
reps = -(-n // len(x))
for name, count in (("small", 1000), ("big", n)):
    np.save("%s/%s_in.npy" % (tmp, name), np.concatenate([x] * reps)[:count])
    np.save("%s/%s_ref.npy" % (tmp, name), np.concatenate([y] * reps)[:count])
PY

vg=(valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 -q)
"${vg[@]}" --log-file="$tmp/device.vg" "$device" --tcp 0 >"$tmp/device.out" &
dev_pid=$!
for _ in $(seq 100); do [ -s "$tmp/device.out" ] && break; sleep 0.1; done
port=socket://127.0.0.1:$(head -1 "$tmp/device.out")

run() {  # run <name> [wrapper...]: one batch execute with references; prints peak RSS in KiB
  local name=$1; shift
  /usr/bin/time -f "%M" -o "$tmp/$name.rss" "$@" "$host" execute --port "$port" --model digits \
    --batch-input "$tmp/${name}_in.npy" --batch-expect "$tmp/${name}_ref.npy" --turnaround 5 --json >"$tmp/$name.json"
  /usr/bin/python3 -c "import json,sys; j=json.load(open(sys.argv[1])); assert j['ok'] and j['passed']==j['samples'], j; print(j['samples'], 'samples passed')" "$tmp/$name.json"
}
t0=$(date +%s)
run big "${vg[@]}" --log-file="$tmp/host.vg"
echo "host under memcheck: $n executes in $(( $(date +%s) - t0 )) s; memcheck log: $(wc -c <"$tmp/host.vg") bytes"
cat "$tmp/host.vg"
run small
small=$(cat "$tmp/small.rss")
run big
big=$(cat "$tmp/big.rss")
echo "host peak RSS (native): 1000 samples $small KiB, $n samples $big KiB:" \
  "$(( (big - small) * 1024 / (n - 1000) )) bytes per extra sample"
kill -TERM $dev_pid
wait $dev_pid && dev_rc=0 || dev_rc=$?
echo "device under memcheck: exit $dev_rc; memcheck log: $(wc -c <"$tmp/device.vg") bytes"
cat "$tmp/device.vg"
[ ! -s "$tmp/host.vg" ] && [ "$dev_rc" = 0 ] && [ ! -s "$tmp/device.vg" ] && [ $(( (big - small) * 1024 / (n - 1000) )) -lt 1024 ] ||
  { echo "FAIL"; exit 1; }
echo "PASS: memcheck clean (host and device), memory stable"
