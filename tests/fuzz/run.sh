#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# tests/fuzz/run.sh <seconds> [build-dir [target...]] — configure and build the fuzz targets with clang-14
# (ASan + UBSan + libFuzzer, every library instrumented) in their own build folder, then run each
# target for <seconds> on a copy of its committed seed corpus. Exits non-zero on any crash, leak or
# sanitizer report; the reproducer is left in the build folder (crash-*). Targets: agent frame
# host_link host_npy host_npz import_relay (default: all).
set -euo pipefail
seconds=${1:?usage: tests/fuzz/run.sh <seconds> [build-dir]}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${2:-$here/build-fuzz}
targets=("${@:3}")
[ ${#targets[@]} -gt 0 ] || targets=(agent frame host_link host_npy host_npz import_relay)

cmake -S "$here" -B "$build" -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTVMCRT_FUZZ=ON -DTVMCRT_SANITIZE=ON \
  -DTVMCRT_BUILD_FIRMWARE=OFF -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link" \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >"$build.configure.log" 2>&1 ||
  { cat "$build.configure.log"; exit 1; }
cmake --build "$build" --target "${targets[@]/#/fuzz_}" -j2 >"$build.build.log" 2>&1 || { tail -40 "$build.build.log"; exit 1; }

for target in "${targets[@]}"; do
  corpus="$build/corpus-$target"
  mkdir -p "$corpus"
  cp "$here/tests/fuzz/corpus/$target/"* "$corpus/"
  (cd "$build" && "./tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=12000 \
     -print_final_stats=1 "$corpus")
done
