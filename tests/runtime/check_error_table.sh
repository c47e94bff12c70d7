#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# docs/runtime.md's error table must list every code in tvmcrt_errors.h with its value, and no other.
set -euo pipefail
root=$1
declare -A cat=([kTVMCrtCategoryArgument]=0x10 [kTVMCrtCategoryWorkspace]=0x11 [kTVMCrtCategoryModel]=0x12)
header=$(grep -E '^#define kTVMCrtErr' "$root/runtime/include/tvmcrt/tvmcrt_errors.h" |
  sed -E 's/#define (kTVMCrtErr[A-Za-z]+) TVMCRT_ERROR\((kTVMCrtCategory[A-Za-z]+), 0x([0-9a-f]+)\)/\1 \2 \3/' |
  while read -r name c code; do printf '0x%02x%s %s\n' "${cat[$c]}" "$code" "$name" | sed 's/^0x0x/0x/'; done | sort)
doc=$(grep -E '^\| 0x1[0-9a-f]{3} \| kTVMCrtErr' "$root/docs/runtime.md" | awk -F'|' '{gsub(/ /,"",$2); gsub(/ /,"",$3); print $2, $3}' | sort)
if [[ "$header" != "$doc" ]]; then
  echo "docs/runtime.md error table and runtime/include/tvmcrt/tvmcrt_errors.h disagree:" >&2
  diff <(echo "$header") <(echo "$doc") >&2 || true
  exit 1
fi
echo "error table: $(echo "$header" | wc -l) codes match"
