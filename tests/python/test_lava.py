# SPDX-License-Identifier: Apache-2.0
"""The LAVA job (farms/lava): validated by LAVA's own schema (Debian's lava-common), in its
OpenOCD and pyOCD forms, and its test definition's steps run as a LAVA test shell would (against
the native device, with a lava-test-case that records its calls): one test case per sample."""
import copy
import os
import shlex
import stat
import subprocess

import numpy as np
import pytest
import yaml

import lava_common.schemas as lava_schemas  # Debian's lava-common (scripts/setup)
from lava_common.schemas.test.testdef import validate as validate_testdef
from voluptuous import Invalid

SOURCE = os.environ.get("TVMCRT_TEST_SOURCE", "")
JOB = os.path.join(SOURCE, "farms", "lava", "stm32f4-digits.yaml")


def load(path):
    with open(path) as f:
        return yaml.safe_load(f)


def boot_action(job):
    return next(a["boot"] for a in job["actions"] if "boot" in a)


def test_job_validates_with_openocd_and_pyocd():
    job = load(JOB)
    assert boot_action(job)["method"] == "openocd"
    lava_schemas.validate(job, strict=True)
    pyocd = copy.deepcopy(job)
    boot_action(pyocd)["method"] = "pyocd"
    lava_schemas.validate(pyocd, strict=True)


def test_the_schema_catches_mistakes():
    """The validation is LAVA's and it bites: a typo in a method or a missing job timeout fails."""
    job = load(JOB)
    broken = copy.deepcopy(job)
    boot_action(broken)["method"] = "open-ocd"
    with pytest.raises(Invalid):
        lava_schemas.validate(broken, strict=True)
    broken = copy.deepcopy(job)
    del broken["timeouts"]["job"]
    with pytest.raises(Invalid):
        lava_schemas.validate(broken, strict=True)


def test_definition_is_in_the_repository_and_validates():
    job = load(JOB)
    test = next(a["test"] for a in job["actions"] if "test" in a)
    (definition,) = test["definitions"]
    path = os.path.join(SOURCE, definition["path"])
    testdef = load(path)
    validate_testdef(testdef)
    assert testdef["metadata"]["name"] == definition["name"]
    assert set(definition["parameters"]) <= set(testdef["params"])


def lava_shell(tmp_path, port, steps):
    """Runs the steps as lava-test-shell does (one bash, params exported, from the repository's
    root), with lava-test-case recording its arguments; returns the recorded calls."""
    work = tmp_path / "repo"
    work.mkdir()
    for d in ("examples", "farms"):
        os.symlink(os.path.join(SOURCE, d), work / d)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "cases.log"
    fake = bin_dir / "lava-test-case"
    fake.write_text("#!/bin/sh\necho \"$@\" >> %s\n" % shlex.quote(str(log)))
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    host_dir = os.path.dirname(os.environ["TVMCRT_TEST_HOST"])
    env = dict(os.environ, PATH="%s:%s:/usr/bin:/bin" % (bin_dir, host_dir), TVMCRT_PORT=port, MODEL="digits")
    script = "\n".join(steps)
    r = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return [line.split() for line in log.read_text().splitlines()], r


def test_every_sample_is_a_test_case(native, tmp_path):
    _, port = native
    testdef = load(os.path.join(SOURCE, "farms", "lava", "tvmcrt-digits.yaml"))
    cases, r = lava_shell(tmp_path, port, testdef["run"]["steps"])
    n = len(np.load(os.path.join(SOURCE, "examples", "digits", "data", "heldout_labels.npy")))
    samples = [c for c in cases if c[0].startswith("sample_")]
    assert [c[0] for c in samples] == ["sample_%d" % i for i in range(n)]
    assert all(c[1:3] == ["--result", "pass"] and c[3] == "--measurement" and c[5:] == ["--units", "us"]
               for c in samples)
    accuracy = [c for c in cases if c[0] == "accuracy"]
    assert accuracy and 90 < float(accuracy[0][4]) <= 100
    assert cases[-1] == ["tvmcrt-host", "--result", "pass"] and "tvmcrt-host exit 0" in r.stdout


def test_a_wrong_sample_and_a_failed_command_are_reported(native, tmp_path):
    _, port = native
    ref = np.load(os.path.join(SOURCE, "examples", "digits", "data", "heldout_outputs.npy"))[:5].copy()
    ref[2, 0, 0] += 1
    np.save(tmp_path / "ref.npy", ref)
    x = np.load(os.path.join(SOURCE, "examples", "digits", "data", "heldout_inputs.npy"))[:5]
    np.save(tmp_path / "x.npy", x)
    steps = ["tvmcrt-host execute --port \"$TVMCRT_PORT\" --model digits --batch-input %s --batch-expect %s --json "
             "> r.json; python3 farms/lava/lava_report.py r.json" % (tmp_path / "x.npy", tmp_path / "ref.npy")]
    cases, r = lava_shell(tmp_path, port, steps)
    assert [c[:3] for c in cases if c[0].startswith("sample_")] == [
        ["sample_%d" % i, "--result", "fail" if i == 2 else "pass"] for i in range(5)]
    assert cases[-1] == ["tvmcrt-host", "--result", "fail"] and "mismatch error (exit 7)" in r.stdout
