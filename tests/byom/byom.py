#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""byom.py — drives the bring-your-own-model tests (tests/byom/CMakeLists.txt, byom.*).

  byom.py build --template DIR --dir D (--prefix P | --source S) [--case C] [--target T ...]
                [--expect-error REGEX ... | --expect-file F ...]
      Copies DIR/CMakeLists.txt and the models (examples/, tests/import/fixtures/) into D, outside the
      source tree, configures it against the installed package in P (or the source tree S) and
      builds it. With --expect-error the configure or build must fail and its output must match
      every REGEX; otherwise it must succeed and write every F (relative to D/build).
  byom.py native --dir D --host TVMCRT_HOST
      Runs D/build/my_device, executes every model on it with tvmcrt-host (outputs to D/golden/) and
      checks them against the models' own references (numpy for the examples, a copy for hdronly).
  byom.py build-model --dir D --prefix P
      Runs P's scripts/build-model on two models into D/out and checks what it wrote.
  byom.py board --dir D --host TVMCRT_HOST
      Run through qemu-board (it sets TVMCRT_PORT): executes every model on the firmware with
      --expect / --batch-expect against D/golden, so each output must equal the native device's.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
EXAMPLES = os.path.join(ROOT, "examples")
FIXTURES = os.path.join(ROOT, "tests", "import", "fixtures")
SAMPLES = 16  # digits samples per run; multi_io has 8 cases


def prepare_models(models):
    """The user's model folder: MLF folders, a .tar packed as tvmc packs it, a header-only model,
    and the broken variants the bad_project cases use."""
    os.makedirs(models)
    shutil.copytree(os.path.join(EXAMPLES, "digits", "mlf"), os.path.join(models, "digits"))
    shutil.copytree(os.path.join(EXAMPLES, "multi_io", "mlf"), os.path.join(models, "multi_io"))
    with tarfile.open(os.path.join(models, "digits.tar"), "w") as tar:
        tar.add(os.path.join(models, "digits"), arcname=".")
    shutil.copytree(os.path.join(FIXTURES, "hdronly"), os.path.join(models, "hdronly"))
    shutil.copy(os.path.join(FIXTURES, "hdronly.sidecar.json"), models)
    # 24 bytes of float32 where the header says TVMGEN_HDRONLY_INPUT_1_SIZE 16.
    with open(os.path.join(FIXTURES, "hdronly.sidecar.json")) as f:
        sidecar = json.load(f)
    sidecar["inputs"]["input_1"]["shape"] = [1, 2, 3]
    with open(os.path.join(models, "wrong.sidecar.json"), "w") as f:
        json.dump(sidecar, f)
    # Module name with a dash (tvmc --module-name=my-model).
    dashed = os.path.join(models, "dashed")
    shutil.copytree(os.path.join(FIXTURES, "hdronly"), dashed)
    inc = os.path.join(dashed, "codegen", "host", "include")
    os.rename(os.path.join(inc, "tvmgen_hdronly.h"), os.path.join(inc, "tvmgen_my-model.h"))
    # Sources that define another function than the header's tvmgen_hdronly_run.
    hdronly_variant(models, "norun", "tvmgen_hdronly_run(", "tvmgen_hdronly_run_v2(")
    make_nnlike(models)
    # Code for arm_cpu that calls a CMSIS intrinsic without any CMSIS folder given.
    hdronly_variant(models, "dspcall", "*(uint8_t *)workspace_pools->scratch = 0xA5;",
                    "*(uint8_t *)workspace_pools->scratch = (uint8_t)__SMLAD(1, 2, 3);")


def hdronly_variant(models, name, old, new):
    """models/<name>: the hdronly fixture with `old` replaced by `new` in its source."""
    shutil.copytree(os.path.join(FIXTURES, "hdronly"), os.path.join(models, name))
    src = os.path.join(models, name, "codegen", "host", "src", "hdronly_lib0.c")
    with open(src) as f:
        text = f.read()
    with open(src, "w") as f:
        f.write(text.replace(old, new))


def make_nnlike(models):
    """Model "nnlike": hdronly renamed, whose source needs what a CMSIS-NN build needs from the user:
    a header from an include folder, a library source and a definition (INCLUDE_DIRS, SOURCES,
    DEFINITIONS). It builds only when all three reach both the native and the firmware build."""
    nnlike = os.path.join(models, "nnlike")
    shutil.copytree(os.path.join(FIXTURES, "hdronly"), nnlike)
    inc = os.path.join(nnlike, "codegen", "host", "include")
    src = os.path.join(nnlike, "codegen", "host", "src")
    os.rename(os.path.join(inc, "tvmgen_hdronly.h"), os.path.join(inc, "tvmgen_nnlike.h"))
    os.rename(os.path.join(src, "hdronly_lib0.c"), os.path.join(src, "nnlike_lib0.c"))
    for path in (os.path.join(inc, "tvmgen_nnlike.h"), os.path.join(src, "nnlike_lib0.c")):
        with open(path) as f:
            text = f.read().replace("hdronly", "nnlike").replace("HDRONLY", "NNLIKE")
        if path.endswith(".c"):
            text = text.replace('#include "tvmgen_nnlike.h"', '#include "tvmgen_nnlike.h"\n#include "fake_nn.h"')
            text = text.replace("memcpy(outputs->Identity, tmp,", "fake_nn_copy(outputs->Identity, tmp,")
        with open(path, "w") as f:
            f.write(text)
    lib = os.path.join(models, "..", "third_party", "fake_nn")
    os.makedirs(os.path.join(lib, "Include"))
    with open(os.path.join(lib, "Include", "fake_nn.h"), "w") as f:
        f.write("#include <stddef.h>\n#if FAKE_NN_ENABLED != 1\n#error FAKE_NN_ENABLED=1 did not reach this build\n"
                "#endif\nvoid fake_nn_copy(void *dst, const void *src, size_t n);\n")
    with open(os.path.join(lib, "fake_nn.c"), "w") as f:
        f.write('#include <string.h>\n#include "fake_nn.h"\n'
                "void fake_nn_copy(void *dst, const void *src, size_t n) { memcpy(dst, src, n); }\n")


def run_logged(cmd, log):
    start = time.monotonic()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log.append(f"$ {' '.join(cmd)}\n{proc.stdout}")
    return proc.returncode, time.monotonic() - start


def cmd_build(args):
    shutil.rmtree(args.dir, ignore_errors=True)
    os.makedirs(args.dir)
    shutil.copy(os.path.join(args.template, "CMakeLists.txt"), args.dir)
    prepare_models(os.path.join(args.dir, "models"))
    build = os.path.join(args.dir, "build")
    log = []
    configure = ["cmake", "-S", args.dir, "-B", build]
    if args.prefix:
        configure.append(f"-DCMAKE_PREFIX_PATH={args.prefix}")
    if args.source:
        configure.append(f"-DTVMCRT_SOURCE_DIR={args.source}")
    configure += [f"-D{d}" for d in args.define]
    if args.case:
        configure.append(f"-DCASE={args.case}")
    rc, t_conf = run_logged(configure, log)
    t_build = 0.0
    if rc == 0:
        targets = ["--target", *args.target] if args.target else []
        rc, t_build = run_logged(["cmake", "--build", build, "-j2", *targets], log)
    text = "\n".join(log)
    print(text)
    print(f"byom: configure {t_conf:.1f} s, build {t_build:.1f} s")
    if not args.expect_error:
        missing = [f for f in args.expect_file if not os.path.isfile(os.path.join(build, f))]
        for f in missing:
            print(f"byom: FAIL: the build did not write {f}")
        return rc or (1 if missing else 0)
    if rc == 0:
        print("byom: FAIL: the project built, but it has to fail")
        return 1
    missing = [r for r in args.expect_error if not re.search(r, text)]
    for r in missing:
        print(f"byom: FAIL: the failure does not say /{r}/")
    return 1 if missing else 0


def host_execute(host, port, model, *opts):
    cmd = [host, "execute", "--port", port, "--model", model, *opts]
    print("$", " ".join(cmd), flush=True)
    return subprocess.call(cmd)


def cmd_native(args):
    inputs = os.path.join(args.dir, "inputs")
    golden = os.path.join(args.dir, "golden")
    shutil.rmtree(golden, ignore_errors=True)
    os.makedirs(inputs, exist_ok=True)
    d = os.path.join(EXAMPLES, "digits", "data")
    m = os.path.join(EXAMPLES, "multi_io", "data")
    np.save(os.path.join(inputs, "digits.npy"), np.load(os.path.join(d, "heldout_inputs.npy"))[:SAMPLES])
    legacy_in = np.random.default_rng(7).standard_normal((1, 2, 2)).astype(np.float32)
    np.save(os.path.join(inputs, "legacy.npy"), legacy_in)

    device = subprocess.Popen([os.path.join(args.dir, "build", "my_device"), "--tcp", "0"],
                              stdout=subprocess.PIPE, text=True)
    try:
        port = f"socket://127.0.0.1:{device.stdout.readline().strip()}"
        status = [
            host_execute(args.host, port, "digits", "--batch-input", f"input={inputs}/digits.npy",
                         "--output-dir", f"{golden}/digits"),
            host_execute(args.host, port, "multi_io", "--batch-input", f"features={m}/cases_features.npy",
                         "--batch-input", f"mask={m}/cases_mask.npy", "--output-dir", f"{golden}/multi_io"),
            host_execute(args.host, port, "hdronly", "--input", f"input_1={inputs}/legacy.npy",
                         "--output-dir", f"{golden}/legacy"),
            host_execute(args.host, port, "nnlike", "--input", f"input_1={inputs}/legacy.npy",
                         "--output-dir", f"{golden}/nnlike"),
        ]
    finally:
        device.terminate()
        device.wait(timeout=10)
    if any(status):
        print(f"byom: FAIL: tvmcrt-host exit codes {status}")
        return 1
    # The golden outputs must themselves be right: the references the examples were made with.
    checks = [
        ("digits output", np.load(f"{golden}/digits/output.npy"),
         np.load(os.path.join(d, "heldout_outputs.npy"))[:SAMPLES], 0),
        ("multi_io scores", np.load(f"{golden}/multi_io/scores.npy"), np.load(f"{m}/cases_scores.npy"), 1e-5),
        ("multi_io flags", np.load(f"{golden}/multi_io/flags.npy"), np.load(f"{m}/cases_flags.npy"), 0),
        ("hdronly Identity (a byte copy of the input)", np.load(f"{golden}/legacy/Identity.npy"),
         legacy_in.reshape(-1).view(np.int32), 0),
        ("nnlike Identity (a byte copy of the input)", np.load(f"{golden}/nnlike/Identity.npy"),
         legacy_in.reshape(-1).view(np.int32), 0),
    ]
    bad = 0
    for what, got, ref, rtol in checks:
        ok = got.shape == ref.shape and got.dtype == ref.dtype and np.allclose(got, ref, rtol=rtol, atol=0)
        print(f"byom: native {what}: {got.dtype}{list(got.shape)} {'matches' if ok else 'DIFFERS from'} the reference")
        bad += not ok
    return 1 if bad else 0


def cmd_board(args):
    port = os.environ.get("TVMCRT_PORT")
    if not port:
        raise SystemExit("byom.py board: run it through scripts/qemu-board run ELF -- ... (sets TVMCRT_PORT)")
    inputs = os.path.join(args.dir, "inputs")
    golden = os.path.join(args.dir, "golden")
    m = os.path.join(EXAMPLES, "multi_io", "data")
    status = [
        host_execute(args.host, port, "digits", "--batch-input", f"input={inputs}/digits.npy",
                     "--batch-expect", f"output={golden}/digits/output.npy"),
        host_execute(args.host, port, "multi_io", "--batch-input", f"features={m}/cases_features.npy",
                     "--batch-input", f"mask={m}/cases_mask.npy",
                     "--batch-expect", f"scores={golden}/multi_io/scores.npy",
                     "--batch-expect", f"flags={golden}/multi_io/flags.npy"),
        host_execute(args.host, port, "hdronly", "--input", f"input_1={inputs}/legacy.npy",
                     "--expect", f"Identity={golden}/legacy/Identity.npy"),
        host_execute(args.host, port, "nnlike", "--input", f"input_1={inputs}/legacy.npy",
                     "--expect", f"Identity={golden}/nnlike/Identity.npy"),
    ]
    print(f"byom: board exit codes {status} (0: every output equals the native device's)")
    return 1 if any(status) else 0


def cmd_build_model(args):
    """The installed scripts/build-model on digits (.tar), hdronly (+ sidecar) and two models TVM both
    compiled as "default" (--name renames them; one calls CMSIS-NN kernels, --cmsis-nn); the device
    it writes must serve all four, and tvmcrt-fw.elf must be an ARM executable."""
    shutil.rmtree(args.dir, ignore_errors=True)
    models = os.path.join(args.dir, "models")
    prepare_models(models)
    out = os.path.join(args.dir, "out")
    cmd = [os.path.join(args.prefix, "share", "tvmcrt", "scripts", "build-model"),
           "--mlf", os.path.join(models, "digits.tar"),
           "--mlf", os.path.join(models, "hdronly"), "--sidecar", os.path.join(models, "hdronly.sidecar.json"),
           "--mlf", os.path.join(FIXTURES, "published"), "--name", "first",
           "--mlf", os.path.join(FIXTURES, "cmsisnn"), "--name", "second",
           "--cmsis-nn", os.path.join(FIXTURES, "cmsis_nn_standin"),
           "--out", out, "-j", "2"]
    print("$", " ".join(cmd), flush=True)
    start = time.monotonic()
    if subprocess.call(cmd) != 0:
        print("byom: FAIL: build-model failed")
        return 1
    print(f"byom: build-model took {time.monotonic() - start:.1f} s")
    with open(os.path.join(out, "tvmcrt-fw.elf"), "rb") as f:
        head = f.read(20)
    machine = int.from_bytes(head[18:20], "little")
    if head[:4] != b"\x7fELF" or machine != 40:  # EM_ARM
        print(f"byom: FAIL: tvmcrt-fw.elf is not an ARM ELF (e_machine {machine})")
        return 1
    device = subprocess.Popen([os.path.join(out, "tvmcrt-device"), "--tcp", "0"], stdout=subprocess.PIPE, text=True)
    try:
        port = f"socket://127.0.0.1:{device.stdout.readline().strip()}"
        info = subprocess.run([os.path.join(args.prefix, "bin", "tvmcrt-host"), "info", "--port", port],
                              stdout=subprocess.PIPE, text=True).stdout
    finally:
        device.terminate()
        device.wait(timeout=10)
    print(info)
    served = re.findall(r"^model \d+: (\w+)", info, re.M)
    if served != ["digits", "hdronly", "first", "second"]:
        print(f"byom: FAIL: out/tvmcrt-device serves {served}, not ['digits', 'hdronly', 'first', 'second']")
        return 1
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="action", required=True)
    b = sub.add_parser("build")
    b.add_argument("--template", required=True)
    b.add_argument("--dir", required=True)
    b.add_argument("--prefix", help="installed tvmcrt (find_package)")
    b.add_argument("--source", help="tvmcrt source tree (add_subdirectory), as TVMCRT_SOURCE_DIR")
    b.add_argument("--target", action="append", default=[], help="build only these targets")
    b.add_argument("--expect-file", action="append", default=[], help="a file the build must write")
    b.add_argument("--define", action="append", default=[], help="VAR=VALUE for the configure")
    b.add_argument("--case")
    b.add_argument("--expect-error", action="append", default=[])
    for name in ("native", "board"):
        s = sub.add_parser(name)
        s.add_argument("--dir", required=True)
        s.add_argument("--host", required=True)
    s = sub.add_parser("build-model")
    s.add_argument("--dir", required=True)
    s.add_argument("--prefix", required=True)
    args = p.parse_args()
    return {"build": cmd_build, "native": cmd_native, "board": cmd_board,
            "build-model": cmd_build_model}[args.action](args)


if __name__ == "__main__":
    sys.exit(main())
