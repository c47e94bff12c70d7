#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Runs a generator after checking which BLAS numpy really loaded.

    LD_LIBRARY_PATH=<dir> /usr/bin/python3 with_blas.py <dir> generate.py [args...]

The dynamic loader picks libblas.so.3 from LD_LIBRARY_PATH before Debian's alternatives link, but
nothing says so when the folder is wrong or empty; so this reads the process's own memory map
after `import numpy` and stops unless libblas.so.3 was mapped from <dir>. Without the check, a
comparison "with both BLAS libraries" could silently compare one with itself.
"""
import os
import runpy
import sys

import numpy  # noqa: F401  (loads libblas.so.3)

want = os.path.realpath(sys.argv[1])
with open("/proc/self/maps") as maps:
    blas = sorted({line.split()[-1] for line in maps if "libblas.so" in line})
if not any(os.path.dirname(os.path.realpath(path)) == want for path in blas):
    sys.exit(f"with_blas.py: numpy loaded {blas or 'no libblas.so.3'}, not the one in {want}. "
             "Fix: install it (scripts/setup installs libblas3 and libopenblas0-pthread).")
print(f"with_blas.py: numpy uses {blas[0]}", file=sys.stderr)
sys.argv = sys.argv[2:]
runpy.run_path(sys.argv[0], run_name="__main__")
