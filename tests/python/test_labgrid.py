# SPDX-License-Identifier: Apache-2.0
"""labgrid: the emulated board (QEMU, scripts/qemu-board start) behind ser2net as a labgrid
NetworkSerialPort, raw TCP and RFC 2217, in a local environment file (no coordinator); pytest runs
with --lg-env and drives it through TvmcrtDriver, TvmcrtStrategy and the tvmcrt_device fixture,
then with the plugin alone (--tvmcrt-port); and what ser2net's kickolduser does to a running job."""
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest
import yaml

pytest_plugins = ["pytester"]

INNER = """
import os
import numpy as np
import tvmcrt

EX = os.path.join(os.environ["TVMCRT_TEST_EXAMPLES"], "digits", "data")
X, Y = np.load(os.path.join(EX, "heldout_inputs.npy")), np.load(os.path.join(EX, "heldout_outputs.npy"))
PORT = os.environ["LG_TEST_PORT"]


def test_driver_runs_digits(target):
    drv = target.get_driver("TvmcrtDriver")
    assert drv.info().platform.startswith("stm32f4")
    outs = np.stack([drv.execute("digits", X[i]).output for i in range(30)])
    assert np.array_equal(outs, Y[:30])


def test_fixture_is_the_drivers_device(target, tvmcrt_device):
    assert tvmcrt_device is target.get_driver("TvmcrtDriver").device and tvmcrt_device.port == PORT
    assert np.array_equal(tvmcrt_device.execute("digits", X[40]).output, Y[40])


def test_strategy_off_frees_the_port_and_ready_reconnects(target):
    strategy = target.get_driver("TvmcrtStrategy")
    strategy.transition("off")
    with tvmcrt.connect(PORT) as other:  # the port is free for another client meanwhile
        boot = other.info().boot_id
    strategy.transition("ready")
    assert strategy.device.info().boot_id == boot  # the same board, still up behind ser2net
    assert np.array_equal(strategy.device.execute("digits", X[50]).output, Y[50])
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port):
    """True when a socket listens on 127.0.0.1:port. Read from /proc/net/tcp rather than by
    connecting: a probe connection makes ser2net open (and then tear down) a session to the board,
    and a client arriving meanwhile is refused as a second user."""
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            if state == "0A" and local == "0100007F:%04X" % port:
                return True
    return False


def wait_listening(port, proc, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("ser2net exited: %s" % proc.stderr.read())
        if listening(port):
            return
        time.sleep(0.05)
    raise RuntimeError("ser2net did not listen on %d" % port)


@pytest.fixture
def board_behind_ser2net(firmware, tmp_path):
    """Boots the board, serves it through ser2net with the settings docs/farms.md gives; yields
    a function protocol -> (ser2net port)."""
    if shutil.which("ser2net") is None:
        pytest.skip("ser2net is not installed (scripts/setup installs it)")
    state = tmp_path / "qemu"
    qemu_board = os.path.join(os.environ["TVMCRT_TEST_SOURCE"], "scripts", "qemu-board")
    env = dict(os.environ, TVMCRT_HOST=os.environ["TVMCRT_TEST_HOST"])
    qemu_url = subprocess.run([sys.executable, qemu_board, "start", firmware, "--state", str(state)], env=env,
                              capture_output=True, text=True, check=True, timeout=60).stdout.strip()
    qemu_port = int(qemu_url.rsplit(":", 1)[1])
    procs = []

    def serve(protocol, kickolduser=False):
        port = free_port()
        accepter = ("telnet(rfc2217),tcp(nodelay=true)" if protocol == "rfc2217" else "tcp(nodelay=true)")
        conf = tmp_path / ("ser2net-%d.yaml" % port)
        conf.write_text("connection: &board\n"
                        "  accepter: %s,127.0.0.1,%d\n"
                        "  connector: tcp(nodelay=true),127.0.0.1,%d\n"
                        "  options:\n"
                        "    chardelay: false\n"
                        "    kickolduser: %s\n" % (accepter, port, qemu_port, "true" if kickolduser else "false"))
        p = subprocess.Popen(["ser2net", "-n", "-d", "-c", str(conf)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
        procs.append(p)
        wait_listening(port, p)
        return port

    yield serve
    for p in procs:
        p.kill()
        p.wait()
    subprocess.run([sys.executable, qemu_board, "stop", "--state", str(state)], env=env, timeout=30)


@pytest.mark.parametrize("protocol", ["raw", "rfc2217"])
def test_labgrid_env_with_network_serial_port(protocol, board_behind_ser2net, pytester, monkeypatch):
    port = board_behind_ser2net(protocol)
    scheme = "rfc2217" if protocol == "rfc2217" else "socket"
    monkeypatch.setenv("LG_TEST_PORT", "%s://127.0.0.1:%d" % (scheme, port))
    # The environment file users start from (farms/labgrid), pointed at this board.
    with open(os.path.join(os.environ["TVMCRT_TEST_SOURCE"], "farms", "labgrid", "tvmcrt.yaml")) as f:
        config = yaml.safe_load(f)
    config["targets"]["main"]["resources"]["NetworkSerialPort"].update(host="127.0.0.1", port=port, protocol=protocol)
    env = pytester.path / "env.yaml"
    env.write_text(yaml.safe_dump(config))
    pytester.makepyfile(test_inner=INNER)
    r = pytester.runpytest_subprocess("-p", "tvmcrt.pytest_plugin", "-p", "no:cacheprovider", "--lg-env", str(env))
    r.assert_outcomes(passed=3)
    # The plugin alone on the same port, no labgrid: --tvmcrt-port.
    pytester.makepyfile(test_inner="""
import os, numpy as np
EX = os.path.join(os.environ["TVMCRT_TEST_EXAMPLES"], "digits", "data")

def test_digits(tvmcrt_device, tvmcrt_assert):
    assert tvmcrt_device.port == os.environ["LG_TEST_PORT"]
    tvmcrt_assert(tvmcrt_device.execute("digits", np.load(os.path.join(EX, "sample_input.npy"))),
                  np.load(os.path.join(EX, "sample_output.npy")))
""")
    r = pytester.runpytest_subprocess("-p", "tvmcrt.pytest_plugin", "-p", "no:labgrid", "-p", "no:cacheprovider",
                                      "--tvmcrt-port", os.environ["LG_TEST_PORT"])
    r.assert_outcomes(passed=1)


@pytest.mark.parametrize("kickolduser", [False, True], ids=["kickolduser_false", "kickolduser_true"])
def test_kickolduser_decides_what_a_second_client_does(kickolduser, board_behind_ser2net):
    """docs/farms.md: with kickolduser false a second client is refused and the running job goes
    on; with true the newcomer gets the board and the running job's next call fails, naming
    kickolduser."""
    import numpy as np
    import tvmcrt

    port = "rfc2217://127.0.0.1:%d" % board_behind_ser2net("rfc2217", kickolduser)
    x = np.load(os.path.join(os.environ["TVMCRT_TEST_EXAMPLES"], "digits", "data", "sample_input.npy"))
    with tvmcrt.connect(port) as running:
        running.execute("digits", x)
        if not kickolduser:
            with pytest.raises(tvmcrt.TransportError, match="the link closed"):
                tvmcrt.connect(port, retries=1, turnaround=0.3)
            running.execute("digits", x)
            return
        with tvmcrt.connect(port) as newcomer:
            newcomer.execute("digits", x)
            with pytest.raises(tvmcrt.TransportError, match="kickolduser: true drops the running client"):
                running.execute("digits", x)
