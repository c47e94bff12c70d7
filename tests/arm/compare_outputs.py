#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""compare_outputs.py — run two programs that print one line per case and require the same lines.

  compare_outputs.py --expect-lines N -- NATIVE_CMD... --- BOARD_CMD...

Used for the Arm intrinsics (tests/arm): the portable definitions natively against the real
instructions on QEMU. Prints the first differences with their line numbers; exit 1 on any, or when
either program fails or prints fewer than N lines.
"""
import argparse
import subprocess
import sys


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    if p.returncode != 0:
        sys.exit(f"compare_outputs: {' '.join(cmd)} exited {p.returncode}\n{p.stderr.decode(errors='replace')}")
    return p.stdout.decode(errors="replace").splitlines()


def main():
    argv = sys.argv[1:]
    if "--" not in argv or "---" not in argv:
        sys.exit(__doc__)
    parser = argparse.ArgumentParser()
    parser.add_argument("--expect-lines", type=int, default=1)
    args = parser.parse_args(argv[:argv.index("--")])
    rest = argv[argv.index("--") + 1:]
    native_cmd, board_cmd = rest[:rest.index("---")], rest[rest.index("---") + 1:]
    native, board = run(native_cmd), run(board_cmd)
    diffs = [(i + 1, a, b) for i, (a, b) in enumerate(zip(native, board)) if a != b]
    for n, a, b in diffs[:10]:
        print(f"line {n}:\n  native: {a}\n  board:  {b}")
    if len(native) != len(board):
        print(f"native printed {len(native)} lines, the board {len(board)}")
    if len(native) < args.expect_lines:
        print(f"expected at least {args.expect_lines} lines, got {len(native)}")
    ok = not diffs and len(native) == len(board) and len(native) >= args.expect_lines
    print(f"{len(native) - len(diffs)} lines identical, {len(diffs)} differ" + ("" if ok else ": FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
