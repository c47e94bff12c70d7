# SPDX-License-Identifier: Apache-2.0
"""import tvmcrt on the emulated board: connect() with no port boots the firmware under QEMU once
for the Device's life (placements survive between calls, one boot id), outputs equal the numpy
references, and times say they are emulated."""
import os
import subprocess

import numpy as np
import pytest

import tvmcrt


@pytest.fixture
def board(firmware, monkeypatch):
    monkeypatch.delenv("TVMCRT_PORT", raising=False)
    monkeypatch.setenv("TVMCRT_FIRMWARE", firmware)
    with tvmcrt.connect() as dev:
        yield dev


def test_default_port_is_the_emulated_board(board, firmware):
    assert board.port == "qemu:" + firmware
    info = board.info()
    assert info.platform.startswith("stm32f4") and info.emulation and "QEMU" in info.emulation
    assert info.models["digits"].inputs["input"].shape == (1, 64)


def test_held_out_digits_equal_the_references(board, examples):
    x = examples("digits", "data", "heldout_inputs.npy")
    ref = examples("digits", "data", "heldout_outputs.npy")
    n = 60
    outs = np.stack([board.execute("digits", x[i]).output for i in range(n)])
    assert outs.dtype == np.int8 and np.array_equal(outs, ref[:n])
    r = board.execute("digits", x[0], repeat=3)
    assert len(set(r.times_us)) == 1 and r.emulated and "-icount" in r.emulated  # instruction-counted


def test_one_boot_serves_every_call(board, examples):
    """set_workspaces holds for the next execute: the board was not booted again in between (the
    command line boots one per command)."""
    boot = board.info().boot_id
    feed = {"features": examples("multi_io", "data", "features.npy"), "mask": examples("multi_io", "data", "mask.npy")}
    # Swap the two pools' places in the one region (sram at 2304, the workspace at 1280).
    board.set_workspaces("multi_io", {"sram": ("sram", 2304), "workspace": ("sram", 1280)})
    r = board.execute("multi_io", feed)
    assert np.allclose(r.outputs["scores"], examples("multi_io", "data", "scores.npy"), atol=1e-5, rtol=0)
    info = board.info()
    assert info.boot_id == boot and info.models["multi_io"].pools["sram"].offset == 2304


def test_closing_the_device_stops_qemu(firmware, monkeypatch):
    monkeypatch.setenv("TVMCRT_FIRMWARE", firmware)
    dev = tvmcrt.connect("qemu")

    def qemus():
        out = subprocess.run(["pgrep", "-P", str(os.getpid()), "-f", "qemu-system-arm"], capture_output=True, text=True)
        return out.stdout.split()

    assert len(qemus()) == 1
    dev.close()
    assert qemus() == []
