#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""layers.py SOURCE_DIR COMPILE_COMMANDS — the layers point one way, checked on how every file is
really compiled (compile_commands.json): the include path of each layer's sources holds no folder
of a layer above it, and no source reaches one by a relative #include.

  runtime/       knows nothing of proto/, device/ or host/
  proto/         knows the runtime's error codes only (runtime/include), nothing of device/ or host/
  device/agent/  knows nothing of device/ports/ or host/
  host/lib/      knows nothing of device/ or host/cli/ (wire values come from proto/ and the
                 runtime's public headers)
  host/cli/      knows nothing of device/
"""
import json
import os
import re
import shlex
import sys

RULES = [  # (a layer's folder, folders its sources may not see)
    ("runtime/", ["proto/", "device/", "host/"]),
    ("proto/", ["device/", "host/"]),
    ("device/agent/", ["device/ports/", "host/"]),
    ("host/lib/", ["device/", "host/cli/"]),
    ("host/cli/", ["device/"]),
]
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def include_dirs(entry):
    args = entry.get("arguments") or shlex.split(entry["command"])
    dirs, i = [], 0
    while i < len(args):
        a = args[i]
        for flag in ("-I", "-isystem", "-iquote"):
            if a == flag and i + 1 < len(args):
                dirs.append(args[i + 1])
                i += 1
            elif a.startswith(flag) and len(a) > len(flag):
                dirs.append(a[len(flag):])
        i += 1
    return [os.path.normpath(os.path.join(entry["directory"], d)) for d in dirs]


def main():
    src, db = os.path.realpath(sys.argv[1]), sys.argv[2]
    entries = json.load(open(db))
    bad, seen = [], {layer: 0 for layer, _ in RULES}
    for e in entries:
        path = os.path.realpath(os.path.join(e["directory"], e["file"]))
        rel = os.path.relpath(path, src)
        for layer, forbidden in RULES:
            if not rel.startswith(layer):
                continue
            seen[layer] += 1
            for d in include_dirs(e):
                drel = os.path.relpath(os.path.realpath(d), src)
                for f in forbidden:
                    if (drel + "/").startswith(f):
                        bad.append(f"{rel}: compiled with -I {drel}, inside {f} (a layer above {layer})")
            text = open(path, errors="replace").read()
            for inc in INCLUDE.findall(text):
                target = os.path.relpath(os.path.normpath(os.path.join(os.path.dirname(path), inc)), src)
                if os.path.exists(os.path.join(src, target)):
                    for f in forbidden:
                        if target.startswith(f):
                            bad.append(f'{rel}: #include "{inc}" reaches {target}, inside {f}')
    for layer, n in seen.items():
        if n == 0:
            bad.append(f"no compiled source under {layer}: is compile_commands.json from this tree?")
    for b in bad:
        print("FAIL " + b)
    if bad:
        sys.exit(f"layers: {len(bad)} violations (README: layers point one way)")
    print("layers: " + ", ".join(f"{layer} {n} files" for layer, n in seen.items()) + ": PASSED")


if __name__ == "__main__":
    main()
