#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""check_model.py — one model of tests/real_models on a device, outputs against the references.

  check_model.py --host TVMCRT_HOST (--device EXE | --port PORT) --data DIR [--output NAME ...]
                 [--expect-error REGEX ...]

--device starts that native device (tvmcrt-device --tcp 0) and stops it afterwards; --port uses a
running one (scripts/qemu-board run ELF -- ... --port {port} boots a board). Runs model `default`
with DIR/input_1.npy and requires every output named (default: every other .npy in DIR) to equal
DIR/<output>.npy bit for bit (--rtol 0 --atol 0). With --expect-error the run must fail instead,
with exit code 6 (device error) and each REGEX found in what tvmcrt-host printed.
"""
import argparse
import os
import re
import subprocess
import sys


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", required=True)
    p.add_argument("--device")
    p.add_argument("--port")
    p.add_argument("--data", required=True)
    p.add_argument("--output", action="append", default=[])
    p.add_argument("--expect-error", action="append", default=[])
    args = p.parse_args()
    outputs = args.output or sorted(f[:-4] for f in os.listdir(args.data)
                                    if f.endswith(".npy") and f != "input_1.npy")
    device = None
    port = args.port
    if args.device:
        device = subprocess.Popen([args.device, "--tcp", "0"], stdout=subprocess.PIPE, text=True)
        port = f"socket://127.0.0.1:{device.stdout.readline().strip()}"
    try:
        cmd = [args.host, "execute", "--port", port, "-m", "default", "--timeout", "120",
               "--input", f"input_1={args.data}/input_1.npy", "--rtol", "0", "--atol", "0"]
        for name in outputs:
            cmd += ["--expect", f"{name}={args.data}/{name}.npy"]
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
        print(" ".join(cmd) + "\n" + run.stdout)
        if args.expect_error:
            missing = [r for r in args.expect_error if not re.search(r, run.stdout)]
            if run.returncode != 6 or missing:
                print(f"check_model: expected exit code 6 with {missing or args.expect_error}, got {run.returncode}")
                return 1
            return 0
        if run.returncode != 0:
            print(f"check_model: tvmcrt-host exited {run.returncode}")
            return 1
        return 0
    finally:
        if device:
            device.kill()
            device.wait()


if __name__ == "__main__":
    sys.exit(main())
