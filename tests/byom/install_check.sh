#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# install_check.sh PREFIX BUILD_DIR SOURCE_DIR — the installed tree stands on its own: no file in it
# names this build or this source tree (the tools find what they need beside themselves), the
# installed tvmcrt-host boots the installed firmware by default, the pkg-config file works, and a
# project configured with the ARM toolchain finds the package.
set -euo pipefail
prefix=$1 build=$2 source=$3
found=$(grep -rlF -e "$build" -e "$source" "$prefix" || true)
if [[ -n $found ]]; then
  echo "FAIL: installed files name the build or source tree:" >&2
  echo "$found" | head -20 >&2
  exit 1
fi
echo "no installed file names $build or $source ($(find "$prefix" -type f | wc -l) files)"

# Started by its name on PATH, as users do (dladdr() then knows no folder).
image=$(env -u TVMCRT_FIRMWARE PATH="$prefix/bin:$PATH" tvmcrt-host emulator command --json |
        /usr/bin/python3 -c 'import json, sys; a = json.load(sys.stdin)["argv"]; print(a[a.index("-kernel") + 1])')
[[ $image == "$prefix/lib/tvmcrt/firmware/tvmcrt-fw.elf" ]] ||
  { echo "FAIL: the installed tvmcrt-host boots $image, not the installed firmware" >&2; exit 1; }
echo "the installed tvmcrt-host boots $image"

flags=$(PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config --cflags --libs tvmcrt-host)
[[ $flags == *"-I$prefix/lib/pkgconfig/../../include/tvmcrt/host"* || $flags == *"-I$prefix/include/tvmcrt/host"* ]] ||
  { echo "FAIL: pkg-config tvmcrt-host gives '$flags'" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/use_host.cpp" <<'CPP'
#include "npy.hpp"
#include "dtype.hpp"
int main() { return tvmcrt::host::dtype_size(tvmcrt::host::DType::int8) == 1 ? 0 : 1; }
CPP
# shellcheck disable=SC2086
g++ -std=c++17 "$work/use_host.cpp" -o "$work/use_host" $flags
"$work/use_host"
echo "a program built with pkg-config tvmcrt-host runs"

mkdir -p "$work/arm"
cat >"$work/arm/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(arm_user C)
find_package(tvmcrt REQUIRED)
message(STATUS "found tvmcrt ${tvmcrt_VERSION} from an ARM project")
CMAKE
cmake -S "$work/arm" -B "$work/arm/b" -DCMAKE_TOOLCHAIN_FILE="$prefix/share/tvmcrt/source/cmake/arm-none-eabi.cmake" \
  -DCMAKE_PREFIX_PATH="$prefix" >"$work/arm.log" 2>&1 || { cat "$work/arm.log" >&2; echo "FAIL: find_package(tvmcrt) from an ARM-toolchain project" >&2; exit 1; }
grep "found tvmcrt" "$work/arm.log"
echo "install_check: PASSED"
