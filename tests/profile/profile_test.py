#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""tests/profile/profile_test.py — `tvmcrt-host profile` on the emulated boards (docs/profile.md).

  profile_test.py loops HOST FW_DIR     the loops model (tests/profile/loops_model): shares of its
                                        operators of known cost within 2 points, repeat runs, the
                                        stack mark moving by the 2048 bytes the input adds, CSV,
                                        the trace, the gate passing on itself and tripping (exit 7)
                                        on the 10 % slower build, and a model built without PROFILE
  profile_test.py largest HOST FW_DIR DATA   conv_i8 (tests/real_models) on the MPS2 AN386

Each command boots its own QEMU through `--port qemu:IMAGE` (instruction counting on by default).
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL " + what, flush=True)


def profile(host, image, *args):
    r = subprocess.run([host, "profile", "--port", "qemu:" + image, *args], capture_output=True, text=True,
                       timeout=120)
    return r.returncode, r.stdout, r.stderr


def profile_json(host, image, *args):
    rc, out, err = profile(host, image, "--json", *args)
    if rc != 0:
        raise SystemExit("profile failed (%d): %s%s" % (rc, out, err))
    return json.loads(out)


def ticks_by_name(p):
    return {o["name"]: o["ticks"] for o in p["operators"]}


def same_within_a_tick(a, b, what):
    """Counts of one image on one input: equal, but for at most one tick per reading (docs/profile.md)."""
    ta, tb = ticks_by_name(a), ticks_by_name(b)
    check(ta.keys() == tb.keys(), what + ": the same operators")
    for name in ta:
        calls = next(o["calls"] for o in a["operators"] if o["name"] == name)
        check(abs(ta[name] - tb.get(name, -10**9)) <= calls, "%s: %s %d vs %d ticks" % (what, name, ta[name], tb.get(name, 0)))
    check(abs(a["run_ticks"] - b["run_ticks"]) <= 1, "%s: run %d vs %d ticks" % (what, a["run_ticks"], b["run_ticks"]))


def test_loops(host, fw):
    image, slow = os.path.join(fw, "tvmcrt-fw-profile.elf"), os.path.join(fw, "tvmcrt-fw-profile-slow.elf")
    tmp = tempfile.mkdtemp(prefix="tvmcrt-profile-")
    even, odd = os.path.join(tmp, "even.npy"), os.path.join(tmp, "odd.npy")
    x = (np.arange(16) * 2).astype(np.int8)
    np.save(even, x)
    x[0] = 1
    np.save(odd, x)

    first = profile_json(host, image, "-m", "loops", "--input", even)
    again = profile_json(host, image, "-m", "loops", "--input", even)
    names = [o["name"] for o in first["operators"]]
    check(sorted(names) == ["tvmgen_loops_fused_loop_a", "tvmgen_loops_fused_loop_b", "tvmgen_loops_fused_loop_c",
                            "tvmgen_loops_fused_stack_touch"], "every operator listed: %s" % names)
    check(names[0] == "tvmgen_loops_fused_loop_c", "sorted by time, slowest first: %s" % names)
    check(first["operator_count"] == 4 and first["recorded"] == 4, "4 operators, all recorded")
    check(all(o["calls"] == 1 for o in first["operators"]), "one call each")
    t = ticks_by_name(first)
    loops = {k: v for k, v in t.items() if "loop_" in k}
    total = sum(loops.values())
    for name, want in (("a", 1 / 7), ("b", 2 / 7), ("c", 4 / 7)):
        got = loops["tvmgen_loops_fused_loop_" + name] / total
        check(abs(got - want) <= 0.02 * want, "loop_%s share %.4f, expected %.4f within 2 %%" % (name, got, want))
    check(first["probe_ticks_per_call"] > 0, "the probe's cost is measured: %d ticks" % first["probe_ticks_per_call"])
    same_within_a_tick(first, again, "two runs")
    print("loops: %s, probe %d ticks per call" % (t, first["probe_ticks_per_call"]), flush=True)

    # The stack mark: stack_touch writes 1024 bytes of stack on an even input[0], 3072 on an odd one.
    m = profile_json(host, image, "-m", "loops", "--input", odd)["memory"]
    e = first["memory"]
    check(e["stack_measured"] and e["stack_size"] == 8192, "stack measured, 8 KiB: %s" % e)
    check(m["stack_used"] - e["stack_used"] == 2048,
          "stack mark moves by 2048 bytes: %d -> %d" % (e["stack_used"], m["stack_used"]))

    # The table, CSV and the trace.
    rc, out, err = profile(host, image, "-m", "loops", "--input", even, "--trace", os.path.join(tmp, "t.json"))
    check(rc == 0 and "probe: %d ticks per call" % first["probe_ticks_per_call"] in out and
          "stack %d of 8192 bytes" % e["stack_used"] in out, "table: %s%s" % (out, err))
    # The model's static flash and RAM, from the image's .tvmcrt.footprint (the build's fit check).
    st = first["memory"]["model_static"]
    check(st is not None and st["flash"] > 0 and st["ram"] == st["static_data"] + st["workspace"] + st["io_buffers"]
          and st["io_buffers"] >= 2 * 16 and st["image"] == image, "static footprint from the image: %s" % st)
    check(st is not None and ("static: flash %d bytes, RAM %d bytes" % (st["flash"], st["ram"])) in out,
          "table shows the static footprint: %s" % out)
    rc, other, err = profile(host, image, "-m", "loops", "--input", even, "--image", os.path.join(fw, "tvmcrt-fw.elf"))
    check(rc == 0 and "holds no footprint of model loops" in other, "--image without the model says so: %s" % other)
    rc, other, err = profile(host, image, "-m", "loops", "--input", even, "--image", os.path.abspath(__file__))
    check(rc == 2 and "is not an ARM ELF image tvmcrt can read: not an ELF file" in err and other == "",
          "--image that is no image: exit 2 before the run: %d %s" % (rc, err))
    rows = [l.split() for l in out.splitlines() if l.startswith("tvmgen_loops_fused_")]
    check([r[0] for r in rows] == names, "table rows in JSON order: %s" % rows)
    trace = json.load(open(os.path.join(tmp, "t.json")))
    slices = [ev for ev in trace["traceEvents"] if ev.get("cat") == "operator"]
    check(sorted(ev["name"] for ev in slices) == sorted(names) and all(ev["ph"] == "X" and ev["dur"] > 0 for ev in slices),
          "trace: one complete event per operator")
    order = [ev["name"] for ev in sorted(slices, key=lambda ev: ev["ts"])]
    check(order == ["tvmgen_loops_fused_loop_%s" % c for c in "abc"] + ["tvmgen_loops_fused_stack_touch"],
          "trace in call order: %s" % order)
    rc, out, err = profile(host, image, "-m", "loops", "--input", even, "--csv")
    lines = out.splitlines()
    check(rc == 0 and lines[0] == "operator,calls,ticks,us,share,min_ticks,max_ticks,first_tick" and
          [l.split(",")[0] for l in lines[1:]] == names, "csv: %s" % out)

    # The gate: passes against its own baseline, trips on the build that is 10 % slower.
    base = os.path.join(tmp, "base.json")
    with open(base, "w") as f:
        json.dump(first, f)
    rc, out, err = profile(host, image, "-m", "loops", "--input", even, "--baseline", base)
    check(rc == 0, "gate passes on the same image: %d %s" % (rc, err))
    rc, out, err = profile(host, slow, "-m", "loops", "--input", even, "--baseline", base, "--max-regression", "5")
    check(rc == 7, "gate trips with exit 7: %d" % rc)
    for what in ("total", "tvmgen_loops_fused_loop_a", "tvmgen_loops_fused_loop_b", "tvmgen_loops_fused_loop_c"):
        check(what in err, "gate names %s: %s" % (what, err))
    check("performance gate" in err and "stack_touch" not in err, "gate names only what grew: %s" % err)
    print("gate: " + err.strip(), flush=True)

    # A model built without PROFILE: refused before it runs, naming the option.
    rc, out, err = profile(host, image, "-m", "digits", "--input", even)
    check(rc == 2 and "built without PROFILE" in err and "add PROFILE to its tvmcrt_add_model()" in err,
          "digits without PROFILE: %d %s" % (rc, err))


def test_largest(host, fw, data):
    image = os.path.join(fw, "tvmcrt-an386-conv-i8-profile.elf")
    tmp = tempfile.mkdtemp(prefix="tvmcrt-profile-")
    trace = os.path.join(tmp, "conv_i8.trace.json")
    inp = os.path.join(data, "input_1.npy")
    a = profile_json(host, image, "--input", inp, "--trace", trace)
    b = profile_json(host, image, "--input", inp)
    names = sorted(o["name"] for o in a["operators"])
    check(names == ["tvmgen_default_fused_nn_conv2d_add_fixed_point_multiply_clip_cast",
                    "tvmgen_default_fused_nn_dense_add_fixed_point_multiply_clip_cast",
                    "tvmgen_default_fused_nn_max_pool2d"], "conv_i8: every operator: %s" % names)
    check(a["recorded"] == a["operator_count"] == 3, "conv_i8: all recorded")
    same_within_a_tick(a, b, "conv_i8, two runs")
    events = json.load(open(trace))["traceEvents"]
    check(len([e for e in events if e.get("cat") == "operator"]) == 3, "conv_i8: trace has the 3 operators")
    rc, out, err = profile(host, image, "--input", inp)
    print(out, flush=True)


def main():
    which, host, fw = sys.argv[1], sys.argv[2], sys.argv[3]
    if which == "loops":
        test_loops(host, fw)
    else:
        test_largest(host, fw, sys.argv[4])
    if failures:
        print("profile_test %s: %d failure(s)" % (which, len(failures)))
        sys.exit(1)
    print("profile_test %s: PASSED" % which)


if __name__ == "__main__":
    main()
