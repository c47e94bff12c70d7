#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Reliability figures of tvmcrt-host and the agent over a faulty link (docs/reliability.md).

  reliability.py noise --executes N [--ber P] [--drop P] [--dup P] ...
      N executes of each example (digits, multi_io), each one tvmcrt-host invocation through its
      own connection of tvmcrt-linksim to the native device. Every execute is one of:
        correct  exit 0, every output byte-identical to the example's reference
        error    a non-zero exit with a JSON error (class, message) -- "names the link" when the
                 message names the port
        SILENT   exit 0 but an output differs from the reference (a silent corruption)
        unclear  anything else: no JSON, exit 1 (internal), missing output files
        hang     tvmcrt-host did not end within --hang-after seconds
  reliability.py reset
      The device is killed and restarted during an input upload, an Execute and an output download
      (linksim --reconnect keeps the host's connection, as a USB-serial adapter does while its
      board resets): tvmcrt-host must fail with "reset" (exit 9) or a transport error naming the
      port, within its timeout, and the next command must work.

  reliability.py exactly-once --tool tvmcrt-exactly-once --model M --executes N [--ber P] ...
      N runs with Device::run() over one connection of tvmcrt-linksim (exactly_once.cpp): each output
      checked against its own input, the device's run counter against one step per run.

Exits 1 when a figure misses its target (any SILENT/unclear/hang, or too few correct)."""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

import numpy as np

EXAMPLES = {  # model: ({input: stack}, {output: stack}) under examples/<model>/data
    "digits": ({"input": "heldout_inputs.npy"}, {"output": "heldout_outputs.npy"}),
    "multi_io": ({"features": "cases_features.npy", "mask": "cases_mask.npy"},
                 {"scores": "cases_scores.npy", "flags": "cases_flags.npy"}),
}
ERROR_CLASSES = {"transport", "timeout", "protocol", "device", "reset"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Rig:
    """tvmcrt-device --tcp on a fixed port behind tvmcrt-linksim --listen 0."""

    def __init__(self, a, faults, seed, tmp, reconnect=False):
        self.a, self.tmp = a, tmp
        self.dev_port = free_port()
        self.dev = None
        self.start_device()
        self.stats = os.path.join(tmp, "linksim-%d.json" % seed)
        argv = [a.linksim, "--listen", "0", "--connect", str(self.dev_port), "--seed", str(seed),
                "--stats-file", self.stats] + faults + (["--reconnect"] if reconnect else [])
        self.sim = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.port = "socket://127.0.0.1:" + self.sim.stdout.readline().strip()

    def start_device(self):
        if self.a.qemu:
            return self.start_board()
        for _ in range(50):  # the port of a killed device may take a moment to be free
            self.dev = subprocess.Popen([self.a.device, "--tcp", str(self.dev_port)], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
            if self.dev.stdout.readline().strip():
                return
            self.dev.wait()
            time.sleep(0.1)
        raise SystemExit("tvmcrt-device does not start on port %d" % self.dev_port)

    def start_board(self):
        """QEMU's board serving USART1 on dev_port; it boots when tvmcrt-linksim connects."""
        board = load_qemu_board()
        self.dev = subprocess.Popen(board.qemu_command(self.a.qemu, self.dev_port), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        out = bytearray()
        while board.READY_TEXT not in out:
            chunk = self.dev.stdout.read1(4096)
            if not chunk:
                raise SystemExit("QEMU did not start listening on port %d: %s" % (self.dev_port, out.decode()))
            out += chunk
        threading.Thread(target=lambda p=self.dev: [None for _ in iter(lambda: p.stdout.read1(4096), b"")],
                         daemon=True).start()

    def kill_device(self):
        self.dev.kill()  # SIGKILL: a QEMU blocked on its socket ignores SIGTERM
        self.dev.wait()

    def counters(self):
        try:
            with open(self.stats) as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def stop(self):
        for p in (self.sim, self.dev):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()


def load_qemu_board():
    """scripts/qemu-board as a module: its QEMU command line and ready text."""
    from importlib.machinery import SourceFileLoader
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "qemu-board")
    return SourceFileLoader("qemu_board", path).load_module()


def sample_files(a, tmp):
    """Per example: a list of ({input: sample.npy}, {output: reference array}) over its held-out stack."""
    out = {}
    for model, (ins, outs) in EXAMPLES.items():
        d = os.path.join(a.data, model, "data")
        stacks = {k: np.load(os.path.join(d, f)) for k, f in ins.items()}
        refs = {k: np.load(os.path.join(d, f)) for k, f in outs.items()}
        n = len(next(iter(stacks.values())))
        samples = []
        for i in range(n):
            files = {}
            for k, s in stacks.items():
                files[k] = os.path.join(tmp, "%s-%s-%d.npy" % (model, k, i))
                np.save(files[k], s[i])
            samples.append((files, {k: r[i] for k, r in refs.items()}))
        out[model] = samples
    return out


def execute(a, port, model, sample, outdir, host_args):
    """One tvmcrt-host execute; returns (category, detail)."""
    files, refs = sample
    shutil.rmtree(outdir, ignore_errors=True)
    argv = [a.host, "execute", "--port", port, "--model", model, "--output-dir", outdir, "--json"] + host_args
    for k, f in files.items():
        argv += ["--input", "%s=%s" % (k, f)]
    t0 = time.monotonic()
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=a.hang_after)
    except subprocess.TimeoutExpired:
        return "hang", "no exit after %g s" % a.hang_after, a.hang_after
    seconds = time.monotonic() - t0
    try:
        j = json.loads(r.stdout)
    except ValueError:
        return "unclear", "exit %d, no JSON: %r" % (r.returncode, r.stderr[-300:]), seconds
    if r.returncode == 0:
        for k, ref in refs.items():
            path = os.path.join(outdir, k + ".npy")
            if not os.path.exists(path):
                return "unclear", "exit 0 but no %s" % path, seconds
            got = np.load(path)
            if got.dtype != ref.dtype or got.tobytes() != ref.tobytes():
                return "SILENT", "output %s differs from the reference: %s vs %s" % (k, got.ravel(), ref.ravel()), seconds
        return "correct", "", seconds
    err = j.get("error", {}) if isinstance(j, dict) else {}
    if err.get("class") in ERROR_CLASSES and err.get("message") and err.get("exit_code") == r.returncode:
        return "error", "%s: %s" % (err["class"], err["message"]), seconds
    return "unclear", "exit %d: %s" % (r.returncode, r.stdout[-300:]), seconds


def cmd_noise(a):
    faults = []
    for name in ("baud", "latency", "ber", "drop", "dup", "insert", "burst"):
        v = getattr(a, name)
        if v:
            faults += ["--" + name, repr(v)]
    host_args = ["--turnaround", str(a.turnaround), "--retries", str(a.retries)]
    tmp = tempfile.mkdtemp(prefix="tvmcrt-rel-")
    samples = sample_files(a, tmp)
    ok = True
    try:
        for model, ss in samples.items():
            counts = {"correct": 0, "error": 0, "SILENT": 0, "unclear": 0, "hang": 0}
            classes, named, problems, errors, worst = {}, 0, [], [], 0.0
            lock = threading.Lock()
            next_i = [0]
            rigs = [Rig(a, faults, a.seed * 100 + w, tmp) for w in range(a.workers)]

            def work(w):
                nonlocal named, worst
                while True:
                    with lock:
                        i = next_i[0]
                        next_i[0] += 1
                    if i >= a.executes:
                        return
                    cat, detail, secs = execute(a, rigs[w].port, model, ss[i % len(ss)],
                                                os.path.join(tmp, "out-%d" % w), host_args)
                    with lock:
                        counts[cat] += 1
                        worst = max(worst, secs)
                        if cat == "error":
                            cls = detail.split(":")[0]
                            classes[cls] = classes.get(cls, 0) + 1
                            named += rigs[w].port in detail
                            if len(errors) < 3:
                                errors.append("execute %d: %s" % (i, detail))
                        elif cat != "correct" and len(problems) < 5:
                            problems.append("execute %d: %s: %s" % (i, cat, detail))

            t0 = time.monotonic()
            threads = [threading.Thread(target=work, args=(w,)) for w in range(a.workers)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            for r in rigs:
                r.stop()
            link = [r.counters() for r in rigs]
            flips = sum(c["up"]["bits_flipped"] + c["down"]["bits_flipped"] for c in link if c)
            drops = sum(c["up"]["dropped"] + c["down"]["dropped"] for c in link if c)
            dups = sum(c["up"]["duplicated"] + c["down"]["duplicated"] for c in link if c)
            wire = sum(c["up"]["bytes_in"] + c["down"]["bytes_in"] for c in link if c)
            rate = counts["correct"] / a.executes
            target_ok = (counts["SILENT"] == counts["unclear"] == counts["hang"] == 0 and rate >= a.min_correct
                         and (a.errors_name_link is False or named == counts["error"]))
            ok = ok and target_ok
            print("%-8s %d executes (%s): correct %d (%.2f%%), clear errors %d %s (naming the link: %d), "
                  "SILENT corruptions %d, unclear %d, hangs %d; slowest %.1f s; %.0f s total"
                  % (model, a.executes, " ".join(faults) or "no faults", counts["correct"], 100 * rate,
                     counts["error"], json.dumps(classes, sort_keys=True), named, counts["SILENT"],
                     counts["unclear"], counts["hang"], worst, time.monotonic() - t0))
            print("         link: %d bytes, %d bits flipped, %d bytes dropped, %d duplicated -> %s"
                  % (wire, flips, drops, dups, "PASS" if target_ok else "FAIL (target: 0 silent/unclear/hang, "
                     ">= %.2f%% correct%s)" % (100 * a.min_correct, ", errors naming the link" if a.errors_name_link else "")))
            for p in problems + errors:
                print("         " + p)
            sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


# When the requests of one multi_io execute reach the device, with --up-latency L (their answers come
# back at once), in units of L: killing the device at (k + 0.5) * L hits the gap before arrival k.
# One execute: Hello 1, ModelInfo 0 2, ModelInfo 1 3, then both WriteInputs and the Execute streamed
# (the window holds two: the writes at 4, the Execute behind them at 5; the outputs come with it).
# With --repeat 2 tvmcrt-host asks one request at a time: the writes at 4 and 5, the Executes at 6
# and 7, the ReadOutputs at 8 and 9.
RESET_PHASES = [("input upload", 3, []), ("Execute", 4, []), ("output download", 8, ["--repeat", "2"])]


def cmd_reset(a):
    tmp = tempfile.mkdtemp(prefix="tvmcrt-rel-")
    sample = sample_files(a, tmp)["multi_io"][0]
    host_args = ["--turnaround", str(a.turnaround), "--retries", str(a.retries)]
    L = a.latency
    ok = True
    try:
        for reconnect in (True, False):
            rig = Rig(a, ["--up-latency", repr(L)], a.seed, tmp, reconnect=reconnect)
            try:
                for phase, k, extra in RESET_PHASES:
                    # One request gap before it: the killed device's replacement must be up.
                    argv = [a.host, "execute", "--port", rig.port, "--model", "multi_io", "--json",
                            "--output-dir", os.path.join(tmp, "o")] + host_args + extra
                    for name, f in sample[0].items():
                        argv += ["--input", "%s=%s" % (name, f)]
                    for attempt in range(3):
                        t0 = time.monotonic()
                        p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                        time.sleep((k + 0.5) * L)
                        rig.kill_device()
                        t_kill = time.monotonic()
                        rig.start_device()
                        try:
                            out, err = p.communicate(timeout=a.hang_after)
                        except subprocess.TimeoutExpired:
                            p.kill()
                            out, err = p.communicate()
                        t_end = time.monotonic()
                        if p.returncode != 0:
                            break
                        # The command ended before the kill (a slow start on a busy machine): the
                        # reset missed it, which says nothing of the host. Try again.
                        print("reset during %-15s: the command ended before the kill (%.2f s), again"
                              % (phase, t_kill - t0))
                    try:
                        j = json.loads(out)
                    except ValueError:
                        j = {}
                    e = j.get("error", {})
                    if reconnect:  # the host's port stays open: the device's Boot frame / boot id
                        good = p.returncode == 9 and e.get("class") == "reset" and "reset" in e.get("message", "")
                    else:  # the device side closed: the host's link closes too
                        good = p.returncode in (3, 9) and rig.port in e.get("message", "")
                    cat, detail, _ = execute(a, rig.port, "multi_io", sample, os.path.join(tmp, "next"), host_args)
                    good_next = cat == "correct"
                    ok = ok and good and good_next
                    print("reset during %-15s (%s): exit %d after %.2f s (%.2f s after the kill): %s | next "
                          "command: %s -> %s" % (phase, "port kept open" if reconnect else "port closed", p.returncode,
                                                 t_end - t0, t_end - t_kill, e.get("message", err.strip()[-200:]),
                                                 cat + (": " + detail if detail else ""),
                                                 "PASS" if good and good_next else "FAIL"))
                    sys.stdout.flush()
            finally:
                rig.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


def cmd_exactly_once(a):
    """tvmcrt-exactly-once through tvmcrt-linksim with the faults given: every run once, on its own input."""
    faults = []
    for name in ("baud", "latency", "ber", "drop", "dup"):
        v = getattr(a, name)
        if v:
            faults += ["--" + name, repr(v)]
    tmp = tempfile.mkdtemp(prefix="tvmcrt-once-")
    rig = Rig(a, faults, a.seed, tmp)
    try:
        r = subprocess.run([a.tool, "--port", rig.port, "--model", a.model, "--executes", str(a.executes),
                            "--seed", str(a.seed), "--turnaround", str(a.turnaround)],
                           capture_output=True, text=True, timeout=a.hang_after + 3600)
    finally:
        rig.stop()
        counters = rig.counters()
        shutil.rmtree(tmp, ignore_errors=True)
    try:
        j = json.loads(r.stdout)
    except ValueError:
        print("tvmcrt-exactly-once printed no result (exit %d): %s" % (r.returncode, r.stderr.strip()[-300:]))
        return 1
    print("exactly once, %s, %d runs of %s (faults: %s): %d correct, %d silently wrong, %d run twice, %d lost, "
          "%d errors; the device ran %s models; %s retransmissions, %s probes, %s frames damaged; %.1f s, "
          "median run %.2f ms" % ("PASS" if r.returncode == 0 else "FAIL", j.get("executes", 0), a.model,
                                  " ".join(faults) or "none", j.get("correct", 0), j.get("silent_corruptions", 0),
                                  j.get("double_runs", 0), j.get("lost_runs", 0), j.get("errors", 0),
                                  j.get("device_runs"), j.get("retransmits"), j.get("probes"), j.get("bad_frames"),
                                  j.get("seconds", 0), j.get("median_run_ms", 0)))
    if counters:
        up, down = counters.get("up", {}), counters.get("down", {})
        print("  line: %d bits flipped, %d bytes dropped, %d duplicated (host to device %d bytes, back %d)"
              % (up.get("bits_flipped", 0) + down.get("bits_flipped", 0), up.get("dropped", 0) + down.get("dropped", 0),
                 up.get("duplicated", 0) + down.get("duplicated", 0), up.get("bytes_in", 0), down.get("bytes_in", 0)))
    for k in ("fatal", "first_error", "first_problem"):
        if j.get(k):
            print("  %s: %s" % (k, j[k]))
    sys.stdout.flush()
    return r.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", required=True, help="tvmcrt-host")
    ap.add_argument("--device", help="tvmcrt-device (native)")
    ap.add_argument("--linksim", required=True, help="tvmcrt-linksim")
    ap.add_argument("--data", required=True, help="the examples folder")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--turnaround", type=float, default=0.5, help="tvmcrt-host --turnaround")
    ap.add_argument("--retries", type=int, default=4, help="tvmcrt-host --retries")
    ap.add_argument("--hang-after", type=float, default=120, help="seconds after which tvmcrt-host counts as hung")
    ap.add_argument("--qemu", metavar="FW.elf", help="the device is this firmware on QEMU's netduinoplus2 "
                    "(restarted for a reset) instead of --device")
    sub = ap.add_subparsers(dest="cmd", required=True)
    n = sub.add_parser("noise")
    n.add_argument("--executes", type=int, default=1000, help="executes per example")
    n.add_argument("--workers", type=int, default=2, help="device + link pairs run in parallel")
    for name in ("baud", "latency", "ber", "drop", "dup", "insert", "burst"):
        n.add_argument("--" + name, type=float, default=0.0, help="tvmcrt-linksim --" + name)
    n.add_argument("--min-correct", type=float, default=0.999, help="fraction of correct executes needed")
    n.add_argument("--errors-name-link", action="store_true", help="every error must name the port")
    r = sub.add_parser("reset")
    r.add_argument("--latency", type=float, default=0.25, help="up-link latency that spaces the requests")
    x = sub.add_parser("exactly-once")
    x.add_argument("--tool", required=True, help="tvmcrt-exactly-once")
    x.add_argument("--model", default="add_one", help="copy_<size> (bench device), add_one or sum_bytes")
    x.add_argument("--executes", type=int, default=10000)
    for name in ("baud", "latency", "ber", "drop", "dup"):
        x.add_argument("--" + name, type=float, default=0.0, help="tvmcrt-linksim --" + name)
    a = ap.parse_args()
    if not a.device and not a.qemu:
        ap.error("give --device or --qemu")
    return {"noise": cmd_noise, "reset": cmd_reset, "exactly-once": cmd_exactly_once}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
