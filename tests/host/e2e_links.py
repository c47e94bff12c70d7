"""End-to-end cases of tvmcrt-host over other links (run by e2e.py): a noisy link (a proxy that
corrupts bytes) and rfc2217:// through ser2net."""
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import threading
import time

import numpy as np

from e2e_support import ctx, Proc, check, data, device, host, save


def lossy_proxy(target_port, rate, seed):
    """A TCP proxy to 127.0.0.1:target_port that flips one random byte in a fraction `rate` of the
    chunks it forwards, both ways (a noisy UART). Returns (listening port, counters)."""
    rng = random.Random(seed)
    counts = {"chunks": 0, "corrupted": 0}
    lsock = socket.socket()
    lsock.bind(("127.0.0.1", 0))
    lsock.listen(1)

    def pump(src, dst):
        try:
            while True:
                b = bytearray(src.recv(4096))
                if not b:
                    break
                counts["chunks"] += 1
                if rng.random() < rate:
                    b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
                    counts["corrupted"] += 1
                dst.sendall(b)
        except OSError:
            pass
        for s_ in (src, dst):
            try:
                s_.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def serve():
        client, _ = lsock.accept()
        upstream = socket.create_connection(("127.0.0.1", target_port))
        for s_ in (client, upstream):
            s_.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=pump, args=(client, upstream), daemon=True).start()
        pump(upstream, client)

    threading.Thread(target=serve, daemon=True).start()
    return lsock.getsockname()[1], counts


def case_noisy_link():
    """Held-out digits through a link that corrupts ~3% of the chunks each way: the real agent's
    Naks, write gaps and Execute copies and the host's retransmissions still give every output
    bit-exact."""
    d = Proc([ctx.a.device, "--tcp", "0"])
    n = 150
    inputs = save("in.npy", np.load(data("digits", "data", "heldout_inputs.npy"))[:n])
    refs = save("ref.npy", np.load(data("digits", "data", "heldout_outputs.npy"))[:n])
    try:
        port, counts = lossy_proxy(int(d.first), 0.03, seed=1234)
        r = host("execute", "--port", "socket://127.0.0.1:%d" % port, "--model", "digits", "--batch-input", inputs,
                 "--batch-expect", refs, "--turnaround", "0.2", "--retries", "8", "--json", timeout=120)
        check(r.returncode == 0, "every sample bit-exact over the noisy link", r)
        j = json.loads(r.stdout)
        check(j["passed"] == j["samples"] == n, "%d samples passed" % n, r)
        check(counts["corrupted"] >= 10, "the proxy corrupted %(corrupted)d of %(chunks)d chunks" % counts)
        link = j["link"]
        check(link["retransmits"] + link["probes"] > 0 and "retransmissions" in r.stderr, "recoveries reported", r)
        print("corrupted %(corrupted)d of %(chunks)d chunks" % counts)
    finally:
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
    finally:
        if s2n:
            s2n.kill()
            s2n.wait()
        d.stop()
