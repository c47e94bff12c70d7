# SPDX-License-Identifier: Apache-2.0
"""import tvmcrt against the native device (tvmcrt-device) and the scripted fake device: what a
Python user relies on — outputs equal to the references, dtypes and shapes, checks made before
anything is sent, the error classes and messages of tvmcrt-host."""
import builtins
import os
import pydoc
import subprocess
import threading
import time

import numpy as np
import pytest

import tvmcrt

DIGITS = ("digits", "data")
MULTI = ("multi_io", "data")


def test_info_lists_models_tensors_pools_and_regions(native):
    _, port = native
    with tvmcrt.connect(port) as dev:
        info = dev.info()
    assert info.port == port and info.platform == "posix" and info.protocol_version == tvmcrt.PROTOCOL_VERSION and info.emulation is None
    digits = info.models["digits"]
    assert list(digits.inputs) == ["input"] and list(digits.outputs) == ["output"]
    t = digits.inputs["input"]
    assert t.dtype == np.dtype(np.int8) and t.shape == (1, 64) and t.size_bytes == 64
    assert digits.outputs["output"].shape == (1, 10)
    multi = info.models["multi_io"]
    assert list(multi.inputs) == ["features", "mask"] and multi.inputs["features"].dtype == np.dtype(np.float32)
    assert multi.pools["sram"].size_bytes == 1056
    assert {"sram", "scratch"} <= set(info.regions)


@pytest.mark.parametrize("kind", ["pty", "tcp"])
def test_execute_digits_equals_the_reference(kind, request, examples):
    _, port = request.getfixturevalue("native" if kind == "pty" else "native_tcp")
    x, ref = examples(*DIGITS, "sample_input.npy"), examples(*DIGITS, "sample_output.npy")
    with tvmcrt.connect(port) as dev:
        r = dev.execute("digits", {"input": x}, repeat=3)
        assert set(r.outputs) == {"output"}
        out = r.outputs["output"]
        assert out.dtype == np.int8 and out.shape == (1, 10) and np.array_equal(out, ref)
        assert len(r.times_us) == len(r.round_trips_us) == 3 and r.time_us == sorted(r.times_us)[1]
        assert all(t > 0 for t in r.round_trips_us) and r.emulated is None
        # One array for a one-input model, and a flat shape with the right element count.
        assert np.array_equal(dev.execute("digits", x.reshape(64)).output, ref)


def test_execute_multi_io_with_a_dict_of_inputs(native, examples):
    _, port = native
    feed = {"features": examples(*MULTI, "features.npy"), "mask": examples(*MULTI, "mask.npy")}
    with tvmcrt.connect(port) as dev:
        r = dev.execute("multi_io", feed)
        assert list(r.outputs) == ["scores", "flags"]
        assert np.allclose(r.outputs["scores"], examples(*MULTI, "scores.npy"), atol=1e-5, rtol=0)
        assert np.array_equal(r.outputs["flags"], examples(*MULTI, "flags.npy"))
        # Big-endian floats are the same numbers: swapped, not refused.
        swapped = dict(feed, features=feed["features"].astype(">f4"))
        assert np.array_equal(dev.execute("multi_io", swapped).outputs["scores"], r.outputs["scores"])
        with pytest.raises(tvmcrt.UsageError) as e:
            r.output
        assert "2 outputs (scores, flags)" in str(e.value)


BAD_INPUTS = [
    ("digits", lambda x: x.astype(np.float32),
     "input 'input' of model 'digits' is int8 [1, 64] but the array holds float32 [1, 64]; convert it, "
     "e.g. x.astype(np.int8)"),
    ("digits", lambda x: np.zeros((1, 63), np.int8),
     "input 'input' of model 'digits' is int8 [1, 64] (64 elements) but the array holds int8 [1, 63] (63 elements)"),
    ("digits", lambda x: np.zeros((8, 16), np.int8)[:, ::2],
     "input 'input' of model 'digits': the array is not C-contiguous (a transposed or strided view); pass "
     "np.ascontiguousarray(x)"),
    ("digits", lambda x: {"input": x, "extra": x}, "model 'digits' has no input 'extra'; its inputs are: input"),
    ("digits", lambda x: x.tolist(),
     "input 'input' of model 'digits' is int8 [1, 64] but got a list, not a numpy.ndarray; pass "
     "np.asarray(value, dtype=np.int8)"),
    ("multi_io", lambda x: np.zeros((1, 8), np.float32),
     "model 'multi_io' has 2 inputs (features, mask); pass a dict name -> array: {'features': array, 'mask': array}"),
    ("multi_io", lambda x: {"features": np.zeros((1, 8), np.float32)},
     "model 'multi_io' needs input 'mask' (int8 [1, 8]); pass every input: {'features': array, 'mask': array}"),
    ("nonesuch", lambda x: x, "no model 'nonesuch' on the device at {port}; it has: digits, multi_io"),
    (None, lambda x: x, "the firmware on {port} has 2 models (digits, multi_io); name one, e.g. "
                        "dev.execute('digits', inputs)"),
]


@pytest.mark.parametrize("model,make,message", BAD_INPUTS, ids=[m[2][:40] for m in BAD_INPUTS])
def test_bad_inputs_fail_before_anything_is_sent(native, examples, model, make, message):
    """The device is stopped: a request sent would wait out the 5 s turnaround before failing; the
    usage error comes at once and the next call (device resumed) is answered normally."""
    proc, port = native
    x = examples(*DIGITS, "sample_input.npy")
    with tvmcrt.connect(port, turnaround=5) as dev:
        proc.pause()
        t0 = time.monotonic()
        with pytest.raises(tvmcrt.UsageError) as e:
            dev.execute(model, make(x))
        assert time.monotonic() - t0 < 2
        assert str(e.value) == message.replace("{port}", port)
        assert e.value.exit_code == 2 and e.value.error_class == "usage" and isinstance(e.value, ValueError)
        proc.resume()
        assert np.array_equal(dev.execute("digits", x).output, examples(*DIGITS, "sample_output.npy"))


def test_set_workspaces_places_a_pool_and_the_model_still_runs(native, examples):
    _, port = native
    feed = {"features": examples(*MULTI, "features.npy"), "mask": examples(*MULTI, "mask.npy")}
    with tvmcrt.connect(port) as dev:
        dev.set_workspaces("multi_io", {"sram": ("scratch", 64), "workspace": ("scratch", 4096)})
        pool = dev.info().models["multi_io"].pools["sram"]
        assert (pool.region, pool.offset, pool.assigned_size) == ("scratch", 64, 1056)
        r = dev.execute("multi_io", feed)
        assert np.allclose(r.outputs["scores"], examples(*MULTI, "scores.npy"), atol=1e-5, rtol=0)
        with pytest.raises(tvmcrt.UsageError, match="model 'multi_io' has no pool 'heap'; its pools are: "):
            dev.set_workspaces("multi_io", {"heap": "scratch"})
        with pytest.raises(tvmcrt.UsageError, match="the device has no memory region 'flash'; its regions are: "):
            dev.set_workspaces("multi_io", {"sram": "flash"})
        with pytest.raises(tvmcrt.UsageError, match=r"expected REGION, \(REGION, OFFSET\) or \(REGION, OFFSET, SIZE\)"):
            dev.set_workspaces("multi_io", {"sram": 5})
        with pytest.raises(tvmcrt.UsageError, match="the offset must be an int"):
            dev.set_workspaces("multi_io", {"sram": ("scratch", "64")})
        with pytest.raises(tvmcrt.DeviceError) as e:
            dev.set_workspaces("multi_io", {"sram": ("scratch", 3), "workspace": ("scratch", 4096)})
        assert "AGENT_ERR_WORKSPACE_MISALIGNED" in str(e.value) and e.value.exit_code == 6
        assert dev.last_error().code == e.value.code != 0


def test_one_version_everywhere():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(os.path.join(root, "VERSION")) as f:
        assert tvmcrt.__version__ == f.read().split()[0]
    assert isinstance(tvmcrt.PROTOCOL_VERSION, int) and tvmcrt.PROTOCOL_VERSION >= 2


def test_errors_are_classes_with_the_command_lines_messages(fake, silent_pty, tmp_path):
    with pytest.raises(tvmcrt.TransportError) as e:
        tvmcrt.connect("/dev/tvmcrt-no-such-port")
    assert "/dev/tvmcrt-no-such-port" in str(e.value) and e.value.exit_code == 3
    t0 = time.monotonic()
    with pytest.raises(tvmcrt.TimeoutError) as e:
        tvmcrt.connect(silent_pty, turnaround=0.3, retries=1)
    assert time.monotonic() - t0 < 5 and isinstance(e.value, builtins.TimeoutError) and e.value.exit_code == 4
    assert "no response from the device on " + silent_pty + " to Hello" in str(e.value)
    newer = tvmcrt.PROTOCOL_VERSION + 1
    with pytest.raises(tvmcrt.ProtocolError, match="speaks tvmcrt protocol version %d, this tvmcrt-host speaks "
                                                   "version %d" % (newer, tvmcrt.PROTOCOL_VERSION)):
        tvmcrt.connect(fake("--version", str(newer)))
    port = fake("--model-fails")
    with tvmcrt.connect(port) as dev:
        with pytest.raises(tvmcrt.DeviceError) as e:
            dev.execute(None, np.arange(1000, dtype=np.uint8))
        assert str(e.value).startswith("model 'm' failed on the device at " + port)
        assert e.value.last_error == "model 'm' failed (returned -1): operator fused_add failed: injected by the fake device"
        assert dev.last_error().text == e.value.last_error
    for cls in (tvmcrt.UsageError, tvmcrt.TransportError, tvmcrt.TimeoutError, tvmcrt.ProtocolError,
                tvmcrt.DeviceError, tvmcrt.ResetError, tvmcrt.FileError):
        assert issubclass(cls, tvmcrt.Error)


def test_a_reset_is_reported_and_the_next_call_reconnects(fake):
    port = fake("--reboot-at", "4")  # Hello 0, ModelInfo 1, WriteInput 2.. : reboots mid-upload
    x = np.arange(1000, dtype=np.uint8)
    with tvmcrt.connect(port) as dev:
        with pytest.raises(tvmcrt.ResetError, match="boot id 7 became 8") as e:
            dev.execute(None, x)
        assert e.value.exit_code == 9
        r = dev.execute(None, x)  # a new Hello first: the device is usable again
        assert r.output.shape != ()


def test_port_strings_and_tvmcrt_port(native, monkeypatch):
    _, port = native
    with pytest.raises(tvmcrt.UsageError, match="port is empty: name the device"):
        tvmcrt.connect("")
    monkeypatch.setenv("TVMCRT_PORT", "")
    with pytest.raises(tvmcrt.UsageError, match="TVMCRT_PORT is set but empty"):
        tvmcrt.connect()
    with pytest.raises(tvmcrt.UsageError, match="ftp://x"):
        tvmcrt.connect("ftp://x")
    monkeypatch.setenv("TVMCRT_PORT", port)
    with tvmcrt.connect() as dev:
        assert dev.port == port and not dev.closed
    assert dev.closed and "closed" in repr(dev)
    with pytest.raises(tvmcrt.UsageError, match="is closed; use tvmcrt.connect"):
        dev.info()


def test_threads_share_one_device(native, examples):
    _, port = native
    x, ref = examples(*DIGITS, "heldout_inputs.npy"), examples(*DIGITS, "heldout_outputs.npy")
    wrong = []
    with tvmcrt.connect(port) as dev:
        def worker(k):
            for i in range(k, k + 40):
                if not np.array_equal(dev.execute("digits", x[i]).output, ref[i]):
                    wrong.append(i)
        threads = [threading.Thread(target=worker, args=(40 * k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert wrong == []


def test_compare_gives_the_command_lines_figures(native, examples, tmp_path):
    """tvmcrt.compare() and tvmcrt-host --expect print the same line for the same arrays."""
    _, port = native
    x = examples(*DIGITS, "sample_input.npy")
    ref = examples(*DIGITS, "sample_output.npy").copy()
    ref[0, 3] += 5
    np.save(tmp_path / "x.npy", x)
    np.save(tmp_path / "ref.npy", ref)
    r = subprocess.run([os.environ["TVMCRT_TEST_HOST"], "execute", "--port", port, "--model", "digits", "--input",
                        str(tmp_path / "x.npy"), "--expect", str(tmp_path / "ref.npy")], capture_output=True, text=True)
    assert r.returncode == 7, r.stderr
    line = [l for l in r.stdout.splitlines() if "vs reference:" in l][0].split("vs reference: ")[1]
    with tvmcrt.connect(port) as dev:
        out = dev.execute("digits", x).output
    c = tvmcrt.compare(out, ref, atol=1e-8, rtol=1e-5)
    assert str(c) == line and not c.passed and c.violations == 1 and c.first_violation == 3 and c.max_abs == 5
    with pytest.raises(tvmcrt.UsageError):
        tvmcrt.compare(out, ref[:, :5])


def test_help_reads_well():
    text = pydoc.render_doc(tvmcrt.Device, renderer=pydoc.plaintext)
    for fragment in ("execute(self, model", "Writes the inputs, runs the model", "set_workspaces(self, model",
                     "last_error(self)", "Ctrl-C raises KeyboardInterrupt", "info(self) -> tvmcrt.DeviceInfo"):
        assert fragment in text
    assert "port: /dev/ttyACM0" in tvmcrt.connect.__doc__
