# SPDX-License-Identifier: Apache-2.0
"""Device.profile() on the emulated board's profile image (tests/profile/loops_model): the same
operators, calls and ticks as `tvmcrt-host profile --json` on the same image and input (within the
one tick per call two launches may differ by, docs/profile.md), the stack mark, the outputs, and a
model built without PROFILE refused with the option named."""
import json
import os
import subprocess

import numpy as np
import pytest

import tvmcrt

IMAGE = os.path.join(os.path.dirname(os.environ.get("TVMCRT_TEST_FIRMWARE", "")), "tvmcrt-fw-profile.elf")


@pytest.fixture
def loops_input(tmp_path):
    x = (np.arange(16) * 2).astype(np.int8)
    path = tmp_path / "even.npy"
    np.save(path, x)
    return x, str(path)


def test_profile_matches_the_command_line(loops_input):
    if not os.path.isfile(IMAGE):
        pytest.skip("no profile image (firmware not built): " + IMAGE)
    x, path = loops_input
    with tvmcrt.connect("qemu:" + IMAGE) as dev:
        p = dev.profile("loops", x)
        with pytest.raises(tvmcrt.UsageError, match="was built without PROFILE.*add PROFILE to its tvmcrt_add_model"):
            dev.profile("digits", np.zeros(64, np.int8))
        r = dev.execute("loops", x)  # the connection is fine after the refusal
    cli = json.loads(subprocess.run([os.environ["TVMCRT_TEST_HOST"], "profile", "--port", "qemu:" + IMAGE, "-m",
                                     "loops", "--input", path, "--json"], capture_output=True, text=True,
                                    check=True, timeout=120).stdout)
    assert isinstance(p, tvmcrt.ProfileResult) and p.model == "loops" and p.emulated and "-icount" in p.emulated
    assert [o.name for o in p.operators] == [o["name"] for o in cli["operators"]]
    assert p.operators[0].name == "tvmgen_loops_fused_loop_c" and p.recorded == p.operator_count == 4
    for mine, theirs in zip(p.operators, cli["operators"]):
        assert isinstance(mine, tvmcrt.OperatorTime) and mine.calls == theirs["calls"] == 1
        assert abs(mine.ticks - theirs["ticks"]) <= mine.calls, (mine, theirs)
    assert abs(sum(o.share for o in p.operators) - 1.0) < 1e-9
    assert p.tick_hz == cli["tick_hz"] and p.probe_ticks_per_call == cli["probe_ticks_per_call"]
    assert p.memory["stack_measured"] and p.memory["stack_size"] == 8192
    assert p.memory["stack_used"] == cli["memory"]["stack_used"]
    assert p.memory["model_static"] == cli["memory"]["model_static"] and p.memory["model_static"]["flash"] > 0
    d = p.as_dict()
    assert set(d) <= set(cli) and set(d["operators"][0]) == set(cli["operators"][0])
    for name, out in p.outputs.items():
        assert np.array_equal(out, r.outputs[name])
    # as_dict() is a baseline the command line's gate reads: the same image passes it.
    baseline = os.path.join(os.path.dirname(path), "baseline.json")
    with open(baseline, "w") as f:
        json.dump(d, f)
    gate = subprocess.run([os.environ["TVMCRT_TEST_HOST"], "profile", "--port", "qemu:" + IMAGE, "-m", "loops",
                           "--input", path, "--baseline", baseline, "--max-regression", "5"],
                          capture_output=True, text=True, timeout=120)
    assert gate.returncode == 0, gate.stdout + gate.stderr
