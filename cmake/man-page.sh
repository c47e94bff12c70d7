#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# man-page.sh TOOL OUT.1 NAME-LINE [SUBCOMMAND...] — a man page made by help2man from TOOL's own
# --help and --version, with each subcommand's --help in a COMMANDS section, so the page says what
# the binary does and cannot drift from it.
set -eu
export LC_ALL=C.UTF-8  # the help texts hold a few non-ASCII characters (an em dash)
tool=$1 out=$2 name=$3
shift 3
include=$out.include
{
  if [ $# -gt 0 ]; then
    echo "[COMMANDS]"
    for sub in "$@"; do
      printf '.SS %s\n.nf\n' "$sub"
      "$tool" "$sub" --help | sed 's/\\/\\\\/g; s/^\./\\\&./'
      printf '.fi\n'
    done
  fi
  echo "[SEE ALSO]"
  echo "The documentation in docs/ of the tvmcrt sources (cli.md, bring-your-own-model.md, porting.md)."
} >"$include"
help2man --no-info --no-discard-stderr --name "$name" --include "$include" --output "$out" "$tool"
rm -f "$include"
gzip -9n -c "$out" >"$out.gz"  # what is installed: Debian wants man pages compressed
