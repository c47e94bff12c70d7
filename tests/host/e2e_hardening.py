# SPDX-License-Identifier: Apache-2.0
"""End-to-end cases of tvmcrt-host for the ways a run can end badly (e2e.py runs them): reports that
must not be lost, inputs that are not what they seem, ports that are empty."""
import json
import os
import signal
import subprocess
import time

import numpy as np

from e2e_support import ctx, check, data, device, expect_error, host, save


def junit_counts(path):
    text = open(path).read()
    return {k: text.count(tag) for k, tag in
            (("cases", "<testcase "), ("errors", "<error "), ("skipped", "<skipped "), ("failures", "<failure "))}, text


def start_batch(port, stack, junit, *extra):
    return subprocess.Popen([ctx.a.host, "execute", "--port", port, "--model", "digits", "--batch-input", stack,
                             "--junit", junit, "--json", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_running(p, seconds=0.7):
    time.sleep(seconds)
    check(p.poll() is None, "the batch is still running when it is cut short")


def case_reports():
    """--junit is checked before connecting; a run cut short still writes its report and its JSON."""
    d, port = device()
    g = lambda f: data("digits", "data", f)
    try:
        # An unwritable report path costs nothing: refused before any sample runs.
        t0 = time.monotonic()
        r = host("execute", "--port", port, "-m", "digits", "--batch-input", g("heldout_inputs.npy"),
                 "--junit", "/proc/tvmcrt-report.xml", "--json")
        expect_error(r, 8, "file", "/proc/tvmcrt-report.xml: cannot write the JUnit report",
                     "checked before connecting")
        check(time.monotonic() - t0 < 2, "refused at once, not after the batch", r)
        r = host("execute", "--port", port, "-m", "digits", "--input", g("sample_input.npy"), "--junit", ctx.tmp)
        check(r.returncode == 8 and "is a directory; give --junit a file name" in r.stderr, "a directory as --junit", r)

        # Ctrl-C in the middle of a long batch: exit 130, the report holds the samples that ran,
        # the rest not run, and the JSON object the results so far.
        big = save("big.npy", np.repeat(np.load(g("heldout_inputs.npy")), 40, axis=0))
        n = len(np.load(big, mmap_mode="r"))
        junit = os.path.join(ctx.tmp, "int.xml")
        p = start_batch(port, big, junit)
        wait_running(p)
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=10)
        r = subprocess.CompletedProcess(p.args, p.returncode, out, err)
        check(p.returncode == 130, "SIGINT ends the batch with exit 130", r)
        j = json.loads(out)
        done = j["completed"]
        check(j["ok"] is False and j["error"]["class"] == "interrupted" and 0 < done < n and len(j["results"]) == done,
              "JSON: the samples that ran, and the interruption", r)
        c, text = junit_counts(junit)
        check(c["cases"] == n and c["errors"] == 1 and c["skipped"] == n - done - 1 and 'errors="1"' in text,
              "JUnit: %d ran, 1 interrupted, the rest not run (got %s)" % (done, c), r)
        check("interrupted by SIGINT" in err, "stderr says what ended it", r)

        # SIGTERM (a cancelled CI job): 143, same reports.
        p = start_batch(port, big, junit)
        wait_running(p)
        p.send_signal(signal.SIGTERM)
        out, err = p.communicate(timeout=10)
        check(p.returncode == 143 and json.loads(out)["error"]["class"] == "interrupted", "SIGTERM: exit 143",
              subprocess.CompletedProcess(p.args, p.returncode, out, err))
    finally:
        d.stop()

    # The device dies mid-batch: the link error is the last testcase's <error>, the report is written.
    d, port = device()
    try:
        junit = os.path.join(ctx.tmp, "killed.xml")
        p = start_batch(port, big, junit)
        wait_running(p)
        d.p.kill()
        out, err = p.communicate(timeout=20)
        r = subprocess.CompletedProcess(p.args, p.returncode, out, err)
        check(p.returncode in (3, 4), "transport or timeout error", r)
        c, _ = junit_counts(junit)
        j = json.loads(out)
        check(c["errors"] == 1 and c["cases"] == n and len(j["results"]) == j["completed"] > 0,
              "report and JSON of a batch whose device died (%s)" % c, r)
    finally:
        d.stop()

    # A single run on a port with no device behind it: a JUnit with the error, not no file at all.
    junit = os.path.join(ctx.tmp, "refused.xml")
    r = host("execute", "--port", "socket://127.0.0.1:1", "--input", g("sample_input.npy"), "--junit", junit)
    c, _ = junit_counts(junit)
    check(r.returncode == 3 and c["cases"] == 1 and c["errors"] == 1, "a connection failure is in the report", r)


def case_input_files():
    """Files that are not .npy files of the right size are refused before they are read whole."""
    d, port = device()
    x = data("digits", "data", "sample_input.npy")
    try:
        run = lambda *a: host("execute", "--port", port, "-m", "digits", "--json", *a, timeout=20)
        expect_error(run("--input", ctx.tmp), 8, "file", ctx.tmp + ": is a directory, not a .npy file")
        expect_error(run("--input", x, "--expect", ctx.tmp), 8, "file", "is a directory")
        expect_error(run("--input", "/dev/zero"), 8, "file", "/dev/zero: is not a regular file")
        fifo = os.path.join(ctx.tmp, "fifo.npy")
        os.mkfifo(fifo)
        expect_error(run("--input", fifo), 8, "file", "is not a regular file (a FIFO")
        # 200 MB of data behind a 64-byte tensor: the header says so, nothing more is read.
        huge = os.path.join(ctx.tmp, "huge.npy")
        np.lib.format.open_memmap(huge, mode="w+", dtype=np.int8, shape=(200_000_000,)).flush()
        t0 = time.monotonic()
        r = run("--input", huge)
        expect_error(r, 2, "usage", "is int8 [1, 64] (64 elements) but the file holds int8 [200000000]")
        check(time.monotonic() - t0 < 3, "refused from the header, without reading 200 MB", r)
        # A path with '=' in it is a path, not NAME=FILE.
        odd = os.path.join(ctx.tmp, "run=3")
        os.mkdir(odd)
        r = host("execute", "--port", port, "-m", "digits", "--input", save("run=3/x.npy", np.load(x)))
        check(r.returncode == 0, "a path containing '=' is read as a path", r)
        # A reference of another dtype is compared, with a note saying so.
        ref = np.load(data("digits", "data", "sample_output.npy"))
        r = host("execute", "--port", port, "-m", "digits", "--input", x, "--expect", save("f.npy", ref.astype(np.float32)))
        check(r.returncode == 0 and "holds float32 but output 'output' of model 'digits' is int8: compared as numbers"
              in r.stderr, "a note for a reference of another dtype", r)
        r = host("execute", "--port", port, "-m", "digits", "--input", x, "--expect", os.path.join(ctx.tmp, "f.npy"), "-q")
        check(r.returncode == 0 and r.stderr == "", "-q: no notes", r)
        # .npz (numpy.savez, what `tvmc run` takes): every input, or every reference, by name.
        mio = lambda f: np.load(data("multi_io", "data", f))
        for savez in (np.savez, np.savez_compressed):
            inputs = os.path.join(ctx.tmp, "in_%s.npz" % savez.__name__)
            savez(inputs, features=mio("features.npy"), mask=mio("mask.npy"))
            refs = os.path.join(ctx.tmp, "refs.npz")
            np.savez(refs, scores=mio("scores.npy"), flags=mio("flags.npy"))
            r = host("execute", "--port", port, "-m", "multi_io", "--input", inputs, "--expect", refs, "--atol", "1e-5",
                     "--json")
            check(r.returncode == 0 and all(o["comparison"]["pass"] for o in json.loads(r.stdout)["outputs"]),
                  "inputs and references from %s files" % savez.__name__, r)
        # ... and every output into one .npz
        out_npz = os.path.join(ctx.tmp, "outs.npz")
        r = host("execute", "--port", port, "-m", "multi_io", "--input", inputs, "--output-npz", out_npz)
        got = np.load(out_npz)
        check(r.returncode == 0 and sorted(got.files) == ["flags", "scores"] and
              np.allclose(got["scores"], mio("scores.npy"), atol=1e-5) and (got["flags"] == mio("flags.npy")).all(),
              "--output-npz holds every output by name", r)
        expect_error(host("execute", "--port", port, "-m", "multi_io", "--input", inputs, "--output-npz",
                          "/proc/none/x.npz", "--json"), 8, "file", "cannot write there")
        expect_error(host("execute", "--port", port, "-m", "multi_io", "--input", "features=" + inputs, "--json"), 2,
                     "usage", "a .npz names its arrays itself")
        with open(os.path.join(ctx.tmp, "bad.npz"), "wb") as f:
            f.write(b"PK\x03\x04 not really a zip")
        expect_error(run("--input", os.path.join(ctx.tmp, "bad.npz")), 8, "file", "bad.npz: not a .npz (zip) file")
        # Labels: integral floats with a note, anything else refused.
        stack = data("digits", "data", "heldout_inputs.npy")
        labels = np.load(data("digits", "data", "heldout_labels.npy"))
        r = host("execute", "--port", port, "-m", "digits", "--batch-input", stack, "--labels",
                 save("lf.npy", labels.astype(np.float64)), timeout=60)
        check(r.returncode == 0 and "float64 labels; read as the class indices they equal" in r.stderr, "float labels", r)
        half = labels.astype(np.float64)
        half[7] = 3.5
        expect_error(host("execute", "--port", port, "-m", "digits", "--batch-input", stack, "--labels",
                          save("lh.npy", half), "--json"), 2, "usage", "label 7 is 3.5", "not a class index")
    finally:
        d.stop()


def case_numbers():
    """Non-finite and absurd numbers are usage errors that give the real limit."""
    x = data("digits", "data", "sample_input.npy")
    for flag, value, text in (("--timeout", "nan", "give a number more than 0 to 86400 seconds"),
                              ("--timeout", "inf", "out of range"), ("--timeout", "1e10", "out of range"),
                              ("--turnaround", "nan", "more than 0 to 3600 seconds"),
                              ("--atol", "nan", "from 0 to 1e+30"), ("--rtol", "-1", "from 0 to 1e+30"),
                              ("--atol", "abc", "'abc' is not a number")):
        r = host("execute", "--port", "socket://127.0.0.1:1", "--input", x, flag, value, "--json")
        check(r.returncode == 2 and text in r.stderr and "(310 digits)" not in r.stderr and "179769" not in r.stderr,
              "%s %s is a usage error saying %r" % (flag, value, text), r)


def case_empty_port():
    """An empty --port or TVMCRT_PORT is a usage error, never the emulator."""
    x = data("digits", "data", "sample_input.npy")
    r = host("execute", "--port", "", "--input", x, "--json")
    expect_error(r, 2, "usage", "--port is empty")
    env = dict(os.environ, TVMCRT_PORT="")
    r = subprocess.run([ctx.a.host, "info", "--json"], env=env, capture_output=True, text=True, timeout=20)
    expect_error(r, 2, "usage", "TVMCRT_PORT is set but empty", "unset TVMCRT_PORT")
    d, port = device()
    try:
        env = dict(os.environ, TVMCRT_PORT=port)
        r = subprocess.run([ctx.a.host, "execute", "-m", "digits", "--input", x], env=env, capture_output=True, text=True, timeout=20)
        check(r.returncode == 0 and r.stdout.startswith("port " + port + "\n"), "the text names the port used", r)
        r = host("info", "--port", port + ":921600", "--json")  # PORT:BAUD, as other tools take it
        check(r.returncode == 0 and json.loads(r.stdout)["device"]["port"] == port + ":921600", "PORT:BAUD", r)
    finally:
        d.stop()


class Peer:
    """A TCP server on loopback that is not a tvmcrt agent: 'echo' sends every byte back, 'text'
    greets with a banner line, 'silent' accepts and never answers (as a server busy with another
    client does)."""

    def __init__(self, kind):
        import socket
        import threading
        self.srv = socket.socket()
        self.srv.bind(("127.0.0.1", 0))
        self.srv.listen(4)
        self.port = "socket://127.0.0.1:%d" % self.srv.getsockname()[1]
        self.kind = kind
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.srv.accept()
            except OSError:
                return
            if self.kind == "text":
                conn.sendall(b"\r\n*** Booting Zephyr OS build v3.5.0 ***\r\nuart:~$ ")
            while True:
                try:
                    b = conn.recv(4096)
                except OSError:
                    break
                if not b:
                    break
                if self.kind == "echo":
                    conn.sendall(b)

    def close(self):
        self.srv.close()


def case_wrong_peer():
    """A port that is not a tvmcrt agent says what it is, not "check the baud rate"."""
    for kind, code, text in (("echo", 3, "came back unchanged: the line echoes"),
                             ("text", 3, 'first line "*** Booting Zephyr OS build v3.5.0 ***"'),
                             ("silent", 3, "another client may be connected")):
        peer = Peer(kind)
        try:
            r = host("info", "--port", peer.port, "--retries", "1", "--turnaround", "0.2", "--json", timeout=30)
            expect_error(r, code, "transport", text)
            check("check the baud rate" not in r.stderr, "%s: no advice about the baud rate" % kind, r)
        finally:
            peer.close()


def case_busy_tcp():
    """A second client on tvmcrt-device --tcp (one client at a time) hears it may be another's."""
    import socket
    d, port = device("tcp")
    first = socket.create_connection(("127.0.0.1", int(port.rsplit(":", 1)[1])))
    try:
        time.sleep(0.2)
        r = host("info", "--port", port, "--retries", "1", "--json", timeout=30)
        expect_error(r, 3, "transport", "another client may be connected")
    finally:
        first.close()
        d.stop()


def case_partial_placement():
    """A set-workspaces that leaves a pool out: execute says so, not "too small at boot"."""
    d, port = device()
    m = lambda f: data("multi_io", "data", f)
    try:
        r = host("set-workspaces", "--port", port, "--model", "multi_io", "--pool", "sram=scratch:64")
        check(r.returncode == 0 and "pool 'workspace' of model 'multi_io' is not placed" in r.stderr,
              "set-workspaces notes the pool it left out", r)
        r = host("execute", "--port", port, "--model", "multi_io", "--input", "features=" + m("features.npy"),
                 "--input", "mask=" + m("mask.npy"), "--json")
        expect_error(r, 6, "device", "pool 'workspace' of model 'multi_io' has no placement: the last SetWorkspaces "
                     "left it out")
        check("too small at boot" not in r.stderr, "no false word about the boot", r)
    finally:
        d.stop()
