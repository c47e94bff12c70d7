# SPDX-License-Identifier: Apache-2.0
"""End-to-end cases of tvmcrt-host over other links (run by e2e.py): a noisy link (tvmcrt-linksim
flipping bits) and rfc2217:// through ser2net."""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time

import numpy as np

from e2e_support import ctx, Proc, check, data, device, host, save


def noisy_link(target_port, ber, seed):
    """tvmcrt-linksim (tests/tools/linksim) to 127.0.0.1:target_port, flipping bits at the given bit
    error rate both ways (a noisy UART). Returns (process, listening port); stop it with
    link_counters()."""
    p = subprocess.Popen([ctx.a.linksim, "--listen", "0", "--connect", str(target_port), "--ber", str(ber),
                          "--seed", str(seed), "--json"], stdout=subprocess.PIPE, text=True)
    return p, int(p.stdout.readline())


def link_counters(p):
    """Stops tvmcrt-linksim; its counters (JSON on stdout at exit)."""
    p.terminate()
    out, _ = p.communicate(timeout=10)
    return json.loads(out)


def case_noisy_link():
    """Held-out digits through a link with a bit error rate of 1e-4 each way: the real agent's
    Naks, write gaps and Execute copies and the host's retransmissions still give every output
    bit-exact."""
    d = Proc([ctx.a.device, "--tcp", "0"])
    n = 150
    inputs = save("in.npy", np.load(data("digits", "data", "heldout_inputs.npy"))[:n])
    refs = save("ref.npy", np.load(data("digits", "data", "heldout_outputs.npy"))[:n])
    link = None
    try:
        link, port = noisy_link(int(d.first), 1e-4, seed=1234)
        r = host("execute", "--port", "socket://127.0.0.1:%d" % port, "--model", "digits", "--batch-input", inputs,
                 "--batch-expect", refs, "--turnaround", "0.2", "--retries", "8", "--json", timeout=120)
        check(r.returncode == 0, "every sample bit-exact over the noisy link", r)
        j = json.loads(r.stdout)
        check(j["passed"] == j["samples"] == n, "%d samples passed" % n, r)
        c = link_counters(link)
        flips = c["up"]["bits_flipped"] + c["down"]["bits_flipped"]
        check(flips >= 10, "the link flipped %d bits" % flips)
        recoveries = j["link"]
        check(recoveries["retransmits"] + recoveries["probes"] > 0 and "retransmissions" in r.stderr,
              "recoveries reported", r)
        print("flipped %d bits in %d bytes" % (flips, c["up"]["bytes_in"] + c["down"]["bytes_in"]))
    finally:
        if link and link.poll() is None:
            link.kill()
        d.stop()


def case_verbose():
    """-v traces the link on stderr and changes nothing on stdout; over a noisy link its lines
    account for every retransmission and probe the JSON counts."""
    d = Proc([ctx.a.device, "--tcp", "0"])
    link = None
    try:
        port = "socket://127.0.0.1:" + d.first
        x, ref = data("digits", "data", "sample_input.npy"), data("digits", "data", "sample_output.npy")
        quiet = host("execute", "--port", port, "--model", "digits", "--input", x, "--expect", ref, "-q")
        loud = host("execute", "--port", port, "--model", "digits", "--input", x, "--expect", ref, "-q", "-v")
        check(quiet.returncode == loud.returncode == 0, "both runs pass", loud)
        drop_time = lambda out: [l for l in out.splitlines() if "time" not in l]
        check(drop_time(quiet.stdout) == drop_time(loud.stdout), "-v changes nothing on stdout but times", loud)
        trace = [l for l in loud.stderr.splitlines() if l.startswith("tvmcrt-host: link: ")]
        check(quiet.stderr == "" and len(trace) == len(loud.stderr.splitlines()), "-v lines only, on stderr", loud)
        for want in (r"> Hello seq \d+, 2 B \(12 B on the wire\)$", r"< Hello seq \d+, \d+ B, [\d.]+ ms after the request$",
                     r"> WriteInput seq \d+, \d+ B", r"> Execute seq \d+", r"< Execute seq \d+, \d+ B, [\d.]+ ms after",
                     r"< ReadOutput seq \d+, \d+ B: sent after the answer, unasked$"):
            check(any(re.search(want, l) for l in trace), "trace has " + want, loud)
        stamps = [float(l.split()[2]) for l in trace]
        check(stamps == sorted(stamps), "times since the link opened, in order", loud)

        link, lport = noisy_link(int(d.first), 3e-4, seed=99)
        n = 40
        inputs = save("in.npy", np.load(data("digits", "data", "heldout_inputs.npy"))[:n])
        r = host("execute", "--port", "socket://127.0.0.1:%d" % lport, "--model", "digits", "--batch-input", inputs,
                 "--turnaround", "0.2", "--retries", "8", "--json", "-v", timeout=120)
        check(r.returncode == 0, "runs over the noisy link", r)
        j = json.loads(r.stdout)["link"]
        lines = r.stderr.splitlines()
        started = [i for i, l in enumerate(lines) if "the device started while it was on its way" in l]
        lines = lines[started[-1] + 1:] if started else lines  # the counters start over there
        again = [l for l in lines if ", again: " in l and "uncounted" not in l]
        probes = [l for l in lines if ", again: a probe, uncounted" in l]
        damaged = [l for l in lines if re.search(r"< damaged (frame|bytes)", l)]
        check(len(again) == j["retransmits"] and len(probes) == j["probes"],
              "a line per retransmission (%d) and probe (%d)" % (j["retransmits"], j["probes"]), r)
        check(len(damaged) == j["bad_frames"] and j["bad_frames"] > 0, "a line per damaged frame (%d)" % j["bad_frames"], r)
        check(all(re.search(r"again: (the device sent a Nak|a damaged frame came|no answer before its deadline|"
                            r"a later request was answered first)", l) for l in again), "each says why", r)
        print("-v over BER 3e-4: %d retransmissions, %d probes, %d damaged frames traced" %
              (len(again), len(probes), len(damaged)))
    finally:
        if link and link.poll() is None:
            link.kill()
        d.stop()


def case_rfc2217():
    """rfc2217:// through ser2net on loopback to the native device's pty: a tensor of 0xFF bytes
    (doubled on the telnet wire) gives the same output as over the pty directly."""
    if shutil.which("ser2net") is None:
        print("SKIP: ser2net is not installed (scripts/setup installs it)")
        sys.exit(77)
    d, pty_path = device()
    s2n = None
    try:
        x = save("ff.npy", np.full((1, 64), -1, np.int8))
        direct = os.path.join(ctx.tmp, "direct")
        r = host("execute", "--port", pty_path, "--model", "digits", "--input", x, "--output-dir", direct)
        check(r.returncode == 0, "direct run", r)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            tcp_port = probe.getsockname()[1]
        conf = os.path.join(ctx.tmp, "ser2net.yaml")
        with open(conf, "w") as f:
            f.write("connection: &tvmcrt\n  accepter: telnet(rfc2217),tcp,127.0.0.1,%d\n"
                    "  connector: serialdev,%s,115200n81,local\n" % (tcp_port, pty_path))
        s2n = subprocess.Popen(["ser2net", "-n", "-d", "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = "rfc2217://127.0.0.1:%d" % tcp_port
        for _ in range(50):  # until ser2net listens
            with socket.socket() as c:
                if c.connect_ex(("127.0.0.1", tcp_port)) == 0:
                    break
            time.sleep(0.1)
        time.sleep(0.3)
        remote = os.path.join(ctx.tmp, "remote")
        r = host("execute", "--port", port, "--model", "digits", "--input", x, "--output-dir", remote,
                 "--expect", os.path.join(direct, "output.npy"), "--json")
        check(r.returncode == 0 and json.loads(r.stdout)["outputs"][0]["comparison"]["max_abs"] == 0,
              "same output through ser2net", r)
        check(open(os.path.join(remote, "output.npy"), "rb").read() == open(os.path.join(direct, "output.npy"), "rb").read(),
              "output files identical")
        r = host("info", "--port", port, "--json")
        check(r.returncode == 0 and json.loads(r.stdout)["device"]["port"] == port, "info over rfc2217", r)
        # The same server reached as raw TCP: its telnet negotiation names the fix.
        r = host("info", "--port", "socket://127.0.0.1:%d" % tcp_port, "--retries", "1", "--json", timeout=30)
        check(r.returncode == 3 and "use rfc2217://127.0.0.1:%d instead" % tcp_port in r.stderr,
              "socket:// to ser2net's RFC 2217 accepter says to use rfc2217://", r)
    finally:
        if s2n:
            s2n.kill()
            s2n.wait()
        d.stop()
