# SPDX-License-Identifier: Apache-2.0
"""Helpers of the tvmcrt-host end-to-end tests (e2e.py): device processes, running tvmcrt-host,
checks of exit codes, JSON and messages."""
import json
import os
import subprocess
import time

import numpy as np


class Ctx:
    a = None    # parsed arguments: host, device, fake, data
    tmp = None  # a fresh directory per case


ctx = Ctx()


class Proc:
    """A device process whose first stdout line is its pty path (or TCP port)."""

    def __init__(self, argv):
        self.p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.first = self.p.stdout.readline().strip()
        if not self.first:
            raise SystemExit("device did not start: %s %s" % (argv, self.p.stderr.read()))

    def stop(self):
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()


def device(kind="pty"):
    if kind == "pty":
        d = Proc([ctx.a.device, "--pty"])
        return d, d.first
    d = Proc([ctx.a.device, "--tcp", "0"])
    return d, "socket://127.0.0.1:" + d.first


def host(*args, timeout=60, user=None):
    argv = [ctx.a.host] + [str(a) for a in args]
    if user:
        argv = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups"] + argv
    t0 = time.monotonic()
    r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    r.seconds = time.monotonic() - t0
    return r


def check(cond, what, r=None):
    if not cond:
        extra = "" if r is None else "\nexit %d\nstdout: %s\nstderr: %s" % (r.returncode, r.stdout, r.stderr)
        raise SystemExit("FAIL: " + what + extra)


def expect_error(r, code, cls, *fragments):
    """The command failed with this exit code; --json printed ok=false with the class; stderr says it."""
    check(r.returncode == code, "exit code %d expected" % code, r)
    j = json.loads(r.stdout)
    check(j["ok"] is False and j["error"]["class"] == cls and j["error"]["exit_code"] == code,
          "JSON error of class %s" % cls, r)
    for f in fragments:
        check(f in r.stderr and f in j["error"]["message"], "message contains %r" % f, r)


def data(*parts):
    return os.path.join(ctx.a.data, *parts)


def save(name, arr):
    path = os.path.join(ctx.tmp, name)
    np.save(path, arr)
    return path


def fake(*args):
    d = Proc([ctx.a.fake] + list(args))
    return d, d.first
