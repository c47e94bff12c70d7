#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""lava_report.py RESULT.json — tvmcrt-host execute --json (batch mode) as LAVA test cases.

One `lava-test-case sample_<i>` per sample (pass when it matched its reference, with the on-device
time as the measurement in us), samples the command did not reach as skip, `accuracy` with the
accuracy in % when --labels was given, and `tvmcrt-host` with the command's own outcome (its error
message printed to the log when it failed). Runs inside a LAVA test shell, where lava-test-case is
on PATH; exits 1 only when RESULT.json cannot be read.
"""
import json
import subprocess
import sys


def case(name, result, measurement=None, units=None):
    argv = ["lava-test-case", name, "--result", result]
    if measurement is not None:
        argv += ["--measurement", "%g" % measurement, "--units", units]
    subprocess.run(argv, check=False)


def main(path):
    try:
        with open(path) as f:
            r = json.load(f)
    except (OSError, ValueError) as e:
        print("lava_report: cannot read %s: %s" % (path, e))
        case("tvmcrt-host", "fail")
        return 1
    rows = r.get("results", [])
    for row in rows:
        case("sample_%d" % row["index"], "pass" if row.get("pass", True) else "fail", row.get("time_us"), "us")
    for i in range(len(rows), int(r.get("samples", len(rows)))):
        case("sample_%d" % i, "skip")
    if "accuracy" in r:
        case("accuracy", "pass", 100 * r["accuracy"], "%")
    error = r.get("error")
    if error:
        print("tvmcrt-host: %s error (exit %s): %s" % (error["class"], error["exit_code"], error["message"]))
    case("tvmcrt-host", "pass" if r.get("ok") else "fail")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: lava_report.py RESULT.json")
    sys.exit(main(sys.argv[1]))
