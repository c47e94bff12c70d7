# SPDX-License-Identifier: Apache-2.0
"""The pytest plugin (tvmcrt.pytest_plugin), run by pytest's own pytester in a subprocess: the
options, one session-wide device, the output assertion and its failure message."""
import os

import pytest

pytest_plugins = ["pytester"]

TESTS = """
import os
import numpy as np
import tvmcrt

EX = os.environ["TVMCRT_TEST_EXAMPLES"]
x = np.load(os.path.join(EX, "digits", "data", "sample_input.npy"))
ref = np.load(os.path.join(EX, "digits", "data", "sample_output.npy"))


def test_digits(tvmcrt_device, tvmcrt_assert):
    r = tvmcrt_device.execute("digits", x)
    c = tvmcrt_assert(r, {"output": ref})
    assert c["output"].max_abs == 0
    open("devices.txt", "a").write("%d %s\\n" % (id(tvmcrt_device), tvmcrt_device.port))


def test_same_device(tvmcrt_device):
    open("devices.txt", "a").write("%d %s\\n" % (id(tvmcrt_device), tvmcrt_device.port))


def test_wrong_reference(tvmcrt_device):
    from tvmcrt.testing import assert_outputs
    bad = ref.copy()
    bad[0, 7] += 3
    assert_outputs(tvmcrt_device.execute("digits", x), bad)
"""


def run(pytester, *args):
    pytester.makepyfile(test_inner=TESTS)
    return pytester.runpytest_subprocess("-p", "tvmcrt.pytest_plugin", "-p", "no:labgrid", "-p", "no:cacheprovider",
                                         *args)


def test_options_are_listed(pytester):
    r = pytester.runpytest_subprocess("-p", "tvmcrt.pytest_plugin", "-p", "no:labgrid", "--help")
    r.stdout.fnmatch_lines(["*tvmcrt device:*", "*--tvmcrt-port=PORT*", "*--tvmcrt-baud=BAUD*",
                            "*--tvmcrt-timeout=SECONDS*"])


def test_fixture_assertion_and_failure_message(pytester, native):
    _, port = native
    r = run(pytester, "--tvmcrt-port", port)
    r.assert_outcomes(passed=2, failed=1)
    r.stdout.fnmatch_lines([
        "*tvmcrt: device " + port + "*",
        "*AssertionError: outputs differ from the references:*",
        "*output 'output': max-abs 3, RMSE 0.948683, cosine 0.9*, top-1 7 = 7: FAIL "
        "(1 of 10 elements outside atol 1e-08 + rtol 1e-05 * |expected|, first at index 7)*",
    ])
    devices = (pytester.path / "devices.txt").read_text().split("\n")[:2]
    assert devices[0] == devices[1] and devices[0].endswith(port)  # one device for the session


def test_default_device_is_the_emulated_board(pytester, firmware, monkeypatch):
    monkeypatch.delenv("TVMCRT_PORT", raising=False)
    monkeypatch.setenv("TVMCRT_FIRMWARE", firmware)
    r = run(pytester, "-k", "not wrong")
    r.assert_outcomes(passed=2)
    assert (pytester.path / "devices.txt").read_text().split()[1] == "qemu:" + firmware
