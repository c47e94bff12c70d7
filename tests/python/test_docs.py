# SPDX-License-Identifier: Apache-2.0
"""docs/python.md stays true: every Python block in it runs against the native device from the
repository's root (TVMCRT_PORT set, as a user's environment would), the pytest example through
the plugin."""
import os
import re
import shutil
import subprocess
import sys

import pytest

pytest_plugins = ["pytester"]

SOURCE = os.environ.get("TVMCRT_TEST_SOURCE", "")


def blocks():
    with open(os.path.join(SOURCE, "docs", "python.md")) as f:
        return re.findall(r"```python\n(.*?)```", f.read(), re.S)


def test_the_page_has_examples():
    assert len(blocks()) >= 4


@pytest.mark.parametrize("index", range(len(blocks())))
def test_example_runs(index, native, pytester, monkeypatch):
    _, port = native
    code = blocks()[index]
    if "def test_" in code:
        for d in ("examples",):
            os.symlink(os.path.join(SOURCE, d), pytester.path / d)
        pytester.makepyfile(test_doc=code)
        r = pytester.runpytest_subprocess("-p", "tvmcrt.pytest_plugin", "-p", "no:labgrid", "-p", "no:cacheprovider",
                                          "--tvmcrt-port", port)
        r.assert_outcomes(passed=1)
        return
    env = dict(os.environ, TVMCRT_PORT=port)
    r = subprocess.run([sys.executable, "-c", code], cwd=SOURCE, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, code + r.stdout + r.stderr
