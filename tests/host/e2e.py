#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""End-to-end tests of tvmcrt-host against the native device (tvmcrt-device) and the scripted fake
device (tvmcrt-fake-device), over ptys and socket://. One case per CTest test:

    e2e.py --host BIN --device BIN --fake BIN --data EXAMPLES_DIR CASE

Each case checks what a user relies on: exit code, the JSON object on stdout, the message on
stderr, output files byte for byte. Runs with Debian's /usr/bin/python3 (numpy).
"""
import argparse
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

from e2e_hardening import (case_busy_tcp, case_empty_port, case_input_files, case_numbers, case_partial_placement,
                           case_reports, case_wrong_peer)
from e2e_links import case_noisy_link, case_rfc2217, case_verbose
from e2e_ports import case_list_ports
from e2e_support import ctx, check, data, device, expect_error, fake, host, save

# ---- cases against the native device ------------------------------------------------------------

def case_info(kind):
    d, port = device(kind)
    try:
        r = host("info", "--port", port, "--json")
        check(r.returncode == 0 and r.stderr == "", "info succeeds quietly", r)
        j = json.loads(r.stdout)["device"]
        check(j["port"] == port and j["platform"] == "posix" and j["protocol_version"] == 3, "device fields", r)
        check(j["max_frame_payload"] >= 256 and j["receive_window"] >= 1 and j["boot_id"] > 0, "link fields", r)
        models = {m["name"]: m for m in j["models"]}
        check(set(models) >= {"digits", "multi_io"}, "both example models listed", r)
        dig = models["digits"]
        check(dig["inputs"] == [{"name": "input", "dtype": "int8", "shape": [1, 64], "size_bytes": 64}], "digits input", r)
        check(dig["outputs"][0]["shape"] == [1, 10] and dig["outputs"][0]["dtype"] == "int8", "digits output", r)
        mio = models["multi_io"]
        check([t["name"] for t in mio["inputs"]] == ["features", "mask"], "multi_io inputs", r)
        check(any(p["name"] == "sram" and p["size_bytes"] == 1056 for p in mio["pools"]), "multi_io sram pool", r)
        t = host("info", "--port", port)
        check(t.returncode == 0 and "model 0: digits" in t.stdout and "input  0 input: int8 [1, 64] (64 bytes)" in t.stdout,
              "human info", t)
    finally:
        d.stop()


def case_execute(kind):
    d, port = device(kind)
    out = os.path.join(ctx.tmp, "out")
    try:
        r = host("execute", "--port", port, "--model", "digits", "--input", data("digits", "data", "sample_input.npy"),
                 "--expect", data("digits", "data", "sample_output.npy"), "--output-dir", out, "--repeat", 5,
                 "--junit", os.path.join(ctx.tmp, "j.xml"), "--json")
        check(r.returncode == 0, "execute succeeds", r)
        j = json.loads(r.stdout)
        check(j["ok"] and j["model"] == "digits" and j["timing"]["runs"] == 5, "result and 5 timed runs", r)
        check(0 <= j["timing"]["min_us"] <= j["timing"]["median_us"] <= j["timing"]["max_us"], "timing order", r)
        cmp = j["outputs"][0]["comparison"]
        check(cmp["pass"] and cmp["max_abs"] == 0 and cmp["top1"], "bit-exact against the reference", r)
        got = np.load(os.path.join(out, "output.npy"))
        ref = np.load(data("digits", "data", "sample_output.npy"))
        check(got.dtype == np.int8 and got.shape == (1, 10) and (got == ref).all(), "output file equals reference")
        xml = open(os.path.join(ctx.tmp, "j.xml")).read()
        check('tests="1" failures="0"' in xml, "JUnit report")
    finally:
        d.stop()


def case_multi_io():
    d, port = device()
    m = lambda f: data("multi_io", "data", f)
    try:
        r = host("execute", "--port", port, "--model", "multi_io", "--input", "features=" + m("features.npy"),
                 "--input", "mask=" + m("mask.npy"), "--expect", "scores=" + m("scores.npy"),
                 "--expect", "flags=" + m("flags.npy"), "--atol", "1e-5", "--json")
        check(r.returncode == 0, "multi_io execute passes", r)
        outs = {o["name"]: o for o in json.loads(r.stdout)["outputs"]}
        check(outs["scores"]["comparison"]["pass"] and outs["flags"]["comparison"]["pass"], "both outputs pass", r)
        r = host("execute", "--port", port, "--model", "multi_io", "--input", "features=" + m("features.npy"), "--json")
        expect_error(r, 2, "usage", "model 'multi_io' needs input 'mask' (int8 [1, 8]); pass --input mask=FILE.npy")
        r = host("execute", "--port", port, "--model", "multi_io", "--input", m("features.npy"), "--json")
        expect_error(r, 2, "usage", "has 2 inputs (features, mask); name the one this file is for")
    finally:
        d.stop()


def case_batch():
    d, port = device()
    g = lambda f: data("digits", "data", f)
    junit = os.path.join(ctx.tmp, "batch.xml")
    try:
        r = host("execute", "--port", port, "--model", "digits", "--batch-input", g("heldout_inputs.npy"),
                 "--batch-expect", g("heldout_outputs.npy"), "--labels", g("heldout_labels.npy"), "--junit", junit,
                 "--output-dir", os.path.join(ctx.tmp, "bo"), "--json", timeout=120)
        check(r.returncode == 0, "batch passes", r)
        j = json.loads(r.stdout)
        n = len(np.load(g("heldout_labels.npy")))
        ref = np.load(g("heldout_outputs.npy"))
        labels = np.load(g("heldout_labels.npy"))
        want_acc = float((ref.reshape(n, -1).argmax(axis=1) == labels).mean())
        check(j["samples"] == n and j["passed"] == n and j["failed"] == 0, "every sample passes", r)
        check(abs(j["accuracy"] - want_acc) < 1e-12, "accuracy equals the reference's (%f)" % want_acc, r)
        check(open(junit).read().count("<testcase ") == n, "one JUnit testcase per sample")
        check((np.load(os.path.join(ctx.tmp, "bo", "output.npy")) == ref).all(), "stacked outputs equal the references")
        # One sample's reference changed: that sample fails, exit 7, the JUnit report names it.
        bad = ref.copy()
        bad[3, 0, 0] += 5
        r = host("execute", "--port", port, "--model", "digits", "--batch-input", g("heldout_inputs.npy"),
                 "--batch-expect", save("bad.npy", bad), "--junit", junit, "--json", timeout=120)
        check(r.returncode == 7, "mismatch exit code", r)
        j = json.loads(r.stdout)
        check(j["failed"] == 1 and j["error"]["class"] == "mismatch" and not j["results"][3]["pass"], "sample 3 failed", r)
        check('failures="1"' in open(junit).read() and "1 of %d samples differ" % n in r.stderr, "report and message", r)
    finally:
        d.stop()


def case_mismatch():
    d, port = device()
    try:
        ref = np.load(data("digits", "data", "sample_output.npy")).copy()
        ref[0, 2] += 3
        r = host("execute", "--port", port, "--input", "input=" + data("digits", "data", "sample_input.npy"),
                 "--model", "digits", "--expect", "output=" + save("ref.npy", ref), "--json")
        check(r.returncode == 7, "exit 7 on mismatch", r)
        j = json.loads(r.stdout)
        c = j["outputs"][0]["comparison"]
        check(not j["ok"] and not c["pass"] and c["max_abs"] == 3 and c["violations"] == 1 and c["first_violation"] == 2,
              "comparison figures", r)
        check("outputs differ from the references" in r.stderr, "stderr message", r)
        r = host("execute", "--port", port, "--model", "digits", "--input", data("digits", "data", "sample_input.npy"),
                 "--expect", save("ref.npy", ref), "--atol", "3", "--rtol", "0")
        check(r.returncode == 0 and "PASS" in r.stdout, "passes within --atol 3", r)
    finally:
        d.stop()


def case_bad_inputs():
    d, port = device()
    x = data("digits", "data", "sample_input.npy")
    try:
        run = lambda *a: host("execute", "--port", port, "--json", *a)
        expect_error(run("--model", "nope", "--input", x), 2, "usage", "no model 'nope'", "it has: digits, multi_io")
        expect_error(run("--model", "digits", "--input", "nope=" + x), 2, "usage",
                     "model 'digits' has no input 'nope'; its inputs are: input")
        f = save("f32.npy", np.zeros((1, 64), np.float32))
        expect_error(run("--model", "digits", "--input", f), 2, "usage",
                     "input 'input' of model 'digits' is int8 [1, 64] but the file holds float32 [1, 64]", "astype")
        c = save("short.npy", np.zeros((1, 63), np.int8))
        expect_error(run("--model", "digits", "--input", c), 2, "usage",
                     "is int8 [1, 64] (64 elements) but the file holds int8 [1, 63] (63 elements)")
        bad = os.path.join(ctx.tmp, "bad.npy")
        with open(bad, "wb") as fh:
            fh.write(b"\x93NUMPY\x01\x00\x20\x00{'descr': '|i1', 'shape': (1,64)}\n" + bytes(64))
        expect_error(run("--model", "digits", "--input", bad), 8, "file", "malformed .npy header")
        expect_error(run("--model", "digits", "--input", os.path.join(ctx.tmp, "none.npy")), 8, "file", "cannot open")
        expect_error(run("--model", "digits"), 2, "usage", "model 'digits' needs input 'input' (int8 [1, 64]); pass --input input=FILE.npy")
        expect_error(run("--model", "digits", "--input", x, "--output-dir", "/etc/hostname/out"), 8, "file",
                     "output directory /etc/hostname/out")
        r = host("execute", "--port", port, "--bogus")
        check(r.returncode == 2 and "--bogus" in r.stderr, "unknown option is a usage error", r)
        # set-workspaces: names checked on the host, placements by the device.
        sw = lambda *a: host("set-workspaces", "--port", port, "--model", "multi_io", "--json", *a)
        expect_error(sw("--pool", "nope=sram"), 2, "usage", "model 'multi_io' has no pool 'nope'; its pools are: sram")
        expect_error(sw("--pool", "sram=flash"), 2, "usage", "no memory region 'flash'")
        expect_error(sw("--pool", "sram=scratch:999999"), 6, "device", "AGENT_ERR_WORKSPACE_OUTSIDE_REGION")
    finally:
        d.stop()


def case_set_workspaces():
    d, port = device()
    m = lambda f: data("multi_io", "data", f)
    try:
        r = host("set-workspaces", "--port", port, "--model", "multi_io", "--pool", "sram=scratch:64",
                 "--pool", "workspace=scratch:4096", "--json")
        check(r.returncode == 0, "set-workspaces succeeds", r)
        pools = {p["name"]: p for p in json.loads(r.stdout)["model"]["pools"]}
        check(pools["sram"]["assigned"] and pools["sram"]["region"] == "scratch" and pools["sram"]["offset"] == 64,
              "sram placed at scratch+64", r)
        r = host("execute", "--port", port, "--model", "multi_io", "--input", "features=" + m("features.npy"),
                 "--input", "mask=" + m("mask.npy"), "--expect", "scores=" + m("scores.npy"), "--atol", "1e-5")
        check(r.returncode == 0, "runs with the new placement", r)
        r = host("last-error", "--port", port, "--json")
        check(r.returncode == 0 and json.loads(r.stdout)["ok"], "last-error", r)
    finally:
        d.stop()


def case_device_killed():
    """The device dies mid-batch: a transport error, quickly, naming the port."""
    d, port = device()
    g = lambda f: data("digits", "data", f)
    try:
        big = np.repeat(np.load(g("heldout_inputs.npy")), 50, axis=0)
        stack = save("big.npy", big)
        p = subprocess.Popen([ctx.a.host, "execute", "--port", port, "--model", "digits", "--batch-input", stack, "--json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.5)
        d.p.kill()
        t0 = time.monotonic()
        out, err = p.communicate(timeout=20)
        r = subprocess.CompletedProcess(p.args, p.returncode, out, err)
        check(p.returncode in (3, 4), "transport (or timeout) error when the device dies", r)
        check(time.monotonic() - t0 < 6, "ends promptly", r)
        check(port in err, "names the port", r)
    finally:
        d.stop()


def case_port_errors():
    r = host("info", "--port", "/dev/tvmcrt-missing", "--json")
    expect_error(r, 3, "transport", "port /dev/tvmcrt-missing: no such device")
    # No --port means the emulated board; without a firmware image that is a usage error.
    os.environ["TVMCRT_FIRMWARE"] = "/nonexistent/tvmcrt-fw.elf"
    try:
        r = host("info", "--json", timeout=10)
    finally:
        del os.environ["TVMCRT_FIRMWARE"]
    check(r.returncode == 2 and "no firmware image for the emulator at /nonexistent/tvmcrt-fw.elf" in r.stderr,
          "no --port boots the emulator; a missing image is a usage error", r)
    r = host("info", "--port", "socket://127.0.0.1:1", "--json")
    expect_error(r, 3, "transport", "connection refused")
    r = host("info", "--port", "ftp://x:1", "--json")
    expect_error(r, 2, "usage", "unsupported scheme")
    # Busy: another process holds the pty (flock, as serial tools do).
    d, port = device()
    try:
        holder = subprocess.Popen(["/usr/bin/python3", "-c", "import fcntl,os,sys,time\n"
                                   "fd=os.open(sys.argv[1],os.O_RDWR|os.O_NOCTTY)\nfcntl.flock(fd,fcntl.LOCK_EX)\n"
                                   "print('held',flush=True)\ntime.sleep(30)", port], stdout=subprocess.PIPE, text=True)
        holder.stdout.readline()
        r = host("info", "--port", port, "--json")
        expect_error(r, 3, "transport", "port " + port + ": busy")
        holder.kill()
        holder.wait()
        r = host("info", "--port", port)
        check(r.returncode == 0, "free again after the holder exits", r)
    finally:
        d.stop()


def case_permission_denied():
    """A pty the user may not open. Root passes every permission check, so as root tvmcrt-host runs
    as 'nobody' (setpriv) against a root-owned pty of mode 0600; as any other user, mode 0000."""
    master, slave = pty.openpty()
    path = os.ttyname(slave)
    try:
        if os.getuid() != 0:
            os.chmod(path, 0)
            r = host("info", "--port", path, "--json")
        elif shutil.which("setpriv"):
            os.chmod(path, 0o600)
            r = host("info", "--port", path, "--json", user=65534)
        else:
            print("SKIP: running as root without setpriv (util-linux) to drop privileges")
            sys.exit(77)
        expect_error(r, 3, "transport", "permission denied", "dialout")
    finally:
        os.close(slave)
        os.close(master)


def case_silent():
    """A pty nobody serves: timeout class, within the link's time limits (0.3 s turnaround, 2 retries)."""
    master, slave = pty.openpty()
    path = os.ttyname(slave)
    try:
        r = host("info", "--port", path, "--turnaround", "0.3", "--retries", "2", "--json", timeout=30)
        expect_error(r, 4, "timeout", "no response from the device on " + path + " to Hello", "after 2 retransmissions")
        check(0.8 < r.seconds < 3.0, "gave up in %.2f s (3 attempts of 0.3 s + line time)" % r.seconds, r)
    finally:
        os.close(slave)
        os.close(master)


def case_wrong_version():
    for old in ("1", "2"):  # firmware of versions before this host's (2: before ReadProfile)
        d, port = fake("--version", old)
        try:
            expect_error(host("info", "--port", port, "--json"), 5, "protocol",
                         "speaks tvmcrt protocol version %s, this tvmcrt-host speaks version 3" % old)
            expect_error(host("profile", "--port", port, "--json"), 5, "protocol",
                         "speaks tvmcrt protocol version %s, this tvmcrt-host speaks version 3" % old)
        finally:
            d.stop()


def case_model_error():
    d, port = fake("--model-fails")
    try:
        x = save("x.npy", np.arange(1000, dtype=np.uint8))
        r = host("execute", "--port", port, "--input", x, "--json")
        expect_error(r, 6, "device", "model 'm' failed on the device at " + port,
                     "operator fused_add failed: injected by the fake device")
        r = host("last-error", "--port", port)
        check(r.returncode == 0 and "operator fused_add failed" in r.stdout, "last-error shows the text", r)
    finally:
        d.stop()


def case_reset():
    d, port = fake("--reboot-at", "4")  # Hello 0, ModelInfo 1, WriteInput 2..(1000 bytes / ~224) 6
    try:
        x = save("x.npy", np.arange(1000, dtype=np.uint8))
        r = host("execute", "--port", port, "--input", x, "--json")
        expect_error(r, 9, "reset", "reset during", "boot id 7 became 8")
    finally:
        d.stop()


def case_progress():
    """A transfer over a second draws a progress bar, only when stderr is a terminal."""
    d, port = fake("--delay-ms", "100", "--max-payload", "96", "--window", "1")  # 16 chunks of 64 bytes
    try:
        x = save("x.npy", np.arange(1000, dtype=np.uint8))
        r = host("execute", "--port", port, "--input", x)
        check(r.returncode == 0 and "[" not in r.stderr and r.stderr == "", "no bar when stderr is a pipe", r)
        master, slave = pty.openpty()
        p = subprocess.Popen([ctx.a.host, "execute", "--port", port, "--input", x], stdout=subprocess.PIPE, stderr=slave)
        os.close(slave)
        err = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            err += chunk
        p.wait(timeout=30)
        os.close(master)
        text = err.decode(errors="replace")
        check(p.returncode == 0, "execute succeeds with a terminal on stderr")
        check("model m [" in text and "/2000 bytes" in text and "\x1b[K" in text, "bar drawn and erased: %r" % text[-200:])
    finally:
        d.stop()


def case_help():
    r = host("--help")
    check(r.returncode == 0 and "Exit codes:" in r.stdout and "9  reset" in r.stdout, "top-level help", r)
    for sub in ("info", "execute", "set-workspaces", "last-error"):
        r = host(sub, "--help")
        check(r.returncode == 0 and "--port" in r.stdout and "--json" in r.stdout, sub + " --help", r)


CASES = {
    "info_pty": lambda: case_info("pty"), "info_tcp": lambda: case_info("tcp"),
    "execute_pty": lambda: case_execute("pty"), "execute_tcp": lambda: case_execute("tcp"),
    "multi_io": case_multi_io, "batch": case_batch, "mismatch": case_mismatch, "bad_inputs": case_bad_inputs,
    "set_workspaces": case_set_workspaces, "device_killed": case_device_killed, "port_errors": case_port_errors,
    "permission_denied": case_permission_denied, "silent": case_silent, "wrong_version": case_wrong_version,
    "model_error": case_model_error, "progress": case_progress, "noisy_link": case_noisy_link, "rfc2217": case_rfc2217, "reset": case_reset, "help": case_help,
    "reports": case_reports, "input_files": case_input_files, "numbers": case_numbers, "empty_port": case_empty_port,
    "wrong_peer": case_wrong_peer, "busy_tcp": case_busy_tcp, "partial_placement": case_partial_placement,
    "list_ports": case_list_ports, "verbose": case_verbose,
}
NEEDS_DEVICE = {"info_pty", "info_tcp", "execute_pty", "execute_tcp", "multi_io", "batch", "mismatch", "bad_inputs",
                "set_workspaces", "device_killed", "port_errors", "reports", "input_files", "empty_port", "busy_tcp",
                "partial_placement", "list_ports"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", required=True)
    ap.add_argument("--device")
    ap.add_argument("--fake", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--linksim", help="tvmcrt-linksim (tests/tools/linksim), for the noisy link")
    ap.add_argument("case", choices=sorted(CASES) + ["list"])
    ctx.a = ap.parse_args()
    if ctx.a.case == "list":
        print(";".join(sorted(CASES)))
        return
    ctx.tmp = tempfile.mkdtemp(prefix="tvmcrt-e2e-")
    os.chmod(ctx.tmp, 0o755)
    try:
        CASES[ctx.a.case]()
    finally:
        shutil.rmtree(ctx.tmp, ignore_errors=True)
    print("PASS", ctx.a.case)


if __name__ == "__main__":
    main()
