#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""device_session.py SCENARIO --host TVMCRT_HOST --root SOURCE_DIR — drives tvmcrt-host against a
board running tvmcrt-fw (or tvmcrt-fw-test, which adds the fault model) and checks what a user relies on: exit
codes, the text of errors, the numbers. The port comes from $TVMCRT_PORT (scripts/qemu-board sets
it, or a lab's board map does). tests/renode/tvmcrt.robot runs the same commands on Renode.

Scenarios: info, execute, set_workspaces, heldout (tvmcrt-fw); last_error, crash_reset, large_output
(tvmcrt-fw-test).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

EXIT = {"ok": 0, "usage": 2, "device": 6, "mismatch": 7, "reset": 9}


class Session:
    def __init__(self, host, root):
        self.host, self.root, self.failures = host, root, 0

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def run(self, args, code="ok", stderr_has=(), stdout_has=()):
        """Runs tvmcrt-host ARGS; checks its exit code and that each given text appears. Returns stdout."""
        proc = subprocess.run([self.host] + args, capture_output=True, text=True, timeout=120)
        shown = "tvmcrt-host " + " ".join(args)
        problems = []
        if proc.returncode != EXIT[code]:
            problems.append(f"exit code {proc.returncode}, expected {EXIT[code]} ({code})")
        problems += [f"stderr lacks {t!r}" for t in stderr_has if t not in proc.stderr]
        problems += [f"stdout lacks {t!r}" for t in stdout_has if t not in proc.stdout]
        if problems:
            self.failures += 1
            print(f"FAIL {shown}: " + "; ".join(problems))
            print(f"  stdout: {proc.stdout.strip()[:2000]}\n  stderr: {proc.stderr.strip()[:2000]}")
        else:
            print(f"ok   {shown}")
        return proc.stdout

    def json(self, args, code="ok"):
        out = self.run(args + ["--json"], code)
        try:
            return json.loads(out)
        except json.JSONDecodeError:
            self.check(False, f"tvmcrt-host {' '.join(args)} --json printed no JSON: {out[:200]!r}")
            return {}

    def check(self, condition, what):
        if not condition:
            self.failures += 1
            print(f"FAIL {what}")
        return condition


def info(s):
    s.run(["info"], stdout_has=["platform     stm32f4", "model 0: digits", "model 1: multi_io",
                                "input  0 input: int8 [1, 64] (64 bytes)"])
    dev = s.json(["info"]).get("device", {})
    s.check(dev.get("platform", "").startswith("stm32f4"), f"platform is {dev.get('platform')!r}")
    s.check(dev.get("tick_hz") in (16000000, 168000000), f"tick_hz {dev.get('tick_hz')} is not a documented rate")
    s.check(dev.get("boot_id", 0) != 0, "boot_id is 0")
    # tvmcrt-fw serves digits and multi_io; tvmcrt-fw-test (what a lab board holds) adds "fault" and
    # "copy_16k".
    names = [m["name"] for m in dev.get("models", [])]
    s.check(names in (["digits", "multi_io"], ["digits", "multi_io", "fault", "copy_16k"]), f"models are {names}")


def execute(s):
    d, m = s.path("examples", "digits", "data"), s.path("examples", "multi_io", "data")
    r = s.json(["execute", "-m", "digits", "--input", f"input={d}/sample_input.npy",
                "--expect", f"output={d}/sample_output.npy"])
    s.check(r.get("ok") and r["outputs"][0]["comparison"]["max_abs"] == 0.0, "digits output differs from numpy")
    s.check(r.get("timing", {}).get("min_us", 0) > 0, "no on-device time reported")
    s.run(["execute", "-m", "multi_io", "--input", f"features={m}/features.npy", "--input", f"mask={m}/mask.npy",
           "--expect", f"scores={m}/scores.npy", "--expect", f"flags={m}/flags.npy"],
          stdout_has=["output scores: float32 [1, 4]", "PASS"])
    with tempfile.TemporaryDirectory() as tmp:
        wrong = np.load(f"{d}/sample_output.npy").copy()
        wrong[0, 0] = wrong[0, 0] + 5
        np.save(f"{tmp}/wrong.npy", wrong)
        s.run(["execute", "-m", "digits", "--input", f"{d}/sample_input.npy", "--expect", f"{tmp}/wrong.npy"],
              code="mismatch", stdout_has=["FAIL"])
    s.run(["execute", "-m", "digits", "--input", f"pixels={d}/sample_input.npy"], code="usage",
          stderr_has=["pixels"])


def set_workspaces(s):
    m = s.path("examples", "multi_io", "data")
    dev = s.json(["info"]).get("device", {})
    region = dev["regions"][0]
    pools = {p["name"]: p for p in dev["models"][1]["pools"]}
    ws, pool = pools["workspace"]["size_bytes"], pools["sram"]["size_bytes"]
    after_ws = (ws + 15) // 16 * 16
    # Swap the default order: the stack workspace first, the USMP pool after it.
    s.run(["set-workspaces", "-m", "multi_io", "--pool", "workspace=sram:0", "--pool", f"sram=sram:{after_ws}"])
    placed = {p["name"]: p for p in s.json(["info"])["device"]["models"][1]["pools"]}
    s.check(placed["workspace"]["offset"] == 0 and placed["sram"]["offset"] == after_ws,
            f"placements not applied: {placed}")
    s.run(["execute", "-m", "multi_io", "--input", f"features={m}/features.npy", "--input", f"mask={m}/mask.npy",
           "--expect", f"scores={m}/scores.npy", "--expect", f"flags={m}/flags.npy"])
    s.run(["set-workspaces", "-m", "digits", "--pool", f"workspace=sram:{region['size'] - 16}"], code="device",
          stderr_has=["AGENT_ERR_WORKSPACE_OUTSIDE_REGION", "digits"])
    s.run(["set-workspaces", "-m", "multi_io", "--pool", "workspace=sram:0", "--pool",
           f"sram=sram:{after_ws - 16}"], code="device", stderr_has=["AGENT_ERR_WORKSPACE_OVERLAP"])
    s.run(["set-workspaces", "-m", "digits", "--pool", "workspace=sram:0:64"], code="device",
          stderr_has=["AGENT_ERR_WORKSPACE_TOO_SMALL"])
    s.check(pool > 0, "multi_io's USMP pool has no size")


def last_error(s):
    f, d = s.path("tests", "firmware", "fault_model"), s.path("examples", "digits", "data")
    s.run(["execute", "-m", "fault", "--input", f"{f}/ok.npy", "--expect", f"{f}/ok.npy"])
    s.run(["execute", "-m", "fault", "--input", f"{f}/fail.npy"], code="device",
          stderr_has=["kTVMCrtErrWorkspaceExhausted (0x1105)", "model 'fault' asked for 256 bytes"])
    s.run(["last-error"], stdout_has=["kTVMCrtErrWorkspaceExhausted (0x1105) in model 'fault'"])
    r = s.json(["last-error"])
    s.check(r.get("code") == 0x1105 and "256 bytes" in r.get("text", ""), f"last-error --json gave {r}")
    # The agent carries on after a model error.
    s.run(["execute", "-m", "digits", "--input", f"{d}/sample_input.npy", "--expect", f"{d}/sample_output.npy"])


def crash_reset(s):
    """A model that faults the core: the port resets the board; the host must say so (exit 9)."""
    f, d = s.path("tests", "firmware", "fault_model"), s.path("examples", "digits", "data")
    before = s.json(["info"]).get("device", {}).get("boot_id")
    s.run(["execute", "-m", "fault", "--input", f"{f}/crash.npy"], code="reset",
          stderr_has=["reset during the command"])
    after = s.json(["info"]).get("device", {}).get("boot_id")
    s.check(before is not None and after is not None and before != after,
            f"boot id did not change across the reset: {before} -> {after}")
    s.run(["execute", "-m", "digits", "--input", f"{d}/sample_input.npy", "--expect", f"{d}/sample_output.npy"])


def large_output(s):
    """A 16 KiB output comes back in one ReadOutput response, four times the frame payload long, sent
    by the agent straight from the tensor through the blocking UART; every byte must be right."""
    dev = s.json(["info"]).get("device", {})
    s.check(dev.get("max_read_length", 0) >= 16384 > dev.get("max_frame_payload", 0),
            f"max_read_length {dev.get('max_read_length')} vs max_frame_payload {dev.get('max_frame_payload')}")
    rng = np.random.default_rng(16)
    with tempfile.TemporaryDirectory() as tmp:
        x = rng.integers(0, 256, size=(16384,), dtype=np.uint8)
        x[:600] = 0xFF  # a run past a COBS block where the tensor starts in the frame
        np.save(f"{tmp}/x.npy", x)
        r = s.json(["execute", "-m", "copy_16k", "--input", f"{tmp}/x.npy", "--expect", f"{tmp}/x.npy"])
        s.check(r.get("ok") is True, f"copy_16k output differs from its input: {str(r)[:300]}")


def heldout(s):
    d = s.path("examples", "digits", "data")
    refs, labels = np.load(f"{d}/heldout_outputs.npy"), np.load(f"{d}/heldout_labels.npy")
    numpy_correct = int((refs.reshape(len(refs), -1).argmax(axis=1) == labels).sum())
    r = s.json(["execute", "-m", "digits", "--batch-input", f"input={d}/heldout_inputs.npy",
                "--batch-expect", f"output={d}/heldout_outputs.npy", "--labels", f"{d}/heldout_labels.npy"])
    n = len(labels)
    s.check(r.get("passed") == n and r.get("failed") == 0,
            f"{r.get('failed')} of {n} held-out outputs differ from numpy")
    s.check(r.get("correct") == numpy_correct,
            f"device got {r.get('correct')}/{n} right, numpy {numpy_correct}/{n}")
    times = sorted(x["time_us"] for x in r.get("results", []))
    if times:
        print(f"heldout: {r.get('correct')}/{n} correct (numpy {numpy_correct}/{n}); "
              f"on-device time median {times[len(times) // 2]:.0f} us, min {times[0]:.0f} us")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario", choices=["info", "execute", "set_workspaces", "last_error", "crash_reset", "heldout",
                                             "large_output"])
    parser.add_argument("--host", required=True, help="the tvmcrt-host executable")
    parser.add_argument("--root", required=True, help="the source tree (examples/, tests/)")
    args = parser.parse_args()
    if "TVMCRT_PORT" not in os.environ:
        sys.exit("device_session: TVMCRT_PORT is not set; run me under scripts/qemu-board run")
    s = Session(args.host, args.root)
    globals()[args.scenario](s)
    print(f"{args.scenario}: {'PASSED' if s.failures == 0 else f'{s.failures} FAILED'}")
    return 1 if s.failures else 0


if __name__ == "__main__":
    sys.exit(main())
