# SPDX-License-Identifier: Apache-2.0
"""pip install --no-build-isolation --no-index ./python into a venv (Debian's setuptools and pip,
no index): the installed package imports outside the source tree, runs digits on the native
device, and its pytest plugin loads from its entry point. TVMCRT_BUILD_DIR points setup.py at
this build, so the test does not compile host/lib a second time (a fresh build is the same CMake
target; docs/python.md)."""
import os
import shutil
import subprocess
import sys


def test_pip_install_into_a_venv(tmp_path, native):
    _, port = native
    source, build = os.environ["TVMCRT_TEST_SOURCE"], os.environ["TVMCRT_TEST_BUILD"]
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], check=True)
    py = str(venv / "bin" / "python")
    pkg = tmp_path / "pkg"  # a copy: pip builds in the tree it is given
    shutil.copytree(os.path.join(source, "python"), pkg)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(TVMCRT_SOURCE_DIR=source, TVMCRT_BUILD_DIR=build, PIP_NO_CACHE_DIR="1",
               PIP_DISABLE_PIP_VERSION_CHECK="1")
    r = subprocess.run([py, "-m", "pip", "install", "--no-build-isolation", "--no-index", str(pkg)], env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    digits = os.path.join(source, "examples", "digits", "data")
    script = ("import numpy as np, tvmcrt, sys\n"
              "assert tvmcrt.__file__.startswith(sys.prefix), tvmcrt.__file__\n"
              "with tvmcrt.connect(%r) as dev:\n"
              "    r = dev.execute('digits', np.load(%r))\n"
              "assert np.array_equal(r.output, np.load(%r))\n"
              "print('digits ok', r.time_us)\n" % (port, os.path.join(digits, "sample_input.npy"),
                                                  os.path.join(digits, "sample_output.npy")))
    r = subprocess.run([py, "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "digits ok" in r.stdout, r.stdout + r.stderr
    r = subprocess.run([py, "-m", "pytest", "--help", "-p", "no:labgrid"], env=env, cwd=tmp_path,
                       capture_output=True, text=True, timeout=60)
    assert "--tvmcrt-port=PORT" in r.stdout, r.stdout + r.stderr  # pytest11 entry point, no -p needed
