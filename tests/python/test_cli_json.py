# SPDX-License-Identifier: Apache-2.0
"""tvmcrt-host execute --json carries the output values (nested by shape, so numpy.array(values,
dtype) is the output) and every batch row the prediction: a script without Python bindings
still gets the numbers."""
import json
import os
import subprocess

import numpy as np


def host(*args):
    r = subprocess.run([os.environ["TVMCRT_TEST_HOST"]] + [str(a) for a in args], capture_output=True, text=True,
                       timeout=120)
    return r


def data(*parts):
    return os.path.join(os.environ["TVMCRT_TEST_EXAMPLES"], *parts)


def test_single_execute_json_has_values(native):
    _, port = native
    r = host("execute", "--port", port, "--model", "multi_io", "--input", "features=" + data("multi_io", "data",
             "features.npy"), "--input", "mask=" + data("multi_io", "data", "mask.npy"), "--json")
    assert r.returncode == 0, r.stderr
    outs = {o["name"]: o for o in json.loads(r.stdout)["outputs"]}
    scores = np.array(outs["scores"]["values"], dtype=outs["scores"]["dtype"])
    flags = np.array(outs["flags"]["values"], dtype=outs["flags"]["dtype"])
    assert scores.shape == (1, 4) and flags.dtype == np.int8
    # float32 values printed as doubles: exactly the device's numbers once cast back.
    ref = np.load(data("multi_io", "data", "scores.npy"))
    assert np.allclose(scores, ref, atol=1e-5, rtol=0)
    assert np.array_equal(flags, np.load(data("multi_io", "data", "flags.npy")))
    r = host("execute", "--port", port, "--model", "digits", "--input", data("digits", "data", "sample_input.npy"),
             "--json")
    out = json.loads(r.stdout)["outputs"][0]
    assert np.array_equal(np.array(out["values"], dtype=out["dtype"]), np.load(data("digits", "data",
                                                                                    "sample_output.npy")))


def test_batch_rows_carry_the_prediction(native, tmp_path):
    _, port = native
    x = np.load(data("digits", "data", "heldout_inputs.npy"))[:20]
    ref = np.load(data("digits", "data", "heldout_outputs.npy"))[:20]
    np.save(tmp_path / "x.npy", x)
    r = host("execute", "--port", port, "--model", "digits", "--batch-input", tmp_path / "x.npy", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["results"]
    assert [row["predicted"] for row in rows] == list(ref.reshape(20, -1).argmax(axis=1))
    assert all("label" not in row for row in rows)  # no --labels: no label
