# SPDX-License-Identifier: Apache-2.0
"""pytest plugin of tvmcrt (entry point pytest11 "tvmcrt"; without an installed package:
``pytest -p tvmcrt.pytest_plugin``).

Options: --tvmcrt-port PORT (default $TVMCRT_PORT, else the emulated board), --tvmcrt-baud B,
--tvmcrt-timeout S. Fixtures:

  tvmcrt_device   (session) one open tvmcrt.Device for the whole run; with labgrid's plugin and
                  --lg-env (and no --tvmcrt-port), the device of the target's TvmcrtDriver
  tvmcrt_assert   tvmcrt.testing.assert_outputs, for tests that prefer a fixture to an import

    def test_digits(tvmcrt_device, tvmcrt_assert):
        r = tvmcrt_device.execute("digits", np.load("sample_input.npy"))
        tvmcrt_assert(r, {"output": np.load("sample_output.npy")})
"""
import pytest


def pytest_addoption(parser):
    group = parser.getgroup("tvmcrt", "tvmcrt device")
    group.addoption("--tvmcrt-port", action="store", default=None, metavar="PORT",
                    help="device port: /dev/ttyACM0, socket://HOST:PORT, rfc2217://HOST:PORT, qemu[:FW.elf] "
                         "(default: $TVMCRT_PORT, else the emulated board)")
    group.addoption("--tvmcrt-baud", action="store", type=int, default=115200, metavar="BAUD",
                    help="serial baud rate (8N1), default 115200")
    group.addoption("--tvmcrt-timeout", action="store", type=float, default=60.0, metavar="SECONDS",
                    help="seconds one run of a model may take, default 60")


def pytest_report_header(config):
    port = config.getoption("tvmcrt_port")
    if port:
        return "tvmcrt: device %s" % port
    return None


def _labgrid_device(request):
    """The device of labgrid's target when labgrid's plugin runs with --lg-env, else None."""
    try:
        lg_env = request.config.getoption("lg_env")
    except ValueError:  # labgrid's plugin is not loaded
        return None
    if not lg_env:
        return None
    target = request.getfixturevalue("target")
    driver = target.get_driver("TvmcrtDriver")  # activates it: the port opens, Hello
    return driver.device


@pytest.fixture(scope="session")
def tvmcrt_device(request):
    """One tvmcrt.Device for the session (closed at its end): --tvmcrt-port, else labgrid's
    TvmcrtDriver under --lg-env, else $TVMCRT_PORT, else the emulated board."""
    import tvmcrt

    port = request.config.getoption("tvmcrt_port")
    if port is None:
        dev = _labgrid_device(request)
        if dev is not None:
            yield dev  # labgrid owns it: the driver closes it when the target is deactivated
            return
    dev = tvmcrt.connect(port, baud=request.config.getoption("tvmcrt_baud"),
                         timeout=request.config.getoption("tvmcrt_timeout"))
    try:
        yield dev
    finally:
        dev.close()


@pytest.fixture
def tvmcrt_assert():
    """tvmcrt.testing.assert_outputs(actual, expected, atol=1e-8, rtol=1e-5)."""
    from tvmcrt.testing import assert_outputs

    return assert_outputs
