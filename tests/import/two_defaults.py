#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""two_defaults.py DEVICE TVMCRT_HOST DIR — two models that TVM both compiled as "default", imported as
pub_mlf and fc (tvmcrt_add_model NAME) into one native device, each executed by its own name through
tvmcrt-host and compared with a reference computed here from the models' arithmetic.
Exits non-zero when a run fails or an output differs."""
import os
import subprocess
import sys

import numpy as np


def main():
    device_exe, host, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    rng = np.random.default_rng(19)
    x8 = rng.integers(-128, 128, size=(1, 8), dtype=np.int8)
    x4 = rng.integers(-128, 128, size=(4,), dtype=np.int8)
    w = np.array([[1, 2, 3, 4], [-4, 0, 2, -1]], dtype=np.int32)
    cases = [  # model, input name, input, output name, reference
        ("pub_mlf", "serving_input", x8, "output", np.clip(x8.astype(np.int32) * 2 + 1, -128, 127).astype(np.int8)),
        ("fc", "input_1", x4, "Identity", np.clip((w @ x4.astype(np.int32)) >> 2, -128, 127).astype(np.int8)),
    ]
    device = subprocess.Popen([device_exe, "--tcp", "0"], stdout=subprocess.PIPE, text=True)
    failed = 0
    try:
        port = f"socket://127.0.0.1:{device.stdout.readline().strip()}"
        for model, in_name, x, out_name, ref in cases:
            np.save(f"{work}/{model}_in.npy", x)
            np.save(f"{work}/{model}_ref.npy", ref)
            rc = subprocess.call([host, "execute", "--port", port, "--model", model,
                                  "--input", f"{in_name}={work}/{model}_in.npy",
                                  "--expect", f"{out_name}={work}/{model}_ref.npy"])
            print(f"two_defaults: {model}: tvmcrt-host exit code {rc}")
            failed += rc != 0
    finally:
        device.terminate()
        device.wait(timeout=10)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
