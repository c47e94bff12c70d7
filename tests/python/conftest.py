# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures of the Python tests (tests/python/CMakeLists.txt runs each file under pytest
with /usr/bin/python3 and PYTHONPATH=<build>/python). Paths come from the environment CTest sets:

  TVMCRT_TEST_DEVICE    tvmcrt-device          TVMCRT_TEST_FAKE   tvmcrt-fake-device
  TVMCRT_TEST_HOST      tvmcrt-host            TVMCRT_TEST_FIRMWARE  tvmcrt-fw.elf (may be absent)
  TVMCRT_TEST_EXAMPLES  <source>/examples      TVMCRT_TEST_SOURCE <source>
"""
import os
import pty
import signal
import subprocess

import numpy as np
import pytest


def path_of(var):
    value = os.environ.get(var)
    if not value:
        pytest.skip("%s is not set (run the test through CTest)" % var)
    return value


class Proc:
    """A device process whose first stdout line is its pty path or TCP port; killed by its pid."""

    def __init__(self, argv):
        self.p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.first = self.p.stdout.readline().strip()
        if not self.first:
            raise RuntimeError("%s did not start: %s" % (argv, self.p.stderr.read()))

    def pause(self):
        os.kill(self.p.pid, signal.SIGSTOP)

    def resume(self):
        os.kill(self.p.pid, signal.SIGCONT)

    def stop(self):
        if self.p.poll() is None:
            os.kill(self.p.pid, signal.SIGCONT)
            self.p.kill()
        self.p.wait()


@pytest.fixture
def native():
    """tvmcrt-device on a pty: (process, port)."""
    d = Proc([path_of("TVMCRT_TEST_DEVICE"), "--pty"])
    yield d, d.first
    d.stop()


@pytest.fixture
def native_tcp():
    d = Proc([path_of("TVMCRT_TEST_DEVICE"), "--tcp", "0"])
    yield d, "socket://127.0.0.1:" + d.first
    d.stop()


@pytest.fixture
def fake():
    """Starts tvmcrt-fake-device with the given options: fake(*args) -> port."""
    procs = []

    def start(*args):
        d = Proc([path_of("TVMCRT_TEST_FAKE")] + list(args))
        procs.append(d)
        return d.first

    yield start
    for d in procs:
        d.stop()


@pytest.fixture
def silent_pty():
    """A pty nobody serves."""
    master, slave = pty.openpty()
    yield os.ttyname(slave)
    os.close(slave)
    os.close(master)


@pytest.fixture
def examples():
    root = path_of("TVMCRT_TEST_EXAMPLES")
    return lambda *parts: np.load(os.path.join(root, *parts))


@pytest.fixture
def firmware():
    fw = os.environ.get("TVMCRT_TEST_FIRMWARE", "")
    if not os.path.isfile(fw):
        pytest.skip("no firmware image (configure with the cross toolchain: scripts/setup)")
    return fw
